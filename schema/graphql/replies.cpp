// Replies: the replies to every update, in a table of their own.
#include "schema/paging/nested_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

NestedScan repliesScan() {
  // updates(limit:) is at most 100; Update.replies returns every reply.
  return {.operation = "Replies",
          .parents = RootParents{.field = "updates", .per_page = 100, .ids_per_request = 100,
                                 .key_column = "update_id", .selection = "item_id"},
          .children = {{.field = "replies"}}};
}

// Replies: INSERT = create_update with parent_id (a reply to update_id).
TableWrites repliesWrites() {
  TableWrites writes;
  writes.insert_columns = {"update_id", "body"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("update_id", "INSERT into Replies");
    row.require("body", "INSERT into Replies");
    return {{"create_update", {stringArgument("body", row.text("body")), idArgument("parent_id", row.id("update_id"), false)}}};
  };
  writes.insert_summary = "replies to update_id (create_update with parent_id); body is HTML.";
  return writes;
}

}  // namespace

TableDef makeRepliesTable() {
  TableDef table;
  table.name = "Replies";
  table.description = "Replies to updates (the threaded answers under an item's update).";
  table.columns = {
      {.name = "update_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
       .description = "The update replied to (joins Updates.id).", .nullable = false},
      {.name = "item_id", .type = DataType::BigInt, .path = "^item_id", .decode = Decode::Id,
       .description = "The item the update is on."},
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Reply id.", .nullable = false},
      {.name = "body", .type = DataType::LongVarchar, .description = "The reply as HTML.", .nullable = false},
      {.name = "text_body", .type = DataType::LongVarchar, .description = "The reply as plain text."},
      {.name = "kind", .description = "Kind of reply (text ...).", .size = 32},
      {.name = "creator_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "User who wrote the reply."},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the reply was written (UTC)."},
      {.name = "updated_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the reply last changed (UTC)."},
      {.name = "edited_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the reply was last edited (UTC)."},
  };
  table.keys = {{"update_id", true}};
  table.primary_key = {"id"};
  table.foreign_keys = {{{"update_id"}, "Updates", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanNested(context, request, repliesScan());
  };
  table.estimate = [](const ScanShape& shape) { return estimateNested(shape, repliesScan(), 0.5, 500); };
  table.writes = repliesWrites();
  return table;
}

}  // namespace monday::schema
