#include "schema/boards/board_metadata.h"

#include <charconv>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "driver/client/api_client.h"
#include "driver/common/json.h"
#include "schema/paging/api_scan.h"

namespace monday::schema::boards {

namespace {

// Boards per request. Each board brings its columns (a few dozen scalars each), so a page stays
// far below monday's per-query complexity cap while 1,000 boards take about ten requests.
constexpr int kBoardsPerPage = 100;

const std::string kDocument =
    "query BoardMetadata($limit: Int, $page: Int) { boards(limit: $limit, page: $page, " + std::string(kEveryBoard) +
    ") { id name state type hierarchy_type description items_count columns { id title type description archived "
    "settings capabilities { calculated { function } } } } }";

}  // namespace

void parseColumnSettings(ColumnMeta& column) {
  column.labels.clear();
  column.board_ids.clear();
  if (column.settings.empty()) return;
  rapidjson::Document settings;
  if (!parseJson(column.settings, settings)) return;
  if (settings.IsString()) {  // a JSON string holding the JSON object
    std::string inner(settings.GetString(), settings.GetStringLength());
    if (!parseJson(inner, settings)) return;
  }
  if (!settings.IsObject()) return;
  if (auto labels = settings.FindMember("labels"); labels != settings.MemberEnd()) {
    if (labels->value.IsArray()) {
      // 2025-10 layout: [{id, label (dropdown: label or name), index, ...}]
      for (const auto& entry : labels->value.GetArray()) {
        if (!entry.IsObject()) continue;
        auto id = entry.FindMember("id");
        if (id == entry.MemberEnd()) continue;
        auto parsed = jsonInteger(id->value);
        if (!parsed) continue;
        std::string text = jsonMemberText(entry, "label");
        if (text.empty()) text = jsonMemberText(entry, "name");
        column.labels.push_back({*parsed, text});
      }
    } else if (labels->value.IsObject()) {
      // Older layout: {"<id>": "<label>"}
      for (const auto& entry : labels->value.GetObject()) {
        rapidjson::Value key(entry.name.GetString(), entry.name.GetStringLength());
        auto parsed = jsonInteger(key);
        if (parsed && entry.value.IsString()) column.labels.push_back({*parsed, entry.value.GetString()});
      }
    }
  }
  if (auto ids = settings.FindMember("boardIds"); ids != settings.MemberEnd() && ids->value.IsArray()) {
    for (const auto& id : ids->value.GetArray()) {
      if (auto parsed = jsonInteger(id)) column.board_ids.push_back(std::to_string(*parsed));
    }
  }
}

std::vector<BoardMeta> fetchBoardMetadata(client::ApiClient& api) {
  std::vector<BoardMeta> boards;
  for (int page = 1;; ++page) {
    rapidjson::Document variables(rapidjson::kObjectType);
    variables.AddMember("limit", kBoardsPerPage, variables.GetAllocator());
    variables.AddMember("page", page, variables.GetAllocator());
    rapidjson::Document response = api.query(kDocument, variables);
    const auto& listed = listAt(response["data"], "boards");
    for (const auto& object : listed.GetArray()) {
      if (!object.IsObject()) continue;
      BoardMeta board;
      board.id = jsonMemberText(object, "id");
      board.name = jsonMemberText(object, "name");
      board.state = jsonMemberText(object, "state");
      board.type = jsonMemberText(object, "type");
      board.description = jsonMemberText(object, "description");
      board.multi_level = jsonMemberText(object, "hierarchy_type") == "multi_level";
      if (auto count = object.FindMember("items_count"); count != object.MemberEnd()) {
        board.items_count = jsonInteger(count->value);
      }
      if (board.id.empty() || board.state == "deleted") continue;
      for (const auto& entry : listAt(object, "columns").GetArray()) {
        if (!entry.IsObject()) continue;
        auto archived = entry.FindMember("archived");
        if (archived != entry.MemberEnd() && archived->value.IsBool() && archived->value.GetBool()) continue;
        ColumnMeta column;
        column.id = jsonMemberText(entry, "id");
        column.title = jsonMemberText(entry, "title");
        column.type = jsonMemberText(entry, "type");
        column.description = jsonMemberText(entry, "description");
        if (auto settings = entry.FindMember("settings");
            settings != entry.MemberEnd() && !settings->value.IsNull()) {
          column.settings = settings->value.IsString()
                                ? std::string(settings->value.GetString(), settings->value.GetStringLength())
                                : jsonText(settings->value);
        }
        parseColumnSettings(column);
        if (auto capabilities = entry.FindMember("capabilities");
            capabilities != entry.MemberEnd() && capabilities->value.IsObject()) {
          auto calculated = capabilities->value.FindMember("calculated");
          // {function: NONE} is how monday records a rollup switched off.
          column.calculated = calculated != capabilities->value.MemberEnd() && calculated->value.IsObject() &&
                              jsonMemberText(calculated->value, "function") != "NONE";
        }
        // A multi-level board's subtasks column names the board itself: its subitems are its own rows.
        if (column.type == "subtasks" && board.subitems_board_id.empty() && !column.board_ids.empty() &&
            column.board_ids.front() != board.id) {
          board.subitems_board_id = column.board_ids.front();
        }
        if (!column.id.empty()) board.columns.push_back(std::move(column));
      }
      boards.push_back(std::move(board));
    }
    if (static_cast<int>(listed.Size()) < kBoardsPerPage) break;  // a short page is the last
  }
  return boards;
}

}  // namespace monday::schema::boards
