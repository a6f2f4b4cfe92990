// BoardViews: the views of every board (table, kanban, calendar, form ...).
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

const BoardChildList kViews{.operation = "BoardViews", .field = "views", .boards_per_page = 25};

}  // namespace

TableDef makeBoardViewsTable() {
  TableDef table;
  table.name = "BoardViews";
  table.description = "Views of every board (table, kanban, calendar, form ...) with their filter and sort as JSON.";
  table.columns = {
      {.name = "board_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
       .description = "Board the view belongs to.", .nullable = false},
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "View id.", .nullable = false},
      {.name = "name", .description = "View name.", .nullable = false},
      {.name = "type", .description = "View type (table, kanban, calendar, form ...).", .size = 64},
      {.name = "access_level", .description = "Whether the token's user can view or edit it.", .size = 8},
      {.name = "settings", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "View settings as JSON; the layout depends on the type."},
      {.name = "filter", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "The view's filter as JSON (items_page rules)."},
      {.name = "sort", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "The view's sort order as JSON."},
      {.name = "filter_user_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "User the view is filtered to, if any."},
      {.name = "filter_team_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "Team the view is filtered to, if any."},
      {.name = "source_view_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "View this one was duplicated from, if any."},
      {.name = "tags", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "The view's tags as a JSON array."},
  };
  table.keys = {{"board_id", true}};
  table.primary_key = {"board_id", "id"};
  table.foreign_keys = {{{"board_id"}, "Boards", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanBoardChildren(context, request, kViews);
  };
  table.estimate = [](const ScanShape& shape) { return estimateBoardChildren(shape, kViews, 3); };
  return table;
}

}  // namespace monday::schema
