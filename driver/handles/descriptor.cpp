#include "driver/handles/descriptor.h"

#include "driver/convert/to_c.h"
#include "driver/handles/connection.h"
#include "driver/handles/registry.h"
#include "driver/handles/statement.h"

namespace monday::handles {

Descriptor::Descriptor(Connection& connection, Statement* statement, DescRole role)
    : Handle(SQL_HANDLE_DESC), connection_(connection), statement_(statement), role_(role) {
  records_.resize(1);
  Registry::instance().add(this);
}

Descriptor::~Descriptor() { Registry::instance().remove(this); }

std::mutex& Descriptor::callMutex() { return connection_.callMutex(); }
SQLINTEGER Descriptor::odbcVersion() const { return connection_.odbcVersion(); }
log::Logger* Descriptor::logger() { return connection_.logger(); }

SQLSMALLINT Descriptor::count() const { return static_cast<SQLSMALLINT>(records_.size() - 1); }

DescRecord& Descriptor::record(SQLSMALLINT number) {
  if (number < 0) number = 0;
  if (static_cast<std::size_t>(number) >= records_.size()) records_.resize(static_cast<std::size_t>(number) + 1);
  return records_[static_cast<std::size_t>(number)];
}

const DescRecord* Descriptor::findRecord(SQLSMALLINT number) const {
  if (number < 0 || static_cast<std::size_t>(number) >= records_.size()) return nullptr;
  return &records_[static_cast<std::size_t>(number)];
}

void Descriptor::unbindAll() {
  records_.resize(1);
  records_[0] = DescRecord{};  // the bookmark column too
}

void Descriptor::trimUnbound() {
  while (records_.size() > 1 && !records_.back().bound()) records_.pop_back();
}

void Descriptor::setCount(SQLSMALLINT count) {
  if (count < 0) count = 0;
  records_.resize(static_cast<std::size_t>(count) + 1);
}

void* Descriptor::dataAddress(const DescRecord& rec, SQLULEN row) const {
  if (rec.data_ptr == nullptr) return nullptr;
  auto* base = static_cast<char*>(rec.data_ptr) + offset();
  if (bind_type == SQL_BIND_BY_COLUMN) {
    SQLLEN element = rec.octet_length;
    if (const SQLLEN fixed = convert::fixedCTypeSize(rec.concise_type); fixed > 0) element = fixed;
    return base + static_cast<SQLLEN>(row) * element;
  }
  return base + static_cast<SQLLEN>(row) * static_cast<SQLLEN>(bind_type);
}

convert::LengthSlot Descriptor::indicatorAddress(const DescRecord& rec, SQLULEN row) const {
  if (rec.indicator_ptr == nullptr) return {};
  auto* base = reinterpret_cast<char*>(rec.indicator_ptr) + offset();
  const SQLLEN stride = bind_type == SQL_BIND_BY_COLUMN ? static_cast<SQLLEN>(sizeof(SQLLEN))
                                                        : static_cast<SQLLEN>(bind_type);
  return convert::LengthSlot(static_cast<void*>(base + static_cast<SQLLEN>(row) * stride));
}

convert::LengthSlot Descriptor::octetLengthAddress(const DescRecord& rec, SQLULEN row) const {
  if (rec.octet_length_ptr == nullptr) return {};
  auto* base = reinterpret_cast<char*>(rec.octet_length_ptr) + offset();
  const SQLLEN stride = bind_type == SQL_BIND_BY_COLUMN ? static_cast<SQLLEN>(sizeof(SQLLEN))
                                                        : static_cast<SQLLEN>(bind_type);
  return convert::LengthSlot(static_cast<void*>(base + static_cast<SQLLEN>(row) * stride));
}

void setRecordType(DescRecord& rec, SQLSMALLINT concise_type) {
  rec.concise_type = concise_type;
  rec.datetime_interval_code = 0;
  switch (concise_type) {
    case SQL_TYPE_DATE:  // == SQL_C_TYPE_DATE
    case SQL_DATE:
      rec.type = SQL_DATETIME;
      rec.datetime_interval_code = SQL_CODE_DATE;
      break;
    case SQL_TYPE_TIME:
    case SQL_TIME:
      rec.type = SQL_DATETIME;
      rec.datetime_interval_code = SQL_CODE_TIME;
      break;
    case SQL_TYPE_TIMESTAMP:
    case SQL_TIMESTAMP:
      rec.type = SQL_DATETIME;
      rec.datetime_interval_code = SQL_CODE_TIMESTAMP;
      break;
    default:
      rec.type = concise_type;
      break;
  }
}

}  // namespace monday::handles
