// Reading a board table: `id` lookups go to items(ids:) in batches of 100 (rows of other boards
// dropped); everything else follows the board's items_page cursor chain with the pushed WHERE
// terms as query_params rules and ORDER BY as order_by. Only the board columns the statement
// uses are fetched (column_values(ids:) with their typed fragments). A multi-level board is read
// with every level in scope and its rollup columns calculated.
#include <algorithm>
#include <set>

#include "driver/client/api_client.h"
#include "schema/boards/board_filters.h"
#include "schema/boards/board_table.h"
#include "schema/paging/api_scan.h"
#include "schema/paging/concurrent_pages.h"
#include "schema/paging/items_page_chain.h"

namespace monday::schema::boards {

namespace {

constexpr int kItemsPageMax = 500;
constexpr std::size_t kIdsPerRequest = 100;

struct Selection {
  std::string text;
  std::shared_ptr<rapidjson::Document> variables;  // {"column_ids": [...]} when board columns are read
};

// The item fields every row needs, plus column_values for the board columns the statement reads.
Selection itemSelection(const TableDef& table, const BoardTableSpec& spec, const ScanRequest& request) {
  std::vector<ColumnDef> fixed(table.columns.begin(), table.columns.begin() + static_cast<long>(spec.fixed_columns));
  Selection selection{selectionFor(fixed), nullptr};
  std::vector<std::string> column_ids;
  std::set<std::string_view> fragments;
  std::string fragment_text;
  for (const auto& binding : spec.bindings) {
    if (!request.columns_used.empty() &&
        (binding.column_index >= request.columns_used.size() || !request.columns_used[binding.column_index])) {
      continue;
    }
    const ColumnMeta& column = spec.columns[binding.meta_index];
    if (std::find(column_ids.begin(), column_ids.end(), column.id) == column_ids.end()) column_ids.push_back(column.id);
    const std::string_view fragment = columnTypeInfo(column.type).fragment;
    if (!fragment.empty() && fragments.insert(fragment).second) fragment_text += " " + std::string(fragment);
  }
  // has_subitems is read from the cells' is_leaf: one cell is enough when no other is asked.
  const int has_subitems = table.columnIndex(std::string(kHasSubitems));
  if (spec.multi_level && column_ids.empty() && !spec.columns.empty() && has_subitems >= 0 &&
      (request.columns_used.empty() || request.columns_used[static_cast<std::size_t>(has_subitems)])) {
    column_ids.push_back(spec.columns.front().id);
  }
  if (column_ids.empty()) return selection;
  // On a multi-level board, rollup columns (status, numbers, date, timeline by default) come back
  // only with capabilities: [CALCULATED], on leaves too; with it, every column does.
  selection.text += std::string(" column_values(ids: $column_ids") +
                    (spec.multi_level ? ", capabilities: [CALCULATED]) { id text value is_leaf" : ") { id text value") +
                    fragment_text + " }";
  selection.variables = std::make_shared<rapidjson::Document>(rapidjson::kObjectType);
  auto& allocator = selection.variables->GetAllocator();
  rapidjson::Value ids(rapidjson::kArrayType);
  for (const auto& id : column_ids) ids.PushBack(rapidjson::Value(id.c_str(), allocator), allocator);
  selection.variables->AddMember("column_ids", ids, allocator);
  return selection;
}

// The filter kind and rule column of a SQL column, if pushes are possible on it.
struct FilterTarget {
  FilterKind kind = FilterKind::None;
  std::string column_id;
  const ColumnMeta* column = nullptr;
};

FilterTarget targetOf(const TableDef& table, const BoardTableSpec& spec, const std::string& sql_name) {
  for (const auto& fixed : spec.fixed_filters) {
    if (fixed.sql_name == sql_name) return {fixed.kind, fixed.column_id, nullptr};
  }
  const int index = table.columnIndex(sql_name);
  if (const ColumnBinding* binding = index < 0 ? nullptr : spec.bindingFor(static_cast<std::size_t>(index))) {
    const ColumnMeta& column = spec.columns[binding->meta_index];
    return {binding->part->filter, column.id, &column};
  }
  return {};
}

std::string valueText(const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return "'" + *s + "'";
  if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&value)) return std::to_string(*d);
  return "NULL";
}

std::string constraintText(const Constraint& constraint) {
  std::string text = constraint.column + " " + std::string(constraintOpText(constraint.op));
  if (constraint.op != ConstraintOp::IsNull && constraint.op != ConstraintOp::IsNotNull) {
    text += " " + valueText(constraint.value);
  }
  return text;
}

void note(ScanContext& context, bool pushed, std::string text) {
  if (!context.notes) return;
  (pushed ? context.notes->pushed : context.notes->local).push_back(std::move(text));
}

// items(ids:): the active items among the ids that are on this board.
class ItemsByIdSource final : public RowSource {
 public:
  ItemsByIdSource(client::ApiClient& api, std::string board_id, std::vector<std::vector<std::string>> chunks,
                  const Selection& selection)
      : api_(api), board_id_(std::move(board_id)), chunks_(std::move(chunks)), variables_(selection.variables) {
    document_ = "query BoardItemsById($ids: [ID!], $limit: Int" +
                std::string(variables_ ? ", $column_ids: [String!]" : "") +
                ") { items(ids: $ids, limit: $limit, exclude_nonactive: true) { board { id } " + selection.text + " } }";
  }

  const RowView* next() override {
    for (;;) {
      if (index_ < page_.rows.size()) return &page_.rows[index_++];
      if (chunk_ >= chunks_.size()) return nullptr;
      fetch(chunks_[chunk_++]);
    }
  }

 private:
  void fetch(const std::vector<std::string>& ids) {
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    if (variables_) {
      for (const auto& member : variables_->GetObject()) {
        variables.AddMember(rapidjson::Value(member.name, allocator), rapidjson::Value(member.value, allocator), allocator);
      }
    }
    variables.AddMember("ids", idArray(ids, allocator), allocator);
    variables.AddMember("limit", static_cast<int>(ids.size()), allocator);
    page_ = Page{};
    index_ = 0;
    page_.document = std::make_shared<rapidjson::Document>(api_.query(document_, variables));
    for (const auto& item : listAt((*page_.document)["data"], "items").GetArray()) {
      if (!item.IsObject()) continue;
      auto board = item.FindMember("board");
      if (board == item.MemberEnd() || !board->value.IsObject()) continue;
      auto id = board->value.FindMember("id");
      if (id == board->value.MemberEnd() || !id->value.IsString() || board_id_ != id->value.GetString()) continue;
      page_.rows.push_back({&item, nullptr});
    }
  }

  client::ApiClient& api_;
  std::string board_id_;
  std::vector<std::vector<std::string>> chunks_;
  std::shared_ptr<rapidjson::Document> variables_;
  std::string document_;
  std::size_t chunk_ = 0;
  Page page_;
  std::size_t index_ = 0;
};

// Boards above this many items are read through their groups side by side.
constexpr std::int64_t kParallelAbove = 1000;
// Pages a chain may fetch before the application reads them.
constexpr std::size_t kReadAhead = 2;

// The board's groups (monday lists active ones), in board order.
std::vector<std::string> groupIds(client::ApiClient& api, const std::string& board_id) {
  static const std::string document =
      "query BoardGroups($ids: [ID!]) { boards(ids: $ids, " + std::string(kEveryBoard) + ") { groups { id } } }";
  rapidjson::Document variables(rapidjson::kObjectType);
  auto& allocator = variables.GetAllocator();
  variables.AddMember("ids", idArray({board_id}, allocator), allocator);
  const rapidjson::Document response = api.query(document, variables);
  std::vector<std::string> out;
  for (const auto& board : listAt(response["data"], "boards").GetArray()) {
    if (!board.IsObject() || !board.HasMember("groups") || !board["groups"].IsArray()) continue;
    for (const auto& group : board["groups"].GetArray()) {
      if (group.IsObject() && group.HasMember("id") && group["id"].IsString()) out.emplace_back(group["id"].GetString());
    }
  }
  return out;
}

}  // namespace

std::unique_ptr<RowSource> scanBoardTable(ScanContext& context, const ScanRequest& request,
                                          const std::shared_ptr<const BoardTableSpec>& spec) {
  const TableDef& table = context.table;
  const Selection selection = itemSelection(table, *spec, request);

  if (const auto* values = request.valuesFor("id")) {
    auto ids = idValues(*values);
    if (context.notes) context.notes->method = "items(ids:)";
    note(context, true, "id IN " + std::to_string(ids.size()) + " ids (items(ids:), 100 per request)");
    if (ids.empty()) return emptySource();
    return std::make_unique<ItemsByIdSource>(context.api, spec->board_id, chunkIds(ids, kIdsPerRequest), selection);
  }

  std::vector<PushedTerm> terms;
  auto push = [&](const std::string& column, ConstraintOp op, const std::vector<Value>& values, const std::string& shown) {
    const FilterTarget target = targetOf(table, *spec, column);
    std::string why;
    auto term = translateTerm(target.kind, target.column_id, target.column, op, values, &why);
    if (!term) {
      note(context, false, shown + " (" + why + ")");
      return;
    }
    std::string text;
    for (const auto& r : term->all_of) text += (text.empty() ? "" : " and ") + r.describe();
    for (const auto& r : term->any_of) text += (text.empty() ? "" : " or ") + r.describe();
    note(context, true, text + " [" + shown + "]");
    terms.push_back(std::move(*term));
  };
  for (const auto& [column, values] : request.equals) {
    std::string shown = column + (values.size() == 1 ? " = " + valueText(values[0]) : " IN (" + std::to_string(values.size()) + " values)");
    push(column, ConstraintOp::Eq, values, shown);
  }
  for (const auto& constraint : request.constraints) {
    std::string shown = constraintText(constraint);
    std::vector<Value> values;
    if (constraint.op != ConstraintOp::IsNull && constraint.op != ConstraintOp::IsNotNull) values.push_back(constraint.value);
    push(constraint.column, constraint.op, values, shown);
  }
  std::vector<std::pair<std::string, bool>> order_by;
  for (const auto& term : request.order_by) {
    const FilterTarget target = targetOf(table, *spec, term.column);
    if (!target.column) continue;  // orders() accepted only board columns
    order_by.emplace_back(target.column_id, term.descending);
  }

  ItemsPageChainOptions options;
  options.operation = "BoardItemsPage";
  options.selection = selection.text;
  options.page_size = kItemsPageMax;
  // Every level, and rules applied to every level; a match's parents come too (SQLite drops them).
  if (spec->multi_level) options.hierarchy_scope = std::string(kEveryLevel);
  if (request.limit && *request.limit > 0 && *request.limit < kItemsPageMax) {
    options.page_size = static_cast<int>(*request.limit);
  }
  if (selection.variables) {
    options.declarations = "$column_ids: [String!]";
    options.variables = selection.variables;
  }
  client::ApiClient& api = context.api;
  const int workers = api.maxConcurrentRequests();
  // A large board read whole (a filtered read is small), in no particular order: its groups' chains side by side, rows
  // as they arrive. Ordered or limited reads keep one chain (monday orders within a chain; a LIMIT stops early).
  std::vector<std::string> groups;
  // Not on a multi-level board: a group's chain would bring the parents of its matches along.
  if (workers > 1 && terms.empty() && order_by.empty() && !request.limit && !spec->multi_level &&
      spec->items_count.value_or(0) > kParallelAbove) {
    groups = groupIds(api, spec->board_id);
  }
  if (groups.size() > 1) {
    if (context.notes) {
      context.notes->method = "items_page, " + std::to_string(groups.size()) + " groups side by side";
    }
    // One chain per group, then one for every item in none of them (groups the list leaves out,
    // such as archived ones), so the chains together give every item exactly once.
    std::vector<std::vector<PushedTerm>> chain_terms;
    for (const auto& group : groups) {
      chain_terms.push_back(terms);
      chain_terms.back().push_back(PushedTerm{{ApiRule{"group", "any_of", {Value{group}}, false, ""}}, {}});
    }
    ApiRule rest{"group", "not_any_of", {}, false, ""};
    for (const auto& group : groups) rest.compare.push_back(Value{group});
    chain_terms.push_back(terms);
    chain_terms.back().push_back(PushedTerm{{std::move(rest)}, {}});
    auto state = std::make_shared<std::pair<std::size_t, std::vector<std::vector<PushedTerm>>>>(0, std::move(chain_terms));
    ConcurrentPages::NextChain next_chain = [&api, options, state, board = spec->board_id]()
        -> std::optional<ConcurrentPages::Chain> {
      auto& [next, all] = *state;
      if (next >= all.size()) return std::nullopt;
      ItemsPageChainOptions chain_options = options;
      chain_options.query_params = std::make_shared<rapidjson::Document>(queryParams(all[next++], {}));
      auto chain = std::make_shared<ItemsPageChain>(api, std::move(chain_options), board);
      return ConcurrentPages::Chain([chain] { return chain->next(); });
    };
    // No order was asked for: pages are handed on as they arrive, so no worker waits for another
    // group to be read first.
    auto pages = std::make_shared<ConcurrentPages>(api, std::move(next_chain), workers, kReadAhead,
                                                   ConcurrentPages::Start::Eager, ConcurrentPages::Order::AsTheyCome);
    return std::make_unique<PagedSource>([pages]() { return pages->next(); });
  }

  if (!terms.empty() || !order_by.empty()) {
    options.query_params = std::make_shared<rapidjson::Document>(queryParams(terms, order_by));
  }
  if (context.notes) context.notes->method = "items_page";
  auto chain = std::make_shared<ItemsPageChain>(api, std::move(options), spec->board_id);
  if (workers <= 1 || request.limit) return std::make_unique<PagedSource>([chain]() { return chain->next(); });
  // The next page is fetched while the application reads this one.
  auto once = std::make_shared<bool>(false);
  ConcurrentPages::NextChain only_chain = [chain, once]() -> std::optional<ConcurrentPages::Chain> {
    if (std::exchange(*once, true)) return std::nullopt;
    return ConcurrentPages::Chain([chain] { return chain->next(); });
  };
  auto pages = std::make_shared<ConcurrentPages>(api, std::move(only_chain), 1, kReadAhead,
                                                 ConcurrentPages::Start::AfterFirstPage);
  return std::make_unique<PagedSource>([pages]() { return pages->next(); });
}

}  // namespace monday::schema::boards
