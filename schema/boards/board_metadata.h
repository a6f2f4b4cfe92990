#pragma once
// What the driver knows about every board before reading any item: its name, kind, item count
// and columns with their settings. Fetched in bulk (boards paged with their columns nested: a few
// requests for a thousand boards), kept by BoardDirectory for MetadataCacheTTL seconds.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace monday::client {
class ApiClient;
}

namespace monday::schema::boards {

// A status label or dropdown option (column settings `labels`).
struct LabelOption {
  std::int64_t id = 0;
  std::string label;
};

struct ColumnMeta {
  std::string id;
  std::string title;
  std::string type;
  std::string description;
  std::string settings;             // the settings JSON as text ("" when none)
  std::vector<LabelOption> labels;  // status labels / dropdown options, from settings
  std::vector<std::string> board_ids;  // settings.boardIds (subtasks: the subitems board)
  // A rollup column (capabilities.calculated, multi-level boards): a parent's cell is what monday
  // calculates from its subitems, and a write to it changes nothing.
  bool calculated = false;
};

struct BoardMeta {
  std::string id;
  std::string name;
  std::string state;  // active, archived, deleted
  std::string type;   // board, sub_items_board, document, custom_object
  std::string description;
  std::optional<std::int64_t> items_count;
  std::vector<ColumnMeta> columns;  // in board order, archived columns left out
  std::string subitems_board_id;    // the hidden board of this board's subitems, if it has any
  // A multi-level board (hierarchy_type multi_level): items nest up to five levels on the board
  // itself, and items_page lists the nested ones only with hierarchy_scope_config "allItems".
  bool multi_level = false;
};

// Every board the token can see (all states but deleted), columns included.
// Throws monday::Error.
std::vector<BoardMeta> fetchBoardMetadata(client::ApiClient& api);

// Parses a column's settings JSON (an object or a JSON string of one) into labels and board ids.
void parseColumnSettings(ColumnMeta& column);

}  // namespace monday::schema::boards
