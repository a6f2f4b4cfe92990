#include "schema/graphql/members.h"

namespace monday::schema {

std::vector<ColumnDef> memberColumns(ColumnDef parent, const std::string& roles, bool with_teams) {
  std::vector<ColumnDef> columns{
      std::move(parent),
      {"role", DataType::Varchar, "@role", Decode::Text, "The member's role: " + roles + ".", 16, false},
  };
  if (with_teams) {
    columns.push_back({"member_kind", DataType::Varchar, "@member_kind", Decode::Text,
                       "user or team: which of user_id / team_id is set.", 8, false});
    columns.push_back({"user_id", DataType::BigInt, "user_id", Decode::Id,
                       "The user, when member_kind = 'user' (joins Users.id)."});
    columns.push_back({"team_id", DataType::BigInt, "team_id", Decode::Id,
                       "The team, when member_kind = 'team' (joins Teams.id)."});
    columns.push_back({"name", DataType::Varchar, "name", Decode::Text, "The user's or team's name."});
  } else {
    columns.push_back({"user_id", DataType::BigInt, "user_id", Decode::Id, "The user (joins Users.id).", 0, false});
    columns.push_back({"name", DataType::Varchar, "name", Decode::Text, "The user's name."});
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
