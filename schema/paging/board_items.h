#pragma once
// The active items of many boards, board after board, each board in its display order: the one
// way `Items` and the tables nested under items (ColumnValues, Subitems, Updates, Assets …) walk
// boards when no item id narrows the read.
//
// Requests are spent where they buy rows (REFERENCE additions, "several boards' items in one
// request"): when every board is listed, the listing also gives each board's items_count, and
// runs of boards that fit in one page are read together, `boards(ids: [...]) { items_page }`,
// with the page size set to the largest board of the run. A board that does not fit continues
// with its own next_items_page chain before the next board's rows. How many boards share a request
// follows what monday charged for the previous one (cost scales with boards × page size), so a
// request stays far below monday's per-query cap whatever the selection nests.
//
// With MaxConcurrentRequests above 1 the chains (a run of boards, or one board) are followed side
// by side and a page ahead of the application; rows still come out in the same order.

#include <optional>
#include <string>
#include <vector>

#include "schema/paging/api_scan.h"
#include "schema/paging/items_page_chain.h"

namespace monday::client {
class ApiClient;
}

namespace monday::schema {

struct BoardItemsOptions {
  ItemsPageChainOptions chain;  // what to select of each item, page size, operation name
  // When listing every board: only the boards subitems live on, monday's hidden subitems boards
  // (type sub_items_board) and multi-level boards (every level on the board itself).
  bool only_subitem_boards = false;
  bool read_ahead = true;       // false when a LIMIT may end the read early
  // Set to how the read goes ("boards + items_page, 100 boards a request"), if not null.
  std::string* method = nullptr;
};

// Pages of the items of `boards` (every board when nullopt, listed 100 at a time).
PagedSource::FetchNext boardItemPages(client::ApiClient& api, BoardItemsOptions options,
                                      std::optional<std::vector<std::string>> boards);

}  // namespace monday::schema
