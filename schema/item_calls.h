#pragma once
// The item mutations shared by Items, Subitems and every board table (each table's own writes
// live in its file: schema/graphql/items.cpp, subitems.cpp, schema/boards/board_writes.cpp).

#include <string>
#include <string_view>
#include <vector>

#include "schema/table.h"

namespace monday::schema {

// How deep an item sits: 0 for a top-level item, 1 for its subitems, down to 4 on a multi-level
// board (five levels). monday has no depth field; the column asks for parent_item four levels up
// and counts the parents it gets, so each row knows its depth without the rows above it.
ColumnDef itemDepthColumn();

// Calls shared by Items, Subitems and the board tables.
namespace item_calls {

// create_item on `board_id`; `group_id` and `column_values` (JSON text) may be empty.
MutationCall create(std::string board_id, std::string name, std::string group_id, std::string column_values);
// create_subitem under `parent_item_id`.
MutationCall createSubitem(std::string parent_item_id, std::string name, std::string column_values);
// change_multiple_column_values: `column_values` is a JSON object text ({"name":"…","status":{…}}).
MutationCall changeValues(std::string board_id, std::string item_id, std::string column_values);
MutationCall moveToGroup(std::string item_id, std::string group_id);
// archive_item / delete_item. With the item's board they also carry their bulk form
// (bulk_archive_items / bulk_delete_items), which a statement over many items may use instead.
MutationCall archive(std::string item_id, std::string board_id = {});
MutationCall remove(std::string item_id, std::string board_id = {});
// The board a bulk job on this row's item would name (Items, Subitems): its board_id, unless the
// item is a subitem (a parent_item_id), whose bulk job would need monday's hidden subitems board;
// "" when there is none, so the item's change goes as a call of its own.
std::string bulkBoardOf(const RowValues& row);
// UPDATE … SET state = 'archived' / 'deleted': the call that does it; throws 22018 for any other
// state (monday cannot restore an item through the API).
MutationCall changeState(const std::string& item_id, const std::string& new_state, std::string_view table,
                         const std::string& board_id = {});

// UPDATE of an item row (Items, Subitems): name, group_id and state, in that order (a renamed
// item can still be archived in the same statement).
std::vector<MutationCall> updateRow(const RowValues& before, const RowValues& after, const std::vector<std::string>& changed);
inline constexpr const char* kUpdateSummary =
    "name renames (change_multiple_column_values), group_id moves the item (move_item_to_group), state = "
    "'archived' archives it (archive_item) and 'deleted' deletes it (delete_item).";
inline constexpr const char* kDeleteSummary = "deletes the item (delete_item; monday keeps it in the trash for 30 days).";

}  // namespace item_calls

// A JSON string literal ("…" with escapes) for building column_values objects.
std::string jsonQuoted(std::string_view text);

}  // namespace monday::schema
