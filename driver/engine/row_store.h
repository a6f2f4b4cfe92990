#pragma once
// The rows of a static (scrollable) cursor, read once from the engine and kept for random
// access, so scrolling back never asks monday again. Rows are packed into one byte buffer; past
// `memory_limit` bytes the buffer moves to an unnamed temporary file and grows there, so a large
// result costs disk, not the application's memory (8 bytes of index per row stay in memory).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "driver/common/value.h"

namespace monday::engine {

class RowStore {
 public:
  static constexpr std::size_t kDefaultMemoryLimit = 16 * 1024 * 1024;

  explicit RowStore(std::size_t memory_limit = kDefaultMemoryLimit);
  ~RowStore();
  RowStore(const RowStore&) = delete;
  RowStore& operator=(const RowStore&) = delete;

  // Throws monday::Error (HY001) when the temporary file cannot be written.
  void append(const std::vector<Value>& row);
  std::size_t size() const { return offsets_.size(); }
  // Row `index` (0-based). Throws monday::Error when the temporary file cannot be read.
  std::vector<Value> row(std::size_t index) const;

  bool spilled() const { return file_ >= 0; }
  std::uint64_t bytes() const { return end_; }

 private:
  void spill();
  void write(const std::string& bytes);

  std::size_t memory_limit_;
  std::string memory_;                  // the buffer while it fits in memory
  int file_ = -1;                       // the temporary file once it does not
  std::uint64_t end_ = 0;               // bytes written so far
  std::vector<std::uint64_t> offsets_;  // where each row starts
};

}  // namespace monday::engine
