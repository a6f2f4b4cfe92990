#include "schema/paging/concurrent_pages.h"

#include <chrono>

#include "driver/client/api_client.h"
#include "driver/common/error.h"

namespace monday::schema {

ConcurrentPages::ConcurrentPages(client::ApiClient& api, NextChain next_chain, int workers, std::size_t read_ahead,
                                 Start start, Order order)
    : api_(api),
      next_chain_(std::move(next_chain)),
      read_ahead_(std::max<std::size_t>(1, read_ahead)),
      worker_count_(static_cast<std::size_t>(std::max(1, workers))),
      eager_(start == Start::Eager),
      as_they_come_(order == Order::AsTheyCome) {
  threads_.reserve(worker_count_);
  for (std::size_t i = 0; i < worker_count_; ++i) threads_.emplace_back([this] { work(); });
}

ConcurrentPages::~ConcurrentPages() { stop(); }

void ConcurrentPages::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  // What is in flight is cancelled, not waited for: a closed cursor costs nothing more.
  for (auto& thread : threads_) api_.cancelThread(thread.get_id());
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void ConcurrentPages::work() {
  client::ApiClient::useOnlyPooledConnections();
  for (;;) {
    std::optional<Chain> chain;
    Slot* slot = nullptr;
    std::size_t index = 0;
    {
      std::lock_guard chain_lock(chain_mutex_);
      {
        std::lock_guard lock(mutex_);
        if (stopping_ || no_more_chains_) return;
      }
      std::exception_ptr error;
      try {
        chain = next_chain_();
      } catch (...) {
        error = std::current_exception();
      }
      std::lock_guard lock(mutex_);
      if (error || !chain) {
        chain_error_ = error;
        no_more_chains_ = true;
        changed_.notify_all();
        return;
      }
      index = started_++;
      slot = &slots_[index];  // std::map: the reference stays valid until the slot is read out
    }
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        // Until the application asks for a second page, only the chain it is waiting on fetches,
        // and only while it waits: a scan closed after one page cost one request.
        changed_.wait(lock, [&] {
          if (stopping_) return true;
          if (as_they_come_ ? buffered_ >= read_ahead_ * worker_count_ : slot->pages.size() >= read_ahead_) return false;
          return eager_ || demanded_ >= 2 || (index == current_ && slot->pages.empty() && demanded_ > delivered_);
        });
        if (stopping_) return;
      }
      std::optional<Page> page;
      std::exception_ptr error;
      try {
        page = (*chain)();
      } catch (...) {
        error = std::current_exception();
      }
      std::lock_guard lock(mutex_);
      if (page) {
        slot->pages.push_back(std::move(*page));
        ++buffered_;
      } else {
        slot->error = error;
        slot->finished = true;
      }
      changed_.notify_all();
      if (!page) break;
    }
  }
}

std::optional<Page> ConcurrentPages::next() {
  std::unique_lock lock(mutex_);
  ++demanded_;
  changed_.notify_all();
  for (;;) {
    if (as_they_come_) {
      if (auto page = anyReadyPage()) return page;
      if (no_more_chains_ && slots_.empty()) {
        if (chain_error_) std::rethrow_exception(std::exchange(chain_error_, nullptr));
        return std::nullopt;
      }
    } else if (auto slot = slots_.find(current_); slot != slots_.end()) {
      if (!slot->second.pages.empty()) {
        Page page = std::move(slot->second.pages.front());
        slot->second.pages.pop_front();
        --buffered_;
        ++delivered_;
        changed_.notify_all();
        return page;
      }
      if (slot->second.finished) {
        std::exception_ptr error = slot->second.error;
        slots_.erase(slot);
        ++current_;
        changed_.notify_all();  // the next chain's worker may be waiting for its turn
        if (error) std::rethrow_exception(error);
        continue;
      }
    } else if (no_more_chains_ && current_ >= started_) {
      if (chain_error_) std::rethrow_exception(std::exchange(chain_error_, nullptr));
      return std::nullopt;
    }
    if (api_.cancelled()) throw Error(sqlstate::kOperationCanceled, "The operation was cancelled.");
    changed_.wait_for(lock, std::chrono::milliseconds(100));
  }
}

std::optional<Page> ConcurrentPages::anyReadyPage() {
  for (auto slot = slots_.begin(); slot != slots_.end();) {
    if (!slot->second.pages.empty()) {
      Page page = std::move(slot->second.pages.front());
      slot->second.pages.pop_front();
      --buffered_;
      ++delivered_;
      changed_.notify_all();
      return page;
    }
    if (slot->second.finished) {
      std::exception_ptr error = slot->second.error;
      slot = slots_.erase(slot);
      if (error) std::rethrow_exception(error);
      continue;
    }
    ++slot;
  }
  return std::nullopt;
}

}  // namespace monday::schema
