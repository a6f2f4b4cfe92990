// Docs: monday workdocs. Their content is in DocBlocks.
#include "schema/paging/api_scan.h"
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
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "Doc id (the one docs(ids:) and DocBlocks.doc_id use).", .nullable = false},
      {.name = "object_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "Object id of the doc: the number in its URL, and what doc columns point at.",
       .nullable = false},
      {.name = "name", .description = "Doc name.", .nullable = false},
      {.name = "doc_kind", .description = "public, private or share.", .size = 16},
      {.name = "workspace_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "Workspace holding the doc; NULL for the main workspace."},
      {.name = "doc_folder_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "Folder holding the doc; NULL at the top level."},
      {.name = "created_by_id", .type = DataType::BigInt, .path = "created_by.id", .decode = Decode::Id,
       .description = "User who created the doc."},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the doc was created (UTC)."},
      {.name = "updated_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the doc last changed (UTC)."},
      {.name = "url", .description = "Link to the doc.", .size = 512},
      {.name = "relative_url", .description = "Link to the doc, relative to the account.", .size = 512},
      {.name = "settings", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "Doc settings as JSON."},
  };
  table.keys = {{"id", true}, {"object_id", true}, {"workspace_id", true}};
  table.primary_key = {"id"};
  table.scan = [](ScanContext& context, const ScanRequest& request) { return scanRootList(context, request, kDocs); };
  table.estimate = [](const ScanShape& shape) { return estimateRootList(shape, kDocs, 100); };
  return table;
}

}  // namespace monday::schema
