#include "schema/graphql/items_page_chain.h"

#include <algorithm>
#include <cctype>

#include "driver/client/api_client.h"

namespace monday::schema {

namespace {

// A chain restarted this often keeps expiring: give up with monday's error rather than loop.
constexpr int kMaxRestarts = 5;

std::string lowerAscii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

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

}  // namespace

bool isExpiredCursorError(const Error& error) {
  // monday documents the 60-minute life of a cursor but not the error's code; the sandbox and
  // monday's own SDK name it CursorExpiredError. Match the words, not one spelling.
  const std::string message = lowerAscii(error.message());
  return message.find("cursorexpired") != std::string::npos ||
         (message.find("cursor") != std::string::npos && message.find("expired") != std::string::npos);
}

ItemsPageChain::ItemsPageChain(client::ApiClient& api, ItemsPageChainOptions options, std::string board_id)
    : api_(api), options_(std::move(options)), board_id_(std::move(board_id)) {
  const std::string extra = options_.declarations.empty() ? "" : ", " + options_.declarations;
  const bool filtered = options_.query_params && options_.query_params->IsObject();
  first_document_ = "query " + options_.operation + "($board: [ID!], $limit: Int!" +
                    (filtered ? ", $query: ItemsQuery" : "") + extra +
                    ") { boards(ids: $board, state: all) { items_page(limit: $limit" +
                    (filtered ? ", query_params: $query" : "") + ") { cursor items { " + options_.selection +
                    " } } } }";
  next_document_ = "query " + options_.operation + "Next($cursor: String!, $limit: Int!" + extra +
                   ") { next_items_page(cursor: $cursor, limit: $limit) { cursor items { " + options_.selection +
                   " } } }";
}

std::optional<Page> ItemsPageChain::next() {
  if (done_) return std::nullopt;
  if (!started_) {
    started_ = true;
    return firstPage();
  }
  if (cursor_.empty()) {
    done_ = true;
    return std::nullopt;
  }
  try {
    return nextPage();
  } catch (const Error& error) {
    if (!isExpiredCursorError(error) || restarts_ >= kMaxRestarts) throw;
    ++restarts_;
    api_.logger().write(log::Level::Info, "paging",
                        "items_page cursor of board " + board_id_ + " expired; restarting from the first page, "
                        "skipping the " + std::to_string(returned_.size()) + " items already read");
    return firstPage();
  }
}

Page ItemsPageChain::firstPage() {
  rapidjson::Document variables = variablesWith(options_.variables);
  auto& allocator = variables.GetAllocator();
  variables.AddMember("board", idArray({board_id_}, allocator), allocator);
  variables.AddMember("limit", options_.page_size, allocator);
  if (options_.query_params && options_.query_params->IsObject()) {
    variables.AddMember("query", rapidjson::Value(*options_.query_params, allocator), allocator);
  }
  cursor_.clear();
  Page page;
  page.document = std::make_shared<rapidjson::Document>(api_.query(first_document_, variables));
  for (const auto& board : listAt((*page.document)["data"], "boards").GetArray()) {
    if (!board.IsObject()) continue;
    auto items_page = board.FindMember("items_page");
    if (items_page != board.MemberEnd()) take(items_page->value, page);
  }
  return page;
}

Page ItemsPageChain::nextPage() {
  rapidjson::Document variables = variablesWith(options_.variables);
  auto& allocator = variables.GetAllocator();
  variables.AddMember("cursor", rapidjson::Value(cursor_.c_str(), allocator), allocator);
  variables.AddMember("limit", options_.page_size, allocator);
  Page page;
  page.document = std::make_shared<rapidjson::Document>(api_.query(next_document_, variables));
  cursor_.clear();
  const auto& data = (*page.document)["data"];
  auto found = data.FindMember("next_items_page");
  if (found != data.MemberEnd()) take(found->value, page);
  return page;
}

void ItemsPageChain::take(const rapidjson::Value& items_response, Page& page) {
  if (!items_response.IsObject()) return;
  auto cursor = items_response.FindMember("cursor");
  if (cursor != items_response.MemberEnd() && cursor->value.IsString()) {
    cursor_.assign(cursor->value.GetString(), cursor->value.GetStringLength());
  }
  auto items = items_response.FindMember("items");
  if (items == items_response.MemberEnd() || !items->value.IsArray()) return;
  for (const auto& item : items->value.GetArray()) {
    if (!item.IsObject()) continue;
    auto id = item.FindMember("id");
    if (id != item.MemberEnd() && id->value.IsString()) {
      if (!returned_.emplace(id->value.GetString(), id->value.GetStringLength()).second) continue;
    }
    page.rows.push_back({&item, nullptr});
  }
}

}  // namespace monday::schema
