#pragma once
// What INSERT/UPDATE/DELETE mean for each entity table, one file per table under schema/writes/
// (the table's own file attaches them: `table.writes = itemsWrites();`). Board tables build their
// writes from the column-type descriptors (schema/boards/).

#include <string>
#include <string_view>
#include <vector>

#include "schema/table.h"

namespace monday::schema {

TableWrites boardsWrites();
TableWrites columnsWrites();
TableWrites groupsWrites();
TableWrites itemsWrites();
TableWrites subitemsWrites();
TableWrites updatesWrites();
TableWrites repliesWrites();
TableWrites tagsWrites();
TableWrites webhooksWrites();

// Calls shared by Items, Subitems and the board tables.
namespace item_calls {

// create_item on `board_id`; `group_id` and `column_values` (JSON text) may be empty.
MutationCall create(std::string board_id, std::string name, std::string group_id, std::string column_values);
// create_subitem under `parent_item_id`.
MutationCall createSubitem(std::string parent_item_id, std::string name, std::string column_values);
// change_multiple_column_values: `column_values` is a JSON object text ({"name":"…","status":{…}}).
MutationCall changeValues(std::string board_id, std::string item_id, std::string column_values);
MutationCall moveToGroup(std::string item_id, std::string group_id);
MutationCall archive(std::string item_id);
MutationCall remove(std::string item_id);
// UPDATE … SET state = 'archived' / 'deleted': the call that does it; throws 22018 for any other
// state (monday cannot restore an item through the API).
MutationCall changeState(const std::string& item_id, const std::string& new_state, std::string_view table);

}  // namespace item_calls

// A JSON string literal ("…" with escapes) for building column_values objects.
std::string jsonQuoted(std::string_view text);

}  // namespace monday::schema
