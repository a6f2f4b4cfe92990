// TimelineItems: the Emails & Activities timeline of items. monday answers one item per root
// field (timeline(id:)), a cursor page at a time.
#include <cmath>

#include "schema/paging/item_pages.h"
#include "schema/paging/per_object_fields.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

constexpr std::size_t kItemsPerRequest = 25;
constexpr int kTimelinePageSize = 100;  // timeline_items_page's maximum limit

// A call continues at a cursor; a page that carries one has a next page.
PerObjectField timelinesOfItems(const std::string& selection) {
  return {.operation = "TimelineItems",
          .per_request = kItemsPerRequest,
          .field =
              [selection](const PerObjectCall& call, const std::string& alias, RequestVariables& variables) {
                std::string field = alias + ": timeline(id: " + variables.add(alias, "ID!", call.id) + ") { ";
                std::string page_arguments = "limit: " + std::to_string(kTimelinePageSize);
                if (!call.continuation.empty()) {
                  page_arguments = "cursor: " + variables.add(alias + "_cursor", "String", call.continuation) + ", " +
                                   page_arguments;
                }
                return field + "timeline_items_page(" + page_arguments + ") { cursor timeline_items { " + selection +
                       " } } }";
              },
          .read = [](const PerObjectCall& call, rapidjson::Value& answer, Page& page,
                     rapidjson::Document::AllocatorType& allocator) -> std::optional<PerObjectCall> {
            // null: an item that is gone or that the token cannot see has no timeline.
            if (!answer.IsObject()) return std::nullopt;
            auto found = answer.FindMember("timeline_items_page");
            if (found == answer.MemberEnd() || !found->value.IsObject()) return std::nullopt;
            rapidjson::Value& timeline = found->value;
            if (rapidjson::Value* entries = arrayIn(timeline, "timeline_items")) {
              for (auto& entry : entries->GetArray()) {
                if (!entry.IsObject()) continue;
                entry.AddMember("@item_id", rapidjson::Value(call.id.c_str(), allocator), allocator);
                page.rows.push_back({&entry, nullptr});
              }
            }
            auto cursor = timeline.FindMember("cursor");
            if (cursor == timeline.MemberEnd() || !cursor->value.IsString() || cursor->value.GetStringLength() == 0) {
              return std::nullopt;
            }
            return PerObjectCall{call.id, cursor->value.GetString()};
          }};
}

}  // namespace

TableDef makeTimelineItemsTable() {
  TableDef table;
  table.name = "TimelineItems";
  table.description =
      "The Emails & Activities timeline of items (monday CRM): the activities logged on each item. "
      "monday reads one item's timeline at a time: filter by item_id or board_id, or every item of every board is "
      "asked.";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Timeline item id.",
       .nullable = false},
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
    auto field = timelinesOfItems(selectionFor(context.table.columns));
    if (auto items = constrainedIds(request, "item_id")) {
      if (items->empty()) return emptySource();
      if (context.notes) context.notes->method = "timeline(id:)";
      return scanPerObject(context, std::move(field), std::move(*items));
    }
    auto boards = constrainedIds(request, "board_id");
    if (boards && boards->empty()) return emptySource();
    return scanPerObject(context, std::move(field), {},
                         itemsOfBoards(context, {.operation = "TimelineItemIds", .selection = "id"},
                                       std::move(boards)));
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
