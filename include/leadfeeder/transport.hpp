// SPDX-License-Identifier: MIT
// leadfeeder-cpp: what a host's HTTP stack must offer to carry the client's requests.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/transport_traits.hpp>
#include <leadfeeder/http.hpp>

#include <system_error>
#include <type_traits>
#include <utility>

#if LEADFEEDER_HAS_CONCEPTS
#include <concepts>
#endif

LEADFEEDER_BEGIN_NAMESPACE

/// True when T offers `async_send(http_request const&, http_response&, Callback)`, calling
/// Callback with a std::error_code once the exchange is over (C++17 spelling of
/// `async_transport`).
template <class T>
inline constexpr bool is_async_transport_v = detail::has_async_send<std::remove_reference_t<T>>::value;

/// True when T has `std::error_code send(http_request const&, http_response&)` (C++17 spelling of
/// the `transport` concept). A reference type is checked through what it refers to.
template <class T>
inline constexpr bool is_transport_v = detail::has_send<std::remove_reference_t<T>>::value;

#if LEADFEEDER_HAS_CONCEPTS
/// A transport carries one request and fills in the response. A returned error_code means the
/// exchange failed (DNS, TLS, timeout, reset); every HTTP status is a successful exchange.
template <class T>
concept transport = requires(std::remove_reference_t<T>& t, http_request const& req, http_response& res) {
  { t.send(req, res) } -> std::same_as<std::error_code>;
};
/// An asynchronous transport starts the exchange and returns; it calls the callback with the
/// exchange's error_code (empty for any HTTP status) where the host runs completions (a game
/// loop's tick, an Asio executor). The request and response stay valid until then.
template <class T>
concept async_transport = requires(std::remove_reference_t<T>& t, http_request const& req, http_response& res,
                                   detail::completion_probe done) {
  t.async_send(req, res, done);
};
#endif

/// A move-only holder of a completion handler `void(std::error_code)`, for asynchronous transports
/// that queue work: it keeps any callable, including the move-only ones the client passes.
class completion {
 public:
  completion() = default;
  template <class Function, class = std::enable_if_t<!std::is_same_v<std::decay_t<Function>, completion>>>
  completion(Function&& f)  // NOLINT: implicit on purpose
      : impl_(new model<std::decay_t<Function>>(std::forward<Function>(f))) {}
  completion(completion&& other) noexcept : impl_(std::exchange(other.impl_, nullptr)) {}
  completion& operator=(completion&& other) noexcept {
    if (this != &other) {
      delete impl_;
      impl_ = std::exchange(other.impl_, nullptr);
    }
    return *this;
  }
  completion(completion const&) = delete;
  completion& operator=(completion const&) = delete;
  ~completion() { delete impl_; }

  explicit operator bool() const noexcept { return impl_ != nullptr; }
  /// Runs the handler once; later calls do nothing.
  void operator()(std::error_code ec) {
    if (impl_ == nullptr) return;
    // Taken out first: the handler may destroy this holder, and it is deleted even if it throws.
    struct owner {
      concept_base* run;
      ~owner() { delete run; }
    } const taken{std::exchange(impl_, nullptr)};
    taken.run->call(ec);
  }

 private:
  struct concept_base {
    virtual ~concept_base() = default;
    virtual void call(std::error_code ec) = 0;
  };
  template <class Function>
  struct model final : concept_base {
    explicit model(Function f) : function(std::move(f)) {}
    void call(std::error_code ec) override { function(ec); }
    Function function;
  };
  // Owned; a raw pointer so that <memory> stays out of every unit that includes the library.
  concept_base* impl_ = nullptr;
};

/// The one sentence a compiler prints when a type is used as a transport but is not one.
#define LEADFEEDER_TRANSPORT_REQUIREMENT                                                     \
  "leadfeeder::client<Transport>: Transport must have a member function "                    \
  "'std::error_code send(leadfeeder::http_request const&, leadfeeder::http_response&)', or " \
  "'void async_send(leadfeeder::http_request const&, leadfeeder::http_response&, Callback)'"

LEADFEEDER_END_NAMESPACE
