// UpdateViewers: who has seen each update, and through which channel (Update.viewers, API 2025-01+).
#include "schema/paging/nested_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

NestedScan updateViewersScan() {
  // updates(limit:) is at most 100; viewers(limit:, page:) pages by 100, a full page followed up.
  return {.operation = "UpdateViewers",
          .parents = RootParents{.field = "updates", .per_page = 100, .ids_per_request = 100,
                                 .key_column = "update_id", .selection = "item_id"},
          .children = {{.field = "viewers", .page_size = 100}}};
}

}  // namespace

TableDef makeUpdateViewersTable() {
  TableDef table;
  table.name = "UpdateViewers";
  table.description = "Who has seen each update: one row per (update, viewer), with the channel it was seen through.";
  table.columns = {
      {.name = "update_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
       .description = "The update seen (Updates.id).", .nullable = false},
      {.name = "item_id", .type = DataType::BigInt, .path = "^item_id", .decode = Decode::Id,
       .description = "The item the update is on."},
      {.name = "user_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "The user who saw it (Users.id; a user who has left the account keeps the id).",
       .nullable = false},
      {.name = "user_name", .path = "user.name",
       .description = "The user's name; NULL when monday no longer has the user.", .size = 255},
      {.name = "medium", .description = "Where it was seen: web, mobile or email.", .size = 16, .nullable = false},
  };
  table.keys = {{"update_id", true}};
  table.primary_key = {"update_id", "user_id"};
  table.foreign_keys = {{{"update_id"}, "Updates", {"id"}}, {{"user_id"}, "Users", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanNested(context, request, updateViewersScan());
  };
  table.estimate = [](const ScanShape& shape) { return estimateNested(shape, updateViewersScan(), 3, 500); };
  return table;
}

}  // namespace monday::schema
