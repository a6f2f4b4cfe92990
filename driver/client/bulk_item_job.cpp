#include "driver/client/bulk_item_job.h"

#include <algorithm>

#include <rapidjson/document.h>

#include "driver/client/api_client.h"
#include "driver/client/mutation_outcome.h"
#include "driver/common/error.h"
#include "driver/common/json.h"

namespace monday::client {

namespace {

using std::chrono::milliseconds;

bool finalState(const std::string& status) {
  return status == "COMPLETED" || status == "FAILED" || status == "EXPIRED" || status == "CANCELLED";
}

std::string jobStartDocument(const std::string& field) {
  return "mutation BulkItemJob($board_id: ID!, $item_ids: [ID!]!) { job: " + field +
         "(board_id: $board_id, item_ids: $item_ids) { job_id } }";
}

constexpr const char* kJobStatusDocument =
    "query BulkItemJobStatus($job_id: ID!) { job_status(job_id: $job_id) { id status error created_at updated_at "
    "result { total succeeded failed details } } }";

// The first error monday gave for the start, as "[code] message".
std::string firstError(const rapidjson::Document& answer) {
  const rapidjson::Value* errors = jsonMember(answer, "errors");
  if (!errors || !errors->IsArray() || errors->Empty()) return "monday answered without a job id";
  const rapidjson::Value& error = (*errors)[0];
  if (!error.IsObject()) return "monday answered without a job id";
  std::string code;
  if (const rapidjson::Value* extensions = jsonMember(error, "extensions")) code = jsonMemberText(*extensions, "code");
  return (code.empty() ? "" : "[" + code + "] ") + jsonMemberText(error, "message");
}

// result.details is monday's JSON scalar: an object, or that object as a JSON string.
std::vector<std::string> failedItemIds(const rapidjson::Value& details) {
  rapidjson::Document parsed;
  const rapidjson::Value* object = &details;
  if (details.IsString()) {
    if (!parseJson(std::string_view(details.GetString(), details.GetStringLength()), parsed)) return {};
    object = &parsed;
  }
  std::vector<std::string> ids;
  if (!object->IsObject()) return ids;
  const rapidjson::Value* list = jsonMember(*object, "failed_item_ids");
  if (!list || !list->IsArray()) return ids;
  for (const auto& id : list->GetArray()) {
    if (id.IsString()) ids.emplace_back(id.GetString(), id.GetStringLength());
    else if (auto number = jsonInteger(id)) ids.push_back(std::to_string(*number));
  }
  return ids;
}

void readStatus(const rapidjson::Value& status, BulkJobOutcome& outcome) {
  outcome.status = jsonMemberText(status, "status");
  outcome.error = jsonMemberText(status, "error");
  outcome.created_at = jsonMemberText(status, "created_at");
  outcome.updated_at = jsonMemberText(status, "updated_at");
  const rapidjson::Value* result = jsonMember(status, "result");
  outcome.has_result = result && result->IsObject();
  if (!outcome.has_result) return;
  outcome.total = jsonMemberNumber(*result, "total").value_or(0);
  outcome.succeeded = jsonMemberNumber(*result, "succeeded").value_or(0);
  outcome.failed = jsonMemberNumber(*result, "failed").value_or(0);
  if (const rapidjson::Value* details = jsonMember(*result, "details")) outcome.failed_item_ids = failedItemIds(*details);
}

std::string startedJob(const BulkItemJob& job, const std::string& id) {
  return "monday started " + job.field + " job " + id + " on board " + job.board_id + " for " +
         std::to_string(job.item_ids.size()) + " items";
}

}  // namespace

BulkJobOutcome jobStatus(ApiClient& api, const std::string& job_id) {
  rapidjson::Document variables(rapidjson::kObjectType);
  variables.AddMember("job_id", rapidjson::Value(job_id.c_str(), variables.GetAllocator()), variables.GetAllocator());
  const rapidjson::Document answer = api.query(kJobStatusDocument, variables);
  const rapidjson::Value* data = jsonMember(answer, "data");
  const rapidjson::Value* status = data ? jsonMember(*data, "job_status") : nullptr;
  if (!status || !status->IsObject()) throw Error(sqlstate::kGeneralError, "job_status answered nothing for job " + job_id);
  BulkJobOutcome outcome;
  outcome.job_id = job_id;
  readStatus(*status, outcome);
  return outcome;
}

BulkJobOutcome runBulkItemJob(ApiClient& api, const BulkItemJob& job, const JobPolling& polling) {
  rapidjson::Document variables(rapidjson::kObjectType);
  auto& allocator = variables.GetAllocator();
  variables.AddMember("board_id", rapidjson::Value(job.board_id.c_str(), allocator), allocator);
  rapidjson::Value ids(rapidjson::kArrayType);
  for (const auto& id : job.item_ids) ids.PushBack(rapidjson::Value(id.c_str(), allocator), allocator);
  variables.AddMember("item_ids", ids, allocator);

  // Sent once: MutationOutcomeUnknown from here means nobody knows whether the job exists.
  const rapidjson::Document started = api.mutateBatch(jobStartDocument(job.field), variables);
  BulkJobOutcome outcome;
  if (const rapidjson::Value* data = jsonMember(started, "data")) {
    if (const rapidjson::Value* init = jsonMember(*data, "job"); init && init->IsObject()) {
      outcome.job_id = jsonMemberText(*init, "job_id");
    }
  }
  if (outcome.job_id.empty()) {
    throw Error(sqlstate::kGeneralError, "monday did not start " + job.field + " on board " + job.board_id + ": " +
                                             firstError(started) + ".");
  }

  milliseconds wait = polling.first;
  milliseconds waited{0};
  for (;;) {
    if (waited >= polling.give_up_after) {
      throw MutationOutcomeUnknown(sqlstate::kTimeout,
                                   startedJob(job, outcome.job_id) + " and it was still " + outcome.status + " after " +
                                       std::to_string(std::chrono::duration_cast<std::chrono::seconds>(waited).count()) +
                                       " s of waiting; EXEC GetJobStatus @JobId = " + outcome.job_id +
                                       " tells how it ends.");
    }
    api.wait(wait);
    waited += wait;
    wait = std::min(wait * 2, polling.longest);
    ++outcome.polls;
    try {
      const int polls = outcome.polls;
      outcome = jobStatus(api, outcome.job_id);
      outcome.polls = polls;
    } catch (const MutationOutcomeUnknown&) {
      throw;
    } catch (const Error& error) {
      if (error.state() == sqlstate::kOperationCanceled) {
        throw MutationOutcomeUnknown(error.state(), startedJob(job, outcome.job_id) +
                                                        "; the statement was cancelled while it ran, so how it ended is "
                                                        "unknown (EXEC GetJobStatus @JobId = " + outcome.job_id + ").");
      }
      throw MutationOutcomeUnknown(error.state(), startedJob(job, outcome.job_id) + ", but asking how it went failed: " +
                                                      error.message());
    }
    if (finalState(outcome.status)) return outcome;
  }
}

}  // namespace monday::client
