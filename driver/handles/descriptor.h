#pragma once
// ODBC descriptors. Application descriptors (ARD: where fetched columns go, APD: where parameter
// values come from) hold the application's buffers; the IPD holds parameter SQL types. The IRD
// (result columns) is not stored: its fields are computed from the statement's result metadata.
// Explicitly allocated descriptors (SQLAllocHandle(SQL_HANDLE_DESC)) can replace a statement's
// ARD or APD.

#include <sql.h>
#include <sqlext.h>

#include <string>
#include <vector>

#include "driver/convert/length_slot.h"
#include "driver/handles/handle.h"

namespace monday::handles {

class Connection;
class Statement;

struct DescRecord {
  // Application descriptor fields (ARD/APD).
  SQLSMALLINT concise_type = SQL_C_DEFAULT;
  SQLSMALLINT type = SQL_C_DEFAULT;
  SQLSMALLINT datetime_interval_code = 0;
  SQLPOINTER data_ptr = nullptr;
  SQLLEN octet_length = 0;
  SQLLEN* indicator_ptr = nullptr;
  SQLLEN* octet_length_ptr = nullptr;
  SQLSMALLINT precision = 0;
  SQLSMALLINT scale = 0;
  SQLULEN length = 0;
  // Implementation parameter descriptor fields (IPD).
  SQLSMALLINT parameter_type = SQL_PARAM_INPUT;
  SQLSMALLINT nullable = SQL_NULLABLE;
  std::string name;

  // A record the application bound (SQLBindCol with a buffer / SQLBindParameter).
  bool bound() const { return data_ptr != nullptr || indicator_ptr != nullptr || octet_length_ptr != nullptr; }
};

enum class DescRole { ARD, APD, IRD, IPD };

class Descriptor final : public Handle {
 public:
  // Implicit descriptors belong to a statement; explicit ones (statement == nullptr) to a
  // connection.
  Descriptor(Connection& connection, Statement* statement, DescRole role);
  ~Descriptor() override;

  std::mutex& callMutex() override;
  SQLINTEGER odbcVersion() const override;
  log::Logger* logger() override;

  Connection& connection() { return connection_; }
  Statement* owner() { return statement_; }  // nullptr for explicit descriptors
  DescRole role() const { return role_; }
  void setRole(DescRole role) { role_ = role; }
  bool isExplicit() const { return statement_ == nullptr; }
  bool isImplementation() const { return role_ == DescRole::IRD || role_ == DescRole::IPD; }

  // Header fields.
  SQLULEN array_size = 1;
  SQLUSMALLINT* array_status_ptr = nullptr;
  SQLLEN* bind_offset_ptr = nullptr;
  SQLINTEGER bind_type = SQL_BIND_BY_COLUMN;
  SQLULEN* rows_processed_ptr = nullptr;

  // Records 1..count (index 0 is the bookmark column, unused).
  SQLSMALLINT count() const;
  DescRecord& record(SQLSMALLINT number);  // grows the descriptor as needed
  const DescRecord* findRecord(SQLSMALLINT number) const;
  void unbindAll();
  // Drops trailing unbound records (SQLBindCol(..., NULL) on the last column lowers SQL_DESC_COUNT).
  void trimUnbound();
  void setCount(SQLSMALLINT count);

  // The address of record `number`'s buffer/indicator for row `row` of an array, applying
  // SQL_DESC_BIND_OFFSET_PTR and the bind type (column-wise or row-wise).
  void* dataAddress(const DescRecord& rec, SQLULEN row) const;
  // Possibly unaligned: the application chose the addresses.
  convert::LengthSlot indicatorAddress(const DescRecord& rec, SQLULEN row) const;
  convert::LengthSlot octetLengthAddress(const DescRecord& rec, SQLULEN row) const;

 private:
  SQLLEN offset() const { return bind_offset_ptr ? *bind_offset_ptr : 0; }
  Connection& connection_;
  Statement* statement_;
  DescRole role_;
  std::vector<DescRecord> records_;  // [0] = bookmark
};

// Sets a record's type fields consistently (SQL_DESC_CONCISE_TYPE vs SQL_DESC_TYPE and
// SQL_DESC_DATETIME_INTERVAL_CODE), for application (C type) or implementation (SQL type) codes.
void setRecordType(DescRecord& rec, SQLSMALLINT concise_type);

}  // namespace monday::handles
