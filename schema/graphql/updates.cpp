// Updates: the updates (comments) on every item. Their replies are in Replies.
#include "schema/paging/nested_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

// updates(limit:) and the nested Item.updates / Board.updates lists are read 100 at a time.
constexpr int kPageSize = 100;

const RootList kUpdates{.operation = "Updates", .field = "updates", .page_size = kPageSize, .ids_per_request = 100};

// Root updates() lists updates of items in any state, so item lookups must not drop archived items.
NestedScan updatesOfItems() {
  return {.operation = "ItemUpdates",
          .parents = ItemParents{.item_column = "item_id", .any_state_by_id = true},
          .children = {{.field = "updates", .page_size = kPageSize}}};
}

NestedScan updatesOfBoards() {
  return {.operation = "BoardUpdates",
          .parents = RootParents{.field = "boards", .arguments = std::string(kEveryBoard), .per_page = 25, .ids_per_request = 25,
                                 .key_column = "board_id"},
          .children = {{.field = "updates", .page_size = kPageSize}}};
}

// Updates: INSERT = create_update, UPDATE body = edit_update, DELETE = delete_update.
TableWrites updatesWrites() {
  TableWrites writes;
  writes.insert_columns = {"item_id", "body"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("item_id", "INSERT into Updates");
    row.require("body", "INSERT into Updates");
    return {{"create_update", {stringArgument("body", row.text("body")), idArgument("item_id", row.id("item_id"), false)}}};
  };
  writes.update_columns = {"body"};
  writes.update = [](const RowValues& before, const RowValues& after, const std::vector<std::string>&) -> std::vector<MutationCall> {
    after.require("body", "UPDATE Updates SET body");
    return {{"edit_update", {idArgument("id", before.id("id")), stringArgument("body", after.text("body"))}}};
  };
  writes.remove = [](const RowValues& row) -> std::vector<MutationCall> {
    return {{"delete_update", {idArgument("id", row.id("id"))}}};
  };
  writes.insert_summary = "posts an update on item_id (create_update); body is HTML.";
  writes.update_summary = "body edits the update (edit_update).";
  writes.delete_summary = "deletes the update (delete_update).";
  return writes;
}

}  // namespace

TableDef makeUpdatesTable() {
  TableDef table;
  table.name = "Updates";
  table.description = "Updates (comments) on items, newest first. Replies to them are in Replies, files in Assets.";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Update id.", .nullable = false},
      {.name = "item_id", .type = DataType::BigInt, .decode = Decode::Id, .description = "The item the update is on."},
      {.name = "board_id", .type = DataType::BigInt, .path = "item.board.id", .decode = Decode::Id,
       .description = "The item's board."},
      {.name = "creator_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "User who wrote the update."},
      {.name = "body", .type = DataType::LongVarchar, .description = "The update as HTML.", .nullable = false},
      {.name = "text_body", .type = DataType::LongVarchar, .description = "The update as plain text."},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the update was written (UTC)."},
      {.name = "updated_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the update last changed (UTC)."},
      {.name = "edited_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the update was last edited (UTC)."},
      {.name = "original_creation_date", .description = "Creation date given when the update was imported, if any.",
       .size = 64},
  };
  table.keys = {{"id", true}, {"item_id", true}, {"board_id", true}};
  table.primary_key = {"id"};
  table.foreign_keys = {{{"item_id"}, "Items", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) -> std::unique_ptr<RowSource> {
    if (request.valuesFor("id") || (!request.valuesFor("item_id") && !request.valuesFor("board_id"))) {
      return scanRootList(context, request, kUpdates);
    }
    if (request.valuesFor("item_id")) return scanNested(context, request, updatesOfItems());
    return scanNested(context, request, updatesOfBoards());
  };
  table.estimate = [](const ScanShape& shape) {
    if (shape.constrains("id")) return estimateRootList(shape, kUpdates, 1000);
    if (shape.constrains("item_id")) return estimateNested(shape, updatesOfItems(), 2, 1000);
    if (shape.constrains("board_id")) return estimateNested(shape, updatesOfBoards(), 50, 200);
    return estimateRootList(shape, kUpdates, 1000);
  };
  table.writes = updatesWrites();
  return table;
}

}  // namespace monday::schema
