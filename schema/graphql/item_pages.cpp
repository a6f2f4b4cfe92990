#include "schema/graphql/item_pages.h"

#include <cmath>
#include <deque>

#include "driver/client/api_client.h"
#include "schema/graphql/concurrent_pages.h"
#include "schema/graphql/items_page_chain.h"

namespace monday::schema {

namespace {

constexpr int kBoardsPerListing = 100;
constexpr std::size_t kReadAhead = 2;  // pages a board's chain may fetch before they are read

rapidjson::Document variablesWith(const std::shared_ptr<const rapidjson::Document>& extra) {
  rapidjson::Document variables(rapidjson::kObjectType);
  auto& allocator = variables.GetAllocator();
  if (extra && extra->IsObject()) {
    for (const auto& member : extra->GetObject()) {
      variables.AddMember(rapidjson::Value(member.name, allocator), rapidjson::Value(member.value, allocator), allocator);
    }
  }
  return variables;
}

std::string withDeclarations(const std::string& own, const std::string& extra) {
  return "(" + own + (extra.empty() ? "" : ", " + extra) + ")";
}

void takeItems(rapidjson::Value& items, ObjectPage& page) {
  if (!items.IsArray()) return;
  for (auto& item : items.GetArray()) {
    if (item.IsObject()) page.objects.push_back(&item);
  }
}

ObjectPage objectsOf(Page page) {
  ObjectPage objects{page.document, {}};
  // The page's document is ours and mutable; the chain hands out const views of it.
  for (const auto& row : page.rows) objects.objects.push_back(const_cast<rapidjson::Value*>(row.node));
  return objects;
}

struct ItemsByIdsPager {
  ScanContext context;
  ItemPagesOptions options;
  std::string document;
  std::vector<std::vector<std::string>> chunks;
  std::size_t chunk = 0;

  std::optional<ObjectPage> operator()() {
    if (chunk >= chunks.size()) return std::nullopt;
    const auto& ids = chunks[chunk++];
    rapidjson::Document variables = variablesWith(options.variables);
    auto& allocator = variables.GetAllocator();
    variables.AddMember("ids", idArray(ids, allocator), allocator);
    variables.AddMember("limit", static_cast<int>(ids.size()), allocator);
    ObjectPage page;
    page.document = std::make_shared<rapidjson::Document>(context.api.query(document, variables));
    auto& data = (*page.document)["data"];
    auto items = data.FindMember("items");
    if (items != data.MemberEnd()) takeItems(items->value, page);
    return page;
  }
};

// Follows one board's cursor chain after another (restarted by ItemsPageChain when a cursor
// expires); lists boards page by page when none are given.
struct BoardItemsPager {
  ScanContext context;
  ItemPagesOptions options;
  ItemsPageChainOptions chain_options;
  std::optional<ObjectPager> listing;
  std::deque<std::string> boards;
  std::shared_ptr<ItemsPageChain> chain;  // shared: a std::function target must be copyable

  std::optional<ObjectPage> operator()() {
    for (;;) {
      if (chain) {
        if (auto page = chain->next()) return objectsOf(std::move(*page));
        chain.reset();
      }
      chain = nextBoardChain();
      if (!chain) return std::nullopt;
    }
  }

  std::shared_ptr<ItemsPageChain> nextBoardChain() {
    while (boards.empty() && listing) listMoreBoards();
    if (boards.empty()) return nullptr;
    auto next = std::make_shared<ItemsPageChain>(context.api, chain_options, boards.front());
    boards.pop_front();
    return next;
  }

  void listMoreBoards() {
    auto page = (*listing)();
    if (!page) {
      listing.reset();
      return;
    }
    for (const auto* board : page->objects) {
      auto id = board->FindMember("id");
      if (id == board->MemberEnd() || !id->value.IsString()) continue;
      if (!options.only_board_type.empty()) {
        auto type = board->FindMember("type");
        if (type == board->MemberEnd() || !type->value.IsString() || options.only_board_type != type->value.GetString()) {
          continue;
        }
      }
      boards.emplace_back(id->value.GetString());
    }
  }
};

// Several boards' chains side by side (MaxConcurrentRequests), each a page ahead of the
// application; pages still come out board after board, as BoardItemsPager gives them. Nothing
// beyond the first page is fetched until a second one is asked for, so a LIMIT met on the first
// page costs one request.
ObjectPager concurrently(BoardItemsPager pager, int workers) {
  auto boards = std::make_shared<BoardItemsPager>(std::move(pager));
  ConcurrentPages::NextChain next_chain = [boards]() -> std::optional<ConcurrentPages::Chain> {
    auto chain = boards->nextBoardChain();
    if (!chain) return std::nullopt;
    return ConcurrentPages::Chain([chain] { return chain->next(); });
  };
  auto& api = boards->context.api;
  auto pages = std::make_shared<ConcurrentPages>(api, std::move(next_chain), workers, kReadAhead,
                                                 ConcurrentPages::Start::AfterFirstPage);
  return [pages]() -> std::optional<ObjectPage> {
    auto page = pages->next();
    if (!page) return std::nullopt;
    return objectsOf(std::move(*page));
  };
}

}  // namespace

ObjectPager itemsByIds(ScanContext& context, ItemPagesOptions options, std::vector<std::string> ids) {
  ItemsByIdsPager pager{context, std::move(options), {}, {}, 0};
  pager.chunks = chunkIds(ids, pager.options.ids_per_request);
  pager.document = "query " + pager.options.operation + "ById" +
                   withDeclarations("$ids: [ID!], $limit: Int", pager.options.declarations) +
                   " { items(ids: $ids, limit: $limit" +
                   (pager.options.any_state_by_id ? "" : ", exclude_nonactive: true") + ") { " +
                   pager.options.selection + " } }";
  return pager;
}

ObjectPager itemsOfBoards(ScanContext& context, ItemPagesOptions options,
                          std::optional<std::vector<std::string>> boards) {
  BoardItemsPager pager{context, std::move(options), {}, std::nullopt, {}, nullptr};
  const auto& o = pager.options;
  pager.chain_options = {.operation = o.operation + "Page", .selection = o.selection, .page_size = o.page_size,
                         .declarations = o.declarations, .variables = o.variables};
  if (boards) {
    auto chunks = chunkIds(*boards, SIZE_MAX);  // one chunk: just de-duplicated
    if (!chunks.empty()) pager.boards.assign(chunks.front().begin(), chunks.front().end());
  } else {
    // Every board the Boards table shows (every state), so a full scan and a join on board_id agree.
    pager.listing = rootObjects(context, {.operation = o.operation + "Boards", .field = "boards",
                                          .fixed_arguments = "state: all",
                                          .selection = o.only_board_type.empty() ? "id" : "id type",
                                          .page_size = kBoardsPerListing});
  }
  const int workers = context.api.maxConcurrentRequests();
  if (workers > 1) return concurrently(std::move(pager), workers);
  return pager;
}

double itemPageRequests(std::optional<double> boards, double items_per_board, int page_size) {
  const double per_board = std::max(1.0, std::ceil(items_per_board / page_size));
  if (boards) return *boards * per_board;
  const double typical_boards = 200;
  return std::ceil(typical_boards / kBoardsPerListing) + typical_boards * per_board;
}

}  // namespace monday::schema
