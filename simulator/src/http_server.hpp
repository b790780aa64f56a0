// SPDX-License-Identifier: MIT
// leadfeeder-simulator: a small HTTP/1.1 server over POSIX sockets, one thread per connection.
// It knows nothing about JSON or the API: it hands whole requests to a handler and writes back
// what the handler returns (normally, cut in half, or not at all, for fault injection).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lfsim {

struct http_request {
  std::string method;
  std::string target;  // origin-form, still percent-encoded
  int version_minor = 1;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  /// The first header with this (lower-case) name, or nullptr.
  std::string const* header(std::string_view lower_name) const noexcept;
};

struct http_response {
  enum class delivery { normal, truncate, drop };

  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool has_body = true;  // false for 204: no Content-Length, no body
  bool close = false;    // close the connection after this response
  delivery how = delivery::normal;
};

struct server_limits {
  std::size_t max_request_line = 8 * 1024;
  std::size_t max_head = 64 * 1024;
  std::size_t max_headers = 100;
  std::size_t max_body = 1024 * 1024;
  std::size_t max_connections = 256;
  std::chrono::milliseconds read_timeout{30000};
};

/// Raised (well, signalled) when the process should stop; latency faults wait on it too.
class stop_signal {
 public:
  void request() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopped_ = true;
    }
    cv_.notify_all();
  }
  bool requested() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stopped_;
  }
  /// Sleeps for d unless a stop is requested first; true when it slept the whole time.
  bool sleep_for(std::chrono::milliseconds d) {
    std::unique_lock<std::mutex> lock(mutex_);
    return !cv_.wait_for(lock, d, [this] { return stopped_; });
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  bool stopped_ = false;
};

class http_server {
 public:
  using handler = std::function<http_response(http_request const&)>;
  /// Builds the response to a request the server itself refuses (status, human detail).
  using refusal = std::function<http_response(int, std::string const&)>;

  http_server(handler on_request, refusal on_refusal, server_limits limits, stop_signal& stop);
  ~http_server();
  http_server(http_server const&) = delete;
  http_server& operator=(http_server const&) = delete;

  /// Binds 127.0.0.1:port (0 picks a free port) and returns the bound port; throws on failure.
  std::uint16_t listen(std::uint16_t port);

  /// Accepts connections until wake_fd becomes readable (or the stop signal is raised).
  void run(int wake_fd);

  /// Closes every open connection and waits up to `wait` for their threads to end.
  /// Returns true when all of them ended.
  bool shut_down(std::chrono::milliseconds wait);

 private:
  void serve(int fd);
  void refuse_and_close(int fd, int status, std::string const& detail);

  handler on_request_;
  refusal on_refusal_;
  server_limits limits_;
  stop_signal& stop_;
  int listen_fd_ = -1;

  std::mutex connections_mutex_;
  std::condition_variable connections_cv_;
  std::set<int> connections_;
  std::size_t active_threads_ = 0;
};

/// The reason phrase of a status code.
char const* reason_phrase(int status) noexcept;

}  // namespace lfsim
