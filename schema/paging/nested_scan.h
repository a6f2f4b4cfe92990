#pragma once
// Rows that live in lists nested under other objects: a board's views, owners and activity logs,
// an item's column values and assets, an update's replies, a doc's blocks, a team's users ...
// The parents come a page at a time (a root list such as boards(ids:) or docs(ids:), or items
// walked as item_pages.h does); each row keeps its parent, so "^id" columns read the parent's id.
// A nested list that takes limit/page is asked for its first page together with the parents; a
// parent whose list came back full is followed up alone, page by page, before the next parents.
// Pages are fetched only when SQLite asks for a row beyond the current ones.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "schema/paging/api_scan.h"

namespace monday::schema {

// One list field of the parent, e.g. `team_owners(limit: 100, page: 1) { id name }`.
struct ChildList {
  std::string field;
  std::string alias;      // response key when the parent is asked for the same field twice
  std::string arguments;  // our constants, or variables of NestedScan::declarations ("ids: $column_ids")
  int page_size = 0;      // > 0: the field takes limit/page; full pages are followed up per parent
  std::string selection;  // of each row; empty = the table's selection (selectionFor its columns)
  // Members written into each row of this list, read by '@' columns: {"@role", "owner"}.
  std::vector<std::pair<std::string, std::string>> labels;
};

// Parents from a root field that takes ids: (boards, docs, teams, updates, workspaces ...).
struct RootParents {
  std::string field;
  std::string arguments;          // constants, e.g. "state: all"
  int per_page = 25;              // parents per request when listing all; 0 = the field has no limit/page
  std::size_t ids_per_request = 25;
  std::string key_column;         // key column whose values go into ids:
  std::string selection;          // parent fields besides id that rows read through '^'
};

// Parents that are items: by item ids, by board ids (items_page), or every board's items.
struct ItemParents {
  std::string item_column;        // key column whose values go into items(ids:)
  std::string board_column;       // key column whose values pick the boards to page through
  int per_page = 500;             // items_page limit
  std::size_t ids_per_request = 100;  // items(ids:) batch
  bool any_state_by_id = false;   // items(ids:) without exclude_nonactive (see item_pages.h)
  std::string selection;          // item fields besides id that rows read through '^'
};

struct NestedScan {
  std::string operation;  // prefix of the GraphQL operation names
  std::variant<RootParents, ItemParents> parents;
  std::vector<ChildList> children;
  // Variables the children's arguments use ("$from: ISO8601DateTime") and their values.
  std::string declarations;
  std::shared_ptr<const rapidjson::Document> variables;
  // Adds computed '@' members to a row before SQLite reads it (e.g. fields parsed out of JSON text).
  std::function<void(rapidjson::Value& row, rapidjson::Document::AllocatorType& allocator)> annotate;
};

std::unique_ptr<RowSource> scanNested(ScanContext& context, const ScanRequest& request, NestedScan scan);

// Cost of a nested scan for the planner: rows per parent, parents when nothing is pushed.
ScanEstimate estimateNested(const ScanShape& shape, const NestedScan& scan, double rows_per_parent,
                            double typical_parents);

}  // namespace monday::schema
