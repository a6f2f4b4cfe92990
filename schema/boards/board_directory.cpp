#include "schema/boards/board_directory.h"

#include "schema/boards/board_metadata.h"

namespace monday::schema::boards {

bool BoardDirectory::stale() const {
  return !loaded_ || std::chrono::steady_clock::now() - loaded_at_ >= options_.ttl;
}

std::chrono::steady_clock::duration BoardDirectory::age() const {
  if (!loaded_) return std::chrono::steady_clock::duration::max();
  return std::chrono::steady_clock::now() - loaded_at_;
}

void BoardDirectory::refresh(client::ApiClient& api) {
  const std::vector<BoardMeta> boards = fetchBoardMetadata(api);
  std::vector<Entry> entries;
  for (const auto& named : nameBoardTables(boards, options_.table_naming)) {
    Entry entry;
    entry.key = "board:" + named.board->id + (named.subitems ? ":subitems" : "");
    entry.name = named.name;
    entry.table = makeBoardTable(named, options_.column_naming);
    entries.push_back(std::move(entry));
  }
  entries_ = std::move(entries);
  loaded_ = true;
  loaded_at_ = std::chrono::steady_clock::now();
}

bool BoardDirectory::refreshIfStale(client::ApiClient& api) {
  if (!stale()) return false;
  refresh(api);
  return true;
}

const BoardDirectory::Entry* BoardDirectory::find(std::string_view name) const {
  const std::string folded = foldIdentifier(name);
  for (const auto& entry : entries_) {
    if (foldIdentifier(entry.name) == folded) return &entry;
  }
  return nullptr;
}

const BoardDirectory::Entry* BoardDirectory::findKey(std::string_view key) const {
  for (const auto& entry : entries_) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

}  // namespace monday::schema::boards
