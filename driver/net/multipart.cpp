#include "driver/net/multipart.h"

#include <random>

namespace monday::net {

namespace {

std::string randomBoundary() {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::random_device device;
  std::mt19937_64 source(device());
  std::string boundary = "----monday-odbc-";
  for (int i = 0; i < 32; ++i) boundary.push_back(kDigits[source() % 16]);
  return boundary;
}

bool occursIn(const std::vector<FormPart>& parts, const std::string& boundary) {
  for (const auto& part : parts) {
    if (part.data.find(boundary) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::string formHeaderValue(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "%22"; break;
      case '\\': out += "%5C"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

MultipartBody buildMultipart(const std::vector<FormPart>& parts) {
  std::string boundary = randomBoundary();
  while (occursIn(parts, boundary)) boundary = randomBoundary();

  MultipartBody result;
  result.content_type = "multipart/form-data; boundary=" + boundary;
  std::size_t size = 0;
  for (const auto& part : parts) size += part.data.size() + part.name.size() + part.filename.size() + 160;
  result.body.reserve(size + boundary.size() + 8);
  for (const auto& part : parts) {
    result.body += "--" + boundary + "\r\n";
    result.body += "Content-Disposition: form-data; name=\"" + formHeaderValue(part.name) + "\"";
    if (!part.filename.empty()) result.body += "; filename=\"" + formHeaderValue(part.filename) + "\"";
    result.body += "\r\n";
    if (!part.content_type.empty()) {
      result.body += "Content-Type: " + part.content_type + "\r\n";
    } else if (!part.filename.empty()) {
      result.body += "Content-Type: application/octet-stream\r\n";
    }
    result.body += "\r\n";
    result.body += part.data;
    result.body += "\r\n";
  }
  result.body += "--" + boundary + "--\r\n";
  return result;
}

}  // namespace monday::net
