#pragma once
// The plan of each statement as it runs (schema::QueryReport): started when a statement is
// prepared or executed again, finished when the next one starts. The finished report is what
// sys_last_query shows, and at Verbosity >= 2 it is written to the log.

#include <string>

namespace monday::engine {

class SessionState;

// Finishes the running report (if any) and starts one for `sql`; returns its serial.
long long startReport(SessionState& state, const std::string& sql);

// Finishes the running report: its cost becomes final and it becomes the "last" report.
void finishReport(SessionState& state);

}  // namespace monday::engine
