// Writes of board columns: the JSON monday's column_values takes per column type (REFERENCE §3,
// §11), built from the SQL values of the column's parts. Each encoder looks at the parts the
// statement sets, the most portable first (a status label before its id, the raw `_value` JSON
// last), so INSERT … SELECT from another board copies labels, not board-specific ids. Types the
// API cannot write (formula, mirror, creation_log …) get no encoder: writing them is refused
// with a message naming the column.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <rapidjson/document.h>

#include "driver/common/datetime.h"
#include "driver/common/error.h"
#include "driver/common/json.h"
#include "schema/boards/board_metadata.h"
#include "schema/boards/column_types.h"
#include "schema/item_calls.h"

namespace monday::schema::boards {

const Value* CellInput::part(std::string_view suffix) const {
  for (std::size_t i = 0; i < info.parts.size() && i < values.size(); ++i) {
    if (info.parts[i].suffix == suffix) return values[i];
  }
  return nullptr;
}

bool CellInput::givenPart(std::string_view suffix) const {
  for (std::size_t i = 0; i < info.parts.size() && i < given.size(); ++i) {
    if (info.parts[i].suffix == suffix) return given[i];
  }
  return false;
}

std::string CellInput::sqlName(std::string_view suffix) const { return table_column_base + std::string(suffix); }

namespace {

using Input = CellInput;

bool isNullPart(const Input& in, std::string_view suffix) {
  const Value* value = in.part(suffix);
  return !value || isNull(*value) || (std::holds_alternative<std::string>(*value) && std::get<std::string>(*value).empty());
}

std::string partText(const Input& in, std::string_view suffix) {
  const Value* value = in.part(suffix);
  return value ? valueText(*value) : std::string();
}

[[noreturn]] void invalid(const Input& in, std::string_view suffix, const std::string& why) {
  throw Error(sqlstate::kInvalidCharacterValue,
              in.sqlName(suffix) + " (monday " + in.column.type + " column '" + in.column.title + "'): " + why);
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

std::vector<std::string> commaList(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string item = trimmed(std::string_view(text).substr(start, comma - start));
    if (!item.empty()) items.push_back(std::move(item));
    start = comma + 1;
  }
  return items;
}

// "1, 2,3" → [1,2,3]; every entry must be a whole number.
std::string idArrayJson(const Input& in, std::string_view suffix) {
  std::string out = "[";
  for (const auto& item : commaList(partText(in, suffix))) {
    if (!std::all_of(item.begin(), item.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      invalid(in, suffix, "expected ids separated by commas (e.g. '12,34'), found '" + item + "'.");
    }
    out += (out.size() > 1 ? "," : "") + item;
  }
  return out + "]";
}

std::string numberText(const Input& in, std::string_view suffix) {
  const Value* value = in.part(suffix);
  if (const auto* i = std::get_if<std::int64_t>(value)) return std::to_string(*i);
  if (std::holds_alternative<double>(*value)) return valueText(*value);
  const std::string text = trimmed(partText(in, suffix));
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  if (text.empty() || !end || *end != '\0') invalid(in, suffix, "expected a number, found '" + text + "'.");
  return text;
}

// A date or time that is not one: 22007, before anything is sent to monday.
[[noreturn]] void invalidDateTime(const Input& in, std::string_view suffix, const std::string& why) {
  throw Error(sqlstate::kInvalidDatetimeFormat,
              "Invalid datetime format: " + in.sqlName(suffix) + " (monday " + in.column.type + " column '" +
                  in.column.title + "'): " + why + " Nothing was sent to monday.");
}

// 'YYYY-MM-DD' (also the date of 'YYYY-MM-DD HH:MM:SS' / ISO 'T' forms), a real calendar day.
std::string dateText(const Input& in, std::string_view suffix) {
  const std::string text = trimmed(partText(in, suffix));
  const bool shaped = text.size() >= 10 && text[4] == '-' && text[7] == '-' &&
                      std::all_of(text.begin(), text.begin() + 4, ::isdigit) && std::isdigit(static_cast<unsigned char>(text[5])) &&
                      std::isdigit(static_cast<unsigned char>(text[6])) && std::isdigit(static_cast<unsigned char>(text[8])) &&
                      std::isdigit(static_cast<unsigned char>(text[9]));
  if (!shaped) invalidDateTime(in, suffix, "expected a date 'YYYY-MM-DD', found '" + text + "'.");
  if (!parseDate(text.substr(0, 10))) {
    invalidDateTime(in, suffix, "'" + text.substr(0, 10) + "' is not a day of the calendar.");
  }
  return text.substr(0, 10);
}

// 'HH:MM' or 'HH:MM:SS' → 'HH:MM:SS'.
std::string timeText(const Input& in, std::string_view suffix, std::string text) {
  text = trimmed(text);
  auto digits = [&](std::size_t at) {
    return at + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) &&
           std::isdigit(static_cast<unsigned char>(text[at + 1]));
  };
  const bool shaped = (text.size() == 5 || text.size() == 8) && digits(0) && text[2] == ':' && digits(3) &&
                      (text.size() == 5 || (text[5] == ':' && digits(6)));
  if (!shaped) invalidDateTime(in, suffix, "expected a time 'HH:MM' or 'HH:MM:SS', found '" + text + "'.");
  if (!parseTime(text)) {
    invalidDateTime(in, suffix, "'" + text + "' is not a time of day (hours 00-23, minutes and seconds 00-59).");
  }
  return text.size() == 5 ? text + ":00" : text;
}

// The raw `_value` part, when the statement sets it: monday's own JSON, passed through.
std::string rawJson(const Input& in) {
  if (isNullPart(in, "_value")) return "null";
  const std::string text = partText(in, "_value");
  rapidjson::Document parsed;
  if (!parseJson(text, parsed)) invalid(in, "_value", "is not valid JSON.");
  return text;
}

[[noreturn]] void writeByOtherPart(const Input& in, std::string_view given, std::string_view use, const char* what) {
  invalid(in, given, std::string("cannot be written by ") + what + "; set " + in.sqlName(use) + " instead.");
}

std::string encodeText(const Input& in) { return isNullPart(in, "") ? "null" : jsonQuoted(partText(in, "")); }

std::string encodeLongText(const Input& in) {
  return isNullPart(in, "") ? "null" : "{\"text\":" + jsonQuoted(partText(in, "")) + "}";
}

std::string encodeNumbers(const Input& in) { return isNullPart(in, "") ? "null" : jsonQuoted(numberText(in, "")); }

std::string encodeStatus(const Input& in) {
  if (in.givenPart("")) return isNullPart(in, "") ? "null" : "{\"label\":" + jsonQuoted(partText(in, "")) + "}";
  if (in.givenPart("_id")) return isNullPart(in, "_id") ? "null" : "{\"index\":" + numberText(in, "_id") + "}";
  return rawJson(in);
}

std::string encodeDropdown(const Input& in) {
  if (in.givenPart("")) {
    if (isNullPart(in, "")) return "null";
    std::string labels;
    for (const auto& label : commaList(partText(in, ""))) labels += (labels.empty() ? "" : ",") + jsonQuoted(label);
    return "{\"labels\":[" + labels + "]}";
  }
  if (in.givenPart("_ids")) return isNullPart(in, "_ids") ? "null" : "{\"ids\":" + idArrayJson(in, "_ids") + "}";
  return rawJson(in);
}

std::string encodeDate(const Input& in) {
  if (!in.givenPart("") && !in.givenPart("_time") && in.givenPart("_value")) return rawJson(in);
  if (isNullPart(in, "")) {
    if (!isNullPart(in, "_time")) invalid(in, "_time", "needs a date in " + in.sqlName("") + ".");
    return "null";
  }
  const std::string date = dateText(in, "");
  std::string time;
  if (!isNullPart(in, "_time")) {
    time = timeText(in, "_time", partText(in, "_time"));
  } else if (const std::string full = trimmed(partText(in, "")); full.size() >= 16 && (full[10] == ' ' || full[10] == 'T')) {
    time = timeText(in, "", full.substr(11, full.size() >= 19 ? 8 : 5));  // a timestamp given for the date
  }
  return "{\"date\":\"" + date + "\"" + (time.empty() ? std::string() : ",\"time\":\"" + time + "\"") + "}";
}

// timeline and week: two dates that must come together.
std::string encodeRange(const Input& in, bool week) {
  if (!in.givenPart("_from") && !in.givenPart("_to") && in.givenPart("_value")) return rawJson(in);
  const bool no_from = isNullPart(in, "_from");
  const bool no_to = isNullPart(in, "_to");
  if (no_from && no_to) return "null";
  if (no_from || no_to) invalid(in, no_from ? "_from" : "_to", "needs a value too: a range has a start and an end.");
  const std::string from = dateText(in, "_from");
  const std::string to = dateText(in, "_to");
  if (from > to) invalid(in, "_from", "is after " + in.sqlName("_to") + ".");
  if (week) return "{\"week\":{\"startDate\":\"" + from + "\",\"endDate\":\"" + to + "\"}}";
  return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
}

std::string encodeTimeline(const Input& in) { return encodeRange(in, false); }
std::string encodeWeek(const Input& in) { return encodeRange(in, true); }

std::string encodeHour(const Input& in) {
  if (!in.givenPart("") && in.givenPart("_value")) return rawJson(in);
  if (isNullPart(in, "")) return "null";
  const std::string time = timeText(in, "", partText(in, ""));
  return "{\"hour\":" + std::to_string(std::atoi(time.c_str())) + ",\"minute\":" + std::to_string(std::atoi(time.c_str() + 3)) + "}";
}

std::string encodeWorldClock(const Input& in) {
  return isNullPart(in, "") ? "null" : "{\"timezone\":" + jsonQuoted(trimmed(partText(in, ""))) + "}";
}

std::string encodePeople(const Input& in) {
  if (in.givenPart("_ids") || in.givenPart("_team_ids")) {
    std::string list;
    for (const auto& [suffix, kind] : {std::pair<std::string_view, const char*>{"_ids", "person"}, {"_team_ids", "team"}}) {
      if (isNullPart(in, suffix)) continue;
      const std::string ids = idArrayJson(in, suffix);
      for (const auto& id : commaList(ids.substr(1, ids.size() - 2))) {
        list += (list.empty() ? "" : ",") + std::string("{\"id\":") + id + ",\"kind\":\"" + kind + "\"}";
      }
    }
    return list.empty() ? "null" : "{\"personsAndTeams\":[" + list + "]}";
  }
  if (in.givenPart("")) {
    if (isNullPart(in, "")) return "null";
    writeByOtherPart(in, "", "_ids", "names (monday needs user ids)");
  }
  return rawJson(in);
}

std::string encodePerson(const Input& in) {
  if (in.givenPart("_id")) return isNullPart(in, "_id") ? "null" : "{\"id\":" + numberText(in, "_id") + "}";
  if (in.givenPart("") && !isNullPart(in, "")) writeByOtherPart(in, "", "_id", "name");
  return in.givenPart("_value") ? rawJson(in) : "null";
}

std::string encodeTeam(const Input& in) {
  if (in.givenPart("_id")) return isNullPart(in, "_id") ? "null" : "{\"team_id\":" + numberText(in, "_id") + "}";
  if (in.givenPart("") && !isNullPart(in, "")) writeByOtherPart(in, "", "_id", "name");
  return in.givenPart("_value") ? rawJson(in) : "null";
}

std::string encodeCheckbox(const Input& in) {
  if (isNullPart(in, "")) return "null";
  std::string text = partText(in, "");
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (text == "1" || text == "true" || text == "v") return "{\"checked\":\"true\"}";
  if (text == "0" || text == "false") return "null";  // monday unchecks by clearing
  invalid(in, "", "expected 1 (checked) or 0, found '" + text + "'.");
}

std::string encodeRating(const Input& in) {
  return isNullPart(in, "") ? "null" : "{\"rating\":" + numberText(in, "") + "}";
}

// link and email: the main part plus a display text that defaults to it.
std::string encodeLabelled(const Input& in, const char* key) {
  if (!in.givenPart("") && !in.givenPart("_text") && in.givenPart("_value")) return rawJson(in);
  if (isNullPart(in, "")) {
    if (in.givenPart("_text") && !isNullPart(in, "_text")) invalid(in, "_text", "needs " + in.sqlName("") + " too.");
    return "null";
  }
  const std::string main = trimmed(partText(in, ""));
  const std::string shown = isNullPart(in, "_text") ? main : partText(in, "_text");
  return std::string("{\"") + key + "\":" + jsonQuoted(main) + ",\"text\":" + jsonQuoted(shown) + "}";
}

std::string encodeLink(const Input& in) { return encodeLabelled(in, "url"); }
std::string encodeEmail(const Input& in) { return encodeLabelled(in, "email"); }

std::string encodePhone(const Input& in) {
  if (!in.givenPart("") && !in.givenPart("_country") && in.givenPart("_value")) return rawJson(in);
  if (isNullPart(in, "")) return "null";
  std::string out = "{\"phone\":" + jsonQuoted(trimmed(partText(in, "")));
  if (!isNullPart(in, "_country")) out += ",\"countryShortName\":" + jsonQuoted(trimmed(partText(in, "_country")));
  return out + "}";
}

std::string encodeCountry(const Input& in) {
  if (!in.givenPart("") && !in.givenPart("_code") && in.givenPart("_value")) return rawJson(in);
  if (isNullPart(in, "_code")) {
    if (!isNullPart(in, "")) writeByOtherPart(in, "", "_code", "name alone");
    return "null";
  }
  std::string out = "{\"countryCode\":" + jsonQuoted(trimmed(partText(in, "_code")));
  if (!isNullPart(in, "")) out += ",\"countryName\":" + jsonQuoted(trimmed(partText(in, "")));
  return out + "}";
}

std::string encodeLocation(const Input& in) {
  if (!in.givenPart("") && !in.givenPart("_lat") && !in.givenPart("_lng") && in.givenPart("_value")) return rawJson(in);
  if (isNullPart(in, "_lat") && isNullPart(in, "_lng") && isNullPart(in, "")) return "null";
  if (isNullPart(in, "_lat") || isNullPart(in, "_lng")) {
    invalid(in, isNullPart(in, "_lat") ? "_lat" : "_lng", "is needed: monday places a location by latitude and longitude.");
  }
  return "{\"lat\":" + jsonQuoted(numberText(in, "_lat")) + ",\"lng\":" + jsonQuoted(numberText(in, "_lng")) +
         ",\"address\":" + jsonQuoted(partText(in, "")) + "}";
}

std::string encodeTags(const Input& in) {
  if (in.givenPart("_ids")) return isNullPart(in, "_ids") ? "null" : "{\"tag_ids\":" + idArrayJson(in, "_ids") + "}";
  if (in.givenPart("") && !isNullPart(in, "")) writeByOtherPart(in, "", "_ids", "tag names (create tags with INSERT INTO Tags)");
  return in.givenPart("_value") ? rawJson(in) : "null";
}

// board_relation and dependency: linked item ids.
std::string encodeLinkedItems(const Input& in) {
  if (in.givenPart("_ids")) return isNullPart(in, "_ids") ? "null" : "{\"item_ids\":" + idArrayJson(in, "_ids") + "}";
  if (!isNullPart(in, "")) writeByOtherPart(in, "", "_ids", "item names");
  return "null";
}

}  // namespace

void attachEncoders(std::vector<ColumnTypeInfo>& types) {
  const std::pair<std::string_view, std::string (*)(const CellInput&)> encoders[] = {
      {"text", encodeText},          {"long_text", encodeLongText},      {"numbers", encodeNumbers},
      {"status", encodeStatus},      {"dropdown", encodeDropdown},       {"date", encodeDate},
      {"timeline", encodeTimeline},  {"week", encodeWeek},               {"hour", encodeHour},
      {"world_clock", encodeWorldClock}, {"people", encodePeople},       {"person", encodePerson},
      {"team", encodeTeam},          {"checkbox", encodeCheckbox},       {"rating", encodeRating},
      {"link", encodeLink},          {"email", encodeEmail},             {"phone", encodePhone},
      {"country", encodeCountry},    {"location", encodeLocation},       {"tags", encodeTags},
      {"board_relation", encodeLinkedItems}, {"dependency", encodeLinkedItems},
  };
  for (auto& info : types) {
    for (const auto& [type, encode] : encoders) {
      if (info.type == type) info.encode = encode;
    }
  }
}

}  // namespace monday::schema::boards
