// Updates and Replies: INSERT = create_update (a reply: with parent_id), UPDATE body = edit_update,
// DELETE = delete_update.
#include "schema/writes/writes.h"

namespace monday::schema {

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

}  // namespace monday::schema
