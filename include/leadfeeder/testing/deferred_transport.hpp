// SPDX-License-Identifier: MIT
// leadfeeder-cpp testing support (not part of the single header): an asynchronous transport whose
// exchanges wait until the test runs them, for the tests of client.async_send and for users' own.
#pragma once

#include <leadfeeder/leadfeeder.hpp>

#include <cstddef>
#include <deque>
#include <system_error>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE
namespace testing {

/// Inner is any synchronous transport (scripted_transport in tests). async_send() only queues the
/// exchange; tick() performs queued exchanges through Inner and runs their completions, on the
/// caller's thread. No thread is started, so a test sees every step in order.
template <class Inner>
class deferred_transport {
 public:
  explicit deferred_transport(Inner inner = Inner{}) : inner_(std::move(inner)) {}

  /// Queues the exchange; `req` and `res` stay valid until the completion runs (the client keeps
  /// them). Nothing is sent until tick().
  template <class Callback>
  void async_send(http_request const& req, http_response& res, Callback&& done) {
    queue_.push_back(job{&req, &res, completion(std::forward<Callback>(done))});
  }

  /// Runs up to `budget` queued exchanges and their completions; returns how many ran. Work a
  /// completion queues runs on a later tick.
  std::size_t tick(std::size_t budget = 1) {
    std::size_t ran = 0;
    while (ran < budget && !queue_.empty()) {
      job next = std::move(queue_.front());
      queue_.pop_front();
      std::error_code const ec = inner_.send(*next.request, *next.response);
      next.done(ec);
      ++ran;
    }
    return ran;
  }

  /// How many exchanges wait for a tick.
  std::size_t pending() const noexcept { return queue_.size(); }
  Inner& inner() noexcept { return inner_; }

 private:
  struct job {
    http_request const* request;
    http_response* response;
    completion done;
  };
  Inner inner_;
  std::deque<job> queue_;
};

}  // namespace testing
LEADFEEDER_END_NAMESPACE
