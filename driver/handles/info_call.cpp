// SQLGetInfo and SQLGetFunctions bodies on a connection.

#include "driver/handles/info_call.h"

#include <cstring>

#include "driver/common/error.h"
#include "driver/engine/session.h"
#include "driver/handles/connection.h"
#include "driver/handles/functions.h"
#include "driver/handles/info.h"
#include "driver/log/logger.h"

namespace monday::handles {

namespace {

// Info ids ODBC reserves for itself (so "unknown" there means a newer standard id).
bool isStandardInfoRange(SQLUSMALLINT id) {
  return id < 1000 /* SQL_INFO_DRIVER_START */ || (id >= 10000 && id < 11000) || id == SQL_DTC_TRANSITION_COST;
}

InfoContext contextOf(Connection& c) {
  InfoContext ctx;
  ctx.odbc_version = c.odbcVersion();
  if (const config::Settings* s = c.settings()) {
    ctx.data_source_name = s->dsn;
    ctx.api_version = s->api_version;
  }
  if (c.connected()) {
    const engine::ServerInfo& info = c.session().serverInfo();
    ctx.user_name = !info.user_email.empty() ? info.user_email : info.user_name;
    ctx.server_name = info.endpoint;
    if (!info.api_version.empty()) ctx.api_version = info.api_version;
  }
  return ctx;
}

}  // namespace

SQLRETURN getInfo(Connection& connection, SQLUSMALLINT id, SQLPOINTER value, SQLSMALLINT buffer_length,
                  SQLSMALLINT* string_length, convert::CharEncoding encoding) {
  const std::optional<InfoValue> answer = infoValue(id, contextOf(connection));
  if (!answer) {
    if (!isStandardInfoRange(id)) {
      throw Error(sqlstate::kInvalidInformationType,
                  "Information type " + std::to_string(id) + " is not known to this driver.");
    }
    // A standard id newer than this driver: answer a harmless zero rather than fail (Power BI
    // aborts on HY096 for ids it considers standard).
    if (log::Logger* logger = connection.logger(); logger && logger->enabled(log::Level::Debug)) {
      logger->write(log::Level::Debug, "odbc", "SQLGetInfo: unknown info type " + std::to_string(id) + ", answered 0");
    }
    if (value) {
      const std::size_t n = buffer_length >= 2 ? std::min<std::size_t>(static_cast<std::size_t>(buffer_length), 4) : 2;
      std::memset(value, 0, n);
    }
    convert::storeLength(string_length, 0);
    return SQL_SUCCESS;
  }
  if (const auto* text = std::get_if<std::string>(&*answer)) {
    const auto written = convert::writeText(*text, value, buffer_length, encoding, convert::LengthUnit::Bytes);
    convert::storeLength(string_length, written.full_length);
    if (written.truncated) {
      connection.diag().add(sqlstate::kStringTruncated,
                            "String data, right truncated: the SQLGetInfo buffer was too small.");
      return SQL_SUCCESS_WITH_INFO;
    }
    return SQL_SUCCESS;
  }
  if (const auto* us = std::get_if<SQLUSMALLINT>(&*answer)) {
    if (value) std::memcpy(value, us, sizeof *us);
    convert::storeLength(string_length, sizeof *us);
  } else if (const auto* ui = std::get_if<SQLUINTEGER>(&*answer)) {
    if (value) std::memcpy(value, ui, sizeof *ui);
    convert::storeLength(string_length, sizeof *ui);
  } else if (const auto* ul = std::get_if<SQLULEN>(&*answer)) {
    if (value) std::memcpy(value, ul, sizeof *ul);
    convert::storeLength(string_length, sizeof *ul);
  }
  return SQL_SUCCESS;
}

SQLRETURN getFunctions(SQLUSMALLINT function, SQLUSMALLINT* supported) {
  if (supported == nullptr) {
    throw Error(sqlstate::kInvalidArgumentValue, "Invalid use of null pointer: SupportedPtr is NULL.");
  }
  if (function == SQL_API_ODBC3_ALL_FUNCTIONS) {
    fillOdbc3FunctionBitmap(supported);
  } else if (function == SQL_API_ALL_FUNCTIONS) {
    fillOdbc2FunctionArray(supported);
  } else {
    *supported = isImplementedFunction(function) ? SQL_TRUE : SQL_FALSE;
  }
  return SQL_SUCCESS;
}

}  // namespace monday::handles
