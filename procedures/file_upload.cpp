#include "procedures/file_upload.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "driver/client/api_client.h"
#include "driver/common/error.h"

namespace monday::procedures {

namespace {

// monday accepts files up to 500 MB on its file endpoint (REFERENCE §1.4).
constexpr std::size_t kMaxFileBytes = 500u * 1024u * 1024u;

std::string baseName(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string readLocalFile(const std::string& procedure_name, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(sqlstate::kGeneralError, procedure_name + ": cannot read the file '" + path + "' (" +
                                             std::strerror(errno) + "). FilePath is a path on the machine running "
                                             "the application.");
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw Error(sqlstate::kGeneralError, procedure_name + ": reading the file '" + path + "' failed.");
  return std::move(bytes).str();
}

}  // namespace

std::vector<ParameterDef> fileParameters() {
  return {
      {"FilePath", DataType::Varchar, false, {},
       "Path of a local file to upload (on the machine running the application). Give this or Content."},
      {"Content", DataType::LongVarBinary, false, {}, "The file's bytes, when they do not come from FilePath."},
      {"FileName", DataType::Varchar, false, {},
       "Name the file gets in monday; FilePath's file name by default, required with Content."},
  };
}

std::vector<ResultColumnDef> assetResultColumns() {
  return {
      {"asset_id", DataType::BigInt, "The uploaded file's asset id (Assets.id, DownloadAsset's AssetId)."},
      {"asset_name", DataType::Varchar, "The file name in monday."},
      {"file_extension", DataType::Varchar, "The file's extension.", 32},
      {"file_size", DataType::BigInt, "The file's size in bytes."},
      {"url", DataType::Varchar, "Link to the file in monday (opens for users of the account).", 1024},
  };
}

Rows uploadFileRow(ProcedureContext& context, const Arguments& arguments, std::string_view document,
                   const Variables& variables, std::string_view field) {
  const std::string& name = arguments.procedure().name;
  std::string bytes;
  std::string file_name = arguments.text("FileName").value_or("");
  if (auto path = arguments.text("FilePath")) {
    if (arguments.given("Content")) {
      throw Error(sqlstate::kSyntaxErrorOrAccessViolation, name + ": give FilePath or Content, not both.");
    }
    bytes = readLocalFile(name, *path);
    if (file_name.empty()) file_name = baseName(*path);
  } else if (auto content = arguments.bytes("Content")) {
    bytes.assign(content->begin(), content->end());
    if (file_name.empty()) {
      throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
                  name + ": with Content, give FileName too (the name the file gets in monday, e.g. 'report.pdf').");
    }
  } else {
    throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
                name + " needs the file: FilePath (a local file) or Content (its bytes) with FileName.");
  }
  if (file_name.empty()) throw Error(sqlstate::kSyntaxErrorOrAccessViolation, name + ": FileName is empty.");
  if (bytes.size() > kMaxFileBytes) {
    throw Error(sqlstate::kGeneralError, name + ": the file has " + std::to_string(bytes.size()) +
                                             " bytes; monday accepts at most 500 MB per file.");
  }
  const rapidjson::Document response = context.api.uploadFile(document, variables.json(), "file", file_name, bytes);
  return {rowFromJson(dataField(response, field, name), {{"id", schema::Decode::Id},
                                                         {"name", schema::Decode::Text},
                                                         {"file_extension", schema::Decode::Text},
                                                         {"file_size", schema::Decode::Integer},
                                                         {"url", schema::Decode::Text}})};
}

}  // namespace monday::procedures
