// Descriptor functions (ANSI and W). String fields of SQLGet/SetDescFieldW are measured in bytes;
// the name of SQLGetDescRecW in characters.

#include "driver/handles/descriptor.h"
#include "driver/handles/descriptor_fields.h"
#include "driver/odbc/entry.h"

using namespace monday;
using namespace monday::handles;

namespace {

std::optional<std::string> fieldText(SQLSMALLINT field, SQLPOINTER value, SQLINTEGER length, bool is_wide) {
  if (!isStringDescField(field) || value == nullptr) return std::nullopt;
  if (is_wide) return odbc::wide(static_cast<SQLWCHAR*>(value), length == SQL_NTS ? SQL_NTS : length / 2);
  return odbc::narrow(static_cast<SQLCHAR*>(value), length);
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLGetDescField(SQLHDESC DescriptorHandle, SQLSMALLINT RecNumber, SQLSMALLINT FieldIdentifier,
                                  SQLPOINTER Value, SQLINTEGER BufferLength, SQLINTEGER* StringLength) {
  return guarded<Descriptor>(SQL_HANDLE_DESC, DescriptorHandle, "SQLGetDescField", [&](Descriptor& d) {
    return getDescField(d, RecNumber, FieldIdentifier, Value, BufferLength, StringLength, odbc::kAnsi);
  });
}

SQLRETURN SQL_API SQLGetDescFieldW(SQLHDESC hdesc, SQLSMALLINT iRecord, SQLSMALLINT iField, SQLPOINTER rgbValue,
                                   SQLINTEGER cbValueMax, SQLINTEGER* pcbValue) {
  return guarded<Descriptor>(SQL_HANDLE_DESC, hdesc, "SQLGetDescFieldW", [&](Descriptor& d) {
    return getDescField(d, iRecord, iField, rgbValue, cbValueMax, pcbValue, odbc::kWide);
  });
}

SQLRETURN SQL_API SQLSetDescField(SQLHDESC DescriptorHandle, SQLSMALLINT RecNumber, SQLSMALLINT FieldIdentifier,
                                  SQLPOINTER Value, SQLINTEGER BufferLength) {
  return guarded<Descriptor>(SQL_HANDLE_DESC, DescriptorHandle, "SQLSetDescField", [&](Descriptor& d) {
    return setDescField(d, RecNumber, FieldIdentifier, Value, BufferLength,
                        fieldText(FieldIdentifier, Value, BufferLength, false));
  });
}

SQLRETURN SQL_API SQLSetDescFieldW(SQLHDESC DescriptorHandle, SQLSMALLINT RecNumber, SQLSMALLINT FieldIdentifier,
                                   SQLPOINTER Value, SQLINTEGER BufferLength) {
  return guarded<Descriptor>(SQL_HANDLE_DESC, DescriptorHandle, "SQLSetDescFieldW", [&](Descriptor& d) {
    return setDescField(d, RecNumber, FieldIdentifier, Value, BufferLength,
                        fieldText(FieldIdentifier, Value, BufferLength, true));
  });
}

SQLRETURN SQL_API SQLGetDescRec(SQLHDESC DescriptorHandle, SQLSMALLINT RecNumber, SQLCHAR* Name,
                                SQLSMALLINT BufferLength, SQLSMALLINT* StringLength, SQLSMALLINT* Type,
                                SQLSMALLINT* SubType, SQLLEN* Length, SQLSMALLINT* Precision, SQLSMALLINT* Scale,
                                SQLSMALLINT* Nullable) {
  return guarded<Descriptor>(SQL_HANDLE_DESC, DescriptorHandle, "SQLGetDescRec", [&](Descriptor& d) {
    return getDescRec(d, RecNumber, Name, BufferLength, StringLength, odbc::kAnsi, Type, SubType, Length, Precision,
                      Scale, Nullable);
  });
}

SQLRETURN SQL_API SQLGetDescRecW(SQLHDESC hdesc, SQLSMALLINT iRecord, SQLWCHAR* szName, SQLSMALLINT cbNameMax,
                                 SQLSMALLINT* pcbName, SQLSMALLINT* pfType, SQLSMALLINT* pfSubType, SQLLEN* pLength,
                                 SQLSMALLINT* pPrecision, SQLSMALLINT* pScale, SQLSMALLINT* pNullable) {
  return guarded<Descriptor>(SQL_HANDLE_DESC, hdesc, "SQLGetDescRecW", [&](Descriptor& d) {
    return getDescRec(d, iRecord, szName, cbNameMax, pcbName, odbc::kWide, pfType, pfSubType, pLength, pPrecision,
                      pScale, pNullable);
  });
}

SQLRETURN SQL_API SQLSetDescRec(SQLHDESC DescriptorHandle, SQLSMALLINT RecNumber, SQLSMALLINT Type,
                                SQLSMALLINT SubType, SQLLEN Length, SQLSMALLINT Precision, SQLSMALLINT Scale,
                                SQLPOINTER Data, SQLLEN* StringLength, SQLLEN* Indicator) {
  return guarded<Descriptor>(SQL_HANDLE_DESC, DescriptorHandle, "SQLSetDescRec", [&](Descriptor& d) {
    return setDescRec(d, RecNumber, Type, SubType, Length, Precision, Scale, Data, StringLength, Indicator);
  });
}

SQLRETURN SQL_API SQLCopyDesc(SQLHDESC SourceDescHandle, SQLHDESC TargetDescHandle) {
  // Both descriptors belong to connections; the target's lock covers the copy (a source on another
  // connection is read without its lock, which ODBC leaves to the application to serialise).
  auto* source = static_cast<Descriptor*>(Registry::instance().find(SourceDescHandle, SQL_HANDLE_DESC));
  if (source == nullptr) return SQL_INVALID_HANDLE;
  return guarded<Descriptor>(SQL_HANDLE_DESC, TargetDescHandle, "SQLCopyDesc",
                             [&](Descriptor& target) { return copyDesc(*source, target); });
}

}  // extern "C"
