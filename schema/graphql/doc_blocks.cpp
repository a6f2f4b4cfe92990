// DocBlocks: the content of every workdoc, one row per block (paragraph, title, list item ...).
#include "schema/graphql/nested_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

NestedScan docBlocksScan() {
  // Document.blocks takes limit/page (default 25); docs with more blocks are followed up.
  return {.operation = "DocBlocks",
          .parents = RootParents{.field = "docs", .per_page = 25, .ids_per_request = 25, .key_column = "doc_id"},
          .children = {{.field = "blocks", .page_size = 100}}};
}

}  // namespace

TableDef makeDocBlocksTable() {
  TableDef table;
  table.name = "DocBlocks";
  table.description =
      "Blocks of every workdoc in document order: one row per block, with its type and its content as JSON "
      "(text blocks hold deltaFormat runs).";
  table.columns = {
      {"doc_id", DataType::BigInt, "^id", Decode::Id, "The doc (joins Docs.id).", 0, false},
      {"id", DataType::Varchar, "id", Decode::Text, "Block id.", 64, false},
      {"type", DataType::Varchar, "type", Decode::Text,
       "Block type (normal text, large title, bulleted list, code, divider, image, table ...).", 64},
      {"parent_block_id", DataType::Varchar, "parent_block_id", Decode::Text,
       "Block containing this one (a table or layout cell); NULL at the top level.", 64},
      {"position", DataType::Double, "position", Decode::Real, "Position of the block in the doc."},
      {"content", DataType::LongVarchar, "content", Decode::Json, "The block's content as JSON; the layout depends on the type."},
      {"created_by_id", DataType::BigInt, "created_by.id", Decode::Id, "User who created the block."},
      {"created_at", DataType::Timestamp, "created_at", Decode::Timestamp, "When the block was created (UTC)."},
      {"updated_at", DataType::Timestamp, "updated_at", Decode::Timestamp, "When the block last changed (UTC)."},
  };
  table.keys = {{"doc_id", true}};
  table.primary_key = {"doc_id", "id"};
  table.foreign_keys = {{{"doc_id"}, "Docs", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanNested(context, request, docBlocksScan());
  };
  table.estimate = [](const ScanShape& shape) { return estimateNested(shape, docBlocksScan(), 30, 100); };
  return table;
}

}  // namespace monday::schema
