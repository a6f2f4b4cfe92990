#pragma once
// Stored procedures as SQLite table-valued functions (ANCHORS §3.3, §6.4): one virtual table per
// procedure in schema "monday", whose columns are the procedure's result columns followed by its
// parameters as HIDDEN columns. `SELECT * FROM DuplicateItem(123, 1)` binds 123 and 1 to the
// first two hidden columns; EXEC / CALL / {call} are rewritten to exactly that SELECT.

namespace monday::engine {

class SessionState;

// Registers the `monday_procedure` module and creates every procedure's virtual table.
// Call after the "monday" schema is attached.
void registerProcedures(SessionState& state);

}  // namespace monday::engine
