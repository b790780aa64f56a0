// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the bodies of the session (detail/session.hpp), compiled once in the unit that
// defines LEADFEEDER_IMPLEMENTATION, or inline everywhere with LEADFEEDER_HEADER_ONLY.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/detail/body_hint.hpp>
#include <leadfeeder/detail/error_body.hpp>
#include <leadfeeder/detail/header_safety.hpp>
#include <leadfeeder/detail/http_date.hpp>
#include <leadfeeder/detail/policy_rules.hpp>
#include <leadfeeder/detail/session.hpp>
#include <leadfeeder/string_list.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

// Why an option cannot be used, or empty when it can.
inline std::string check_options(client_options const& o) {
  struct header_option {
    char const* name;
    std::string_view value;
  };
  for (header_option const h : {header_option{"api_key", o.api_key}, header_option{"bearer_token", o.bearer_token},
                                header_option{"user_agent", o.user_agent}}) {
    if (has_unsafe_header_char(h.value)) {
      return std::string("client_options.") + h.name + " " + unsafe_header_char_problem;
    }
  }
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

// The session's private steps, over its state.
struct session_steps {
  session& s;

  std::chrono::system_clock::time_point wall_now() const {
    return s.options_.time.wall_now ? s.options_.time.wall_now() : std::chrono::system_clock::now();
  }

  void log(log_event::kind what, std::string_view op, int attempt, std::chrono::milliseconds delay = {},
           std::string_view detail = {}, int status = 0) {
    if (!s.options_.logger) return;
    log_event event;
    event.what = what;
    event.operation = op;
    event.method = s.request_.method;
    event.url = s.request_.url;
    event.attempt = attempt;
    event.delay = delay;
    event.detail = detail;
    event.status = status;
    std::string headers;
    if (what == log_event::kind::request) {
      for (http_header const& h : s.request_.headers) {
        headers.append(h.name).append(": ").append(is_credential_header(h.name) ? std::string_view("[redacted]")
                                                                                : h.value);
        headers += '\n';
      }
    }
    event.headers = headers;
    s.options_.logger(event);
  }

  http_request make_request() noexcept {
    std::size_t n = 0;
    client_options const& o = s.options_;
    s.headers_[n++] = {"Accept", "application/json"};
    s.headers_[n++] = {"User-Agent", o.user_agent};
    if (!o.api_key.empty()) s.headers_[n++] = {"X-Api-Key", o.api_key};
    if (!s.authorization_.empty()) s.headers_[n++] = {"Authorization", s.authorization_};
    if (!s.writer_.body().empty()) s.headers_[n++] = {"Content-Type", "application/json"};
    http_request request;
    request.method = s.writer_.method();
    request.url = s.writer_.url();
    request.headers = header_list(s.headers_.data(), n);
    request.body = s.writer_.body();
    return request;
  }

  // Forms the request into the session's buffers; the error when something is refused.
  std::optional<error> prepare(operation_info const& op, write_ref write) {
    if (s.region_.too_small()) {
      return error(errc::buffer_exhausted, std::string(op.id) + ": the client's memory is smaller than " +
                                               std::to_string(call_region::header_size) + " bytes");
    }
    if (s.region_.enabled()) {
      if (*s.region_.result_alive()) {
        return error(errc::memory_in_use, std::string(op.id) +
                                              ": the client's memory still holds an earlier result; "
                                              "destroy it or hand it to client.recycle() first");
      }
      s.region_.reset();
    }
    s.writer_.begin(op.id, op.method, s.options_.base_url, &s.region_);
    write(s.writer_);
    if (s.writer_.failed()) return error(errc::invalid_argument, s.writer_.failure());
    if (s.writer_.overflowed()) {
      return error(errc::buffer_exhausted, std::string(op.id) + ": the request does not fit in the client's memory (" +
                                               std::to_string(s.region_.size()) + " bytes)");
    }
    if (!s.option_error_.empty()) return error(errc::invalid_argument, s.option_error_);
    s.request_ = make_request();
    s.response_.clear();
    return std::nullopt;
  }

  // Reads may be repeated: GET and DELETE, and the searches that read through POST.
  bool may_retry(operation_info const& op) const noexcept {
    return is_idempotent(op.method) || op.reads_only || s.options_.retry.retry_writes;
  }

  // Retry-After, capped at max_delay (a server asking for hours gets max_delay, and the arithmetic
  // cannot overflow), else the jittered backoff before `next_attempt`.
  std::chrono::milliseconds retry_delay(std::optional<std::chrono::seconds> retry_after, int next_attempt) {
    retry_policy const& p = s.options_.retry;
    if (retry_after && p.honour_retry_after) {
      std::chrono::milliseconds const cap = std::max(p.max_delay, std::chrono::milliseconds(0));
      if (retry_after->count() < 0) return std::chrono::milliseconds(0);
      if (*retry_after >= std::chrono::duration_cast<std::chrono::seconds>(cap) + std::chrono::seconds(1)) return cap;
      return std::min(cap, std::chrono::duration_cast<std::chrono::milliseconds>(*retry_after));
    }
    return backoff(p, next_attempt, s.jitter_);
  }

  // Everything that may stop a call before an attempt: cancellation, the deadline, the credit
  // budget, the monthly quota, the rate limiter (which waits when allowed), then the request
  // itself. Forms the request when all pass.
  std::optional<error> admit(operation_info const& op, call_options const& call, write_ref write, bool may_wait) {
    client_options const& o = s.options_;
    auto refuse = [&](errc code, std::string why) {
      error e(code, std::string(op.id) + ": " + std::move(why));
      log(log_event::kind::refused, op.id, 0, {}, e.message);
      return e;
    };
    if (call.cancel && call.cancel->cancelled()) return refuse(errc::cancelled, "cancelled");
    if (call.deadline && o.time.now() >= *call.deadline) return refuse(errc::deadline_exceeded, "the deadline passed");
    if (op.charges_credits && o.credit_budget && s.credits_spent_ >= *o.credit_budget) {
      return refuse(errc::budget_exhausted, "the credit budget (" + std::to_string(*o.credit_budget) + ") is spent");
    }
    if (std::optional<error> refused = prepare(op, write)) {
      log(log_event::kind::refused, op.id, 0, {}, refused->message);
      return refused;
    }
    rate_limit_policy const& limit = o.rate_limit;
    if (limit.enabled || o.shared_limit) {
      if (limit.enabled && limit.monthly_quota != 0 && s.requests_sent_ >= limit.monthly_quota) {
        error e = refuse(errc::rate_limited, "the client's monthly quota of " + std::to_string(limit.monthly_quota) +
                                                 " requests is used up");
        e.api_code = "client_monthly_quota";
        return e;
      }
      for (;;) {
        clock_type::time_point const now = o.time.now();
        std::chrono::milliseconds const wait = acquire_tokens(s.bucket_, limit, o.shared_limit.get(), now);
        if (wait.count() == 0) break;
        if (!may_wait || (call.deadline && now + wait > *call.deadline)) {
          error e = refuse(errc::rate_limited, "the client-side rate limit needs a wait");
          e.retry_in = wait;
          return e;
        }
        o.time.sleep(wait);
        if (call.cancel && call.cancel->cancelled()) return refuse(errc::cancelled, "cancelled");
      }
    }
    ++s.requests_sent_;
    return std::nullopt;
  }

  // A 2xx body as a document, with the envelope checks; any other status as its error.
  result<answer> decode(operation_info const& op, call_options const& call,
                        std::optional<std::chrono::seconds> retry_after) {
    http_response& res = s.response_;
    int const status = res.status;
    if (status < 200 || status > 299) return error_from_response(res, retry_after);
    if (std::string hint = body_hint(status, res.headers.find("Content-Type"), res.body); !hint.empty()) {
      error e(errc::invalid_response, std::move(hint));
      e.http_status = status;
      return e;
    }
    memory_block lent = call.lent_memory();
    bool* lease = nullptr;
    if (lent.data == nullptr && s.region_.enabled()) {  // the rest of the client's memory, after the request
      lent.data = s.region_.rest(lent.size);
      if (lent.data == nullptr) {
        error e(errc::buffer_exhausted,
                std::string(op.id) + ": the request took all of the client's memory; none is left for the response");
        e.http_status = status;
        return e;
      }
      lease = s.region_.result_alive();
    }
    result<document> doc = document::parse(std::move(res.body), lent, lease);
    if (!doc) {
      error e = std::move(doc).error();
      e.http_status = status;
      return e;
    }
    json_value const* const root = doc->root();
    if (root == nullptr && op.expects_data) {
      // An empty body is an answer only where no data is expected (a delete, an unknown write);
      // where a read expects data, it is a broken answer, not an empty result.
      error e(errc::invalid_response, "the response body is empty where data was expected");
      e.http_status = status;
      return e;
    }
    if (root != nullptr) {
      auto invalid = [&](std::string text) {
        error e(errc::invalid_response, std::move(text));
        e.http_status = status;
        if (is_object(root)) read_error_fields(root, e);
        return e;
      };
      if (!is_object(root)) return invalid("the response body is not a JSON object");
      if (is_error_body(root)) return invalid("a success status carried an error body");
      json_value const* const data = find_member(root, "data");
      if (data != nullptr && !is_object(data) && !is_array(data) && data->kind() != node_kind::null) {
        return invalid("the response's data member is neither an object nor an array");
      }
    }
    return answer{std::move(*doc), status};
  }

  // The Retry-After of the response just received; read once per response.
  std::optional<std::chrono::seconds> retry_after(std::error_code ec) const {
    if (ec) return std::nullopt;
    return read_retry_after(s.response_, wall_now());
  }

  // The outcome of one exchange; counts the credits of a success.
  result<answer> finish(operation_info const& op, call_options const& call, std::error_code ec,
                        std::optional<std::chrono::seconds> retry_after) {
    log(log_event::kind::response, op.id, 0, {}, {}, ec ? 0 : s.response_.status);
    if (ec) return error(ec, std::string(op.id) + ": no response (the exchange failed)");
    result<answer> r = decode(op, call, retry_after);
    if (r) {
      // A hostile answer can neither overflow the sum nor lift the budget with a negative charge.
      std::int64_t const charged = as_integer(member(member(member(r->doc.root(), "meta"), "credits"), "charged"));
      if (charged > 0) {
        s.credits_spent_ = s.credits_spent_ > std::numeric_limits<std::int64_t>::max() - charged
                               ? std::numeric_limits<std::int64_t>::max()
                               : s.credits_spent_ + charged;
      }
    }
    return r;
  }
};

}  // namespace detail

LEADFEEDER_IMPL_INLINE void detail::core::default_time(time_source& t) {
  t.now = [] { return clock_type::now(); };
  t.wall_now = [] { return std::chrono::system_clock::now(); };
  t.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
}

LEADFEEDER_IMPL_INLINE detail::core::session::session(client_options options) : options_(std::move(options)) {
  core::open(*this);
}
LEADFEEDER_IMPL_INLINE detail::core::session::~session() = default;

LEADFEEDER_IMPL_INLINE void detail::core::open(session& s) {
  client_options& o = s.options_;
  while (!o.base_url.empty() && o.base_url.back() == '/') o.base_url.pop_back();
  s.option_error_ = check_options(o);
  if (!o.bearer_token.empty()) s.authorization_ = "Bearer " + o.bearer_token;
  s.region_ = call_region(o.memory.data, o.memory.size);
  s.jitter_ = jitter_source(o.jitter_seed);
}

LEADFEEDER_IMPL_INLINE result<detail::answer> detail::core::run(session& s, operation_info const& op,
                                                                call_options const& call, write_ref write,
                                                                exchange_ref exchange) {
  session_steps steps{s};
  if (s.busy_) return error(errc::busy, std::string(op.id) + ": the client is busy with another call");
  for (int attempt = 1;; ++attempt) {
    if (std::optional<error> refused = steps.admit(op, call, write, /*may_wait=*/true)) return std::move(*refused);
    steps.log(log_event::kind::request, op.id, attempt);
    // The time left of the deadline goes with the request, so that it bounds the exchange itself.
    s.request_.timeout = time_left(call.deadline, s.options_.time.now());
    std::error_code ec = exchange(s.request_, s.response_);
    ec = exchange_code(ec, call.deadline, s.options_.time.now());
    std::optional<std::chrono::seconds> const retry_after = steps.retry_after(ec);
    bool const retryable = ec || is_retryable_status(s.response_.status);
    if (!retryable || !steps.may_retry(op) || attempt >= s.options_.retry.max_attempts) {
      return steps.finish(op, call, ec, retry_after);
    }
    std::chrono::milliseconds const delay = steps.retry_delay(retry_after, attempt + 1);
    if (call.deadline && s.options_.time.now() + delay > *call.deadline) {
      return steps.finish(op, call, ec, retry_after);  // no time left to wait: this answer stands
    }
    steps.log(log_event::kind::retry, op.id, attempt, delay,
              ec ? std::string_view("the exchange failed") : std::string_view("a retryable status"),
              ec ? 0 : s.response_.status);
    s.options_.time.sleep(delay);
  }
}

LEADFEEDER_IMPL_INLINE std::optional<error> detail::core::start(session& s, operation_info const& op,
                                                                call_options const& call, write_ref write) {
  session_steps steps{s};
  if (s.busy_) return error(errc::busy, std::string(op.id) + ": the client is busy with another call");
  if (std::optional<error> refused = steps.admit(op, call, write, /*may_wait=*/false)) return refused;
  s.busy_ = true;
  steps.log(log_event::kind::request, op.id, 1);
  s.request_.timeout = time_left(call.deadline, s.options_.time.now());
  return std::nullopt;
}

LEADFEEDER_IMPL_INLINE result<detail::answer> detail::core::complete(session& s, operation_info const& op,
                                                                     call_options const& call, std::error_code ec) {
  session_steps steps{s};
  s.busy_ = false;
  if (call.cancel && call.cancel->cancelled()) {
    steps.log(log_event::kind::refused, op.id, 0, {}, "cancelled while in flight");
    return error(errc::cancelled, std::string(op.id) + ": cancelled while in flight");
  }
  ec = exchange_code(ec, call.deadline, s.options_.time.now());
  result<answer> r = steps.finish(op, call, ec, steps.retry_after(ec));
  // The asynchronous path does not wait: a retryable failure carries the wait the policy suggests.
  if (!r && steps.may_retry(op) && s.options_.retry.max_attempts > 1 &&
      (ec || is_retryable_status(r.error().http_status))) {
    error e = std::move(r).error();
    e.retry_in = steps.retry_delay(e.retry_after, 2);
    return e;
  }
  return r;
}


namespace detail {

struct shared_bucket {
  rate_limit_policy policy;
  std::mutex mutex;
  token_bucket bucket;
  std::uint64_t granted = 0;
};

struct cancel_flag {
  std::atomic<bool> cancelled{false};
  std::atomic<std::uint32_t> holders{1};
};

}  // namespace detail

LEADFEEDER_IMPL_INLINE detail::shared_bucket* detail::core::open_shared_bucket(double requests_per_second,
                                                                               double burst) {
  auto* b = new shared_bucket;
  b->policy.enabled = true;
  b->policy.requests_per_second = requests_per_second;
  b->policy.burst = burst;
  return b;
}

LEADFEEDER_IMPL_INLINE void detail::core::close_shared_bucket(shared_bucket* b) noexcept { delete b; }

LEADFEEDER_IMPL_INLINE std::chrono::milliseconds detail::core::acquire_shared(
    shared_bucket& b, std::chrono::steady_clock::time_point now) {
  std::lock_guard<std::mutex> lock(b.mutex);
  std::chrono::milliseconds const wait = b.bucket.acquire(b.policy, now);
  if (wait.count() == 0) ++b.granted;
  return wait;
}

LEADFEEDER_IMPL_INLINE void detail::core::give_back_shared(shared_bucket& b) {
  std::lock_guard<std::mutex> lock(b.mutex);
  b.bucket.give_back(b.policy);
  if (b.granted > 0) --b.granted;
}

LEADFEEDER_IMPL_INLINE std::uint64_t detail::core::granted_shared(shared_bucket& b) {
  std::lock_guard<std::mutex> lock(b.mutex);
  return b.granted;
}

LEADFEEDER_IMPL_INLINE std::size_t detail::core::first_occurrences(string_list const& ids, std::size_t* order) {
  std::unordered_set<std::string_view> seen;
  seen.reserve(ids.size());
  std::size_t n = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (seen.insert(ids[i]).second) order[n++] = i;
  }
  return n;
}

LEADFEEDER_IMPL_INLINE detail::cancel_flag* detail::core::open_cancel_flag() { return new cancel_flag; }

LEADFEEDER_IMPL_INLINE void detail::core::share_cancel_flag(cancel_flag* f) noexcept {
  f->holders.fetch_add(1, std::memory_order_relaxed);
}

LEADFEEDER_IMPL_INLINE void detail::core::drop_cancel_flag(cancel_flag* f) noexcept {
  // The last holder deletes; acq_rel so that its delete sees every other holder's writes.
  if (f->holders.fetch_sub(1, std::memory_order_acq_rel) == 1) delete f;
}

LEADFEEDER_IMPL_INLINE void detail::core::cancel(cancel_flag* f) noexcept {
  f->cancelled.store(true, std::memory_order_relaxed);
}

LEADFEEDER_IMPL_INLINE bool detail::core::cancelled(cancel_flag const* f) noexcept {
  return f->cancelled.load(std::memory_order_relaxed);
}

LEADFEEDER_END_NAMESPACE
