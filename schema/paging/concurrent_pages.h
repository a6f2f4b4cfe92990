#pragma once
// Page chains read side by side (MaxConcurrentRequests): the groups of a large board, the boards
// of an Items scan. Worker threads follow up to `workers` chains at once, each fetching at most
// `read_ahead` pages before the application has read them, so the next page is already on its
// way while the current one is consumed and memory stays bounded. Pages come out in chain order,
// and in each chain's own order (exactly the rows, in exactly the order, that following the chains
// one after another would give), or, for a read that asked for no order, as they arrive. Closing the scan early (LIMIT met, SQLCloseCursor, SQLCancel)
// cancels the requests in flight and starts no more.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "schema/paging/api_scan.h"

namespace monday::client {
class ApiClient;
}

namespace monday::schema {

class ConcurrentPages {
 public:
  // One chain: its next page, or nullopt when it has no more. Runs on a worker thread.
  using Chain = std::function<std::optional<Page>()>;
  // The next chain to follow, or nullopt when there are no more. Runs on a worker thread, one
  // call at a time, in order.
  using NextChain = std::function<std::optional<Chain>()>;

  // Eager: every worker starts at once (a whole large board is wanted). Otherwise nothing beyond
  // the first page is fetched until the application asks for a second one, so a scan that a
  // LIMIT or a cursor closes after one page costs one request, as without read-ahead.
  enum class Start { Eager, AfterFirstPage };
  // InChainOrder: chain after chain, each in its own order (what one request at a time gives);
  // a worker whose chain is not being read stops after `read_ahead` pages. AsTheyCome: whichever
  // page is ready first (a query that asked for no order), so every worker keeps fetching until
  // `read_ahead` pages per worker wait in all.
  enum class Order { InChainOrder, AsTheyCome };
  ConcurrentPages(client::ApiClient& api, NextChain next_chain, int workers, std::size_t read_ahead, Start start,
                  Order order = Order::InChainOrder);
  ~ConcurrentPages();
  ConcurrentPages(const ConcurrentPages&) = delete;
  ConcurrentPages& operator=(const ConcurrentPages&) = delete;

  // The next page in order, or nullopt at the end. Rethrows what a chain threw, when its turn
  // comes. Throws HY008 when the connection's requests are cancelled.
  std::optional<Page> next();

 private:
  struct Slot {
    std::deque<Page> pages;
    bool finished = false;
    std::exception_ptr error;
  };
  void work();
  void stop();
  std::optional<Page> anyReadyPage();  // AsTheyCome: the first page ready in any chain; mutex_ held

  client::ApiClient& api_;
  NextChain next_chain_;
  std::size_t read_ahead_;
  std::size_t worker_count_;
  std::mutex chain_mutex_;  // one next_chain_ call at a time
  std::mutex mutex_;        // everything below
  std::condition_variable changed_;
  std::map<std::size_t, Slot> slots_;
  std::size_t started_ = 0;  // chains handed to workers
  std::size_t current_ = 0;  // the chain whose pages are delivered now
  bool no_more_chains_ = false;
  std::exception_ptr chain_error_;
  bool stopping_ = false;
  bool eager_ = false;
  bool as_they_come_ = false;
  std::size_t buffered_ = 0;  // pages waiting in all slots
  std::size_t demanded_ = 0;   // next() calls so far
  std::size_t delivered_ = 0;  // pages next() returned
  std::vector<std::thread> threads_;
};

}  // namespace monday::schema
