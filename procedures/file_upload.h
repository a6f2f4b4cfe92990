#pragma once
// What AddFileToColumn and AddFileToUpdate share: where the file comes from (a local path or
// bytes given inline), how it is sent (a multipart request to the file endpoint, never retried)
// and the asset row they answer with.

#include <string>
#include <string_view>
#include <vector>

#include "procedures/graphql_call.h"
#include "procedures/procedure.h"

namespace monday::procedures {

// FilePath, Content, FileName: appended to the procedure's own parameters.
std::vector<ParameterDef> fileParameters();

// asset_id, asset_name, file_extension, file_size, url.
std::vector<ResultColumnDef> assetResultColumns();
// The selection on Asset that the asset row reads.
inline constexpr std::string_view kAssetSelection = "id name file_extension file_size url";

// Uploads the file the arguments name with `document` (whose `$file: File!` variable receives
// it) and returns the asset row read from data.<field>. Throws 42000 when neither FilePath nor
// Content is given, HY000 when the file cannot be read.
Rows uploadFileRow(ProcedureContext& context, const Arguments& arguments, std::string_view document,
                   const Variables& variables, std::string_view field);

}  // namespace monday::procedures
