#pragma once
// WHERE terms on board columns → items_page query_params (REFERENCE §2.4, §12, §12.1). Each
// translation returns rules whose answer contains every row the SQL term keeps (a superset);
// where monday's semantics are looser (case-insensitive text, names instead of ids, time zones)
// the rule is widened, and SQLite re-checks every row, so results always equal a full scan
// filtered by SQL. A term that cannot be expressed that way stays local (with the reason).

#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "schema/boards/board_metadata.h"
#include "schema/boards/column_types.h"
#include "schema/table.h"

namespace monday::schema::boards {

// One items_page rule: {column_id, operator, compare_value, compare_attribute}.
struct ApiRule {
  std::string column_id;
  std::string op;                   // any_of, not_any_of, contains_text, is_empty ...
  std::vector<Value> compare;       // compare_value: a list, or its one element when `scalar`
  bool scalar = false;
  std::string attribute;            // compare_attribute ("" = none)
  std::string describe() const;     // "status any_of [1,2]"
};

// What one SQL term becomes: rules that all apply (AND), or alternatives of which one applies
// (an OR group, e.g. people named a OR b).
struct PushedTerm {
  std::vector<ApiRule> all_of;
  std::vector<ApiRule> any_of;
};

// Operators a filter kind can push (for the planner) and whether IN lists go in one request.
std::vector<ConstraintOp> pushableOps(FilterKind kind);
bool pushesInLists(FilterKind kind);

// Translates `column op values` (values: one for a comparison, several for IN, none for IS
// [NOT] NULL). `column_id` is the rule's column id ("name", "group" for the fixed columns).
// Returns nullopt and sets `why_local` when the term must stay local.
std::optional<PushedTerm> translateTerm(FilterKind kind, const std::string& column_id, const ColumnMeta* column,
                                        ConstraintOp op, const std::vector<Value>& values, std::string* why_local);

// SQLite's LIKE (ASCII case-insensitive, % and _) and the longest literal run of a pattern.
bool likeMatches(std::string_view pattern, std::string_view text);
std::string likeLiteral(std::string_view pattern);

// The query_params object for `terms` (ANDed) and `order_by`.
rapidjson::Document queryParams(const std::vector<PushedTerm>& terms,
                                const std::vector<std::pair<std::string, bool>>& order_by);

}  // namespace monday::schema::boards
