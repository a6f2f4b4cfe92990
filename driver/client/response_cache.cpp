#include "driver/client/response_cache.h"

#include <algorithm>
#include <functional>
#include <map>

namespace monday::client {

std::shared_ptr<ResponseCache> ResponseCache::shared(std::string_view endpoint, std::string_view credential) {
  static std::mutex registry_mutex;
  static std::map<std::size_t, std::weak_ptr<ResponseCache>> registry;
  std::string identity(endpoint);
  identity += '\n';
  identity += credential;
  const std::size_t key = std::hash<std::string>{}(identity);
  std::fill(identity.begin(), identity.end(), '\0');  // do not leave the token lying around

  std::lock_guard lock(registry_mutex);
  for (auto it = registry.begin(); it != registry.end();) {
    it = it->second.expired() ? registry.erase(it) : std::next(it);
  }
  if (auto existing = registry[key].lock()) return existing;
  auto cache = std::make_shared<ResponseCache>();
  registry[key] = cache;
  return cache;
}

std::optional<std::string> ResponseCache::find(const std::string& key, std::chrono::seconds ttl, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++stats_.misses;
    return std::nullopt;
  }
  if (now - it->second->stored_at >= ttl) {
    stats_.bytes -= it->second->body.size() + it->second->key.size();
    entries_.erase(it->second);
    index_.erase(it);
    ++stats_.evictions;
    ++stats_.misses;
    return std::nullopt;
  }
  entries_.splice(entries_.begin(), entries_, it->second);  // most recently used
  ++stats_.hits;
  return entries_.front().body;
}

void ResponseCache::evictTo(std::size_t max_bytes) {
  while (stats_.bytes > max_bytes && !entries_.empty()) {
    const Entry& last = entries_.back();
    stats_.bytes -= last.body.size() + last.key.size();
    index_.erase(last.key);
    entries_.pop_back();
    ++stats_.evictions;
  }
}

void ResponseCache::store(const std::string& key, std::string body, std::size_t max_bytes, Clock::time_point now) {
  const std::size_t size = body.size() + key.size();
  if (size > max_bytes) return;
  std::lock_guard lock(mutex_);
  if (auto it = index_.find(key); it != index_.end()) {
    stats_.bytes -= it->second->body.size() + it->second->key.size();
    entries_.erase(it->second);
    index_.erase(it);
  }
  entries_.push_front({key, std::move(body), now});
  index_[key] = entries_.begin();
  stats_.bytes += size;
  evictTo(max_bytes);
}

void ResponseCache::clear() {
  std::lock_guard lock(mutex_);
  if (!entries_.empty()) ++stats_.invalidations;
  entries_.clear();
  index_.clear();
  stats_.bytes = 0;
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard lock(mutex_);
  Stats out = stats_;
  out.entries = entries_.size();
  return out;
}

}  // namespace monday::client
