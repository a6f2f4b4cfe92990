// DuplicateDoc: copies a workdoc with its content (and optionally its updates). monday answers
// with a JSON scalar whose layout it does not publish; the row keeps it whole and reads the new
// doc's id from it where it can.
#include "driver/client/api_client.h"
#include "driver/common/error.h"
#include "driver/common/json.h"
#include "procedures/graphql_call.h"

namespace monday::procedures {

namespace {

// monday's DuplicateType, from its own names or the short ones.
std::string duplicateType(const Arguments& arguments) {
  const std::string given = arguments.text("DuplicateType").value_or("content");
  static const std::vector<std::pair<std::string_view, std::string_view>> kTypes = {
      {"content", "duplicate_doc_with_content"},
      {"content_and_updates", "duplicate_doc_with_content_and_updates"},
      {"duplicate_doc_with_content", "duplicate_doc_with_content"},
      {"duplicate_doc_with_content_and_updates", "duplicate_doc_with_content_and_updates"},
  };
  for (const auto& [name, type] : kTypes) {
    if (sameName(given, name)) return std::string(type);
  }
  throw Error(sqlstate::kInvalidCharacterValue,
              "DuplicateDoc: DuplicateType '" + given +
                  "' is not one of content, content_and_updates (or monday's names duplicate_doc_with_content, "
                  "duplicate_doc_with_content_and_updates).");
}

// The new doc's id in monday's answer: the answer itself when it is an id, else its doc_id or id
// member. NULL when it is none of these, rather than a guess.
Value newDocId(const rapidjson::Value& answer) {
  if (auto id = jsonInteger(answer)) return *id;
  for (const char* name : {"doc_id", "id"}) {
    if (auto id = jsonMemberNumber(answer, name)) return *id;
  }
  return std::monostate{};
}

}  // namespace

ProcedureDef makeDuplicateDocProcedure() {
  ProcedureDef procedure;
  procedure.name = "DuplicateDoc";
  procedure.description = "Copies a workdoc with its blocks (and with DuplicateType 'content_and_updates' its updates). "
                          "The copy appears in Docs and its blocks in DocBlocks. Returns the new doc's id.";
  procedure.mutating = true;
  procedure.parameters = {
      {"DocId", DataType::BigInt, true, {}, "The doc to copy (Docs.id, not its object_id)."},
      {"DuplicateType", DataType::Varchar, false, std::string("content"),
       "content (the blocks) or content_and_updates (also the doc's updates)."},
  };
  procedure.results = {
      {"doc_id", DataType::BigInt, "The new doc's id (Docs.id); NULL when monday's answer does not name it."},
      {"result", DataType::LongVarchar, "monday's answer as it came, JSON."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation DuplicateDoc($doc: ID!, $type: DuplicateType) { duplicate_doc(docId: $doc, duplicateType: $type) }";
    Variables variables;
    variables.set("doc", arguments.requiredId("DocId")).set("type", duplicateType(arguments));
    const rapidjson::Document response = context.api.mutate(kDocument, variables.json());
    const rapidjson::Value& answer = dataField(response, "duplicate_doc", "DuplicateDoc");
    // monday's JSON scalar usually arrives as the JSON text of the value; read what it holds.
    const std::string text =
        answer.IsString() ? std::string(answer.GetString(), answer.GetStringLength()) : jsonText(answer);
    rapidjson::Document parsed;
    const rapidjson::Value& value = answer.IsString() && parseJson(text, parsed) ? parsed : answer;
    return Rows{{newDocId(value), text}};
  };
  return procedure;
}

}  // namespace monday::procedures
