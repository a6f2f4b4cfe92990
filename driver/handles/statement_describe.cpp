// SQLNumResultCols, SQLDescribeCol, SQLColAttribute, SQLBindCol, SQLBindParameter, SQLNumParams,
// SQLDescribeParam. Every type fact comes from convert::columnFacts (the one TypeInfo table).

#include "driver/common/error.h"
#include "driver/convert/from_c.h"
#include "driver/engine/session.h"
#include "driver/handles/connection.h"
#include "driver/handles/statement.h"

namespace monday::handles {

namespace {

SQLSMALLINT nullableCode(engine::Nullability n) {
  switch (n) {
    case engine::Nullability::NoNulls: return SQL_NO_NULLS;
    case engine::Nullability::Nullable: return SQL_NULLABLE;
    case engine::Nullability::Unknown: return SQL_NULLABLE_UNKNOWN;
  }
  return SQL_NULLABLE_UNKNOWN;
}

void truncationWarning(Diagnostics& diag) {
  diag.add(sqlstate::kStringTruncated,
           "String data, right truncated: the buffer was too small for the whole text.");
}

}  // namespace

const ColumnMeta& Statement::columnMeta(SQLUSMALLINT column) const {
  if (columns_.empty()) {
    if (state_ == State::Allocated) {
      throw Error(sqlstate::kFunctionSequenceError,
                  "Function sequence error: prepare or execute a statement before describing its "
                  "columns.");
    }
    throw Error(sqlstate::kNotACursorSpecification, "Prepared statement not a cursor-specification: it returns no columns.");
  }
  if (column == 0 && use_bookmarks_ != SQL_UB_OFF) {
    // The bookmark column: the row's number, 4 bytes (fixed) or 8 (variable).
    static const ColumnMeta kFixed{{.name = "", .type = DataType::Integer, .size = 10}, convert::SqlTypeId::Integer};
    static const ColumnMeta kVariable{{.name = "", .type = DataType::LongVarBinary, .size = 8},
                                      convert::SqlTypeId::LongVarBinary};
    return use_bookmarks_ == SQL_UB_VARIABLE ? kVariable : kFixed;
  }
  if (column == 0 || column > columns_.size()) {
    throw Error(sqlstate::kInvalidDescriptorIndex,
                "Invalid descriptor index " + std::to_string(column) + ": the result has " +
                    std::to_string(columns_.size()) + " column(s), numbered from 1.");
  }
  return columns_[column - 1];
}

SQLRETURN Statement::numResultCols(SQLSMALLINT* count) {
  if (count) *count = static_cast<SQLSMALLINT>(columns_.size());
  return SQL_SUCCESS;
}

SQLRETURN Statement::describeCol(SQLUSMALLINT column, void* name, SQLSMALLINT name_capacity,
                                 SQLSMALLINT* name_length, convert::CharEncoding encoding,
                                 SQLSMALLINT* data_type, SQLULEN* column_size,
                                 SQLSMALLINT* decimal_digits, SQLSMALLINT* nullable) {
  const ColumnMeta& meta = columnMeta(column);
  const convert::ColumnFacts facts = convert::columnFacts(meta.sql_type, meta.column.size, meta.column.scale);
  const auto written = convert::writeText(meta.column.name, name, name_capacity, encoding,
                                          convert::LengthUnit::Characters);
  convert::storeLength(name_length, written.full_length);
  if (data_type) *data_type = convert::conciseType(*facts.info, odbcVersion());
  if (column_size) *column_size = facts.column_size;
  if (decimal_digits) *decimal_digits = facts.decimal_digits.value_or(0);
  if (nullable) *nullable = nullableCode(meta.column.nullable);
  if (written.truncated) {
    truncationWarning(diag());
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

SQLRETURN Statement::colAttribute(SQLUSMALLINT column, SQLUSMALLINT field,
                                  SQLPOINTER character_attribute, SQLSMALLINT buffer_length,
                                  SQLSMALLINT* string_length, SQLLEN* numeric_attribute,
                                  convert::CharEncoding encoding) {
  if (field == SQL_DESC_COUNT || field == SQL_COLUMN_COUNT) {
    if (numeric_attribute) *numeric_attribute = static_cast<SQLLEN>(columns_.size());
    return SQL_SUCCESS;
  }
  const ColumnMeta& meta = columnMeta(column);
  const convert::ColumnFacts facts = convert::columnFacts(meta.sql_type, meta.column.size, meta.column.scale);
  const convert::TypeInfo& info = *facts.info;

  auto text = [&](std::string_view value) -> SQLRETURN {
    const auto written = convert::writeText(value, character_attribute, buffer_length, encoding,
                                            convert::LengthUnit::Bytes);
    convert::storeLength(string_length, written.full_length);
    if (written.truncated) {
      truncationWarning(diag());
      return SQL_SUCCESS_WITH_INFO;
    }
    return SQL_SUCCESS;
  };
  auto number = [&](SQLLEN value) -> SQLRETURN {
    if (numeric_attribute) *numeric_attribute = value;
    return SQL_SUCCESS;
  };

  switch (field) {
    case SQL_DESC_NAME:
    case SQL_COLUMN_NAME:
    case SQL_DESC_LABEL:
      return text(meta.column.name);
    case SQL_DESC_BASE_COLUMN_NAME:
      return text(meta.column.base_column);
    case SQL_DESC_BASE_TABLE_NAME:
    case SQL_DESC_TABLE_NAME:
      return text(meta.column.base_table);
    case SQL_DESC_SCHEMA_NAME:
      return text(meta.column.schema_name);
    case SQL_DESC_CATALOG_NAME:
      return text("");
    case SQL_DESC_TYPE_NAME:
    case SQL_DESC_LOCAL_TYPE_NAME:
      return text(info.type_name);
    case SQL_DESC_LITERAL_PREFIX:
      return text(info.literal_prefix);
    case SQL_DESC_LITERAL_SUFFIX:
      return text(info.literal_suffix);
    case SQL_DESC_UNNAMED:
      return number(meta.column.name.empty() ? SQL_UNNAMED : SQL_NAMED);
    case SQL_DESC_CONCISE_TYPE:  // == SQL_COLUMN_TYPE
      return number(convert::conciseType(info, odbcVersion()));
    case SQL_DESC_TYPE:
      return number(odbcVersion() == SQL_OV_ODBC2 ? info.odbc2_type : info.verbose_type);
    case SQL_DESC_DATETIME_INTERVAL_CODE:
      return number(info.datetime_sub);
    case SQL_DESC_DATETIME_INTERVAL_PRECISION:
      return number(0);
    case SQL_DESC_LENGTH:
      return number(facts.desc_length);
    case SQL_COLUMN_LENGTH:  // ODBC 2: transfer octet length
    case SQL_DESC_OCTET_LENGTH:
      return number(facts.octet_length);
    case SQL_DESC_PRECISION:
      return number(facts.desc_precision);
    case SQL_COLUMN_PRECISION:  // ODBC 2: the column size
      return number(static_cast<SQLLEN>(facts.column_size));
    case SQL_DESC_SCALE:
      return number(facts.desc_scale);
    case SQL_COLUMN_SCALE:  // ODBC 2: decimal digits
      return number(facts.decimal_digits.value_or(0));
    case SQL_DESC_DISPLAY_SIZE:
      return number(facts.display_size);
    case SQL_DESC_NUM_PREC_RADIX:
      return number(info.num_prec_radix.value_or(0));
    case SQL_DESC_NULLABLE:
    case SQL_COLUMN_NULLABLE:
      return number(nullableCode(meta.column.nullable));
    case SQL_DESC_UNSIGNED:
      return number(info.is_numeric ? SQL_FALSE : SQL_TRUE);
    case SQL_DESC_SEARCHABLE:
      return number(info.searchable);
    case SQL_DESC_CASE_SENSITIVE:
      return number(info.case_sensitive ? SQL_TRUE : SQL_FALSE);
    case SQL_DESC_FIXED_PREC_SCALE:
      return number(SQL_FALSE);
    case SQL_DESC_AUTO_UNIQUE_VALUE:
      return number(SQL_FALSE);
    case SQL_DESC_UPDATABLE:
      return number(SQL_ATTR_READWRITE_UNKNOWN);
#ifdef SQL_DESC_ROWVER
    case SQL_DESC_ROWVER:
      return number(SQL_FALSE);
#endif
    default:
      throw Error(sqlstate::kInvalidDescriptorFieldIdentifier,
                  "Invalid descriptor field identifier " + std::to_string(field) +
                      " for SQLColAttribute.");
  }
}

SQLRETURN Statement::bindCol(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER target,
                             SQLLEN buffer_length, SQLLEN* indicator) {
  if (column == 0 && use_bookmarks_ == SQL_UB_OFF) {
    throw Error(sqlstate::kInvalidDescriptorIndex,
                "Invalid descriptor index 0: column 0 is the bookmark; set SQL_ATTR_USE_BOOKMARKS to bind it.");
  }
  if (target == nullptr && indicator == nullptr) {
    // Unbinding: ODBC lowers SQL_DESC_COUNT when the highest bound column goes.
    if (column <= static_cast<SQLUSMALLINT>(ard_->count())) {
      ard_->record(static_cast<SQLSMALLINT>(column)) = DescRecord{};
      ard_->trimUnbound();
    }
    return SQL_SUCCESS;
  }
  if (!convert::isKnownCType(c_type)) {
    throw Error(sqlstate::kInvalidBufferType, "Invalid application buffer type " + std::to_string(c_type) +
                             ": use one of the SQL_C_* type codes.");
  }
  if (buffer_length < 0) {
    throw Error(sqlstate::kInvalidStringOrBufferLength,
                "Invalid string or buffer length: BufferLength must not be negative.");
  }
  DescRecord& rec = ard_->record(static_cast<SQLSMALLINT>(column));
  setRecordType(rec, c_type);
  rec.data_ptr = target;
  rec.octet_length = buffer_length;
  rec.indicator_ptr = indicator;
  rec.octet_length_ptr = indicator;
  rec.precision = c_type == SQL_C_NUMERIC ? 38 : 0;
  rec.scale = 0;
  return SQL_SUCCESS;
}

SQLRETURN Statement::bindParameter(SQLUSMALLINT number, SQLSMALLINT io_type, SQLSMALLINT c_type,
                                   SQLSMALLINT sql_type, SQLULEN column_size,
                                   SQLSMALLINT decimal_digits, SQLPOINTER value,
                                   SQLLEN buffer_length, SQLLEN* indicator) {
  if (number == 0) {
    throw Error(sqlstate::kInvalidDescriptorIndex,
                "Invalid descriptor index 0: parameters are numbered from 1.");
  }
  if (io_type != SQL_PARAM_INPUT) {
    if (io_type == SQL_PARAM_OUTPUT || io_type == SQL_PARAM_INPUT_OUTPUT ||
        io_type == SQL_PARAM_INPUT_OUTPUT_STREAM || io_type == SQL_PARAM_OUTPUT_STREAM) {
      throw Error(sqlstate::kOptionalFeatureNotImplemented,
                  "Output parameters are not supported: bind parameters as SQL_PARAM_INPUT.");
    }
    throw Error(sqlstate::kInvalidParameterType, "Invalid parameter type " + std::to_string(io_type) + ".");
  }
  if (!convert::isKnownCType(c_type)) {
    throw Error(sqlstate::kInvalidBufferType, "Invalid application buffer type " + std::to_string(c_type) +
                             ": use one of the SQL_C_* type codes.");
  }
  if (!convert::isKnownSqlType(sql_type)) {
    throw Error(sqlstate::kInvalidSqlDataType, "Invalid SQL data type " + std::to_string(sql_type) + ".");
  }
  if (buffer_length < 0) {
    throw Error(sqlstate::kInvalidStringOrBufferLength,
                "Invalid string or buffer length: BufferLength must not be negative.");
  }
  DescRecord& a = apd_->record(static_cast<SQLSMALLINT>(number));
  setRecordType(a, c_type);
  a.data_ptr = value;
  a.octet_length = buffer_length;
  a.indicator_ptr = indicator;
  a.octet_length_ptr = indicator;
  DescRecord& i = ipd_.record(static_cast<SQLSMALLINT>(number));
  setRecordType(i, sql_type);
  i.length = column_size;
  i.precision = static_cast<SQLSMALLINT>(column_size > 32767 ? 32767 : column_size);
  i.scale = decimal_digits;
  i.parameter_type = io_type;
  if (!value && !indicator) {
    // A call with neither buffer nor indicator leaves the parameter unbound.
    a = DescRecord{};
  }
  return SQL_SUCCESS;
}

SQLRETURN Statement::numParams(SQLSMALLINT* count) {
  if (!prepared_) {
    throw Error(sqlstate::kFunctionSequenceError,
                "Function sequence error: SQLNumParams needs a statement prepared with SQLPrepare.");
  }
  if (count) *count = static_cast<SQLSMALLINT>(prepared_->parameterCount());
  return SQL_SUCCESS;
}

SQLRETURN Statement::describeParam(SQLUSMALLINT number, SQLSMALLINT* data_type, SQLULEN* size,
                                   SQLSMALLINT* digits, SQLSMALLINT* nullable) {
  if (!prepared_) {
    throw Error(sqlstate::kFunctionSequenceError,
                "Function sequence error: SQLDescribeParam needs a statement prepared with SQLPrepare.");
  }
  if (number == 0 || number > prepared_->parameterCount()) {
    throw Error(sqlstate::kInvalidDescriptorIndex,
                "Invalid descriptor index " + std::to_string(number) + ": the statement has " +
                    std::to_string(prepared_->parameterCount()) + " parameter marker(s).");
  }
  // SQLite does not type parameters: the statement's context does (what the marker is compared
  // with, inserted into or passed to); failing that, what the application bound; failing that,
  // text, which every comparison accepts.
  const DescRecord* bound = ipd_.findRecord(static_cast<SQLSMALLINT>(number));
  if (const auto context = prepared_->parameterType(number)) {
    const convert::ColumnFacts facts =
        convert::columnFacts(convert::sqlTypeOf(*context), defaultColumnSize(*context), 0);
    if (data_type) *data_type = convert::conciseType(*facts.info, odbcVersion());
    if (size) *size = facts.column_size;
    if (digits) *digits = facts.decimal_digits.value_or(0);
  } else if (bound && bound->concise_type != SQL_C_DEFAULT) {
    if (data_type) *data_type = bound->concise_type;
    if (size) *size = bound->length;
    if (digits) *digits = bound->scale;
  } else {
    if (data_type) *data_type = SQL_WVARCHAR;
    if (size) *size = 255;
    if (digits) *digits = 0;
  }
  if (nullable) *nullable = SQL_NULLABLE_UNKNOWN;
  return SQL_SUCCESS;
}

}  // namespace monday::handles
