// ActivityLogs: the activity log of every board (newest first). The board, user, item, group and
// column filters and the created_at range travel to Board.activity_logs(...); SQLite re-checks
// every term, so the pushed request only has to return a superset of the rows SQL keeps.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>

#include <rapidjson/document.h>

#include "driver/common/json.h"
#include "schema/paging/nested_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

constexpr int kLogsPerPage = 500;
constexpr int kBoardsPerRequest = 10;

std::string isoSeconds(std::int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// monday reports created_at as a number of 100-ns ticks since 1970 (17 digits, REFERENCE §2.2),
// which is not certain: take any epoch unit by magnitude, and keep ISO text as it is.
std::optional<std::string> logTime(std::string_view text) {
  if (!allDigits(text) || text.size() > 19) return std::nullopt;
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  std::int64_t seconds = value;
  if (value >= 100'000'000'000'000'000) seconds = value / 1'000'000'000;      // nanoseconds
  else if (value >= 10'000'000'000'000'000) seconds = value / 10'000'000;    // 100-ns ticks
  else if (value >= 100'000'000'000'000) seconds = value / 1'000'000;        // microseconds
  else if (value >= 100'000'000'000) seconds = value / 1'000;                // milliseconds
  return isoSeconds(seconds);
}

// '@' members: created_at as ISO, and the item, group and column the `data` JSON text names.
void annotateLog(rapidjson::Value& log, rapidjson::Document::AllocatorType& allocator) {
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) log.AddMember(rapidjson::StringRef(name), rapidjson::Value(value.c_str(), allocator), allocator);
  };
  const std::string created = jsonMemberText(log, "created_at");
  if (auto iso = logTime(created)) add("@created_at", *iso);
  else add("@created_at", created);
  const std::string data = jsonMemberText(log, "data");
  rapidjson::Document parsed;
  if (!parseJson(data, parsed) || !parsed.IsObject()) return;
  add("@item_id", jsonMemberText(parsed, "pulse_id"));
  add("@group_id", jsonMemberText(parsed, "group_id"));
  add("@column_id", jsonMemberText(parsed, "column_id"));
}

// Seconds since 1970 of the longest canonical prefix of `text` ('YYYY-MM-DD', then ' HH:MM',
// then ':SS'), and that prefix's unit in seconds. The column holds 'YYYY-MM-DD HH:MM:SS' text and
// SQLite compares it with the value as text, so any row SQL keeps for `created_at >= V` is at or
// after the prefix's time, and any row it keeps for `created_at <= V` is before prefix + unit.
std::optional<std::pair<std::int64_t, std::int64_t>> timePrefix(const std::string& text) {
  auto digits = [&](std::size_t at, std::size_t n) { return text.size() >= at + n && allDigits(std::string_view(text).substr(at, n)); };
  if (!digits(0, 4) || text.size() < 10 || text[4] != '-' || !digits(5, 2) || text[7] != '-' || !digits(8, 2)) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = std::stoi(text.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(text.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(text.substr(8, 2));
  if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31) return std::nullopt;
  std::int64_t unit = 86400;
  if (text.size() >= 16 && text[10] == ' ' && digits(11, 2) && text[13] == ':' && digits(14, 2)) {
    tm.tm_hour = std::stoi(text.substr(11, 2));
    tm.tm_min = std::stoi(text.substr(14, 2));
    unit = 60;
    if (text.size() >= 19 && text[16] == ':' && digits(17, 2)) {
      tm.tm_sec = std::stoi(text.substr(17, 2));
      unit = 1;
    }
  }
  return std::make_pair(static_cast<std::int64_t>(timegm(&tm)), unit);
}

std::optional<NestedScan> activityLogsScan(const ScanRequest& request) {
  NestedScan scan{.operation = "ActivityLogs",
                  .parents = RootParents{.field = "boards", .arguments = std::string(kEveryBoard), .per_page = kBoardsPerRequest,
                                         .ids_per_request = kBoardsPerRequest, .key_column = "board_id"},
                  .annotate = annotateLog};
  auto variables = std::make_shared<rapidjson::Document>(rapidjson::kObjectType);
  auto& allocator = variables->GetAllocator();
  std::string arguments;
  auto addArgument = [&](const std::string& name, const std::string& type, rapidjson::Value value) {
    if (!arguments.empty()) arguments += ", ";
    arguments += name + ": $" + name;
    if (!scan.declarations.empty()) scan.declarations += ", ";
    scan.declarations += "$" + name + ": " + type;
    variables->AddMember(rapidjson::Value(name.c_str(), allocator), value, allocator);
  };
  struct ListFilter {
    const char* column;
    const char* argument;
    const char* type;
    bool ids;
  };
  for (const ListFilter& filter : {ListFilter{"user_id", "user_ids", "[ID!]", true},
                                   ListFilter{"item_id", "item_ids", "[ID!]", true},
                                   ListFilter{"group_id", "group_ids", "[String]", false},
                                   ListFilter{"column_id", "column_ids", "[String]", false}}) {
    const auto* values = request.valuesFor(filter.column);
    if (!values) continue;
    auto wanted = chunkIds(filter.ids ? idValues(*values) : textValues(*values), SIZE_MAX);
    if (wanted.empty()) return std::nullopt;  // no value can match
    addArgument(filter.argument, filter.type, idArray(wanted.front(), allocator));
  }
  std::optional<std::int64_t> from, to;
  for (const auto* constraint : request.constraintsOn("created_at")) {
    const auto* text = std::get_if<std::string>(&constraint->value);
    auto prefix = text ? timePrefix(*text) : std::nullopt;
    if (!prefix) continue;  // not a date SQL could compare as one: filter locally
    // One second of slack each side covers monday's unknown inclusive/exclusive bounds.
    if (constraint->op == ConstraintOp::Gt || constraint->op == ConstraintOp::Ge) {
      std::int64_t bound = prefix->first - 1;
      from = from ? std::max(*from, bound) : bound;
    } else if (constraint->op == ConstraintOp::Lt || constraint->op == ConstraintOp::Le) {
      std::int64_t bound = prefix->first + prefix->second + 1;
      to = to ? std::min(*to, bound) : bound;
    }
  }
  if (from) addArgument("from", "ISO8601DateTime", rapidjson::Value(isoSeconds(*from).c_str(), allocator));
  if (to) addArgument("to", "ISO8601DateTime", rapidjson::Value(isoSeconds(*to).c_str(), allocator));
  // Spelled out: created_at and data feed '@' columns, which the columns' own selection leaves out.
  scan.children = {{.field = "activity_logs",
                    .arguments = arguments,
                    .page_size = kLogsPerPage,
                    .selection = "id event entity user_id account_id created_at data"}};
  scan.variables = std::move(variables);
  return scan;
}

}  // namespace

TableDef makeActivityLogsTable() {
  TableDef table;
  table.name = "ActivityLogs";
  table.description =
      "Activity log of every board, newest first: who did what to which item, group or column, and when. "
      "Filters on board_id, user_id, item_id, group_id, column_id and created_at ranges are sent to monday. "
      "monday keeps at most 10,000 entries per board.";
  table.columns = {
      {.name = "board_id", .type = DataType::BigInt, .path = "^id", .decode = Decode::Id,
       .description = "The board the event happened on.", .nullable = false},
      {.name = "id", .description = "Log entry id.", .size = 64, .nullable = false},
      {.name = "event", .description = "What happened (create_pulse, update_column_value ...).", .size = 64},
      {.name = "entity", .description = "What it happened to (pulse = item, board ...).", .size = 32},
      {.name = "user_id", .type = DataType::BigInt, .decode = Decode::Id, .description = "User who did it."},
      {.name = "account_id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Account of the user."},
      {.name = "created_at", .type = DataType::Timestamp, .path = "@created_at", .decode = Decode::Timestamp,
       .description = "When it happened (UTC; monday sends a count of 100-ns ticks, converted here)."},
      {.name = "item_id", .type = DataType::BigInt, .path = "@item_id", .decode = Decode::Id,
       .description = "The item concerned (pulse_id in data), if any."},
      {.name = "group_id", .path = "@group_id", .description = "The group concerned (from data), if any.", .size = 64},
      {.name = "column_id", .path = "@column_id", .description = "The column concerned (from data), if any.",
       .size = 64},
      {.name = "data", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "Details of the event as JSON (names, old and new values)."},
  };
  table.keys = {{"board_id", true},
                {"user_id", true},
                {"item_id", true},
                {"group_id", true},
                {"column_id", true},
                {.column = "created_at", .accepts_in = false,
                 .ops = {ConstraintOp::Gt, ConstraintOp::Ge, ConstraintOp::Lt, ConstraintOp::Le}}};
  table.primary_key = {"board_id", "id"};
  table.foreign_keys = {{{"board_id"}, "Boards", {"id"}}, {{"item_id"}, "Items", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) -> std::unique_ptr<RowSource> {
    auto scan = activityLogsScan(request);
    if (!scan) return emptySource();
    return scanNested(context, request, std::move(*scan));
  };
  table.estimate = [](const ScanShape& shape) {
    NestedScan scan{.parents = RootParents{.per_page = kBoardsPerRequest, .ids_per_request = kBoardsPerRequest,
                                           .key_column = "board_id"}};
    // Every pushed filter narrows the log; a plan that pushes more is cheaper.
    double per_board = 500;
    for (const char* column : {"user_id", "item_id", "group_id", "column_id"}) {
      if (shape.constrains(column)) per_board /= 10;
    }
    per_board /= static_cast<double>(1 + shape.other.size());
    return estimateNested(shape, scan, per_board, 200);
  };
  return table;
}

}  // namespace monday::schema
