#pragma once
// What the item procedures (DuplicateItem, MoveItemToGroup, MoveItemToBoard, ArchiveItem) share:
// they all answer with the item as it is after the change, one row.

#include <string>
#include <string_view>
#include <vector>

#include "procedures/graphql_call.h"
#include "procedures/procedure.h"

namespace monday::procedures {

// item_id, item_name, board_id, group_id, state.
std::vector<ResultColumnDef> itemResultColumns();
// The GraphQL selection on Item that itemFields() reads.
inline constexpr std::string_view kItemSelection = "id name state board { id } group { id }";
const std::vector<JsonField>& itemFields();

// The board `item_id` is on (one read request). Throws HY000 when monday does not know the item.
std::string boardOfItem(ProcedureContext& context, std::string_view procedure_name, const std::string& item_id);

}  // namespace monday::procedures
