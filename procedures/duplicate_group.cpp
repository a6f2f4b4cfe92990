// DuplicateGroup: copies a group with its items on the same board. monday allows about 40
// group duplications a minute; a refused call is waited out and sent again (it did not run).
#include "procedures/graphql_call.h"

namespace monday::procedures {

ProcedureDef makeDuplicateGroupProcedure() {
  ProcedureDef procedure;
  procedure.name = "DuplicateGroup";
  procedure.description = "Copies a group with its items on the same board. Returns the new group.";
  procedure.mutating = true;
  procedure.parameters = {
      {"BoardId", DataType::BigInt, true, {}, "The board the group is on."},
      {"GroupId", DataType::Varchar, true, {}, "The group to copy (Groups.id)."},
      {"GroupTitle", DataType::Varchar, false, {}, "Title of the copy; monday names it 'Duplicate of ...' when omitted."},
      {"AddToTop", DataType::Bit, false, std::int64_t{0}, "1 to put the copy at the top of the board."},
  };
  procedure.results = {
      {"board_id", DataType::BigInt, "The board."},
      {"group_id", DataType::Varchar, "The new group's id.", 64},
      {"group_title", DataType::Varchar, "The new group's title."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation DuplicateGroup($board: ID!, $group: String!, $title: String, $top: Boolean) { "
        "duplicate_group(board_id: $board, group_id: $group, group_title: $title, add_to_top: $top) { id title } }";
    const std::string board = arguments.requiredId("BoardId");
    Variables variables;
    variables.set("board", board)
        .set("group", arguments.requiredText("GroupId"))
        .setIfGiven("title", arguments.text("GroupTitle"))
        .setIfGiven("top", arguments.boolean("AddToTop"));
    Rows rows = mutateOneRow(context, "DuplicateGroup", kDocument, variables, "duplicate_group",
                             {{"id", schema::Decode::Text}, {"title", schema::Decode::Text}});
    // The group carries no board id; the row starts with the one the call named.
    Row row{Value{std::stoll(board)}};
    for (auto& value : rows.front()) row.push_back(std::move(value));
    return Rows{std::move(row)};
  };
  return procedure;
}

}  // namespace monday::procedures
