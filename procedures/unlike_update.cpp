// UnlikeUpdate: takes back the connection's user's like of an update.
#include "procedures/update_result.h"

namespace monday::procedures {

ProcedureDef makeUnlikeUpdateProcedure() {
  ProcedureDef procedure;
  procedure.name = "UnlikeUpdate";
  procedure.description = "Removes the connection's user's like from an update. Returns the update.";
  procedure.mutating = true;
  procedure.parameters = {
      {"UpdateId", DataType::BigInt, true, {}, "The update to unlike (Updates.id)."},
  };
  procedure.results = updateResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument = "mutation UnlikeUpdate($update: ID!) { unlike_update(update_id: $update) { " +
                                         std::string(kUpdateSelection) + " } }";
    Variables variables;
    variables.set("update", arguments.requiredId("UpdateId"));
    return mutateOneRow(context, "UnlikeUpdate", kDocument, variables, "unlike_update", updateFields());
  };
  return procedure;
}

}  // namespace monday::procedures
