#include "schema/paging/nested_scan.h"

#include <cmath>
#include <deque>
#include <map>

#include "driver/client/api_client.h"
#include "schema/paging/item_pages.h"

namespace monday::schema {

namespace {

std::string responseKey(const ChildList& child) { return child.alias.empty() ? child.field : child.alias; }

// `alias: field(arguments, limit: N, page: <page>) { selection }`
std::string childText(const ChildList& child, const std::string& default_selection, const std::string& page) {
  std::string text = child.alias.empty() ? child.field : child.alias + ": " + child.field;
  std::string arguments = child.arguments;
  if (child.page_size > 0) {
    if (!arguments.empty()) arguments += ", ";
    arguments += "limit: " + std::to_string(child.page_size) + ", page: " + page;
  }
  if (!arguments.empty()) text += "(" + arguments + ")";
  return text + " { " + (child.selection.empty() ? default_selection : child.selection) + " } ";
}

std::string idOf(const rapidjson::Value& object) {
  auto id = object.FindMember("id");
  if (id == object.MemberEnd()) return {};
  if (id->value.IsString()) return id->value.GetString();
  if (id->value.IsInt64()) return std::to_string(id->value.GetInt64());
  return {};
}

class NestedSource final : public RowSource {
 public:
  NestedSource(ScanContext context, NestedScan scan, ObjectPager parents, std::string follow_up_root,
               std::string follow_up_arguments)
      : context_(context),
        scan_(std::move(scan)),
        parents_(std::move(parents)),
        follow_up_root_(std::move(follow_up_root)),
        follow_up_arguments_(std::move(follow_up_arguments)),
        default_selection_(selectionFor(context.table.columns)) {}

  const RowView* next() override {
    for (;;) {
      if (index_ < rows_.size()) return &rows_[index_++];
      rows_.clear();
      index_ = 0;
      if (!follow_ups_.empty()) {
        runFollowUp();
        continue;
      }
      auto page = parents_();
      if (!page) {
        parent_page_ = ObjectPage{};
        return nullptr;
      }
      parent_page_ = std::move(*page);
      for (auto* parent : parent_page_.objects) {
        for (std::size_t child = 0; child < scan_.children.size(); ++child) {
          auto list = parent->FindMember(responseKey(scan_.children[child]).c_str());
          if (list == parent->MemberEnd()) continue;
          takeRows(*parent, child, list->value, *parent_page_.document, 1);
        }
      }
    }
  }

 private:
  struct FollowUp {
    rapidjson::Value* parent;
    std::size_t child;
    int page;
  };

  void takeRows(rapidjson::Value& parent, std::size_t child_index, rapidjson::Value& list,
                rapidjson::Document& document, int page) {
    if (!list.IsArray()) return;
    const ChildList& child = scan_.children[child_index];
    auto& allocator = document.GetAllocator();
    for (auto& row : list.GetArray()) {
      if (!row.IsObject()) continue;
      for (const auto& [member, value] : child.labels) {
        row.AddMember(rapidjson::Value(member.c_str(), allocator), rapidjson::Value(value.c_str(), allocator), allocator);
      }
      if (scan_.annotate) scan_.annotate(row, allocator);
      rows_.push_back({&row, &parent});
    }
    if (child.page_size > 0 && static_cast<int>(list.Size()) >= child.page_size) {
      follow_ups_.push_back({&parent, child_index, page + 1});
    }
  }

  // The next page of one parent's list, asked of that parent alone.
  void runFollowUp() {
    FollowUp follow_up = follow_ups_.front();
    follow_ups_.pop_front();
    const std::string parent_id = idOf(*follow_up.parent);
    if (parent_id.empty()) return;
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    if (scan_.variables && scan_.variables->IsObject()) {
      for (const auto& member : scan_.variables->GetObject()) {
        variables.AddMember(rapidjson::Value(member.name, allocator), rapidjson::Value(member.value, allocator), allocator);
      }
    }
    variables.AddMember("ids", idArray({parent_id}, allocator), allocator);
    variables.AddMember("page", follow_up.page, allocator);
    follow_up_document_ = std::make_shared<rapidjson::Document>(
        context_.api.query(followUpDocument(follow_up.child), variables));
    auto& data = (*follow_up_document_)["data"];
    auto parents = data.FindMember(follow_up_root_.c_str());
    if (parents == data.MemberEnd() || !parents->value.IsArray() || parents->value.Empty()) return;
    auto& fresh = parents->value[0];
    if (!fresh.IsObject()) return;
    auto list = fresh.FindMember(responseKey(scan_.children[follow_up.child]).c_str());
    if (list == fresh.MemberEnd()) return;
    // Rows keep the parent of the first page, which holds every field '^' columns read.
    takeRows(*follow_up.parent, follow_up.child, list->value, *follow_up_document_, follow_up.page);
  }

  const std::string& followUpDocument(std::size_t child) {
    auto found = follow_up_documents_.find(child);
    if (found != follow_up_documents_.end()) return found->second;
    std::string arguments = "ids: $ids";
    if (!follow_up_arguments_.empty()) arguments += ", " + follow_up_arguments_;
    std::string document = "query " + scan_.operation + "More($ids: [ID!], $page: Int" +
                           (scan_.declarations.empty() ? "" : ", " + scan_.declarations) + ") { " + follow_up_root_ +
                           "(" + arguments + ") { id " + childText(scan_.children[child], default_selection_, "$page") +
                           "} }";
    return follow_up_documents_.emplace(child, std::move(document)).first->second;
  }

  ScanContext context_;
  NestedScan scan_;
  ObjectPager parents_;
  std::string follow_up_root_;
  std::string follow_up_arguments_;
  std::string default_selection_;
  ObjectPage parent_page_;
  std::shared_ptr<rapidjson::Document> follow_up_document_;
  std::deque<FollowUp> follow_ups_;
  std::map<std::size_t, std::string> follow_up_documents_;
  std::vector<RowView> rows_;
  std::size_t index_ = 0;
};

}  // namespace

std::unique_ptr<RowSource> scanNested(ScanContext& context, const ScanRequest& request, NestedScan scan) {
  const std::string default_selection = selectionFor(context.table.columns);
  std::string selection;
  auto addSelection = [&selection](const std::string& text) {
    if (text.empty()) return;
    if (!selection.empty()) selection += " ";
    selection += text;
  };
  std::string fields;
  for (const auto& child : scan.children) {
    addSelection(childText(child, default_selection, "1"));
    fields += (fields.empty() ? "" : " ") + child.field;
  }
  auto note = [&context, &fields](const std::string& parents) {
    if (context.notes) context.notes->method = parents + " { " + fields + " }";
  };

  if (const auto* root = std::get_if<RootParents>(&scan.parents)) {
    RootQuery query{.operation = scan.operation, .field = root->field, .fixed_arguments = root->arguments,
                    .selection = "id " + (root->selection.empty() ? "" : root->selection + " ") + selection,
                    .page_size = root->per_page, .declarations = scan.declarations, .variables = scan.variables};
    if (!root->key_column.empty()) {
      if (auto pushed = pushedArgument(request, {{.column = root->key_column, .per_request = root->ids_per_request,
                                                  .one_row_per_value = true}})) {
        if (pushed->second.empty()) return emptySource();
        query.argument = pushed->first;
        query.values = std::move(pushed->second);
      }
    }
    note(root->field + (query.argument ? "(ids:)" : ""));
    ObjectPager parents = rootObjects(context, std::move(query));
    std::string field = root->field;
    std::string arguments = root->arguments;
    return std::make_unique<NestedSource>(context, std::move(scan), std::move(parents), field, arguments);
  }

  const auto& items = std::get<ItemParents>(scan.parents);
  ItemPagesOptions options{.operation = scan.operation,
                           .selection = "id " + (items.selection.empty() ? "" : items.selection + " ") + selection,
                           .page_size = items.per_page, .ids_per_request = items.ids_per_request,
                           .any_state_by_id = items.any_state_by_id, .declarations = scan.declarations,
                           .variables = scan.variables};
  ObjectPager parents;
  const auto* item_ids = items.item_column.empty() ? nullptr : request.valuesFor(items.item_column);
  const auto* board_ids = items.board_column.empty() ? nullptr : request.valuesFor(items.board_column);
  if (item_ids) {
    auto ids = idValues(*item_ids);
    if (ids.empty()) return emptySource();
    note("items(ids:)");
    parents = itemsByIds(context, std::move(options), std::move(ids));
  } else if (board_ids) {
    auto ids = idValues(*board_ids);
    if (ids.empty()) return emptySource();
    note("items_page");
    parents = itemsOfBoards(context, std::move(options), std::move(ids));
  } else {
    note("boards + items_page");
    parents = itemsOfBoards(context, std::move(options), std::nullopt);
  }
  return std::make_unique<NestedSource>(context, std::move(scan), std::move(parents), "items", "");
}

ScanEstimate estimateNested(const ScanShape& shape, const NestedScan& scan, double rows_per_parent,
                            double typical_parents) {
  auto constrainedCount = [&shape](const std::string& column) -> std::optional<double> {
    for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
      if (!column.empty() && shape.constrained[i] == column) return static_cast<double>(shape.in_list_sizes[i]);
    }
    return std::nullopt;
  };
  if (const auto* root = std::get_if<RootParents>(&scan.parents)) {
    if (auto n = constrainedCount(root->key_column)) {
      return {*n * rows_per_parent, std::ceil(*n / static_cast<double>(root->ids_per_request))};
    }
    double pages = root->per_page > 0 ? std::ceil(typical_parents / root->per_page) : 1;
    return {typical_parents * rows_per_parent, std::max(1.0, pages)};
  }
  const auto& items = std::get<ItemParents>(scan.parents);
  if (auto n = constrainedCount(items.item_column)) {
    return {*n * rows_per_parent, std::ceil(*n / static_cast<double>(items.ids_per_request))};
  }
  constexpr double kItemsPerBoard = 200;
  if (auto n = constrainedCount(items.board_column)) {
    return {*n * kItemsPerBoard * rows_per_parent, itemPageRequests(*n, kItemsPerBoard, items.per_page)};
  }
  return {typical_parents * rows_per_parent, itemPageRequests(std::nullopt, kItemsPerBoard, items.per_page)};
}

}  // namespace monday::schema
