#pragma once
// SQLGetDiagRec / SQLGetDiagField / SQLError bodies. They read a handle's diagnostics without
// clearing them, and map SQLSTATEs for ODBC 2 applications.

#include "driver/convert/out_buffer.h"
#include "driver/handles/handle.h"

namespace monday::handles {

// `state` receives 5 characters and a terminator (char or char16_t by `encoding`).
SQLRETURN getDiagRec(Handle& handle, SQLSMALLINT record, void* state, SQLINTEGER* native_code,
                     void* message, SQLSMALLINT message_capacity, SQLSMALLINT* message_length,
                     convert::CharEncoding encoding);
SQLRETURN getDiagField(Handle& handle, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                       SQLSMALLINT buffer_length, SQLSMALLINT* string_length,
                       convert::CharEncoding encoding);
// SQLError: the next record not yet returned by SQLError, or SQL_NO_DATA.
SQLRETURN nextErrorRecord(Handle& handle, void* state, SQLINTEGER* native_code, void* message,
                          SQLSMALLINT message_capacity, SQLSMALLINT* message_length,
                          convert::CharEncoding encoding);

}  // namespace monday::handles
