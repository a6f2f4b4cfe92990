// MoveItemToGroup: moves an item to another group of its board.
#include "procedures/item_result.h"

namespace monday::procedures {

ProcedureDef makeMoveItemToGroupProcedure() {
  ProcedureDef procedure;
  procedure.name = "MoveItemToGroup";
  procedure.description = "Moves an item to another group of the same board. Returns the item.";
  procedure.mutating = true;
  procedure.parameters = {
      {"ItemId", DataType::BigInt, true, {}, "The item to move."},
      {"GroupId", DataType::Varchar, true, {}, "The group to move it to (Groups.id, e.g. 'topics')."},
  };
  procedure.results = itemResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation MoveItemToGroup($item: ID, $group: String!) { move_item_to_group(item_id: $item, group_id: "
        "$group) { " + std::string(kItemSelection) + " } }";
    Variables variables;
    variables.set("item", arguments.requiredId("ItemId")).set("group", arguments.requiredText("GroupId"));
    return mutateOneRow(context, "MoveItemToGroup", kDocument, variables, "move_item_to_group", itemFields());
  };
  return procedure;
}

}  // namespace monday::procedures
