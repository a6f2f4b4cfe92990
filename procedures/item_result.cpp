#include "procedures/item_result.h"

#include "driver/client/api_client.h"
#include "driver/common/error.h"

namespace monday::procedures {

std::vector<ResultColumnDef> itemResultColumns() {
  return {
      {"item_id", DataType::BigInt, "The item's id (for DuplicateItem: the new copy's id)."},
      {"item_name", DataType::Varchar, "The item's name."},
      {"board_id", DataType::BigInt, "The board the item is on now."},
      {"group_id", DataType::Varchar, "The group the item is in now.", 64},
      {"state", DataType::Varchar, "active, archived or deleted.", 16},
  };
}

const std::vector<JsonField>& itemFields() {
  static const std::vector<JsonField> fields = {{"id", schema::Decode::Id},
                                                {"name", schema::Decode::Text},
                                                {"board.id", schema::Decode::Id},
                                                {"group.id", schema::Decode::Text},
                                                {"state", schema::Decode::Text}};
  return fields;
}

std::string boardOfItem(ProcedureContext& context, std::string_view procedure_name, const std::string& item_id) {
  static const std::string kDocument = "query ItemBoard($ids: [ID!]) { items(ids: $ids) { id board { id } } }";
  Variables variables;
  rapidjson::Value ids(rapidjson::kArrayType);
  ids.PushBack(rapidjson::Value(item_id.c_str(), variables.allocator()), variables.allocator());
  variables.set("ids", std::move(ids));
  const rapidjson::Document response = context.api.query(kDocument, variables.json());
  const auto items = response["data"].FindMember("items");
  if (items != response["data"].MemberEnd() && items->value.IsArray() && !items->value.Empty()) {
    const Row row = rowFromJson(items->value[0], {{"board.id", schema::Decode::Id}});
    if (const auto* board = std::get_if<std::int64_t>(&row[0])) return std::to_string(*board);
  }
  throw Error(sqlstate::kGeneralError, std::string(procedure_name) + ": item " + item_id +
                                           " does not exist or your user cannot see it.");
}

}  // namespace monday::procedures
