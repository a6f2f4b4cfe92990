// Account: the account the token belongs to, one row.
#include "schema/graphql/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

TableDef makeAccountTable() {
  TableDef table;
  table.name = "Account";
  table.description = "The monday account the token belongs to (one row): plan, tier, slug and settings.";
  table.columns = {
      {"id", DataType::BigInt, "id", Decode::Id, "Account id.", 0, false},
      {"name", DataType::Varchar, "name", Decode::Text, "Account name.", 0, false},
      {"slug", DataType::Varchar, "slug", Decode::Text,
       "Account slug: the subdomain of <slug>.monday.com, also the AuditLog API host.", 128, false},
      {"tier", DataType::Varchar, "tier", Decode::Text, "Account tier (free, basic, standard, pro, enterprise).", 32},
      {"country_code", DataType::Varchar, "country_code", Decode::Text, "Two-letter ISO 3166 country code.", 8},
      {"created_at", DataType::Timestamp, "created_at", Decode::Timestamp, "When the account was created (UTC)."},
      {"active_members_count", DataType::Integer, "active_members_count", Decode::Integer,
       "Number of active member users."},
      {"first_day_of_the_week", DataType::Varchar, "first_day_of_the_week", Decode::Text, "sunday or monday.", 16},
      {"is_during_trial", DataType::Bit, "is_during_trial", Decode::Boolean, "Whether the account is in its free trial."},
      {"is_trial_expired", DataType::Bit, "is_trial_expired", Decode::Boolean, "Whether the trial has expired."},
      {"show_timeline_weekends", DataType::Bit, "show_timeline_weekends", Decode::Boolean,
       "Whether timelines show weekends."},
      {"sign_up_product_kind", DataType::Varchar, "sign_up_product_kind", Decode::Text,
       "The product the account first signed up for.", 64},
      {"logo", DataType::Varchar, "logo", Decode::Text, "Link to the account logo.", 512},
      {"plan_tier", DataType::Varchar, "plan.tier", Decode::Text, "Tier of the payment plan.", 32},
      {"plan_period", DataType::Varchar, "plan.period", Decode::Text, "Billing period of the plan.", 32},
      {"plan_max_users", DataType::Integer, "plan.max_users", Decode::Integer, "Seats the plan includes."},
      {"plan_version", DataType::Integer, "plan.version", Decode::Integer, "Version of the plan."},
  };
  table.primary_key = {"id"};
  table.scan = [](ScanContext& context, const ScanRequest&) { return scanRootObject(context, "Account", "account"); };
  table.estimate = [](const ScanShape&) { return ScanEstimate{1, 1}; };
  return table;
}

}  // namespace monday::schema
