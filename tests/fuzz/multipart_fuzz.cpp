// multipart/form-data bodies of file uploads (net/multipart.cpp), built from what reaches them:
// the GraphQL document, its variables, the file variable's name, the file's name and its bytes
// (client/api_client_files.cpp). Checked besides crashes: the body reads back, by the rules a
// server applies (RFC 7578), as exactly the parts given; no name breaks out of its header line.
// Input: five strings in FuzzedDataProvider's encoding (each ends at a lone backslash; "\\" is
// one backslash): document, variables, file variable, file name, then the file's bytes.

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>

#include "driver/net/multipart.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace monday;

// The parts of a body, split at its boundary; each part's header block and data.
std::vector<std::pair<std::string, std::string>> readBack(const net::MultipartBody& multipart) {
  const std::string prefix = "multipart/form-data; boundary=";
  MONDAY_FUZZ_CHECK(multipart.content_type.rfind(prefix, 0) == 0);
  const std::string boundary = multipart.content_type.substr(prefix.size());
  const std::string& body = multipart.body;
  const std::string delimiter = "\r\n--" + boundary;
  MONDAY_FUZZ_CHECK(body.rfind("--" + boundary + "\r\n", 0) == 0);
  MONDAY_FUZZ_CHECK(body.size() >= delimiter.size() + 4 &&
                    body.compare(body.size() - delimiter.size() - 4, std::string::npos, delimiter + "--\r\n") == 0);

  std::vector<std::pair<std::string, std::string>> parts;
  std::size_t at = boundary.size() + 4;  // past the first "--boundary\r\n"
  for (;;) {
    const std::size_t head_end = body.find("\r\n\r\n", at);
    MONDAY_FUZZ_CHECK(head_end != std::string::npos);
    const std::size_t next = body.find(delimiter, head_end + 4);
    MONDAY_FUZZ_CHECK(next != std::string::npos);
    parts.emplace_back(body.substr(at, head_end - at), body.substr(head_end + 4, next - head_end - 4));
    at = next + delimiter.size();
    if (body.compare(at, 2, "--") == 0) break;
    MONDAY_FUZZ_CHECK(body.compare(at, 2, "\r\n") == 0);
    at += 2;
  }
  return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  const std::string document = input.ConsumeRandomLengthString();
  const std::string variables = input.ConsumeRandomLengthString();
  const std::string file_variable = input.ConsumeRandomLengthString();
  const std::string file_name = input.ConsumeRandomLengthString();
  const std::string file_bytes = input.ConsumeRemainingBytesAsString();

  const std::vector<net::FormPart> given = {
      {.name = "query", .data = document},
      {.name = "variables", .data = variables},
      {.name = "variables[" + file_variable + "]", .data = file_bytes, .filename = file_name},
  };
  const auto parts = readBack(net::buildMultipart(given));
  MONDAY_FUZZ_CHECK(parts.size() == given.size());
  for (std::size_t i = 0; i < given.size(); ++i) {
    const std::string& head = parts[i].first;
    MONDAY_FUZZ_CHECK(parts[i].second == given[i].data);
    // One Content-Disposition line, and a Content-Type line for the file: no line of a name's own.
    std::size_t lines = 1;
    for (std::size_t k = head.find("\r\n"); k != std::string::npos; k = head.find("\r\n", k + 2)) ++lines;
    MONDAY_FUZZ_CHECK(lines == (given[i].filename.empty() ? 1u : 2u));
    MONDAY_FUZZ_CHECK(std::count(head.begin(), head.end(), '\r') == static_cast<std::ptrdiff_t>(lines - 1));
    MONDAY_FUZZ_CHECK(std::count(head.begin(), head.end(), '\n') == static_cast<std::ptrdiff_t>(lines - 1));
    const std::string disposition = head.substr(0, head.find("\r\n"));
    MONDAY_FUZZ_CHECK(disposition == "Content-Disposition: form-data; name=\"" + net::formHeaderValue(given[i].name) +
                                         "\"" +
                                         (given[i].filename.empty()
                                              ? std::string()
                                              : "; filename=\"" + net::formHeaderValue(given[i].filename) + "\""));
  }
  return 0;
}
