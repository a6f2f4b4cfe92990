#include "driver/handles/environment.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "driver/common/error.h"
#include "driver/handles/connection.h"
#include "driver/handles/registry.h"

namespace monday::handles {

Environment::Environment() : Handle(SQL_HANDLE_ENV) {}

Environment::~Environment() = default;

SQLRETURN Environment::setAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER) {
  const auto number = static_cast<SQLUINTEGER>(reinterpret_cast<std::uintptr_t>(value));
  switch (attribute) {
    case SQL_ATTR_ODBC_VERSION:
      if (number != SQL_OV_ODBC2 && number != SQL_OV_ODBC3 && number != SQL_OV_ODBC3_80) {
        throw Error(sqlstate::kInvalidAttributeValue, "Invalid attribute value " + std::to_string(number) +
                                 " for SQL_ATTR_ODBC_VERSION: use SQL_OV_ODBC2, SQL_OV_ODBC3 or "
                                 "SQL_OV_ODBC3_80.");
      }
      odbc_version_ = static_cast<SQLINTEGER>(number);
      return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_POOLING:
      connection_pooling_ = number;
      return SQL_SUCCESS;
    case SQL_ATTR_CP_MATCH:
      cp_match_ = number;
      return SQL_SUCCESS;
    case SQL_ATTR_OUTPUT_NTS:
      if (number != SQL_TRUE) {
        throw Error(sqlstate::kOptionalFeatureNotImplemented,
                    "SQL_ATTR_OUTPUT_NTS = SQL_FALSE is not supported: strings are always "
                    "NUL-terminated.");
      }
      return SQL_SUCCESS;
    default:
      throw Error(sqlstate::kInvalidAttributeOptionIdentifier,
                  "Unknown environment attribute " + std::to_string(attribute) + ".");
  }
}

SQLRETURN Environment::getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER,
                                    SQLINTEGER* string_length) {
  SQLUINTEGER result = 0;
  switch (attribute) {
    case SQL_ATTR_ODBC_VERSION: result = static_cast<SQLUINTEGER>(odbc_version_.load()); break;
    case SQL_ATTR_CONNECTION_POOLING: result = connection_pooling_; break;
    case SQL_ATTR_CP_MATCH: result = cp_match_; break;
    case SQL_ATTR_OUTPUT_NTS: result = SQL_TRUE; break;
    default:
      throw Error(sqlstate::kInvalidAttributeOptionIdentifier,
                  "Unknown environment attribute " + std::to_string(attribute) + ".");
  }
  if (value) *static_cast<SQLUINTEGER*>(value) = result;
  if (string_length) *string_length = sizeof(SQLUINTEGER);
  return SQL_SUCCESS;
}

Connection* Environment::createConnection() {
  auto connection = std::make_unique<Connection>(*this);
  Connection* raw = connection.get();
  connections_.push_back(std::move(connection));
  return raw;
}

void Environment::destroyConnection(Connection* connection) {
  auto it = std::find_if(connections_.begin(), connections_.end(),
                         [&](const auto& c) { return c.get() == connection; });
  if (it == connections_.end()) return;
  connections_.erase(it);  // the connection unregisters itself and its children
}

}  // namespace monday::handles

namespace monday::handles {

SQLRETURN Environment::endTransactions(SQLSMALLINT completion) {
  std::optional<Error> first_failure;
  for (const auto& connection : connections_) {
    std::lock_guard lock(connection->callMutex());
    if (!connection->connected()) continue;
    try {
      connection->endTransaction(completion);
    } catch (const Error& error) {
      if (!first_failure) first_failure = error;
    }
  }
  if (first_failure) throw *first_failure;
  return SQL_SUCCESS;
}

}  // namespace monday::handles
