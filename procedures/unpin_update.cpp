// UnpinUpdate: unpins an update from the top of an item's updates.
#include "procedures/update_result.h"

namespace monday::procedures {

ProcedureDef makeUnpinUpdateProcedure() {
  ProcedureDef procedure;
  procedure.name = "UnpinUpdate";
  procedure.description = "Unpins an update from the top of an item's updates. Returns the update.";
  procedure.mutating = true;
  procedure.parameters = {
      {"UpdateId", DataType::BigInt, true, {}, "The update to unpin (Updates.id)."},
      {"ItemId", DataType::BigInt, false, {}, "The item it is pinned on; the item it was posted on when omitted."},
  };
  procedure.results = updateResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument = "mutation UnpinUpdate($update: ID!, $item: ID) { unpin_from_top(id: "
                                         "$update, item_id: $item) { " + std::string(kUpdateSelection) + " } }";
    Variables variables;
    variables.set("update", arguments.requiredId("UpdateId")).setIfGiven("item", arguments.id("ItemId"));
    return mutateOneRow(context, "UnpinUpdate", kDocument, variables, "unpin_from_top", updateFields());
  };
  return procedure;
}

}  // namespace monday::procedures
