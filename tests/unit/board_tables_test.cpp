// Board tables without the network: naming rules, column type descriptors, and the translation
// of SQL terms into items_page rules (each must keep every row SQL keeps).
#include <gtest/gtest.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <set>

#include "schema/boards/board_filters.h"
#include "schema/boards/board_naming.h"
#include "schema/boards/board_table.h"
#include "schema/boards/column_types.h"

using namespace monday;
using namespace monday::schema;
using namespace monday::schema::boards;

namespace {

BoardMeta board(std::string id, std::string name, std::string type = "board") {
  BoardMeta b;
  b.id = std::move(id);
  b.name = std::move(name);
  b.type = std::move(type);
  b.state = "active";
  return b;
}

ColumnMeta column(std::string id, std::string title, std::string type, std::string settings = "") {
  ColumnMeta c;
  c.id = std::move(id);
  c.title = std::move(title);
  c.type = std::move(type);
  c.settings = std::move(settings);
  parseColumnSettings(c);
  return c;
}

std::string json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

std::string translated(FilterKind kind, const ColumnMeta* meta, ConstraintOp op, std::vector<Value> values) {
  std::string why;
  auto term = translateTerm(kind, meta ? meta->id : "c", meta, op, values, &why);
  if (!term) return "local: " + why;
  std::string out;
  for (const auto& r : term->all_of) out += (out.empty() ? "" : " and ") + r.describe();
  for (const auto& r : term->any_of) out += (out.empty() ? "" : " or ") + r.describe();
  return out;
}

}  // namespace

TEST(BoardNaming, ColumnTitlesBecomeSnakeCase) {
  EXPECT_EQ(columnBaseName("Due date"), "due_date");
  EXPECT_EQ(columnBaseName("Estimate (h)"), "estimate_h");
  EXPECT_EQ(columnBaseName("Fällig am"), "fällig_am");
  EXPECT_EQ(columnBaseName("  Budget +20% "), "budget_20");
  EXPECT_EQ(columnBaseName("2027 goals"), "col_2027_goals");
  EXPECT_EQ(columnBaseName("☕"), "☕");
  EXPECT_EQ(columnBaseName("#!"), "col");
}

TEST(BoardNaming, SharedNamesKeepTheOldestBoardPlainAndSuffixTheOthers) {
  std::vector<BoardMeta> boards = {board("5000000012", "Tasks"), board("5000000003", "tasks"),
                                   board("5000000004", "Roadmap"), board("5000000009", "Subitems of Roadmap", "sub_items_board")};
  boards[2].subitems_board_id = "5000000009";
  auto tables = nameBoardTables(boards, TableNaming::Name);
  std::map<std::string, std::string> by_board;
  for (const auto& t : tables) by_board[t.board->id + (t.subitems ? "s" : "")] = t.name;
  EXPECT_EQ(by_board["5000000003"], "tasks");
  EXPECT_EQ(by_board["5000000012"], "Tasks_5000000012");
  EXPECT_EQ(by_board["5000000004"], "Roadmap");
  EXPECT_EQ(by_board["5000000004s"], "Roadmap_subitems");
  EXPECT_EQ(tables.size(), 4u) << "a subitems board is only its parent's companion table";

  auto by_id = nameBoardTables(boards, TableNaming::Id);
  std::set<std::string> names;
  for (const auto& t : by_id) names.insert(t.name);
  EXPECT_TRUE(names.contains("board_5000000012"));
  EXPECT_TRUE(names.contains("board_5000000004_subitems"));
}

TEST(BoardNaming, ACompanionNameTakenByABoardGetsTheSubitemsBoardId) {
  std::vector<BoardMeta> boards = {board("1", "Plan"), board("2", "Plan_subitems"), board("3", "Subitems of Plan", "sub_items_board")};
  boards[0].subitems_board_id = "3";
  std::set<std::string> names;
  for (const auto& t : nameBoardTables(boards, TableNaming::Name)) names.insert(t.name);
  EXPECT_EQ(names, (std::set<std::string>{"Plan", "Plan_subitems", "Plan_subitems_3"}));
}

TEST(BoardTable, FixedColumnsFirstThenTypedPartsWithUniqueNames) {
  BoardMeta b = board("5000000003", "Bug Backlog");
  b.columns = {column("name", "Bug", "name"),
               column("status", "Status", "status", R"({"labels":[{"id":1,"label":"Done"},{"id":2,"label":"Stuck"}]})"),
               column("status_1", "Status", "status", R"({"labels":[]})"),
               column("timeline", "Timeline", "timeline"),
               column("numbers", "Estimate (h)", "numbers"),
               column("url", "URL", "link")};
  NamedBoardTable named{"Bug Backlog", &b, &b, false};
  auto table = makeBoardTable(named, ColumnNaming::Title).table;
  std::vector<std::string> names;
  for (const auto& c : table->columns) names.push_back(c.name);
  const std::vector<std::string> expected = {"id", "name", "group_id", "group_title", "state", "creator_id",
                                             "created_at", "updated_at", "url", "status", "status_id", "status_value",
                                             "status_status_1", "status_status_1_id", "status_status_1_value",
                                             "timeline_from", "timeline_to", "timeline_value", "estimate_h",
                                             "url_url", "url_url_text", "url_url_value"};
  EXPECT_EQ(names, expected);
  EXPECT_EQ(table->column("timeline_from")->type, DataType::Date);
  EXPECT_EQ(table->column("estimate_h")->type, DataType::Double);
  EXPECT_EQ(table->column("status_id")->type, DataType::Integer);
  EXPECT_NE(table->column("status")->description.find("monday column 'Status' (id status, type status)"), std::string::npos);
  EXPECT_EQ(table->schema, "boards");
  EXPECT_EQ(table->primary_key, std::vector<std::string>{"id"});
}

TEST(ColumnTypes, EveryPartDecodesAndUnknownTypesFallBackToTextAndValue) {
  for (const auto& info : allColumnTypes()) {
    for (const auto& part : info.parts) EXPECT_NE(part.decode, nullptr) << info.type << part.suffix;
  }
  const auto& fallback = columnTypeInfo("a_type_from_the_future");
  ASSERT_EQ(fallback.parts.size(), 2u);
  EXPECT_EQ(fallback.parts[1].suffix, "_value");
}

TEST(ColumnTypes, DecodesTypedFragments) {
  rapidjson::Document cell;
  cell.Parse(R"({"id":"status","text":"Done","value":"{\"index\":1}","status_index":1})");
  const auto& status = columnTypeInfo("status");
  EXPECT_EQ(std::get<std::string>(status.parts[0].decode(cell)), "Done");
  EXPECT_EQ(std::get<std::int64_t>(status.parts[1].decode(cell)), 1);
  EXPECT_EQ(std::get<std::string>(status.parts[2].decode(cell)), "{\"index\":1}");

  cell.Parse(R"({"id":"status","text":null,"value":null,"status_index":5})");
  EXPECT_TRUE(isNull(status.parts[0].decode(cell)));
  EXPECT_TRUE(isNull(status.parts[1].decode(cell))) << "the empty label has no id in SQL";

  cell.Parse(R"({"id":"t","text":"2026-03-01 - 2026-03-15","timeline_from":"2026-03-01T00:00:00+00:00","timeline_to":"2026-03-15"})");
  const auto& timeline = columnTypeInfo("timeline");
  EXPECT_EQ(std::get<std::string>(timeline.parts[0].decode(cell)), "2026-03-01");
  EXPECT_EQ(std::get<std::string>(timeline.parts[1].decode(cell)), "2026-03-15");

  cell.Parse(R"({"id":"p","text":"Ann, Team A","people_entities":[{"id":"7","kind":"person"},{"id":"9","kind":"team"},{"id":"8","kind":"person"}]})");
  const auto& people = columnTypeInfo("people");
  EXPECT_EQ(std::get<std::string>(people.parts[0].decode(cell)), "Ann, Team A");
  EXPECT_EQ(std::get<std::string>(people.parts[1].decode(cell)), "7,8");
  EXPECT_EQ(std::get<std::string>(people.parts[2].decode(cell)), "9");

  cell.Parse(R"({"id":"c","text":"","value":null,"checkbox_checked":null})");
  EXPECT_EQ(std::get<std::int64_t>(columnTypeInfo("checkbox").parts[0].decode(cell)), 0);
  cell.Parse(R"({"id":"h","text":"09:05","hour_hour":9,"hour_minute":5})");
  EXPECT_EQ(std::get<std::string>(columnTypeInfo("hour").parts[0].decode(cell)), "09:05:00");
}

// monday keeps a date's date and time in UTC in `value`; `text` and the typed `time` are in the
// caller's profile time zone (here New York, 4 hours behind in July), so they must not be read.
TEST(ColumnTypes, ADateIsTheUtcMomentInItsValueNotTheTypedTimeInTheCallersZone) {
  const auto& date = columnTypeInfo("date");
  ASSERT_EQ(date.parts.size(), 3u);
  rapidjson::Document cell;
  cell.Parse(R"({"id":"date4","text":"2026-06-30 22:30",)"
             R"("value":"{\"date\":\"2026-07-01\",\"time\":\"02:30:00\",\"changed_at\":\"2026-06-01T00:00:00.000Z\"}",)"
             R"("date_date":"2026-07-01","date_time":"22:30:00"})");
  EXPECT_EQ(std::get<std::string>(date.parts[0].decode(cell)), "2026-07-01");
  EXPECT_EQ(std::get<std::string>(date.parts[1].decode(cell)), "02:30:00");

  // monday's documented date-only shape has no "time" key; others carry "time":null.
  cell.Parse(R"({"id":"date4","text":"2022-07-19","value":"{\"date\":\"2022-07-19\",\"icon\":null}"})");
  EXPECT_EQ(std::get<std::string>(date.parts[0].decode(cell)), "2022-07-19");
  EXPECT_TRUE(isNull(date.parts[1].decode(cell)));
  cell.Parse(R"({"id":"date4","text":"","value":null})");
  EXPECT_TRUE(isNull(date.parts[0].decode(cell)));
  EXPECT_TRUE(isNull(date.parts[1].decode(cell)));

  // A value that is not JSON is passed on, so the engine reads it as NULL with a warning naming it.
  cell.Parse(R"({"id":"date4","text":"","value":"someday"})");
  EXPECT_EQ(std::get<std::string>(date.parts[0].decode(cell)), "someday");
  EXPECT_TRUE(isNull(date.parts[1].decode(cell)));
  EXPECT_EQ(date.fragment, "") << "the typed fields are not needed";
}

// monday documents a doc column's `text` as always "": the doc is in DocValue.file.
TEST(ColumnTypes, ADocIsReadFromDocValueFileNotFromItsEmptyText) {
  const auto& doc = columnTypeInfo("doc");
  ASSERT_EQ(doc.parts.size(), 3u);
  EXPECT_NE(doc.fragment.find("... on DocValue"), std::string_view::npos);
  rapidjson::Document cell;
  cell.Parse(R"({"id":"monday_doc","text":"","value":null,)"
             R"("doc_file":{"url":"https://x.monday.com/docs/5009001","object_id":"5009001"}})");
  EXPECT_EQ(std::get<std::string>(doc.parts[0].decode(cell)), "https://x.monday.com/docs/5009001");
  EXPECT_EQ(doc.parts[1].suffix, "_object_id");
  EXPECT_EQ(std::get<std::int64_t>(doc.parts[1].decode(cell)), 5009001);
  cell.Parse(R"({"id":"monday_doc","text":"","value":null,"doc_file":null})");
  EXPECT_TRUE(isNull(doc.parts[0].decode(cell)));
  EXPECT_TRUE(isNull(doc.parts[1].decode(cell)));
}

// Types whose value monday defines as a typed field are read from it, whatever `text` holds.
TEST(ColumnTypes, WorldClockAndButtonAreReadFromTheirTypedFields) {
  rapidjson::Document cell;
  cell.Parse(R"({"id":"world_clock","text":"","value":null,"world_clock_timezone":"Europe/London"})");
  EXPECT_EQ(std::get<std::string>(columnTypeInfo("world_clock").parts[0].decode(cell)), "Europe/London");
  cell.Parse(R"({"id":"world_clock","text":"","value":null,"world_clock_timezone":null})");
  EXPECT_TRUE(isNull(columnTypeInfo("world_clock").parts[0].decode(cell)));
  cell.Parse(R"({"id":"button","text":"","value":null,"button_label":"Approve"})");
  EXPECT_EQ(std::get<std::string>(columnTypeInfo("button").parts[0].decode(cell)), "Approve");
}

// A recorded link cell: monday's text joins the link text and the URL with " - ".
TEST(ColumnTypes, ALinksTextIsItsUrlTextNotMondaysJoinedText) {
  const auto& link = columnTypeInfo("link");
  ASSERT_EQ(link.parts[1].suffix, "_text");
  rapidjson::Document cell;
  cell.Parse(R"({"id":"link","text":"Spec - https://x.example/spec",)"
             R"("value":"{\"url\":\"https://x.example/spec\",\"text\":\"Spec\"}",)"
             R"("link_url":"https://x.example/spec","link_text":"Spec"})");
  EXPECT_EQ(std::get<std::string>(link.parts[0].decode(cell)), "https://x.example/spec");
  EXPECT_EQ(std::get<std::string>(link.parts[1].decode(cell)), "Spec");
  cell.Parse(R"({"id":"link","text":"https://x.example/spec","link_url":"https://x.example/spec","link_text":""})");
  EXPECT_EQ(std::get<std::string>(link.parts[1].decode(cell)), "https://x.example/spec");
  cell.Parse(R"({"id":"link","text":"","value":null,"link_url":null,"link_text":null})");
  EXPECT_TRUE(isNull(link.parts[1].decode(cell)));
}

TEST(BoardFilters, NumbersAndDatesBecomeRangesWidenedForTimeZones) {
  EXPECT_EQ(translated(FilterKind::Number, nullptr, ConstraintOp::Ge, {std::int64_t{10}}), "c greater_than_or_equals 10");
  EXPECT_EQ(translated(FilterKind::Number, nullptr, ConstraintOp::Eq, {std::string("2.5"), std::string("abc")}), "c any_of [2.5]");
  EXPECT_EQ(translated(FilterKind::Number, nullptr, ConstraintOp::Lt, {std::string("12abc")}), "local: not a number");
  EXPECT_EQ(translated(FilterKind::Date, nullptr, ConstraintOp::Ge, {std::string("2026-03-01 10:00")}),
            R"(c greater_than_or_equals ["EXACT","2026-02-28"])");
  EXPECT_EQ(translated(FilterKind::Date, nullptr, ConstraintOp::Eq, {std::string("2026-03-01")}),
            R"(c any_of ["EXACT","2026-02-28","EXACT","2026-03-01","EXACT","2026-03-02"])");
  EXPECT_EQ(translated(FilterKind::TimelineEnd, nullptr, ConstraintOp::Lt, {std::string("2026-12-31")}),
            R"(c lower_than_or_equal ["EXACT","2027-01-01"] (END_DATE))");
  EXPECT_EQ(translated(FilterKind::Date, nullptr, ConstraintOp::Gt, {std::int64_t{20260101}}),
            "local: not a 'YYYY-MM-DD' date");
}

TEST(BoardFilters, LabelsMapToIdsFromTheSettingsAndUnknownLabelsStayLocal) {
  ColumnMeta status = column("status", "Status", "status",
                             R"({"labels":[{"id":0,"label":"Working on it"},{"id":1,"label":"Done"},{"id":2,"label":"Stuck"}]})");
  EXPECT_EQ(translated(FilterKind::StatusLabel, &status, ConstraintOp::Eq, {std::string("Done"), std::string("Stuck")}),
            "status any_of [1,2]");
  EXPECT_EQ(translated(FilterKind::StatusLabel, &status, ConstraintOp::Like, {std::string("%ing%")}), "status any_of [0]");
  EXPECT_EQ(translated(FilterKind::StatusLabel, &status, ConstraintOp::Eq, {std::string("done")}),
            "local: label 'done' is not in the column settings");
  EXPECT_EQ(translated(FilterKind::StatusLabel, &status, ConstraintOp::IsNull, {}), "status is_empty");
}

TEST(BoardFilters, TextPushesSupersetsAndNeverNegations) {
  EXPECT_EQ(translated(FilterKind::Text, nullptr, ConstraintOp::Like, {std::string("%cache_layer%")}),
            R"(c contains_text "cache")");
  EXPECT_EQ(translated(FilterKind::Text, nullptr, ConstraintOp::Like, {std::string("%%")}),
            "local: the pattern has no literal text");
  EXPECT_EQ(translated(FilterKind::TextContains, nullptr, ConstraintOp::Eq, {std::string("Ann"), std::string("Bo")}),
            R"(c contains_text "Ann" or c contains_text "Bo")");
  EXPECT_EQ(translated(FilterKind::PersonIds, nullptr, ConstraintOp::Eq, {std::string("7,8")}), R"(c any_of ["person-7"])");
  EXPECT_EQ(translated(FilterKind::Checkbox, nullptr, ConstraintOp::Ne, {std::int64_t{0}}), "c is_not_empty");
  EXPECT_EQ(translated(FilterKind::Checkbox, nullptr, ConstraintOp::Eq, {std::int64_t{2}}), "local: a checkbox is 0 or 1");
}

TEST(BoardFilters, LikeFollowsSqlite) {
  EXPECT_TRUE(likeMatches("%ing%", "Working on it"));
  EXPECT_TRUE(likeMatches("d_ne", "DONE"));
  EXPECT_TRUE(likeMatches("caf_", "café"));
  EXPECT_FALSE(likeMatches("Done", "Done!"));
  EXPECT_EQ(likeLiteral("a%bcd_e"), "bcd");
}

TEST(BoardFilters, QueryParamsCarryRulesGroupsAndOrder) {
  std::vector<PushedTerm> terms;
  std::string why;
  terms.push_back(*translateTerm(FilterKind::Number, "numbers", nullptr, ConstraintOp::Gt, {std::int64_t{5}}, &why));
  terms.push_back(*translateTerm(FilterKind::TextContains, "person", nullptr, ConstraintOp::Eq,
                                 {std::string("A"), std::string("B")}, &why));
  auto params = queryParams(terms, {{"numbers", true}});
  EXPECT_EQ(json(params),
            R"({"rules":[{"column_id":"numbers","compare_value":5,"operator":"greater_than"}],)"
            R"("groups":[{"rules":[{"column_id":"person","compare_value":"A","operator":"contains_text"},)"
            R"({"column_id":"person","compare_value":"B","operator":"contains_text"}],"operator":"or"}],)"
            R"("operator":"and","order_by":[{"column_id":"numbers","direction":"desc"}]})");
}
