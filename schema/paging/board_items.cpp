#include "schema/paging/board_items.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <mutex>

#include "driver/client/api_client.h"
#include "driver/client/api_response.h"
#include "driver/common/json.h"
#include "schema/paging/concurrent_pages.h"

namespace monday::schema {

namespace {

constexpr int kBoardsPerListing = 100;
constexpr std::size_t kMostBoardsPerRequest = 100;  // the boards listing's own page size
// Until monday has said what a request of this selection costs, few boards share one.
constexpr std::size_t kBoardsPerFirstRequest = 10;
// What one several-board request may cost: a fifth of monday's 5,000,000-point per-query cap and a
// tenth of a personal token's budget per minute (REFERENCE §4, §10).
constexpr double kPointsPerRequest = 1'000'000;
constexpr std::size_t kReadAhead = 2;  // pages a chain may fetch before the application reads them

struct Board {
  std::string id;
  std::optional<long long> items_count;  // known when listed
  bool multi_level = false;              // known when listed; otherwise its chain finds out
};

long long costOf(const rapidjson::Document& response) {
  if (!response.IsObject() || !response.HasMember("data") || !response["data"].IsObject()) return 0;
  const auto& data = response["data"];
  auto budget = data.FindMember(rapidjson::Value(rapidjson::StringRef(client::kBudgetAlias.data(),
                                                                     client::kBudgetAlias.size())));
  if (budget == data.MemberEnd() || !budget->value.IsObject()) return 0;
  auto query = budget->value.FindMember("query");
  if (query == budget->value.MemberEnd() || !query->value.IsNumber()) return 0;
  return static_cast<long long>(std::clamp(query->value.GetDouble(), 0.0, 1e12));
}

// The walk's state, shared by the chains it hands out (they may outlive one call).
class Walk : public std::enable_shared_from_this<Walk> {
 public:
  Walk(client::ApiClient& api, BoardItemsOptions options, std::optional<std::vector<std::string>> boards)
      : api_(api), options_(std::move(options)) {
    if (boards) {
      for (auto& id : *boards) pending_.push_back(Board{std::move(id), std::nullopt});
      listing_done_ = true;
    }
    const auto& chain = options_.chain;
    const bool filtered = chain.query_params && chain.query_params->IsObject();
    const std::string extra = chain.declarations.empty() ? "" : ", " + chain.declarations;
    batch_document_ = "query " + chain.operation + "Boards($boards: [ID!], $count: Int, $limit: Int!" +
                      (filtered ? ", $query: ItemsQuery" : "") + extra +
                      ") { boards(ids: $boards, limit: $count, " + std::string(kEveryBoard) + ") { id items_page(limit: $limit" +
                      (filtered ? ", query_params: $query" : "") + ") { cursor items { " + chain.selection +
                      " } } } }";
  }

  // The next chain to follow: a run of small boards read together, or one board. Called one at a
  // time (ConcurrentPages serializes it; a serial read has one caller).
  std::optional<ConcurrentPages::Chain> nextChain() {
    while (pending_.empty() && !listing_done_) listMore();
    if (pending_.empty()) return std::nullopt;
    const int page_size = options_.chain.page_size;
    // A multi-level board is read alone, with every level in scope (its items_count counts them all).
    if (!pending_.front().items_count || *pending_.front().items_count > page_size || pending_.front().multi_level) {
      ItemsPageChainOptions chain_options = options_.chain;
      if (pending_.front().multi_level) chain_options.hierarchy_scope = std::string(kEveryLevel);
      auto chain = std::make_shared<ItemsPageChain>(api_, std::move(chain_options), pending_.front().id);
      pending_.pop_front();
      return ConcurrentPages::Chain([chain] { return chain->next(); });
    }
    // A run of boards that each fit in one page, as many as the cost allows.
    std::vector<std::string> ids;
    long long limit = 1;
    while (!pending_.empty() && pending_.front().items_count && *pending_.front().items_count <= page_size &&
           !pending_.front().multi_level) {
      const long long wider = std::max(limit, *pending_.front().items_count);
      if (!ids.empty() && ids.size() + 1 > boardsPerRequest(wider)) break;
      limit = wider;
      ids.push_back(std::move(pending_.front().id));
      pending_.pop_front();
    }
    auto batch = std::make_shared<Batch>(shared_from_this(), std::move(ids), static_cast<int>(limit));
    return ConcurrentPages::Chain([batch] { return batch->next(); });
  }

 private:
  // Boards one request may carry when each page holds up to `limit` items.
  std::size_t boardsPerRequest(long long limit) const {
    const double per_item = points_per_item_.load();
    if (per_item <= 0) return kBoardsPerFirstRequest;
    const double per_board = 10 + per_item * static_cast<double>(std::max(1LL, limit));
    return std::clamp<std::size_t>(static_cast<std::size_t>(kPointsPerRequest / per_board), 1, kMostBoardsPerRequest);
  }

  // Several boards' first pages in one request; then each board's own chain, in the order given.
  class Batch {
   public:
    Batch(std::shared_ptr<Walk> walk, std::vector<std::string> ids, int limit)
        : walk_(std::move(walk)), ids_(std::move(ids)), limit_(limit) {}

    std::optional<Page> next() {
      if (!fetched_) fetch();
      while (current_ < chains_.size()) {
        if (auto page = chains_[current_]->next()) return page;
        ++current_;
      }
      return std::nullopt;
    }

   private:
    void fetch() {
      fetched_ = true;
      Walk& walk = *walk_;
      const auto& options = walk.options_.chain;
      rapidjson::Document variables = variablesWith(options.variables);
      auto& allocator = variables.GetAllocator();
      variables.AddMember("boards", idArray(ids_, allocator), allocator);
      variables.AddMember("count", static_cast<int>(ids_.size()), allocator);
      variables.AddMember("limit", limit_, allocator);
      if (options.query_params && options.query_params->IsObject()) {
        variables.AddMember("query", rapidjson::Value(*options.query_params, allocator), allocator);
      }
      auto document = std::make_shared<rapidjson::Document>(walk.api_.query(walk.batch_document_, variables));
      if (const long long cost = costOf(*document); cost > 0) {
        walk.points_per_item_.store(static_cast<double>(cost) / static_cast<double>(ids_.size() * std::max(1, limit_)));
      }
      // monday answers boards in its own order; the rows keep the order asked for.
      std::map<std::string, const rapidjson::Value*, std::less<>> pages;
      for (const auto& board : listAt((*document)["data"], "boards").GetArray()) {
        if (!board.IsObject()) continue;
        auto id = board.FindMember("id");
        auto items_page = board.FindMember("items_page");
        if (id == board.MemberEnd() || !id->value.IsString() || items_page == board.MemberEnd()) continue;
        pages.emplace(std::string(id->value.GetString(), id->value.GetStringLength()), &items_page->value);
      }
      for (const auto& id : ids_) {
        auto found = pages.find(id);
        if (found == pages.end()) continue;  // gone since it was listed
        auto chain = std::make_shared<ItemsPageChain>(walk.api_, options, id);
        chain->seed(document, *found->second);
        chains_.push_back(std::move(chain));
      }
    }

    std::shared_ptr<Walk> walk_;
    std::vector<std::string> ids_;
    int limit_;
    bool fetched_ = false;
    std::vector<std::shared_ptr<ItemsPageChain>> chains_;
    std::size_t current_ = 0;
  };

  // The next page of the listing of every board (the Boards table's boards, every state, so a
  // scan and a join on board_id agree), with each board's items_count.
  void listMore() {
    const std::string document = "query " + options_.chain.operation +
                                 "BoardList($limit: Int, $page: Int) { boards(limit: $limit, page: $page, " + std::string(kEveryBoard) +
                                 ") { id items_count hierarchy_type" +
                                 (options_.only_subitem_boards ? " type" : "") + " } }";
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    variables.AddMember("limit", kBoardsPerListing, allocator);
    variables.AddMember("page", listing_page_++, allocator);
    const rapidjson::Document response = api_.query(document, variables);
    const auto& boards = listAt(response["data"], "boards");
    if (static_cast<int>(boards.Size()) < kBoardsPerListing) listing_done_ = true;
    for (const auto& board : boards.GetArray()) {
      if (!board.IsObject()) continue;
      auto id = board.FindMember("id");
      if (id == board.MemberEnd() || !id->value.IsString()) continue;
      const bool multi_level = jsonMemberText(board, "hierarchy_type") == "multi_level";
      if (options_.only_subitem_boards && !multi_level && jsonMemberText(board, "type") != "sub_items_board") continue;
      std::optional<long long> count;
      auto items_count = board.FindMember("items_count");
      if (items_count != board.MemberEnd() && items_count->value.IsNumber()) {
        count = static_cast<long long>(std::clamp(items_count->value.GetDouble(), 0.0, 1e12));
      }
      pending_.push_back(Board{id->value.GetString(), count, multi_level});
    }
  }

  client::ApiClient& api_;
  BoardItemsOptions options_;
  std::string batch_document_;
  std::deque<Board> pending_;
  bool listing_done_ = false;
  int listing_page_ = 1;
  std::atomic<double> points_per_item_{0};  // learned from the last several-board request
};

}  // namespace

PagedSource::FetchNext boardItemPages(client::ApiClient& api, BoardItemsOptions options,
                                      std::optional<std::vector<std::string>> boards) {
  if (options.method) *options.method = boards ? "items_page" : "boards + items_page, several boards a request";
  const bool read_ahead = options.read_ahead;
  auto walk = std::make_shared<Walk>(api, std::move(options), std::move(boards));
  const int workers = api.maxConcurrentRequests();
  if (workers > 1 && read_ahead) {
    ConcurrentPages::NextChain next_chain = [walk] { return walk->nextChain(); };
    auto pages = std::make_shared<ConcurrentPages>(api, std::move(next_chain), workers, kReadAhead,
                                                   ConcurrentPages::Start::AfterFirstPage);
    return [pages] { return pages->next(); };
  }
  // One request at a time: the same chains, followed in turn.
  auto chain = std::make_shared<std::optional<ConcurrentPages::Chain>>();
  return [walk, chain]() -> std::optional<Page> {
    for (;;) {
      if (*chain) {
        if (auto page = (**chain)()) return page;
      }
      *chain = walk->nextChain();
      if (!*chain) return std::nullopt;
    }
  };
}

}  // namespace monday::schema
