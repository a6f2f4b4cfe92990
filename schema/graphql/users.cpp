// Users: everyone in the account, whatever their status (filter on `status`).
#include "schema/paging/api_scan.h"
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
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "User id.", .nullable = false},
      {.name = "name", .description = "Full name.", .nullable = false},
      {.name = "email", .description = "Email address.", .size = 320},
      {.name = "title", .description = "Job title."},
      {.name = "kind", .description = "admin, member, guest or viewer (as monday reports it).", .size = 32},
      {.name = "status", .description = "ACTIVE, INACTIVE or PENDING.", .size = 16},
      {.name = "is_email_confirmed", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "Whether the email is confirmed."},
      {.name = "is_deleted", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "Whether the user was deleted."},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the user was created (UTC)."},
      {.name = "became_active_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the user became active (UTC)."},
      {.name = "last_activity", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "Last activity (UTC)."},
      {.name = "country_code", .description = "Country code.", .size = 8},
      {.name = "location", .description = "Location."},
      {.name = "phone", .description = "Phone number.", .size = 64},
      {.name = "mobile_phone", .description = "Mobile phone number.", .size = 64},
      {.name = "time_zone_identifier", .description = "Time zone, e.g. Europe/London.", .size = 64},
      {.name = "utc_hours_diff", .type = DataType::Double, .decode = Decode::Real,
       .description = "Offset from UTC in hours."},
      {.name = "current_language", .description = "Interface language.", .size = 16},
      {.name = "url", .description = "Profile link.", .size = 512},
      {.name = "account_id", .type = DataType::BigInt, .decode = Decode::Id,
       .description = "Account the user belongs to."},
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
