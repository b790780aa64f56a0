// leadfeeder-cpp: lf::client<Transport>, which turns builders into requests and answers into
// results through the host's transport.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/body_hint.hpp>
#include <leadfeeder/detail/call_region.hpp>
#include <leadfeeder/detail/error_body.hpp>
#include <leadfeeder/detail/request_writer.hpp>
#include <leadfeeder/document.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/policy.hpp>
#include <leadfeeder/response.hpp>
#include <leadfeeder/result.hpp>
#include <leadfeeder/transport.hpp>

#include <boost/json/parser.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

/// Memory a host gives a client for everything the client builds per call: the request's URL and
/// JSON body, then the response document. Each call starts over at its beginning, so the memory
/// must outlive the client, and a result built there must be gone (destroyed, or handed to
/// client.recycle) before the client's next call: a call that finds it still alive fails with
/// errc::buffer_exhausted, as does a call whose request or document does not fit. A call's own
/// document_buffer, when given, takes the document instead. The last eighth of the memory (at most
/// 64 KiB) is the parser's working stack for good; a response that needs a deeper stack than that
/// takes the rest from the heap once, and the client keeps it. Not drawn from it: the response
/// body, which the transport writes into the client's reusable std::string, and the text a failed
/// call or the logger allocates.
struct call_memory {
  void* data = nullptr;
  std::size_t size = 0;
};

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
  /// Off by default; `options.retry = lf::retry_policy{};` retries GET and DELETE 3 times.
  retry_policy retry = retry_policy::none();
  /// The client-side token bucket (10/s, burst 15) and monthly counter; off by default.
  rate_limit_policy rate_limit;
  /// A token bucket shared with other clients and threads (see shared_rate_limit); unset: none.
  std::shared_ptr<shared_rate_limit> shared_limit;
  /// Credits the client may spend (summing meta.credits.charged); once spent, operations that can
  /// charge credits fail with errc::budget_exhausted unsent. Unset: no budget.
  std::optional<std::int64_t> credit_budget;
  /// Called for every request, response, retry and refusal; credentials are redacted.
  std::function<void(log_event const&)> logger;
  /// The clock and the sleep the policies use; replace both in tests and game loops.
  time_source time;
  /// Seed of the backoff jitter, for reproducible runs.
  std::uint64_t jitter_seed = 0x9E3779B97F4A7C15ull;
  /// A fixed budget for what each call builds (see call_memory); unset: the heap, reused.
  call_memory memory;
};

namespace detail {

template <class T, class = void>
struct is_builder : std::false_type {};
template <class T>
struct is_builder<T, std::void_t<typename T::response_type, decltype(T::operation_id),
                                 decltype(std::declval<T const&>().write(
                                     std::declval<request_writer&>()))>> : std::true_type {};

template <class T, class = void>
struct charges_credits : std::false_type {};
template <class T>
struct charges_credits<T, std::void_t<decltype(T::charges_credits)>> : std::bool_constant<T::charges_credits> {};

template <class T, class = void>
struct reads_only : std::false_type {};
template <class T>
struct reads_only<T, std::void_t<decltype(T::reads_only)>> : std::bool_constant<T::reads_only> {};

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
    call_options call;
    call.buffer = buffer.data;
    call.buffer_size = buffer.size;
    return send(builder, call);
  }

  /// As send(builder), with a cancellation token, a deadline or a document buffer.
  template <class Builder>
  detail::send_result_t<Builder> send(Builder const& builder, call_options const& call) {
    static_assert(detail::is_builder<Builder>::value,
                  "leadfeeder::client::send: the argument must be a request builder such as "
                  "leadfeeder::contacts::retrieve()");
    static_assert(is_transport_v<Transport>,
                  "leadfeeder::client::send: this transport has no send(); use async_send()");
    if constexpr (detail::is_builder<Builder>::value) {
      return send_builder(builder, call);
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
    if (std::optional<error> refused = admit(builder, call_options{}, /*may_wait=*/false)) {
      callback(result<response_type>(std::move(*refused)));
      return;
    }
    busy_ = true;
    bool const retry_allowed = may_retry(builder);
    log(log_event::kind::request, Builder::operation_id, 1);
    std::string requested;
    if constexpr (detail::has_requested_id<Builder>::value) requested.assign(builder.requested_id());
    transport_.async_send(
        request_, response_,
        [this, buffer, retry_allowed, requested = std::move(requested), callback = std::forward<Callback>(callback)](
            std::error_code ec) mutable {
          busy_ = false;
          result<response_type> r = finish<response_type>(Builder::operation_id, ec, buffer, requested);
          // The async path does not wait: a retryable failure carries the wait the policy suggests.
          if (!r && retry_allowed && options_.retry.max_attempts > 1 &&
              (ec || detail::is_retryable_status(r.error().http_status))) {
            error e = std::move(r).error();
            e.retry_in = retry_delay(e.retry_after, 2);
            callback(result<response_type>(std::move(e)));
            return;
          }
          callback(std::move(r));
        });
  }

  /// Hands a finished result back so that its body's storage is reused by the next call: with a
  /// document_buffer (or call memory) and lf::borrow'ed lists, a steady-state call then allocates
  /// nothing. Its document is destroyed here, which frees the client's call memory for the next
  /// call; `spent` and its views must not be used afterwards.
  template <class Response>
  void recycle(result<Response>&& spent) noexcept {
    if (!spent) return;
    std::string body = spent->release_body();
    if (body.capacity() > response_.body.capacity()) {
      body.clear();
      response_.body.swap(body);
    }
    result<Response> gone(std::move(spent));  // its document dies here, freeing the call memory
  }

  /// True while an async_send has not completed.
  bool busy() const noexcept { return busy_; }

  /// Requests handed to the transport since the client was made or reset_request_count() (the
  /// monthly counter of rate_limit_policy; the API's quota month is unknown, so the host resets it).
  std::uint64_t requests_sent() const noexcept { return requests_sent_; }
  void reset_request_count() noexcept { requests_sent_ = 0; }
  /// Credits charged so far (the sum of meta.credits.charged of every success).
  std::int64_t credits_spent() const noexcept { return credits_spent_; }

  Transport& transport() noexcept { return transport_; }
  Transport const& transport() const noexcept { return transport_; }
  client_options const& options() const noexcept { return options_; }

 private:
  // Forms the request into the client's buffers; the error when something is refused.
  template <class Builder>
  std::optional<error> prepare(Builder const& builder) {
    std::string_view const op = Builder::operation_id;
    if (region_.too_small()) {
      return error(errc::buffer_exhausted, std::string(op) + ": the client's call memory is smaller than " +
                                               std::to_string(detail::call_region::header_size) + " bytes");
    }
    if (region_.enabled()) {
      if (*region_.result_alive()) {
        return error(errc::buffer_exhausted, std::string(op) +
                                                 ": the client's call memory still holds an earlier result; "
                                                 "destroy it or hand it to client.recycle() first");
      }
      region_.reset();
    }
    writer_.begin(op, detail::method_of(builder), options_.base_url, &region_);
    builder.write(writer_);
    if (writer_.failed()) return error(errc::invalid_argument, writer_.failure());
    if (writer_.overflowed()) {
      return error(errc::buffer_exhausted, std::string(op) + ": the request does not fit in the client's call memory (" +
                                               std::to_string(region_.size()) + " bytes)");
    }
    if (!option_error_.empty()) return error(errc::invalid_argument, option_error_);
    request_ = make_request();
    response_.clear();
    return std::nullopt;
  }

  // Reads may be repeated: GET and DELETE, and the searches that read through POST.
  template <class Builder>
  bool may_retry(Builder const& builder) const noexcept {
    return detail::is_idempotent(detail::method_of(builder)) || detail::reads_only<Builder>::value ||
           options_.retry.retry_writes;
  }

  // Retry-After when present and honoured, else the jittered backoff before `next_attempt`.
  // Retry-After, capped at max_delay (a server asking for hours gets max_delay, and the arithmetic
  // cannot overflow), else the jittered backoff.
  std::chrono::milliseconds retry_delay(std::optional<std::chrono::seconds> retry_after, int next_attempt) {
    if (retry_after && options_.retry.honour_retry_after) {
      std::chrono::milliseconds const cap = std::max(options_.retry.max_delay, std::chrono::milliseconds(0));
      if (retry_after->count() < 0) return std::chrono::milliseconds(0);
      if (*retry_after >= std::chrono::duration_cast<std::chrono::seconds>(cap) + std::chrono::seconds(1)) return cap;
      return std::min(cap, std::chrono::duration_cast<std::chrono::milliseconds>(*retry_after));
    }
    return detail::backoff(options_.retry, next_attempt, jitter_);
  }

  // Everything that may stop a call before an attempt: cancellation, the deadline, the credit
  // budget, the monthly quota, the rate limiter (which waits when allowed), then the request
  // itself. Forms the request when all pass.
  template <class Builder>
  std::optional<error> admit(Builder const& builder, call_options const& call, bool may_wait) {
    std::string_view const op = Builder::operation_id;
    auto refuse = [&](errc code, std::string why) {
      error e(code, std::string(op) + ": " + std::move(why));
      log(log_event::kind::refused, op, 0, {}, e.message);
      return e;
    };
    if (call.cancel && call.cancel->cancelled()) return refuse(errc::cancelled, "cancelled");
    if (call.deadline && options_.time.now() >= *call.deadline) return refuse(errc::deadline_exceeded, "the deadline passed");
    if constexpr (detail::charges_credits<Builder>::value) {
      if (options_.credit_budget && credits_spent_ >= *options_.credit_budget) {
        return refuse(errc::budget_exhausted, "the credit budget (" + std::to_string(*options_.credit_budget) +
                                                  ") is spent");
      }
    }
    if (std::optional<error> refused = prepare(builder)) {
      log(log_event::kind::refused, op, 0, {}, refused->message);
      return refused;
    }
    rate_limit_policy const& limit = options_.rate_limit;
    if (limit.enabled || options_.shared_limit) {
      if (limit.enabled && limit.monthly_quota != 0 && requests_sent_ >= limit.monthly_quota) {
        error e = refuse(errc::rate_limited, "the client's monthly quota of " + std::to_string(limit.monthly_quota) +
                                                 " requests is used up");
        e.api_code = "client_monthly_quota";
        return e;
      }
      for (;;) {
        clock_type::time_point const now = options_.time.now();
        std::chrono::milliseconds const wait = detail::acquire_tokens(bucket_, limit, options_.shared_limit.get(), now);
        if (wait.count() == 0) break;
        if (!may_wait || (call.deadline && now + wait > *call.deadline)) {
          error e = refuse(errc::rate_limited, "the client-side rate limit needs a wait");
          e.retry_in = wait;
          return e;
        }
        options_.time.sleep(wait);
        if (call.cancel && call.cancel->cancelled()) return refuse(errc::cancelled, "cancelled");
      }
    }
    ++requests_sent_;
    return std::nullopt;
  }

  // The outcome of one exchange as a result; counts the credits of a success.
  template <class Response>
  result<Response> finish(std::string_view op, std::error_code ec, document_buffer buffer,
                          std::string_view requested) {
    log(log_event::kind::response, op, 0, {}, {}, ec ? 0 : response_.status);
    if (ec) return error(ec, std::string(op) + ": no response (the exchange failed)");
    result<Response> r = decode<Response>(buffer, requested);
    if (r) {
      // A hostile answer can neither overflow the sum nor lift the budget with a negative charge.
      std::int64_t const charged = r->meta().credits().charged();
      if (charged > 0) {
        credits_spent_ = credits_spent_ > std::numeric_limits<std::int64_t>::max() - charged
                             ? std::numeric_limits<std::int64_t>::max()
                             : credits_spent_ + charged;
      }
    }
    return r;
  }

  template <class Builder>
  result<typename Builder::response_type> send_builder(Builder const& builder, call_options const& call) {
    using response_type = typename Builder::response_type;
    std::string_view const op = Builder::operation_id;
    if (busy_) return error(errc::invalid_argument, std::string(op) + ": the client is busy with another call");
    document_buffer const buffer{call.buffer, call.buffer_size};
    std::string_view requested;
    if constexpr (detail::has_requested_id<Builder>::value) requested = builder.requested_id();
    for (int attempt = 1;; ++attempt) {
      if (std::optional<error> refused = admit(builder, call, /*may_wait=*/true)) return std::move(*refused);
      log(log_event::kind::request, op, attempt);
      request_.timeout = detail::time_left(call.deadline, options_.time.now());
      std::error_code ec = transport_.send(request_, response_);
      ec = detail::exchange_code(ec, call.deadline, options_.time.now());
      bool const retryable = ec || detail::is_retryable_status(response_.status);
      if (!retryable || !may_retry(builder) || attempt >= options_.retry.max_attempts) {
        return finish<response_type>(op, ec, buffer, requested);
      }
      std::optional<std::chrono::seconds> retry_after;
      if (!ec) retry_after = detail::parse_retry_after(response_.headers.find("Retry-After"), std::chrono::system_clock::now());
      std::chrono::milliseconds const delay = retry_delay(retry_after, attempt + 1);
      if (call.deadline && options_.time.now() + delay > *call.deadline) {
        return finish<response_type>(op, ec, buffer, requested);  // no time left to wait: this answer stands
      }
      log(log_event::kind::retry, op, attempt, delay,
          ec ? std::string_view("the exchange failed") : std::string_view("a retryable status"), ec ? 0 : response_.status);
      options_.time.sleep(delay);
    }
  }

  void log(log_event::kind what, std::string_view op, int attempt, std::chrono::milliseconds delay = {},
           std::string_view detail = {}, int status = 0) {
    if (!options_.logger) return;
    log_event event;
    event.what = what;
    event.operation = op;
    event.method = request_.method;
    event.url = request_.url;
    event.attempt = attempt;
    event.delay = delay;
    event.detail = detail;
    event.status = status;
    std::string headers;
    if (what == log_event::kind::request) {
      for (http_header const& h : request_.headers) {
        headers.append(h.name).append(": ").append(is_credential_header(h.name) ? std::string_view("[redacted]") : h.value);
        headers += '\n';
      }
    }
    event.headers = headers;
    options_.logger(event);
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
    if (std::string hint = detail::body_hint(status, response_.headers.find("Content-Type"), response_.body); !hint.empty()) {
      error e(errc::invalid_response, std::move(hint));
      e.http_status = status;
      return e;
    }
    bool* lease = nullptr;
    if (buffer.data == nullptr && region_.enabled()) {  // the rest of the call memory, after the request
      buffer.data = region_.rest(buffer.size);
      if (buffer.data == nullptr) {
        error e(errc::buffer_exhausted, "the request took all of the client's call memory; none is left for the response");
        e.http_status = status;
        return e;
      }
      lease = region_.result_alive();
    }
    result<document> doc = document::parse(*parser_, std::move(response_.body), buffer, lease);
    if (!doc) {
      error e = std::move(doc).error();
      e.http_status = status;
      return e;
    }
    boost::json::value const& root = doc->root();
    if (root.is_null() && !std::is_same_v<typename Response::data_type, json_view>) {
      // An empty body is an answer only where no data is expected (a delete, an unknown write);
      // where a read expects data, it is a broken answer, not an empty result.
      error e(errc::invalid_response, "the response body is empty where data was expected");
      e.http_status = status;
      return e;
    }
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
  detail::call_region region_{options_.memory.data, options_.memory.size};
  detail::request_writer writer_;
  std::array<http_header, 5> headers_{};
  http_request request_;
  http_response response_;
  bool busy_ = false;
  detail::token_bucket bucket_;
  detail::jitter_source jitter_{options_.jitter_seed};
  std::uint64_t requests_sent_ = 0;
  std::int64_t credits_spent_ = 0;
  // Boost.JSON's parser cannot move; the client keeps it on the heap so that the client can.
  // Its scratch memory is kept from call to call.
  // With call memory, its working stack starts in a slice of that memory (take_scratch).
  std::unique_ptr<boost::json::parser> parser_ = make_parser(region_);

  static std::unique_ptr<boost::json::parser> make_parser(detail::call_region& region) {
    boost::json::parse_options o;
    o.max_depth = LEADFEEDER_MAX_JSON_DEPTH;
    std::size_t scratch_size = 0;
    unsigned char* scratch = region.take_scratch(scratch_size);
    return std::make_unique<boost::json::parser>(boost::json::storage_ptr(), o, scratch, scratch_size);
  }
};

LEADFEEDER_END_NAMESPACE
