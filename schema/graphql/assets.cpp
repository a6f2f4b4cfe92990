// Assets: the files of every item, from its file columns and its updates.
#include "schema/paging/nested_scan.h"
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
      {.name = "item_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
       .description = "The item the file is attached to.", .nullable = false},
      {.name = "board_id", .type = DataType::BigInt, .path = "^board.id", .decode = Decode::Id,
       .description = "The item's board.", .nullable = false},
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Asset id.", .nullable = false},
      {.name = "name", .description = "File name.", .nullable = false},
      {.name = "file_extension", .description = "File extension (pdf, png ...).", .size = 32},
      {.name = "file_size", .type = DataType::BigInt, .decode = Decode::Integer, .description = "Size in bytes."},
      {.name = "url", .description = "Link to the file in monday (needs a monday login).", .size = 1024},
      {.name = "public_url", .description = "Public download link, valid for about an hour after the query.",
       .size = 1024},
      {.name = "url_thumbnail", .description = "Thumbnail link (images only).", .size = 1024},
      {.name = "original_geometry", .description = "Image size, e.g. 1280x720.", .size = 32},
      {.name = "uploaded_by_id", .type = DataType::BigInt, .path = "uploaded_by.id", .decode = Decode::Id,
       .description = "User who uploaded the file."},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the file was uploaded (UTC)."},
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
