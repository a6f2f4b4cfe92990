#include "procedures/graphql_call.h"

#include "driver/client/api_client.h"
#include "driver/common/error.h"
#include "driver/common/json.h"

namespace monday::procedures {

namespace {

rapidjson::Value key(std::string_view name, rapidjson::Document::AllocatorType& allocator) {
  return rapidjson::Value(name.data(), static_cast<rapidjson::SizeType>(name.size()), allocator);
}

}  // namespace

Variables& Variables::set(std::string_view name, const std::string& text) {
  auto& a = json_.GetAllocator();
  json_.AddMember(key(name, a), rapidjson::Value(text.data(), static_cast<rapidjson::SizeType>(text.size()), a), a);
  return *this;
}

Variables& Variables::set(std::string_view name, bool value) {
  auto& a = json_.GetAllocator();
  json_.AddMember(key(name, a), rapidjson::Value(value), a);
  return *this;
}

Variables& Variables::set(std::string_view name, rapidjson::Value value) {
  auto& a = json_.GetAllocator();
  json_.AddMember(key(name, a), value, a);
  return *this;
}

Variables& Variables::setIfGiven(std::string_view name, const std::optional<std::string>& text) {
  return text ? set(name, *text) : *this;
}

Variables& Variables::setIfGiven(std::string_view name, const std::optional<bool>& value) {
  return value ? set(name, *value) : *this;
}

std::optional<std::string> jsonObjectArgument(const Arguments& arguments, std::string_view parameter,
                                              std::string_view example) {
  auto text = arguments.text(parameter);
  if (!text) return std::nullopt;
  rapidjson::Document parsed;
  if (std::string problem; !parseJson(*text, parsed, &problem) || !parsed.IsObject()) {
    throw Error(sqlstate::kInvalidCharacterValue,
                arguments.procedure().name + ": " + std::string(parameter) + " must be a JSON object such as " +
                    std::string(example) + (problem.empty() ? std::string() : " (" + problem + ")") + ".");
  }
  return text;
}

Row rowFromJson(const rapidjson::Value& object, const std::vector<JsonField>& fields) {
  Row row;
  const schema::RowView view{&object, nullptr};
  for (const auto& field : fields) {
    schema::ColumnDef column;
    column.path = field.path;
    column.decode = field.decode;
    row.push_back(schema::readColumn(column, view));
  }
  return row;
}

const rapidjson::Value& dataField(const rapidjson::Document& response, std::string_view field,
                                  std::string_view procedure_name) {
  const rapidjson::Value& data = response["data"];
  const rapidjson::Value name(rapidjson::StringRef(field.data(), field.size()));
  auto it = data.FindMember(name);
  if (it == data.MemberEnd() || it->value.IsNull()) {
    throw Error(sqlstate::kGeneralError, std::string(procedure_name) + ": monday returned no " + std::string(field) +
                                             "; check that the ids exist and that your user may change them.");
  }
  return it->value;
}

Rows mutateOneRow(ProcedureContext& context, std::string_view procedure_name, std::string_view document,
                  const Variables& variables, std::string_view field, const std::vector<JsonField>& fields) {
  const rapidjson::Document response = context.api.mutate(document, variables.json());
  return {rowFromJson(dataField(response, field, procedure_name), fields)};
}

}  // namespace monday::procedures
