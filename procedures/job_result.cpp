#include "procedures/job_result.h"

#include <cctype>
#include <set>
#include <string>

#include "driver/common/error.h"

namespace monday::procedures {

namespace {

Value textOrNull(const std::string& text) { return text.empty() ? Value() : Value(text); }

// "1, 2,3" -> {"1", "2", "3"}; 22018 for anything that is not a list of ids.
std::vector<std::string> itemIdList(std::string_view procedure, const std::string& text) {
  std::vector<std::string> ids;
  std::set<std::string> seen;
  std::string current;
  auto finish = [&] {
    if (current.empty()) {
      throw Error(sqlstate::kInvalidCharacterValue,
                  std::string(procedure) + ": ItemIds must be item ids separated by commas (e.g. '9000000031, 9000000032'); "
                                           "it has an empty entry. Nothing was sent to monday.");
    }
    if (seen.insert(current).second) ids.push_back(current);
    current.clear();
  };
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) current += c;
    else if (c == ',') finish();
    else if (!std::isspace(static_cast<unsigned char>(c))) {
      throw Error(sqlstate::kInvalidCharacterValue,
                  std::string(procedure) + ": ItemIds must be item ids separated by commas; '" + std::string(1, c) +
                      "' is not part of an id. Nothing was sent to monday.");
    }
  }
  finish();
  return ids;
}

}  // namespace

std::vector<ResultColumnDef> jobResultColumns() {
  return {
      {"job_id", DataType::BigInt, "The job's id."},
      {"status", DataType::Varchar, "PENDING, RUNNING, COMPLETED, FAILED, EXPIRED or CANCELLED.", 16},
      {"error", DataType::Varchar, "Why the job failed; NULL otherwise."},
      {"total", DataType::Integer, "Items the job was given; NULL until it has a result."},
      {"succeeded", DataType::Integer, "Items it changed; NULL until it has a result."},
      {"failed", DataType::Integer, "Items it could not change; NULL until it has a result."},
      {"failed_item_ids", DataType::Varchar, "The ids of those items, comma-separated; NULL until it has a result."},
      {"created_at", DataType::Varchar, "When the job was created (ISO 8601, as monday gives it).", 40},
      {"updated_at", DataType::Varchar, "When it last changed state (ISO 8601).", 40},
  };
}

Row jobRow(const client::BulkJobOutcome& job) {
  Row row{Value(job.job_id), textOrNull(job.status), textOrNull(job.error)};
  if (job.has_result) {
    std::string failed_ids;
    for (const auto& id : job.failed_item_ids) failed_ids += (failed_ids.empty() ? "" : ",") + id;
    row.push_back(Value(static_cast<std::int64_t>(job.total)));
    row.push_back(Value(static_cast<std::int64_t>(job.succeeded)));
    row.push_back(Value(static_cast<std::int64_t>(job.failed)));
    row.push_back(Value(failed_ids));
  } else {
    row.insert(row.end(), 4, Value());
  }
  row.push_back(textOrNull(job.created_at));
  row.push_back(textOrNull(job.updated_at));
  return row;
}

ProcedureDef bulkItemJobProcedure(std::string_view name, std::string_view job_field, std::string_view description) {
  ProcedureDef procedure;
  procedure.name = std::string(name);
  procedure.description = std::string(description);
  procedure.mutating = true;
  procedure.parameters = {
      {"BoardId", DataType::BigInt, true, {}, "The board the items are on."},
      {"ItemIds", DataType::Varchar, true, {}, "The items, as ids separated by commas."},
  };
  procedure.results = jobResultColumns();
  procedure.run = [name = std::string(name), field = std::string(job_field)](ProcedureContext& context,
                                                                               const Arguments& arguments) {
    client::BulkItemJob job{field, arguments.requiredId("BoardId"), itemIdList(name, arguments.requiredText("ItemIds"))};
    return Rows{jobRow(client::runBulkItemJob(context.api, job))};
  };
  return procedure;
}

}  // namespace monday::procedures
