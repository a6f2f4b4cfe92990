// Diagnostics records and the dispatcher that turns exceptions into them.

#include "driver/handles/diagnostics.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "driver/handles/diag_access.h"
#include "driver/handles/dispatch.h"
#include "driver/handles/environment.h"

namespace monday::handles {
namespace {

TEST(Diagnostics, MessagesCarryTheVendorPrefix) {
  Diagnostics d;
  d.add("42S02", "Table nope does not exist.");
  ASSERT_EQ(d.records().size(), 1u);
  EXPECT_EQ(d.records()[0].message, "[monday][ODBC Driver]Table nope does not exist.");
  EXPECT_EQ(d.records()[0].sqlstate, "42S02");
  EXPECT_EQ(d.records()[0].row_number, SQL_NO_ROW_NUMBER);
}

TEST(Diagnostics, ErrorsAreOrderedBeforeWarnings) {
  Diagnostics d;
  d.add("01004", "truncated");
  d.add("22003", "out of range");
  d.add("01S07", "fraction");
  ASSERT_EQ(d.records().size(), 3u);
  EXPECT_EQ(d.records()[0].sqlstate, "22003");
  EXPECT_EQ(d.records()[1].sqlstate, "01004");
  EXPECT_EQ(d.records()[2].sqlstate, "01S07");
  EXPECT_TRUE(d.hasErrors());
  d.clear();
  EXPECT_TRUE(d.empty());
  EXPECT_FALSE(d.hasErrors());
}

TEST(Diagnostics, ClassAndSubclassOrigins) {
  EXPECT_EQ(classOrigin("42S02"), "ISO 9075");
  EXPECT_EQ(subclassOrigin("42S02"), "ODBC 3.0");
  EXPECT_EQ(subclassOrigin("42000"), "ISO 9075");
  EXPECT_EQ(classOrigin("IM008"), "ODBC 3.0");
  EXPECT_EQ(subclassOrigin("HYT00"), "ODBC 3.0");
  EXPECT_EQ(subclassOrigin("HY000"), "ISO 9075");
}

TEST(Diagnostics, Odbc2StatesForOldApplications) {
  EXPECT_EQ(odbc2State("HY000"), "S1000");
  EXPECT_EQ(odbc2State("HYC00"), "S1C00");
  EXPECT_EQ(odbc2State("HYT00"), "S1T00");
  EXPECT_EQ(odbc2State("42S02"), "S0002");
  EXPECT_EQ(odbc2State("42000"), "37000");
  EXPECT_EQ(odbc2State("07009"), "S1002");
  EXPECT_EQ(odbc2State("22018"), "22005");
  EXPECT_EQ(odbc2State("01004"), "01004");
  EXPECT_EQ(odbc2State("28000"), "28000");
}

// The dispatcher on a real environment handle (no connection needed).
class Dispatch : public ::testing::Test {
 protected:
  void SetUp() override { env_ = Registry::instance().createEnvironment(); }
  void TearDown() override { Registry::instance().destroyEnvironment(env_); }
  SQLHANDLE handle() { return static_cast<Handle*>(env_); }
  Environment* env_ = nullptr;
};

TEST_F(Dispatch, UnknownHandlesAreInvalid) {
  int not_a_handle = 0;
  auto body = [](Environment&) { return SQL_SUCCESS; };
  EXPECT_EQ(guarded<Environment>(SQL_HANDLE_ENV, &not_a_handle, "test", body), SQL_INVALID_HANDLE);
  EXPECT_EQ(guarded<Environment>(SQL_HANDLE_ENV, nullptr, "test", body), SQL_INVALID_HANDLE);
  // The right pointer with the wrong type tag is invalid too.
  EXPECT_EQ(guarded<Environment>(SQL_HANDLE_DBC, handle(), "test", body), SQL_INVALID_HANDLE);
}

TEST_F(Dispatch, ErrorsBecomeRecordsWithTheirState) {
  const SQLRETURN rc = guarded<Environment>(SQL_HANDLE_ENV, handle(), "test", [](Environment&) -> SQLRETURN {
    throw Error("42000", "syntax error near FROM");
  });
  EXPECT_EQ(rc, SQL_ERROR);
  ASSERT_EQ(env_->diag().records().size(), 1u);
  EXPECT_EQ(env_->diag().records()[0].sqlstate, "42000");
  EXPECT_EQ(env_->diag().returnCode(), SQL_ERROR);
}

TEST_F(Dispatch, BadAllocIsHY001AndOtherExceptionsHY000) {
  guarded<Environment>(SQL_HANDLE_ENV, handle(), "test", [](Environment&) -> SQLRETURN { throw std::bad_alloc(); });
  EXPECT_EQ(env_->diag().records().at(0).sqlstate, "HY001");
  guarded<Environment>(SQL_HANDLE_ENV, handle(), "test",
                       [](Environment&) -> SQLRETURN { throw std::runtime_error("boom"); });
  EXPECT_EQ(env_->diag().records().at(0).sqlstate, "HY000");
  EXPECT_NE(env_->diag().records().at(0).message.find("boom"), std::string::npos);
  guarded<Environment>(SQL_HANDLE_ENV, handle(), "test", [](Environment&) -> SQLRETURN { throw 42; });
  EXPECT_EQ(env_->diag().records().at(0).sqlstate, "HY000");
}

TEST_F(Dispatch, WarningsTurnSuccessIntoSuccessWithInfoAndTheNextCallClearsThem) {
  SQLRETURN rc = guarded<Environment>(SQL_HANDLE_ENV, handle(), "test", [](Environment& e) {
    e.diag().add("01S02", "value changed");
    return SQL_SUCCESS;
  });
  EXPECT_EQ(rc, SQL_SUCCESS_WITH_INFO);
  rc = guarded<Environment>(SQL_HANDLE_ENV, handle(), "test", [](Environment&) { return SQL_SUCCESS; });
  EXPECT_EQ(rc, SQL_SUCCESS);
  EXPECT_TRUE(env_->diag().empty());
}

TEST_F(Dispatch, ReadingDiagnosticsDoesNotClearThem) {
  guarded<Environment>(SQL_HANDLE_ENV, handle(), "test", [](Environment&) -> SQLRETURN {
    throw Error("HY024", "bad value");
  });
  char state[6] = {};
  char message[256] = {};
  SQLINTEGER native = -1;
  SQLSMALLINT length = 0;
  for (int i = 0; i < 2; ++i) {
    const SQLRETURN rc = guarded<Environment>(
        SQL_HANDLE_ENV, handle(), "SQLGetDiagRec",
        [&](Environment& e) { return getDiagRec(e, 1, state, &native, message, sizeof message, &length, convert::CharEncoding::Utf8); },
        false);
    EXPECT_EQ(rc, SQL_SUCCESS);
    EXPECT_STREQ(state, "HY024");
    EXPECT_EQ(native, 0);
    EXPECT_EQ(std::string(message), "[monday][ODBC Driver]bad value");
    EXPECT_EQ(length, static_cast<SQLSMALLINT>(std::string(message).size()));
  }
  EXPECT_EQ(getDiagRec(*env_, 2, state, &native, message, sizeof message, &length, convert::CharEncoding::Utf8),
            SQL_NO_DATA);
  EXPECT_EQ(getDiagRec(*env_, 0, state, &native, message, sizeof message, &length, convert::CharEncoding::Utf8),
            SQL_ERROR);
}

TEST_F(Dispatch, DiagFieldsAndWideRecords) {
  guarded<Environment>(SQL_HANDLE_ENV, handle(), "test", [](Environment&) -> SQLRETURN {
    throw Error("HY092", "unknown attribute");
  });
  SQLINTEGER number = 0;
  EXPECT_EQ(getDiagField(*env_, 0, SQL_DIAG_NUMBER, &number, 0, nullptr, convert::CharEncoding::Utf8), SQL_SUCCESS);
  EXPECT_EQ(number, 1);
  SQLRETURN rc_field = 0;
  getDiagField(*env_, 0, SQL_DIAG_RETURNCODE, &rc_field, 0, nullptr, convert::CharEncoding::Utf8);
  EXPECT_EQ(rc_field, SQL_ERROR);
  char16_t origin[32] = {};
  SQLSMALLINT bytes = 0;
  EXPECT_EQ(getDiagField(*env_, 1, SQL_DIAG_CLASS_ORIGIN, origin, sizeof origin, &bytes, convert::CharEncoding::Utf16),
            SQL_SUCCESS);
  EXPECT_EQ(std::u16string(origin), u"ISO 9075");
  EXPECT_EQ(bytes, 16);  // bytes, not characters
  char16_t state[6] = {};
  char16_t message[8] = {};
  SQLSMALLINT length = 0;
  EXPECT_EQ(getDiagRec(*env_, 1, state, nullptr, message, 8, &length, convert::CharEncoding::Utf16),
            SQL_SUCCESS_WITH_INFO);  // truncated message
  EXPECT_EQ(std::u16string(state), u"HY092");
  EXPECT_EQ(std::u16string(message), u"[monday");
  EXPECT_EQ(length, static_cast<SQLSMALLINT>(std::string("[monday][ODBC Driver]unknown attribute").size()));
}

TEST_F(Dispatch, Odbc2ApplicationsSeeOdbc2States) {
  env_->setAttribute(SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC2), 0);
  guarded<Environment>(SQL_HANDLE_ENV, handle(), "test", [](Environment&) -> SQLRETURN {
    throw Error("HY000", "general");
  });
  char state[6] = {};
  getDiagRec(*env_, 1, state, nullptr, nullptr, 0, nullptr, convert::CharEncoding::Utf8);
  EXPECT_STREQ(state, "S1000");
}

TEST_F(Dispatch, SqlErrorReturnsEachRecordOnce) {
  guarded<Environment>(SQL_HANDLE_ENV, handle(), "test", [](Environment&) -> SQLRETURN {
    throw Error("HY000", "general");
  });
  char state[6] = {};
  EXPECT_EQ(nextErrorRecord(*env_, state, nullptr, nullptr, 0, nullptr, convert::CharEncoding::Utf8), SQL_SUCCESS);
  EXPECT_STREQ(state, "HY000");
  EXPECT_EQ(nextErrorRecord(*env_, state, nullptr, nullptr, 0, nullptr, convert::CharEncoding::Utf8), SQL_NO_DATA);
}

TEST_F(Dispatch, EnvironmentAttributes) {
  SQLUINTEGER version = 0;
  env_->getAttribute(SQL_ATTR_ODBC_VERSION, &version, 0, nullptr);
  EXPECT_EQ(version, static_cast<SQLUINTEGER>(SQL_OV_ODBC3));
  EXPECT_EQ(env_->setAttribute(SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3_80), 0), SQL_SUCCESS);
  EXPECT_EQ(env_->odbcVersion(), SQL_OV_ODBC3_80);
  const SQLRETURN rc = guarded<Environment>(SQL_HANDLE_ENV, handle(), "test", [](Environment& e) {
    return e.setAttribute(SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(static_cast<std::uintptr_t>(17)), 0);
  });
  EXPECT_EQ(rc, SQL_ERROR);
  EXPECT_EQ(env_->diag().records().at(0).sqlstate, "HY024");
  guarded<Environment>(SQL_HANDLE_ENV, handle(), "test",
                       [](Environment& e) { return e.setAttribute(424242, nullptr, 0); });
  EXPECT_EQ(env_->diag().records().at(0).sqlstate, "HY092");
}

}  // namespace
}  // namespace monday::handles
