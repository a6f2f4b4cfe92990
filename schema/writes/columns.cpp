// Columns: INSERT = create_column, UPDATE = change_column_title / change_column_metadata,
// DELETE = delete_column.
#include "schema/writes/writes.h"

namespace monday::schema {

TableWrites columnsWrites() {
  TableWrites writes;
  writes.insert_columns = {"board_id", "id", "title", "type", "description", "settings"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("board_id", "INSERT into Columns");
    row.require("title", "INSERT into Columns");
    row.require("type", "INSERT into Columns");
    MutationCall call{"create_column", {idArgument("board_id", row.id("board_id")), stringArgument("title", row.text("title")),
                                        enumArgument("column_type", "ColumnType!", row.text("type"))}};
    if (!row.isNull("id")) call.arguments.push_back(stringArgument("id", row.text("id"), false));
    if (!row.isNull("description")) call.arguments.push_back(stringArgument("description", row.text("description"), false));
    if (!row.isNull("settings")) call.arguments.push_back(jsonArgument("defaults", row.text("settings")));
    return {call};
  };
  writes.update_columns = {"title", "description"};
  writes.update = [](const RowValues& before, const RowValues& after, const std::vector<std::string>& changed) {
    std::vector<MutationCall> calls;
    for (const auto& column : changed) {
      if (column == "title") {
        after.require("title", "UPDATE Columns SET title");
        calls.push_back({"change_column_title", {idArgument("board_id", before.id("board_id")),
                                                 stringArgument("column_id", before.text("id")),
                                                 stringArgument("title", after.text("title"))}});
      } else if (column == "description") {
        calls.push_back({"change_column_metadata", {idArgument("board_id", before.id("board_id")),
                                                    stringArgument("column_id", before.text("id")),
                                                    enumArgument("column_property", "ColumnProperty", "description"),
                                                    stringArgument("value", after.text("description"), false)}});
      }
    }
    return calls;
  };
  writes.remove = [](const RowValues& row) -> std::vector<MutationCall> {
    return {{"delete_column", {idArgument("board_id", row.id("board_id")), stringArgument("column_id", row.text("id"))}}};
  };
  writes.insert_summary =
      "creates a column (create_column) on board_id with title and type (a monday column type), optional id, "
      "description and settings (sent as the column's defaults JSON).";
  writes.update_summary = "title (change_column_title) and description (change_column_metadata).";
  writes.delete_summary = "deletes the column (delete_column).";
  return writes;
}

}  // namespace monday::schema
