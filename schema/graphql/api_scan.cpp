#include "schema/graphql/api_scan.h"

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

// Pages of a root list for one id chunk (or the whole list when `ids` is empty).
struct RootListPager {
  ScanContext context;  // a copy: the caller's context is a temporary
  RootList list;
  std::string document;
  std::vector<std::vector<std::string>> id_chunks;  // empty = no ids
  std::size_t chunk = 0;
  int page = 1;
  int page_size;
  bool finished = false;

  std::optional<Page> operator()() {
    if (finished) return std::nullopt;
    auto response = std::make_shared<rapidjson::Document>();
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    int limit = page_size;
    if (!id_chunks.empty()) {
      const auto& ids = id_chunks[chunk];
      variables.AddMember("ids", idArray(ids, allocator), allocator);
      limit = static_cast<int>(ids.size());
    }
    variables.AddMember("limit", limit, allocator);
    variables.AddMember("page", page, allocator);
    *response = context.api.query(document, variables);

    Page result;
    result.document = response;
    const rapidjson::Value& rows = listAt(dataOf(*response), list.field.c_str());
    for (const auto& row : rows.GetArray()) {
      if (row.IsObject()) result.rows.push_back({&row, nullptr});
    }
    if (!id_chunks.empty()) {
      // With ids, one page of `limit = ids` answers the chunk.
      if (++chunk >= id_chunks.size()) finished = true;
    } else if (static_cast<int>(rows.Size()) < limit) {
      finished = true;  // a short page is the last one (REFERENCE §2.6)
    } else {
      ++page;
    }
    return result;
  }
};

}  // namespace

std::unique_ptr<RowSource> scanRootList(ScanContext& context, const ScanRequest& request, const RootList& list) {
  RootListPager pager{context, list, {}, {}, 0, 1, list.page_size, false};
  if (const auto* values = request.valuesFor(list.id_column)) {
    auto ids = idValues(*values);
    if (ids.empty()) return emptySource();
    pager.id_chunks = chunkIds(ids, list.ids_per_request);
  }
  if (request.limit && *request.limit > 0 && *request.limit < pager.page_size) {
    pager.page_size = static_cast<int>(*request.limit);
  }
  const std::string fixed = list.fixed_arguments.empty() ? "" : ", " + list.fixed_arguments;
  pager.document = "query " + list.operation + "($ids: [ID!], $limit: Int, $page: Int) { " + list.field +
                   "(ids: $ids, limit: $limit, page: $page" + fixed + ") { " +
                   selectionFor(context.table.columns) + " } }";
  return std::make_unique<PagedSource>(std::move(pager));
}

ScanEstimate estimateRootList(const ScanShape& shape, const RootList& list, double typical_rows) {
  for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
    if (shape.constrained[i] == list.id_column) {
      double n = static_cast<double>(shape.in_list_sizes[i]);
      return {n, std::ceil(n / static_cast<double>(list.ids_per_request))};
    }
  }
  double rows = typical_rows;
  if (shape.limit) rows = std::min(rows, static_cast<double>(*shape.limit));
  return {rows, std::max(1.0, std::ceil(rows / list.page_size))};
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
  pager.document = "query " + list.operation + "($ids: [ID!], $limit: Int, $page: Int) { boards(ids: $ids, limit: $limit, page: $page, state: all) { id " +
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
