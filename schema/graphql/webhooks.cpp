// Webhooks: the webhooks of every board. monday lists them one board at a time
// (webhooks(board_id:)), so boards are asked for in batches of aliased fields in one request.
#include <cmath>
#include <deque>

#include "driver/client/api_client.h"
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

constexpr std::size_t kBoardsPerRequest = 25;

class WebhooksSource final : public RowSource {
 public:
  WebhooksSource(ScanContext& context, std::vector<std::string> boards, bool list_boards)
      : context_(context), pending_(boards.begin(), boards.end()) {
    if (list_boards) {
      // Every board the Boards table shows, so scans and joins on board_id agree.
      listing_ = rootObjects(context, {.operation = "WebhookBoards", .field = "boards", .fixed_arguments = "state: all",
                                       .selection = "id", .page_size = 100});
    }
  }

  const RowView* next() override {
    for (;;) {
      if (index_ < page_.rows.size()) return &page_.rows[index_++];
      page_ = Page{};
      index_ = 0;
      while (pending_.size() < kBoardsPerRequest && listing_) {
        auto boards = (*listing_)();
        if (!boards) {
          listing_.reset();
          break;
        }
        for (const auto* board : boards->objects) {
          auto id = board->FindMember("id");
          if (id != board->MemberEnd() && id->value.IsString()) pending_.emplace_back(id->value.GetString());
        }
      }
      if (pending_.empty()) return nullptr;
      fetchBatch();
    }
  }

 private:
  void fetchBatch() {
    std::vector<std::string> batch;
    while (!pending_.empty() && batch.size() < kBoardsPerRequest) {
      batch.push_back(std::move(pending_.front()));
      pending_.pop_front();
    }
    std::string declarations, fields;
    rapidjson::Document variables(rapidjson::kObjectType);
    auto& allocator = variables.GetAllocator();
    const std::string selection = selectionFor(context_.table.columns);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const std::string alias = "b" + std::to_string(i);
      declarations += (i ? ", $" : "$") + alias + ": ID!";
      fields += alias + ": webhooks(board_id: $" + alias + ") { " + selection + " } ";
      variables.AddMember(rapidjson::Value(alias.c_str(), allocator), rapidjson::Value(batch[i].c_str(), allocator),
                          allocator);
    }
    page_.document = std::make_shared<rapidjson::Document>(
        context_.api.query("query Webhooks(" + declarations + ") { " + fields + "}", variables));
    const auto& data = (*page_.document)["data"];
    for (std::size_t i = 0; i < batch.size(); ++i) {
      for (const auto& webhook : listAt(data, ("b" + std::to_string(i)).c_str()).GetArray()) {
        if (webhook.IsObject()) page_.rows.push_back({&webhook, nullptr});
      }
    }
  }

  ScanContext context_;
  std::deque<std::string> pending_;
  std::optional<ObjectPager> listing_;
  Page page_;
  std::size_t index_ = 0;
};

// Webhooks: INSERT = create_webhook, DELETE = delete_webhook (monday cannot change a webhook).
TableWrites webhooksWrites() {
  TableWrites writes;
  writes.insert_columns = {"board_id", "url", "event", "config"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("board_id", "INSERT into Webhooks");
    row.require("url", "INSERT into Webhooks");
    row.require("event", "INSERT into Webhooks");
    MutationCall call{"create_webhook", {idArgument("board_id", row.id("board_id")), stringArgument("url", row.text("url")),
                                         enumArgument("event", "WebhookEventType!", row.text("event"))}};
    if (!row.isNull("config")) call.arguments.push_back(jsonArgument("config", row.text("config")));
    return {call};
  };
  writes.remove = [](const RowValues& row) -> std::vector<MutationCall> {
    return {{"delete_webhook", {idArgument("id", row.id("id"))}}};
  };
  writes.insert_summary =
      "subscribes url to event on board_id (create_webhook; monday first sends url a challenge it must echo); config is "
      "the event's JSON settings.";
  writes.delete_summary = "removes the webhook (delete_webhook).";
  return writes;
}

}  // namespace

TableDef makeWebhooksTable() {
  TableDef table;
  table.name = "Webhooks";
  table.description = "Webhooks registered on every board: which event they listen to and their config.";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Webhook id.", .nullable = false},
      {.name = "board_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "Board the webhook listens on.", .nullable = false},
      {.name = "event", .description = "Event it fires on (create_item, change_column_value ...).", .size = 64,
       .nullable = false},
      {.name = "config", .type = DataType::LongVarchar, .decode = Decode::Json,
       .description = "Its config as JSON (e.g. {\"columnId\":\"status\"}), if any."},
      {.name = "url", .path = "@url",
       .description = "Write-only: the URL monday posts the events to, given with INSERT. monday never returns it, so it reads as NULL.",
       .size = 512},
  };
  table.keys = {{"board_id", true}};
  table.primary_key = {"id"};
  table.foreign_keys = {{{"board_id"}, "Boards", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) -> std::unique_ptr<RowSource> {
    if (const auto* boards = request.valuesFor("board_id")) {
      auto ids = chunkIds(idValues(*boards), SIZE_MAX);
      if (ids.empty()) return emptySource();
      return std::make_unique<WebhooksSource>(context, std::move(ids.front()), false);
    }
    return std::make_unique<WebhooksSource>(context, std::vector<std::string>{}, true);
  };
  table.estimate = [](const ScanShape& shape) -> ScanEstimate {
    for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
      if (shape.constrained[i] == "board_id") {
        double boards = static_cast<double>(shape.in_list_sizes[i]);
        return {boards, std::ceil(boards / kBoardsPerRequest)};
      }
    }
    return {200, 2 + std::ceil(200.0 / kBoardsPerRequest)};
  };
  table.writes = webhooksWrites();
  return table;
}

}  // namespace monday::schema
