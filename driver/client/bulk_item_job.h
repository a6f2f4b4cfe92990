#pragma once
// monday's asynchronous bulk item jobs: bulk_delete_items / bulk_archive_items start a job on one
// board and answer its id; job_status says how it is going and, once it has ended, how many
// items it changed and which it could not (schema.graphql: BulkDeleteInit, AsyncJobStatus,
// AsyncJobResult, JobState). The start is a mutation and is sent once, never again: a lost
// answer leaves the job's existence unknown. The polls are reads and are retried like any read.

#include <chrono>
#include <string>
#include <vector>

namespace monday::client {

class ApiClient;

struct BulkItemJob {
  std::string field;  // bulk_delete_items / bulk_archive_items
  std::string board_id;
  std::vector<std::string> item_ids;
};

struct BulkJobOutcome {
  std::string job_id;
  std::string status;  // the final JobState: COMPLETED, FAILED, EXPIRED or CANCELLED
  std::string error;   // monday's error text for a job that did not complete
  std::string created_at, updated_at;
  bool has_result = false;
  long long total = 0, succeeded = 0, failed = 0;
  // The items monday names as failed (result.details.failed_item_ids); when it names fewer
  // than `failed`, which items failed is unknown.
  std::vector<std::string> failed_item_ids;
  int polls = 0;
};

// How long to wait between polls: `first`, doubling up to `longest`; after `give_up_after` of
// waiting the job is reported as still running (HYT00) with its id, so the user can look it up.
struct JobPolling {
  std::chrono::milliseconds first{500};
  std::chrono::milliseconds longest{8000};
  std::chrono::seconds give_up_after{1800};
};

// Starts the job and polls job_status until it ends; waits on the client's clock, so SQLCancel
// ends a wait (HY008). Throws MutationOutcomeUnknown when the start's answer is lost, or when
// the job started and its end could not be learned (its id is in the message); monday::Error
// when monday refused to start it (nothing changed).
BulkJobOutcome runBulkItemJob(ApiClient& api, const BulkItemJob& job, const JobPolling& polling = {});

// One job_status read: the job's state now (any job of the account, e.g. one a statement gave up
// waiting for). Throws monday::Error as reads do (an unknown job id among them).
BulkJobOutcome jobStatus(ApiClient& api, const std::string& job_id);

}  // namespace monday::client
