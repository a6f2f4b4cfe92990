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

