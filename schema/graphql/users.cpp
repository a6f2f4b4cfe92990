// Users: everyone in the account, whatever their status (filter on `status`).
#include "schema/graphql/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

// users() defaults to ACTIVE and PENDING only; ask for every status so the table is complete and
// `WHERE status = 'INACTIVE'` finds deactivated users.
const RootList kUsers{.operation = "Users", .field = "users",
                      .fixed_arguments = "status: [ACTIVE, INACTIVE, PENDING]", .page_size = 500,
                      .ids_per_request = 500};

}  // namespace

TableDef makeUsersTable() {
  TableDef table;
  table.name = "Users";
  table.description = "Users of the account: members, guests and viewers, in every status.";
  table.columns = {
      {"id", DataType::BigInt, "id", Decode::Id, "User id.", 0, false},
      {"name", DataType::Varchar, "name", Decode::Text, "Full name.", 0, false},
      {"email", DataType::Varchar, "email", Decode::Text, "Email address.", 320},
      {"title", DataType::Varchar, "title", Decode::Text, "Job title."},
      {"kind", DataType::Varchar, "kind", Decode::Text, "admin, member, guest or viewer (as monday reports it).", 32},
      {"status", DataType::Varchar, "status", Decode::Text, "ACTIVE, INACTIVE or PENDING.", 16},
      {"is_email_confirmed", DataType::Bit, "is_email_confirmed", Decode::Boolean, "Whether the email is confirmed."},
      {"is_deleted", DataType::Bit, "is_deleted", Decode::Boolean, "Whether the user was deleted."},
      {"created_at", DataType::Timestamp, "created_at", Decode::Timestamp, "When the user was created (UTC)."},
      {"became_active_at", DataType::Timestamp, "became_active_at", Decode::Timestamp,
       "When the user became active (UTC)."},
      {"last_activity", DataType::Timestamp, "last_activity", Decode::Timestamp, "Last activity (UTC)."},
      {"country_code", DataType::Varchar, "country_code", Decode::Text, "Country code.", 8},
      {"location", DataType::Varchar, "location", Decode::Text, "Location."},
      {"phone", DataType::Varchar, "phone", Decode::Text, "Phone number.", 64},
      {"mobile_phone", DataType::Varchar, "mobile_phone", Decode::Text, "Mobile phone number.", 64},
      {"time_zone_identifier", DataType::Varchar, "time_zone_identifier", Decode::Text, "Time zone, e.g. Europe/London.", 64},
      {"utc_hours_diff", DataType::Double, "utc_hours_diff", Decode::Real, "Offset from UTC in hours."},
      {"current_language", DataType::Varchar, "current_language", Decode::Text, "Interface language.", 16},
      {"url", DataType::Varchar, "url", Decode::Text, "Profile link.", 512},
      {"account_id", DataType::BigInt, "account_id", Decode::Id, "Account the user belongs to."},
  };
  table.keys = {{"id", true}};
  table.primary_key = {"id"};
  table.scan = [](ScanContext& context, const ScanRequest& request) {
    return scanRootList(context, request, kUsers);
  };
  table.estimate = [](const ScanShape& shape) { return estimateRootList(shape, kUsers, 200); };
  return table;
}

}  // namespace monday::schema
