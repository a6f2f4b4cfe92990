// MoveItemToBoard: moves an item (with its subitems) to a group of another board. Column values
// follow the columns_mapping; columns monday cannot map are dropped by monday, as in its UI.
#include <rapidjson/error/en.h>

#include "driver/common/error.h"
#include "driver/common/json.h"
#include "procedures/item_result.h"

namespace monday::procedures {

namespace {

// A mapping given as {"source_column": "target_column" | null, ...} or as monday's own list
// [{"source": "...", "target": "..."}, ...] → the [ColumnMappingInput!] variable.
std::optional<rapidjson::Value> columnMapping(const Arguments& arguments, std::string_view parameter,
                                              rapidjson::Document::AllocatorType& allocator) {
  const auto text = arguments.text(parameter);
  if (!text) return std::nullopt;
  rapidjson::Document parsed;
  std::string problem;
  const bool parsed_ok = parseJson(*text, parsed, &problem);
  auto invalid = [&](const std::string& why) {
    return Error(sqlstate::kInvalidCharacterValue,
                 "MoveItemToBoard: " + std::string(parameter) + " " + why +
                     ". Give a JSON object mapping source column ids to target column ids, e.g. "
                     "{\"status\": \"status_1\", \"text\": null}, or a list [{\"source\": \"status\", \"target\": "
                     "\"status_1\"}].");
  };
  if (!parsed_ok) throw invalid("is not valid JSON (" + problem + ")");
  rapidjson::Value list(rapidjson::kArrayType);
  auto add = [&](const rapidjson::Value& source, const rapidjson::Value& target) {
    if (!source.IsString()) throw invalid("has a source that is not a column id");
    if (!target.IsString() && !target.IsNull()) throw invalid("has a target that is neither a column id nor null");
    rapidjson::Value entry(rapidjson::kObjectType);
    entry.AddMember("source", rapidjson::Value(source, allocator), allocator);
    entry.AddMember("target", rapidjson::Value(target, allocator), allocator);
    list.PushBack(entry, allocator);
  };
  if (parsed.IsObject()) {
    for (const auto& member : parsed.GetObject()) add(member.name, member.value);
  } else if (parsed.IsArray()) {
    const rapidjson::Value null_target;
    for (const auto& entry : parsed.GetArray()) {
      if (!entry.IsObject() || !entry.HasMember("source")) throw invalid("has an entry without \"source\"");
      const auto target = entry.FindMember("target");
      add(entry["source"], target == entry.MemberEnd() ? null_target : target->value);
    }
  } else {
    throw invalid("is neither a JSON object nor a list");
  }
  return list;
}

}  // namespace

ProcedureDef makeMoveItemToBoardProcedure() {
  ProcedureDef procedure;
  procedure.name = "MoveItemToBoard";
  procedure.description = "Moves an item and its subitems to a group of another board, mapping column values by "
                          "column id. Returns the item.";
  procedure.mutating = true;
  procedure.parameters = {
      {"ItemId", DataType::BigInt, true, {}, "The item to move."},
      {"BoardId", DataType::BigInt, true, {}, "The board to move it to."},
      {"GroupId", DataType::Varchar, true, {}, "The group of that board to put it in."},
      {"ColumnsMapping", DataType::LongVarchar, false, {},
       "JSON: {\"source column id\": \"target column id\" or null, ...}; unmapped columns are matched by monday."},
      {"SubitemsColumnsMapping", DataType::LongVarchar, false, {}, "The same for the subitems' columns."},
  };
  procedure.results = itemResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation MoveItemToBoard($item: ID!, $board: ID!, $group: ID!, $columns: [ColumnMappingInput!], "
        "$subitem_columns: [ColumnMappingInput!]) { move_item_to_board(item_id: $item, board_id: $board, group_id: "
        "$group, columns_mapping: $columns, subitems_columns_mapping: $subitem_columns) { " +
        std::string(kItemSelection) + " } }";
    Variables variables;
    variables.set("item", arguments.requiredId("ItemId"))
        .set("board", arguments.requiredId("BoardId"))
        .set("group", arguments.requiredText("GroupId"));
    if (auto mapping = columnMapping(arguments, "ColumnsMapping", variables.allocator())) {
      variables.set("columns", std::move(*mapping));
    }
    if (auto mapping = columnMapping(arguments, "SubitemsColumnsMapping", variables.allocator())) {
      variables.set("subitem_columns", std::move(*mapping));
    }
    return mutateOneRow(context, "MoveItemToBoard", kDocument, variables, "move_item_to_board", itemFields());
  };
  return procedure;
}

}  // namespace monday::procedures
