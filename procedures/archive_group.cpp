// ArchiveGroup: archives a group of a board, with its items.
#include "procedures/graphql_call.h"

namespace monday::procedures {

ProcedureDef makeArchiveGroupProcedure() {
  ProcedureDef procedure;
  procedure.name = "ArchiveGroup";
  procedure.description = "Archives a group of a board together with its items (restorable in monday).";
  procedure.mutating = true;
  procedure.parameters = {
      {"BoardId", DataType::BigInt, true, {}, "The board the group is on."},
      {"GroupId", DataType::Varchar, true, {}, "The group to archive (Groups.id)."},
  };
  procedure.results = {
      {"board_id", DataType::BigInt, "The board."},
      {"group_id", DataType::Varchar, "The archived group.", 64},
      {"group_title", DataType::Varchar, "Its title."},
      {"archived", DataType::Bit, "1: the group is archived now."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation ArchiveGroup($board: ID!, $group: String!) { archive_group(board_id: $board, group_id: $group) "
        "{ id title archived } }";
    const std::string board = arguments.requiredId("BoardId");
    Variables variables;
    variables.set("board", board).set("group", arguments.requiredText("GroupId"));
    Rows rows = mutateOneRow(context, "ArchiveGroup", kDocument, variables, "archive_group",
                             {{"id", schema::Decode::Text}, {"title", schema::Decode::Text},
                              {"archived", schema::Decode::Boolean}});
    // The group carries no board id; the row starts with the one the call named.
    Row row{Value{std::stoll(board)}};
    for (auto& value : rows.front()) row.push_back(std::move(value));
    return Rows{std::move(row)};
  };
  return procedure;
}

}  // namespace monday::procedures
