// SPDX-License-Identifier: MIT
// leadfeeder-cpp: errors as values. Every failure of a call is an lf::error inside lf::result.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/core.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

LEADFEEDER_BEGIN_NAMESPACE

/// Why a call failed. Compare an error's `code` with these: `e.code == lf::errc::rate_limited`.
enum class errc {
  unauthorized = 1,   ///< 401, or 403 with an authentication code (missing_token, invalid_api_key)
  forbidden,          ///< any other 403 (plan or permission denies the operation)
  not_found,          ///< 404
  bad_request,        ///< 400
  unprocessable,      ///< 422
  rate_limited,       ///< 429 (per-second limit or monthly quota; see api_code)
  server_error,       ///< 5xx
  unexpected_status,  ///< any other status outside 2xx
  invalid_response,   ///< a 2xx whose body is not the JSON the operation answers with
  invalid_argument,   ///< a parameter was refused before anything was sent
  buffer_exhausted,   ///< the caller's buffer could not hold the parsed response
  cancelled,          ///< the caller cancelled the call
  deadline_exceeded,  ///< the call's deadline passed before an answer came
  budget_exhausted,   ///< the client's credit budget is spent; the call was not sent
  memory_in_use,      ///< the client's lent memory still holds an earlier result; not sent
  busy,               ///< the client is in the middle of another call; not sent
};

/// The category of lf::errc codes; its name() is "leadfeeder".
inline std::error_category const& error_category() noexcept { return detail::core::error_category(); }

inline std::error_code make_error_code(errc e) noexcept { return {static_cast<int>(e), error_category()}; }

/// A failed call: what went wrong, and everything the server said about it.
struct error {
  std::error_code code;                             ///< an lf::errc, or the transport's own code
  int http_status = 0;                              ///< 0 when no response came
  std::string api_code;                             ///< the server's stable error code ("invalid_api_key"), when given
  std::string message;                              ///< the server's text, or the library's explanation
  std::string request_id;                           ///< meta.request_id of the error body, when given
  std::optional<std::chrono::seconds> retry_after;  ///< from a Retry-After header
  /// The wait the client's policies suggest before trying again, when the call did not wait
  /// itself (an async call, or the rate limiter past the deadline).
  std::optional<std::chrono::milliseconds> retry_in;

  error() = default;
  error(std::error_code c, std::string text) : code(c), message(std::move(text)) {}
  error(errc c, std::string text) : code(make_error_code(c)), message(std::move(text)) {}
};

/// One line for logs: "rate limited (HTTP 429, too_many_requests): text [request_id ...]".
/// It never contains credentials: errors carry no request headers.
inline std::string to_string(error const& e) { return detail::core::describe(e); }

/// The errc for a non-2xx status, given the body's error code (needed to tell apart the two kinds
/// of 403). Returns errc{} (0) for 2xx.
errc errc_from_status(int status, std::string_view api_code) noexcept;

/// True for the codes that mean the credentials are missing or wrong, whatever the status.
constexpr bool is_authentication_code(std::string_view api_code) noexcept {
  constexpr std::string_view codes[] = {
      "missing_token",       "invalid_api_key", "access_denied",   "api_key_expired",
      "invalid_token",       "token_expired",   "token_revoked",   "oauth_app_inactive",
      "oauth_app_not_found", "unauthorized",    "unauthenticated",
  };
  for (std::string_view c : codes) {
    if (c == api_code) return true;
  }
  return false;
}

inline errc errc_from_status(int status, std::string_view api_code) noexcept {
  if (status >= 200 && status < 300) return errc{};
  switch (status) {
    case 400: return errc::bad_request;
    case 401: return errc::unauthorized;
    case 403: return is_authentication_code(api_code) ? errc::unauthorized : errc::forbidden;
    case 404: return errc::not_found;
    case 422: return errc::unprocessable;
    case 429: return errc::rate_limited;
    default: break;
  }
  if (status >= 500 && status < 600) return errc::server_error;
  return errc::unexpected_status;
}

LEADFEEDER_END_NAMESPACE

namespace std {
template <>
struct is_error_code_enum<leadfeeder::errc> : true_type {};
}  // namespace std
