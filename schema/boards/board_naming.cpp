#include "schema/boards/board_naming.h"

#include <algorithm>
#include <map>
#include <string>

namespace monday::schema::boards {

namespace {

std::string trimmed(std::string_view text) {
  std::string out;
  for (unsigned char c : text) out.push_back(c < 0x20 ? ' ' : static_cast<char>(c));  // no control characters
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  const auto last = out.find_last_not_of(' ');
  return out.substr(first, last - first + 1);
}

bool byNumericId(const BoardMeta* a, const BoardMeta* b) {
  if (a->id.size() != b->id.size()) return a->id.size() < b->id.size();
  return a->id < b->id;
}

}  // namespace

std::string foldIdentifier(std::string_view name) {
  std::string out(name);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string columnBaseName(std::string_view title) {
  std::string out;
  bool gap = false;
  for (unsigned char c : title) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out.push_back('_');
    gap = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
  }
  if (out.empty()) return "col";
  if (out.front() >= '0' && out.front() <= '9') return "col_" + out;
  return out;
}

bool NameSet::taken(std::string_view name) const {
  return std::find(folded_.begin(), folded_.end(), foldIdentifier(name)) != folded_.end();
}

void NameSet::take(std::string_view name) { folded_.push_back(foldIdentifier(name)); }

std::string NameSet::claim(const std::string& base, const std::string& fallback,
                           const std::vector<std::string_view>& suffixes) {
  auto free = [&](const std::string& candidate) {
    for (auto suffix : suffixes) {
      if (taken(candidate + std::string(suffix))) return false;
    }
    return true;
  };
  std::string chosen = base;
  if (!free(chosen)) chosen = base + "_" + fallback;
  for (int n = 2; !free(chosen); ++n) chosen = base + "_" + fallback + "_" + std::to_string(n);
  for (auto suffix : suffixes) take(chosen + std::string(suffix));
  return chosen;
}

std::vector<NamedBoardTable> nameBoardTables(const std::vector<BoardMeta>& boards, TableNaming naming) {
  std::map<std::string, const BoardMeta*> by_id;
  std::vector<const BoardMeta*> parents;
  for (const auto& board : boards) {
    by_id[board.id] = &board;
    if (board.type != "sub_items_board") parents.push_back(&board);
  }
  std::sort(parents.begin(), parents.end(), byNumericId);

  std::vector<NamedBoardTable> tables;
  NameSet names;
  if (naming == TableNaming::Id) {
    for (const auto* board : parents) {
      tables.push_back({"board_" + board->id, board, board, false});
      names.take(tables.back().name);
    }
  } else {
    // Every plain name is reserved first, so a suffixed name never takes another board's name.
    std::map<std::string, const BoardMeta*> owner;  // folded name → oldest board with it
    for (const auto* board : parents) {
      std::string name = trimmed(board->name);
      if (name.empty()) continue;
      owner.emplace(foldIdentifier(name), board);
    }
    for (const auto& [folded, board] : owner) names.take(folded);
    for (const auto* board : parents) {
      std::string name = trimmed(board->name);
      if (name.empty()) name = "board";
      auto it = owner.find(foldIdentifier(name));
      if (it != owner.end() && it->second == board) {
        tables.push_back({name, board, board, false});
      } else {
        tables.push_back({names.claim(name, board->id, {""}), board, board, false});
      }
    }
  }

  std::vector<NamedBoardTable> companions;
  for (const auto& table : tables) {
    const BoardMeta* board = table.board;
    if (board->subitems_board_id.empty()) continue;
    auto source = by_id.find(board->subitems_board_id);
    if (source == by_id.end()) continue;  // the subitems board is not visible to this token
    const std::string wanted = table.name + "_subitems";
    std::string name = names.taken(wanted) ? names.claim(wanted, source->second->id, {""}) : wanted;
    if (name == wanted) names.take(name);
    companions.push_back({name, board, source->second, true});
  }
  tables.insert(tables.end(), companions.begin(), companions.end());
  return tables;
}

}  // namespace monday::schema::boards
