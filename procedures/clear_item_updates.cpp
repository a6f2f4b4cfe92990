// ClearItemUpdates: deletes every update (comment) of an item; monday answers with the item.
#include "procedures/item_result.h"

namespace monday::procedures {

ProcedureDef makeClearItemUpdatesProcedure() {
  ProcedureDef procedure;
  procedure.name = "ClearItemUpdates";
  procedure.description = "Deletes all updates (comments) of an item; they leave Updates. Returns the item.";
  procedure.mutating = true;
  procedure.parameters = {
      {"ItemId", DataType::BigInt, true, {}, "The item whose updates to delete."},
  };
  procedure.results = itemResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument = "mutation ClearItemUpdates($item: ID!) { clear_item_updates(item_id: $item) { " +
                                         std::string(kItemSelection) + " } }";
    Variables variables;
    variables.set("item", arguments.requiredId("ItemId"));
    return mutateOneRow(context, "ClearItemUpdates", kDocument, variables, "clear_item_updates", itemFields());
  };
  return procedure;
}

}  // namespace monday::procedures
