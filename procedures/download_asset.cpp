// DownloadAsset: fetches a file monday stores (an asset: file columns, update attachments). The
// bytes come from the asset's public_url, a signed link valid for about an hour that needs no
// credentials: the driver sends none there, and never logs the link's query string (its
// signature). With LocalPath the file is written there; without it the bytes come back in the
// `content` column (LONGVARBINARY).
#include <filesystem>
#include <fstream>

#include "driver/client/api_client.h"
#include "driver/common/error.h"
#include "procedures/graphql_call.h"

namespace monday::procedures {

namespace {

// Writes next to the target first and renames, so a failed download never leaves half a file
// under the name the user asked for.
std::string writeFile(const std::string& wanted, const std::string& asset_name, const std::string& bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target(wanted);
  if (!wanted.empty() && (wanted.back() == '/' || fs::is_directory(target, ec))) target /= fs::path(asset_name).filename();
  const fs::path partial = target.string() + ".part";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw Error(sqlstate::kGeneralError, "DownloadAsset: cannot write '" + partial.string() +
                                               "'. LocalPath must be a writable file or directory on the machine "
                                               "running the application.");
    }
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove(partial, ec);
      throw Error(sqlstate::kGeneralError, "DownloadAsset: writing '" + partial.string() + "' failed (disk full?).");
    }
  }
  fs::rename(partial, target, ec);
  if (ec) {
    fs::remove(partial, ec);
    throw Error(sqlstate::kGeneralError, "DownloadAsset: cannot create '" + target.string() + "' (" + ec.message() + ").");
  }
  return target.string();
}

}  // namespace

ProcedureDef makeDownloadAssetProcedure() {
  ProcedureDef procedure;
  procedure.name = "DownloadAsset";
  procedure.description = "Downloads a file stored in monday (an asset). With LocalPath it is written there; "
                          "otherwise its bytes are returned in the content column.";
  procedure.mutating = false;
  procedure.parameters = {
      {"AssetId", DataType::BigInt, true, {}, "The asset (Assets.id; file columns hold asset ids)."},
      {"LocalPath", DataType::Varchar, false, {},
       "Where to write the file (a file name, or a directory to write it into under its own name). Omit to get "
       "the bytes in the content column."},
  };
  procedure.results = {
      {"asset_id", DataType::BigInt, "The asset."},
      {"asset_name", DataType::Varchar, "Its file name."},
      {"file_extension", DataType::Varchar, "Its extension.", 32},
      {"file_size", DataType::BigInt, "Bytes downloaded."},
      {"local_path", DataType::Varchar, "The file written, or NULL when the bytes are in content.", 1024},
      {"content", DataType::LongVarBinary, "The file's bytes, or NULL when written to LocalPath."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "query DownloadAsset($ids: [ID!]!) { assets(ids: $ids) { id name file_extension public_url } }";
    const std::string asset = arguments.requiredId("AssetId");
    Variables variables;
    rapidjson::Value ids(rapidjson::kArrayType);
    ids.PushBack(rapidjson::Value(asset.c_str(), variables.allocator()), variables.allocator());
    variables.set("ids", std::move(ids));
    const rapidjson::Document response = context.api.query(kDocument, variables.json());
    const rapidjson::Value& assets = dataField(response, "assets", "DownloadAsset");
    if (!assets.IsArray() || assets.Empty() || !assets[0].IsObject()) {
      throw Error(sqlstate::kGeneralError,
                  "DownloadAsset: asset " + asset + " does not exist or your user cannot see it.");
    }
    Row row = rowFromJson(assets[0], {{"id", schema::Decode::Id},
                                      {"name", schema::Decode::Text},
                                      {"file_extension", schema::Decode::Text},
                                      {"public_url", schema::Decode::Text}});
    const auto* url = std::get_if<std::string>(&row[3]);
    if (!url || url->empty()) {
      throw Error(sqlstate::kGeneralError, "DownloadAsset: monday gave no download link for asset " + asset + ".");
    }
    const std::string bytes = context.api.download(*url);
    row[3] = static_cast<std::int64_t>(bytes.size());
    row.resize(6);  // local_path and content: one of them is set below
    if (auto path = arguments.text("LocalPath")) {
      const auto* name = std::get_if<std::string>(&row[1]);
      row[4] = writeFile(*path, name ? *name : "asset-" + asset, bytes);
    } else {
      row[5] = Blob{std::vector<unsigned char>(bytes.begin(), bytes.end())};
    }
    return Rows{std::move(row)};
  };
  return procedure;
}

}  // namespace monday::procedures
