// Items: one row per item of any board. `id` lookups go to items(ids:) in batches; `board_id`
// scans follow the board's items_page cursor chain (restarted when a cursor expires); with
// neither, boards are listed lazily and each board's chain is followed in turn. Rows stream page
// by page, so memory stays flat.
#include <cmath>

#include "driver/client/api_client.h"
#include "schema/graphql/api_scan.h"
#include "schema/graphql/concurrent_pages.h"
#include "schema/graphql/items_page_chain.h"
#include "schema/registry.h"
#include "schema/writes/writes.h"

namespace monday::schema {

namespace {

constexpr int kItemsPageMax = 500;        // items_page / next_items_page limit maximum
constexpr std::size_t kIdsPerRequest = 100;  // items(ids:) cap reported by monday
constexpr int kBoardsPerListing = 100;
constexpr std::size_t kReadAhead = 2;  // pages a board's chain may fetch before they are read

class ItemsSource final : public RowSource {
 public:
  ItemsSource(ScanContext& context, const ScanRequest& request) : context_(context) {
    const std::string selection = selectionFor(context.table.columns);
    by_ids_document_ = "query ItemsById($ids: [ID!], $limit: Int) { items(ids: $ids, limit: $limit, "
                       "exclude_nonactive: true) { " + selection + " } }";
    chain_options_.operation = "ItemsPage";
    chain_options_.selection = selection;
    chain_options_.page_size = kItemsPageMax;
    if (request.limit && *request.limit > 0 && *request.limit < kItemsPageMax) {
      chain_options_.page_size = static_cast<int>(*request.limit);
    }
    if (const auto* ids = request.valuesFor("id")) {
      mode_ = Mode::ByIds;
      id_chunks_ = chunkIds(idValues(*ids), kIdsPerRequest);
      if (context.notes) context.notes->method = "items(ids:)";
    } else if (const auto* boards = request.valuesFor("board_id")) {
      mode_ = Mode::ByBoards;
      auto chunks = chunkIds(idValues(*boards), SIZE_MAX);  // one chunk: just de-duplicated
      if (!chunks.empty()) pending_boards_ = std::move(chunks.front());
      if (context.notes) context.notes->method = "items_page";
    } else {
      mode_ = Mode::AllBoards;
      if (context.notes) context.notes->method = "boards + items_page";
    }
    // Boards side by side, each a page ahead of the application (not for a LIMIT, which may stop
    // after the first page); rows come out board after board, as one at a time would give them.
    const int workers = context.api.maxConcurrentRequests();
    if (mode_ != Mode::ByIds && workers > 1 && !request.limit) {
      ConcurrentPages::NextChain next_chain = [this]() -> std::optional<ConcurrentPages::Chain> {
        if (next_board_ >= pending_boards_.size() && !(mode_ == Mode::AllBoards && listMoreBoards())) {
          return std::nullopt;
        }
        auto chain = std::make_shared<ItemsPageChain>(context_.api, chain_options_, pending_boards_[next_board_++]);
        return ConcurrentPages::Chain([chain] { return chain->next(); });
      };
      concurrent_ = std::make_unique<ConcurrentPages>(context_.api, std::move(next_chain), workers, kReadAhead,
                                                      ConcurrentPages::Start::AfterFirstPage);
    }
  }

  const RowView* next() override {
    for (;;) {
      if (index_ < page_.rows.size()) return &page_.rows[index_++];
      if (!fetchNextPage()) return nullptr;
    }
  }

 private:
  enum class Mode { ByIds, ByBoards, AllBoards };

  bool fetchNextPage() {
    index_ = 0;
    page_ = Page{};
    if (mode_ == Mode::ByIds) {
      if (chunk_ >= id_chunks_.size()) return false;
      fetchIds(id_chunks_[chunk_++]);
      return true;
    }
    if (concurrent_) {
      if (auto page = concurrent_->next()) {
        page_ = std::move(*page);
        return true;
      }
      return false;
    }
    for (;;) {
      if (chain_) {
        if (auto page = chain_->next()) {
          page_ = std::move(*page);
          return true;
        }
        chain_.reset();
      }
      if (next_board_ >= pending_boards_.size() && !(mode_ == Mode::AllBoards && listMoreBoards())) return false;
      chain_ = std::make_unique<ItemsPageChain>(context_.api, chain_options_, pending_boards_[next_board_++]);
    }
  }

  void fetchIds(const std::vector<std::string>& ids) {
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    variables.AddMember("ids", idArray(ids, allocator), allocator);
    variables.AddMember("limit", static_cast<int>(ids.size()), allocator);
    auto response = std::make_shared<rapidjson::Document>(context_.api.query(by_ids_document_, variables));
    page_.document = response;
    for (const auto& item : listAt((*response)["data"], "items").GetArray()) {
      if (item.IsObject()) page_.rows.push_back({&item, nullptr});
    }
  }

  // Lists the next page of boards whose items the full scan reads: every board the Boards table
  // shows, so a scan and a join on board_id always agree.
  bool listMoreBoards() {
    if (boards_exhausted_) return false;
    static const std::string document =
        "query ItemBoards($limit: Int, $page: Int) { boards(limit: $limit, page: $page, state: all) { id } }";
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    variables.AddMember("limit", kBoardsPerListing, allocator);
    variables.AddMember("page", boards_page_++, allocator);
    rapidjson::Document response = context_.api.query(document, variables);
    const auto& boards = listAt(response["data"], "boards");
    if (static_cast<int>(boards.Size()) < kBoardsPerListing) boards_exhausted_ = true;
    pending_boards_.clear();
    next_board_ = 0;
    for (const auto& board : boards.GetArray()) {
      auto id = board.IsObject() ? board.FindMember("id") : board.MemberEnd();
      if (board.IsObject() && id != board.MemberEnd() && id->value.IsString()) pending_boards_.push_back(id->value.GetString());
    }
    return !pending_boards_.empty() || listMoreBoards();
  }

  ScanContext context_;  // a copy: the caller's context is a temporary
  Mode mode_ = Mode::AllBoards;
  std::string by_ids_document_;
  ItemsPageChainOptions chain_options_;
  std::unique_ptr<ItemsPageChain> chain_;  // the board being read
  std::vector<std::vector<std::string>> id_chunks_;
  std::size_t chunk_ = 0;
  std::vector<std::string> pending_boards_;
  std::size_t next_board_ = 0;
  int boards_page_ = 1;
  bool boards_exhausted_ = false;
  Page page_;
  std::size_t index_ = 0;
  // Declared last, so destroyed first: its workers use the members above.
  std::unique_ptr<ConcurrentPages> concurrent_;
};

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
          "query ItemCounts($limit: Int, $page: Int) { boards(limit: $limit, page: $page, state: all) { id items_count } }";
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
          "query ItemCountsById($ids: [ID!], $limit: Int) { boards(ids: $ids, limit: $limit, state: all) { id items_count } }";
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

}  // namespace

TableDef makeItemsTable() {
  TableDef table;
  table.name = "Items";
  table.description =
      "Items of every board, in the boards' display order; subitems are items of their hidden subitems board and "
      "have parent_item_id set. Archived and deleted items are not listed (as in monday's items_page).";
  table.columns = {
      {"id", DataType::BigInt, "id", Decode::Id, "Item id.", 0, false},
      {"name", DataType::Varchar, "name", Decode::Text, "Item name.", 0, false},
      {"board_id", DataType::BigInt, "board.id", Decode::Id, "Board the item is on.", 0, false},
      {"group_id", DataType::Varchar, "group.id", Decode::Text, "Group the item is in.", 64},
      {"group_title", DataType::Varchar, "group.title", Decode::Text, "Title of the item's group."},
      {"state", DataType::Varchar, "state", Decode::Text, "active, archived or deleted.", 16},
      {"creator_id", DataType::BigInt, "creator_id", Decode::Id, "User who created the item."},
      {"created_at", DataType::Timestamp, "created_at", Decode::Timestamp, "When the item was created (UTC)."},
      {"updated_at", DataType::Timestamp, "updated_at", Decode::Timestamp, "When the item last changed (UTC)."},
      {"parent_item_id", DataType::BigInt, "parent_item.id", Decode::Id, "For a subitem: the item it belongs to."},
      {"url", DataType::Varchar, "url", Decode::Text, "Link to the item in monday.", 512},
  };
  table.keys = {{"id", true}, {"board_id", true}};
  table.primary_key = {"id"};
  table.foreign_keys = {{{"board_id"}, "Boards", {"id"}}, {{"board_id", "group_id"}, "Groups", {"board_id", "id"}}, {{"parent_item_id"}, "Items", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) -> std::unique_ptr<RowSource> {
    return std::make_unique<ItemsSource>(context, request);
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
