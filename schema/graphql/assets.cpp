// Assets: the files of every item, from its file columns and its updates.
#include "schema/graphql/nested_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

NestedScan assetsScan() {
  // assets(ids:) at the root cannot say which item a file belongs to, so files are read per item.
  return {.operation = "Assets",
          .parents = ItemParents{.item_column = "item_id", .board_column = "board_id", .per_page = 500,
                                 .selection = "board { id }"},
          .children = {{.field = "assets", .arguments = "assets_source: all"}}};
}

}  // namespace

TableDef makeAssetsTable() {
  TableDef table;
  table.name = "Assets";
  table.description =
      "Files attached to items, in file columns or in the item's updates: one row per (item, file). Active items "
      "only, as in Items.";
  table.columns = {
      {"item_id", DataType::BigInt, "^id", Decode::Id, "The item the file is attached to.", 0, false},
      {"board_id", DataType::BigInt, "^board.id", Decode::Id, "The item's board.", 0, false},
      {"id", DataType::BigInt, "id", Decode::Id, "Asset id.", 0, false},
      {"name", DataType::Varchar, "name", Decode::Text, "File name.", 0, false},
      {"file_extension", DataType::Varchar, "file_extension", Decode::Text, "File extension (pdf, png ...).", 32},
      {"file_size", DataType::BigInt, "file_size", Decode::Integer, "Size in bytes."},
      {"url", DataType::Varchar, "url", Decode::Text, "Link to the file in monday (needs a monday login).", 1024},
      {"public_url", DataType::Varchar, "public_url", Decode::Text,
       "Public download link, valid for about an hour after the query.", 1024},
      {"url_thumbnail", DataType::Varchar, "url_thumbnail", Decode::Text, "Thumbnail link (images only).", 1024},
      {"original_geometry", DataType::Varchar, "original_geometry", Decode::Text, "Image size, e.g. 1280x720.", 32},
      {"uploaded_by_id", DataType::BigInt, "uploaded_by.id", Decode::Id, "User who uploaded the file."},
      {"created_at", DataType::Timestamp, "created_at", Decode::Timestamp, "When the file was uploaded (UTC)."},
  };
  table.keys = {{"item_id", true}, {"board_id", true}};
  table.primary_key = {"item_id", "id"};
  table.foreign_keys = {{{"item_id"}, "Items", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanNested(context, request, assetsScan());
  };
  table.estimate = [](const ScanShape& shape) { return estimateNested(shape, assetsScan(), 0.2, 20000); };
  return table;
}

}  // namespace monday::schema
