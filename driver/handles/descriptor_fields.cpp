#include "driver/handles/descriptor_fields.h"

#include <algorithm>
#include <cstdint>

#include "driver/common/error.h"
#include "driver/convert/wide.h"
#include "driver/handles/statement.h"

namespace monday::handles {

namespace {

enum class FieldKind { SmallInt, Integer, Len, ULen, Pointer, String };

std::optional<FieldKind> kindOf(SQLSMALLINT field) {
  switch (field) {
    case SQL_DESC_ALLOC_TYPE:
    case SQL_DESC_COUNT:
    case SQL_DESC_CONCISE_TYPE:
    case SQL_DESC_DATETIME_INTERVAL_CODE:
    case SQL_DESC_FIXED_PREC_SCALE:
    case SQL_DESC_NULLABLE:
    case SQL_DESC_PARAMETER_TYPE:
    case SQL_DESC_PRECISION:
    case SQL_DESC_ROWVER:
    case SQL_DESC_SCALE:
    case SQL_DESC_SEARCHABLE:
    case SQL_DESC_TYPE:
    case SQL_DESC_UNNAMED:
    case SQL_DESC_UNSIGNED:
    case SQL_DESC_UPDATABLE:
      return FieldKind::SmallInt;
    case SQL_DESC_BIND_TYPE:
    case SQL_DESC_AUTO_UNIQUE_VALUE:
    case SQL_DESC_CASE_SENSITIVE:
    case SQL_DESC_DATETIME_INTERVAL_PRECISION:
    case SQL_DESC_NUM_PREC_RADIX:
      return FieldKind::Integer;
    case SQL_DESC_DISPLAY_SIZE:
    case SQL_DESC_OCTET_LENGTH:
      return FieldKind::Len;
    case SQL_DESC_ARRAY_SIZE:
    case SQL_DESC_LENGTH:
      return FieldKind::ULen;
    case SQL_DESC_ARRAY_STATUS_PTR:
    case SQL_DESC_BIND_OFFSET_PTR:
    case SQL_DESC_ROWS_PROCESSED_PTR:
    case SQL_DESC_DATA_PTR:
    case SQL_DESC_INDICATOR_PTR:
    case SQL_DESC_OCTET_LENGTH_PTR:
      return FieldKind::Pointer;
    case SQL_DESC_BASE_COLUMN_NAME:
    case SQL_DESC_BASE_TABLE_NAME:
    case SQL_DESC_CATALOG_NAME:
    case SQL_DESC_LABEL:
    case SQL_DESC_LITERAL_PREFIX:
    case SQL_DESC_LITERAL_SUFFIX:
    case SQL_DESC_LOCAL_TYPE_NAME:
    case SQL_DESC_NAME:
    case SQL_DESC_SCHEMA_NAME:
    case SQL_DESC_TABLE_NAME:
    case SQL_DESC_TYPE_NAME:
      return FieldKind::String;
    default:
      return std::nullopt;
  }
}

bool isHeaderField(SQLSMALLINT field) {
  return field == SQL_DESC_ALLOC_TYPE || field == SQL_DESC_ARRAY_SIZE || field == SQL_DESC_ARRAY_STATUS_PTR ||
         field == SQL_DESC_BIND_OFFSET_PTR || field == SQL_DESC_BIND_TYPE || field == SQL_DESC_COUNT ||
         field == SQL_DESC_ROWS_PROCESSED_PTR;
}

void storeNumber(FieldKind kind, SQLPOINTER value, SQLINTEGER* string_length, std::int64_t n) {
  if (value) {
    switch (kind) {
      case FieldKind::SmallInt: *static_cast<SQLSMALLINT*>(value) = static_cast<SQLSMALLINT>(n); break;
      case FieldKind::Integer: *static_cast<SQLINTEGER*>(value) = static_cast<SQLINTEGER>(n); break;
      case FieldKind::Len: *static_cast<SQLLEN*>(value) = static_cast<SQLLEN>(n); break;
      case FieldKind::ULen: *static_cast<SQLULEN*>(value) = static_cast<SQLULEN>(n); break;
      default: break;
    }
  }
  if (string_length) {
    switch (kind) {
      case FieldKind::SmallInt: *string_length = sizeof(SQLSMALLINT); break;
      case FieldKind::Integer: *string_length = sizeof(SQLINTEGER); break;
      default: *string_length = sizeof(SQLLEN); break;
    }
  }
}

void storePointer(SQLPOINTER value, SQLINTEGER* string_length, const void* p) {
  if (value) *static_cast<SQLPOINTER*>(value) = const_cast<void*>(p);
  if (string_length) *string_length = sizeof(SQLPOINTER);
}

[[noreturn]] void badRecord(SQLSMALLINT record) {
  throw Error(sqlstate::kInvalidDescriptorIndex,
              "Invalid descriptor index " + std::to_string(record) + ": records are numbered from 1 "
              "(0 is the bookmark, which is not supported).");
}

[[noreturn]] void badField(SQLSMALLINT field) {
  throw Error(sqlstate::kInvalidDescriptorFieldIdentifier,
              "Invalid descriptor field identifier " + std::to_string(field) + ".");
}

SQLSMALLINT irdCount(Descriptor& desc) {
  Statement* s = desc.owner();
  return s ? static_cast<SQLSMALLINT>(s->resultColumns().size()) : 0;
}

}  // namespace

bool isStringDescField(SQLSMALLINT field) {
  auto kind = kindOf(field);
  return kind && *kind == FieldKind::String;
}

SQLRETURN getDescField(Descriptor& desc, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                       SQLINTEGER buffer_length, SQLINTEGER* string_length,
                       convert::CharEncoding encoding) {
  const auto kind = kindOf(field);
  if (!kind) badField(field);

  if (isHeaderField(field)) {
    switch (field) {
      case SQL_DESC_ALLOC_TYPE:
        storeNumber(*kind, value, string_length, desc.isExplicit() ? SQL_DESC_ALLOC_USER : SQL_DESC_ALLOC_AUTO);
        return SQL_SUCCESS;
      case SQL_DESC_ARRAY_SIZE: storeNumber(*kind, value, string_length, static_cast<std::int64_t>(desc.array_size)); return SQL_SUCCESS;
      case SQL_DESC_ARRAY_STATUS_PTR: storePointer(value, string_length, desc.array_status_ptr); return SQL_SUCCESS;
      case SQL_DESC_BIND_OFFSET_PTR: storePointer(value, string_length, desc.bind_offset_ptr); return SQL_SUCCESS;
      case SQL_DESC_BIND_TYPE: storeNumber(*kind, value, string_length, desc.bind_type); return SQL_SUCCESS;
      case SQL_DESC_ROWS_PROCESSED_PTR: storePointer(value, string_length, desc.rows_processed_ptr); return SQL_SUCCESS;
      case SQL_DESC_COUNT:
        storeNumber(*kind, value, string_length, desc.role() == DescRole::IRD ? irdCount(desc) : desc.count());
        return SQL_SUCCESS;
      default: badField(field);
    }
  }

  if (record < 1) badRecord(record);

  if (desc.role() == DescRole::IRD) {
    Statement* s = desc.owner();
    if (s == nullptr || record > irdCount(desc)) return SQL_NO_DATA;
    if (*kind == FieldKind::String) {
      SQLSMALLINT length = 0;
      const SQLSMALLINT capacity = static_cast<SQLSMALLINT>(buffer_length > 32767 ? 32767 : buffer_length);
      const SQLRETURN rc = s->colAttribute(static_cast<SQLUSMALLINT>(record), static_cast<SQLUSMALLINT>(field),
                                           value, capacity, &length, nullptr, encoding);
      if (string_length) *string_length = length;
      return rc;
    }
    SQLLEN n = 0;
    SQLUSMALLINT attribute = static_cast<SQLUSMALLINT>(field);
    if (field == SQL_DESC_DATA_PTR || field == SQL_DESC_INDICATOR_PTR || field == SQL_DESC_OCTET_LENGTH_PTR) {
      storePointer(value, string_length, nullptr);
      return SQL_SUCCESS;
    }
    if (field == SQL_DESC_PARAMETER_TYPE) badField(field);
    const SQLRETURN rc = s->colAttribute(static_cast<SQLUSMALLINT>(record), attribute, nullptr, 0, nullptr, &n, encoding);
    storeNumber(*kind, value, string_length, n);
    return rc;
  }

  const DescRecord* rec = desc.findRecord(record);
  if (rec == nullptr || record > desc.count()) return SQL_NO_DATA;
  switch (field) {
    case SQL_DESC_TYPE: storeNumber(*kind, value, string_length, rec->type); return SQL_SUCCESS;
    case SQL_DESC_CONCISE_TYPE: storeNumber(*kind, value, string_length, rec->concise_type); return SQL_SUCCESS;
    case SQL_DESC_DATETIME_INTERVAL_CODE: storeNumber(*kind, value, string_length, rec->datetime_interval_code); return SQL_SUCCESS;
    case SQL_DESC_DATA_PTR: storePointer(value, string_length, rec->data_ptr); return SQL_SUCCESS;
    case SQL_DESC_INDICATOR_PTR: storePointer(value, string_length, rec->indicator_ptr); return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH_PTR: storePointer(value, string_length, rec->octet_length_ptr); return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH: storeNumber(*kind, value, string_length, rec->octet_length); return SQL_SUCCESS;
    case SQL_DESC_LENGTH: storeNumber(*kind, value, string_length, static_cast<std::int64_t>(rec->length)); return SQL_SUCCESS;
    case SQL_DESC_PRECISION: storeNumber(*kind, value, string_length, rec->precision); return SQL_SUCCESS;
    case SQL_DESC_SCALE: storeNumber(*kind, value, string_length, rec->scale); return SQL_SUCCESS;
    case SQL_DESC_PARAMETER_TYPE: storeNumber(*kind, value, string_length, rec->parameter_type); return SQL_SUCCESS;
    case SQL_DESC_NULLABLE: storeNumber(*kind, value, string_length, rec->nullable); return SQL_SUCCESS;
    case SQL_DESC_UNNAMED: storeNumber(*kind, value, string_length, rec->name.empty() ? SQL_UNNAMED : SQL_NAMED); return SQL_SUCCESS;
    case SQL_DESC_NAME: {
      const auto written = convert::writeText(rec->name, value, buffer_length, encoding, convert::LengthUnit::Bytes);
      convert::storeLength(string_length, written.full_length);
      if (written.truncated) {
        desc.diag().add(sqlstate::kStringTruncated, "String data, right truncated: use a larger buffer.");
        return SQL_SUCCESS_WITH_INFO;
      }
      return SQL_SUCCESS;
    }
    default:
      // Fields that only implementation descriptors carry read as zero/empty here.
      if (*kind == FieldKind::String) {
        convert::writeText("", value, buffer_length, encoding, convert::LengthUnit::Bytes);
        convert::storeLength(string_length, 0);
      } else if (*kind == FieldKind::Pointer) {
        storePointer(value, string_length, nullptr);
      } else {
        storeNumber(*kind, value, string_length, 0);
      }
      return SQL_SUCCESS;
  }
}

SQLRETURN setDescField(Descriptor& desc, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                       SQLINTEGER, const std::optional<std::string>& text_value) {
  const auto kind = kindOf(field);
  if (!kind) badField(field);
  if (desc.role() == DescRole::IRD) {
    throw Error(sqlstate::kCannotModifyIrd, "Cannot modify an implementation row descriptor.");
  }
  const auto number = static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(value));
  switch (field) {
    case SQL_DESC_ARRAY_SIZE:
      if (number <= 0) throw Error(sqlstate::kInvalidAttributeValue, "Invalid attribute value: SQL_DESC_ARRAY_SIZE must be at least 1.");
      desc.array_size = static_cast<SQLULEN>(number);
      return SQL_SUCCESS;
    case SQL_DESC_ARRAY_STATUS_PTR: desc.array_status_ptr = static_cast<SQLUSMALLINT*>(value); return SQL_SUCCESS;
    case SQL_DESC_BIND_OFFSET_PTR: desc.bind_offset_ptr = static_cast<SQLLEN*>(value); return SQL_SUCCESS;
    case SQL_DESC_BIND_TYPE: desc.bind_type = static_cast<SQLINTEGER>(number); return SQL_SUCCESS;
    case SQL_DESC_ROWS_PROCESSED_PTR: desc.rows_processed_ptr = static_cast<SQLULEN*>(value); return SQL_SUCCESS;
    case SQL_DESC_COUNT:
      if (number < 0) throw Error(sqlstate::kInvalidDescriptorIndex, "Invalid descriptor index: SQL_DESC_COUNT must not be negative.");
      desc.setCount(static_cast<SQLSMALLINT>(number));
      return SQL_SUCCESS;
    case SQL_DESC_ALLOC_TYPE:
      throw Error(sqlstate::kInvalidDescriptorFieldIdentifier, "SQL_DESC_ALLOC_TYPE is read-only.");
    default:
      break;
  }
  if (record < 1) badRecord(record);
  DescRecord& rec = desc.record(record);
  switch (field) {
    case SQL_DESC_TYPE:
    case SQL_DESC_CONCISE_TYPE:
      setRecordType(rec, static_cast<SQLSMALLINT>(number));
      return SQL_SUCCESS;
    case SQL_DESC_DATETIME_INTERVAL_CODE: rec.datetime_interval_code = static_cast<SQLSMALLINT>(number); return SQL_SUCCESS;
    case SQL_DESC_DATA_PTR: rec.data_ptr = value; return SQL_SUCCESS;
    case SQL_DESC_INDICATOR_PTR: rec.indicator_ptr = static_cast<SQLLEN*>(value); return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH_PTR: rec.octet_length_ptr = static_cast<SQLLEN*>(value); return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH: rec.octet_length = static_cast<SQLLEN>(number); return SQL_SUCCESS;
    case SQL_DESC_LENGTH: rec.length = static_cast<SQLULEN>(number); return SQL_SUCCESS;
    case SQL_DESC_PRECISION: rec.precision = static_cast<SQLSMALLINT>(number); return SQL_SUCCESS;
    case SQL_DESC_SCALE: rec.scale = static_cast<SQLSMALLINT>(number); return SQL_SUCCESS;
    case SQL_DESC_PARAMETER_TYPE: rec.parameter_type = static_cast<SQLSMALLINT>(number); return SQL_SUCCESS;
    case SQL_DESC_NULLABLE: rec.nullable = static_cast<SQLSMALLINT>(number); return SQL_SUCCESS;
    case SQL_DESC_NAME: rec.name = text_value.value_or(""); return SQL_SUCCESS;
    case SQL_DESC_UNNAMED: return SQL_SUCCESS;
    default:
      throw Error(sqlstate::kInvalidDescriptorFieldIdentifier, "Descriptor field " + std::to_string(field) + " cannot be set on this descriptor.");
  }
}

SQLRETURN getDescRec(Descriptor& desc, SQLSMALLINT record, void* name, SQLSMALLINT name_capacity,
                     SQLSMALLINT* name_length, convert::CharEncoding encoding, SQLSMALLINT* type,
                     SQLSMALLINT* subtype, SQLLEN* length, SQLSMALLINT* precision,
                     SQLSMALLINT* scale, SQLSMALLINT* nullable) {
  if (record < 1) badRecord(record);
  if (desc.role() == DescRole::IRD) {
    Statement* s = desc.owner();
    if (s == nullptr || record > irdCount(desc)) return SQL_NO_DATA;
    const auto col = static_cast<SQLUSMALLINT>(record);
    SQLLEN n = 0;
    // SQLColAttribute counts bytes, SQLGetDescRec characters.
    const int unit = encoding == convert::CharEncoding::Utf16 ? static_cast<int>(convert::wideUnitSize()) : 1;
    const auto capacity = static_cast<SQLSMALLINT>(std::min(32767, name_capacity * unit));
    SQLRETURN rc = s->colAttribute(col, SQL_DESC_NAME, name, capacity, name_length, nullptr, encoding);
    if (name_length && encoding == convert::CharEncoding::Utf16) *name_length = static_cast<SQLSMALLINT>(*name_length / unit);
    s->colAttribute(col, SQL_DESC_TYPE, nullptr, 0, nullptr, &n, encoding);
    if (type) *type = static_cast<SQLSMALLINT>(n);
    s->colAttribute(col, SQL_DESC_DATETIME_INTERVAL_CODE, nullptr, 0, nullptr, &n, encoding);
    if (subtype) *subtype = static_cast<SQLSMALLINT>(n);
    s->colAttribute(col, SQL_DESC_OCTET_LENGTH, nullptr, 0, nullptr, &n, encoding);
    if (length) *length = n;
    s->colAttribute(col, SQL_DESC_PRECISION, nullptr, 0, nullptr, &n, encoding);
    if (precision) *precision = static_cast<SQLSMALLINT>(n);
    s->colAttribute(col, SQL_DESC_SCALE, nullptr, 0, nullptr, &n, encoding);
    if (scale) *scale = static_cast<SQLSMALLINT>(n);
    s->colAttribute(col, SQL_DESC_NULLABLE, nullptr, 0, nullptr, &n, encoding);
    if (nullable) *nullable = static_cast<SQLSMALLINT>(n);
    return rc;
  }
  const DescRecord* rec = desc.findRecord(record);
  if (rec == nullptr || record > desc.count()) return SQL_NO_DATA;
  const auto written = convert::writeText(rec->name, name, name_capacity, encoding, convert::LengthUnit::Characters);
  convert::storeLength(name_length, written.full_length);
  if (type) *type = rec->type;
  if (subtype) *subtype = rec->datetime_interval_code;
  if (length) *length = rec->octet_length;
  if (precision) *precision = rec->precision;
  if (scale) *scale = rec->scale;
  if (nullable) *nullable = rec->nullable;
  if (written.truncated) {
    desc.diag().add(sqlstate::kStringTruncated, "String data, right truncated: use a larger buffer.");
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

SQLRETURN setDescRec(Descriptor& desc, SQLSMALLINT record, SQLSMALLINT type, SQLSMALLINT subtype,
                     SQLLEN length, SQLSMALLINT precision, SQLSMALLINT scale, SQLPOINTER data,
                     SQLLEN* string_length, SQLLEN* indicator) {
  if (desc.role() == DescRole::IRD) throw Error(sqlstate::kCannotModifyIrd, "Cannot modify an implementation row descriptor.");
  if (record < 1) badRecord(record);
  DescRecord& rec = desc.record(record);
  setRecordType(rec, type);
  if (type == SQL_DATETIME) rec.datetime_interval_code = subtype;
  rec.octet_length = length;
  rec.length = static_cast<SQLULEN>(length);
  rec.precision = precision;
  rec.scale = scale;
  rec.data_ptr = data;
  rec.octet_length_ptr = string_length;
  rec.indicator_ptr = indicator;
  return SQL_SUCCESS;
}

SQLRETURN copyDesc(Descriptor& source, Descriptor& target) {
  if (target.role() == DescRole::IRD) throw Error(sqlstate::kCannotModifyIrd, "Cannot modify an implementation row descriptor.");
  if (source.role() == DescRole::IRD) {
    // Copy what an IRD describes into application-shaped records (types, lengths, names).
    Statement* s = source.owner();
    const SQLSMALLINT n = irdCount(source);
    target.setCount(n);
    for (SQLSMALLINT i = 1; i <= n && s; ++i) {
      const auto& meta = s->resultColumns()[static_cast<std::size_t>(i - 1)];
      const auto facts = convert::columnFacts(meta.sql_type, meta.column.size, meta.column.scale);
      DescRecord& rec = target.record(i);
      setRecordType(rec, convert::conciseType(*facts.info, source.odbcVersion()));
      rec.octet_length = facts.octet_length;
      rec.length = facts.column_size;
      rec.precision = facts.desc_precision;
      rec.scale = facts.desc_scale;
      rec.name = meta.column.name;
    }
    return SQL_SUCCESS;
  }
  target.array_size = source.array_size;
  target.array_status_ptr = source.array_status_ptr;
  target.bind_offset_ptr = source.bind_offset_ptr;
  target.bind_type = source.bind_type;
  target.rows_processed_ptr = source.rows_processed_ptr;
  target.setCount(source.count());
  for (SQLSMALLINT i = 0; i <= source.count(); ++i) {
    if (const DescRecord* rec = source.findRecord(i)) target.record(i) = *rec;
  }
  return SQL_SUCCESS;
}

}  // namespace monday::handles
