// Where bound buffers of row N live: column-wise and row-wise binding, with a bind offset.

#include "driver/handles/descriptor.h"

#include <gtest/gtest.h>

#include <cstring>

#include "driver/convert/from_c.h"
#include "driver/handles/environment.h"
#include "driver/handles/connection.h"
#include "driver/handles/registry.h"

namespace monday::handles {
namespace {

class DescriptorAddresses : public ::testing::Test {
 protected:
  void SetUp() override {
    env_ = Registry::instance().createEnvironment();
    connection_ = env_->createConnection();
  }
  void TearDown() override {
    env_->destroyConnection(connection_);
    Registry::instance().destroyEnvironment(env_);
  }
  Environment* env_ = nullptr;
  Connection* connection_ = nullptr;
};

TEST_F(DescriptorAddresses, ColumnWiseUsesTheElementSize) {
  Descriptor ard(*connection_, nullptr, DescRole::ARD);
  char names[4][16];
  SQLLEN lengths[4];
  DescRecord& rec = ard.record(1);
  setRecordType(rec, SQL_C_CHAR);
  rec.data_ptr = names;
  rec.octet_length = 16;
  rec.indicator_ptr = lengths;
  rec.octet_length_ptr = lengths;
  EXPECT_EQ(ard.dataAddress(rec, 2), static_cast<void*>(names[2]));
  EXPECT_EQ(ard.indicatorAddress(rec, 3), &lengths[3]);

  std::int64_t ids[4];
  DescRecord& id = ard.record(2);
  setRecordType(id, SQL_C_SBIGINT);
  id.data_ptr = ids;
  id.octet_length = 0;  // fixed-size types ignore BufferLength
  EXPECT_EQ(ard.dataAddress(id, 3), static_cast<void*>(&ids[3]));
  EXPECT_EQ(ard.count(), 2);
}

TEST_F(DescriptorAddresses, RowWiseUsesTheStructSizeAndOffset) {
  struct Row {
    std::int64_t id;
    SQLLEN id_ind;
    char name[20];
    SQLLEN name_ind;
  };
  Row rows[3];
  Descriptor ard(*connection_, nullptr, DescRole::ARD);
  ard.bind_type = sizeof(Row);
  DescRecord& name = ard.record(2);
  setRecordType(name, SQL_C_CHAR);
  name.data_ptr = rows[0].name;
  name.octet_length = sizeof rows[0].name;
  name.indicator_ptr = &rows[0].name_ind;
  name.octet_length_ptr = &rows[0].name_ind;
  EXPECT_EQ(ard.dataAddress(name, 2), static_cast<void*>(rows[2].name));
  EXPECT_EQ(ard.indicatorAddress(name, 1), &rows[1].name_ind);

  // SQL_ATTR_ROW_BIND_OFFSET_PTR shifts every address (applications reuse one binding).
  Row other[3];
  SQLLEN offset = reinterpret_cast<char*>(other) - reinterpret_cast<char*>(rows);
  ard.bind_offset_ptr = &offset;
  EXPECT_EQ(ard.dataAddress(name, 1), static_cast<void*>(other[1].name));
  EXPECT_EQ(ard.octetLengthAddress(name, 0), &other[0].name_ind);
}

TEST_F(DescriptorAddresses, UnalignedIndicatorsAreReadAndWrittenSafely) {
  // pyodbc's fast_executemany packs rows so that indicators sit at 2-byte boundaries. Reading
  // them as SQLLEN is undefined behaviour (UBSan's alignment check reports it).
  alignas(16) unsigned char packed[2 + 3 * sizeof(SQLLEN)] = {};
  unsigned char* first = packed + 2;
  const SQLLEN values[3] = {5, SQL_NULL_DATA, SQL_NTS};
  for (int i = 0; i < 3; ++i) std::memcpy(first + i * sizeof(SQLLEN), &values[i], sizeof(SQLLEN));
  Descriptor apd(*connection_, nullptr, DescRole::APD);
  DescRecord& rec = apd.record(1);
  setRecordType(rec, SQL_C_CHAR);
  rec.indicator_ptr = reinterpret_cast<SQLLEN*>(first);  // never dereferenced as such
  EXPECT_EQ(apd.indicatorAddress(rec, 0).get(), 5);
  EXPECT_EQ(apd.indicatorAddress(rec, 1).get(), SQL_NULL_DATA);
  EXPECT_EQ(apd.indicatorAddress(rec, 2).get(), SQL_NTS);
  apd.indicatorAddress(rec, 1).set(42);
  SQLLEN written = 0;
  std::memcpy(&written, first + sizeof(SQLLEN), sizeof written);
  EXPECT_EQ(written, 42);

  convert::ParameterSource source;
  source.c_type = SQL_C_CHAR;
  source.sql_type = SQL_VARCHAR;
  const char text[] = "hello, world";
  source.data = text;
  source.length_or_indicator = apd.indicatorAddress(rec, 0);
  EXPECT_EQ(std::get<std::string>(convert::convertParameter(source)), "hello");
}

TEST_F(DescriptorAddresses, UnbindingTheLastColumnLowersTheCount) {
  Descriptor ard(*connection_, nullptr, DescRole::ARD);
  int a = 0;
  ard.record(1).data_ptr = &a;
  ard.record(3).data_ptr = &a;
  EXPECT_EQ(ard.count(), 3);
  ard.record(3) = DescRecord{};
  ard.trimUnbound();
  EXPECT_EQ(ard.count(), 1);
  ard.unbindAll();
  EXPECT_EQ(ard.count(), 0);
}

TEST_F(DescriptorAddresses, DescriptorsAreRegisteredHandlesWhileAlive) {
  const void* raw = nullptr;
  {
    Descriptor d(*connection_, nullptr, DescRole::APD);
    raw = static_cast<Handle*>(&d);
    EXPECT_NE(Registry::instance().find(raw, SQL_HANDLE_DESC), nullptr);
    EXPECT_EQ(Registry::instance().find(raw, SQL_HANDLE_STMT), nullptr);
  }
  EXPECT_EQ(Registry::instance().find(raw, SQL_HANDLE_DESC), nullptr);
}

TEST(RecordTypes, DatetimeConciseTypesSetVerboseTypeAndSubcode) {
  DescRecord rec;
  setRecordType(rec, SQL_C_TYPE_TIMESTAMP);
  EXPECT_EQ(rec.type, SQL_DATETIME);
  EXPECT_EQ(rec.datetime_interval_code, SQL_CODE_TIMESTAMP);
  setRecordType(rec, SQL_C_SLONG);
  EXPECT_EQ(rec.type, SQL_C_SLONG);
  EXPECT_EQ(rec.datetime_interval_code, 0);
}

}  // namespace
}  // namespace monday::handles
