#pragma once
// One board's items through monday's cursor paging: items_page (with optional query_params) for
// the first page, next_items_page at the root for the rest (REFERENCE §2.4, §2.6). A cursor lives
// 60 minutes after the first request; a scan that outlives it (a slow consumer, a huge board)
// gets CursorExpiredError. The chain then restarts transparently: it runs the first page again
// with the same query_params and skips every item it already returned (by id), so the rows seen
// by SQL are each item once, as a scan with a live cursor would have given them.

#include <memory>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <rapidjson/document.h>

#include "driver/common/error.h"
#include "schema/paging/api_scan.h"

namespace monday::schema {

struct ItemsPageChainOptions {
  std::string operation;     // GraphQL operation name of the first page; "<operation>Next" follows
  std::string selection;     // what to fetch of each item
  int page_size = 500;       // items per request (monday's maximum is 500)
  // Extra variable declarations the selection uses ("$column_ids: [String!]") and their values.
  std::string declarations;
  std::shared_ptr<const rapidjson::Document> variables;
  // An ItemsQuery object (rules, operator, order_by), or null for every active item.
  std::shared_ptr<const rapidjson::Document> query_params;
  // items_page's hierarchy_scope_config: kEveryLevel for a board known to be multi-level. Empty:
  // monday's default, and a board the first page shows to be multi-level is read again with it.
  std::string hierarchy_scope;
};

// The scope under which a multi-level board's items_page lists items of every level, and applies
// its rules to all of them (a match's parents come with it).
inline constexpr std::string_view kEveryLevel = "allItems";

// The ids a chain has handed out, kept only so that a restarted chain can skip them. monday's ids
// are numbers: 8 bytes an item in a plain vector, appended without hashing while the cursor lives,
// sorted once when a restart needs to look them up (any other id is kept as text).
class ReturnedIds {
 public:
  void add(std::string_view id);
  // Whether `id` was handed out before the last freeze().
  bool containsFrozen(std::string_view id) const;
  // Makes every id added so far searchable (a restart).
  void freeze();
  std::size_t size() const { return numbers_.size() + texts_.size(); }

 private:
  std::vector<std::uint64_t> numbers_;
  std::size_t frozen_ = 0;  // numbers_[0, frozen_) is sorted
  std::unordered_set<std::string> texts_;
};

class ItemsPageChain {
 public:
  ItemsPageChain(client::ApiClient& api, ItemsPageChainOptions options, std::string board_id);

  // The next page (possibly empty), or nullopt when the board has no more items. Throws
  // monday::Error.
  std::optional<Page> next();

  // Starts the chain from a first page another request already fetched (this board's
  // `items_page` in a request for several boards): next() returns it first, then follows its
  // cursor. The document must hold `items_page`.
  void seed(std::shared_ptr<rapidjson::Document> document, const rapidjson::Value& items_page);

  int restarts() const { return restarts_; }

 private:
  Page firstPage();
  Page nextPage();
  void take(const rapidjson::Value& items_response, Page& page);

  client::ApiClient& api_;
  ItemsPageChainOptions options_;
  std::string board_id_;
  std::string first_document_, next_document_;
  std::string cursor_;
  bool started_ = false;
  std::optional<Page> seeded_;
  bool done_ = false;
  int restarts_ = 0;
  ReturnedIds returned_;  // ids already handed out, to skip after a restart
};

// Whether a monday error says an items_page cursor has expired.
bool isExpiredCursorError(const Error& error);

}  // namespace monday::schema
