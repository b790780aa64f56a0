// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the bodies of error.hpp's category and lf::to_string(error), compiled once in
// the unit that defines LEADFEEDER_IMPLEMENTATION, or inline everywhere with LEADFEEDER_HEADER_ONLY.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/core.hpp>
#include <leadfeeder/error.hpp>

#include <string>
#include <system_error>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

class error_category_impl final : public std::error_category {
 public:
  char const* name() const noexcept override { return "leadfeeder"; }
  std::string message(int value) const override {
    switch (static_cast<errc>(value)) {
      case errc::unauthorized: return "authentication failed";
      case errc::forbidden: return "forbidden";
      case errc::not_found: return "not found";
      case errc::bad_request: return "bad request";
      case errc::unprocessable: return "unprocessable request";
      case errc::rate_limited: return "rate limited";
      case errc::server_error: return "server error";
      case errc::unexpected_status: return "unexpected HTTP status";
      case errc::invalid_response: return "invalid response";
      case errc::invalid_argument: return "invalid argument";
      case errc::buffer_exhausted: return "buffer exhausted";
      case errc::cancelled: return "cancelled";
      case errc::deadline_exceeded: return "deadline exceeded";
      case errc::budget_exhausted: return "credit budget exhausted";
      case errc::memory_in_use: return "lent memory still in use";
      case errc::busy: return "client busy";
    }
    return "unknown leadfeeder error";
  }
};

}  // namespace detail

LEADFEEDER_IMPL_INLINE std::error_category const& detail::core::error_category() noexcept {
  static detail::error_category_impl const category;
  return category;
}

LEADFEEDER_IMPL_INLINE std::string detail::core::describe(error const& e) {
  std::string out = e.code.message();
  if (e.http_status != 0 || !e.api_code.empty()) {
    out += " (";
    if (e.http_status != 0) {
      out += "HTTP ";
      out += std::to_string(e.http_status);
      if (!e.api_code.empty()) out += ", ";
    }
    out += e.api_code;
    out += ')';
  }
  if (!e.message.empty()) {
    out += ": ";
    out += e.message;
  }
  if (e.retry_after) {
    out += " (retry after ";
    out += std::to_string(e.retry_after->count());
    out += " s)";
  }
  if (!e.request_id.empty()) {
    out += " [request_id ";
    out += e.request_id;
    out += ']';
  }
  return out;
}

LEADFEEDER_END_NAMESPACE
