// The audit-log events monday lists in its documentation (names as the API spells them). The REST
// API has no catalogue endpoint (REFERENCE §8), so with AuditLogSource=REST the AuditEvents table
// serves this list; with GraphQL it comes live from audit_event_catalogue.

#include <rapidjson/document.h>

#include "schema/auditlog/audit_api.h"

namespace monday::schema::auditlog {

namespace {

struct DocumentedEvent {
  const char* name;
  const char* description;
};

constexpr DocumentedEvent kEvents[] = {
    {"login", "A user signed in."},
    {"logout", "A user signed out."},
    {"failed-login", "A sign-in attempt failed."},
    {"forgot-password", "Someone asked for a password reset from the sign-in page."},
    {"export-board", "A user exported a board."},
    {"export-board-activity-log", "A user exported a board's activity log."},
    {"export-dashboard", "A user exported a dashboard."},
    {"export-account-data", "An admin exported the account's data."},
    {"export-content-directory", "An admin exported the content directory."},
    {"download-attachment", "A user downloaded a file."},
    {"user-invite", "A user invited someone to the account."},
    {"cancel-user-invite", "A pending invitation was cancelled."},
    {"user-role-change", "An admin changed a user's role."},
    {"user-deactivated", "An admin deactivated a user."},
    {"user-reactivated", "An admin reactivated a user."},
    {"user-details-deleted", "An admin deleted a user's details."},
    {"delete-board", "A user deleted a board."},
    {"delete-workspace", "A user deleted a workspace."},
    {"create-team", "A user created a team."},
    {"delete-team", "A user deleted a team."},
    {"add-user-to-team", "A user was added to a team."},
    {"remove-user-from-team", "A user was removed from a team."},
    {"add-user-to-product", "A user was given access to a monday product."},
    {"remove-user-from-product", "A user's access to a monday product was removed."},
    {"security-settings-change", "An admin changed the account's security settings."},
    {"board-broadcast-enabled", "A user made a board viewable by a public link."},
};

}  // namespace

Page documentedEventCatalogue() {
  auto document = std::make_shared<rapidjson::Document>(rapidjson::kArrayType);
  auto& allocator = document->GetAllocator();
  for (const auto& event : kEvents) {
    rapidjson::Value entry(rapidjson::kObjectType);
    entry.AddMember("name", rapidjson::StringRef(event.name), allocator);
    entry.AddMember("description", rapidjson::StringRef(event.description), allocator);
    entry.AddMember("metadata_details", rapidjson::Value(rapidjson::kNullType), allocator);
    document->PushBack(entry, allocator);
  }
  Page page;
  page.document = document;
  for (const auto& entry : document->GetArray()) page.rows.push_back({&entry, nullptr});
  return page;
}

}  // namespace monday::schema::auditlog
