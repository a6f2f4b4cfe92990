#pragma once
// What the bulk job procedures (BulkDeleteItems, BulkArchiveItems, GetJobStatus) share: one row
// describing a monday async job, and the start-and-wait of a bulk item job.

#include <string_view>
#include <vector>

#include "driver/client/bulk_item_job.h"
#include "procedures/procedure.h"

namespace monday::procedures {

// job_id, status, error, total, succeeded, failed, failed_item_ids, created_at, updated_at.
std::vector<ResultColumnDef> jobResultColumns();
Row jobRow(const client::BulkJobOutcome& job);

// BulkDeleteItems / BulkArchiveItems: parameters BoardId and ItemIds (a comma-separated list of
// item ids), run as one job that the call waits for.
ProcedureDef bulkItemJobProcedure(std::string_view name, std::string_view job_field, std::string_view description);

}  // namespace monday::procedures
