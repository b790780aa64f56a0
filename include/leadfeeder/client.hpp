// leadfeeder-cpp: lf::client<Transport>, which turns builders into requests and answers into
// results through the host's transport.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/error_body.hpp>
#include <leadfeeder/detail/request_writer.hpp>
#include <leadfeeder/document.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/response.hpp>
#include <leadfeeder/result.hpp>
#include <leadfeeder/transport.hpp>

#include <boost/json/parser.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

/// How a client talks to the API. C++17 has no designated initializers: set members one by one.
struct client_options {
  /// Sent as `X-Api-Key` (reference 1.2). Leave empty when using bearer_token.
  std::string api_key;
  /// OAuth2 access token, sent as `Authorization: Bearer <token>`.
  std::string bearer_token;
  /// Scheme, host and optional path prefix; a trailing '/' is ignored.
  std::string base_url = "https://api.leadfeeder.com";
  /// Identifies the integration to the vendor's support.
  std::string user_agent = "leadfeeder-cpp/" LEADFEEDER_VERSION_STRING;
};

namespace detail {

template <class T, class = void>
struct is_builder : std::false_type {};
template <class T>
struct is_builder<T, std::void_t<typename T::response_type, decltype(T::operation_id),
                                 decltype(std::declval<T const&>().write(
                                     std::declval<request_writer&>()))>> : std::true_type {};

template <class T, class = void>
struct has_requested_id : std::false_type {};
template <class T>
struct has_requested_id<T, std::void_t<decltype(std::declval<T const&>().requested_id())>> : std::true_type {};

// The method of a request: a constant of the typed builders, a member of raw requests.
template <class Builder>
constexpr http_method method_of(Builder const& builder) noexcept {
  if constexpr (std::is_invocable_v<decltype(&Builder::method), Builder const&>) {
    return builder.method();
  } else {
    return Builder::method;
  }
}

// What send() answers with; for a non-builder, a stand-in so that send's static_assert (and not
// a substitution failure) is what the compiler reports.
template <class T, bool = is_builder<T>::value>
struct send_result {
  using type = result<typename T::response_type>;
};
template <class T>
struct send_result<T, false> {
  using type = result<response<json_view>>;
};
template <class T>
using send_result_t = typename send_result<T>::type;

// Why an option cannot be used, or empty when it can.
inline std::string check_options(client_options const& o) {
  auto bad_header_value = [](std::string_view v) {
    for (char c : v) {
      if (c == '\r' || c == '\n' || c == '\0') return true;
    }
    return false;
  };
  if (bad_header_value(o.api_key)) return "client_options.api_key must not contain CR, LF or NUL";
  if (bad_header_value(o.bearer_token)) return "client_options.bearer_token must not contain CR, LF or NUL";
  if (bad_header_value(o.user_agent)) return "client_options.user_agent must not contain CR, LF or NUL";
  std::string_view const url = o.base_url;
  if (url.substr(0, 7) != "http://" && url.substr(0, 8) != "https://") {
    return "client_options.base_url must start with http:// or https://";
  }
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == '?' || c == '#' || c == 0x7F) {
      return "client_options.base_url must not contain spaces, control characters, '?' or '#'";
    }
  }
  return {};
}

}  // namespace detail

/// The API client. It makes one call at a time (like a socket): use one client per thread. It owns
/// its transport and reuses its buffers from call to call; it is movable, not copyable.
template <class Transport>
class client {
  static_assert(is_transport_v<Transport> || is_async_transport_v<Transport>,
                LEADFEEDER_TRANSPORT_REQUIREMENT);

 public:
  using transport_type = Transport;

  /// A client over `transport` with `options`. Unusable options (a CR in the key, a base URL that
  /// is not http or https) make every call fail with errc::invalid_argument, saying which.
  explicit client(Transport transport, client_options options = {})
      : transport_(std::forward<Transport>(transport)), options_(std::move(options)) {
    while (!options_.base_url.empty() && options_.base_url.back() == '/') options_.base_url.pop_back();
    option_error_ = detail::check_options(options_);
    if (!options_.bearer_token.empty()) authorization_ = "Bearer " + options_.bearer_token;
  }

  client(client&&) = default;
  client& operator=(client&&) = default;
  client(client const&) = delete;
  client& operator=(client const&) = delete;

  /// Sends the request a builder describes and decodes the answer. Never throws on a bad
  /// parameter, a failed exchange or a bad response: those come back as the result's error.
  template <class Builder>
  detail::send_result_t<Builder> send(Builder const& builder) {
    return send(builder, document_buffer{});
  }

  /// As send(builder), building the response document in `buffer` instead of on the heap.
  template <class Builder>
  detail::send_result_t<Builder> send(Builder const& builder, document_buffer buffer) {
    static_assert(detail::is_builder<Builder>::value,
                  "leadfeeder::client::send: the argument must be a request builder such as "
                  "leadfeeder::contacts::retrieve()");
    static_assert(is_transport_v<Transport>,
                  "leadfeeder::client::send: this transport has no send(); use async_send()");
    if constexpr (detail::is_builder<Builder>::value) {
      return send_builder(builder, buffer);
    } else {
      return error(errc::invalid_argument, "not a request builder");
    }
  }

  /// Starts the request a builder describes through the transport's async_send and returns. The
  /// callback receives the same result as send() would, where the transport completes (the client
  /// starts no thread). The client keeps the request's storage alive until then; it must outlive
  /// the call, and makes one call at a time: a second call before the first completes gets
  /// errc::invalid_argument at once.
  template <class Builder, class Callback>
  void async_send(Builder const& builder, Callback&& callback) {
    async_send(builder, document_buffer{}, std::forward<Callback>(callback));
  }

  /// As async_send(builder, callback), building the document in `buffer`.
  template <class Builder, class Callback>
  void async_send(Builder const& builder, document_buffer buffer, Callback&& callback) {
    static_assert(detail::is_builder<Builder>::value,
                  "leadfeeder::client::async_send: the argument must be a request builder such as "
                  "leadfeeder::contacts::retrieve()");
    static_assert(is_async_transport_v<Transport>,
                  "leadfeeder::client::async_send: this transport has no async_send(); use send()");
    using response_type = typename Builder::response_type;
    static_assert(std::is_invocable_v<Callback&, result<response_type>>,
                  "leadfeeder::client::async_send: the callback must accept the operation's result");
    if (busy_) {
      callback(result<response_type>(error(errc::invalid_argument, std::string(Builder::operation_id) +
                                                                       ": the client is busy with another call")));
      return;
    }
    if (std::optional<error> refused = prepare(builder)) {
      callback(result<response_type>(std::move(*refused)));
      return;
    }
    busy_ = true;
    std::string requested;
    if constexpr (detail::has_requested_id<Builder>::value) requested.assign(builder.requested_id());
    transport_.async_send(
        request_, response_,
        [this, buffer, requested = std::move(requested), callback = std::forward<Callback>(callback)](
            std::error_code ec) mutable {
          busy_ = false;
          if (ec) {
            callback(result<response_type>(error(ec, std::string(Builder::operation_id) +
                                                          ": no response (the exchange failed)")));
            return;
          }
          callback(decode<response_type>(buffer, requested));
        });
  }

  /// True while an async_send has not completed.
  bool busy() const noexcept { return busy_; }

  Transport& transport() noexcept { return transport_; }
  Transport const& transport() const noexcept { return transport_; }
  client_options const& options() const noexcept { return options_; }

 private:
  // Forms the request into the client's buffers; the error when something is refused.
  template <class Builder>
  std::optional<error> prepare(Builder const& builder) {
    writer_.begin(Builder::operation_id, detail::method_of(builder), options_.base_url);
    builder.write(writer_);
    if (writer_.failed()) return error(errc::invalid_argument, writer_.failure());
    if (!option_error_.empty()) return error(errc::invalid_argument, option_error_);
    request_ = make_request();
    response_.clear();
    return std::nullopt;
  }

  template <class Builder>
  result<typename Builder::response_type> send_builder(Builder const& builder, document_buffer buffer) {
    using response_type = typename Builder::response_type;
    if (busy_) {
      return error(errc::invalid_argument, std::string(Builder::operation_id) + ": the client is busy with another call");
    }
    if (std::optional<error> refused = prepare(builder)) return std::move(*refused);
    std::error_code const ec = transport_.send(request_, response_);
    if (ec) return error(ec, std::string(Builder::operation_id) + ": no response (the exchange failed)");
    if constexpr (detail::has_requested_id<Builder>::value) {
      return decode<response_type>(buffer, builder.requested_id());
    } else {
      return decode<response_type>(buffer, {});
    }
  }

  http_request make_request() noexcept {
    std::size_t n = 0;
    headers_[n++] = {"Accept", "application/json"};
    headers_[n++] = {"User-Agent", options_.user_agent};
    if (!options_.api_key.empty()) headers_[n++] = {"X-Api-Key", options_.api_key};
    if (!authorization_.empty()) headers_[n++] = {"Authorization", authorization_};
    if (!writer_.body().empty()) headers_[n++] = {"Content-Type", "application/json"};
    http_request request;
    request.method = writer_.method();
    request.url = writer_.url();
    request.headers = header_list(headers_.data(), n);
    request.body = writer_.body();
    return request;
  }

  template <class Response>
  result<Response> decode(document_buffer buffer, std::string_view requested_id) {
    int const status = response_.status;
    if (status < 200 || status > 299) {
      return detail::error_from_response(response_, *parser_, std::chrono::system_clock::now());
    }
    result<document> doc = document::parse(*parser_, std::move(response_.body), buffer);
    if (!doc) {
      error e = std::move(doc).error();
      e.http_status = status;
      return e;
    }
    boost::json::value const& root = doc->root();
    if (!root.is_null()) {
      auto invalid = [&](std::string text) {
        error e(errc::invalid_response, std::move(text));
        e.http_status = status;
        if (root.is_object()) detail::read_error_fields(root, e);
        return e;
      };
      if (!root.is_object()) return invalid("the response body is not a JSON object");
      boost::json::value const* data = root.get_object().if_contains("data");
      if (data == nullptr) {
        if (root.get_object().contains("errors") || root.get_object().contains("error") ||
            root.get_object().contains("code")) {
          return invalid("a success status carried an error body");
        }
      } else if (!data->is_object() && !data->is_array() && !data->is_null()) {
        return invalid("the response's data member is neither an object nor an array");
      }
    }
    if (requested_id.empty()) return Response(std::move(*doc), status);
    return Response(std::move(*doc), status, std::string(requested_id));
  }

  Transport transport_;
  client_options options_;
  std::string authorization_;
  std::string option_error_;
  detail::request_writer writer_;
  std::array<http_header, 5> headers_{};
  http_request request_;
  http_response response_;
  bool busy_ = false;
  // Boost.JSON's parser cannot move; the client keeps it on the heap so that the client can.
  // Its scratch memory is kept from call to call.
  std::unique_ptr<boost::json::parser> parser_ = make_parser();

  static std::unique_ptr<boost::json::parser> make_parser() {
    boost::json::parse_options o;
    o.max_depth = LEADFEEDER_MAX_JSON_DEPTH;
    return std::make_unique<boost::json::parser>(boost::json::storage_ptr(), o);
  }
};

LEADFEEDER_END_NAMESPACE
