#pragma once
// Pages of items, the ways monday lets one read them: items(ids:) in batches of 100; a board's
// items_page cursor chain (continued by next_items_page at the root); or, with neither, every
// board listed lazily and each one's chain followed in turn. The caller chooses what to select
// of each item, nested lists included (column_values, assets, updates, subitems), so tables of
// rows nested under items share one way of walking items.

#include <optional>
#include <string>
#include <vector>

#include "schema/paging/api_scan.h"

namespace monday::schema {

struct ItemPagesOptions {
  std::string operation;   // prefix of the operation names: "ColumnValues" → ColumnValuesById ...
  std::string selection;   // what to fetch of each item
  int page_size = 500;     // items_page / next_items_page limit (monday's maximum is 500)
  std::size_t ids_per_request = 100;  // items(ids:) answers at most 100 ids
  // items(ids:) in any state (archived, deleted) too; items_page always shows active items only.
  bool any_state_by_id = false;
  // When listing every board: only the boards subitems live on (BoardItemsOptions).
  bool only_subitem_boards = false;
  // Variables the selection uses besides the pager's own, e.g. "$column_ids: [String!]".
  std::string declarations;
  std::shared_ptr<const rapidjson::Document> variables;  // their values (an object), or null
};

// items(ids:, exclude_nonactive: true): the active items among `ids`, as items_page would show them
// (or every item among `ids` with any_state_by_id).
ObjectPager itemsByIds(ScanContext& context, ItemPagesOptions options, std::vector<std::string> ids);

// The active items of `boards` (every board when nullopt), in board order then display order.
ObjectPager itemsOfBoards(ScanContext& context, ItemPagesOptions options,
                          std::optional<std::vector<std::string>> boards);

// Requests a scan of `boards` boards (nullopt = all, about `typical_boards`) is expected to cost.
double itemPageRequests(std::optional<double> boards, double items_per_board, int page_size);

}  // namespace monday::schema
