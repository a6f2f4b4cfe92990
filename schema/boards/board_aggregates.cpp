// Aggregates a board table can have monday compute (schema/aggregate.h; REFERENCE §13 in
// tests/sandbox/reference-additions.md). Only shapes whose answer equals what SQLite computes
// from a full read of the table are planned:
//
// * groups: group_id (COLUMN "group"), group_title (LABEL of "group"), a status column (LABEL:
//   the label text; monday's "" for an item without a label is SQL's NULL), a text column, a
//   numbers column (the number), a checkbox (true → 1; unchecked and never set → 0);
// * aggregates: COUNT(*) (COUNT_ITEMS), COUNT(c) of those columns and of dates, COUNT(DISTINCT c)
//   of text and numbers, SUM/AVG/MIN/MAX of numbers;
// * filters: group_id = / IN (an exact any_of rule; nothing is re-checked locally).
//
// COUNT(*) of the whole board, with nothing else, is the board's items_count (one small request).
// monday caps each group_by entry at 1,000 distinct values; an answer that reaches the cap may
// have lost groups, so the statement then runs locally.

#include "schema/boards/board_aggregates.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include <rapidjson/document.h>

#include "driver/client/api_client.h"
#include "schema/boards/board_filters.h"
#include "schema/paging/api_scan.h"

namespace monday::schema::boards {

namespace {

constexpr int kGroupLimit = 1000;             // monday's default (and our requested) group_by limit
constexpr std::string_view kSinceVersion = "2026-04";  // AggregateGroupByResult.value (JSON)

// How one SQL column of the board table reaches the aggregate query.
enum class Source { None, Group, GroupTitle, Status, Text, Numbers, Checkbox, Date };

struct ColumnSource {
  Source source = Source::None;
  std::string column_id;  // monday's column id ("group" for the item's group)
};

ColumnSource sourceOf(const BoardTableSpec& spec, const TableDef& table, std::size_t column_index) {
  const std::string& name = table.columns[column_index].name;
  if (column_index < spec.fixed_columns) {
    if (name == "group_id") return {Source::Group, "group"};
    if (name == "group_title") return {Source::GroupTitle, "group"};
    return {};
  }
  const ColumnBinding* binding = spec.bindingFor(column_index);
  if (!binding || !binding->part->suffix.empty()) return {};
  const ColumnMeta& meta = spec.columns[binding->meta_index];
  if (meta.type == "status") {
    // An empty label name reads as NULL locally but counts as a value for monday's COUNT; such a
    // column is left to the local path. Label 5 is monday's "no label" and is no value for either.
    for (const auto& label : meta.labels) {
      if (label.label.empty() && label.id != 5) return {};
    }
    return {Source::Status, meta.id};
  }
  if (meta.type == "text") return {Source::Text, meta.id};
  if (meta.type == "numbers") return {Source::Numbers, meta.id};
  if (meta.type == "checkbox") return {Source::Checkbox, meta.id};
  if (meta.type == "date") return {Source::Date, meta.id};
  return {};
}

bool groupable(Source source) {
  return source == Source::Group || source == Source::GroupTitle || source == Source::Status ||
         source == Source::Text || source == Source::Numbers || source == Source::Checkbox;
}

// Whether monday computes `function` over the column exactly as SQLite does.
bool aggregatable(AggregateFunction function, Source source) {
  switch (function) {
    case AggregateFunction::CountRows: return true;
    case AggregateFunction::Count:
      return source == Source::Status || source == Source::Text || source == Source::Numbers || source == Source::Date;
    case AggregateFunction::CountDistinct: return source == Source::Text || source == Source::Numbers;
    case AggregateFunction::Sum:
    case AggregateFunction::Average:
    case AggregateFunction::Min:
    case AggregateFunction::Max: return source == Source::Numbers;
  }
  return false;
}

std::string_view mondayFunction(AggregateFunction function) {
  switch (function) {
    case AggregateFunction::CountRows: return "COUNT_ITEMS";
    case AggregateFunction::Count: return "COUNT";
    case AggregateFunction::CountDistinct: return "COUNT_DISTINCT";
    case AggregateFunction::Sum: return "SUM";
    case AggregateFunction::Average: return "AVERAGE";
    case AggregateFunction::Min: return "MIN";
    case AggregateFunction::Max: return "MAX";
  }
  return "";
}

rapidjson::Value text(std::string_view s, rapidjson::Document::AllocatorType& allocator) {
  return rapidjson::Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), allocator);
}

rapidjson::Value columnElement(const std::string& column_id, const std::string& alias,
                               rapidjson::Document::AllocatorType& allocator) {
  rapidjson::Value element(rapidjson::kObjectType);
  element.AddMember("type", "COLUMN", allocator);
  rapidjson::Value column(rapidjson::kObjectType);
  column.AddMember("column_id", text(column_id, allocator), allocator);
  element.AddMember("column", column, allocator);
  element.AddMember("as", text(alias, allocator), allocator);
  return element;
}

rapidjson::Value functionElement(std::string_view function, rapidjson::Value params, const std::string& alias,
                                 rapidjson::Document::AllocatorType& allocator) {
  rapidjson::Value element(rapidjson::kObjectType);
  element.AddMember("type", "FUNCTION", allocator);
  rapidjson::Value call(rapidjson::kObjectType);
  call.AddMember("function", text(function, allocator), allocator);
  call.AddMember("params", params, allocator);
  element.AddMember("function", call, allocator);
  element.AddMember("as", text(alias, allocator), allocator);
  return element;
}

rapidjson::Value oneParam(const std::string& column_id, rapidjson::Document::AllocatorType& allocator) {
  rapidjson::Value params(rapidjson::kArrayType);
  params.PushBack(columnElement(column_id, column_id, allocator), allocator);
  return params;
}

// A group value as SQLite sees the column's own values.
Value groupValue(Source source, const rapidjson::Value* value) {
  if (source == Source::Checkbox) {
    if (value && value->IsBool()) return std::int64_t{value->GetBool() ? 1 : 0};
    if (value && value->IsString()) return std::int64_t{std::string_view(value->GetString()) == "true" ? 1 : 0};
    return std::int64_t{0};
  }
  if (!value || value->IsNull()) return std::monostate{};
  if (source == Source::Numbers) {
    if (value->IsNumber()) return value->GetDouble();
    return std::monostate{};
  }
  if (value->IsString()) {
    if (value->GetStringLength() == 0) return std::monostate{};  // LABEL's "" = no label
    return std::string(value->GetString(), value->GetStringLength());
  }
  if (value->IsInt64()) return std::to_string(value->GetInt64());
  return jsonText(*value);
}

// An aggregate's value: counts are integers, the rest doubles; null stays NULL (SUM of nothing).
Value aggregateValue(AggregateFunction function, const rapidjson::Value* value) {
  const bool count = function == AggregateFunction::CountRows || function == AggregateFunction::Count ||
                     function == AggregateFunction::CountDistinct;
  if (!value || !value->IsNumber()) return count ? Value{std::int64_t{0}} : Value{std::monostate{}};
  const double number = value->GetDouble();
  if (count) return static_cast<std::int64_t>(std::llround(std::clamp(number, 0.0, 9.0e18)));
  return number;
}

// The entry's value: {result} (a number) or {value} (a group key, or an aggregate over nothing).
const rapidjson::Value* entryValue(const rapidjson::Value& entry) {
  auto value = entry.FindMember("value");
  if (value == entry.MemberEnd() || !value->value.IsObject()) return nullptr;
  for (const char* field : {"result", "value"}) {
    auto member = value->value.FindMember(field);
    if (member != value->value.MemberEnd() && !member->value.IsNull()) return &member->value;
  }
  return nullptr;
}

// A group value as a map key: its kind and its text.
std::string keyText(const Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return "i" + std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) {
    char text[40];
    std::snprintf(text, sizeof text, "d%.17g", *d);
    return text;
  }
  if (const auto* s = std::get_if<std::string>(&value)) return "s" + *s;
  return "n";
}

constexpr std::string_view kAggregateDocument =
    "query ($query: AggregateQueryInput!) { aggregate(query: $query) { results { entries { alias value { "
    "... on AggregateBasicAggregationResult { result } ... on AggregateGroupByResult { value } } } } } }";

const std::string kItemsCountDocument =
    "query ($ids: [ID!]) { boards(ids: $ids, " + std::string(kEveryBoard) + ") { id items_count } }";

// COUNT(*) of the whole board: its items_count, asked now (the metadata's copy may be minutes old).
std::optional<AggregateRows> countFromItemsCount(ScanContext& context, const std::string& board_id) {
  rapidjson::Document variables(rapidjson::kObjectType);
  auto& allocator = variables.GetAllocator();
  rapidjson::Value ids(rapidjson::kArrayType);
  ids.PushBack(text(board_id, allocator), allocator);
  variables.AddMember("ids", ids, allocator);
  const rapidjson::Document answer = context.api.query(kItemsCountDocument, variables);
  auto boards = answer["data"].FindMember("boards");
  if (boards == answer["data"].MemberEnd() || !boards->value.IsArray()) return std::nullopt;
  for (const auto& board : boards->value.GetArray()) {
    if (!board.IsObject() || !board.HasMember("items_count")) continue;
    if (auto count = jsonInteger(board["items_count"])) return AggregateRows{{Value{*count}}};
  }
  return std::nullopt;  // not told: count by reading
}

struct Plan {
  std::string board_id;
  std::vector<Source> group_sources;
  std::vector<AggregateFunction> functions;
  std::shared_ptr<rapidjson::Document> variables;
};

std::optional<AggregateRows> runAggregate(ScanContext& context, const Plan& plan) {
  const rapidjson::Document answer = context.api.query(kAggregateDocument, *plan.variables);
  auto aggregate = answer["data"].FindMember("aggregate");
  if (aggregate == answer["data"].MemberEnd() || !aggregate->value.IsObject()) return std::nullopt;
  auto results = aggregate->value.FindMember("results");
  if (results == aggregate->value.MemberEnd() || !results->value.IsArray()) return std::nullopt;

  const std::size_t groups = plan.group_sources.size();
  std::vector<std::set<std::string>> distinct(groups);
  AggregateRows rows;
  for (const auto& set : results->value.GetArray()) {
    if (!set.IsObject() || !set.HasMember("entries") || !set["entries"].IsArray()) return std::nullopt;
    std::map<std::string, const rapidjson::Value*> by_alias;
    for (const auto& entry : set["entries"].GetArray()) {
      if (!entry.IsObject() || !entry.HasMember("alias") || !entry["alias"].IsString()) continue;
      by_alias[entry["alias"].GetString()] = entryValue(entry);
    }
    std::vector<Value> row;
    for (std::size_t g = 0; g < groups; ++g) {
      const auto found = by_alias.find("g" + std::to_string(g));
      if (found == by_alias.end()) return std::nullopt;  // an answer of another shape: do not guess
      distinct[g].insert(found->second ? jsonText(*found->second) : "null");
      row.push_back(groupValue(plan.group_sources[g], found->second));
    }
    for (std::size_t a = 0; a < plan.functions.size(); ++a) {
      const auto found = by_alias.find("a" + std::to_string(a));
      if (found == by_alias.end()) return std::nullopt;
      row.push_back(aggregateValue(plan.functions[a], found->second));
    }
    rows.push_back(std::move(row));
  }
  for (const auto& values : distinct) {
    if (values.size() >= static_cast<std::size_t>(kGroupLimit)) return std::nullopt;  // groups may be missing
  }
  if (groups == 0 && rows.empty()) return std::nullopt;
  // Two monday groups that are one SQL group (a checkbox's false and null both read 0) cannot be
  // combined exactly for every aggregate: such an answer is left to the local path.
  if (groups > 0) {
    std::map<std::vector<std::string>, std::size_t> seen;
    AggregateRows merged;
    for (auto& row : rows) {
      std::vector<std::string> key;
      for (std::size_t g = 0; g < groups; ++g) key.push_back(keyText(row[g]));
      if (seen.emplace(key, merged.size()).second) {
        merged.push_back(std::move(row));
      } else {
        return std::nullopt;  // two monday groups are one SQL group: the aggregates cannot be combined exactly
      }
    }
    rows = std::move(merged);
  }
  return rows;
}

}  // namespace

AggregatePlanner boardAggregates(std::shared_ptr<const BoardTableSpec> spec, const TableDef* table) {
  return [spec = std::move(spec), table](const AggregateQuery& query) -> std::optional<AggregatePlan> {
    if (spec->subitems) return std::nullopt;

    // COUNT(*) of the whole board.
    if (query.group_columns.empty() && query.equals.empty() && query.aggregates.size() == 1 &&
        query.aggregates[0].function == AggregateFunction::CountRows) {
      AggregatePlan plan;
      plan.description = "boards.items_count of board " + spec->board_id;
      plan.run = [board_id = spec->board_id](ScanContext& context) { return countFromItemsCount(context, board_id); };
      return plan;
    }
    if (query.api_version < kSinceVersion) return std::nullopt;

    auto shared = std::make_shared<rapidjson::Document>(rapidjson::kObjectType);
    auto& allocator = shared->GetAllocator();
    Plan plan;
    plan.board_id = spec->board_id;
    rapidjson::Value select(rapidjson::kArrayType);
    rapidjson::Value group_by(rapidjson::kArrayType);
    std::string description = "aggregate ";
    std::string by;

    for (std::size_t g = 0; g < query.group_columns.size(); ++g) {
      const ColumnSource source = sourceOf(*spec, *table, query.group_columns[g]);
      if (!groupable(source.source)) return std::nullopt;
      const std::string alias = "g" + std::to_string(g);
      const bool label = source.source == Source::Status || source.source == Source::GroupTitle;
      if (label) {
        select.PushBack(functionElement("LABEL", oneParam(source.column_id, allocator), alias, allocator), allocator);
      } else {
        select.PushBack(columnElement(source.column_id, alias, allocator), allocator);
      }
      rapidjson::Value entry(rapidjson::kObjectType);
      entry.AddMember("column_id", text(alias, allocator), allocator);
      entry.AddMember("limit", kGroupLimit, allocator);
      group_by.PushBack(entry, allocator);
      plan.group_sources.push_back(source.source);
      const std::string& shown = table->columns[query.group_columns[g]].name;
      by += (by.empty() ? "" : ", ") + (label ? "LABEL(" + shown + ")" : shown);
    }
    for (std::size_t a = 0; a < query.aggregates.size(); ++a) {
      const AggregateTerm& term = query.aggregates[a];
      const std::string alias = "a" + std::to_string(a);
      const std::string_view function = mondayFunction(term.function);
      if (term.function == AggregateFunction::CountRows) {
        select.PushBack(functionElement(function, rapidjson::Value(rapidjson::kArrayType), alias, allocator), allocator);
        description += std::string(a ? ", " : "") + std::string(function);
      } else {
        const ColumnSource source = sourceOf(*spec, *table, term.column);
        if (!aggregatable(term.function, source.source)) return std::nullopt;
        select.PushBack(functionElement(function, oneParam(source.column_id, allocator), alias, allocator), allocator);
        description += std::string(a ? ", " : "") + std::string(function) + "(" + table->columns[term.column].name + ")";
      }
      plan.functions.push_back(term.function);
    }

    std::vector<PushedTerm> filters;
    for (const auto& [column, values] : query.equals) {
      const ColumnSource source = sourceOf(*spec, *table, column);
      if (source.source != Source::Group) return std::nullopt;
      ApiRule rule{"group", "any_of", {}, false, ""};
      for (const auto& value : values) {
        if (!std::holds_alternative<std::string>(value)) return std::nullopt;
        rule.compare.push_back(value);
      }
      filters.push_back(PushedTerm{{std::move(rule)}, {}});
      description += (filters.size() == 1 ? " where " : " and ") + filters.back().all_of[0].describe();
    }
    if (!by.empty()) description += " by " + by;

    rapidjson::Value input(rapidjson::kObjectType);
    input.AddMember("select", select, allocator);
    rapidjson::Value from(rapidjson::kObjectType);
    from.AddMember("type", "TABLE", allocator);
    from.AddMember("id", text(spec->board_id, allocator), allocator);
    input.AddMember("from", from, allocator);
    if (!group_by.Empty()) input.AddMember("group_by", group_by, allocator);
    if (!filters.empty()) {
      rapidjson::Document params = queryParams(filters, {});
      input.AddMember("query", rapidjson::Value(params, allocator), allocator);
    }
    shared->AddMember("query", input, allocator);
    plan.variables = std::move(shared);

    AggregatePlan out;
    out.description = description;
    out.run = [plan = std::move(plan)](ScanContext& context) { return runAggregate(context, plan); };
    return out;
  };
}

}  // namespace monday::schema::boards
