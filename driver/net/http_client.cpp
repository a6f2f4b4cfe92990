#include "driver/net/http_client.h"

#include "driver/common/error.h"
#include "driver/net/url.h"

namespace monday::net {

namespace {

// host[:port] of the request, for messages: never the userinfo, path or query of the URL.
std::string hostOf(const std::string& url) {
  const auto parsed = parseUrl(url);
  if (!parsed) return "(invalid URL)";
  const bool default_port = (parsed->scheme == "https" && parsed->port == 443) ||
                            (parsed->scheme == "http" && parsed->port == 80);
  return parsed->host + (default_port ? std::string() : ":" + std::to_string(parsed->port));
}

// "the APIURL property and the network/DNS" or, without a property to name, "the network/DNS".
std::string checkFirst(const std::string& property, const std::string& rest) {
  return property.empty() ? rest : "the " + property + " property" + (rest.empty() ? "" : " and " + rest);
}

[[noreturn]] void throwFailure(const TransportFailure& failure, const std::string& url, const TransportOptions& options,
                               std::chrono::seconds timeout) {
  const PropertyNames& names = options.property_names;
  const std::string host = hostOf(url);
  const std::string& why = failure.detail;
  switch (failure.kind) {
    case FailureKind::Timeout:
      throw Error(sqlstate::kTimeout, "monday did not answer within " + std::to_string(timeout.count()) + " seconds (" +
                                          host + "). Retry" +
                                          (names.timeout.empty() ? " or narrow the query."
                                                                 : ", narrow the query, or raise the " + names.timeout +
                                                                       " property."));
    case FailureKind::Cancelled:
      throw Error(sqlstate::kOperationCanceled, "The operation was cancelled.");
    case FailureKind::ProxyRefused:
      if (failure.proxy_status == 407) {
        throw Error(sqlstate::kUnableToConnect,
                    "The proxy refused the connection: it wants credentials (HTTP 407). Check the proxy user "
                    "name and password.");
      }
      throw Error(sqlstate::kUnableToConnect,
                  "The proxy refused to open a tunnel to " + host + " (HTTP " + std::to_string(failure.proxy_status) +
                      "). Check the proxy settings and its exceptions.");
    case FailureKind::ProxyNotResolved:
      throw Error(sqlstate::kUnableToConnect, "Cannot resolve the proxy host (" + why +
                                                   "). Check the proxy server name, or the https_proxy "
                                                   "environment variable.");
    case FailureKind::HostNotResolved:
      throw Error(sqlstate::kUnableToConnect, "Cannot resolve the host name " + host + " (" + why + "). Check " +
                                                   checkFirst(names.url, "the network/DNS") + ".");
    case FailureKind::CannotConnect:
      throw Error(sqlstate::kUnableToConnect,
                  "Cannot connect to " + host + " (" + why + "). Check " +
                      (names.url.empty() ? std::string("the proxy and firewall") : "the " + names.url + " property, proxy and firewall") +
                      ".");
    case FailureKind::Certificate: {
      const std::string where = names.ca_file.empty() ? "the trust file" : names.ca_file;
      const std::string hint =
          options.ca_file.empty()
              ? "The server's certificate is not trusted by the system certificate store; if it is a private CA, " +
                    (names.ca_file.empty() ? std::string("trust its PEM file.") : "set " + names.ca_file + " to its PEM file.")
              : "The server's certificate is not trusted by the PEM file in " + where + " (" + options.ca_file +
                    "), or that file cannot be read.";
      throw Error(sqlstate::kUnableToConnect,
                  "TLS handshake with " + host + " failed: certificate problem: " + why + ". " + hint);
    }
    case FailureKind::LinkLost:
      throw Error(sqlstate::kCommunicationLinkFailure,
                  "The connection to " + host + " was lost (" + why + "). Retry the statement.");
    case FailureKind::Other:
      break;
  }
  throw Error(sqlstate::kUnableToConnect, "HTTP request to " + host + " failed: " + why + ".");
}

}  // namespace

std::string_view HttpResponse::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

HttpClient::HttpClient(TransportOptions options, std::chrono::seconds timeout, const Seams& seams)
    : options_(std::move(options)),
      transport_(seams.make_transport(options_)),
      clock_(seams.clock),
      timeout_(timeout) {}

HttpClient::~HttpClient() = default;

HttpResponse HttpClient::send(const HttpRequest& request) {
  // The last line of defence for credentials: whatever checked the URL before, nothing leaves
  // this client in cleartext or with user:password@ in it, except to this machine.
  const auto target = parseUrl(request.url);
  if (!target || target->has_userinfo ||
      !(target->scheme == "https" || (target->scheme == "http" && isLoopbackHost(target->host)))) {
    throw Error(sqlstate::kUnableToConnect,
                "Refusing to send a request to " + displayOrigin(request.url) +
                    ": only https:// URLs without user:password@ are allowed (plain http only to "
                    "127.0.0.1, localhost or [::1]).");
  }
  const auto started = clock_->now();
  auto result = transport_->exchange(request, ExchangeLimits{.timeout = timeout_, .cancelled = &cancelled_});
  if (auto* failure = std::get_if<TransportFailure>(&result)) throwFailure(*failure, request.url, options_, timeout_);
  auto& response = std::get<HttpResponse>(result);
  response.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock_->now() - started);
  return std::move(response);
}

void HttpClient::wait(std::chrono::milliseconds duration) {
  if (!clock_->sleep(duration, cancelled_)) throw Error(sqlstate::kOperationCanceled, "The operation was cancelled.");
}

}  // namespace monday::net
