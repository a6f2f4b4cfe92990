#include <gtest/gtest.h>

#include "driver/common/error.h"
#include "driver/config/connection_string.h"
#include "driver/config/properties.h"
#include "driver/config/settings.h"

using monday::Error;
using namespace monday::config;

TEST(ConnectionString, KeysAreCaseInsensitiveAndFirstOccurrenceWins) {
  AttributeMap map = parseConnectionString("apitoken=first; APIToken=second ;Schema = GraphQL");
  EXPECT_EQ(map.get("APITOKEN").value(), "first");
  EXPECT_EQ(map.get("schema").value(), "GraphQL");
  EXPECT_EQ(map.items().size(), 2u);
}

TEST(ConnectionString, BracedValuesKeepSemicolonsAndDoubledBraces) {
  AttributeMap map = parseConnectionString("APIToken={ab;c}}d=e} ;DSN=x");
  EXPECT_EQ(map.get("APIToken").value(), "ab;c}d=e");
  EXPECT_EQ(map.get("DSN").value(), "x");
}

TEST(ConnectionString, EmptySegmentsAreTolerated) {
  AttributeMap map = parseConnectionString(";;DSN=a;;");
  EXPECT_EQ(map.get("DSN").value(), "a");
}

TEST(ConnectionString, UnterminatedBraceIsAnError) {
  try {
    parseConnectionString("APIToken={abc;Schema=GraphQL");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), "08001");
    EXPECT_NE(error.message().find("never closed"), std::string::npos);
  }
}

TEST(ConnectionString, KeyWithoutValueIsAnError) {
  EXPECT_THROW(parseConnectionString("DSN=a;garbage;"), Error);
}

TEST(ConnectionString, FormatAttributeBracesOnlyWhenNeeded) {
  EXPECT_EQ(formatAttribute("DSN", "plain"), "DSN=plain");
  EXPECT_EQ(formatAttribute("APIToken", "a;b}c"), "APIToken={a;b}}c}");
  // Round trip.
  AttributeMap map = parseConnectionString(formatAttribute("APIToken", "a;b}c"));
  EXPECT_EQ(map.get("APIToken").value(), "a;b}c");
}

TEST(PropertyRegistry, FindsNamesAndAliasesCaseInsensitively) {
  ASSERT_NE(findProperty("apitoken"), nullptr);
  EXPECT_EQ(findProperty("PWD")->name, "APIToken");
  EXPECT_EQ(findProperty("nonsense"), nullptr);
  EXPECT_TRUE(isIgnoredKey("driver"));
}

TEST(PropertyRegistry, EveryPropertyHasADescriptionAndValidDefault) {
  for (const auto& def : propertyRegistry()) {
    EXPECT_FALSE(def.description.empty()) << def.name;
    if (def.kind == PropertyKind::Choice) {
      bool found = false;
      for (auto choice : def.choices) found = found || choice == def.default_value;
      EXPECT_TRUE(found) << def.name << " default is not one of its choices";
    }
  }
}

TEST(PropertyRegistry, EveryPropertyGoesToASettingAndEveryConditionNamesAProperty) {
  for (const auto& def : propertyRegistry()) {
    EXPECT_NE(def.bind, nullptr) << def.name << " reaches no setting";
    for (const Condition* condition : {&def.used_when, &def.required_when}) {
      for (const auto& term : *condition) EXPECT_NE(findProperty(term.property), nullptr) << def.name;
    }
    if (!def.required_when.empty() && def.default_value.empty()) {
      EXPECT_FALSE(def.needed.empty()) << def.name << " is required but its message would not say what it is";
    }
  }
}

TEST(PropertyRegistry, AValueReachesItsSettingOnlyWhereItIsUsed) {
  const Settings oauth = Settings::fromAttributes(
      parseConnectionString("AuthScheme=OAuth;ClientId=c;JWT=ignored;Domain=https://acme.monday.com;Timeout=7"));
  EXPECT_EQ(oauth.oauth.client_id, "c");
  EXPECT_EQ(oauth.timeout_seconds, 7);
  EXPECT_EQ(oauth.jwt.token, "");     // JWT properties are read only for AuthScheme=JWT
  EXPECT_EQ(oauth.audit_domain, "");  // Domain only for Schema=AuditLog
  // A secret reference of a scheme not in use is not resolved, so it cannot fail the connection.
  EXPECT_NO_THROW(Settings::fromAttributes(
      parseConnectionString("APIToken=t;OAuthClientSecret=env:MONDAY_UNIT_NOT_SET_ANYWHERE")));
}

TEST(PropertyRegistry, MissingRequiredPropertiesAreNamedWithWhatRequiresThem) {
  try {
    Settings::fromAttributes(parseConnectionString("AuthScheme=OAuth;InitiateOAuth=refresh;OAuthClientSecret=s"));
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), "28000");
    EXPECT_NE(error.message().find("AuthScheme=OAuth with InitiateOAuth=REFRESH needs OAuthClientId"),
              std::string::npos)
        << error.message();
  }
  try {
    Settings::fromAttributes(parseConnectionString("Driver=monday"));
    FAIL();
  } catch (const Error& error) {
    EXPECT_NE(error.message().find("AuthScheme=Token (the default) needs APIToken"), std::string::npos)
        << error.message();
  }
}

TEST(PropertyRegistry, BrowseAsksForWhatTheChosenSchemeRequires) {
  auto requests = [](std::string_view text) {
    std::string joined = ";";
    for (const auto& request : browseRequests(parseConnectionString(text))) joined += request + ";";
    return joined;
  };
  const std::string first = requests("Driver=monday");
  EXPECT_NE(first.find(";APIToken:API token=?;"), std::string::npos) << first;
  EXPECT_NE(first.find("*AuthScheme:Authentication={Token,OAuth,JWT};"), std::string::npos) << first;
  EXPECT_EQ(first.find("JWTToken"), std::string::npos) << first;
  // OAuth: how to get a token is required; the app's client is needed only when the driver gets it.
  const std::string oauth = requests("AuthScheme=OAuth");
  EXPECT_NE(oauth.find(";InitiateOAuth:Initiate OAuth={OFF,GETANDREFRESH,REFRESH};"), std::string::npos) << oauth;
  EXPECT_NE(oauth.find("*OAuthClientId:"), std::string::npos) << oauth;
  EXPECT_EQ(oauth.find(";APIToken:"), std::string::npos) << oauth;  // offered (*), no longer required
  const std::string refresh = requests("AuthScheme=OAuth;InitiateOAuth=REFRESH;ClientId=c");
  EXPECT_NE(refresh.find(";OAuthClientSecret:OAuth client secret=?;"), std::string::npos) << refresh;
  EXPECT_EQ(refresh.find("OAuthClientId"), std::string::npos) << refresh;
  EXPECT_EQ(refresh.find("InitiateOAuth"), std::string::npos) << refresh;
  // An access token given: nothing else is needed for OAuth.
  for (const auto& request :
       browseRequests(parseConnectionString("AuthScheme=OAuth;OAuthAccessToken=t;Schema=GraphQL"))) {
    EXPECT_EQ(request.front(), '*') << request;
  }
  const std::string audit = requests("APIToken=t;Schema=AuditLog");
  EXPECT_NE(audit.find(";Domain:Account URL=?;"), std::string::npos) << audit;
  EXPECT_EQ(requests("APIToken=t;Schema=AuditLog;AuditLogSource=GraphQL").find("Domain"), std::string::npos);
}

TEST(Settings, DefaultsApplyAndUnknownKeysWarn) {
  Settings s = Settings::fromAttributes(parseConnectionString("APIToken=t;Colour=blue;Driver=monday"));
  EXPECT_EQ(s.api_token, "t");
  EXPECT_EQ(s.api_url, "https://api.monday.com/v2");
  EXPECT_EQ(s.api_version, "2026-10");
  EXPECT_EQ(s.timeout_seconds, 60);
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_EQ(s.warnings[0].state, "01S00");
  EXPECT_NE(s.warnings[0].message.find("Colour"), std::string::npos);
}

TEST(Settings, MissingTokenIs28000) {
  try {
    Settings::fromAttributes(parseConnectionString("Schema=GraphQL"));
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), "28000");
  }
}

TEST(Settings, InvalidChoiceNamesThePropertyAndTheChoices) {
  try {
    Settings::fromAttributes(parseConnectionString("APIToken=t;Schema=Rest"));
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), "08001");
    EXPECT_NE(error.message().find("Schema"), std::string::npos);
    EXPECT_NE(error.message().find("GraphQL or AuditLog"), std::string::npos);
  }
}

TEST(Settings, SecretValuesNeverAppearInErrors) {
  // A malformed secret must not be echoed back.
  for (const auto* text : {"APIToken=s3cr3t-value;Timeout=abc", "APIToken=s3cr3t-value;APIURL=http://example.com"}) {
    try {
      Settings::fromAttributes(parseConnectionString(text));
      FAIL();
    } catch (const Error& error) {
      EXPECT_EQ(error.message().find("s3cr3t"), std::string::npos) << error.message();
    }
  }
}

TEST(Settings, PlainHttpOnlyForLoopback) {
  EXPECT_NO_THROW(Settings::fromAttributes(parseConnectionString("APIToken=t;APIURL=http://127.0.0.1:9/v2")));
  EXPECT_THROW(Settings::fromAttributes(parseConnectionString("APIToken=t;APIURL=http://api.monday.com/v2")), Error);
}

TEST(Settings, ConnectionStringBeatsDsnAndOutputOmitsDsnSecrets) {
  AttributeMap given = parseConnectionString("DSN=sandbox;Timeout=5");
  AttributeMap dsn = parseConnectionString("APIToken=from-dsn;Timeout=9;Driver=monday");
  Settings s = Settings::fromAttributes(given, dsn);
  EXPECT_EQ(s.timeout_seconds, 5);
  EXPECT_EQ(s.api_token, "from-dsn");
  EXPECT_EQ(s.toConnectionString(), "DSN=sandbox;Timeout=5");
}

