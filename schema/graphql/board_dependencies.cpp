// BoardDependencies: every predecessor edge of the items of the boards with a dependency column
// (board_dependencies, API 2026-07+). monday answers one board per field, a page of items at a
// time, so boards are asked for in batches of aliased fields and a full page asks for the next.
#include <cmath>
#include <deque>

#include "driver/client/api_client.h"
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

constexpr std::size_t kBoardsPerRequest = 10;
constexpr int kItemsPerPage = 500;  // board_dependencies' maximum limit

struct BoardPage {
  std::string board_id;
  int page = 1;
};

class BoardDependenciesSource final : public RowSource {
 public:
  BoardDependenciesSource(ScanContext& context, std::vector<std::string> boards, bool list_boards) : context_(context) {
    for (auto& board : boards) pending_.push_back({std::move(board), 1});
    if (list_boards) {
      // Only boards with a dependency column can have edges: the others are never asked.
      listing_ = rootObjects(context, {.operation = "DependencyBoards", .field = "boards", .fixed_arguments = "state: all",
                                       .selection = "id columns(types: [dependency]) { id }", .page_size = 100});
    }
  }

  const RowView* next() override {
    for (;;) {
      if (index_ < page_.rows.size()) return &page_.rows[index_++];
      page_ = Page{};
      index_ = 0;
      while (pending_.size() < kBoardsPerRequest && listing_) {
        auto boards = (*listing_)();
        if (!boards) {
          listing_.reset();
          break;
        }
        for (const auto* board : boards->objects) {
          auto id = board->FindMember("id");
          if (id == board->MemberEnd() || !id->value.IsString()) continue;
          if (listAt(*board, "columns").Empty()) continue;
          pending_.push_back({id->value.GetString(), 1});
        }
      }
      if (pending_.empty()) return nullptr;
      fetchBatch();
    }
  }

 private:
  void fetchBatch() {
    std::vector<BoardPage> batch;
    while (!pending_.empty() && batch.size() < kBoardsPerRequest) {
      batch.push_back(std::move(pending_.front()));
      pending_.pop_front();
    }
    std::string declarations, fields;
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const std::string board = "b" + std::to_string(i), page = "p" + std::to_string(i);
      declarations += (i ? ", $" : "$") + board + ": ID!, $" + page + ": Int";
      fields += board + ": board_dependencies(board_id: $" + board + ", page: $" + page + ", limit: " +
                std::to_string(kItemsPerPage) +
                ", include_items_without_predecessors: false) { items { item_id predecessors { source_item_id "
                "dependency_type lag } } } ";
      variables.AddMember(rapidjson::Value(board.c_str(), allocator),
                          rapidjson::Value(batch[i].board_id.c_str(), allocator), allocator);
      variables.AddMember(rapidjson::Value(page.c_str(), allocator), rapidjson::Value(batch[i].page), allocator);
    }
    page_.document = std::make_shared<rapidjson::Document>(
        context_.api.query("query BoardDependencies(" + declarations + ") { " + fields + "}", variables));
    auto& data = (*page_.document)["data"];
    auto& allocator_out = page_.document->GetAllocator();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      auto answer = data.FindMember(("b" + std::to_string(i)).c_str());
      if (answer == data.MemberEnd() || !answer->value.IsObject()) continue;  // null: a board the token cannot see
      auto items = answer->value.FindMember("items");
      if (items == answer->value.MemberEnd() || !items->value.IsArray()) continue;
      for (auto& item : items->value.GetArray()) {
        if (!item.IsObject()) continue;
        auto predecessors = item.FindMember("predecessors");
        if (predecessors == item.MemberEnd() || !predecessors->value.IsArray()) continue;
        for (auto& edge : predecessors->value.GetArray()) {
          if (!edge.IsObject()) continue;
          edge.AddMember("@board_id", rapidjson::Value(batch[i].board_id.c_str(), allocator_out), allocator_out);
          page_.rows.push_back({&edge, &item});
        }
      }
      // A full page may have a next one; a short page is the board's last.
      if (items->value.Size() == static_cast<rapidjson::SizeType>(kItemsPerPage)) {
        pending_.push_back({batch[i].board_id, batch[i].page + 1});
      }
    }
  }

  ScanContext context_;
  std::deque<BoardPage> pending_;
  std::optional<ObjectPager> listing_;
  Page page_;
  std::size_t index_ = 0;
};

}  // namespace

TableDef makeBoardDependenciesTable() {
  TableDef table;
  table.name = "BoardDependencies";
  table.description =
      "The dependencies between items: one row per edge from a predecessor item to the item that depends on it, "
      "with its type and lag, on every board with a dependency column (board_dependencies).";
  table.columns = {
      {.name = "board_id", .type = DataType::BigInt, .path = "@board_id", .decode = Decode::Id,
       .description = "The board (Boards.id).", .nullable = false},
      {.name = "item_id", .type = DataType::BigInt, .path = "^item_id", .decode = Decode::Id,
       .description = "The dependent item (Items.id).", .nullable = false},
      {.name = "predecessor_item_id", .type = DataType::BigInt, .path = "source_item_id", .decode = Decode::Id,
       .description = "The item it depends on (Items.id).", .nullable = false},
      {.name = "dependency_type", .description = "FS (finish to start), SS, FF or SF.", .size = 2},
      {.name = "lag", .type = DataType::Integer, .decode = Decode::Integer,
       .description = "Days between the predecessor and the dependent item (may be negative)."},
  };
  table.primary_key = {"item_id", "predecessor_item_id"};
  table.foreign_keys = {{{"board_id"}, "Boards", {"id"}},
                        {{"item_id"}, "Items", {"id"}},
                        {{"predecessor_item_id"}, "Items", {"id"}}};
  table.keys = {{"board_id", true}};
  table.scan = [](ScanContext& context, const ScanRequest& request) -> std::unique_ptr<RowSource> {
    if (const auto* boards = request.valuesFor("board_id")) {
      auto ids = chunkIds(idValues(*boards), SIZE_MAX);
      if (ids.empty()) return emptySource();
      return std::make_unique<BoardDependenciesSource>(context, std::move(ids.front()), false);
    }
    return std::make_unique<BoardDependenciesSource>(context, std::vector<std::string>{}, true);
  };
  table.estimate = [](const ScanShape& shape) -> ScanEstimate {
    for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
      if (shape.constrained[i] == "board_id") {
        double boards = static_cast<double>(shape.in_list_sizes[i]);
        return {boards * 20, std::ceil(boards / kBoardsPerRequest)};
      }
    }
    return {400, 2 + std::ceil(20.0 / kBoardsPerRequest)};
  };
  return table;
}

}  // namespace monday::schema
