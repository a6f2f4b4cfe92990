#include "driver/client/mutation_batch.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "driver/client/mutation_outcome.h"
#include "driver/common/json.h"

namespace monday::client {

namespace {

const char* verbText(WriteVerb verb) {
  switch (verb) {
    case WriteVerb::Insert: return "INSERT into";
    case WriteVerb::Update: return "UPDATE of";
    case WriteVerb::Delete: return "DELETE from";
  }
  return "";
}

const char* operationFor(WriteVerb verb) {
  switch (verb) {
    case WriteVerb::Insert: return "InsertRows";
    case WriteVerb::Update: return "UpdateRows";
    case WriteVerb::Delete: return "DeleteRows";
  }
  return "WriteRows";
}

// One error monday reported for one alias (or for the whole request when alias is empty).
struct FieldError {
  std::string alias;
  std::string code;
  std::string message;
  int status = 0;
};

std::vector<FieldError> fieldErrors(const rapidjson::Document& body) {
  std::vector<FieldError> found;
  if (!body.IsObject()) return found;
  auto errors = body.FindMember("errors");
  if (errors == body.MemberEnd() || !errors->value.IsArray()) return found;
  for (const auto& error : errors->value.GetArray()) {
    FieldError entry;
    if (error.IsString()) {
      entry.message = error.GetString();
    } else if (error.IsObject()) {
      entry.message = jsonMemberText(error, "message");
      if (auto path = error.FindMember("path"); path != error.MemberEnd() && path->value.IsArray() &&
                                                 !path->value.Empty() && path->value[0].IsString()) {
        entry.alias = path->value[0].GetString();
      }
      if (auto ext = error.FindMember("extensions"); ext != error.MemberEnd() && ext->value.IsObject()) {
        entry.code = jsonMemberText(ext->value, "code");
        if (auto status = ext->value.FindMember("status_code"); status != ext->value.MemberEnd() && status->value.IsInt()) {
          entry.status = status->value.GetInt();
        }
      }
    }
    found.push_back(std::move(entry));
  }
  return found;
}

std::string describe(const FieldError& error) {
  std::string text = error.code.empty() ? std::string() : "[" + error.code + "] ";
  return text + (error.message.empty() ? std::string("(no message)") : error.message);
}

void addVariable(rapidjson::Document& variables, const std::string& name, const ArgumentValue& value) {
  auto& allocator = variables.GetAllocator();
  rapidjson::Value key(name.c_str(), allocator);
  rapidjson::Value json;
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) json.SetString(v.c_str(), static_cast<rapidjson::SizeType>(v.size()), allocator);
        else if constexpr (std::is_same_v<T, std::int64_t>) json.SetInt64(v);
        else if constexpr (std::is_same_v<T, double>) json.SetDouble(v);
        else json.SetBool(v);
      },
      value);
  variables.AddMember(key, json, allocator);
}

}  // namespace

std::string aliasedMutationDocument(std::string_view operation, const std::vector<const MutationCall*>& calls,
                                    rapidjson::Document& variables) {
  variables.SetObject();
  std::string declarations;
  std::string body;
  for (std::size_t k = 0; k < calls.size(); ++k) {
    const MutationCall& call = *calls[k];
    const std::string alias = "m" + std::to_string(k);
    body += " " + alias + ": " + call.field;
    if (!call.arguments.empty()) {
      body += "(";
      for (std::size_t a = 0; a < call.arguments.size(); ++a) {
        const auto& argument = call.arguments[a];
        const std::string variable = alias + "_" + argument.name;
        if (!declarations.empty()) declarations += ", ";
        declarations += "$" + variable + ": " + argument.type;
        if (a) body += ", ";
        body += argument.name + ": $" + variable;
        addVariable(variables, variable, argument.value);
      }
      body += ")";
    }
    if (!call.selection.empty()) body += " { " + call.selection + " }";
  }
  std::string document = "mutation " + std::string(operation);
  if (!declarations.empty()) document += "(" + declarations + ")";
  return document + " {" + body + " }";
}

std::string rowRanges(const std::vector<std::size_t>& rows) {
  std::string out;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(rows[i]);
    if (j > i) out += "-" + std::to_string(rows[j]);
    i = j + 1;
  }
  return out;
}

std::string_view writeErrorState(std::string_view code) {
  if (code == "ColumnValueException" || code == "CorrectedValueException") return sqlstate::kInvalidCharacterValue;
  if (code == "ItemNameTooLongException") return sqlstate::kStringRightTruncated;
  if (code == "InvalidColumnIdException") return sqlstate::kColumnNotFound;
  if (code == "DeleteLastGroupException") return sqlstate::kIntegrityViolation;
  if (code == "UserUnauthorizedException" || code == "USER_ACCESS_DENIED" || code == "missingRequiredPermissions") {
    return sqlstate::kSyntaxErrorOrAccessViolation;
  }
  return sqlstate::kGeneralError;
}

MutationBatch::MutationBatch(WriteVerb verb, std::string table_name, std::size_t max_calls, Send send)
    : verb_(verb), table_name_(std::move(table_name)), max_calls_(std::max<std::size_t>(1, max_calls)), send_(std::move(send)) {
  switch (verb) {
    case WriteVerb::Insert: participle_ = "created"; break;
    case WriteVerb::Update: participle_ = "updated"; break;
    case WriteVerb::Delete: participle_ = "deleted"; break;
  }
}

void MutationBatch::add(std::size_t group, std::vector<MutationCall> calls) {
  rows_.push_back({group, RowFate::Queued, {}});
  if (calls.empty()) {  // nothing to change in monday (e.g. UPDATE SET x = x)
    rows_.back().fate = RowFate::Applied;
    return;
  }
  if (holdingForJobs()) {
    const bool fits = calls.size() == 1 && calls.front().bulk &&
                      (queue_.empty() || queue_.front().calls.front().bulk->job_field == calls.front().bulk->job_field);
    if (fits) {
      queued_calls_ += 1;
      queue_.push_back({rows_.size() - 1, std::move(calls)});
      return;
    }
    bulk_eligible_ = false;  // from here on, the usual aliased requests
  }
  if (queued_calls_ + calls.size() > max_calls_ && !queue_.empty()) flush();
  queued_calls_ += calls.size();
  queue_.push_back({rows_.size() - 1, std::move(calls)});
  if (queued_calls_ >= max_calls_) flush();
}

void MutationBatch::flush() {
  if (holdingForJobs() && queue_.size() > bulk_.threshold) {
    sendJobs();
    return;
  }
  while (!queue_.empty()) {
    // Take whole rows up to the request's call limit (a single oversized row goes alone).
    std::vector<Pending> request;
    std::size_t calls = 0;
    while (!queue_.empty() && (request.empty() || calls + queue_.front().calls.size() <= max_calls_)) {
      calls += queue_.front().calls.size();
      request.push_back(std::move(queue_.front()));
      queue_.erase(queue_.begin());
    }
    queued_calls_ -= calls;
    sendRequest(std::move(request));
  }
}

void MutationBatch::dropQueued() {
  for (const auto& pending : queue_) rows_[pending.row].fate = RowFate::Dropped;
  queue_.clear();
  queued_calls_ = 0;
}

void MutationBatch::dropQueuedOfGroup(std::size_t group) {
  auto keep = std::stable_partition(queue_.begin(), queue_.end(),
                                    [&](const Pending& pending) { return rows_[pending.row].group != group; });
  for (auto it = keep; it != queue_.end(); ++it) {
    rows_[it->row].fate = RowFate::Dropped;
    queued_calls_ -= it->calls.size();
  }
  queue_.erase(keep, queue_.end());
}

std::size_t MutationBatch::rowsWith(RowFate fate) const {
  return static_cast<std::size_t>(std::count_if(rows_.begin(), rows_.end(), [&](const RowRecord& r) { return r.fate == fate; }));
}

std::vector<long long> MutationBatch::appliedPerGroup(std::size_t groups) const {
  std::vector<long long> applied(groups, 0);
  for (const auto& row : rows_) {
    if (row.fate == RowFate::Applied && row.group < groups) ++applied[row.group];
  }
  return applied;
}

std::string MutationBatch::stateSummary() const {
  std::map<RowFate, std::vector<std::size_t>> by_fate;
  for (std::size_t i = 0; i < rows_.size(); ++i) by_fate[rows_[i].fate].push_back(i + 1);
  auto rows = [&](RowFate fate) -> const std::vector<std::size_t>& { return by_fate[fate]; };
  auto label = [](const std::vector<std::size_t>& list) {
    return std::string(list.size() == 1 ? "row " : "rows ") + rowRanges(list);
  };
  std::vector<std::string> parts;
  if (!rows(RowFate::Applied).empty()) parts.push_back(label(rows(RowFate::Applied)) + (rows(RowFate::Applied).size() == 1 ? " was " : " were ") + participle_);
  if (!rows(RowFate::Failed).empty()) parts.push_back(label(rows(RowFate::Failed)) + (rows(RowFate::Failed).size() == 1 ? " was not" : " were not"));
  if (!rows(RowFate::Unknown).empty()) parts.push_back(label(rows(RowFate::Unknown)) + " may or may not have been " + participle_);
  std::vector<std::size_t> unsent = rows(RowFate::Dropped);
  const auto& queued = rows(RowFate::Queued);
  unsent.insert(unsent.end(), queued.begin(), queued.end());
  std::sort(unsent.begin(), unsent.end());
  if (!unsent.empty()) parts.push_back(label(unsent) + (unsent.size() == 1 ? " was" : " were") + " not sent");
  std::string text = "In monday: ";
  if (rows(RowFate::Applied).empty()) text += "no row was " + participle_ + (parts.empty() ? "" : "; ");
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) text += "; ";
    text += parts[i];
  }
  return text + "; no later row was sent.";
}

std::string MutationBatch::appliedSummary() const {
  const std::size_t applied = rowsWith(RowFate::Applied);
  const std::size_t unknown = rowsWith(RowFate::Unknown);
  if (applied == 0 && unknown == 0) return {};
  auto rows = [](std::size_t n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); };
  std::string text = rows(applied) + " " + participle_ + " in " + table_name_;
  if (unknown > 0) text += " (" + rows(unknown) + " more may have been)";
  return text;
}

void MutationBatch::sendRequest(std::vector<Pending> request) {
  std::vector<const MutationCall*> calls;
  std::vector<std::size_t> call_owner;  // index into `request`
  std::vector<std::size_t> request_rows;
  for (std::size_t r = 0; r < request.size(); ++r) {
    request_rows.push_back(request[r].row + 1);
    for (const auto& call : request[r].calls) {
      calls.push_back(&call);
      call_owner.push_back(r);
    }
  }
  rapidjson::Document variables;
  const std::string document = aliasedMutationDocument(operationFor(verb_), calls, variables);
  const std::string carrying = std::string(request_rows.size() == 1 ? "row " : "rows ") + rowRanges(request_rows);
  const std::string what = std::string(verbText(verb_)) + " " + table_name_;
  ++requests_;

  rapidjson::Document body;
  try {
    body = send_(document, variables);
  } catch (const client::MutationOutcomeUnknown& error) {
    for (const auto& pending : request) {
      rows_[pending.row].fate = RowFate::Unknown;
      rows_[pending.row].failure = error.cause();
    }
    throw Error(error.state(),
                what + " stopped: the request carrying " + carrying + " failed after it was sent (" + error.cause() +
                    "). Those rows may or may not have been " + participle_ +
                    "; check in monday before running the statement again (the driver never sends a change twice). " +
                    stateSummary(),
                error.nativeCode());
  } catch (const Error& error) {
    for (const auto& pending : request) {
      rows_[pending.row].fate = RowFate::Failed;
      rows_[pending.row].failure = error.message();
    }
    throw Error(error.state(),
                what + " stopped: monday refused the request carrying " + carrying + ", so none of them was " +
                    participle_ + ": " + error.message() + " " + stateSummary(),
                error.nativeCode());
  }

  // Which aliases ran: a non-null field in data. Which failed: an error whose path names it.
  const rapidjson::Value* data = nullptr;
  if (body.IsObject()) {
    auto it = body.FindMember("data");
    if (it != body.MemberEnd() && it->value.IsObject()) data = &it->value;
  }
  const std::vector<FieldError> errors = fieldErrors(body);
  bool request_level_error = false;
  for (const auto& error : errors) request_level_error = request_level_error || error.alias.empty();

  enum class CallFate { Applied, Failed, Unknown };
  std::vector<CallFate> call_fates(calls.size(), CallFate::Unknown);
  std::vector<const FieldError*> call_errors(calls.size(), nullptr);
  for (std::size_t k = 0; k < calls.size(); ++k) {
    const std::string alias = "m" + std::to_string(k);
    for (const auto& error : errors) {
      if (error.alias == alias) {
        call_errors[k] = &error;
        break;
      }
    }
    const rapidjson::Value* field = nullptr;
    if (data) {
      auto it = data->FindMember(alias.c_str());
      if (it != data->MemberEnd()) field = &it->value;
    }
    if (field && !field->IsNull()) call_fates[k] = CallFate::Applied;
    else if (call_errors[k]) call_fates[k] = CallFate::Failed;
    else if (!data && request_level_error) call_fates[k] = CallFate::Failed;  // rejected before running
    else call_fates[k] = CallFate::Unknown;  // e.g. null propagated from a sibling's failure
  }
  const FieldError* request_error = nullptr;
  for (const auto& error : errors) {
    if (error.alias.empty()) {
      request_error = &error;
      break;
    }
  }

  const FieldError* first_error = nullptr;
  std::size_t first_failed_row = 0;
  std::vector<std::size_t> failed_rows;
  for (std::size_t r = 0; r < request.size(); ++r) {
    RowRecord& record = rows_[request[r].row];
    std::size_t applied = 0, failed = 0, unknown = 0, total = 0;
    const FieldError* row_error = nullptr;
    for (std::size_t k = 0; k < calls.size(); ++k) {
      if (call_owner[k] != r) continue;
      ++total;
      if (call_fates[k] == CallFate::Applied) ++applied;
      if (call_fates[k] == CallFate::Failed) {
        ++failed;
        if (!row_error) row_error = call_errors[k] ? call_errors[k] : request_error;
      }
      if (call_fates[k] == CallFate::Unknown) ++unknown;
    }
    if (applied == total) {
      record.fate = RowFate::Applied;
      continue;
    }
    record.fate = unknown > 0 ? RowFate::Unknown : RowFate::Failed;
    record.failure = row_error ? describe(*row_error) : "monday returned no result for it";
    if (applied > 0) record.failure += " (" + std::to_string(applied) + " of its " + std::to_string(total) + " changes were applied)";
    if (record.fate == RowFate::Failed) {
      failed_rows.push_back(request[r].row + 1);
      if (!first_error && row_error) {
        first_error = row_error;
        first_failed_row = request[r].row + 1;
      }
    }
  }

  const std::size_t failed_count = failed_rows.size();
  std::size_t unknown_count = 0;
  for (const auto& pending : request) unknown_count += rows_[pending.row].fate == RowFate::Unknown ? 1 : 0;
  if (failed_count == 0 && unknown_count == 0) return;

  std::string message = what + " stopped: ";
  if (failed_count > 0) {
    const std::size_t shown_row = first_failed_row ? first_failed_row : failed_rows.front();
    message += "monday refused row " + std::to_string(shown_row) + ": " + rows_[shown_row - 1].failure + ".";
    if (failed_count > 1) {
      message += " It refused " + std::to_string(failed_count - 1) + " more row" + (failed_count > 2 ? "s" : "") +
                 " of the same request (" + rowRanges(std::vector<std::size_t>(failed_rows.begin() + 1, failed_rows.end())) + ").";
    }
  }
  if (unknown_count > 0) {
    message += (failed_count > 0 ? " " : "") + std::to_string(unknown_count) +
               " row(s) of the request carrying " + carrying + " got no result from monday and may or may not have been " +
               participle_ + "; check in monday before running the statement again.";
  }
  message += " " + stateSummary();
  const std::string_view state = first_error ? writeErrorState(first_error->code) : sqlstate::kGeneralError;
  throw Error(state, message, first_error ? first_error->status : 0);
}

void MutationBatch::sendJobs() {
  // One job per board, boards in the order their first row came.
  std::vector<std::string> boards;
  std::map<std::string, std::vector<Pending>> per_board;
  for (auto& pending : queue_) {
    const std::string& board = pending.calls.front().bulk->board_id;
    if (!per_board.count(board)) boards.push_back(board);
    per_board[board].push_back(std::move(pending));
  }
  queue_.clear();
  queued_calls_ = 0;
  const std::string what = std::string(verbText(verb_)) + " " + table_name_;
  for (std::size_t b = 0; b < boards.size(); ++b) {
    std::vector<Pending>& rows = per_board[boards[b]];
    BulkItemJob job{rows.front().calls.front().bulk->job_field, boards[b], {}};
    std::unordered_map<std::string, std::vector<std::size_t>> rows_of_item;
    for (const auto& pending : rows) {
      const std::string& item = pending.calls.front().bulk->item_id;
      if (!rows_of_item.count(item)) job.item_ids.push_back(item);
      rows_of_item[item].push_back(pending.row);
    }
    std::vector<std::size_t> numbers;
    for (const auto& pending : rows) numbers.push_back(pending.row + 1);
    std::sort(numbers.begin(), numbers.end());
    const std::string carrying = "rows " + rowRanges(numbers);
    auto leave_later_boards_unsent = [&] {
      for (std::size_t later = b + 1; later < boards.size(); ++later) {
        for (const auto& pending : per_board[boards[later]]) rows_[pending.row].fate = RowFate::Dropped;
      }
    };
    auto mark = [&](RowFate fate, const std::string& why) {
      for (const auto& pending : rows) {
        rows_[pending.row].fate = fate;
        rows_[pending.row].failure = why;
      }
    };
    ++requests_;
    BulkJobOutcome outcome;
    try {
      outcome = bulk_.run(job);
    } catch (const MutationOutcomeUnknown& error) {
      mark(RowFate::Unknown, error.cause());
      leave_later_boards_unsent();
      throw Error(error.state(),
                  what + " stopped: " + error.cause() + " " + carrying + " may or may not have been " + participle_ +
                      "; check in monday before running the statement again (the driver never sends a change twice). " +
                      stateSummary(),
                  error.nativeCode());
    } catch (const Error& error) {
      mark(RowFate::Failed, error.message());
      leave_later_boards_unsent();
      throw Error(error.state(), what + " stopped: " + error.message() + " None of " + carrying + " was " + participle_ +
                                     ". " + stateSummary(),
                  error.nativeCode());
    }
    const std::string job_text = job.field + " job " + outcome.job_id;
    const bool names_its_failures =
        outcome.has_result && static_cast<long long>(outcome.failed_item_ids.size()) == outcome.failed;
    if (!names_its_failures) {
      // monday did not say which items it changed: nothing can be claimed.
      const std::string why = job_text + " ended " + outcome.status +
                              (outcome.error.empty() ? "" : " (" + outcome.error + ")") +
                              (outcome.has_result ? " without naming the items it could not change"
                                                  : " without a result");
      mark(RowFate::Unknown, why);
      leave_later_boards_unsent();
      throw Error(sqlstate::kGeneralError, what + " stopped: monday's " + why + "; " + carrying + " may or may not have been " +
                                               participle_ + ". Check in monday before running the statement again. " +
                                               stateSummary());
    }
    mark(RowFate::Applied, {});
    job_report_.notes.push_back(what + " ran as monday's " + job_text + " on board " + boards[b] + ": " +
                                std::to_string(outcome.succeeded) + " of " + std::to_string(outcome.total) + " items " +
                                participle_ + " (" + outcome.status + ").");
    std::size_t unchanged = 0;
    for (const auto& item : outcome.failed_item_ids) {
      auto found = rows_of_item.find(item);
      if (found == rows_of_item.end()) continue;
      for (std::size_t row : found->second) {
        rows_[row].fate = RowFate::Failed;
        rows_[row].failure = job_text + " could not change item " + item;
        ++unchanged;
        job_report_.notes.push_back("Row " + std::to_string(row + 1) + " (item " + item + ") was not " + participle_ +
                                    ": monday's " + job_text + " reported it as failed.");
      }
    }
    job_report_.rows_unchanged += unchanged;
  }
}

}  // namespace monday::client
