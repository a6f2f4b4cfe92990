// CreateNotification: sends a notification to a user about an item or board (target type
// Project) or an update (Post). monday sends it as the token's user.
#include "driver/common/error.h"
#include "procedures/graphql_call.h"

namespace monday::procedures {

ProcedureDef makeCreateNotificationProcedure() {
  ProcedureDef procedure;
  procedure.name = "CreateNotification";
  procedure.description = "Sends a monday notification (the bell) to a user about an item, a board or an update.";
  procedure.mutating = true;
  procedure.parameters = {
      {"UserId", DataType::BigInt, true, {}, "The user to notify."},
      {"TargetId", DataType::BigInt, true, {}, "The item or board (TargetType Project) or update (Post)."},
      {"Text", DataType::Varchar, true, {}, "The notification text."},
      {"TargetType", DataType::Varchar, false, std::string("Project"),
       "Project (an item or a board) or Post (an update)."},
  };
  procedure.results = {
      {"notification_id", DataType::Varchar, "The notification's id.", 64},
      {"notification_text", DataType::Varchar, "The text monday stored for the notification."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation CreateNotification($user: ID!, $target: ID!, $text: String!, $type: NotificationTargetType!) { "
        "create_notification(user_id: $user, target_id: $target, text: $text, target_type: $type) { id text } }";
    const std::string given_type = arguments.text("TargetType").value_or("Project");
    std::string type;
    for (std::string_view known : {"Project", "Post"}) {
      if (sameName(given_type, known)) type = known;
    }
    if (type.empty()) {
      throw Error(sqlstate::kInvalidCharacterValue, "CreateNotification: TargetType '" + given_type +
                                                        "' is neither Project (an item or board) nor Post (an update).");
    }
    Variables variables;
    variables.set("user", arguments.requiredId("UserId"))
        .set("target", arguments.requiredId("TargetId"))
        .set("text", arguments.requiredText("Text"))
        .set("type", type);
    return mutateOneRow(context, "CreateNotification", kDocument, variables, "create_notification",
                        {{"id", schema::Decode::Text}, {"text", schema::Decode::Text}});
  };
  return procedure;
}

}  // namespace monday::procedures
