// GetAccount: the account the connection's token belongs to, one row. Reads only.
#include "driver/client/api_client.h"
#include "procedures/graphql_call.h"

namespace monday::procedures {

ProcedureDef makeGetAccountProcedure() {
  ProcedureDef procedure;
  procedure.name = "GetAccount";
  procedure.description = "The monday account the connection's user belongs to: name, slug, tier, plan and settings. "
                          "One row; reads only.";
  procedure.results = {
      {"account_id", DataType::BigInt, "The account's id."},
      {"account_name", DataType::Varchar, "The account's name."},
      {"slug", DataType::Varchar, "Its subdomain (<slug>.monday.com)."},
      {"tier", DataType::Varchar, "Its tier (free, basic, standard, pro, enterprise ...).", 32},
      {"plan_max_users", DataType::Integer, "The plan's seat count."},
      {"plan_period", DataType::Varchar, "The plan's billing period (monthly, yearly ...).", 32},
      {"plan_tier", DataType::Varchar, "The plan's tier.", 32},
      {"plan_version", DataType::Integer, "The plan's version."},
      {"country_code", DataType::Varchar, "The account's country (ISO 3166-1 alpha-2).", 8},
      {"first_day_of_the_week", DataType::Varchar, "monday or sunday.", 16},
      {"active_members_count", DataType::Integer, "How many members are active."},
      {"logo", DataType::Varchar, "URL of the account's logo; NULL when it has none."},
      {"show_timeline_weekends", DataType::Bit, "1: timelines show weekends."},
      {"sign_up_product_kind", DataType::Varchar, "The product the account signed up with (core, crm, software ...).",
       64},
      {"is_during_trial", DataType::Bit, "1: the account is in a trial."},
      {"is_trial_expired", DataType::Bit, "1: its trial has expired."},
      {"created_at", DataType::Date, "When the account was created."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments&) {
    static const std::string kDocument =
        "query GetAccount { account { id name slug tier plan { max_users period tier version } country_code "
        "first_day_of_the_week active_members_count logo show_timeline_weekends sign_up_product_kind "
        "is_during_trial is_trial_expired created_at } }";
    const rapidjson::Document response = context.api.query(kDocument, Variables().json());
    return Rows{rowFromJson(dataField(response, "account", "GetAccount"),
                            {{"id", schema::Decode::Id},
                             {"name", schema::Decode::Text},
                             {"slug", schema::Decode::Text},
                             {"tier", schema::Decode::Text},
                             {"plan.max_users", schema::Decode::Integer},
                             {"plan.period", schema::Decode::Text},
                             {"plan.tier", schema::Decode::Text},
                             {"plan.version", schema::Decode::Integer},
                             {"country_code", schema::Decode::Text},
                             {"first_day_of_the_week", schema::Decode::Text},
                             {"active_members_count", schema::Decode::Integer},
                             {"logo", schema::Decode::Text},
                             {"show_timeline_weekends", schema::Decode::Boolean},
                             {"sign_up_product_kind", schema::Decode::Text},
                             {"is_during_trial", schema::Decode::Boolean},
                             {"is_trial_expired", schema::Decode::Boolean},
                             {"created_at", schema::Decode::Date}})};
  };
  return procedure;
}

}  // namespace monday::procedures
