// Connecting through the driver manager: DSNs, connection strings, and every way it can fail.
#include <gtest/gtest.h>

#include <cstdio>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

TEST(Connect, DsnFromOdbcIni) {
  Environment env;
  Connection connection(env);
  SQLRETURN rc = connection.connectDsn("monday-sandbox");
  ASSERT_TRUE(SQL_SUCCEEDED(rc)) << describe(connection.lastDiagnostics());
  auto rows = query(connection, "SELECT COUNT(*) FROM Workspaces");
  ASSERT_EQ(rows.size(), 1u);
}

TEST(Connect, DsnWithTokenAsPassword) {
  // The DSN's own token is rejected; the application's PWD wins over it.
  Environment env;
  Connection connection(env);
  SQLRETURN rc = connection.connectDsn("monday-sandbox-revoked", "", "sandbox-admin-token");
  EXPECT_TRUE(SQL_SUCCEEDED(rc)) << describe(connection.lastDiagnostics());
}

TEST(Connect, FullConnectionStringWithBracesAndMixedCaseKeys) {
  Environment env;
  Connection connection(env);
  std::string out;
  std::string text = "DRIVER={monday};apiurl=" + sandboxUrl() + "/v2;SSLSERVERCERT={" + caFile() +
                     "};apitoken={sandbox-admin-token}";
  SQLRETURN rc = connection.driverConnect(text, &out);
  ASSERT_TRUE(SQL_SUCCEEDED(rc)) << describe(connection.lastDiagnostics());
  // The output connection string reconnects (it carries what the application gave).
  EXPECT_NE(out.find("APIURL="), std::string::npos) << out;
  Connection again(env);
  EXPECT_TRUE(SQL_SUCCEEDED(again.driverConnect("DRIVER={monday};" + out))) << describe(again.lastDiagnostics());
}

TEST(Connect, DsnPlusConnectionStringOverride) {
  Environment env;
  Connection connection(env);
  SQLRETURN rc = connection.driverConnect("DSN=monday-sandbox-revoked;APIToken=sandbox-admin-token");
  EXPECT_TRUE(SQL_SUCCEEDED(rc)) << describe(connection.lastDiagnostics());
}

TEST(Connect, UnknownKeyIsAWarningNotAFailure) {
  Environment env;
  Connection connection(env);
  SQLRETURN rc = connection.driverConnect(sandboxConnectionString("sandbox-admin-token", "Flavour=vanilla"));
  ASSERT_EQ(rc, SQL_SUCCESS_WITH_INFO) << describe(connection.lastDiagnostics());
  bool warned = false;
  for (const auto& d : connection.lastDiagnostics()) {
    warned = warned || (d.state == "01S00" && d.message.find("Flavour") != std::string::npos);
  }
  EXPECT_TRUE(warned) << describe(connection.lastDiagnostics());
}

TEST(ConnectErrors, WrongTokenIs28000AndNeverEchoesTheToken) {
  Environment env;
  Connection connection(env);
  SQLRETURN rc = connection.driverConnect(sandboxConnectionString("totally-wrong-token-1234"));
  ASSERT_EQ(rc, SQL_ERROR);
  ASSERT_FALSE(connection.lastDiagnostics().empty());
  EXPECT_EQ(connection.lastDiagnostics()[0].state, "28000");
  EXPECT_NE(connection.lastDiagnostics()[0].message.find("rejected"), std::string::npos);
  for (const auto& d : connection.lastDiagnostics()) {
    EXPECT_EQ(d.message.find("totally-wrong-token-1234"), std::string::npos) << d.message;
  }
}

TEST(ConnectErrors, RevokedTokenDsnIs28000) {
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.connectDsn("monday-sandbox-revoked"), SQL_ERROR);
  EXPECT_EQ(connection.lastDiagnostics().at(0).state, "28000");
}

TEST(ConnectErrors, MissingTokenIs28000) {
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.driverConnect("Driver=monday;APIURL=" + sandboxUrl() + "/v2;SSLServerCert=" + caFile()),
            SQL_ERROR);
  EXPECT_EQ(connection.lastDiagnostics().at(0).state, "28000");
  EXPECT_NE(connection.lastDiagnostics().at(0).message.find("APIToken"), std::string::npos);
}

TEST(ConnectErrors, UnreachableHostIs08001) {
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.driverConnect("Driver=monday;APIURL=https://127.0.0.1:1/v2;APIToken=x;Timeout=5"), SQL_ERROR);
  EXPECT_EQ(connection.lastDiagnostics().at(0).state, "08001");
  EXPECT_NE(connection.lastDiagnostics().at(0).message.find("127.0.0.1:1"), std::string::npos);
}

TEST(ConnectErrors, UntrustedCertificateIs08001NamingTheCertificateProblem) {
  // Without SSLServerCert the sandbox's private CA is not trusted: verification stays on.
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.driverConnect("Driver=monday;APIURL=" + sandboxUrl() + "/v2;APIToken=sandbox-admin-token"),
            SQL_ERROR);
  const auto& d = connection.lastDiagnostics().at(0);
  EXPECT_EQ(d.state, "08001");
  EXPECT_NE(d.message.find("certificate"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("SSLServerCert"), std::string::npos) << d.message;
}

TEST(ConnectErrors, MalformedConnectionStringIsReportedNotCrashed) {
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.driverConnect("Driver=monday;APIToken={unterminated"), SQL_ERROR);
  EXPECT_EQ(connection.lastDiagnostics().at(0).state, "08001");
  EXPECT_NE(connection.lastDiagnostics().at(0).message.find("never closed"), std::string::npos);
}

TEST(ConnectErrors, BadPropertyValueNamesTheProperty) {
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.driverConnect(sandboxConnectionString("sandbox-admin-token", "Timeout=soon")), SQL_ERROR);
  EXPECT_NE(connection.lastDiagnostics().at(0).message.find("Timeout"), std::string::npos);
}

TEST(ConnectErrors, ServerTimeoutIsHYT00) {
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"delay","delay_ms":4000,"count":1,"path":"/v2"})"), 200);
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.driverConnect(sandboxConnectionString("sandbox-admin-token", "Timeout=1")), SQL_ERROR);
  EXPECT_EQ(connection.lastDiagnostics().at(0).state, "HYT00");
  EXPECT_NE(connection.lastDiagnostics().at(0).message.find("Timeout"), std::string::npos);
}

TEST(Logging, LogFileRecordsRequestsButNeverTheToken) {
  const std::string log_path = runDir() + "/driver-log-test.log";
  std::remove(log_path.c_str());
  {
    Environment env;
    Connection connection(env);
    ASSERT_TRUE(SQL_SUCCEEDED(
        connection.driverConnect(sandboxConnectionString("sandbox-admin-token", "LogFile=" + log_path + ";Verbosity=3"))))
        << describe(connection.lastDiagnostics());
    query(connection, "SELECT id FROM Boards LIMIT 2");
    Connection rejected(env);
    rejected.driverConnect(sandboxConnectionString("sandbox-revoked-token", "LogFile=" + log_path + ";Verbosity=3"));
  }
  const std::string log = readFile(log_path);
  EXPECT_NE(log.find("op=Boards"), std::string::npos) << log;
  EXPECT_NE(log.find("scan monday.Boards pushed to the API: limit 2"), std::string::npos) << log;
  EXPECT_NE(log.find("28000"), std::string::npos) << "the rejected connection is logged";
  EXPECT_EQ(log.find("sandbox-admin-token"), std::string::npos);
  EXPECT_EQ(log.find("sandbox-revoked-token"), std::string::npos);
}
