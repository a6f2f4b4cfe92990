#pragma once
// What the update procedures (LikeUpdate, UnlikeUpdate, PinUpdate, UnpinUpdate) share: monday
// answers each with the update as it is after the change, one row.

#include <string_view>
#include <vector>

#include "procedures/graphql_call.h"
#include "procedures/procedure.h"

namespace monday::procedures {

// update_id, item_id, text_body, likes, pinned_to_top.
std::vector<ResultColumnDef> updateResultColumns();
// The GraphQL selection on Update that updateFields() reads.
inline constexpr std::string_view kUpdateSelection =
    "id item_id text_body likes { creator_id reaction_type } pinned_to_top { item_id }";
const std::vector<JsonField>& updateFields();

}  // namespace monday::procedures
