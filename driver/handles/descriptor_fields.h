#pragma once
// SQLGetDescField / SQLSetDescField / SQLGetDescRec / SQLSetDescRec / SQLCopyDesc bodies.
// IRD fields are computed from the owning statement's result columns (the same code as
// SQLColAttribute), so a tool that reads descriptors sees what SQLDescribeCol says.

#include <optional>
#include <string>

#include "driver/convert/out_buffer.h"
#include "driver/handles/descriptor.h"

namespace monday::handles {

SQLRETURN getDescField(Descriptor& desc, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                       SQLINTEGER buffer_length, SQLINTEGER* string_length,
                       convert::CharEncoding encoding);
SQLRETURN setDescField(Descriptor& desc, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                       SQLINTEGER buffer_length, const std::optional<std::string>& text_value);
SQLRETURN getDescRec(Descriptor& desc, SQLSMALLINT record, void* name, SQLSMALLINT name_capacity,
                     SQLSMALLINT* name_length, convert::CharEncoding encoding, SQLSMALLINT* type,
                     SQLSMALLINT* subtype, SQLLEN* length, SQLSMALLINT* precision,
                     SQLSMALLINT* scale, SQLSMALLINT* nullable);
SQLRETURN setDescRec(Descriptor& desc, SQLSMALLINT record, SQLSMALLINT type, SQLSMALLINT subtype,
                     SQLLEN length, SQLSMALLINT precision, SQLSMALLINT scale, SQLPOINTER data,
                     SQLLEN* string_length, SQLLEN* indicator);
SQLRETURN copyDesc(Descriptor& source, Descriptor& target);

// Whether SQLSetDescField's value for `field` is a string (the W entry point decodes those).
bool isStringDescField(SQLSMALLINT field);

}  // namespace monday::handles
