// Replies: the replies to every update, in a table of their own.
#include "schema/graphql/nested_scan.h"
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
      {"update_id", DataType::BigInt, "^id", Decode::Id, "The update replied to (joins Updates.id).", 0, false},
      {"item_id", DataType::BigInt, "^item_id", Decode::Id, "The item the update is on."},
      {"id", DataType::BigInt, "id", Decode::Id, "Reply id.", 0, false},
      {"body", DataType::LongVarchar, "body", Decode::Text, "The reply as HTML.", 0, false},
      {"text_body", DataType::LongVarchar, "text_body", Decode::Text, "The reply as plain text."},
      {"kind", DataType::Varchar, "kind", Decode::Text, "Kind of reply (text ...).", 32},
      {"creator_id", DataType::BigInt, "creator_id", Decode::Id, "User who wrote the reply."},
      {"created_at", DataType::Timestamp, "created_at", Decode::Timestamp, "When the reply was written (UTC)."},
      {"updated_at", DataType::Timestamp, "updated_at", Decode::Timestamp, "When the reply last changed (UTC)."},
      {"edited_at", DataType::Timestamp, "edited_at", Decode::Timestamp, "When the reply was last edited (UTC)."},
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
