#include "schema/paging/members.h"

namespace monday::schema {

std::vector<ColumnDef> memberColumns(ColumnDef parent, const std::string& roles, bool with_teams) {
  std::vector<ColumnDef> columns{
      std::move(parent),
      {.name = "role", .path = "@role", .description = "The member's role: " + roles + ".", .size = 16,
       .nullable = false},
  };
  if (with_teams) {
    columns.push_back({.name = "member_kind", .path = "@member_kind",
                       .description = "user or team: which of user_id / team_id is set.",
                       .size = 8, .nullable = false});
    columns.push_back({.name = "user_id", .type = DataType::BigInt, .decode = Decode::Id,
                       .description = "The user, when member_kind = 'user' (joins Users.id)."});
    columns.push_back({.name = "team_id", .type = DataType::BigInt, .decode = Decode::Id,
                       .description = "The team, when member_kind = 'team' (joins Teams.id)."});
    columns.push_back({.name = "name", .description = "The user's or team's name."});
  } else {
    columns.push_back({.name = "user_id", .type = DataType::BigInt, .decode = Decode::Id,
                       .description = "The user (joins Users.id).", .nullable = false});
    columns.push_back({.name = "name", .description = "The user's name."});
  }
  return columns;
}

// The selections alias the member's id so one row shape serves users and teams.
ChildList userMembers(std::string field, std::string role, int page_size) {
  return {.field = std::move(field), .page_size = page_size, .selection = "user_id: id name",
          .labels = {{"@role", std::move(role)}, {"@member_kind", "user"}}};
}

ChildList teamMembers(std::string field, std::string role, int page_size) {
  return {.field = std::move(field), .page_size = page_size, .selection = "team_id: id name",
          .labels = {{"@role", std::move(role)}, {"@member_kind", "team"}}};
}

}  // namespace monday::schema
