// ExecuteGraphQL: any GraphQL document, for what the tables do not cover. The answer's `data`
// becomes rows: one per element of each top-level list field, one for any other field.
//
//   SELECT json_extract(json, '$.name') FROM ExecuteGraphQL('{ boards(limit: 5) { id name } }')
//
// Reads are retried like table scans; a mutation is refused on a ReadOnly connection and sent
// once (ApiClient::mutate).
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "driver/client/api_client.h"
#include "driver/common/error.h"
#include "driver/common/json.h"
#include "procedures/graphql_call.h"

namespace monday::procedures {

namespace {

// The document with its fragment definitions first. The client adds its `complexity` selection
// before the document's last '}', which must therefore close an operation, not a fragment on some
// other type; GraphQL gives definition order no meaning.
std::string fragmentsFirst(const std::string& document) {
  std::vector<std::string> fragments, operations;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t i = 0; i < document.size(); ++i) {
    const char c = document[i];
    if (c == '#') {
      i = document.find('\n', i);
      if (i == std::string::npos) break;
    } else if (c == '"') {
      if (document.compare(i, 3, "\"\"\"") == 0) {
        const std::size_t end = document.find("\"\"\"", i + 3);
        if (end == std::string::npos) return document;  // let monday report the syntax error
        i = end + 2;
      } else {
        std::size_t j = i + 1;
        while (j < document.size() && document[j] != '"') j += document[j] == '\\' ? 2 : 1;
        if (j >= document.size()) return document;
        i = j;
      }
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      std::string definition = document.substr(start, i + 1 - start);
      const std::size_t first = definition.find_first_not_of(" \t\r\n,");
      const bool fragment = first != std::string::npos && definition.compare(first, 8, "fragment") == 0;
      (fragment ? fragments : operations).push_back(std::move(definition));
      start = i + 1;
    }
  }
  if (fragments.empty() || depth != 0) return document;
  std::string out;
  for (const auto& part : fragments) out += part + "\n";
  for (const auto& part : operations) out += part + "\n";
  return out + document.substr(start);
}

rapidjson::Document parseVariables(const Arguments& arguments) {
  rapidjson::Document variables;
  const auto text = arguments.text("Variables");
  if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos) {
    variables.SetObject();
    return variables;
  }
  if (std::string problem; !parseJson(*text, variables, &problem)) {
    throw Error(sqlstate::kInvalidCharacterValue,
                "ExecuteGraphQL: Variables is not valid JSON (" + problem +
                    "). Give a JSON object such as {\"ids\": [123]}.");
  }
  if (!variables.IsObject()) {
    throw Error(sqlstate::kInvalidCharacterValue,
                "ExecuteGraphQL: Variables must be a JSON object such as {\"ids\": [123]}, not a list or a value.");
  }
  return variables;
}

}  // namespace

ProcedureDef makeExecuteGraphQLProcedure() {
  ProcedureDef procedure;
  procedure.name = "ExecuteGraphQL";
  procedure.description =
      "Runs a GraphQL query or mutation against monday's API and returns its data as rows: one row per element "
      "of each top-level list field, one row for any other field; json holds the element as JSON (read it with "
      "json_extract). Mutations are refused when the connection is ReadOnly.";
  procedure.mutating = false;  // only mutations change data; checked per call
  procedure.parameters = {
      {"Query", DataType::LongVarchar, true, {}, "The GraphQL document (a query or a mutation)."},
      {"Variables", DataType::LongVarchar, false, {}, "Its variables as a JSON object, e.g. {\"ids\": [123]}."},
  };
  procedure.results = {
      {"field", DataType::Varchar, "The top-level field (or alias) of data the row comes from.", 255},
      {"row_index", DataType::Integer, "Position in that field's list, from 0; NULL when the field is not a list."},
      {"json", DataType::LongVarchar, "The list element, or the field's value, as JSON."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    const std::string document = fragmentsFirst(arguments.requiredText("Query"));
    const rapidjson::Document variables = parseVariables(arguments);
    const bool mutation = client::isMutationDocument(document);
    if (mutation) context.requireWritable("ExecuteGraphQL with a mutation");
    const rapidjson::Document response =
        mutation ? context.api.mutate(document, variables) : context.api.query(document, variables);
    // The client's own budget fields travel under its alias and are gone from `data` by now:
    // every field left is one the user asked for, `complexity` included.
    Rows rows;
    for (const auto& field : response["data"].GetObject()) {
      const std::string name(field.name.GetString(), field.name.GetStringLength());
      auto add = [&](Value index, const rapidjson::Value& json) {
        Row row(3);  // field, row_index, json
        row[0] = name;
        row[1] = std::move(index);
        row[2] = jsonText(json);
        rows.push_back(std::move(row));
      };
      if (field.value.IsArray()) {
        std::int64_t index = 0;
        for (const auto& element : field.value.GetArray()) add(index++, element);
      } else {
        add(std::monostate{}, field.value);
      }
    }
    return rows;
  };
  return procedure;
}

}  // namespace monday::procedures
