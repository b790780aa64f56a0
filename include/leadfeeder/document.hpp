// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the response document: the body as received and the tape indexed over it
// (detail/tape.hpp). A result owns it; views point into it and stay valid when the result is
// moved. The parser behind document::parse is compiled once, in the translation unit that
// defines LEADFEEDER_IMPLEMENTATION (see leadfeeder.hpp); this header needs no Boost.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/core.hpp>
#include <leadfeeder/detail/document_state.hpp>
#include <leadfeeder/detail/tape.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/memory.hpp>
#include <leadfeeder/result.hpp>
#include <leadfeeder/view.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

/// The largest body a document parses: 2 GiB - 1. A larger one is errc::invalid_response.
inline constexpr std::size_t max_body_size = (std::size_t{1} << 31) - 1;
/// The longest string or key of a body: 256 MiB - 1. A longer one is errc::invalid_response.
inline constexpr std::size_t max_string_size = detail::max_tape_string;

/// A parsed response body. Empty (a null root) when the body was empty.
class document {
 public:
  document() noexcept = default;
  document(document&& other) noexcept
      : state_(std::exchange(other.state_, nullptr)),
        owns_(other.owns_),
        lease_(std::exchange(other.lease_, nullptr)) {}
  document& operator=(document&& other) noexcept {
    if (this != &other) {
      destroy();
      state_ = std::exchange(other.state_, nullptr);
      owns_ = other.owns_;
      lease_ = std::exchange(other.lease_, nullptr);
    }
    return *this;
  }
  document(document const&) = delete;
  document& operator=(document const&) = delete;
  ~document() { destroy(); }

  /// The root as a generic view (empty when the body was empty).
  json_view json() const noexcept { return json_view(root()); }
  /// The root node of the tape, or nullptr when the body was empty.
  detail::json_node const* root() const noexcept { return state_ != nullptr ? state_->root : nullptr; }
  /// The body as received; every string a view reads without escapes points into it.
  std::string_view body() const noexcept {
    return state_ != nullptr ? std::string_view(state_->body) : std::string_view();
  }
  /// Nodes in the tape (one per value and per key).
  std::size_t node_count() const noexcept { return state_ != nullptr ? state_->node_count : 0; }
  /// Bytes of the tape's block (nodes and side strings), lent or from the heap.
  std::size_t tape_bytes() const noexcept { return state_ != nullptr ? state_->block_size : 0; }

  /// Gives up the body's storage, destroying the document: the tape points into the body, so
  /// the two go together. Afterwards the document is empty, and no view taken from it may be used.
  std::string release_body() noexcept {
    std::string body;
    if (state_ != nullptr) body = std::move(state_->body);
    destroy();
    return body;
  }

  /// Indexes body (taking it over, not copying it) into a new document. An empty or blank body
  /// gives a document with no root. With `lent` memory, the bookkeeping and the tape are built
  /// there (too small: errc::buffer_exhausted), else on the heap. `lease`, when given, is set
  /// while the document lives (a client's call memory uses it to know when it is free again).
  static result<document> parse(std::string&& body, memory_block lent = {}, bool* lease = nullptr);

 private:
  friend struct detail::define_LEADFEEDER_IMPLEMENTATION_in_exactly_one_cpp_file;
  void destroy() noexcept {
    if (lease_ != nullptr) *std::exchange(lease_, nullptr) = false;
    if (state_ == nullptr) return;
    if (owns_) {
      delete state_;
    } else {
      state_->~document_state();
    }
    state_ = nullptr;
  }

  detail::document_state* state_ = nullptr;
  bool owns_ = true;
  bool* lease_ = nullptr;
};

inline result<document> document::parse(std::string&& body, memory_block lent, bool* lease) {
  return detail::core::parse(std::move(body), lent, lease);
}

LEADFEEDER_END_NAMESPACE
