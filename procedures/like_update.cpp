// LikeUpdate: the connection's user likes an update (once: liking again changes nothing).
#include "procedures/update_result.h"

namespace monday::procedures {

ProcedureDef makeLikeUpdateProcedure() {
  ProcedureDef procedure;
  procedure.name = "LikeUpdate";
  procedure.description = "Likes an update (an item comment) as the connection's user. Returns the update.";
  procedure.mutating = true;
  procedure.parameters = {
      {"UpdateId", DataType::BigInt, true, {}, "The update to like (Updates.id)."},
  };
  procedure.results = updateResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument = "mutation LikeUpdate($update: ID!) { like_update(update_id: $update) { " +
                                         std::string(kUpdateSelection) + " } }";
    Variables variables;
    variables.set("update", arguments.requiredId("UpdateId"));
    return mutateOneRow(context, "LikeUpdate", kDocument, variables, "like_update", updateFields());
  };
  return procedure;
}

}  // namespace monday::procedures
