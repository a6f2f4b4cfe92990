#include "schema/paging/item_pages.h"

#include <cmath>

#include "driver/client/api_client.h"
#include "schema/paging/board_items.h"

namespace monday::schema {

namespace {

constexpr int kBoardsPerListing = 100;

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
  BoardItemsOptions walk;
  walk.chain = {.operation = options.operation + "Page", .selection = options.selection,
                .page_size = options.page_size, .declarations = options.declarations,
                .variables = options.variables};
  walk.only_subitem_boards = options.only_subitem_boards;
  if (context.notes) walk.method = &context.notes->method;
  if (boards) {
    auto chunks = chunkIds(*boards, SIZE_MAX);  // one chunk: just de-duplicated
    boards = chunks.empty() ? std::vector<std::string>{} : std::move(chunks.front());
  }
  auto pages = boardItemPages(context.api, std::move(walk), std::move(boards));
  return [pages = std::move(pages)]() -> std::optional<ObjectPage> {
    auto page = pages();
    if (!page) return std::nullopt;
    return objectsOf(std::move(*page));
  };
}

double itemPageRequests(std::optional<double> boards, double items_per_board, int page_size) {
  const double per_board = std::max(1.0, std::ceil(items_per_board / page_size));
  if (boards) return *boards * per_board;
  const double typical_boards = 200;
  return std::ceil(typical_boards / kBoardsPerListing) + typical_boards * per_board;
}

}  // namespace monday::schema
