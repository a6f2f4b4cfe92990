// ColumnTypeSchema: the JSON Schema of each column type's settings (get_column_type_schema), what
// CreateColumn's Defaults and a column's settings must look like.
#include <algorithm>
#include <cmath>

#include "driver/common/column_types.h"
#include "schema/paging/per_object_fields.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

constexpr std::size_t kTypesPerRequest = 15;

// The answer is a bare JSON value: it becomes the member "schema" of a row that also names its type.
PerObjectField schemasOfTypes() {
  return {.operation = "ColumnTypeSchema",
          .per_request = kTypesPerRequest,
          .field =
              [](const PerObjectCall& call, const std::string& alias, RequestVariables& variables) {
                return alias + ": get_column_type_schema(type: " + variables.add(alias, "ColumnType!", call.id) + ")";
              },
          .read = [](const PerObjectCall& call, rapidjson::Value& answer, Page& page,
                     rapidjson::Document::AllocatorType& allocator) -> std::optional<PerObjectCall> {
            rapidjson::Value row(rapidjson::kObjectType);
            row.AddMember("@column_type", rapidjson::Value(call.id.c_str(), allocator), allocator);
            row.AddMember("schema", answer, allocator);  // moves the answer in; null stays null
            answer = std::move(row);
            page.rows.push_back({&answer, nullptr});
            return std::nullopt;
          }};
}

}  // namespace

TableDef makeColumnTypeSchemaTable() {
  TableDef table;
  table.name = "ColumnTypeSchema";
  table.description =
      "The JSON Schema of each monday column type's settings (get_column_type_schema): what CreateColumn's Defaults "
      "and Columns.settings hold for that type. One row per column type.";
  table.columns = {
      {.name = "column_type", .path = "@column_type", .description = "The column type (text, status, date ...).",
       .size = 32, .nullable = false},
      {.name = "json_schema", .type = DataType::LongVarchar, .path = "schema", .decode = Decode::Json,
       .description = "Its settings' JSON Schema; NULL when monday gives none."},
  };
  table.keys = {{"column_type", true}};
  table.primary_key = {"column_type"};
  table.scan = [](ScanContext& context, const ScanRequest& request) -> std::unique_ptr<RowSource> {
    std::vector<std::string> types;
    if (const auto* values = request.valuesFor("column_type")) {
      // A type monday does not have matches nothing (as a GraphQL enum it would be an error).
      for (const auto& given : textValues(*values)) {
        if (auto type = mondayColumnType(given); type && std::ranges::find(types, *type) == types.end()) {
          types.push_back(*type);
        }
      }
      if (types.empty()) return emptySource();
    } else {
      for (std::string_view type : mondayColumnTypes()) types.emplace_back(type);
    }
    return scanPerObject(context, schemasOfTypes(), std::move(types));
  };
  table.estimate = [](const ScanShape& shape) -> ScanEstimate {
    for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
      if (shape.constrained[i] == "column_type") {
        const double types = static_cast<double>(shape.in_list_sizes[i]);
        return {types, std::ceil(types / kTypesPerRequest)};
      }
    }
    const double all = static_cast<double>(mondayColumnTypes().size());
    return {all, std::ceil(all / kTypesPerRequest)};
  };
  return table;
}

}  // namespace monday::schema
