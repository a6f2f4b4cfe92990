#include "driver/engine/row_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "driver/common/error.h"

namespace monday::engine {

namespace {

enum Tag : unsigned char { kNull = 0, kInteger = 1, kReal = 2, kText = 3, kBlob = 4 };

void putNumber(std::string& out, std::uint64_t n) {
  char bytes[8];
  std::memcpy(bytes, &n, sizeof n);
  out.append(bytes, sizeof bytes);
}

std::uint64_t getNumber(const char* at) {
  std::uint64_t n;
  std::memcpy(&n, at, sizeof n);
  return n;
}

std::string encode(const std::vector<Value>& row) {
  std::string out;
  putNumber(out, row.size());
  for (const auto& value : row) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            out.push_back(static_cast<char>(kNull));
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            out.push_back(static_cast<char>(kInteger));
            putNumber(out, static_cast<std::uint64_t>(v));
          } else if constexpr (std::is_same_v<T, double>) {
            out.push_back(static_cast<char>(kReal));
            std::uint64_t bits;
            std::memcpy(&bits, &v, sizeof bits);
            putNumber(out, bits);
          } else if constexpr (std::is_same_v<T, std::string>) {
            out.push_back(static_cast<char>(kText));
            putNumber(out, v.size());
            out += v;
          } else {
            out.push_back(static_cast<char>(kBlob));
            putNumber(out, v.bytes.size());
            out.append(reinterpret_cast<const char*>(v.bytes.data()), v.bytes.size());
          }
        },
        value);
  }
  return out;
}

std::vector<Value> decode(const std::string& bytes) {
  const char* at = bytes.data();
  const std::uint64_t count = getNumber(at);
  at += 8;
  std::vector<Value> row;
  row.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    const auto tag = static_cast<Tag>(static_cast<unsigned char>(*at++));
    switch (tag) {
      case kNull: row.emplace_back(std::monostate{}); break;
      case kInteger: row.emplace_back(static_cast<std::int64_t>(getNumber(at))); at += 8; break;
      case kReal: {
        const std::uint64_t bits = getNumber(at);
        double d;
        std::memcpy(&d, &bits, sizeof d);
        row.emplace_back(d);
        at += 8;
        break;
      }
      case kText: {
        const std::uint64_t n = getNumber(at);
        at += 8;
        row.emplace_back(std::string(at, n));
        at += n;
        break;
      }
      case kBlob: {
        const std::uint64_t n = getNumber(at);
        at += 8;
        Blob blob;
        blob.bytes.assign(reinterpret_cast<const unsigned char*>(at), reinterpret_cast<const unsigned char*>(at) + n);
        row.emplace_back(std::move(blob));
        at += n;
        break;
      }
    }
  }
  return row;
}

[[noreturn]] void fileError(const char* what) {
  throw Error(sqlstate::kMemoryAllocation,
              std::string("Cannot ") + what + " the temporary file that holds a scrollable cursor's rows (" +
                  std::strerror(errno) + "). Check free space in $TMPDIR (or /tmp), or use a forward-only cursor.");
}

}  // namespace

RowStore::RowStore(std::size_t memory_limit) : memory_limit_(memory_limit) {}

RowStore::~RowStore() {
  if (file_ >= 0) ::close(file_);
}

void RowStore::spill() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/monday-odbc-rows-XXXXXX";
  file_ = ::mkstemp(path.data());
  if (file_ < 0) fileError("create");
  ::unlink(path.c_str());  // unnamed: gone with the descriptor, whatever happens to the process
  const std::string pending = std::move(memory_);
  memory_.clear();
  memory_.shrink_to_fit();
  std::size_t written = 0;
  while (written < pending.size()) {
    const ssize_t n = ::pwrite(file_, pending.data() + written, pending.size() - written, static_cast<off_t>(written));
    if (n <= 0) fileError("write");
    written += static_cast<std::size_t>(n);
  }
}

void RowStore::write(const std::string& bytes) {
  if (file_ < 0 && memory_.size() + bytes.size() > memory_limit_) spill();
  if (file_ < 0) {
    memory_ += bytes;
    return;
  }
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::pwrite(file_, bytes.data() + written, bytes.size() - written, static_cast<off_t>(end_ + written));
    if (n <= 0) fileError("write");
    written += static_cast<std::size_t>(n);
  }
}

void RowStore::append(const std::vector<Value>& row) {
  const std::string bytes = encode(row);
  write(bytes);
  offsets_.push_back(end_);
  end_ += bytes.size();
}

std::vector<Value> RowStore::row(std::size_t index) const {
  const std::uint64_t start = offsets_.at(index);
  const std::uint64_t stop = index + 1 < offsets_.size() ? offsets_[index + 1] : end_;
  if (file_ < 0) return decode(memory_.substr(start, stop - start));
  std::string bytes(stop - start, '\0');
  std::size_t read = 0;
  while (read < bytes.size()) {
    const ssize_t n = ::pread(file_, bytes.data() + read, bytes.size() - read, static_cast<off_t>(start + read));
    if (n <= 0) fileError("read");
    read += static_cast<std::size_t>(n);
  }
  return decode(bytes);
}

}  // namespace monday::engine
