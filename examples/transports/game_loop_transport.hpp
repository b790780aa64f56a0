// SPDX-License-Identifier: MIT
// A transport for game loops and other hosts that own their thread: async_send() only queues the
// request; the host's tick() performs queued exchanges and runs their completions, on the host's
// thread, a bounded number per frame. It starts no thread. Copy it into your project and replace
// `Inner` with your engine's HTTP layer.
#pragma once

#include <leadfeeder/leadfeeder.hpp>

#include <cstddef>
#include <deque>
#include <system_error>
#include <utility>

namespace example {

/// Inner is any synchronous leadfeeder transport (the part that really talks HTTP).
template <class Inner>
class game_loop_transport {
 public:
  explicit game_loop_transport(Inner inner = Inner{}) : inner_(std::move(inner)) {}

  /// Queues the exchange; `req` and `res` stay valid until the completion runs (the client keeps
  /// them). Nothing happens until tick().
  template <class Callback>
  void async_send(leadfeeder::http_request const& req, leadfeeder::http_response& res, Callback&& done) {
    queue_.push_back(job{&req, &res, leadfeeder::completion(std::forward<Callback>(done))});
  }

  /// Runs up to `budget` queued exchanges and their completions; returns how many ran.
  std::size_t tick(std::size_t budget = 1) {
    std::size_t ran = 0;
    while (ran < budget && !queue_.empty()) {
      job next = std::move(queue_.front());
      queue_.pop_front();
      std::error_code const ec = inner_.send(*next.request, *next.response);
      next.done(ec);  // may queue more work, which runs on a later tick
      ++ran;
    }
    return ran;
  }

  std::size_t pending() const noexcept { return queue_.size(); }
  Inner& inner() noexcept { return inner_; }

 private:
  struct job {
    leadfeeder::http_request const* request;
    leadfeeder::http_response* response;
    leadfeeder::completion done;
  };
  Inner inner_;
  std::deque<job> queue_;
};

}  // namespace example
