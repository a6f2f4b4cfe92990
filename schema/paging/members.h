#pragma once
// The people and teams attached to a board, workspace or team: one row per (parent, role,
// member), members being users or teams. Shared by BoardUsers, WorkspaceUsers and TeamUsers so
// the three tables have the same shape and can be queried alike.

#include <string>
#include <vector>

#include "schema/paging/nested_scan.h"

namespace monday::schema {

// `parent` first (e.g. board_id, read as "^id"), then role, member_kind, user_id, team_id, name;
// without teams, just role, user_id and name.
std::vector<ColumnDef> memberColumns(ColumnDef parent, const std::string& roles, bool with_teams);

// A list of users (`owners`, `subscribers` ...) or of teams whose rows get `role`.
ChildList userMembers(std::string field, std::string role, int page_size = 0);
ChildList teamMembers(std::string field, std::string role, int page_size = 0);

}  // namespace monday::schema
