// BulkArchiveItems: archives many items of one board as one monday bulk job, and waits for it.
#include "procedures/job_result.h"

namespace monday::procedures {

ProcedureDef makeBulkArchiveItemsProcedure() {
  return bulkItemJobProcedure(
      "BulkArchiveItems", "bulk_archive_items",
      "Archives items of one board as one asynchronous monday job (bulk_archive_items), waits until the job ends and "
      "returns it: how many items it archived and which it could not. The start is sent once, never again.");
}

}  // namespace monday::procedures
