#pragma once
// Sends the mutation calls of many SQL rows as aliased mutations in as few requests as monday's
// limits allow, and keeps a journal of what became of every row, so an error can say exactly
// which rows reached monday (DESIGN decision 7: a change that may have been applied is never
// sent again).
//
// One request holds whole rows only (a row's calls are never split across requests) and at most
// `max_calls` calls: monday charges about 30,000 points per mutation and refuses a request over
// 5,000,000 points (REFERENCE §4, §10). The batch stops at the first request with a failure; the
// rows after it are not sent.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <rapidjson/document.h>

#include "driver/common/error.h"
#include "driver/client/bulk_item_job.h"
#include "driver/client/mutation_call.h"

namespace monday::client {

enum class WriteVerb { Insert, Update, Delete };

// Mutation complexity as monday charges it (REFERENCE §10.2/§10.3), and the share of the
// per-request cap (5,000,000) the driver allows itself, leaving room for estimation error.
inline constexpr long long kPointsPerMutation = 30'100;
inline constexpr long long kPointsPerRequest = 4'800'000;
inline constexpr std::size_t kMaxCallsPerRequest = kPointsPerRequest / kPointsPerMutation;  // 159

// What became of one SQL row.
enum class RowFate { Queued, Applied, Failed, Unknown, Dropped };

class MutationBatch {
 public:
  // Sends one request; returns monday's whole answer (`data` with one field per alias that ran,
  // `errors` for those that failed). Throws client::MutationOutcomeUnknown when the request may
  // have been applied without an answer saying so, monday::Error when it certainly was not.
  using Send = std::function<rapidjson::Document(const std::string& document, const rapidjson::Value& variables)>;

  MutationBatch(WriteVerb verb, std::string table_name, std::size_t max_calls, Send send);

  // Opt-in (BulkJobThreshold): when more than `threshold` rows of the statement are each one
  // call with a bulk form of the same kind (delete_item / archive_item with their board), they
  // go as one monday bulk job per board (`run`) instead of aliased calls. Rows are then held
  // until the statement ends, since only then is their number known.
  struct BulkJobs {
    std::size_t threshold = 0;
    std::function<BulkJobOutcome(const BulkItemJob&)> run;
  };
  void useBulkJobs(BulkJobs jobs) { bulk_ = std::move(jobs); }
  // What bulk jobs reported beyond the row count (one line per job, one per item a job could not
  // change), and how many rows a job left unchanged; both emptied by taking them.
  struct JobReport {
    std::vector<std::string> notes;
    std::size_t rows_unchanged = 0;
  };
  JobReport takeJobReport() { return std::exchange(job_report_, {}); }

  // Queues the calls of the next row (rows are numbered from 1 in the order they are added;
  // `group` is the ODBC parameter set the row came from). Sends a request when it is full.
  // Throws monday::Error describing every row's state when a request fails.
  void add(std::size_t group, std::vector<MutationCall> calls);
  // Sends every queued row. Throws like add().
  void flush();
  // Forgets queued rows that were not sent (the statement failed before they could be).
  void dropQueued();
  // Forgets queued rows of one parameter set (its statement failed locally).
  void dropQueuedOfGroup(std::size_t group);

  std::size_t rowCount() const { return rows_.size(); }
  std::size_t requestsSent() const { return requests_; }
  std::size_t rowsWith(RowFate fate) const;
  // Every row's fate, in order, with the parameter set it came from.
  struct RowRecord {
    std::size_t group = 0;
    RowFate fate = RowFate::Queued;
    std::string failure;  // why, for Failed / Unknown
  };
  const std::vector<RowRecord>& rows() const { return rows_; }
  // How many rows each parameter set had applied (index = group).
  std::vector<long long> appliedPerGroup(std::size_t groups) const;

  // A sentence on what reached monday, e.g. "Rows 1–159 were created in monday; rows after 318
  // were not sent." Used in every error about this batch.
  std::string stateSummary() const;
  // What this batch changed in monday for good, e.g. "3 rows created in Items (1 more may have
  // been)"; empty when nothing was or may have been applied.
  std::string appliedSummary() const;
  const std::string& tableName() const { return table_name_; }
  const std::string& participle() const { return participle_; }

 private:
  struct Pending {
    std::size_t row = 0;  // index into rows_
    std::vector<MutationCall> calls;
  };
  void sendRequest(std::vector<Pending> request);
  // True while every row so far may go in a bulk job (and jobs are on).
  bool holdingForJobs() const { return bulk_.threshold > 0 && bulk_eligible_ && requests_ == 0; }
  void sendJobs();

  WriteVerb verb_;
  std::string table_name_;
  std::string participle_;  // created / updated / deleted
  std::size_t max_calls_;
  Send send_;
  std::vector<RowRecord> rows_;
  std::vector<Pending> queue_;
  std::size_t queued_calls_ = 0;
  std::size_t requests_ = 0;
  BulkJobs bulk_;
  bool bulk_eligible_ = true;
  JobReport job_report_;
};

// Building blocks, public for unit tests.
// The aliased document for `calls`: aliases m0, m1 …; variable $m<k>_<argument> per argument.
std::string aliasedMutationDocument(std::string_view operation, const std::vector<const MutationCall*>& calls,
                                    rapidjson::Document& variables);
// "1–3, 7, 9–10" for 1-based row numbers (sorted, unique).
std::string rowRanges(const std::vector<std::size_t>& rows);
// The SQLSTATE a monday error code means for a written row.
std::string_view writeErrorState(std::string_view monday_code);

}  // namespace monday::client
