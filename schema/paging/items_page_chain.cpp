#include "schema/paging/items_page_chain.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "driver/client/api_client.h"
#include "driver/common/json.h"

namespace monday::schema {

namespace {

// A chain restarted this often keeps expiring: give up with monday's error rather than loop.
constexpr int kMaxRestarts = 5;

std::string lowerAscii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// A decimal id that fits in 64 bits, or nullopt.
std::optional<std::uint64_t> numericId(std::string_view id) {
  if (id.empty() || id.size() > 19) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : id) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (id.size() > 1 && id.front() == '0') return std::nullopt;  // "007" is not the id 7
  return value;
}

}  // namespace

void ReturnedIds::add(std::string_view id) {
  if (auto number = numericId(id)) numbers_.push_back(*number);
  else texts_.emplace(id);
}

bool ReturnedIds::containsFrozen(std::string_view id) const {
  if (auto number = numericId(id)) {
    return std::binary_search(numbers_.begin(), numbers_.begin() + static_cast<std::ptrdiff_t>(frozen_), *number);
  }
  return texts_.count(std::string(id)) > 0;
}

void ReturnedIds::freeze() {
  std::sort(numbers_.begin(), numbers_.end());
  frozen_ = numbers_.size();
}

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
  // hierarchy_type comes with the first page: a multi-level board read without a scope lists only
  // its top-level items, and the chain then starts again asking for every level.
  first_document_ = "query " + options_.operation + "($board: [ID!], $limit: Int!, $scope: String" +
                    (filtered ? ", $query: ItemsQuery" : "") + extra +
                    ") { boards(ids: $board, " + std::string(kEveryBoard) + ") { hierarchy_type items_page(limit: $limit, "
                    "hierarchy_scope_config: $scope" +
                    (filtered ? ", query_params: $query" : "") + ") { cursor items { " + options_.selection +
                    " } } } }";
  next_document_ = "query " + options_.operation + "Next($cursor: String!, $limit: Int!" + extra +
                   ") { next_items_page(cursor: $cursor, limit: $limit) { cursor items { " + options_.selection +
                   " } } }";
}

void ItemsPageChain::seed(std::shared_ptr<rapidjson::Document> document, const rapidjson::Value& items_page) {
  started_ = true;
  cursor_.clear();
  Page page;
  page.document = std::move(document);
  take(items_page, page);
  seeded_ = std::move(page);
}

std::optional<Page> ItemsPageChain::next() {
  if (seeded_) return std::exchange(seeded_, std::nullopt);
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
    returned_.freeze();
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
  if (!options_.hierarchy_scope.empty()) {
    variables.AddMember("scope", rapidjson::Value(options_.hierarchy_scope.c_str(), allocator), allocator);
  }
  cursor_.clear();
  Page page;
  page.document = std::make_shared<rapidjson::Document>(api_.query(first_document_, variables));
  for (const auto& board : listAt((*page.document)["data"], "boards").GetArray()) {
    if (!board.IsObject()) continue;
    if (options_.hierarchy_scope.empty() && jsonMemberText(board, "hierarchy_type") == "multi_level") {
      options_.hierarchy_scope = std::string(kEveryLevel);
      api_.logger().write(log::Level::Info, "paging",
                          "board " + board_id_ + " is a multi-level board; reading it again with every level");
      return firstPage();
    }
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
      const std::string_view text(id->value.GetString(), id->value.GetStringLength());
      // Before a restart a cursor hands out each item once; after one, skip what was handed out.
      if (restarts_ > 0 && returned_.containsFrozen(text)) continue;
      returned_.add(text);
    }
    page.rows.push_back({&item, nullptr});
  }
}

}  // namespace monday::schema
