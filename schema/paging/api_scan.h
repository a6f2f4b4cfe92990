#pragma once
// Building blocks the table files share: lazy page-by-page row sources, GraphQL variables from SQL
// values, and the two list shapes most monday objects come in (a root list such as `boards`, and
// a list nested under boards such as `columns`). Each page is fetched only when SQLite asks for a
// row beyond the current one, so a LIMIT or an early stop costs no further requests.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "schema/table.h"

namespace monday::schema {

// The arguments that list every board a table shows: every state, and multi-level boards too
// (monday leaves them out before API 2026-04 unless hierarchy_types asks for them).
inline constexpr std::string_view kEveryBoard = "state: all, hierarchy_types: [classic, multi_level]";

struct Page {
  std::shared_ptr<rapidjson::Document> document;  // keeps the rows' JSON alive
  std::vector<RowView> rows;
};

class PagedSource final : public RowSource {
 public:
  // Returns the next page, or nullopt when there is none. An empty page does not end the scan.
  using FetchNext = std::function<std::optional<Page>()>;
  explicit PagedSource(FetchNext fetch) : fetch_(std::move(fetch)) {}
  const RowView* next() override;

 private:
  FetchNext fetch_;
  Page page_;
  std::size_t index_ = 0;
  bool done_ = false;
};

// A fresh variables object holding a copy of `extra`'s members (none when it is null): the
// variables a table adds to every page request of an items scan.
rapidjson::Document variablesWith(const std::shared_ptr<const rapidjson::Document>& extra);

// A source with no rows (e.g. `id = 'abc'` can match no monday id).
std::unique_ptr<RowSource> emptySource();

// monday ids travel as GraphQL ID strings. SQL may give them as integers or digit strings;
// anything else cannot be an id and is dropped (it matches no row, as in SQL).
std::vector<std::string> idValues(const std::vector<Value>& values);

// Splits `ids` into chunks of at most `size`, keeping order and dropping duplicates.
std::vector<std::vector<std::string>> chunkIds(const std::vector<std::string>& ids, std::size_t size);

rapidjson::Value idArray(const std::vector<std::string>& ids, rapidjson::Document::AllocatorType& allocator);

// The JSON array at `data.<field>` of a response (or an empty array).
const rapidjson::Value& listAt(const rapidjson::Value& data, const char* field);

// Only digit strings can be monday ids; other values are dropped. Text arguments (column ids,
// enum names) keep every non-empty text value instead.
std::vector<std::string> textValues(const std::vector<Value>& values);

// The ids an '=' / IN on `column` names (de-duplicated digit ids), or nullopt when the column is
// not constrained: e.g. the boards or items a scan starts from.
std::optional<std::vector<std::string>> constrainedIds(const ScanRequest& request, const std::string& column);

// A key column whose '=' / IN values travel in a list argument of a root field, e.g.
// `workspace_id IN (...)` → folders(workspace_ids: [...]).
struct ListArgument {
  std::string column;               // key column
  std::string argument = "ids";     // GraphQL argument name
  std::string type = "[ID!]";       // the variable's GraphQL type; ID types take only digit values
  std::size_t per_request = 100;    // values per request
  bool one_row_per_value = false;   // ids: a chunk is answered by one page of `limit = chunk size`
};

// The first of `candidates` the request constrains, with its values (empty = none can match);
// nullopt when none is constrained.
std::optional<std::pair<ListArgument, std::vector<std::string>>> pushedArgument(
    const ScanRequest& request, const std::vector<ListArgument>& candidates);

// Objects of one root field, a request at a time; the document stays alive with the page and
// the objects may be annotated in place.
struct ObjectPage {
  std::shared_ptr<rapidjson::Document> document;
  std::vector<rapidjson::Value*> objects;
};
using ObjectPager = std::function<std::optional<ObjectPage>()>;

// `field(<argument>: $values, limit: $limit, page: $page, <fixed_arguments>) { selection }`.
struct RootQuery {
  std::string operation;
  std::string field;
  std::string fixed_arguments;  // constants of ours (never user values), e.g. "state: all"
  std::string selection;
  int page_size = 100;          // objects per page; 0 = the field takes no limit/page
  std::optional<ListArgument> argument;  // pushed values, chunked by argument->per_request
  std::vector<std::string> values;
  // Variables the selection uses besides the pager's own, e.g. "$from: ISO8601DateTime".
  std::string declarations;
  std::shared_ptr<const rapidjson::Document> variables;  // their values (an object), or null
};
// Pages until a short page (REFERENCE §2.6); with values, chunk by chunk.
ObjectPager rootObjects(ScanContext& context, RootQuery query);

// A root list: `field(ids: $ids, limit: $limit, page: $page, <fixed_arguments>) { selection }`.
struct RootList {
  std::string operation;        // GraphQL operation name, e.g. "Boards"
  std::string field;            // root field, e.g. "boards"
  std::string fixed_arguments;  // constants of ours (never user values), e.g. "state: all"
  int page_size = 100;          // rows per page without ids; 0 = the field takes no limit/page
  std::size_t ids_per_request = 100;
  std::string id_column = "id";  // key column pushed into ids:
  std::vector<ListArgument> filters;  // further key columns, used when id_column is not constrained
};
std::unique_ptr<RowSource> scanRootList(ScanContext& context, const ScanRequest& request, const RootList& list);
ScanEstimate estimateRootList(const ScanShape& shape, const RootList& list, double typical_rows);

// Each object of `objects` as a row (no parent).
std::unique_ptr<RowSource> objectRows(ObjectPager objects);

// Only the rows `keep` accepts (e.g. the items of an items(ids:) lookup that are subitems).
std::unique_ptr<RowSource> keepRows(std::unique_ptr<RowSource> source, std::function<bool(const RowView&)> keep);

// What one argument-less request finds at a path of fields from the root: `me` or `account` (an
// object: a table of one row), `account.products` or `platform_api.daily_analytics.by_day` (a list:
// a row per element). `holder_fields` are asked of the object holding the last field, and "^"
// columns read them (e.g. daily_analytics' `last_updated` beside each day of `by_day`).
std::unique_ptr<RowSource> scanRootPath(ScanContext& context, const std::string& operation, const std::string& path,
                                        const std::string& holder_fields = "");

// Rows nested under boards: `boards(ids:, limit:, page:, state: all) { id <field> { selection } }`.
// Each row's parent is its board, so "^id" columns read the board id.
struct BoardChildList {
  std::string operation;
  std::string field;  // e.g. "columns"
  int boards_per_page = 25;
  std::string board_column = "board_id";  // key column pushed into boards(ids:)
};
std::unique_ptr<RowSource> scanBoardChildren(ScanContext& context, const ScanRequest& request,
                                             const BoardChildList& list);
ScanEstimate estimateBoardChildren(const ScanShape& shape, const BoardChildList& list, double rows_per_board);

}  // namespace monday::schema
