#pragma once
// Rows from a root field monday answers for one object at a time: webhooks(board_id:),
// board_dependencies(board_id:), timeline(id:), export_markdown_from_doc(docId:). The objects'
// ids come from the query's key values or from a listing (every board, every item ...), and go
// in batches of aliased fields, one request per batch. An answer that says there is more (a
// full page, a cursor) queues a follow-up call for that object alone, asked in a later batch.
// Batches are fetched only when SQLite asks for a row beyond the current ones.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "schema/paging/api_scan.h"

namespace monday::schema {

// One call of the field: the object's id, and where to continue (empty: the first page).
struct PerObjectCall {
  std::string id;
  std::string continuation;  // a cursor, or a page number as text
};

// The variables of one request: each declared once (`$a3: ID!`) and given its value.
class RequestVariables {
 public:
  // Declares `$name: type` holding `value`; returns "$name", to write where the value goes.
  std::string add(const std::string& name, const std::string& type, const std::string& value);
  std::string add(const std::string& name, const std::string& type, int value);
  const std::string& declarations() const { return declarations_; }
  const rapidjson::Document& values() const { return values_; }

 private:
  std::string declare(const std::string& name, const std::string& type);
  std::string declarations_;
  rapidjson::Document values_{rapidjson::kObjectType};
};

struct PerObjectField {
  std::string operation;        // GraphQL operation name
  std::size_t per_request = 25;  // aliased fields per request
  // The aliased field for `call`, e.g. `a3: webhooks(board_id: $a3) { ... }`, its variables named
  // after `alias`.
  std::function<std::string(const PerObjectCall& call, const std::string& alias, RequestVariables& variables)> field;
  // Reads one call's answer (null when the object is gone or hidden): adds its rows to `page`
  // (rows may be annotated in place with `allocator`) and returns the follow-up call, if any.
  std::function<std::optional<PerObjectCall>(const PerObjectCall& call, rapidjson::Value& answer, Page& page,
                                             rapidjson::Document::AllocatorType& allocator)>
      read;
};

// `ids` known up front, or (when `listing` is given) the "id" of every object it pages through.
std::unique_ptr<RowSource> scanPerObject(ScanContext& context, PerObjectField field, std::vector<std::string> ids,
                                         std::optional<ObjectPager> listing = std::nullopt);

// The array at `object.field`, to annotate its elements in place; null when there is none.
rapidjson::Value* arrayIn(rapidjson::Value& object, const char* field);

}  // namespace monday::schema
