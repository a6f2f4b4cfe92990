#include "driver/handles/connection.h"

#include <algorithm>

#include "driver/common/error.h"
#include "driver/engine/session.h"
#include "driver/handles/descriptor.h"
#include "driver/handles/environment.h"
#include "driver/handles/registry.h"
#include "driver/handles/statement.h"
#include "driver/log/logger.h"

namespace monday::handles {

Connection::Connection(Environment& environment)
    : Handle(SQL_HANDLE_DBC), environment_(environment) {
  Registry::instance().add(this);
}

Connection::~Connection() {
  Registry::instance().remove(this);
  // Children go before the session they use.
  statements_.clear();
  descriptors_.clear();
  std::lock_guard lock(session_pointer_mutex_);
  session_.reset();
}

SQLINTEGER Connection::odbcVersion() const { return environment_.odbcVersion(); }

engine::Session& Connection::session() {
  if (!session_) {
    throw Error(sqlstate::kConnectionNotOpen,
                "Connection not open. Call SQLConnect or SQLDriverConnect first.");
  }
  return *session_;
}

std::shared_ptr<engine::Session> Connection::sessionForCancel() {
  std::lock_guard lock(session_pointer_mutex_);
  return session_;
}

void Connection::ensureNotConnected() const {
  if (session_) {
    throw Error(sqlstate::kConnectionInUse,
                "Connection name in use: this connection is already open. Call SQLDisconnect "
                "before connecting again.");
  }
}

Statement* Connection::createStatement() {
  if (!session_) {
    throw Error(sqlstate::kConnectionNotOpen,
                "Connection not open: allocate statements after SQLConnect/SQLDriverConnect.");
  }
  auto statement = std::make_unique<Statement>(*this);
  Statement* raw = statement.get();
  statements_.push_back(std::move(statement));
  return raw;
}

void Connection::destroyStatement(Statement* statement) {
  auto it = std::find_if(statements_.begin(), statements_.end(),
                         [&](const auto& s) { return s.get() == statement; });
  if (it != statements_.end()) statements_.erase(it);
}

Descriptor* Connection::createDescriptor() {
  if (!session_) {
    throw Error(sqlstate::kConnectionNotOpen,
                "Connection not open: allocate descriptors after SQLConnect/SQLDriverConnect.");
  }
  auto descriptor = std::make_unique<Descriptor>(*this, nullptr, DescRole::ARD);
  Descriptor* raw = descriptor.get();
  descriptors_.push_back(std::move(descriptor));
  return raw;
}

void Connection::destroyDescriptor(Descriptor* descriptor) {
  // Statements using it go back to their implicit descriptors (ODBC: SQLFreeHandle on an explicit
  // descriptor).
  for (auto& s : statements_) s->forgetDescriptor(descriptor);
  auto it = std::find_if(descriptors_.begin(), descriptors_.end(),
                         [&](const auto& d) { return d.get() == descriptor; });
  if (it != descriptors_.end()) descriptors_.erase(it);
}

}  // namespace monday::handles
