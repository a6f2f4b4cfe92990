#include "driver/common/column_types.h"

#include <algorithm>
#include <cctype>

namespace monday {

namespace {

constexpr std::string_view kColumnTypes[] = {
    "auto_number", "board_relation", "button",        "checkbox",    "color_picker", "country",   "creation_log",
    "date",        "dependency",     "direct_doc",    "doc",         "dropdown",     "email",     "file",
    "formula",     "group",          "hour",          "integration", "item_assignees", "item_id", "last_updated",
    "link",        "location",       "long_text",     "mirror",      "name",         "numbers",   "people",
    "person",      "phone",          "progress",      "rating",      "status",       "subtasks",  "tags",
    "team",        "text",           "time_tracking", "timeline",    "unsupported",  "vote",      "week",
    "world_clock",
};

bool sameIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::span<const std::string_view> mondayColumnTypes() { return kColumnTypes; }

std::optional<std::string> mondayColumnType(std::string_view given) {
  for (std::string_view type : kColumnTypes) {
    if (sameIgnoringCase(given, type)) return std::string(type);
  }
  return std::nullopt;
}

}  // namespace monday
