// SPDX-License-Identifier: MIT
// The errors the example transports report themselves (beside libcurl's, Asio's and OpenSSL's
// codes): a body over the transport's limit, a compressed body that does not decode. Copy it with
// the transports.
#pragma once

#include <string>
#include <system_error>

namespace example {

enum class transport_errc {
  body_too_large = 1,  ///< the response body (after decoding) is larger than the transport's body_limit
  bad_encoding,        ///< a gzip or deflate body that does not decode, or an encoding not asked for
};

inline std::error_category const& transport_category() noexcept {
  class category final : public std::error_category {
   public:
    char const* name() const noexcept override { return "example.transport"; }
    std::string message(int code) const override {
      switch (static_cast<transport_errc>(code)) {
        case transport_errc::body_too_large:
          return "the response body is larger than the transport's body_limit (raise it in the transport's options)";
        case transport_errc::bad_encoding: return "the response body does not decode as its Content-Encoding says";
      }
      return "transport error";
    }
  };
  static category const instance;
  return instance;
}

inline std::error_code make_error_code(transport_errc e) noexcept {
  return {static_cast<int>(e), transport_category()};
}

}  // namespace example

namespace std {
template <>
struct is_error_code_enum<example::transport_errc> : true_type {};
}  // namespace std
