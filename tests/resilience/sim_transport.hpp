// SPDX-License-Identifier: MIT
// Resilience tests: the libcurl transport of examples/transports with, per request, an optional
// X-Simulator-Fault header (chosen by a callback) and a record of every exchange.
#pragma once

#include "support.hpp"

#include <curl_transport.hpp>

#include <functional>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace resilience {

struct sim_attempt {
  lf::http_method method = lf::http_method::get;
  std::string target;
  std::string fault;  ///< the X-Simulator-Fault header sent, or empty
  std::chrono::steady_clock::time_point start{};
  std::chrono::steady_clock::time_point end{};
  std::error_code ec;
  int status = 0;
  std::optional<std::int64_t> retry_after;  ///< seconds, when the answer had a Retry-After

  bool retryable() const noexcept { return static_cast<bool>(ec) || lf::detail::is_retryable_status(status); }
  bool success() const noexcept { return !ec && status >= 200 && status <= 299; }
};

class sim_transport {
 public:
  /// `fault` names the fault header of the next exchange (empty: none); it may be left empty.
  explicit sim_transport(example::curl_options options = {}, std::function<std::string()> fault = {})
      : curl_(std::move(options)), fault_for_next_(std::move(fault)) {}

  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    sim_attempt a;
    a.method = req.method;
    std::string_view const url = req.url;
    std::size_t const scheme = url.find("://");
    std::size_t const slash = scheme == std::string_view::npos ? 0 : url.find('/', scheme + 3);
    a.target.assign(slash == std::string_view::npos ? std::string_view("/") : url.substr(slash));
    a.fault = fault_for_next_ ? fault_for_next_() : std::string();
    a.start = std::chrono::steady_clock::now();
    std::error_code ec;
    if (a.fault.empty()) {
      ec = curl_.send(req, res);
    } else {
      headers_.assign(req.headers.begin(), req.headers.end());
      fault_ = a.fault;
      headers_.push_back({"X-Simulator-Fault", fault_});
      lf::http_request with_fault = req;
      with_fault.headers = lf::header_list(headers_.data(), headers_.size());
      ec = curl_.send(with_fault, res);
    }
    a.end = std::chrono::steady_clock::now();
    a.ec = ec;
    a.status = ec ? 0 : res.status;
    if (!ec) {
      std::string_view const ra = res.headers.find("Retry-After");
      if (!ra.empty()) {
        if (auto const s = lf::detail::parse_retry_after(ra, std::chrono::system_clock::now()))
          a.retry_after = s->count();
      }
    }
    attempts.push_back(std::move(a));
    return ec;
  }

  std::vector<sim_attempt> attempts;

 private:
  example::curl_transport curl_;
  std::function<std::string()> fault_for_next_;
  std::vector<lf::http_header> headers_;
  std::string fault_;
};

/// True for an error code a curl exchange may return, or one of the library's.
inline bool is_typed_curl_error(std::error_code const& code) {
  return code && (code.category() == lf::error_category() || code.category() == example::curl_category());
}

}  // namespace resilience
