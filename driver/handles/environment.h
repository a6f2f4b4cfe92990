#pragma once
// SQL_HANDLE_ENV: the ODBC version the application asked for (which changes date type codes and
// SQLSTATEs, ANCHORS §7.1) and the connections allocated on it.

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "driver/handles/handle.h"

namespace monday::handles {

class Connection;

class Environment final : public Handle {
 public:
  Environment();
  ~Environment() override;

  std::mutex& callMutex() override { return mutex_; }
  SQLINTEGER odbcVersion() const override { return odbc_version_.load(); }

  SQLRETURN setAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length);
  SQLRETURN getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER buffer_length,
                         SQLINTEGER* string_length);

  // Called with callMutex() held.
  Connection* createConnection();
  void destroyConnection(Connection* connection);
  bool hasConnections() const { return !connections_.empty(); }
  // SQLEndTran(SQL_HANDLE_ENV): ends the transaction of every connected connection; throws the
  // first failure after trying them all.
  SQLRETURN endTransactions(SQLSMALLINT completion);

 private:
  std::mutex mutex_;
  // Read by child handles under their own locks, so atomic. ODBC 3 until the application says.
  std::atomic<SQLINTEGER> odbc_version_{SQL_OV_ODBC3};
  SQLUINTEGER connection_pooling_ = SQL_CP_OFF;
  SQLUINTEGER cp_match_ = SQL_CP_STRICT_MATCH;
  std::vector<std::unique_ptr<Connection>> connections_;
};

}  // namespace monday::handles
