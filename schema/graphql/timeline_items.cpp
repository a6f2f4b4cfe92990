// TimelineItems: the Emails & Activities timeline of items (timeline(id:), one item per field).
// monday answers one item per root field, a cursor page at a time, so items are asked for in
// batches of aliased fields and an item whose page carried a cursor is followed up.
#include <cmath>
#include <deque>

#include "driver/client/api_client.h"
#include "schema/paging/api_scan.h"
#include "schema/paging/item_pages.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

constexpr std::size_t kItemsPerRequest = 25;
constexpr int kTimelinePageSize = 100;  // timeline_items_page's maximum limit

struct TimelineCursor {
  std::string item_id;
  std::string cursor;  // empty: the first page
};

class TimelineItemsSource final : public RowSource {
 public:
  TimelineItemsSource(ScanContext& context, std::vector<std::string> items, std::optional<ObjectPager> listing)
      : context_(context), listing_(std::move(listing)) {
    for (auto& item : items) pending_.push_back({std::move(item), ""});
  }

  const RowView* next() override {
    for (;;) {
      if (index_ < page_.rows.size()) return &page_.rows[index_++];
      page_ = Page{};
      index_ = 0;
      while (pending_.size() < kItemsPerRequest && listing_) {
        auto items = (*listing_)();
        if (!items) {
          listing_.reset();
          break;
        }
        for (const auto* item : items->objects) {
          auto id = item->FindMember("id");
          if (id != item->MemberEnd() && id->value.IsString()) pending_.push_back({id->value.GetString(), ""});
        }
      }
      if (pending_.empty()) return nullptr;
      fetchBatch();
    }
  }

 private:
  void fetchBatch() {
    std::vector<TimelineCursor> batch;
    while (!pending_.empty() && batch.size() < kItemsPerRequest) {
      batch.push_back(std::move(pending_.front()));
      pending_.pop_front();
    }
    std::string declarations, fields;
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    const std::string selection = selectionFor(context_.table.columns);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const std::string item = "i" + std::to_string(i), cursor = "c" + std::to_string(i);
      declarations += (i ? ", $" : "$") + item + ": ID!";
      std::string page_arguments = "limit: " + std::to_string(kTimelinePageSize);
      if (!batch[i].cursor.empty()) {
        declarations += ", $" + cursor + ": String";
        page_arguments = "cursor: $" + cursor + ", " + page_arguments;
        variables.AddMember(rapidjson::Value(cursor.c_str(), allocator),
                            rapidjson::Value(batch[i].cursor.c_str(), allocator), allocator);
      }
      fields += "t" + std::to_string(i) + ": timeline(id: $" + item + ") { timeline_items_page(" + page_arguments +
                ") { cursor timeline_items { " + selection + " } } } ";
      variables.AddMember(rapidjson::Value(item.c_str(), allocator),
                          rapidjson::Value(batch[i].item_id.c_str(), allocator), allocator);
    }
    page_.document = std::make_shared<rapidjson::Document>(
        context_.api.query("query TimelineItems(" + declarations + ") { " + fields + "}", variables));
    auto& data = (*page_.document)["data"];
    auto& out = page_.document->GetAllocator();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      auto timeline = data.FindMember(("t" + std::to_string(i)).c_str());
      // null: an item that is gone or that the token cannot see has no timeline.
      if (timeline == data.MemberEnd() || !timeline->value.IsObject()) continue;
      auto page = timeline->value.FindMember("timeline_items_page");
      if (page == timeline->value.MemberEnd() || !page->value.IsObject()) continue;
      auto items = page->value.FindMember("timeline_items");
      if (items != page->value.MemberEnd() && items->value.IsArray()) {
        for (auto& entry : items->value.GetArray()) {
          if (!entry.IsObject()) continue;
          entry.AddMember("@item_id", rapidjson::Value(batch[i].item_id.c_str(), out), out);
          page_.rows.push_back({&entry, nullptr});
        }
      }
      auto cursor = page->value.FindMember("cursor");
      if (cursor != page->value.MemberEnd() && cursor->value.IsString() && cursor->value.GetStringLength() > 0) {
        pending_.push_back({batch[i].item_id, cursor->value.GetString()});
      }
    }
  }

  ScanContext context_;
  std::deque<TimelineCursor> pending_;
  std::optional<ObjectPager> listing_;
  Page page_;
  std::size_t index_ = 0;
};

}  // namespace

TableDef makeTimelineItemsTable() {
  TableDef table;
  table.name = "TimelineItems";
  table.description =
      "The Emails & Activities timeline of items (monday CRM): activities logged on an item, newest first per item. "
      "monday reads one item's timeline at a time: filter by item_id or board_id, or every item of every board is "
      "asked.";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Timeline item id.", .nullable = false},
      {.name = "item_id", .type = DataType::BigInt, .path = "@item_id", .decode = Decode::Id,
       .description = "The item whose timeline it is on (Items.id).", .nullable = false},
      {.name = "board_id", .type = DataType::BigInt, .path = "board.id", .decode = Decode::Id,
       .description = "The item's board (Boards.id)."},
      {.name = "type", .description = "Kind of timeline item (monday documents \"activity\").", .size = 32},
      {.name = "title", .description = "Title.", .size = 512},
      {.name = "content", .type = DataType::LongVarchar, .description = "Content (HTML), if any."},
      {.name = "custom_activity_id", .description = "Its custom activity (CustomActivities.id).", .size = 64},
      {.name = "user_id", .type = DataType::BigInt, .path = "user.id", .decode = Decode::Id,
       .description = "Who logged it (Users.id)."},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When it was logged (UTC)."},
  };
  table.keys = {{"item_id", true}, {"board_id", true}};
  table.primary_key = {"id"};
  table.foreign_keys = {{{"item_id"}, "Items", {"id"}},
                        {{"board_id"}, "Boards", {"id"}},
                        {{"custom_activity_id"}, "CustomActivities", {"id"}},
                        {{"user_id"}, "Users", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) -> std::unique_ptr<RowSource> {
    if (const auto* items = request.valuesFor("item_id")) {
      auto ids = chunkIds(idValues(*items), SIZE_MAX);
      if (ids.empty()) return emptySource();
      if (context.notes) context.notes->method = "timeline(id:)";
      return std::make_unique<TimelineItemsSource>(context, std::move(ids.front()), std::nullopt);
    }
    std::optional<std::vector<std::string>> boards;
    if (const auto* values = request.valuesFor("board_id")) {
      auto ids = chunkIds(idValues(*values), SIZE_MAX);
      if (ids.empty()) return emptySource();
      boards = std::move(ids.front());
    }
    auto listing = itemsOfBoards(context, {.operation = "TimelineItemIds", .selection = "id"}, std::move(boards));
    return std::make_unique<TimelineItemsSource>(context, std::vector<std::string>{}, std::move(listing));
  };
  table.estimate = [](const ScanShape& shape) -> ScanEstimate {
    for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
      const double values = static_cast<double>(shape.in_list_sizes[i]);
      if (shape.constrained[i] == "item_id") return {values * 5, std::ceil(values / kItemsPerRequest)};
      if (shape.constrained[i] == "board_id") {
        return {values * 200, values * (1 + std::ceil(100.0 / kItemsPerRequest))};
      }
    }
    return {10'000, 20 + std::ceil(2'000.0 / kItemsPerRequest)};
  };
  return table;
}

}  // namespace monday::schema
