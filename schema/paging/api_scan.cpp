#include "schema/paging/api_scan.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "driver/client/api_client.h"

namespace monday::schema {

const RowView* PagedSource::next() {
  while (!done_) {
    if (index_ < page_.rows.size()) return &page_.rows[index_++];
    std::optional<Page> page = fetch_();
    if (!page) {
      done_ = true;
      page_ = Page{};
      break;
    }
    page_ = std::move(*page);
    index_ = 0;
  }
  return nullptr;
}

namespace {

class EmptySource final : public RowSource {
 public:
  const RowView* next() override { return nullptr; }
};

}  // namespace

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

std::optional<std::vector<std::string>> constrainedIds(const ScanRequest& request, const std::string& column) {
  const auto* values = request.valuesFor(column);
  if (!values) return std::nullopt;
  auto chunks = chunkIds(idValues(*values), SIZE_MAX);  // one chunk: just de-duplicated
  return chunks.empty() ? std::vector<std::string>{} : std::move(chunks.front());
}

std::unique_ptr<RowSource> emptySource() { return std::make_unique<EmptySource>(); }

std::vector<std::string> idValues(const std::vector<Value>& values) {
  std::vector<std::string> ids;
  for (const auto& value : values) {
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      if (*integer > 0) ids.push_back(std::to_string(*integer));
    } else if (const auto* real = std::get_if<double>(&value)) {
      if (*real > 0 && std::floor(*real) == *real && *real < 9.2e18) {
        ids.push_back(std::to_string(static_cast<std::int64_t>(*real)));
      }
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      if (!text->empty() && text->size() <= 20 &&
          std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; })) {
        ids.push_back(*text);
      }
    }
  }
  return ids;
}

std::vector<std::vector<std::string>> chunkIds(const std::vector<std::string>& ids, std::size_t size) {
  std::vector<std::vector<std::string>> chunks;
  std::set<std::string> seen;
  for (const auto& id : ids) {
    if (!seen.insert(id).second) continue;
    if (chunks.empty() || chunks.back().size() >= size) chunks.emplace_back();
    chunks.back().push_back(id);
  }
  return chunks;
}

rapidjson::Value idArray(const std::vector<std::string>& ids, rapidjson::Document::AllocatorType& allocator) {
  rapidjson::Value array(rapidjson::kArrayType);
  for (const auto& id : ids) array.PushBack(rapidjson::Value(id.c_str(), allocator), allocator);
  return array;
}

const rapidjson::Value& listAt(const rapidjson::Value& data, const char* field) {
  static const rapidjson::Value kEmpty(rapidjson::kArrayType);
  if (!data.IsObject()) return kEmpty;
  auto it = data.FindMember(field);
  if (it == data.MemberEnd() || !it->value.IsArray()) return kEmpty;
  return it->value;
}

namespace {

const rapidjson::Value& dataOf(const rapidjson::Document& response) { return response["data"]; }

// Pages of one root field: chunk by chunk when values are pushed, else page by page.
struct RootPager {
  ScanContext context;  // a copy: the caller's context is a temporary
  RootQuery query;
  std::string document;
  std::vector<std::vector<std::string>> chunks;  // empty = no pushed argument
  std::size_t chunk = 0;
  int page = 1;
  bool finished = false;

  std::optional<ObjectPage> operator()() {
    if (finished) return std::nullopt;
    rapidjson::Document variables = variablesWith(query.variables);
    auto& allocator = variables.GetAllocator();
    int limit = query.page_size;
    const bool whole_chunk = !chunks.empty() && query.argument->one_row_per_value;
    if (!chunks.empty()) {
      variables.AddMember(rapidjson::Value(query.argument->argument.c_str(), allocator), idArray(chunks[chunk], allocator),
                          allocator);
      if (whole_chunk) limit = static_cast<int>(chunks[chunk].size());
    }
    if (query.page_size > 0) {
      variables.AddMember("limit", limit, allocator);
      variables.AddMember("page", page, allocator);
    }
    auto response = std::make_shared<rapidjson::Document>(context.api.query(document, variables));

    ObjectPage result;
    result.document = response;
    auto& data = (*response)["data"];
    auto found = data.FindMember(query.field.c_str());
    std::size_t count = 0;
    if (found != data.MemberEnd() && found->value.IsArray()) {
      count = found->value.Size();
      for (auto& object : found->value.GetArray()) {
        if (object.IsObject()) result.objects.push_back(&object);
      }
    }
    // A short page is the last one (REFERENCE §2.6); a whole id chunk is one page.
    const bool chunk_done = query.page_size <= 0 || whole_chunk || static_cast<int>(count) < limit;
    if (!chunk_done) {
      ++page;
    } else if (!chunks.empty() && ++chunk < chunks.size()) {
      page = 1;
    } else {
      finished = true;
    }
    return result;
  }
};

}  // namespace

std::vector<std::string> textValues(const std::vector<Value>& values) {
  std::vector<std::string> texts;
  for (const auto& value : values) {
    if (const auto* text = std::get_if<std::string>(&value)) {
      if (!text->empty()) texts.push_back(*text);
    } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      texts.push_back(std::to_string(*integer));
    }
  }
  return texts;
}

std::optional<std::pair<ListArgument, std::vector<std::string>>> pushedArgument(
    const ScanRequest& request, const std::vector<ListArgument>& candidates) {
  for (const auto& candidate : candidates) {
    const auto* values = request.valuesFor(candidate.column);
    if (!values) continue;
    const bool ids = candidate.type.find("ID") != std::string::npos;
    return std::make_pair(candidate, ids ? idValues(*values) : textValues(*values));
  }
  return std::nullopt;
}

ObjectPager rootObjects(ScanContext& context, RootQuery query) {
  RootPager pager{context, std::move(query), {}, {}, 0, 1, false};
  const RootQuery& q = pager.query;
  std::string declarations;
  std::string arguments;
  auto add = [](std::string& list, const std::string& text) {
    if (!list.empty()) list += ", ";
    list += text;
  };
  if (q.argument) {
    pager.chunks = chunkIds(q.values, q.argument->per_request);
    if (pager.chunks.empty()) pager.finished = true;  // nothing can match
    // The variable is named after the argument: `$ids`, `$workspace_ids` ...
    add(declarations, "$" + q.argument->argument + ": " + q.argument->type);
    add(arguments, q.argument->argument + ": $" + q.argument->argument);
  }
  if (q.page_size > 0) {
    add(declarations, "$limit: Int, $page: Int");
    add(arguments, "limit: $limit, page: $page");
  }
  if (!q.declarations.empty()) add(declarations, q.declarations);
  if (!q.fixed_arguments.empty()) add(arguments, q.fixed_arguments);
  pager.document = "query " + q.operation + (declarations.empty() ? "" : "(" + declarations + ")") + " { " + q.field +
                   (arguments.empty() ? "" : "(" + arguments + ")") + " { " + q.selection + " } }";
  return pager;
}

std::unique_ptr<RowSource> scanRootList(ScanContext& context, const ScanRequest& request, const RootList& list) {
  RootQuery query{.operation = list.operation, .field = list.field, .fixed_arguments = list.fixed_arguments,
                  .selection = selectionFor(context.table.columns), .page_size = list.page_size};
  std::vector<ListArgument> candidates{{.column = list.id_column, .argument = "ids", .type = "[ID!]",
                                        .per_request = list.ids_per_request, .one_row_per_value = true}};
  candidates.insert(candidates.end(), list.filters.begin(), list.filters.end());
  if (auto pushed = pushedArgument(request, candidates)) {
    if (pushed->second.empty()) return emptySource();
    query.argument = pushed->first;
    query.values = std::move(pushed->second);
    if (context.notes) context.notes->method = list.field + "(" + query.argument->argument + ":)";
  } else if (request.limit && *request.limit > 0 && *request.limit < query.page_size) {
    query.page_size = static_cast<int>(*request.limit);
  }
  return objectRows(rootObjects(context, std::move(query)));
}

std::unique_ptr<RowSource> objectRows(ObjectPager objects) {
  return std::make_unique<PagedSource>([objects = std::move(objects)]() -> std::optional<Page> {
    auto page = objects();
    if (!page) return std::nullopt;
    Page rows;
    rows.document = page->document;
    for (const auto* object : page->objects) rows.rows.push_back({object, nullptr});
    return rows;
  });
}

namespace {

class FilteredSource final : public RowSource {
 public:
  FilteredSource(std::unique_ptr<RowSource> source, std::function<bool(const RowView&)> keep)
      : source_(std::move(source)), keep_(std::move(keep)) {}
  const RowView* next() override {
    while (const RowView* row = source_->next()) {
      if (keep_(*row)) return row;
    }
    return nullptr;
  }

 private:
  std::unique_ptr<RowSource> source_;
  std::function<bool(const RowView&)> keep_;
};

}  // namespace

std::unique_ptr<RowSource> keepRows(std::unique_ptr<RowSource> source, std::function<bool(const RowView&)> keep) {
  return std::make_unique<FilteredSource>(std::move(source), std::move(keep));
}

ScanEstimate estimateRootList(const ScanShape& shape, const RootList& list, double typical_rows) {
  for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
    if (shape.constrained[i] == list.id_column) {
      double n = static_cast<double>(shape.in_list_sizes[i]);
      return {n, std::ceil(n / static_cast<double>(list.ids_per_request))};
    }
  }
  for (const auto& filter : list.filters) {
    for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
      if (shape.constrained[i] != filter.column) continue;
      // A filtered list is a fraction of the whole; still cheaper than listing everything.
      double rows = typical_rows / 4;
      double chunks = std::ceil(static_cast<double>(shape.in_list_sizes[i]) / static_cast<double>(filter.per_request));
      double pages = list.page_size > 0 ? std::max(1.0, std::ceil(rows / list.page_size)) : 1.0;
      return {rows, chunks * pages};
    }
  }
  double rows = typical_rows;
  if (shape.limit) rows = std::min(rows, static_cast<double>(*shape.limit));
  return {rows, list.page_size > 0 ? std::max(1.0, std::ceil(rows / list.page_size)) : 1.0};
}

std::unique_ptr<RowSource> scanRootPath(ScanContext& context, const std::string& operation, const std::string& path,
                                        const std::string& holder_fields) {
  std::vector<std::string> fields;
  for (std::size_t start = 0; start <= path.size();) {
    const std::size_t dot = std::min(path.find('.', start), path.size());
    fields.push_back(path.substr(start, dot - start));
    start = dot + 1;
  }
  std::string document = "query " + operation + " {";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i + 1 == fields.size() && !holder_fields.empty()) document += " " + holder_fields;
    document += " " + fields[i] + " {";
  }
  document += " " + selectionFor(context.table.columns);
  for (std::size_t i = 0; i <= fields.size(); ++i) document += " }";
  auto done = std::make_shared<bool>(false);
  ScanContext copy = context;
  return std::make_unique<PagedSource>([copy, document, fields, done]() mutable -> std::optional<Page> {
    if (*done) return std::nullopt;
    *done = true;
    rapidjson::Document variables(rapidjson::kObjectType);
    auto response = std::make_shared<rapidjson::Document>(copy.api.query(document, variables));
    Page page;
    page.document = response;
    // A null anywhere on the way (monday answers null for what the token may not read) is no rows.
    const rapidjson::Value* holder = nullptr;
    const rapidjson::Value* value = &(*response)["data"];
    for (const auto& field : fields) {
      if (!value->IsObject()) return page;
      auto found = value->FindMember(field.c_str());
      if (found == value->MemberEnd()) return page;
      holder = value;
      value = &found->value;
    }
    if (value->IsObject()) page.rows.push_back({value, holder});
    if (value->IsArray()) {
      for (const auto& element : value->GetArray()) {
        if (element.IsObject()) page.rows.push_back({&element, holder});
      }
    }
    return page;
  });
}

namespace {

struct BoardChildPager {
  ScanContext context;
  BoardChildList list;
  std::string document;
  std::vector<std::vector<std::string>> id_chunks;
  std::size_t chunk = 0;
  int page = 1;
  bool finished = false;

  std::optional<Page> operator()() {
    if (finished) return std::nullopt;
    auto response = std::make_shared<rapidjson::Document>();
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    int limit = list.boards_per_page;
    if (!id_chunks.empty()) {
      variables.AddMember("ids", idArray(id_chunks[chunk], allocator), allocator);
      limit = static_cast<int>(id_chunks[chunk].size());
    }
    variables.AddMember("limit", limit, allocator);
    variables.AddMember("page", page, allocator);
    *response = context.api.query(document, variables);

    Page result;
    result.document = response;
    const rapidjson::Value& boards = listAt(dataOf(*response), "boards");
    for (const auto& board : boards.GetArray()) {
      if (!board.IsObject()) continue;
      auto children = board.FindMember(list.field.c_str());
      if (children == board.MemberEnd() || !children->value.IsArray()) continue;
      for (const auto& child : children->value.GetArray()) {
        if (child.IsObject()) result.rows.push_back({&child, &board});
      }
    }
    if (!id_chunks.empty()) {
      if (++chunk >= id_chunks.size()) finished = true;
    } else if (static_cast<int>(boards.Size()) < limit) {
      finished = true;
    } else {
      ++page;
    }
    return result;
  }
};

}  // namespace

std::unique_ptr<RowSource> scanBoardChildren(ScanContext& context, const ScanRequest& request,
                                             const BoardChildList& list) {
  BoardChildPager pager{context, list, {}, {}, 0, 1, false};
  if (const auto* values = request.valuesFor(list.board_column)) {
    auto ids = idValues(*values);
    if (ids.empty()) return emptySource();
    pager.id_chunks = chunkIds(ids, static_cast<std::size_t>(list.boards_per_page));
  }
  pager.document = "query " + list.operation + "($ids: [ID!], $limit: Int, $page: Int) { boards(ids: $ids, limit: $limit, page: $page, " + std::string(kEveryBoard) + ") { id " +
                   list.field + " { " + selectionFor(context.table.columns) + " } } }";
  return std::make_unique<PagedSource>(std::move(pager));
}

ScanEstimate estimateBoardChildren(const ScanShape& shape, const BoardChildList& list, double rows_per_board) {
  for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
    if (shape.constrained[i] == list.board_column) {
      double boards = static_cast<double>(shape.in_list_sizes[i]);
      return {boards * rows_per_board, std::ceil(boards / list.boards_per_page)};
    }
  }
  return {200 * rows_per_board, std::ceil(200.0 / list.boards_per_page)};
}

}  // namespace monday::schema
