// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the one rule for text that goes into a request line or a header. CR and LF would
// end the line early (request splitting, header injection) and NUL would end it early for a
// transport that passes C strings. Every entry point applies this rule: the client's options and
// every path and query value are refused with one of these characters (errc::invalid_argument),
// and response_headers::add drops them from what a transport reports.
#pragma once

#include <leadfeeder/config.hpp>

#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

/// CR, LF or NUL.
constexpr bool is_unsafe_header_char(char c) noexcept { return c == '\r' || c == '\n' || c == '\0'; }

/// True when `s` holds CR, LF or NUL.
constexpr bool has_unsafe_header_char(std::string_view s) noexcept {
  for (char c : s) {
    if (is_unsafe_header_char(c)) return true;
  }
  return false;
}

/// The end of the sentence a refusal says: "<what> must not contain CR or LF (or NUL)".
constexpr char const* unsafe_header_char_problem = "must not contain CR or LF (or NUL)";

}  // namespace detail
LEADFEEDER_END_NAMESPACE
