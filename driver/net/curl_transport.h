#pragma once
// The real transport: libcurl, one easy handle per transport, so the TLS connection to the
// server stays alive between requests of one HTTP client.

#include <memory>

#include "driver/net/transport.h"

namespace monday::net {

// Throws monday::Error HY001 when libcurl cannot make a handle.
std::unique_ptr<Transport> makeCurlTransport(const TransportOptions& options);

}  // namespace monday::net
