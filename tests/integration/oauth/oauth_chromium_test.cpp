// The desktop flow end to end in real headless Chromium (Debian's chromium package, driven by
// tests/browser/approve.mjs with playwright-core): the driver opens the browser on the sandbox's
// consent page, Chromium clicks Approve, lands on the driver's callback page, and the ODBC
// connection completes and queries.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/integration/oauth/oauth_test_support.h"

using namespace monday::test;
using namespace monday::test::oauth;

namespace {

TEST(OAuthDesktopChromium, ApproveInHeadlessChromiumThenQuery) {
  ASSERT_TRUE(std::filesystem::exists("/usr/bin/chromium"))
      << "Debian's chromium is missing: installer/install-deps.sh installs it";
  TempDir dir;
  const std::string result_file = dir.file("browser-result.json");
  ScopedEnv browser("BROWSER", sourceRoot() + "/tests/browser/chromium_browser.sh");
  ScopedEnv result("MONDAY_BROWSER_RESULT", result_file);
  ScopedEnv screenshots("MONDAY_BROWSER_SCREENSHOTS", runDir());  // oauth-consent.png, oauth-callback.png
  const long long approvals = oauthStat("approvals");

  Environment env;
  Connection connection(env);
  const std::string callback = callbackUrl(freeLoopbackPort());
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(oauthConnectionString(
      kNewFlowApp, "GETANDREFRESH",
      "OAuthSettingsLocation=" + dir.file("desktop.settings") + ";OAuthSettingsKey=" + kSettingsKey +
          ";CallbackURL=" + callback + ";OAuthAuthorizationTimeout=180"))))
      << describe(connection.lastDiagnostics()) << "\nbrowser: " << readFile(result_file);

  auto rows = query(connection, "SELECT name FROM Me");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].value_or(""), "Avery Stone");
  auto boards = query(connection, "SELECT COUNT(*) FROM Boards");
  ASSERT_EQ(boards.size(), 1u);
  EXPECT_GT(std::stoll(boards[0][0].value_or("0")), 0);
  EXPECT_EQ(oauthStat("approvals"), approvals + 1);

  // What Chromium saw (approve.mjs writes it when it is done; the driver did not wait for it).
  std::string browser_result;
  for (int i = 0; i < 300 && browser_result.find("\"ok\"") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    browser_result = readFile(result_file);
  }
  rapidjson::Document seen;
  seen.Parse(browser_result.c_str());
  ASSERT_TRUE(seen.IsObject()) << browser_result;
  EXPECT_TRUE(seen["ok"].GetBool()) << browser_result;
  EXPECT_EQ(std::string(seen["consent_path"].GetString()), "/oauth2/authorize");
  EXPECT_TRUE(seen["consent_has_approve"].GetBool());
  EXPECT_EQ(std::string(seen["landed_origin"].GetString()) + seen["landed_path"].GetString(), callback);
  EXPECT_NE(std::string(seen["landed_text"].GetString()).find("You can close this window"), std::string::npos);
}

}  // namespace
