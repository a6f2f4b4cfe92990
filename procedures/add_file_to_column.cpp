// AddFileToColumn: uploads a file into a file column of an item.
#include "procedures/file_upload.h"

namespace monday::procedures {

ProcedureDef makeAddFileToColumnProcedure() {
  ProcedureDef procedure;
  procedure.name = "AddFileToColumn";
  procedure.description = "Uploads a file (a local path, or bytes given inline) into a file column of an item. "
                          "Returns the new asset.";
  procedure.mutating = true;
  procedure.parameters = {
      {"ItemId", DataType::BigInt, true, {}, "The item."},
      {"ColumnId", DataType::Varchar, true, {}, "The file column (Columns.id of a column of type file)."},
  };
  for (auto& parameter : fileParameters()) procedure.parameters.push_back(std::move(parameter));
  procedure.results = assetResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation AddFileToColumn($item: ID!, $column: String!, $file: File!) { add_file_to_column(item_id: $item, "
        "column_id: $column, file: $file) { " + std::string(kAssetSelection) + " } }";
    Variables variables;
    variables.set("item", arguments.requiredId("ItemId")).set("column", arguments.requiredText("ColumnId"));
    return uploadFileRow(context, arguments, kDocument, variables, "add_file_to_column");
  };
  return procedure;
}

}  // namespace monday::procedures
