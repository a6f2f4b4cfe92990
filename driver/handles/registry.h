#pragma once
// The set of live handles. An application (or a confused driver manager) may pass anything as a
// handle; we answer SQL_INVALID_HANDLE unless it is a handle we allocated and have not freed,
// checked before the pointer is ever dereferenced. Environments are owned here; connections,
// statements and descriptors are owned by their parents and only registered.

#include <sql.h>

#include <memory>
#include <mutex>
#include <unordered_map>

namespace monday::handles {

class Handle;
class Environment;

class Registry {
 public:
  static Registry& instance();

  // Looks `raw` up; nullptr unless it is live and of `handle_type`.
  Handle* find(const void* raw, SQLSMALLINT handle_type);

  void add(Handle* handle);
  void remove(const Handle* handle);

  Environment* createEnvironment();
  void destroyEnvironment(Environment* env);

  // Runs `fn` while no handle can be unregistered (SQLCancel uses this to reach a statement that
  // another thread is working on without taking that thread's lock).
  template <class F>
  auto withLock(F&& fn) {
    std::lock_guard lock(mutex_);
    return fn();
  }
  // find() for callers that already hold the lock through withLock().
  Handle* findLocked(const void* raw, SQLSMALLINT handle_type);

 private:
  Registry() = default;
  std::mutex mutex_;
  std::unordered_map<const void*, SQLSMALLINT> live_;
  std::unordered_map<const Environment*, std::unique_ptr<Environment>> environments_;
};

}  // namespace monday::handles
