// SPDX-License-Identifier: MIT
// leadfeeder-cpp testing support (not part of the single header): a transport that records every
// request and answers from a script, for the library's tests and for users' own.
#pragma once

#include <leadfeeder/leadfeeder.hpp>

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

LEADFEEDER_BEGIN_NAMESPACE
namespace testing {

/// A request as the transport saw it, copied out of the client's buffers.
struct recorded_request {
  http_method method = http_method::get;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  /// The value of the first header with that name (any case), or empty.
  std::string_view header(std::string_view name) const noexcept {
    for (auto const& h : headers) {
      if (detail::iequals(h.first, name)) return h.second;
    }
    return {};
  }
  bool has_header(std::string_view name) const noexcept {
    for (auto const& h : headers) {
      if (detail::iequals(h.first, name)) return true;
    }
    return false;
  }
  /// The path and query: the URL without scheme and host.
  std::string_view target() const noexcept {
    std::string_view u = url;
    std::size_t const scheme = u.find("://");
    if (scheme == std::string_view::npos) return u;
    std::size_t const slash = u.find('/', scheme + 3);
    return slash == std::string_view::npos ? std::string_view("/") : u.substr(slash);
  }
};

/// One scripted answer: a response, or a failed exchange.
struct scripted_reply {
  int status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::error_code failure;  ///< when set, send() returns it and fills nothing
};

/// Replays scripted replies in order and records every request. Copies share one script and one
/// record, so a test can keep a copy after handing one to a client. When the script runs out,
/// send() fails with std::errc::no_message_available.
class scripted_transport {
 public:
  scripted_transport() : state_(std::make_shared<state>()) {}

  /// Queues a response.
  scripted_transport& respond(int status, std::string body,
                              std::vector<std::pair<std::string, std::string>> headers = {}) {
    scripted_reply r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    state_->replies.push_back(std::move(r));
    return *this;
  }
  /// Queues a failed exchange (DNS, TLS, timeout, reset...).
  scripted_transport& fail(std::error_code ec) {
    scripted_reply r;
    r.failure = ec;
    state_->replies.push_back(std::move(r));
    return *this;
  }

  std::error_code send(http_request const& req, http_response& res) {
    recorded_request rec;
    rec.method = req.method;
    rec.url.assign(req.url);
    for (http_header const& h : req.headers) rec.headers.emplace_back(std::string(h.name), std::string(h.value));
    rec.body.assign(req.body);
    state_->requests.push_back(std::move(rec));
    if (state_->replies.empty()) return std::make_error_code(std::errc::no_message_available);
    scripted_reply reply = std::move(state_->replies.front());
    state_->replies.pop_front();
    if (reply.failure) return reply.failure;
    res.status = reply.status;
    res.body = std::move(reply.body);
    for (auto const& h : reply.headers) res.headers.add(h.first, h.second);
    return {};
  }

  /// Every request sent so far, oldest first.
  std::vector<recorded_request> const& requests() const noexcept { return state_->requests; }
  /// The most recent request (the transport must have been called).
  recorded_request const& last() const noexcept { return state_->requests.back(); }
  /// Replies not used yet.
  std::size_t pending() const noexcept { return state_->replies.size(); }

 private:
  struct state {
    std::deque<scripted_reply> replies;
    std::vector<recorded_request> requests;
  };
  std::shared_ptr<state> state_;
};

}  // namespace testing
LEADFEEDER_END_NAMESPACE
