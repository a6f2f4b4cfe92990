// AddFileToUpdate: attaches a file to an update (a post on an item).
#include "procedures/file_upload.h"

namespace monday::procedures {

ProcedureDef makeAddFileToUpdateProcedure() {
  ProcedureDef procedure;
  procedure.name = "AddFileToUpdate";
  procedure.description = "Attaches a file (a local path, or bytes given inline) to an update. Returns the new asset.";
  procedure.mutating = true;
  procedure.parameters = {
      {"UpdateId", DataType::BigInt, true, {}, "The update."},
  };
  for (auto& parameter : fileParameters()) procedure.parameters.push_back(std::move(parameter));
  procedure.results = assetResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation AddFileToUpdate($update: ID!, $file: File!) { add_file_to_update(update_id: $update, file: $file) "
        "{ " + std::string(kAssetSelection) + " } }";
    Variables variables;
    variables.set("update", arguments.requiredId("UpdateId"));
    return uploadFileRow(context, arguments, kDocument, variables, "add_file_to_update");
  };
  return procedure;
}

}  // namespace monday::procedures
