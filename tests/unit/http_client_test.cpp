// HttpClient through a scripted transport: the URL policy, transport failures turned into the
// SQLSTATE and advice a user can act on (naming the properties the caller gave, never its own),
// and waits that a cancel ends.

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "driver/common/error.h"
#include "driver/net/http_client.h"
#include "tests/unit/fake_network.h"

namespace monday::net {
namespace {

using test::FakeSeams;

TransportOptions named(std::string url_property) {
  TransportOptions options;
  options.property_names = {.url = std::move(url_property), .timeout = "Timeout", .ca_file = "SSLServerCert"};
  return options;
}

HttpRequest postTo(std::string url) {
  HttpRequest request;
  request.url = std::move(url);
  request.body = "{}";
  return request;
}

// The error send() throws for the next scripted failure.
Error failureOf(FailureKind kind, const TransportOptions& options = named("APIURL"), std::string detail = "why") {
  FakeSeams fake;
  fake.network.fail(kind, std::move(detail));
  HttpClient client(options, std::chrono::seconds(7), fake.seams());
  try {
    client.send(postTo("https://api.example.test/v2"));
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "send() did not throw";
  return Error(sqlstate::kGeneralError, "");
}

TEST(HttpClient, SendsTheRequestThroughTheTransportAndReturnsItsAnswer) {
  FakeSeams fake;
  fake.network.answer(200, R"({"data":{}})", {{"x-request-id", "abc"}});
  HttpClient client(named("APIURL"), std::chrono::seconds(5), fake.seams());
  const HttpResponse response = client.send(postTo("https://api.example.test/v2"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"data":{}})");
  EXPECT_EQ(response.header("x-request-id"), "abc");
  ASSERT_EQ(fake.network.requestCount(), 1u);
  EXPECT_EQ(fake.network.requests()[0].url, "https://api.example.test/v2");
  EXPECT_EQ(fake.network.transportsMade().size(), 1u) << "one transport (one kept-alive connection) per client";
}

TEST(HttpClient, AUrlWithUserinfoOrPlainHttpElsewhereNeverReachesTheTransport) {
  FakeSeams fake;
  HttpClient client(named("APIURL"), std::chrono::seconds(5), fake.seams());
  for (const char* url : {"http://localhost:x@evil.example/v2", "http://api.example.test/v2", "https://u:p@api.example.test/"}) {
    try {
      client.send(postTo(url));
      ADD_FAILURE() << url << " was sent";
    } catch (const Error& error) {
      EXPECT_EQ(error.state(), sqlstate::kUnableToConnect) << url;
    }
  }
  EXPECT_EQ(fake.network.requestCount(), 0u);
}

TEST(HttpClient, AdviceNamesThePropertiesTheCallerGave) {
  const Error unresolved = failureOf(FailureKind::HostNotResolved, named("Domain"), "Could not resolve host");
  EXPECT_EQ(unresolved.state(), sqlstate::kUnableToConnect);
  EXPECT_EQ(unresolved.message(),
            "Cannot resolve the host name api.example.test (Could not resolve host). Check the Domain property and "
            "the network/DNS.");
  EXPECT_EQ(failureOf(FailureKind::CannotConnect, named("AuthURL"), "Connection refused").message(),
            "Cannot connect to api.example.test (Connection refused). Check the AuthURL property, proxy and firewall.");
  const Error timeout = failureOf(FailureKind::Timeout);
  EXPECT_EQ(timeout.state(), sqlstate::kTimeout);
  EXPECT_EQ(timeout.message(),
            "monday did not answer within 7 seconds (api.example.test). Retry, narrow the query, or raise the "
            "Timeout property.");
  const Error certificate = failureOf(FailureKind::Certificate, named("APIURL"), "unable to get local issuer");
  EXPECT_EQ(certificate.state(), sqlstate::kUnableToConnect);
  EXPECT_NE(certificate.message().find("set SSLServerCert to its PEM file"), std::string::npos) << certificate.message();
}

TEST(HttpClient, WithoutPropertyNamesTheAdviceNamesNone) {
  for (FailureKind kind : {FailureKind::HostNotResolved, FailureKind::CannotConnect, FailureKind::Timeout,
                           FailureKind::Certificate}) {
    const Error error = failureOf(kind, TransportOptions{});
    EXPECT_EQ(error.message().find("property"), std::string::npos) << error.message();
    EXPECT_EQ(error.message().find("SSLServerCert"), std::string::npos) << error.message();
  }
}

TEST(HttpClient, EachTransportFailureHasItsSqlstate) {
  EXPECT_EQ(failureOf(FailureKind::LinkLost).state(), sqlstate::kCommunicationLinkFailure);
  EXPECT_EQ(failureOf(FailureKind::Cancelled).state(), sqlstate::kOperationCanceled);
  EXPECT_EQ(failureOf(FailureKind::ProxyNotResolved).state(), sqlstate::kUnableToConnect);
  EXPECT_EQ(failureOf(FailureKind::Other).state(), sqlstate::kUnableToConnect);
  // A proxy that wants credentials says so.
  FakeSeams fake;
  fake.network.fail(TransportFailure{.kind = FailureKind::ProxyRefused, .detail = "", .proxy_status = 407});
  HttpClient client(named("APIURL"), std::chrono::seconds(5), fake.seams());
  try {
    client.send(postTo("https://api.example.test/v2"));
    ADD_FAILURE() << "send() did not throw";
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), sqlstate::kUnableToConnect);
    EXPECT_NE(error.message().find("HTTP 407"), std::string::npos) << error.message();
  }
}

TEST(HttpClient, ACancelReachesTheTransportAndEndsAWait) {
  FakeSeams fake;
  fake.network.answer(200, "{}");
  HttpClient client(named("APIURL"), std::chrono::seconds(5), fake.seams());
  client.cancel();
  try {
    client.send(postTo("https://api.example.test/v2"));
    ADD_FAILURE() << "a cancelled client sent a request";
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), sqlstate::kOperationCanceled);
  }
  try {
    client.wait(std::chrono::seconds(3));
    ADD_FAILURE() << "a cancelled wait returned";
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), sqlstate::kOperationCanceled);
  }
  client.resetCancel();
  client.wait(std::chrono::seconds(2));
  EXPECT_EQ(fake.clock->sleeps(), test::secondsEach({3, 2})) << "the waits are the client clock's";
  EXPECT_EQ(client.send(postTo("https://api.example.test/v2")).status, 200);
}

}  // namespace
}  // namespace monday::net
