// Items: one row per item of any board. `id` lookups go to items(ids:) in batches; `board_id`
// scans follow the boards' items_page cursor chains (restarted when a cursor expires); with
// neither, every board is listed and read (board_items.h: small boards several to a request).
// Rows stream page by page, so memory stays flat.
#include <cmath>

#include "driver/client/api_client.h"
#include "schema/paging/api_scan.h"
#include "schema/paging/board_items.h"
#include "schema/item_calls.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

constexpr int kItemsPageMax = 500;        // items_page / next_items_page limit maximum
constexpr std::size_t kIdsPerRequest = 100;  // items(ids:) cap reported by monday
constexpr int kBoardsPerListing = 100;

// items(ids:) in batches of 100: the active items among the ids, in the order monday gives.
class ItemsByIdSource final : public RowSource {
 public:
  ItemsByIdSource(ScanContext& context, std::vector<std::string> ids, const std::string& selection)
      : context_(context), chunks_(chunkIds(ids, kIdsPerRequest)) {
    document_ = "query ItemsById($ids: [ID!], $limit: Int) { items(ids: $ids, limit: $limit, exclude_nonactive: true) { " +
                selection + " } }";
  }

  const RowView* next() override {
    for (;;) {
      if (index_ < page_.rows.size()) return &page_.rows[index_++];
      if (chunk_ >= chunks_.size()) return nullptr;
      fetch(chunks_[chunk_++]);
    }
  }

 private:
  void fetch(const std::vector<std::string>& ids) {
    index_ = 0;
    page_ = Page{};
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    variables.AddMember("ids", idArray(ids, allocator), allocator);
    variables.AddMember("limit", static_cast<int>(ids.size()), allocator);
    auto response = std::make_shared<rapidjson::Document>(context_.api.query(document_, variables));
    page_.document = response;
    for (const auto& item : listAt((*response)["data"], "items").GetArray()) {
      if (item.IsObject()) page_.rows.push_back({&item, nullptr});
    }
  }

  ScanContext context_;  // a copy: the caller's context is a temporary
  std::string document_;
  std::vector<std::vector<std::string>> chunks_;
  std::size_t chunk_ = 0;
  Page page_;
  std::size_t index_ = 0;
};

std::unique_ptr<RowSource> scanItems(ScanContext& context, const ScanRequest& request) {
  const std::string selection = selectionFor(context.table.columns);
  if (const auto* ids = request.valuesFor("id")) {
    if (context.notes) context.notes->method = "items(ids:)";
    return std::make_unique<ItemsByIdSource>(context, idValues(*ids), selection);
  }
  BoardItemsOptions options;
  options.chain.operation = "ItemsPage";
  options.chain.selection = selection;
  options.chain.page_size = kItemsPageMax;
  if (request.limit && *request.limit > 0 && *request.limit < kItemsPageMax) {
    options.chain.page_size = static_cast<int>(*request.limit);
  }
  options.read_ahead = !request.limit;  // a LIMIT may end the read after its first page
  if (context.notes) options.method = &context.notes->method;
  return std::make_unique<PagedSource>(
      boardItemPages(context.api, std::move(options), constrainedIds(request, "board_id")));
}

// COUNT(*) of Items, whole or per board (GROUP BY board_id, WHERE board_id = / IN): the boards'
// items_count, 100 boards per request, instead of reading every item of every board. The boards
// are the ones a full scan reads (state: all); a board with no items is no group, as in SQL.
class ItemsCountPlan {
 public:
  ItemsCountPlan(bool grouped, std::vector<std::string> board_ids)
      : grouped_(grouped), board_ids_(std::move(board_ids)) {}

  std::optional<AggregateRows> run(ScanContext& context) const {
    std::vector<std::pair<std::int64_t, std::int64_t>> counts;  // board id, items_count
    if (board_ids_.empty()) {
      static const std::string document =
          "query ItemCounts($limit: Int, $page: Int) { boards(limit: $limit, page: $page, " + std::string(kEveryBoard) +
          ") { id items_count } }";
      for (int page = 1;; ++page) {
        rapidjson::Document variables(rapidjson::kObjectType);
        variables.AddMember("limit", kBoardsPerListing, variables.GetAllocator());
        variables.AddMember("page", page, variables.GetAllocator());
        const rapidjson::Document response = context.api.query(document, variables);
        const auto& boards = listAt(response["data"], "boards");
        if (!collect(boards, counts)) return std::nullopt;
        if (static_cast<int>(boards.Size()) < kBoardsPerListing) break;
      }
    } else {
      static const std::string document =
          "query ItemCountsById($ids: [ID!], $limit: Int) { boards(ids: $ids, limit: $limit, " +
          std::string(kEveryBoard) + ") { id items_count } }";
      for (const auto& chunk : chunkIds(board_ids_, kBoardsPerListing)) {
        rapidjson::Document variables(rapidjson::kObjectType);
        auto& allocator = variables.GetAllocator();
        variables.AddMember("ids", idArray(chunk, allocator), allocator);
        variables.AddMember("limit", static_cast<int>(chunk.size()), allocator);
        const rapidjson::Document response = context.api.query(document, variables);
        if (!collect(listAt(response["data"], "boards"), counts)) return std::nullopt;
      }
    }
    AggregateRows rows;
    if (!grouped_) {
      std::int64_t total = 0;
      for (const auto& [board, count] : counts) total += count;
      rows.push_back({Value{total}});
      return rows;
    }
    for (const auto& [board, count] : counts) {
      if (count > 0) rows.push_back({Value{board}, Value{count}});
    }
    return rows;
  }

 private:
  // False when a board's count is missing: the statement then counts by reading.
  static bool collect(const rapidjson::Value& boards, std::vector<std::pair<std::int64_t, std::int64_t>>& out) {
    for (const auto& board : boards.GetArray()) {
      if (!board.IsObject() || !board.HasMember("id") || !board.HasMember("items_count")) return false;
      auto id = jsonInteger(board["id"]);
      auto count = jsonInteger(board["items_count"]);
      if (!id || !count || *count < 0) return false;
      out.emplace_back(*id, *count);
    }
    return true;
  }

  bool grouped_;
  std::vector<std::string> board_ids_;
};

std::optional<AggregatePlan> planItemsAggregate(const AggregateQuery& query, std::size_t board_id_column) {
  if (query.aggregates.size() != 1 || query.aggregates[0].function != AggregateFunction::CountRows) return std::nullopt;
  if (query.group_columns.size() > 1) return std::nullopt;
  if (query.group_columns.size() == 1 && query.group_columns[0] != board_id_column) return std::nullopt;
  std::vector<std::string> board_ids;
  for (const auto& [column, values] : query.equals) {
    if (column != board_id_column || !board_ids.empty()) return std::nullopt;
    for (const auto& value : values) {
      const auto* id = std::get_if<std::int64_t>(&value);
      if (!id || *id <= 0) return std::nullopt;
      board_ids.push_back(std::to_string(*id));
    }
  }
  auto chunks = chunkIds(board_ids, SIZE_MAX);  // de-duplicated, as the scan does
  if (!chunks.empty()) board_ids = std::move(chunks.front());
  const bool grouped = !query.group_columns.empty();
  AggregatePlan plan;
  plan.description = std::string("boards.items_count") + (grouped ? " by board_id" : "") +
                     (board_ids.empty() ? " of every board" : " of " + std::to_string(board_ids.size()) + " board(s)");
  ItemsCountPlan counts(grouped, std::move(board_ids));
  plan.run = [counts = std::move(counts)](ScanContext& context) { return counts.run(context); };
  return plan;
}


// Writes. INSERT = create_item (with parent_item_id: create_subitem), UPDATE = rename, move to a
// group, archive or delete, DELETE = delete_item.
TableWrites itemsWrites() {
  TableWrites writes;
  writes.insert_columns = {"name", "board_id", "group_id", "parent_item_id"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("name", "INSERT into Items");
    if (!row.isNull("parent_item_id")) {
      return {item_calls::createSubitem(row.id("parent_item_id"), row.text("name"), "")};
    }
    row.require("board_id", "INSERT into Items (or parent_item_id, for a subitem)");
    return {item_calls::create(row.id("board_id"), row.text("name"), row.text("group_id"), "")};
  };
  writes.update_columns = {"name", "group_id", "state"};
  writes.update = item_calls::updateRow;
  writes.remove = [](const RowValues& row) -> std::vector<MutationCall> {
    return {item_calls::remove(row.id("id"), item_calls::bulkBoardOf(row))};
  };
  writes.insert_summary =
      "creates an item (create_item) from name, board_id and optional group_id; with parent_item_id, a subitem "
      "(create_subitem; board_id is then ignored).";
  writes.update_summary = item_calls::kUpdateSummary;
  writes.delete_summary = item_calls::kDeleteSummary;
  return writes;
}

}  // namespace

TableDef makeItemsTable() {
  TableDef table;
  table.name = "Items";
  table.description =
      "Items of every board, in the boards' display order; subitems are items of their hidden subitems board and "
      "have parent_item_id set. On a multi-level board every level is listed, on the board itself, with its depth. "
      "Archived and deleted items are not listed (as in monday's items_page).";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Item id.", .nullable = false},
      {.name = "name", .description = "Item name.", .nullable = false},
      {.name = "board_id", .type = DataType::BigInt, .path = "board.id", .decode = Decode::Id,
       .description = "Board the item is on.", .nullable = false},
      {.name = "group_id", .path = "group.id", .description = "Group the item is in.", .size = 64},
      {.name = "group_title", .path = "group.title", .description = "Title of the item's group."},
      {.name = "state", .description = "active, archived or deleted.", .size = 16},
      {.name = "creator_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "User who created the item."},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the item was created (UTC)."},
      {.name = "updated_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the item last changed (UTC)."},
      {.name = "parent_item_id", .type = DataType::BigInt, .path = "parent_item.id", .decode = Decode::Id,
       .description = "For a subitem: the item it belongs to."},
      {.name = "url", .description = "Link to the item in monday.", .size = 512},
      itemDepthColumn(),
  };
  table.keys = {{"id", true}, {"board_id", true}};
  table.primary_key = {"id"};
  table.foreign_keys = {{{"board_id"}, "Boards", {"id"}}, {{"board_id", "group_id"}, "Groups", {"board_id", "id"}}, {{"parent_item_id"}, "Items", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) -> std::unique_ptr<RowSource> {
    return scanItems(context, request);
  };
  table.estimate = [](const ScanShape& shape) -> ScanEstimate {
    for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
      double n = static_cast<double>(shape.in_list_sizes[i]);
      if (shape.constrained[i] == "id") return {n, std::ceil(n / kIdsPerRequest)};
    }
    for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
      double n = static_cast<double>(shape.in_list_sizes[i]);
      if (shape.constrained[i] == "board_id") {
        double rows = shape.limit ? std::min<double>(static_cast<double>(*shape.limit), 1000 * n) : 1000 * n;
        return {rows, n * std::max(1.0, std::ceil(rows / n / kItemsPageMax))};
      }
    }
    double rows = shape.limit ? static_cast<double>(*shape.limit) : 100000;
    return {rows, 2 + std::ceil(rows / kItemsPageMax) * 2};
  };
  table.writes = itemsWrites();
  table.aggregates = [](const AggregateQuery& query) { return planItemsAggregate(query, 2); };  // 2: board_id
  return table;
}

}  // namespace monday::schema
