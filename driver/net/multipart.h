#pragma once
// multipart/form-data bodies (RFC 7578), for monday's file uploads (REFERENCE §1.4). The whole
// body is built in memory: monday caps one upload at 500 MB and the driver sends one file at a
// time.

#include <string>
#include <vector>

namespace monday::net {

struct FormPart {
  std::string name;          // form field name, e.g. "query" or "variables[file]"
  std::string data;          // the bytes of the part
  std::string filename;      // "" for a plain field; a file part otherwise
  std::string content_type;  // "" = none for fields, application/octet-stream for files
};

struct MultipartBody {
  std::string content_type;  // "multipart/form-data; boundary=..."
  std::string body;
};

// A boundary that occurs in no part is chosen at random.
MultipartBody buildMultipart(const std::vector<FormPart>& parts);

// What a file name looks like inside a Content-Disposition header: quotes, backslashes and line
// breaks percent-encoded, as browsers do, so a name cannot break out of its header.
std::string formHeaderValue(const std::string& text);

}  // namespace monday::net
