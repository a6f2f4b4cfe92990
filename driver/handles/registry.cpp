#include "driver/handles/registry.h"

#include <unordered_map>

#include "driver/handles/environment.h"
#include "driver/handles/handle.h"

namespace monday::handles {

Registry& Registry::instance() {
  // Deliberately immortal: handles an application never freed must not be torn down by static
  // destructors at exit, in an order where their destructors would talk to a dead registry.
  static Registry& registry = *new Registry();
  return registry;
}

Handle* Registry::findLocked(const void* raw, SQLSMALLINT handle_type) {
  if (raw == nullptr) return nullptr;
  auto it = live_.find(raw);
  if (it == live_.end() || it->second != handle_type) return nullptr;
  // Only now is it safe to look inside: the pointer is one of ours and still alive.
  auto* handle = static_cast<Handle*>(const_cast<void*>(raw));
  return handle->looksValid() && handle->handleType() == handle_type ? handle : nullptr;
}

Handle* Registry::find(const void* raw, SQLSMALLINT handle_type) {
  std::lock_guard lock(mutex_);
  return findLocked(raw, handle_type);
}

void Registry::add(Handle* handle) {
  std::lock_guard lock(mutex_);
  live_[static_cast<const void*>(handle)] = handle->handleType();
}

void Registry::remove(const Handle* handle) {
  std::lock_guard lock(mutex_);
  live_.erase(static_cast<const void*>(handle));
}

Environment* Registry::createEnvironment() {
  auto env = std::make_unique<Environment>();
  Environment* raw = env.get();
  {
    std::lock_guard lock(mutex_);
    environments_.emplace(raw, std::move(env));
    live_[static_cast<const void*>(static_cast<Handle*>(raw))] = SQL_HANDLE_ENV;
  }
  return raw;
}

void Registry::destroyEnvironment(Environment* env) {
  std::unique_ptr<Environment> doomed;
  {
    std::lock_guard lock(mutex_);
    live_.erase(static_cast<const void*>(static_cast<Handle*>(env)));
    auto it = environments_.find(env);
    if (it == environments_.end()) return;
    doomed = std::move(it->second);
    environments_.erase(it);
  }
  // Destroyed outside the registry lock: its destructor unregisters children.
}

}  // namespace monday::handles
