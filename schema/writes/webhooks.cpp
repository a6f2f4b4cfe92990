// Webhooks: INSERT = create_webhook, DELETE = delete_webhook (monday cannot change a webhook).
#include "schema/writes/writes.h"

namespace monday::schema {

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

}  // namespace monday::schema
