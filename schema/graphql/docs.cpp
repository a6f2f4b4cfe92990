// Docs: monday workdocs. Their content is in DocBlocks.
#include "schema/graphql/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

const RootList kDocs{
    .operation = "Docs", .field = "docs", .page_size = 100, .ids_per_request = 100,
    .filters = {{.column = "object_id", .argument = "object_ids", .type = "[ID!]", .per_request = 100,
                 .one_row_per_value = true},
                {.column = "workspace_id", .argument = "workspace_ids", .type = "[ID]", .per_request = 100}}};

}  // namespace

TableDef makeDocsTable() {
  TableDef table;
  table.name = "Docs";
  table.description = "Workdocs the token can see. Their blocks (paragraphs, titles, lists ...) are in DocBlocks.";
  table.columns = {
      {"id", DataType::BigInt, "id", Decode::Id, "Doc id (the one docs(ids:) and DocBlocks.doc_id use).", 0, false},
      {"object_id", DataType::BigInt, "object_id", Decode::Id,
       "Object id of the doc: the number in its URL, and what doc columns point at.", 0, false},
      {"name", DataType::Varchar, "name", Decode::Text, "Doc name.", 0, false},
      {"doc_kind", DataType::Varchar, "doc_kind", Decode::Text, "public, private or share.", 16},
      {"workspace_id", DataType::BigInt, "workspace_id", Decode::Id, "Workspace holding the doc; NULL for the main workspace."},
      {"doc_folder_id", DataType::BigInt, "doc_folder_id", Decode::Id, "Folder holding the doc; NULL at the top level."},
      {"created_by_id", DataType::BigInt, "created_by.id", Decode::Id, "User who created the doc."},
      {"created_at", DataType::Timestamp, "created_at", Decode::Timestamp, "When the doc was created (UTC)."},
      {"updated_at", DataType::Timestamp, "updated_at", Decode::Timestamp, "When the doc last changed (UTC)."},
      {"url", DataType::Varchar, "url", Decode::Text, "Link to the doc.", 512},
      {"relative_url", DataType::Varchar, "relative_url", Decode::Text, "Link to the doc, relative to the account.", 512},
      {"settings", DataType::LongVarchar, "settings", Decode::Json, "Doc settings as JSON."},
  };
  table.keys = {{"id", true}, {"object_id", true}, {"workspace_id", true}};
  table.primary_key = {"id"};
  table.scan = [](ScanContext& context, const ScanRequest& request) { return scanRootList(context, request, kDocs); };
  table.estimate = [](const ScanShape& shape) { return estimateRootList(shape, kDocs, 100); };
  return table;
}

}  // namespace monday::schema
