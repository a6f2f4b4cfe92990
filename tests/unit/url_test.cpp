// URLs are checked by the parser that later sends the request (libcurl's), so the host a check
// approves is the host that receives the credentials.

#include <gtest/gtest.h>

#include "driver/net/url.h"

namespace monday::net {
namespace {

TEST(Url, UserinfoDoesNotMakeARemoteHostLookLikeLoopback) {
  // The defect: cutting at the first ':' read "localhost" here, while curl sends to evil.example.
  const auto url = parseUrl("http://localhost:x@evil.example/v2");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->host, "evil.example");
  EXPECT_TRUE(url->has_userinfo);
  EXPECT_FALSE(isSafeToSendCredentials("http://localhost:x@evil.example/v2"));
  EXPECT_FALSE(isLoopbackHttpUrl("http://localhost:x@evil.example/v2"));
  EXPECT_FALSE(isSafeToSendCredentials("http://127.0.0.1@evil.example/"));
  EXPECT_FALSE(isSafeToSendCredentials("http://[::1]:1@evil.example/"));
}

TEST(Url, UserinfoIsRefusedEvenOverHttps) {
  EXPECT_FALSE(isSafeToSendCredentials("https://user:pass@api.monday.com/v2"));
  EXPECT_TRUE(isSafeToSendCredentials("https://api.monday.com/v2"));
}

TEST(Url, PlainHttpOnlyToLoopbackHosts) {
  EXPECT_TRUE(isSafeToSendCredentials("http://127.0.0.1:8443/v2"));
  EXPECT_TRUE(isSafeToSendCredentials("http://localhost/v2"));
  EXPECT_TRUE(isSafeToSendCredentials("http://[::1]:9/x"));
  EXPECT_TRUE(isSafeToSendCredentials("HTTP://LOCALHOST:9/x"));
  EXPECT_FALSE(isSafeToSendCredentials("http://127.0.0.1.evil.example/"));
  EXPECT_FALSE(isSafeToSendCredentials("http://localhost.evil.example/"));
  EXPECT_FALSE(isSafeToSendCredentials("http://api.monday.com/v2"));
  EXPECT_FALSE(isSafeToSendCredentials("ftp://127.0.0.1/"));
}

TEST(Url, NotAUrlIsRefused) {
  EXPECT_FALSE(parseUrl(""));
  EXPECT_FALSE(parseUrl("api.monday.com/v2"));
  EXPECT_FALSE(parseUrl("https://"));
  EXPECT_FALSE(parseUrl("https://api.monday.com/v2 http://127.0.0.1/"));
  EXPECT_FALSE(parseUrl(std::string_view("http://127.0.0.1\0@evil.example/", 31)));
}

TEST(Url, PortsAndPathsAreRead) {
  auto url = parseUrl("http://[::1]:33333/callback");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->host, "[::1]");
  EXPECT_EQ(url->port, 33333);
  EXPECT_EQ(url->path, "/callback");
  url = parseUrl("https://api.monday.com");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->port, 443);
  EXPECT_EQ(url->path, "/");
}

TEST(Url, MessagesShowNeitherUserinfoNorQuery) {
  EXPECT_EQ(displayOrigin("http://localhost:secret@evil.example/v2"), "http://evil.example");
  EXPECT_EQ(displayWithoutQuery("https://files.example/a/b.png?X-Amz-Signature=abc"),
            "https://files.example/a/b.png");
  EXPECT_EQ(displayOrigin("https://127.0.0.1:8443/v2"), "https://127.0.0.1:8443");
}

TEST(Url, PercentEncodingKeepsOnlyUnreservedCharacters) {
  // The audit log's filters are JSON in a query string: every quote, brace and colon is encoded.
  EXPECT_EQ(percentEncode(R"({"events":["login"]})"), "%7B%22events%22%3A%5B%22login%22%5D%7D");
  EXPECT_EQ(percentEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(percentEncode(std::string_view("\0\xff", 2)), "%00%FF");
}

}  // namespace
}  // namespace monday::net
