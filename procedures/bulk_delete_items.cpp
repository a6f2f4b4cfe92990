// BulkDeleteItems: deletes many items of one board as one monday bulk job, and waits for it.
#include "procedures/job_result.h"

namespace monday::procedures {

ProcedureDef makeBulkDeleteItemsProcedure() {
  return bulkItemJobProcedure(
      "BulkDeleteItems", "bulk_delete_items",
      "Deletes items of one board as one asynchronous monday job (bulk_delete_items; monday keeps them in the trash "
      "for 30 days), waits until the job ends and returns it: how many items it deleted and which it could not. The "
      "start is sent once, never again.");
}

}  // namespace monday::procedures
