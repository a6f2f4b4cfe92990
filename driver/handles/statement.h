#pragma once
// SQL_HANDLE_STMT: one prepared statement or catalog call, its cursor, its descriptors and
// attributes. Bodies are split by ODBC area: statement.cpp (life cycle, prepare/execute),
// statement_fetch.cpp (fetch, SQLGetData), statement_describe.cpp (SQLDescribeCol,
// SQLColAttribute, parameters), statement_attributes.cpp, statement_catalog.cpp.

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/common/value.h"
#include "driver/convert/out_buffer.h"
#include "driver/convert/to_c.h"
#include "driver/convert/type_info.h"
#include "driver/engine/result_set.h"
#include "driver/handles/descriptor.h"
#include "driver/engine/row_store.h"
#include "driver/handles/handle.h"
#include "driver/handles/scroll.h"

namespace monday::engine {
class Statement;
struct CatalogTable;
}

namespace monday::handles {

class Connection;

// One result column as ODBC describes it: the engine's column plus the SQL type we report.
struct ColumnMeta {
  engine::ResultColumn column;
  convert::SqlTypeId sql_type = convert::SqlTypeId::WVarchar;
};

// A result built by the driver itself (catalog functions): rows plus the reported types (some
// catalog columns are SMALLINT, which no table column is).
struct DriverResult {
  std::unique_ptr<engine::MaterializedResult> rows;
  std::vector<convert::SqlTypeId> reported_types;
};

// A catalog-function argument: absent (NULL pointer) is not the same as empty.
using CatalogArg = std::optional<std::string>;

class Statement final : public Handle {
 public:
  explicit Statement(Connection& connection);
  ~Statement() override;

  std::mutex& callMutex() override;
  SQLINTEGER odbcVersion() const override;
  log::Logger* logger() override;
  Connection& connection() { return connection_; }

  // --- descriptors ---
  Descriptor& ard() { return *ard_; }
  Descriptor& apd() { return *apd_; }
  Descriptor& ird() { return ird_; }
  Descriptor& ipd() { return ipd_; }
  // An explicit descriptor is being freed: fall back to the implicit one.
  void forgetDescriptor(Descriptor* descriptor);

  // --- prepare / execute (statement.cpp) ---
  SQLRETURN prepare(std::string_view sql);
  SQLRETURN execute();
  SQLRETURN execDirect(std::string_view sql);
  // Data at execution: SQLExecute answered SQL_NEED_DATA; the application names the next
  // parameter with SQLParamData and sends its value in pieces with SQLPutData.
  SQLRETURN paramData(SQLPOINTER* value);
  SQLRETURN putData(SQLPOINTER data, SQLLEN length);
  SQLRETURN rowCount(SQLLEN* count);
  SQLRETURN moreResults();
  SQLRETURN closeCursor(bool error_if_none);
  SQLRETURN freeStmt(SQLUSMALLINT option);
  // From any thread, without the connection lock.
  SQLRETURN cancel();
  bool running() const { return running_.load(); }

  // --- describe (statement_describe.cpp) ---
  SQLRETURN numResultCols(SQLSMALLINT* count);
  SQLRETURN describeCol(SQLUSMALLINT column, void* name, SQLSMALLINT name_capacity,
                        SQLSMALLINT* name_length, convert::CharEncoding encoding,
                        SQLSMALLINT* data_type, SQLULEN* column_size, SQLSMALLINT* decimal_digits,
                        SQLSMALLINT* nullable);
  SQLRETURN colAttribute(SQLUSMALLINT column, SQLUSMALLINT field, SQLPOINTER character_attribute,
                         SQLSMALLINT buffer_length, SQLSMALLINT* string_length,
                         SQLLEN* numeric_attribute, convert::CharEncoding encoding);
  SQLRETURN bindCol(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER target,
                    SQLLEN buffer_length, SQLLEN* indicator);
  SQLRETURN bindParameter(SQLUSMALLINT number, SQLSMALLINT io_type, SQLSMALLINT c_type,
                          SQLSMALLINT sql_type, SQLULEN column_size, SQLSMALLINT decimal_digits,
                          SQLPOINTER value, SQLLEN buffer_length, SQLLEN* indicator);
  SQLRETURN numParams(SQLSMALLINT* count);
  SQLRETURN describeParam(SQLUSMALLINT number, SQLSMALLINT* data_type, SQLULEN* size,
                          SQLSMALLINT* digits, SQLSMALLINT* nullable);

  // --- fetch (statement_fetch.cpp) ---
  SQLRETURN fetch();
  SQLRETURN fetchScroll(SQLSMALLINT orientation, SQLLEN offset);
  // ODBC 2's SQLExtendedFetch: SQLFetchScroll with the row count and row statuses returned
  // through its own arguments instead of the statement's attributes.
  SQLRETURN extendedFetch(SQLUSMALLINT orientation, SQLLEN offset, SQLULEN* row_count, SQLUSMALLINT* row_status);
  SQLRETURN getData(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER target,
                    SQLLEN buffer_length, SQLLEN* indicator);
  SQLRETURN setPos(SQLSETPOSIROW row, SQLUSMALLINT operation, SQLUSMALLINT lock_type);

  // --- attributes (statement_attributes.cpp) ---
  SQLRETURN setAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length);
  SQLRETURN getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER buffer_length,
                         SQLINTEGER* string_length);
  SQLRETURN setCursorName(std::string_view name);
  SQLRETURN getCursorName(void* buffer, SQLSMALLINT capacity, SQLSMALLINT* length,
                          convert::CharEncoding encoding);
  bool metadataId() const { return metadata_id_ == SQL_TRUE; }

  // --- catalog (statement_catalog.cpp) ---
  SQLRETURN tables(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                   const CatalogArg& table_type);
  SQLRETURN columns(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                    const CatalogArg& column);
  SQLRETURN primaryKeys(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table);
  SQLRETURN foreignKeys(const CatalogArg& pk_catalog, const CatalogArg& pk_schema,
                        const CatalogArg& pk_table, const CatalogArg& fk_catalog,
                        const CatalogArg& fk_schema, const CatalogArg& fk_table);
  SQLRETURN statistics(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                       SQLUSMALLINT unique, SQLUSMALLINT reserved);
  SQLRETURN specialColumns(SQLUSMALLINT identifier_type, const CatalogArg& catalog,
                           const CatalogArg& schema, const CatalogArg& table, SQLUSMALLINT scope,
                           SQLUSMALLINT nullable);
  SQLRETURN procedures(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& procedure);
  SQLRETURN procedureColumns(const CatalogArg& catalog, const CatalogArg& schema,
                             const CatalogArg& procedure, const CatalogArg& column);
  SQLRETURN tablePrivileges(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table);
  SQLRETURN columnPrivileges(const CatalogArg& catalog, const CatalogArg& schema,
                             const CatalogArg& table, const CatalogArg& column);
  SQLRETURN typeInfo(SQLSMALLINT data_type);

  // Metadata of the current (or prepared) result, as SQLDescribeCol reports it.
  const std::vector<ColumnMeta>& resultColumns() const { return columns_; }

 private:
  enum class State {
    Allocated,   // nothing prepared
    Prepared,    // prepared, not executed (or cursor closed)
    Executed,    // executed, no result set (DML) 
    CursorOpen,  // a result set is open
  };

  void requireNoOpenCursor();
  // SQLCancel on an idle statement closes its cursor (unixODBC's state machine does the same);
  // the close happens at the next call, under the connection lock.
  void applyPendingCancel();
  void resetCursor();
  void refreshColumns();
  void startResult(DriverResult result);
  engine::ResultSet& openResult();
  const ColumnMeta& columnMeta(SQLUSMALLINT column) const;
  SQLRETURN fetchRowset();
  // Converts rowset_ into the bound buffers, row statuses and counts; the return code of the fetch.
  SQLRETURN deliverRowset(SQLULEN size);
  // A static cursor: the result read whole into static_rows_ when it opens (no second trip to
  // monday when the application scrolls back).
  bool scrollable() const { return cursor_type_ != SQL_CURSOR_FORWARD_ONLY; }
  void materializeIfScrollable();
  SQLRETURN fetchStatic(SQLSMALLINT orientation, SQLLEN offset);
  // Column 0 when SQL_ATTR_USE_BOOKMARKS is on: the row's number in the result.
  void writeBookmark(const convert::CTarget& target, SQLLEN row_number);
  SQLLEN bookmarkRow() const;
  using CatalogBuilder = std::function<DriverResult(const std::vector<engine::CatalogTable>&)>;
  SQLRETURN openCatalog(const CatalogBuilder& build);
  void applyRequestTimeout();

  Connection& connection_;
  Descriptor ard_implicit_;
  Descriptor apd_implicit_;
  Descriptor ird_;
  Descriptor ipd_;
  Descriptor* ard_;
  Descriptor* apd_;

  State state_ = State::Allocated;
  std::unique_ptr<engine::Statement> prepared_;
  std::unique_ptr<engine::MaterializedResult> driver_result_;
  engine::ResultSet* result_ = nullptr;  // the open cursor: prepared_ or driver_result_
  std::vector<ColumnMeta> columns_;
  std::int64_t row_count_ = -1;

  // The rows of the current rowset (values copied out of the cursor so SQLGetData can read any
  // column of them in any order).
  std::vector<std::vector<Value>> rowset_;
  std::size_t current_row_ = 0;       // index into rowset_ that SQLGetData reads
  bool cursor_at_end_ = false;
  SQLULEN rows_before_rowset_ = 0;    // for SQL_ATTR_ROW_NUMBER
  SQLUSMALLINT getdata_column_ = 0;
  convert::GetDataProgress getdata_progress_;

  // Attributes.
  SQLULEN query_timeout_ = 0;
  SQLULEN max_rows_ = 0;
  SQLULEN metadata_id_ = SQL_FALSE;
  SQLULEN noscan_ = SQL_NOSCAN_OFF;
  SQLULEN cursor_sensitivity_ = SQL_UNSPECIFIED;
  SQLULEN simulate_cursor_ = SQL_SC_NON_UNIQUE;
  SQLPOINTER fetch_bookmark_ptr_ = nullptr;
  SQLULEN cursor_type_ = SQL_CURSOR_FORWARD_ONLY;
  SQLULEN use_bookmarks_ = SQL_UB_OFF;
  std::unique_ptr<engine::RowStore> static_rows_;
  RowsetPosition position_;      // where the static cursor's rowset is
  SQLULEN last_rowset_size_ = 0;  // the rowset size of the previous static fetch
  std::string cursor_name_;

  // A data-at-execution sequence in progress (SQL_NEED_DATA returned, values not all sent yet).
  struct DataAtExecution {
    std::vector<SQLSMALLINT> parameters;  // numbers of the parameters bound as SQL_DATA_AT_EXEC
    std::size_t next = 0;                 // index into `parameters` of the next one to ask for
    SQLSMALLINT current = 0;              // the parameter SQLPutData is filling (0: none yet)
    bool current_has_data = false;
    std::string bytes;                    // pieces of a character or binary value so far
    std::map<SQLSMALLINT, Value> values;  // finished values
  };
  std::optional<DataAtExecution> data_at_execution_;
  void finishPutValue();
  SQLRETURN putDataPiece(SQLPOINTER data, SQLLEN length);
  SQLRETURN runExecution();

  std::atomic<bool> running_{false};
  std::atomic<bool> close_requested_{false};
  friend class RunningGuard;
};

// Marks a statement as running a call that SQLCancel may interrupt.
class RunningGuard {
 public:
  explicit RunningGuard(Statement& s) : s_(s) { s_.running_ = true; }
  ~RunningGuard() { s_.running_ = false; }
  RunningGuard(const RunningGuard&) = delete;
  RunningGuard& operator=(const RunningGuard&) = delete;

 private:
  Statement& s_;
};

}  // namespace monday::handles
