// SQLSetConnectAttr / SQLGetConnectAttr bodies.

#include <algorithm>
#include <cstdint>

#include "driver/common/error.h"
#include "driver/engine/session.h"
#include "driver/handles/connection.h"
#include "driver/handles/environment.h"
#include "driver/handles/statement.h"

#ifndef SQL_ATTR_DBC_INFO_TOKEN
#define SQL_ATTR_DBC_INFO_TOKEN 118
#endif

namespace monday::handles {

namespace {

SQLUINTEGER asUInt(SQLPOINTER value) {
  return static_cast<SQLUINTEGER>(reinterpret_cast<std::uintptr_t>(value));
}

[[noreturn]] void unknownAttribute(SQLINTEGER attribute) {
  throw Error(sqlstate::kInvalidAttributeOptionIdentifier,
              "Invalid attribute/option identifier: connection attribute " +
                  std::to_string(attribute) + " is not known to this driver.");
}

[[noreturn]] void invalidValue(std::string_view name, SQLUINTEGER value) {
  throw Error(sqlstate::kInvalidAttributeValue, "Invalid attribute value " + std::to_string(value) + " for " +
                           std::string(name) + ".");
}

}  // namespace

bool Connection::isStringAttribute(SQLINTEGER attribute) {
  return attribute == SQL_ATTR_CURRENT_CATALOG || attribute == SQL_ATTR_TRACEFILE ||
         attribute == SQL_ATTR_TRANSLATE_LIB;
}

SQLRETURN Connection::setAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER,
                                   const std::optional<std::string>& text_value) {
  const SQLUINTEGER number = asUInt(value);
  switch (attribute) {
    case SQL_ATTR_ACCESS_MODE:
      if (number != SQL_MODE_READ_ONLY && number != SQL_MODE_READ_WRITE) {
        invalidValue("SQL_ATTR_ACCESS_MODE", number);
      }
      access_mode_ = number;
      return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
    case SQL_ATTR_ASYNC_DBC_FUNCTIONS_ENABLE:
      if (number != SQL_ASYNC_ENABLE_OFF) {
        throw Error(sqlstate::kOptionalFeatureNotImplemented,
                    "Asynchronous execution is not supported; calls run synchronously. Use "
                    "SQLCancel from another thread to stop a long call.");
      }
      return SQL_SUCCESS;
    case SQL_ATTR_AUTOCOMMIT:
      if (number != SQL_AUTOCOMMIT_ON && number != SQL_AUTOCOMMIT_OFF) {
        invalidValue("SQL_ATTR_AUTOCOMMIT", number);
      }
      // Manual-commit mode is real for local tables and honest about monday's changes
      // (engine/transactions.cpp). Switching it back on commits the open transaction first.
      if (session_) session_->setManualCommit(number == SQL_AUTOCOMMIT_OFF);
      autocommit_ = number;
      return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_TIMEOUT:
      connection_timeout_ = number;
      if (session_ && number > 0) session_->setRequestTimeout(static_cast<int>(std::min<SQLUINTEGER>(number, 3600)));
      return SQL_SUCCESS;
    case SQL_ATTR_LOGIN_TIMEOUT:
      login_timeout_ = number;
      return SQL_SUCCESS;
    case SQL_ATTR_CURRENT_CATALOG:
      if (text_value && !text_value->empty()) {
        diag().add(sqlstate::kOptionValueChanged,
                   "Option value changed: this driver has no catalogs (tables live in schemas), "
                   "so the current catalog stays empty.");
      }
      return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID:
      statement_defaults_.metadata_id = number == SQL_TRUE ? SQL_TRUE : SQL_FALSE;
      return SQL_SUCCESS;
    case SQL_ATTR_PACKET_SIZE:
      packet_size_ = number;  // meaningless over HTTPS; remembered for SQLGetConnectAttr
      return SQL_SUCCESS;
    case SQL_ATTR_QUIET_MODE:
      quiet_mode_ = value;
      return SQL_SUCCESS;
    case SQL_ATTR_TXN_ISOLATION:
      // One SQLite database per connection, nobody else writes to it: always serializable.
      if (number != SQL_TXN_SERIALIZABLE) {
        diag().add(sqlstate::kOptionValueChanged,
                   "Option value changed: transactions on this connection are always serializable "
                   "(SQL_TXN_SERIALIZABLE).");
        return SQL_SUCCESS_WITH_INFO;
      }
      return SQL_SUCCESS;
    case SQL_ATTR_ANSI_APP:
      ansi_app_ = number;
      return SQL_SUCCESS;
    case SQL_ATTR_RESET_CONNECTION:
      // A pooled connection is handed to a new user: back to the defaults.
      access_mode_ = SQL_MODE_READ_WRITE;
      if (session_) session_->setManualCommit(false);
      autocommit_ = SQL_AUTOCOMMIT_ON;
      statement_defaults_ = StatementDefaults{};
      return SQL_SUCCESS;
    case SQL_ATTR_DBC_INFO_TOKEN:
    case SQL_ATTR_ODBC_CURSORS:
    case SQL_ATTR_TRACE:
    case SQL_ATTR_TRACEFILE:
      return SQL_SUCCESS;  // driver-manager business
    case SQL_ATTR_TRANSLATE_LIB:
    case SQL_ATTR_TRANSLATE_OPTION:
      throw Error(sqlstate::kOptionalFeatureNotImplemented,
                  "Translation libraries are not supported: the driver speaks UTF-8/UTF-16.");
    case SQL_ATTR_AUTO_IPD:
    case SQL_ATTR_CONNECTION_DEAD:
      throw Error(sqlstate::kInvalidAttributeOptionIdentifier, "This connection attribute is read-only.");

    // Statement attributes set on the connection become defaults of later statements (ODBC 2
    // SQLSetConnectOption semantics).
    case SQL_ATTR_QUERY_TIMEOUT:
      statement_defaults_.query_timeout = number;
      return SQL_SUCCESS;
    case SQL_ATTR_MAX_ROWS:
      statement_defaults_.max_rows = number;
      return SQL_SUCCESS;
    case SQL_ATTR_NOSCAN:
      statement_defaults_.noscan = number;
      return SQL_SUCCESS;
    case SQL_ROWSET_SIZE:
    case SQL_ATTR_ROW_ARRAY_SIZE:
      if (number == 0) invalidValue("SQL_ATTR_ROW_ARRAY_SIZE", number);
      statement_defaults_.row_array_size = number;
      return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_TYPE:
    case SQL_ATTR_CONCURRENCY:
    case SQL_ATTR_MAX_LENGTH:
    case SQL_ATTR_RETRIEVE_DATA:
    case SQL_ATTR_SIMULATE_CURSOR:
    case SQL_ATTR_KEYSET_SIZE:
    case SQL_ATTR_USE_BOOKMARKS:
      return SQL_SUCCESS;  // statements start with the only values they support anyway
    default:
      unknownAttribute(attribute);
  }
}

SQLRETURN Connection::getAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER buffer_length,
                                   SQLINTEGER* string_length, convert::CharEncoding encoding) {
  auto text = [&](std::string_view s) {
    const auto r = convert::writeText(s, value, buffer_length, encoding, convert::LengthUnit::Bytes);
    convert::storeLength(string_length, r.full_length);
    if (r.truncated) {
      diag().add(sqlstate::kStringTruncated, "String data, right truncated: use a larger buffer.");
    }
    return SQL_SUCCESS;
  };
  auto integer = [&](SQLUINTEGER n) {
    if (value) *static_cast<SQLUINTEGER*>(value) = n;
    convert::storeLength(string_length, sizeof(SQLUINTEGER));
    return SQL_SUCCESS;
  };
  auto ulen = [&](SQLULEN n) {
    if (value) *static_cast<SQLULEN*>(value) = n;
    convert::storeLength(string_length, sizeof(SQLULEN));
    return SQL_SUCCESS;
  };
  switch (attribute) {
    case SQL_ATTR_ACCESS_MODE: return integer(access_mode_);
    case SQL_ATTR_ASYNC_ENABLE: return integer(SQL_ASYNC_ENABLE_OFF);
    case SQL_ATTR_ASYNC_DBC_FUNCTIONS_ENABLE: return integer(SQL_ASYNC_ENABLE_OFF);
    case SQL_ATTR_AUTO_IPD: return integer(SQL_FALSE);
    case SQL_ATTR_AUTOCOMMIT: return integer(autocommit_);
    case SQL_ATTR_CONNECTION_DEAD: return integer(session_ ? SQL_CD_FALSE : SQL_CD_TRUE);
    case SQL_ATTR_CONNECTION_TIMEOUT: return integer(connection_timeout_);
    case SQL_ATTR_LOGIN_TIMEOUT: return integer(login_timeout_);
    case SQL_ATTR_CURRENT_CATALOG: return text("");
    case SQL_ATTR_METADATA_ID: return integer(static_cast<SQLUINTEGER>(statement_defaults_.metadata_id));
    case SQL_ATTR_ODBC_CURSORS: return integer(SQL_CUR_USE_DRIVER);
    case SQL_ATTR_PACKET_SIZE: return integer(packet_size_);
    case SQL_ATTR_QUIET_MODE:
      if (value) *static_cast<SQLPOINTER*>(value) = quiet_mode_;
      convert::storeLength(string_length, sizeof(SQLPOINTER));
      return SQL_SUCCESS;
    case SQL_ATTR_TRACE: return integer(SQL_OPT_TRACE_OFF);
    case SQL_ATTR_TRACEFILE: return text("");
    case SQL_ATTR_TXN_ISOLATION: return integer(SQL_TXN_SERIALIZABLE);
    case SQL_ATTR_ANSI_APP: return integer(ansi_app_);
    case SQL_ATTR_QUERY_TIMEOUT: return ulen(statement_defaults_.query_timeout);
    case SQL_ATTR_MAX_ROWS: return ulen(statement_defaults_.max_rows);
    case SQL_ATTR_NOSCAN: return ulen(statement_defaults_.noscan);
    case SQL_ROWSET_SIZE:
    case SQL_ATTR_ROW_ARRAY_SIZE: return ulen(statement_defaults_.row_array_size);
    case SQL_ATTR_CURSOR_TYPE: return ulen(SQL_CURSOR_FORWARD_ONLY);
    case SQL_ATTR_CONCURRENCY: return ulen(SQL_CONCUR_READ_ONLY);
    default:
      unknownAttribute(attribute);
  }
}

}  // namespace monday::handles

namespace monday::handles {

SQLRETURN Connection::endTransaction(SQLSMALLINT completion) {
  if (completion != SQL_COMMIT && completion != SQL_ROLLBACK) {
    throw Error(sqlstate::kInvalidTransactionOperation,
                "Invalid transaction operation code: use SQL_COMMIT or SQL_ROLLBACK.");
  }
  engine::Session& current = session();
  if (completion == SQL_COMMIT) {
    current.commit();
    return SQL_SUCCESS;
  }
  // SQLite aborts every pending read at ROLLBACK: close the cursors first so that no statement
  // is left pointing at one (SQL_CURSOR_ROLLBACK_BEHAVIOR = SQL_CB_CLOSE).
  for (const auto& statement : statements_) statement->closeCursor(false);
  current.rollback();
  return SQL_SUCCESS;
}

}  // namespace monday::handles
