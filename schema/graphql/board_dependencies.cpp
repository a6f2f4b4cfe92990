// BoardDependencies: every predecessor edge of the items of the boards with a dependency column
// (board_dependencies). monday answers one board per field, a page of items at a time.
#include <cmath>

#include "schema/paging/per_object_fields.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

constexpr std::size_t kBoardsPerRequest = 10;
constexpr int kItemsPerPage = 500;  // board_dependencies' maximum limit

// A call continues at a page number; a full page may have a next one, a short page is the last.
PerObjectField dependenciesOfBoards() {
  return {.operation = "BoardDependencies",
          .per_request = kBoardsPerRequest,
          .field =
              [](const PerObjectCall& call, const std::string& alias, RequestVariables& variables) {
                const std::string board = variables.add(alias, "ID!", call.id);
                const std::string page = variables.add(alias + "_page", "Int",
                                                       call.continuation.empty() ? 1 : std::stoi(call.continuation));
                return alias + ": board_dependencies(board_id: " + board + ", page: " + page +
                       ", limit: " + std::to_string(kItemsPerPage) +
                       ", include_items_without_predecessors: false) { items { item_id predecessors { "
                       "source_item_id dependency_type lag } } }";
              },
          .read = [](const PerObjectCall& call, rapidjson::Value& answer, Page& page,
                     rapidjson::Document::AllocatorType& allocator) -> std::optional<PerObjectCall> {
            rapidjson::Value* items = arrayIn(answer, "items");  // null: a board the token cannot see
            if (!items) return std::nullopt;
            for (auto& item : items->GetArray()) {
              rapidjson::Value* predecessors = arrayIn(item, "predecessors");
              if (!predecessors) continue;
              for (auto& edge : predecessors->GetArray()) {
                if (!edge.IsObject()) continue;
                edge.AddMember("@board_id", rapidjson::Value(call.id.c_str(), allocator), allocator);
                page.rows.push_back({&edge, &item});
              }
            }
            if (items->Size() < static_cast<rapidjson::SizeType>(kItemsPerPage)) return std::nullopt;
            const int next = (call.continuation.empty() ? 1 : std::stoi(call.continuation)) + 1;
            return PerObjectCall{call.id, std::to_string(next)};
          }};
}

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
    if (auto boards = constrainedIds(request, "board_id")) {
      if (boards->empty()) return emptySource();
      return scanPerObject(context, dependenciesOfBoards(), std::move(*boards));
    }
    // Only boards with a dependency column can have edges: the others are never asked.
    auto listing = rootObjects(context, {.operation = "DependencyBoards",
                                         .field = "boards",
                                         .fixed_arguments = std::string(kEveryBoard),
                                         .selection = "id columns(types: [dependency]) { id }", .page_size = 100});
    return scanPerObject(context, dependenciesOfBoards(), {}, [listing]() mutable -> std::optional<ObjectPage> {
      auto page = listing();
      if (!page) return page;
      std::erase_if(page->objects, [](const rapidjson::Value* board) { return listAt(*board, "columns").Empty(); });
      return page;
    });
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
