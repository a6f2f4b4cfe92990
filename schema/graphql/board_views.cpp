// BoardViews: the views of every board (table, kanban, calendar, form ...).
#include "schema/graphql/api_scan.h"
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
      {"board_id", DataType::BigInt, "^id", Decode::Id, "Board the view belongs to.", 0, false},
      {"id", DataType::BigInt, "id", Decode::Id, "View id.", 0, false},
      {"name", DataType::Varchar, "name", Decode::Text, "View name.", 0, false},
      {"type", DataType::Varchar, "type", Decode::Text, "View type (table, kanban, calendar, form ...).", 64},
      {"access_level", DataType::Varchar, "access_level", Decode::Text, "Whether the token's user can view or edit it.", 8},
      {"settings", DataType::LongVarchar, "settings", Decode::Json, "View settings as JSON; the layout depends on the type."},
      {"filter", DataType::LongVarchar, "filter", Decode::Json, "The view's filter as JSON (items_page rules)."},
      {"sort", DataType::LongVarchar, "sort", Decode::Json, "The view's sort order as JSON."},
      {"filter_user_id", DataType::BigInt, "filter_user_id", Decode::Id, "User the view is filtered to, if any."},
      {"filter_team_id", DataType::BigInt, "filter_team_id", Decode::Id, "Team the view is filtered to, if any."},
      {"source_view_id", DataType::BigInt, "source_view_id", Decode::Id, "View this one was duplicated from, if any."},
      {"tags", DataType::LongVarchar, "tags", Decode::Json, "The view's tags as a JSON array."},
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
