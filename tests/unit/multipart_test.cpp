// multipart/form-data bodies for file uploads: part layout, file parts, and names that cannot
// break out of their header.

#include "driver/net/multipart.h"

#include <gtest/gtest.h>

namespace monday::net {
namespace {

TEST(Multipart, FieldsAndFilesAreFramedByTheBoundary) {
  const MultipartBody body = buildMultipart({{.name = "query", .data = "mutation { x }"},
                                             {.name = "variables[file]", .data = std::string("a\0b", 3), .filename = "r.pdf"}});
  const std::string prefix = "multipart/form-data; boundary=";
  ASSERT_EQ(body.content_type.rfind(prefix, 0), 0u);
  const std::string boundary = body.content_type.substr(prefix.size());
  const std::string expected = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\nmutation { x }\r\n" +
                               "--" + boundary +
                               "\r\nContent-Disposition: form-data; name=\"variables[file]\"; filename=\"r.pdf\"\r\n"
                               "Content-Type: application/octet-stream\r\n\r\n" + std::string("a\0b", 3) + "\r\n--" +
                               boundary + "--\r\n";
  EXPECT_EQ(body.body, expected);
}

TEST(Multipart, BoundaryNeverOccursInAPart) {
  const MultipartBody first = buildMultipart({{.name = "a", .data = "x"}});
  const std::string boundary = first.content_type.substr(first.content_type.find('=') + 1);
  // A part that contains the previous boundary cannot make the next body ambiguous.
  const MultipartBody second = buildMultipart({{.name = "a", .data = "--" + boundary}});
  const std::string other = second.content_type.substr(second.content_type.find('=') + 1);
  EXPECT_NE(other, boundary);
  EXPECT_EQ(("--" + boundary).find(other), std::string::npos);
}

TEST(Multipart, FileNamesAreEscapedInHeaders) {
  EXPECT_EQ(formHeaderValue("a\"b\\c\r\nd.txt"), "a%22b%5Cc%0D%0Ad.txt");
  const MultipartBody body = buildMultipart({{.name = "f", .data = "1", .filename = "x\"; name=\"evil"}});
  EXPECT_NE(body.body.find("filename=\"x%22; name=%22evil\""), std::string::npos);
}

}  // namespace
}  // namespace monday::net
