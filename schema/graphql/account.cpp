// Account: the account the token belongs to, one row.
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

TableDef makeAccountTable() {
  TableDef table;
  table.name = "Account";
  table.description = "The monday account the token belongs to (one row): plan, tier, slug and settings.";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Account id.", .nullable = false},
      {.name = "name", .description = "Account name.", .nullable = false},
      {.name = "slug",
       .description = "Account slug: the subdomain of <slug>.monday.com, also the AuditLog API host.",
       .size = 128, .nullable = false},
      {.name = "tier", .description = "Account tier (free, basic, standard, pro, enterprise).", .size = 32},
      {.name = "country_code", .description = "Two-letter ISO 3166 country code.", .size = 8},
      {.name = "created_at", .type = DataType::Timestamp, .decode = Decode::Timestamp,
       .description = "When the account was created (UTC)."},
      {.name = "active_members_count", .type = DataType::Integer, .decode = Decode::Integer,
       .description = "Number of active member users."},
      {.name = "first_day_of_the_week", .description = "sunday or monday.", .size = 16},
      {.name = "is_during_trial", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "Whether the account is in its free trial."},
      {.name = "is_trial_expired", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "Whether the trial has expired."},
      {.name = "show_timeline_weekends", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "Whether timelines show weekends."},
      {.name = "sign_up_product_kind", .description = "The product the account first signed up for.", .size = 64},
      {.name = "logo", .description = "Link to the account logo.", .size = 512},
      {.name = "plan_tier", .path = "plan.tier", .description = "Tier of the payment plan.", .size = 32},
      {.name = "plan_period", .path = "plan.period", .description = "Billing period of the plan.", .size = 32},
      {.name = "plan_max_users", .type = DataType::Integer, .path = "plan.max_users", .decode = Decode::Integer,
       .description = "Seats the plan includes."},
      {.name = "plan_version", .type = DataType::Integer, .path = "plan.version", .decode = Decode::Integer,
       .description = "Version of the plan."},
  };
  table.primary_key = {"id"};
  table.scan = [](ScanContext& context, const ScanRequest&) { return scanRootPath(context, "Account", "account"); };
  table.estimate = [](const ScanShape&) { return ScanEstimate{1, 1}; };
  return table;
}

}  // namespace monday::schema
