// DocBlocks: the content of every workdoc, one row per block (paragraph, title, list item ...).
#include "schema/paging/nested_scan.h"
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
      {.name = "doc_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
       .description = "The doc (joins Docs.id).", .nullable = false},
      {.name = "id", .description = "Block id.", .size = 64, .nullable = false},
      {.name = "type",
       .description = "Block type (normal text, large title, bulleted list, code, divider, image, table ...).",
       .size = 64},
      {.name = "parent_block_id",
       .description = "Block containing this one (a table or layout cell); NULL at the top level.", .size = 64},
      {.name = "position", .type = DataType::Double, .decode = Decode::Real,
       .description = "Position of the block in the doc."},
      {.name = "content", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "The block's content as JSON; the layout depends on the type."},
      {.name = "created_by_id", .type = DataType::BigInt, .path = "created_by.id", .decode = Decode::Id,
       .description = "User who created the block."},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the block was created (UTC)."},
      {.name = "updated_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the block last changed (UTC)."},
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
