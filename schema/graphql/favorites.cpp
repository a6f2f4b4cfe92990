// Favorites: the boards, folders, workspaces and dashboards the token's user marked as favorites.
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

TableDef makeFavoritesTable() {
  TableDef table;
  table.name = "Favorites";
  table.description =
      "The favorites of the token's user (the Favorites list of monday's left-side menu): each favorite's object "
      "and its place in the list. A user's favorites are their own; another token sees its own user's list.";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Favorite id.", .nullable = false},
      {.name = "object_id", .type = DataType::BigInt, .path = "object.id", .decode = Decode::Id,
       .description = "The favorite object: Boards.id, Folders.id or Workspaces.id by object_type, or a dashboard's id."},
      {.name = "object_type", .path = "object.type", .description = "Board, Folder, Workspace or Dashboard.", .size = 32},
      {.name = "folder_id", .type = DataType::BigInt, .path = "folderId", .decode = Decode::Id,
       .description = "The folder of the favorites list the favorite sits in; NULL at the top of the list."},
      {.name = "position", .type = DataType::Double, .decode = Decode::Real,
       .description = "The favorite's position in its list or folder (ascending)."},
      {.name = "account_id", .type = DataType::BigInt, .path = "accountId", .decode = Decode::Id,
       .description = "The account the favorite belongs to."},
      {.name = "created_at", .type = DataType::Timestamp, .path = "createdAt", .decode = Decode::Timestamp,
       .description = "When the favorite was made (UTC); monday leaves it NULL for older favorites."},
      {.name = "updated_at", .type = DataType::Timestamp, .path = "updatedAt", .decode = Decode::Timestamp,
       .description = "When the favorite last changed (UTC); may be NULL."},
  };
  table.primary_key = {"id"};
  // favorites takes no arguments and can only be asked at the root: one request, the whole list.
  table.scan = [](ScanContext& context, const ScanRequest&) { return scanRootPath(context, "Favorites", "favorites"); };
  table.estimate = [](const ScanShape&) { return ScanEstimate{20, 1}; };
  return table;
}

}  // namespace monday::schema
