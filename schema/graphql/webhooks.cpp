// Webhooks: the webhooks of every board. monday lists them one board at a time
// (webhooks(board_id:)), so boards are asked for in batches of aliased fields in one request.
#include <cmath>

#include "schema/paging/per_object_fields.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

constexpr std::size_t kBoardsPerRequest = 25;

PerObjectField webhooksOfBoards(const std::string& selection) {
  return {.operation = "Webhooks",
          .per_request = kBoardsPerRequest,
          .field =
              [selection](const PerObjectCall& call, const std::string& alias, RequestVariables& variables) {
                const std::string board = variables.add(alias, "ID!", call.id);
                return alias + ": webhooks(board_id: " + board + ") { " + selection + " }";
              },
          .read = [](const PerObjectCall&, rapidjson::Value& answer, Page& page,
                     rapidjson::Document::AllocatorType&) -> std::optional<PerObjectCall> {
            if (answer.IsArray()) {
              for (auto& webhook : answer.GetArray()) {
                if (webhook.IsObject()) page.rows.push_back({&webhook, nullptr});
              }
            }
            return std::nullopt;  // webhooks(board_id:) answers every webhook at once
          }};
}

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
    auto field = webhooksOfBoards(selectionFor(context.table.columns));
    if (auto boards = constrainedIds(request, "board_id")) {
      if (boards->empty()) return emptySource();
      return scanPerObject(context, std::move(field), std::move(*boards));
    }
    // Every board the Boards table shows, so scans and joins on board_id agree.
    return scanPerObject(context, std::move(field), {},
                         rootObjects(context, {.operation = "WebhookBoards", .field = "boards",
                                               .fixed_arguments = std::string(kEveryBoard), .selection = "id",
                                               .page_size = 100}));
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
