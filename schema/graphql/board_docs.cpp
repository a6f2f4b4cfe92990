// BoardDocs: the workdocs that live in items' doc columns (DocValue.file), one row per cell
// holding a doc, so they can be joined to Docs, DocBlocks and DocMarkdown by doc_id.
#include "schema/paging/nested_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

// A doc column's text is always "" (monday's doc-column page): the doc is read from `file`.
NestedScan boardDocsScan() {
  return {.operation = "BoardDocs",
          .parents = ItemParents{.item_column = "item_id", .board_column = "board_id", .per_page = 100,
                                 .selection = "board { id }"},
          .children = {{.field = "column_values",
                        .arguments = "types: [doc]",
                        .selection = "id ... on DocValue { file { file_id object_id url created_at creator_id "
                                     "doc { id name } } }"}}};
}

bool holdsADoc(const RowView& row) {
  if (!row.node || !row.node->IsObject()) return false;
  auto file = row.node->FindMember("file");
  return file != row.node->MemberEnd() && file->value.IsObject();
}

}  // namespace

TableDef makeBoardDocsTable() {
  TableDef table;
  table.name = "BoardDocs";
  table.description =
      "Workdocs kept in items' doc columns: one row per (item, doc column) that holds a doc. The doc's blocks are in "
      "DocBlocks and its Markdown in DocMarkdown (join on doc_id). Active items only, as in Items.";
  table.columns = {
      {.name = "board_id", .type = DataType::BigInt, .path = "^board.id", .decode = Decode::Id,
       .description = "The item's board (Boards.id).", .nullable = false},
      {.name = "item_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
       .description = "The item (Items.id).", .nullable = false},
      {.name = "column_id", .path = "id", .description = "The doc column (Columns.id).", .size = 64, .nullable = false},
      {.name = "doc_id", .type = DataType::BigInt, .path = "file.doc.id", .decode = Decode::Id,
       .description = "The doc (Docs.id)."},
      {.name = "object_id", .type = DataType::BigInt, .path = "file.object_id", .decode = Decode::Id,
       .description = "The doc's object id (Docs.object_id; the id in its URL)."},
      {.name = "doc_name", .path = "file.doc.name", .description = "The doc's name.", .size = 255},
      {.name = "url", .path = "file.url", .description = "Link to the doc.", .size = 1024},
      {.name = "creator_id", .type = DataType::BigInt, .path = "file.creator_id", .decode = Decode::Id,
       .description = "Who put the doc in the column (Users.id)."},
      {.name = "created_at", .type = DataType::Timestamp, .path = "file.created_at", .decode = Decode::Timestamp,
       .description = "When the doc was put in the column (UTC)."},
  };
  table.keys = {{"item_id", true}, {"board_id", true}};
  table.primary_key = {"item_id", "column_id"};
  table.foreign_keys = {{{"item_id"}, "Items", {"id"}}, {{"doc_id"}, "Docs", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return keepRows(scanNested(context, request, boardDocsScan()), holdsADoc);
  };
  table.estimate = [](const ScanShape& shape) { return estimateNested(shape, boardDocsScan(), 0.2, 20000); };
  return table;
}

}  // namespace monday::schema
