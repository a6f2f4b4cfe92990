#pragma once
// What most procedures do: send one GraphQL document with variables built from the arguments and
// turn the object monday returns into one result row. Values reach GraphQL only as variables
// (DESIGN decision 4).

#include <vector>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "procedures/procedure.h"
#include "schema/table.h"

namespace monday::procedures {

// The `variables` object of a request. Unset optionals are left out, so monday applies its own
// default. monday IDs travel as strings.
class Variables {
 public:
  Variables() { json_.SetObject(); }
  Variables& set(std::string_view name, const std::string& text);
  Variables& set(std::string_view name, bool value);
  Variables& set(std::string_view name, rapidjson::Value value);  // any JSON (lists, objects)
  Variables& setIfGiven(std::string_view name, const std::optional<std::string>& text);
  Variables& setIfGiven(std::string_view name, const std::optional<bool>& value);
  const rapidjson::Document& json() const { return json_; }
  rapidjson::Document::AllocatorType& allocator() { return json_.GetAllocator(); }

 private:
  rapidjson::Document json_;
};

// The text of a parameter that travels as monday's JSON scalar and must be a JSON object; nullopt
// when not given. Anything else is refused (22018) before a request is sent, so a typo fails with
// "<Procedure>: <Parameter> must be a JSON object such as <example>" and not as a GraphQL error.
std::optional<std::string> jsonObjectArgument(const Arguments& arguments, std::string_view parameter,
                                              std::string_view example);

// One result column read from the returned object: a dotted path ("board.id") and how to decode
// it (schema::Decode, as table columns do).
struct JsonField {
  std::string path;
  schema::Decode decode = schema::Decode::Text;
};

// The row of `fields` read from `object`.
Row rowFromJson(const rapidjson::Value& object, const std::vector<JsonField>& fields);

// data.<field> of a response; throws HY000 "monday returned no <field>" when it is null, which
// is how monday answers a mutation on something that does not exist or that the user cannot see.
const rapidjson::Value& dataField(const rapidjson::Document& response, std::string_view field,
                                  std::string_view procedure_name);

// Runs a mutation (sent once, never retried blindly: ApiClient::mutate) and returns the one row
// read from data.<field>.
Rows mutateOneRow(ProcedureContext& context, std::string_view procedure_name, std::string_view document,
                  const Variables& variables, std::string_view field, const std::vector<JsonField>& fields);

}  // namespace monday::procedures
