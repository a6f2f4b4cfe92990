// GetJobStatus: the state of a monday async job (a bulk delete or archive), one row. Reads only.
#include "procedures/job_result.h"

namespace monday::procedures {

ProcedureDef makeGetJobStatusProcedure() {
  ProcedureDef procedure;
  procedure.name = "GetJobStatus";
  procedure.description = "The state of a monday async job (job_status), e.g. one a statement stopped waiting for: "
                          "its status and, once it has ended, how many items it changed and which it could not. "
                          "One row; reads only.";
  procedure.parameters = {
      {"JobId", DataType::BigInt, true, {}, "The job's id (from BulkDeleteItems, BulkArchiveItems or a message)."},
  };
  procedure.results = jobResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    return Rows{jobRow(client::jobStatus(context.api, arguments.requiredId("JobId")))};
  };
  return procedure;
}

}  // namespace monday::procedures
