// Allocating and freeing handles; SQLCancel.

#include "driver/handles/connection.h"
#include "driver/handles/descriptor.h"
#include "driver/handles/environment.h"
#include "driver/handles/statement.h"
#include "driver/odbc/entry.h"

using namespace monday;
using namespace monday::handles;

namespace {

SQLRETURN allocate(SQLSMALLINT type, SQLHANDLE input, SQLHANDLE* output) noexcept {
  if (output == nullptr) return SQL_ERROR;
  switch (type) {
    case SQL_HANDLE_ENV: {
      *output = SQL_NULL_HANDLE;
      try {
        *output = static_cast<Handle*>(Registry::instance().createEnvironment());
        return SQL_SUCCESS;
      } catch (...) {
        return SQL_ERROR;
      }
    }
    case SQL_HANDLE_DBC:
      *output = SQL_NULL_HANDLE;
      return guarded<Environment>(SQL_HANDLE_ENV, input, "SQLAllocHandle(DBC)", [&](Environment& env) {
        *output = static_cast<Handle*>(env.createConnection());
        return SQL_SUCCESS;
      });
    case SQL_HANDLE_STMT:
      *output = SQL_NULL_HANDLE;
      return guarded<Connection>(SQL_HANDLE_DBC, input, "SQLAllocHandle(STMT)", [&](Connection& c) {
        *output = static_cast<Handle*>(c.createStatement());
        return SQL_SUCCESS;
      });
    case SQL_HANDLE_DESC:
      *output = SQL_NULL_HANDLE;
      return guarded<Connection>(SQL_HANDLE_DBC, input, "SQLAllocHandle(DESC)", [&](Connection& c) {
        *output = static_cast<Handle*>(c.createDescriptor());
        return SQL_SUCCESS;
      });
    default:
      return SQL_ERROR;
  }
}

SQLRETURN freeEnvironment(SQLHANDLE handle) noexcept {
  auto* env = static_cast<Environment*>(Registry::instance().find(handle, SQL_HANDLE_ENV));
  if (env == nullptr) return SQL_INVALID_HANDLE;
  try {
    {
      std::lock_guard lock(env->callMutex());
      env->diag().clear();
      if (env->hasConnections()) {
        recordError(*env, sqlstate::kFunctionSequenceError,
                    "Function sequence error: free every connection of this environment first.");
        env->diag().setReturnCode(SQL_ERROR);
        return SQL_ERROR;
      }
    }
    Registry::instance().destroyEnvironment(env);
    return SQL_SUCCESS;
  } catch (...) {
    return SQL_ERROR;
  }
}

SQLRETURN freeConnection(SQLHANDLE handle) noexcept {
  auto* connection = static_cast<Connection*>(Registry::instance().find(handle, SQL_HANDLE_DBC));
  if (connection == nullptr) return SQL_INVALID_HANDLE;
  try {
    Environment& env = connection->environment();
    std::lock_guard env_lock(env.callMutex());
    {
      std::lock_guard lock(connection->callMutex());
      connection->diag().clear();
      if (connection->connected()) {
        recordError(*connection, sqlstate::kFunctionSequenceError,
                    "Function sequence error: call SQLDisconnect before freeing the connection.");
        connection->diag().setReturnCode(SQL_ERROR);
        return SQL_ERROR;
      }
    }
    env.destroyConnection(connection);
    return SQL_SUCCESS;
  } catch (...) {
    return SQL_ERROR;
  }
}

SQLRETURN freeStatement(SQLHANDLE handle) noexcept {
  auto* statement = static_cast<Statement*>(Registry::instance().find(handle, SQL_HANDLE_STMT));
  if (statement == nullptr) return SQL_INVALID_HANDLE;
  try {
    Connection& connection = statement->connection();
    std::lock_guard lock(connection.callMutex());
    connection.destroyStatement(statement);
    return SQL_SUCCESS;
  } catch (...) {
    return SQL_ERROR;
  }
}

SQLRETURN freeDescriptor(SQLHANDLE handle) noexcept {
  auto* descriptor = static_cast<Descriptor*>(Registry::instance().find(handle, SQL_HANDLE_DESC));
  if (descriptor == nullptr) return SQL_INVALID_HANDLE;
  try {
    Connection& connection = descriptor->connection();
    std::lock_guard lock(connection.callMutex());
    descriptor->diag().clear();
    if (!descriptor->isExplicit()) {
      recordError(*descriptor, sqlstate::kAutomaticDescriptorMisuse,
                  "Invalid use of an automatically allocated descriptor handle: it is freed with "
                  "its statement.");
      descriptor->diag().setReturnCode(SQL_ERROR);
      return SQL_ERROR;
    }
    connection.destroyDescriptor(descriptor);
    return SQL_SUCCESS;
  } catch (...) {
    return SQL_ERROR;
  }
}

}  // namespace

extern "C" {

SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT HandleType, SQLHANDLE InputHandle, SQLHANDLE* OutputHandle) {
  return allocate(HandleType, InputHandle, OutputHandle);
}

SQLRETURN SQL_API SQLAllocEnv(SQLHENV* EnvironmentHandle) {
  return allocate(SQL_HANDLE_ENV, SQL_NULL_HANDLE, EnvironmentHandle);
}

SQLRETURN SQL_API SQLAllocConnect(SQLHENV EnvironmentHandle, SQLHDBC* ConnectionHandle) {
  return allocate(SQL_HANDLE_DBC, EnvironmentHandle, ConnectionHandle);
}

SQLRETURN SQL_API SQLAllocStmt(SQLHDBC ConnectionHandle, SQLHSTMT* StatementHandle) {
  return allocate(SQL_HANDLE_STMT, ConnectionHandle, StatementHandle);
}

SQLRETURN SQL_API SQLFreeHandle(SQLSMALLINT HandleType, SQLHANDLE Handle) {
  switch (HandleType) {
    case SQL_HANDLE_ENV: return freeEnvironment(Handle);
    case SQL_HANDLE_DBC: return freeConnection(Handle);
    case SQL_HANDLE_STMT: return freeStatement(Handle);
    case SQL_HANDLE_DESC: return freeDescriptor(Handle);
    default: return SQL_INVALID_HANDLE;
  }
}

SQLRETURN SQL_API SQLFreeEnv(SQLHENV EnvironmentHandle) { return freeEnvironment(EnvironmentHandle); }

SQLRETURN SQL_API SQLFreeConnect(SQLHDBC ConnectionHandle) { return freeConnection(ConnectionHandle); }

SQLRETURN SQL_API SQLFreeStmt(SQLHSTMT StatementHandle, SQLUSMALLINT Option) {
  if (Option == SQL_DROP) return freeStatement(StatementHandle);
  return guarded<Statement>(SQL_HANDLE_STMT, StatementHandle, "SQLFreeStmt",
                            [&](Statement& s) { return s.freeStmt(Option); });
}

SQLRETURN SQL_API SQLCancel(SQLHSTMT StatementHandle) {
  // Deliberately without the connection lock: the call being cancelled holds it. The registry
  // lock keeps the statement alive while we reach it.
  try {
    return Registry::instance().withLock([&]() -> SQLRETURN {
      auto* s = static_cast<Statement*>(Registry::instance().findLocked(StatementHandle, SQL_HANDLE_STMT));
      if (s == nullptr) return SQL_INVALID_HANDLE;
      return s->cancel();
    });
  } catch (...) {
    return SQL_ERROR;
  }
}

}  // extern "C"
