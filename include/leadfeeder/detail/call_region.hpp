// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the memory a host may give a client for everything it builds per call
// (client_options::memory): a region carved afresh at each call, and the text buffers of the
// request that grow inside it instead of on the heap.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/core.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

// A bump region over host memory. Its first bytes hold a flag that a result built there sets while
// it lives, so that the next call can tell the region is not free yet.
class core::call_region {
 public:
  static constexpr std::size_t header_size = alignof(std::max_align_t);

  call_region() noexcept = default;
  call_region(void* data, std::size_t size) noexcept;

  bool enabled() const noexcept { return base_ != nullptr; }
  /// Memory was given, but less than the region's own bookkeeping.
  bool too_small() const noexcept { return too_small_; }
  std::size_t size() const noexcept { return size_; }

  /// Set while a result built in the region lives (the result clears it when it dies).
  bool* result_alive() const noexcept { return reinterpret_cast<bool*>(base_); }

  void reset() noexcept { top_ = header_size; }

  /// Grows the last block (or starts one when `block` is null) to at least `needed` bytes, doubling
  /// as a string would; a block that is not the last is moved to the top. Returns the block (with
  /// its first `used` bytes kept) and its new capacity, or null when the region cannot hold it.
  char* grow(char* block, std::size_t used, std::size_t capacity, std::size_t needed,
             std::size_t& new_capacity) noexcept;

  /// The free rest of the region, aligned for anything: where the document goes.
  unsigned char* rest(std::size_t& size) noexcept;

 private:
  // The first offset at or after `offset` whose address is aligned for anything.
  std::size_t aligned_offset(std::size_t offset) const noexcept;

  unsigned char* base_ = nullptr;
  std::size_t size_ = 0;
  std::size_t top_ = 0;
  bool too_small_ = false;
};

// Text that grows on the heap (a std::string kept from call to call) or, when given a region,
// inside it. In a region, what does not fit is dropped and remembered: the caller checks
// overflowed() and refuses the call.
class core::text_buffer {
 public:
  /// Where the next call's text goes: the region, or the heap when it is null or disabled.
  void begin(call_region* region) noexcept;

  bool overflowed() const noexcept { return overflowed_; }
  operator std::string_view() const noexcept {
    return region_ != nullptr ? std::string_view(data_, size_) : std::string_view(heap_);
  }

  void clear() noexcept;
  void append(char const* s, std::size_t n);
  void append(std::string_view s) { append(s.data(), s.size()); }
  void assign(std::string_view s);
  void push_back(char c);
  text_buffer& operator+=(std::string_view s);

 private:
  bool fits(std::size_t n) noexcept;

  call_region* region_ = nullptr;
  std::string heap_;
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  bool overflowed_ = false;
};

}  // namespace detail
LEADFEEDER_END_NAMESPACE
