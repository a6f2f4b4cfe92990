#pragma once
// Answers of read requests kept for CacheTTL seconds: a BI dashboard sends the same queries
// again and again, and an identical request within the TTL is answered from memory instead of
// monday. Shared by the connections of this process that use the same token and endpoint (the
// same data, the same permissions), bounded in bytes (least recently used first out), and emptied
// by any write made through one of those connections: a change must be seen by the next read.

#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace monday::client {

class ResponseCache {
 public:
  using Clock = std::chrono::steady_clock;

  struct Stats {
    std::size_t entries = 0;
    std::size_t bytes = 0;
    long long hits = 0;
    long long misses = 0;
    long long evictions = 0;      // dropped for room or age
    long long invalidations = 0;  // emptied by a write or ClearCache
  };

  // The cache of every connection with this endpoint and credential (never kept as text).
  static std::shared_ptr<ResponseCache> shared(std::string_view endpoint, std::string_view credential);

  ResponseCache() = default;

  // The stored answer for `key` if it is younger than `ttl`; counts a hit or a miss.
  std::optional<std::string> find(const std::string& key, std::chrono::seconds ttl, Clock::time_point now);
  // Keeps `body` for `key`, evicting the least recently used entries beyond `max_bytes`. A body
  // larger than max_bytes is not kept.
  void store(const std::string& key, std::string body, std::size_t max_bytes, Clock::time_point now);
  // Forgets everything (a write, or the ClearCache procedure).
  void clear();
  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    std::string body;
    Clock::time_point stored_at;
  };
  void evictTo(std::size_t max_bytes);

  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  Stats stats_;
};

}  // namespace monday::client
