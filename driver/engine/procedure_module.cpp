// The `monday_procedure` virtual-table module. xBestIndex hands every '=' term on a parameter
// column to xFilter (and tells SQLite not to re-check it: the column reads back the argument);
// xFilter checks the arguments, refuses a mutating procedure on a ReadOnly connection, runs the
// procedure once and serves its rows. A plan that lacks a required argument is priced out, so in
// a join SQLite feeds the procedure from the other table (`FROM Items i, ArchiveItem(i.id)`).

#include "driver/engine/procedure_module.h"

#include <chrono>

#include "driver/common/sql_lexer.h"
#include "driver/engine/c_boundary.h"
#include "driver/engine/session.h"
#include "driver/engine/session_state.h"
#include "driver/engine/sqlite_values.h"
#include "procedures/call_syntax.h"
#include "procedures/registry.h"

namespace monday::engine {

namespace {

using procedures::ProcedureDef;

// Parameters travel as a bit set in idxNum.
constexpr std::size_t kMaxParameters = 30;

struct ProcedureVtab {
  sqlite3_vtab base{};  // must be first: SQLite hands us &base
  SessionState* session = nullptr;
  std::shared_ptr<const ProcedureDef> procedure;
};

struct ProcedureCursor {
  sqlite3_vtab_cursor base{};
  ProcedureVtab* vtab = nullptr;
  std::vector<Value> arguments;  // one per parameter, what the call passed (NULL if absent)
  procedures::Rows rows;
  std::size_t index = 0;
};

std::string createTableStatement(const ProcedureDef& procedure) {
  std::string sql = "CREATE TABLE x(";
  bool first = true;
  auto add = [&](const std::string& name, DataType type, bool hidden) {
    if (!first) sql += ", ";
    first = false;
    sql += sql::quoteIdentifier(name) + " " + std::string(declaredTypeName(type)) + (hidden ? " HIDDEN" : "");
  };
  for (const auto& column : procedure.results) add(column.name, column.type, false);
  for (const auto& parameter : procedure.parameters) add(parameter.name, parameter.type, true);
  return sql + ")";
}

int connectProcedure(sqlite3* db, void* aux, int argc, const char* const* argv, sqlite3_vtab** out,
                     char** error) noexcept {
  auto* session = static_cast<SessionState*>(aux);
  return guardedConnectCall(error, *session, [&]() -> int {
    std::string wanted = argc > 3 ? argv[3] : argv[2];
    if (wanted.size() >= 2 && (wanted.front() == '"' || wanted.front() == '\'')) {
      wanted = wanted.substr(1, wanted.size() - 2);
    }
    auto procedure = procedures::findProcedure(wanted);
    if (!procedure || procedure->parameters.size() > kMaxParameters) {
      *error = sqlite3_mprintf("no usable procedure named %s", wanted.c_str());
      return SQLITE_ERROR;
    }
    const int rc = sqlite3_declare_vtab(db, createTableStatement(*procedure).c_str());
    if (rc != SQLITE_OK) return rc;
    auto vtab = std::make_unique<ProcedureVtab>();
    vtab->session = session;
    vtab->procedure = std::move(procedure);
    *out = &vtab.release()->base;
    return SQLITE_OK;
  });
}

int disconnectProcedure(sqlite3_vtab* vtab) noexcept {
  sqlite3_free(vtab->zErrMsg);
  delete reinterpret_cast<ProcedureVtab*>(vtab);
  return SQLITE_OK;
}

int bestIndex(sqlite3_vtab* base, sqlite3_index_info* info) noexcept {
  return guardedVtabCall(base, *reinterpret_cast<ProcedureVtab*>(base)->session, [&] {
    const ProcedureDef& procedure = *reinterpret_cast<ProcedureVtab*>(base)->procedure;
    const int first_parameter = static_cast<int>(procedure.results.size());
    std::vector<int> constraint_of(procedure.parameters.size(), -1);
    for (int i = 0; i < info->nConstraint; ++i) {
      const auto& constraint = info->aConstraint[i];
      if (!constraint.usable || constraint.op != SQLITE_INDEX_CONSTRAINT_EQ || constraint.iColumn < first_parameter) {
        continue;
      }
      const auto parameter = static_cast<std::size_t>(constraint.iColumn - first_parameter);
      if (constraint_of[parameter] < 0) constraint_of[parameter] = i;
    }
    int argv_index = 0;
    int given = 0;
    bool missing_required = false;
    for (std::size_t p = 0; p < procedure.parameters.size(); ++p) {
      if (constraint_of[p] >= 0) {
        info->aConstraintUsage[constraint_of[p]].argvIndex = ++argv_index;
        info->aConstraintUsage[constraint_of[p]].omit = 1;  // the hidden column reads back the argument
        given |= 1 << p;
      } else if (procedure.parameters[p].required && isNull(procedure.parameters[p].default_value)) {
        missing_required = true;
      }
    }
    info->idxNum = given;
    // Without a required argument the call cannot run; such a plan is chosen only when there is no
    // other, and xFilter then says which argument is missing.
    info->estimatedCost = missing_required ? 1e12 : 1.0;
    info->estimatedRows = missing_required ? 1000000000 : 1;
    return SQLITE_OK;
  });
}

void requireArguments(const ProcedureDef& procedure, const std::vector<Value>& arguments) {
  for (std::size_t p = 0; p < procedure.parameters.size(); ++p) {
    const auto& parameter = procedure.parameters[p];
    if (!parameter.required || !isNull(arguments[p]) || !isNull(parameter.default_value)) continue;
    throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
                procedure.name + " needs the parameter " + parameter.name + " (" + parameter.description +
                    "). Its parameters are: " + procedure.signature() + "; for example EXEC " + procedure.name +
                    " @" + parameter.name + " = ..., or CALL " + procedure.name + "(...).");
  }
}

int filter(sqlite3_vtab_cursor* base, int idx_num, const char*, int argc, sqlite3_value** argv) noexcept {
  auto* cursor = reinterpret_cast<ProcedureCursor*>(base);
  SessionState& session = *cursor->vtab->session;
  const ProcedureDef& procedure = *cursor->vtab->procedure;
  cursor->rows.clear();
  cursor->index = 0;
  return guardedVtabCall(base->pVtab, session, [&] {
    try {
    cursor->arguments.assign(procedure.parameters.size(), std::monostate{});
    int slot = 0;
    for (std::size_t p = 0; p < procedure.parameters.size() && slot < argc; ++p) {
      if (idx_num & (1 << p)) cursor->arguments[p] = valueFromSqlite(argv[slot++]);
    }
    requireArguments(procedure, cursor->arguments);
    procedures::ProcedureContext context{*session.api, session.settings, *session.logger};
    if (procedure.mutating) context.requireWritable(procedure.name);

    const auto started = std::chrono::steady_clock::now();
    procedures::Arguments arguments(procedure, cursor->arguments);
    cursor->rows = procedure.run(context, arguments);
    if (procedure.mutating) session.writes.noteApplied(procedure.name + " ran");
    for (auto& row : cursor->rows) row.resize(procedure.results.size());
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    session.logger->write(log::Level::Info, "procedure",
                          procedure.name + " returned " + std::to_string(cursor->rows.size()) + " row(s) in " +
                              std::to_string(elapsed.count()) + " ms");
    return SQLITE_OK;
    } catch (const Error& error) {
      cursor->rows.clear();
      session.logger->write(log::Level::Error, "procedure", procedure.name + ": " + error.state() + " " + error.message());
      throw;
    } catch (const std::exception& error) {
      cursor->rows.clear();
      throw Error(sqlstate::kGeneralError, procedure.name + ": " + error.what());
    }
  });
}

int next(sqlite3_vtab_cursor* base) noexcept {
  ++reinterpret_cast<ProcedureCursor*>(base)->index;
  return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* base) noexcept {
  auto* cursor = reinterpret_cast<ProcedureCursor*>(base);
  return cursor->index >= cursor->rows.size() ? 1 : 0;
}

int column(sqlite3_vtab_cursor* base, sqlite3_context* context, int index) noexcept {
  auto* cursor = reinterpret_cast<ProcedureCursor*>(base);
  return guardedVtabCall(base->pVtab, *cursor->vtab->session, [&] {
    const auto& row = cursor->rows.at(cursor->index);
    const auto position = static_cast<std::size_t>(index);
    if (position < row.size()) {
      resultFromValue(context, row[position]);
    } else {
      resultFromValue(context, cursor->arguments.at(position - row.size()));
    }
    return SQLITE_OK;
  });
}

int rowid(sqlite3_vtab_cursor* base, sqlite3_int64* out) noexcept {
  *out = static_cast<sqlite3_int64>(reinterpret_cast<ProcedureCursor*>(base)->index) + 1;
  return SQLITE_OK;
}

sqlite3_module makeModule() {
  sqlite3_module module{};
  module.iVersion = 1;
  module.xCreate = cCallback(connectProcedure);
  module.xConnect = cCallback(connectProcedure);
  module.xBestIndex = cCallback(bestIndex);
  module.xDisconnect = cCallback(disconnectProcedure);
  module.xDestroy = cCallback(disconnectProcedure);
  module.xOpen = cCallback(&openCursorOf<ProcedureVtab, ProcedureCursor>);
  module.xClose = cCallback(&closeCursorOf<ProcedureCursor>);
  module.xFilter = cCallback(filter);
  module.xNext = cCallback(next);
  module.xEof = cCallback(eof);
  module.xColumn = cCallback(column);
  module.xRowid = cCallback(rowid);
  return module;
}

const sqlite3_module kProcedureModule = makeModule();

void execSql(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? message : "unknown error";
    sqlite3_free(message);
    throw Error(sqlstate::kGeneralError, "Cannot set up the stored procedures: " + why);
  }
}

// COLUMN_DEF as SQLProcedureColumns shows it: numbers bare, text in single quotes.
std::string defaultText(const Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) return std::to_string(*d);
  if (const auto* s = std::get_if<std::string>(&value)) {
    std::string out = "'";
    for (char c : *s) {
      out.push_back(c);
      if (c == '\'') out.push_back('\'');
    }
    return out + "'";
  }
  return {};
}

}  // namespace

void registerProcedures(SessionState& state) {
  int rc = sqlite3_create_module_v2(state.db, "monday_procedure", &kProcedureModule, &state, nullptr);
  if (rc != SQLITE_OK) {
    throw Error(sqlstate::kGeneralError, std::string("Cannot register the stored procedures: ") + sqlite3_errmsg(state.db));
  }
  if (sqlite3_db_filename(state.db, "monday") == nullptr) execSql(state.db, "ATTACH DATABASE ':memory:' AS monday");
  for (const auto& procedure : procedures::allProcedures()) {
    execSql(state.db, "CREATE VIRTUAL TABLE monday." + sql::quoteIdentifier(procedure->name) +
                          " USING monday_procedure(" + sql::quoteIdentifier(procedure->name) + ")");
  }
}

std::string rewriteProcedureCalls(std::string_view sql) {
  if (auto select = procedures::rewriteCall(sql)) return *select;
  return std::string(sql);
}

std::string translateProcedureCalls(std::string_view sql) {
  if (auto select = procedures::translateCall(sql)) return *select;
  return std::string(sql);
}

std::vector<CatalogProcedure> Session::procedures() const {
  std::vector<CatalogProcedure> result;
  for (const auto& procedure : procedures::allProcedures()) {
    CatalogProcedure entry;
    entry.schema = "monday";
    entry.name = procedure->name;
    entry.remarks = procedure->description;
    entry.mutating = procedure->mutating;
    for (const auto& parameter : procedure->parameters) {
      entry.columns.push_back({.name = parameter.name,
                               .type = parameter.type,
                               .is_result = false,
                               .required = parameter.required,
                               .default_value = defaultText(parameter.default_value),
                               .remarks = parameter.description});
    }
    for (const auto& column : procedure->results) {
      entry.columns.push_back(
          {.name = column.name, .type = column.type, .size = column.size, .is_result = true, .remarks = column.description});
    }
    result.push_back(std::move(entry));
  }
  return result;
}

}  // namespace monday::engine
