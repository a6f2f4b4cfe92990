// One entry per monday column type (REFERENCE §7, §11, §12): the SQL columns it becomes, the
// typed GraphQL fields it needs and how each SQL value is read from them, and which filter
// translation its WHERE terms use. Typed fields are fetched under aliases unique to their type
// ("status_index: index"): monday's value types reuse field names with different types (label,
// country ...), which GraphQL forbids side by side in one selection without aliases.
#include "schema/boards/column_types.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "driver/common/json.h"

namespace monday::schema::boards {

namespace {

const rapidjson::Value* member(const Cell& cell, const char* name) {
  if (!cell.IsObject()) return nullptr;
  auto it = cell.FindMember(name);
  if (it == cell.MemberEnd() || it->value.IsNull()) return nullptr;
  return &it->value;
}

std::string stringOf(const rapidjson::Value& value) {
  if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
  if (value.IsInt64()) return std::to_string(value.GetInt64());
  if (value.IsBool()) return value.GetBool() ? "true" : "false";
  if (value.IsNumber()) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return buffer.GetString();
  }
  return {};
}

// A non-empty string member, else NULL: monday shows empty cells as "" or null.
Value nonEmpty(const Cell& cell, const char* name) {
  const auto* value = member(cell, name);
  if (!value) return std::monostate{};
  std::string text = stringOf(*value);
  if (text.empty()) return std::monostate{};
  return text;
}

Value text(const Cell& cell) { return nonEmpty(cell, "text"); }

// monday's `value` is a JSON string holding the raw JSON; shown as that JSON text.
Value rawValue(const Cell& cell) {
  const auto* value = member(cell, "value");
  if (!value) return std::monostate{};
  if (value->IsString()) {
    if (value->GetStringLength() == 0) return std::monostate{};
    return std::string(value->GetString(), value->GetStringLength());
  }
  return jsonText(*value);
}

// A cell's `value` parsed once more (monday sends it as a JSON string holding JSON). `unread`
// gets the text when it is there but is not a JSON object, so the caller can pass it on and the
// engine can say which cell could not be read instead of hiding it.
rapidjson::Document storedValue(const Cell& cell, Value* unread = nullptr) {
  rapidjson::Document parsed;
  const auto* value = member(cell, "value");
  if (!value) return parsed;
  if (!value->IsString()) {
    parsed.CopyFrom(*value, parsed.GetAllocator());
  } else if (value->GetStringLength() > 0 &&
             !parseJson(std::string_view(value->GetString(), value->GetStringLength()), parsed)) {
    parsed.SetNull();
  }
  if (!parsed.IsObject()) {
    if (unread) *unread = rawValue(cell);
    parsed.SetNull();
  }
  return parsed;
}

Value integer(const Cell& cell, const char* name) {
  const auto* value = member(cell, name);
  if (!value) return std::monostate{};
  if (auto parsed = jsonInteger(*value)) return *parsed;
  return std::monostate{};
}

// A number; text that is not one is passed on as it is, so the engine can say which cell could
// not be read (it reads as NULL with a warning) instead of hiding it.
Value real(const Cell& cell, const char* name) {
  const auto* value = member(cell, name);
  if (!value) return std::monostate{};
  if (value->IsNumber()) return value->GetDouble();
  if (value->IsString() && value->GetStringLength() > 0) {
    char* end = nullptr;
    const double parsed = std::strtod(value->GetString(), &end);
    if (end && *end == '\0') return parsed;
    return std::string(value->GetString(), value->GetStringLength());
  }
  return std::monostate{};
}

// The first ten characters of an ISO date or date-time: 'YYYY-MM-DD'.
Value day(const Cell& cell, const char* name) {
  Value v = nonEmpty(cell, name);
  if (auto* s = std::get_if<std::string>(&v); s && s->size() >= 10) return s->substr(0, 10);
  return v;
}

// ISO 8601 (monday answers UTC) → 'YYYY-MM-DD HH:MM:SS'.
Value timestamp(const Cell& cell, const char* name) {
  Value v = nonEmpty(cell, name);
  if (auto* s = std::get_if<std::string>(&v); s && s->size() >= 19 && (*s)[10] == 'T') {
    std::string out = s->substr(0, 19);
    out[10] = ' ';
    return out;
  }
  return v;
}

// A list of ids (strings or numbers) as "1,2,3"; NULL when empty.
Value idList(const Cell& cell, const char* name) {
  const auto* list = member(cell, name);
  if (!list || !list->IsArray()) return std::monostate{};
  std::string out;
  for (const auto& id : list->GetArray()) {
    std::string one = id.IsObject() && id.HasMember("id") ? stringOf(id["id"]) : stringOf(id);
    if (one.empty()) continue;
    out += (out.empty() ? "" : ",") + one;
  }
  if (out.empty()) return std::monostate{};
  return out;
}

bool emptyList(const Cell& cell, const char* name) {
  const auto* list = member(cell, name);
  return !list || !list->IsArray() || list->Empty();
}

// People: persons_and_teams entries of one kind, as "1,2".
Value peopleIds(const Cell& cell, const char* kind) {
  const auto* list = member(cell, "people_entities");
  if (!list || !list->IsArray()) return std::monostate{};
  std::string out;
  for (const auto& entry : list->GetArray()) {
    if (!entry.IsObject()) continue;
    auto k = entry.FindMember("kind");
    auto id = entry.FindMember("id");
    if (k == entry.MemberEnd() || id == entry.MemberEnd() || !k->value.IsString()) continue;
    if (std::string_view(k->value.GetString()) != kind) continue;
    out += (out.empty() ? "" : ",") + stringOf(id->value);
  }
  if (out.empty()) return std::monostate{};
  return out;
}

// The display text of a list-valued cell; NULL exactly when the list is empty, so IS NULL means
// what monday's is_empty means.
Value textUnlessEmpty(const Cell& cell, const char* list_name, const char* text_name) {
  if (emptyList(cell, list_name)) return std::monostate{};
  const auto* shown = member(cell, text_name);
  return shown ? stringOf(*shown) : std::string();
}

// date: from `value`, never from the typed fields or `text`. monday stores the date and time in
// UTC there; `text` and the typed `time` show them in the caller's profile time zone, so the
// typed `date` paired with the typed `time` names a moment that never was (REFERENCE §11.1).
Value storedDay(const Cell& cell) {
  Value unread;
  const rapidjson::Document stored = storedValue(cell, &unread);
  if (!stored.IsObject()) return unread;
  return day(stored, "date");
}

Value storedTimeOfDay(const Cell& cell) {
  const rapidjson::Document stored = storedValue(cell);
  if (!stored.IsObject() || isNull(nonEmpty(stored, "date"))) return std::monostate{};
  return nonEmpty(stored, "time");
}

// doc: monday's `text` of a doc column is always "" (REFERENCE §11.1); the doc is DocValue.file.
Value docFile(const Cell& cell, const char* name) {
  const auto* file = member(cell, "doc_file");
  if (!file || !file->IsObject()) return std::monostate{};
  return nonEmpty(*file, name);
}

Value linkText(const Cell& cell) {
  Value shown = nonEmpty(cell, "link_text");
  return isNull(shown) ? nonEmpty(cell, "link_url") : shown;
}

Value statusId(const Cell& cell) {
  if (isNull(text(cell))) return std::monostate{};  // no label (monday's "empty" label 5 has none)
  return integer(cell, "status_index");
}

Value numbers(const Cell& cell) {
  Value typed = real(cell, "numbers_number");
  if (std::holds_alternative<double>(typed)) return typed;
  return real(cell, "text");
}

Value hour(const Cell& cell) {
  Value h = integer(cell, "hour_hour");
  if (isNull(h)) return std::monostate{};
  Value m = integer(cell, "hour_minute");
  const auto hours = std::get<std::int64_t>(h);
  const auto minutes = isNull(m) ? 0 : std::get<std::int64_t>(m);
  char out[16];
  std::snprintf(out, sizeof out, "%02lld:%02lld:00", static_cast<long long>(hours), static_cast<long long>(minutes));
  return std::string(out);
}

Value checkbox(const Cell& cell) {
  const auto* checked = member(cell, "checkbox_checked");
  if (checked && checked->IsBool()) return std::int64_t{checked->GetBool() ? 1 : 0};
  if (checked && checked->IsString()) return std::int64_t{std::string_view(checked->GetString()) == "true" ? 1 : 0};
  return std::int64_t{0};  // never set = unchecked
}

Value rating(const Cell& cell) {
  Value r = integer(cell, "rating_rating");
  if (auto* n = std::get_if<std::int64_t>(&r); n && *n <= 0) return std::monostate{};  // 0 = not rated
  return r;
}

Value countryName(const Cell& cell) {
  const auto* country = member(cell, "country_country");
  if (!country || !country->IsObject()) return std::monostate{};
  return nonEmpty(*country, "name");
}

Value countryCode(const Cell& cell) {
  const auto* country = member(cell, "country_country");
  if (!country || !country->IsObject()) return std::monostate{};
  return nonEmpty(*country, "code");
}

Value percent(const Cell& cell) {
  Value shown = text(cell);
  auto* s = std::get_if<std::string>(&shown);
  if (!s) return std::monostate{};
  std::int64_t parsed = 0;
  auto [stop, ec] = std::from_chars(s->data(), s->data() + s->size(), parsed);
  if (ec != std::errc()) return std::monostate{};
  return parsed;
}

Value integerText(const Cell& cell) {
  Value shown = text(cell);
  auto* s = std::get_if<std::string>(&shown);
  if (!s) return std::monostate{};
  std::int64_t parsed = 0;
  auto [stop, ec] = std::from_chars(s->data(), s->data() + s->size(), parsed);
  if (ec != std::errc() || stop != s->data() + s->size()) return shown;
  return parsed;
}

constexpr ColumnPart kRawValue{"_value", DataType::LongVarchar, 0, "raw value JSON as monday stores it", rawValue};

std::vector<ColumnTypeInfo> makeTypes() {
  using K = FilterKind;
  using D = DataType;
  return {
      {"text", "", {{"", D::Varchar, 0, "text", text, K::Text}}},
      {"long_text", "", {{"", D::LongVarchar, 0, "text", text, K::Text}}},
      {"numbers", "... on NumbersValue { numbers_number: number }",
       {{"", D::Double, 0, "number", numbers, K::Number, true}}},
      {"status", "... on StatusValue { status_index: index }",
       {{"", D::Varchar, 255, "label", text, K::StatusLabel},
        {"_id", D::Integer, 0, "label id (settings.labels[].id)", statusId, K::StatusId},
        kRawValue}},
      {"dropdown", "... on DropdownValue { dropdown_values: values { id } }",
       {{"", D::Varchar, 0, "selected labels, comma separated", text, K::DropdownLabels},
        {"_ids", D::Varchar, 0, "selected option ids, comma separated",
         [](const Cell& c) { return idList(c, "dropdown_values"); }},
        kRawValue}},
      {"date", "",
       {{"", D::Date, 0, "date (UTC)", storedDay, K::Date, true},
        {"_time", D::Time, 0, "time of day (UTC); NULL when the date has no time", storedTimeOfDay},
        kRawValue}},
      {"timeline", "... on TimelineValue { timeline_from: from timeline_to: to }",
       {{"_from", D::Date, 0, "start date", [](const Cell& c) { return day(c, "timeline_from"); }, K::TimelineStart},
        {"_to", D::Date, 0, "end date", [](const Cell& c) { return day(c, "timeline_to"); }, K::TimelineEnd},
        kRawValue}},
      {"week", "... on WeekValue { week_start: start_date week_end: end_date }",
       {{"_from", D::Date, 0, "first day of the week", [](const Cell& c) { return day(c, "week_start"); },
         K::Emptiness},
        {"_to", D::Date, 0, "last day of the week", [](const Cell& c) { return day(c, "week_end"); }},
        kRawValue}},
      {"hour", "... on HourValue { hour_hour: hour hour_minute: minute }",
       {{"", D::Time, 0, "time of day", hour, K::Emptiness}, kRawValue}},
      // monday defines WorldClockValue.timezone; its `text` is only documented as "" when empty.
      {"world_clock", "... on WorldClockValue { world_clock_timezone: timezone }",
       {{"", D::Varchar, 64, "time zone", [](const Cell& c) { return nonEmpty(c, "world_clock_timezone"); }}}},
      {"people", "... on PeopleValue { people_entities: persons_and_teams { id kind } }",
       {{"", D::Varchar, 0, "names of the people and teams",
         [](const Cell& c) { return textUnlessEmpty(c, "people_entities", "text"); }, K::TextContains},
        {"_ids", D::Varchar, 0, "user ids, comma separated", [](const Cell& c) { return peopleIds(c, "person"); },
         K::PersonIds},
        {"_team_ids", D::Varchar, 0, "team ids, comma separated", [](const Cell& c) { return peopleIds(c, "team"); }},
        kRawValue}},
      {"person", "... on PersonValue { person_person_id: person_id }",
       {{"", D::Varchar, 0, "name", text},
        {"_id", D::BigInt, 0, "user id", [](const Cell& c) { return integer(c, "person_person_id"); }},
        kRawValue}},
      {"team", "... on TeamValue { team_team_id: team_id }",
       {{"", D::Varchar, 0, "team name", text},
        {"_id", D::BigInt, 0, "team id", [](const Cell& c) { return integer(c, "team_team_id"); }},
        kRawValue}},
      {"checkbox", "... on CheckboxValue { checkbox_checked: checked }",
       {{"", D::Bit, 0, "1 when checked, 0 when not", checkbox, K::Checkbox}}},
      {"rating", "... on RatingValue { rating_rating: rating }",
       {{"", D::Integer, 0, "rating (1 to the column's maximum); NULL when not rated", rating, K::Rating}}},
      // monday's `text` of a link is "<link text> - <url>" (REFERENCE §11.1): the link text is
      // LinkValue.url_text. Filters go by contains_text, which finds it inside monday's text.
      {"link", "... on LinkValue { link_url: url link_text: url_text }",
       {{"", D::Varchar, 1024, "URL", [](const Cell& c) { return nonEmpty(c, "link_url"); }, K::NotEmptyOnly},
        {"_text", D::Varchar, 0, "display text (the link text, else the URL)", linkText, K::TextContains},
        kRawValue}},
      {"email", "... on EmailValue { email_email: email }",
       {{"", D::Varchar, 255, "e-mail address", [](const Cell& c) { return nonEmpty(c, "email_email"); },
         K::NotEmptyOnly},
        {"_text", D::Varchar, 0, "display text (monday's text: the label, else the address)", text, K::Text},
        kRawValue}},
      {"phone", "... on PhoneValue { phone_phone: phone phone_country: country_short_name }",
       {{"", D::Varchar, 64, "phone number", [](const Cell& c) { return nonEmpty(c, "phone_phone"); },
         K::TextContains},
        {"_country", D::Varchar, 8, "country code (ISO 3166-1 alpha-2)",
         [](const Cell& c) { return nonEmpty(c, "phone_country"); }, K::Code},
        kRawValue}},
      {"country", "... on CountryValue { country_country: country { code name } }",
       {{"", D::Varchar, 128, "country name", countryName, K::TextContains},
        {"_code", D::Varchar, 8, "country code (ISO 3166-1 alpha-2)", countryCode, K::Code},
        kRawValue}},
      {"location", "... on LocationValue { location_address: address location_lat: lat location_lng: lng }",
       {{"", D::Varchar, 0, "address", [](const Cell& c) { return nonEmpty(c, "location_address"); },
         K::NotEmptyOnly},
        {"_lat", D::Double, 0, "latitude", [](const Cell& c) { return real(c, "location_lat"); }},
        {"_lng", D::Double, 0, "longitude", [](const Cell& c) { return real(c, "location_lng"); }},
        kRawValue}},
      {"color_picker", "... on ColorPickerValue { color_picker_color: color }",
       {{"", D::Varchar, 16, "colour (hex)", [](const Cell& c) { return nonEmpty(c, "color_picker_color"); }},
        kRawValue}},
      {"tags", "... on TagsValue { tags_ids: tag_ids }",
       {{"", D::Varchar, 0, "tag names, comma separated", text},
        {"_ids", D::Varchar, 0, "tag ids, comma separated", [](const Cell& c) { return idList(c, "tags_ids"); }},
        kRawValue}},
      {"file", "", {{"", D::LongVarchar, 0, "files (monday's text: their URLs)", text}, kRawValue}},
      {"doc", "... on DocValue { doc_file: file { url object_id } }",
       {{"", D::Varchar, 1024, "document link (DocValue.file.url)", [](const Cell& c) { return docFile(c, "url"); }},
        {"_object_id", D::BigInt, 0, "the doc's object_id (Docs.object_id)",
         [](const Cell& c) -> Value {
           const auto* file = member(c, "doc_file");
           return file && file->IsObject() ? integer(*file, "object_id") : Value{};
         }},
        kRawValue}},
      {"direct_doc", "", {{"", D::Varchar, 1024, "document link (monday's text)", text}, kRawValue}},
      {"board_relation", "... on BoardRelationValue { relation_ids: linked_item_ids relation_display: display_value }",
       {{"", D::Varchar, 0, "names of the linked items (display_value)",
         [](const Cell& c) { return textUnlessEmpty(c, "relation_ids", "relation_display"); }, K::TextContains},
        {"_ids", D::Varchar, 0, "linked item ids, comma separated",
         [](const Cell& c) { return idList(c, "relation_ids"); }, K::LinkedIds}}},
      {"dependency", "... on DependencyValue { dependency_ids: linked_item_ids dependency_display: display_value }",
       {{"", D::Varchar, 0, "names of the items it depends on (display_value)",
         [](const Cell& c) { return textUnlessEmpty(c, "dependency_ids", "dependency_display"); }, K::Emptiness},
        {"_ids", D::Varchar, 0, "ids of the items it depends on, comma separated",
         [](const Cell& c) { return idList(c, "dependency_ids"); }, K::LinkedIds}}},
      {"mirror", "... on MirrorValue { mirror_display: display_value }",
       {{"", D::Varchar, 0, "mirrored values as displayed (display_value)",
         [](const Cell& c) { return nonEmpty(c, "mirror_display"); }}}},
      {"subtasks", "... on SubtasksValue { subtasks_ids: subitems_ids }",
       {{"", D::Varchar, 0, "subitem names (monday's text)", text},
        {"_ids", D::Varchar, 0, "subitem ids, comma separated", [](const Cell& c) { return idList(c, "subtasks_ids"); }}}},
      {"formula", "... on FormulaValue { formula_display: display_value }",
       {{"", D::Varchar, 0, "computed value as displayed (display_value; monday rate-limits it)",
         [](const Cell& c) { return nonEmpty(c, "formula_display"); }}}},
      {"item_id", "... on ItemIdValue { item_id_value: item_id }",
       {{"", D::BigInt, 0, "item id", [](const Cell& c) { return integer(c, "item_id_value"); }}}},
      {"auto_number", "", {{"", D::BigInt, 0, "number (monday's text)", integerText}}},
      {"creation_log", "... on CreationLogValue { creation_log_at: created_at creation_log_creator_id: creator_id }",
       {{"", D::Timestamp, 0, "when the item was created (UTC)",
         [](const Cell& c) { return timestamp(c, "creation_log_at"); }},
        {"_creator_id", D::BigInt, 0, "user who created it",
         [](const Cell& c) { return integer(c, "creation_log_creator_id"); }}}},
      {"last_updated", "... on LastUpdatedValue { last_updated_at: updated_at last_updated_updater_id: updater_id }",
       {{"", D::Timestamp, 0, "when the item last changed (UTC)",
         [](const Cell& c) { return timestamp(c, "last_updated_at"); }},
        {"_updater_id", D::BigInt, 0, "user who changed it last",
         [](const Cell& c) { return integer(c, "last_updated_updater_id"); }}}},
      {"vote", "... on VoteValue { vote_count: vote_count vote_voter_ids: voter_ids }",
       {{"", D::Integer, 0, "number of votes", [](const Cell& c) { return integer(c, "vote_count"); }},
        {"_voter_ids", D::Varchar, 0, "ids of the voters, comma separated",
         [](const Cell& c) { return idList(c, "vote_voter_ids"); }}}},
      {"progress", "", {{"", D::Integer, 0, "percent done (from monday's text)", percent}}},
      {"time_tracking", "... on TimeTrackingValue { time_tracking_duration: duration time_tracking_running: running }",
       {{"", D::Integer, 0, "seconds tracked", [](const Cell& c) { return integer(c, "time_tracking_duration"); }},
        {"_running", D::Bit, 0, "1 while the timer runs",
         [](const Cell& c) -> Value {
           const auto* running = member(c, "time_tracking_running");
           if (!running || !running->IsBool()) return std::monostate{};
           return std::int64_t{running->GetBool() ? 1 : 0};
         }},
        kRawValue}},
      // The label is ButtonValue.label; `text` held it only in the retired column values v1.
      {"button", "... on ButtonValue { button_label: label }",
       {{"", D::Varchar, 0, "button label", [](const Cell& c) { return nonEmpty(c, "button_label"); }}}},
      {"group", "... on GroupValue { group_value_id: group_id }",
       {{"", D::Varchar, 0, "group title (monday's text)", text},
        {"_id", D::Varchar, 64, "group id", [](const Cell& c) { return nonEmpty(c, "group_value_id"); }}}},
      {"integration", "", {{"", D::Varchar, 0, "monday's text", text}, kRawValue}},
      // Anything else (item_assignees, unsupported, types newer than this driver): text and value.
      {"", "", {{"", D::Varchar, 0, "monday's text", text}, kRawValue}},
  };
}

}  // namespace

const std::vector<ColumnTypeInfo>& allColumnTypes() {
  static const std::vector<ColumnTypeInfo> types = [] {
    std::vector<ColumnTypeInfo> list = makeTypes();
    attachEncoders(list);
    return list;
  }();
  return types;
}

const ColumnTypeInfo& columnTypeInfo(std::string_view type) {
  const auto& types = allColumnTypes();
  for (const auto& info : types) {
    if (info.type == type) return info;
  }
  return types.back();  // the generic "" entry
}

}  // namespace monday::schema::boards
