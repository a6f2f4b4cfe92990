// CacheTTL through the driver manager: a dashboard's repeated query is answered from memory, a
// write through any connection with the same token makes the next read ask monday again, ClearCache
// empties it, another token never sees it, and with the default (0) every query asks monday.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

constexpr const char* kRead = "SELECT id, name, state FROM Boards ORDER BY id";

std::string cached(const std::string& token = "sandbox-admin-token") {
  return sandboxConnectionString(token, "CacheTTL=600;");
}

// sys_cache's one row as column name → text.
std::map<std::string, std::string> cacheRow(Connection& connection) {
  Statement statement(connection);
  EXPECT_TRUE(SQL_SUCCEEDED(statement.execDirect(
      "SELECT enabled, ttl_seconds, entries, bytes, hits, misses, invalidations FROM sys.sys_cache")))
      << describe(statement.diagnostics());
  const auto rows = statement.fetchAllText();
  std::map<std::string, std::string> out;
  if (rows.size() != 1) {
    ADD_FAILURE() << "sys_cache has " << rows.size() << " rows";
    return out;
  }
  const char* names[] = {"enabled", "ttl_seconds", "entries", "bytes", "hits", "misses", "invalidations"};
  for (std::size_t i = 0; i < 7; ++i) out[names[i]] = rows[0][i].value_or("NULL");
  return out;
}

class ResponseCacheTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200); }
  void TearDown() override { sandboxControl("/__sandbox/reset", "{}"); }
  Environment env_;
};

}  // namespace

TEST_F(ResponseCacheTest, ARepeatedReadIsAnsweredFromMemory) {
  Connection connection(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(cached()))) << describe(connection.lastDiagnostics());
  const auto first = query(connection, kRead);
  ASSERT_FALSE(first.empty());
  const std::size_t before = requestCount();
  EXPECT_EQ(query(connection, kRead), first);
  EXPECT_EQ(requestCount(), before) << "the second identical query went to monday";

  const auto row = cacheRow(connection);
  EXPECT_EQ(row.at("enabled"), "1");
  EXPECT_EQ(row.at("ttl_seconds"), "600");
  EXPECT_GE(std::stol(row.at("entries")), 1);
  EXPECT_GT(std::stol(row.at("bytes")), 0);
  EXPECT_GE(std::stol(row.at("hits")), 1);
}

TEST_F(ResponseCacheTest, AWriteByAnyConnectionWithTheTokenIsSeenByTheNextRead) {
  Connection reader(env_);
  Connection writer(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(reader.driverConnect(cached()))) << describe(reader.lastDiagnostics());
  ASSERT_TRUE(SQL_SUCCEEDED(writer.driverConnect(cached()))) << describe(writer.lastDiagnostics());
  const auto before_write = query(reader, kRead);
  ASSERT_FALSE(before_write.empty());
  const std::string board_id = *before_write[0][0];

  Statement update(writer);
  ASSERT_TRUE(SQL_SUCCEEDED(update.execDirect("UPDATE Boards SET name = 'Renamed through the cache' WHERE id = " +
                                              board_id)))
      << describe(update.diagnostics());

  const std::size_t before = requestCount();
  const auto after_write = query(reader, kRead);
  EXPECT_GT(requestCount(), before) << "the read after a write was answered from before it";
  ASSERT_FALSE(after_write.empty());
  EXPECT_EQ(after_write[0][1].value_or(""), "Renamed through the cache");
  EXPECT_GE(std::stol(cacheRow(reader).at("invalidations")), 1);
}

TEST_F(ResponseCacheTest, ClearCacheMakesTheNextReadAskMonday) {
  Connection connection(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(cached()))) << describe(connection.lastDiagnostics());
  query(connection, kRead);
  const auto cleared = query(connection, "{CALL ClearCache()}");
  ASSERT_EQ(cleared.size(), 1u);
  EXPECT_GE(std::stol(cleared[0][0].value_or("0")), 1);
  EXPECT_EQ(cacheRow(connection).at("entries"), "0");
  const std::size_t before = requestCount();
  query(connection, kRead);
  EXPECT_GT(requestCount(), before);
}

TEST_F(ResponseCacheTest, AnotherTokenNeverGetsTheseAnswers) {
  Connection admin(env_);
  Connection member(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(admin.driverConnect(cached()))) << describe(admin.lastDiagnostics());
  ASSERT_TRUE(SQL_SUCCEEDED(member.driverConnect(cached("sandbox-member-token"))))
      << describe(member.lastDiagnostics());
  query(admin, kRead);
  const std::size_t before = requestCount();
  query(member, kRead);
  EXPECT_GT(requestCount(), before) << "a second token was answered from the first token's cache";
}

TEST_F(ResponseCacheTest, OffByDefault) {
  Connection connection(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(sandboxConnectionString())))
      << describe(connection.lastDiagnostics());
  query(connection, kRead);
  const std::size_t before = requestCount();
  query(connection, kRead);
  EXPECT_GT(requestCount(), before);
  EXPECT_EQ(cacheRow(connection).at("enabled"), "0");
}
