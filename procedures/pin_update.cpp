// PinUpdate: pins an update to the top of an item's updates.
#include "procedures/update_result.h"

namespace monday::procedures {

ProcedureDef makePinUpdateProcedure() {
  ProcedureDef procedure;
  procedure.name = "PinUpdate";
  procedure.description = "Pins an update to the top of an item's updates. Returns the update.";
  procedure.mutating = true;
  procedure.parameters = {
      {"UpdateId", DataType::BigInt, true, {}, "The update to pin (Updates.id)."},
      {"ItemId", DataType::BigInt, false, {}, "The item to pin it on; the item it was posted on when omitted."},
  };
  procedure.results = updateResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument = "mutation PinUpdate($update: ID!, $item: ID) { pin_to_top(id: $update, "
                                         "item_id: $item) { " + std::string(kUpdateSelection) + " } }";
    Variables variables;
    variables.set("update", arguments.requiredId("UpdateId")).setIfGiven("item", arguments.id("ItemId"));
    return mutateOneRow(context, "PinUpdate", kDocument, variables, "pin_to_top", updateFields());
  };
  return procedure;
}

}  // namespace monday::procedures
