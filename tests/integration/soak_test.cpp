// A soak: the driver lives inside long-running hosts (Tableau, PHP-FPM, a Python notebook), so
// thousands of connect/query/disconnect cycles, and 8 threads querying at once on separate and on
// shared connections, must leave the process where it was: the same open descriptors, and heap
// and resident memory that stop growing after the first round has warmed the caches (libcurl's,
// the allocator's, the driver's per-token response cache). What is measured is what this process
// holds, not time. MONDAY_SOAK_CYCLES overrides the number of cycles (default 2,000).
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;

struct Footprint {
  long descriptors = 0;
  long resident_kb = 0;
  long heap_in_use = 0;  // bytes the allocator has handed out (0 under AddressSanitizer)
};

Footprint footprint() {
  Footprint now;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++now.descriptors;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) now.resident_kb = std::stol(line.substr(6));
  }
  malloc_trim(0);
  now.heap_in_use = static_cast<long>(mallinfo2().uordblks);
  return now;
}

void report(const char* what, const Footprint& before, const Footprint& after) {
  // The figures the reliability note quotes; printed, never a secret.
  std::printf("[soak] %s: descriptors %ld -> %ld, RSS %ld -> %ld kB, heap in use %ld -> %ld bytes\n", what,
              before.descriptors, after.descriptors, before.resident_kb, after.resident_kb, before.heap_in_use,
              after.heap_in_use);
}

// Under AddressSanitizer (whose quarantine holds freed memory for a while) or ThreadSanitizer,
// resident memory says nothing about leaks: LeakSanitizer judges those. Asked of the process, not
// of this file's compiler flags: tests/sanitize.sh instruments the driver, not the tests.
bool sanitized() {
  return dlsym(RTLD_DEFAULT, "__asan_init") != nullptr || dlsym(RTLD_DEFAULT, "__tsan_init") != nullptr;
}

int cycles() {
  const char* wanted = std::getenv("MONDAY_SOAK_CYCLES");
  return wanted ? std::max(10, std::atoi(wanted)) : 2000;
}

// What growth is allowed between the warmed-up point and the end: nothing in descriptors; for
// memory, less than a leak of 256 bytes per cycle would show (the allocator's own noise is a few
// hundred kB). Sanitizer builds leave memory to LeakSanitizer and check descriptors only.
void expectFlat(const Footprint& warm, const Footprint& end, long units) {
  EXPECT_LE(end.descriptors, warm.descriptors) << "descriptors leaked";
  if (sanitized()) return;
  EXPECT_LT(end.heap_in_use - warm.heap_in_use, std::max(1L << 20, units * 256)) << "heap grew";
  EXPECT_LT(end.resident_kb - warm.resident_kb, 16 * 1024) << "resident memory grew";
}

class Soak : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200); }
  void TearDown() override { sandboxControl("/__sandbox/reset", "{}"); }
  Environment env_;
};

// One cycle: connect, read a table, disconnect. Half the cycles bypass the response cache so that
// every part (TLS session, HTTP pool, JSON pages, SQLite) is built and torn down.
void cycle(Environment& env, int i, std::size_t expected_rows) {
  Connection connection(env);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(
      sandboxConnectionString("sandbox-admin-token", i % 2 ? "CacheTTL=0" : ""))))
      << describe(connection.lastDiagnostics());
  const Rows rows = query(connection, "SELECT id, name FROM Boards ORDER BY id");
  ASSERT_EQ(rows.size(), expected_rows) << "cycle " << i;
}

TEST_F(Soak, ThousandsOfConnectQueryDisconnectCyclesLeaveNothingBehind) {
  std::size_t expected_rows = 0;
  {
    Connection first(env_);
    ASSERT_TRUE(SQL_SUCCEEDED(first.driverConnect(sandboxConnectionString())));
    expected_rows = query(first, "SELECT id, name FROM Boards ORDER BY id").size();
    ASSERT_GT(expected_rows, 0U);
  }
  const int total = cycles();
  const int warm_up = std::max(5, total / 10);
  for (int i = 0; i < warm_up; ++i) ASSERT_NO_FATAL_FAILURE(cycle(env_, i, expected_rows));
  const Footprint warm = footprint();
  for (int i = warm_up; i < total; ++i) ASSERT_NO_FATAL_FAILURE(cycle(env_, i, expected_rows));
  const Footprint end = footprint();
  report((std::to_string(total) + " connect/query/disconnect cycles").c_str(), warm, end);
  expectFlat(warm, end, total - warm_up);
}

// 8 threads, each running `queries` statements; `connection_for(thread)` says which connection a
// thread uses. Every answer must be the complete one.
void runThreads(int threads, int queries, const std::function<Connection&(int)>& connection_for,
                std::size_t expected_rows, std::atomic<int>& failures) {
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      Connection& connection = connection_for(t);
      for (int q = 0; q < queries; ++q) {
        Statement statement(connection);
        const char* sql = q % 2 ? "SELECT id, name FROM Boards ORDER BY id" : "SELECT id, name FROM Boards ORDER BY id DESC";
        if (!SQL_SUCCEEDED(statement.execDirect(sql)) || statement.fetchAllText().size() != expected_rows) {
          ++failures;
        }
      }
    });
  }
  for (auto& worker : workers) worker.join();
}

TEST_F(Soak, EightThreadsOnSeparateAndSharedConnectionsStayFlat) {
  constexpr int kThreads = 8;
  const int queries = std::max(20, cycles() / 10);  // 200 by default
  std::vector<std::unique_ptr<Connection>> own;
  for (int t = 0; t < kThreads; ++t) {
    own.push_back(std::make_unique<Connection>(env_));
    ASSERT_TRUE(SQL_SUCCEEDED(own.back()->driverConnect(
        sandboxConnectionString("sandbox-admin-token", t % 2 ? "CacheTTL=0" : ""))))
        << describe(own.back()->lastDiagnostics());
  }
  Connection shared(env_);
  ASSERT_TRUE(SQL_SUCCEEDED(shared.driverConnect(sandboxConnectionString("sandbox-admin-token", "CacheTTL=0"))));
  const std::size_t expected_rows = query(shared, "SELECT id, name FROM Boards").size();
  ASSERT_GT(expected_rows, 0U);

  std::atomic<int> failures{0};
  auto separate = [&](int t) -> Connection& { return *own[static_cast<std::size_t>(t)]; };
  auto one = [&](int) -> Connection& { return shared; };
  // A first, shorter round warms every cache; the second must not grow what it left.
  runThreads(kThreads, std::max(2, queries / 10), separate, expected_rows, failures);
  runThreads(kThreads, std::max(2, queries / 10), one, expected_rows, failures);
  const Footprint warm = footprint();
  runThreads(kThreads, queries, separate, expected_rows, failures);
  runThreads(kThreads, queries, one, expected_rows, failures);
  const Footprint end = footprint();
  EXPECT_EQ(failures.load(), 0) << "statements failed or returned partial results";
  report((std::to_string(kThreads) + " threads x " + std::to_string(queries) +
          " queries, separate and shared connections").c_str(),
         warm, end);
  expectFlat(warm, end, 2L * kThreads * queries);
}

}  // namespace
