// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the memory a host may give a client for everything it builds per call
// (client_options::memory): a region carved afresh at each call, and the text buffers of the
// request that grow inside it instead of on the heap.
#pragma once

#include <leadfeeder/config.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

// A bump region over host memory. Its first bytes hold a flag that a result built there sets while
// it lives, so that the next call can tell the region is not free yet.
class call_region {
 public:
  static constexpr std::size_t header_size = alignof(std::max_align_t);

  call_region() noexcept = default;
  call_region(void* data, std::size_t size) noexcept {
    if (data == nullptr) return;
    if (size < header_size) {  // given, but too small for anything: every call is refused
      too_small_ = true;
      return;
    }
    base_ = static_cast<unsigned char*>(data);
    size_ = size;
    top_ = header_size;
    *result_alive() = false;
  }

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
             std::size_t& new_capacity) noexcept {
    if (!enabled()) return nullptr;
    std::size_t wanted = capacity < 64 ? 64 : capacity * 2;
    if (wanted < needed) wanted = needed;
    auto* const at = reinterpret_cast<unsigned char*>(block);
    bool const last = block != nullptr && at + capacity == base_ + top_;
    std::size_t const start = last ? static_cast<std::size_t>(at - base_) : top_;
    std::size_t const room = size_ - start;
    if (room < needed) return nullptr;
    if (wanted > room) wanted = room;  // the rest of the region, which is enough
    char* const out = reinterpret_cast<char*>(base_ + start);
    if (!last && used != 0) std::memcpy(out, block, used);
    top_ = start + wanted;
    new_capacity = wanted;
    return out;
  }

  /// The free rest of the region, aligned for anything: where the document goes.
  unsigned char* rest(std::size_t& size) noexcept {
    std::size_t const aligned = enabled() ? aligned_offset(top_) : 0;
    if (!enabled() || aligned >= size_) {
      size = 0;
      return nullptr;
    }
    size = size_ - aligned;
    return base_ + aligned;
  }

 private:
  // The first offset at or after `offset` whose address is aligned for anything.
  std::size_t aligned_offset(std::size_t offset) const noexcept {
    constexpr std::uintptr_t align = alignof(std::max_align_t);
    std::uintptr_t const at = reinterpret_cast<std::uintptr_t>(base_) + offset;
    return offset + static_cast<std::size_t>((align - at % align) % align);
  }

  unsigned char* base_ = nullptr;
  std::size_t size_ = 0;
  std::size_t top_ = 0;
  bool too_small_ = false;
};

// Text that grows on the heap (a std::string kept from call to call) or, when given a region,
// inside it. In a region, what does not fit is dropped and remembered: the caller checks
// overflowed() and refuses the call.
class text_buffer {
 public:
  /// Where the next call's text goes: the region, or the heap when it is null or disabled.
  void begin(call_region* region) noexcept {
    region_ = region != nullptr && region->enabled() ? region : nullptr;
    heap_.clear();
    data_ = nullptr;
    size_ = 0;
    capacity_ = 0;
    overflowed_ = false;
  }

  bool overflowed() const noexcept { return overflowed_; }
  operator std::string_view() const noexcept {
    return region_ != nullptr ? std::string_view(data_, size_) : std::string_view(heap_);
  }

  void clear() noexcept {
    heap_.clear();
    size_ = 0;
  }
  void append(char const* s, std::size_t n) {
    if (region_ == nullptr) {
      heap_.append(s, n);
      return;
    }
    if (overflowed_ || !fits(n)) return;
    std::memcpy(data_ + size_, s, n);
    size_ += n;
  }
  void append(std::string_view s) { append(s.data(), s.size()); }
  void assign(std::string_view s) {
    clear();
    append(s);
  }
  void push_back(char c) {
    if (region_ == nullptr) {
      heap_.push_back(c);
      return;
    }
    if (overflowed_ || !fits(1)) return;
    data_[size_++] = c;
  }
  text_buffer& operator+=(std::string_view s) {
    append(s);
    return *this;
  }

 private:
  bool fits(std::size_t n) noexcept {
    if (capacity_ - size_ >= n) return true;
    if (n > SIZE_MAX - size_) {
      overflowed_ = true;
      return false;
    }
    std::size_t capacity = 0;
    char* const grown = region_->grow(data_, size_, capacity_, size_ + n, capacity);
    if (grown == nullptr) {
      overflowed_ = true;
      return false;
    }
    data_ = grown;
    capacity_ = capacity;
    return true;
  }

  call_region* region_ = nullptr;
  std::string heap_;
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  bool overflowed_ = false;
};

}  // namespace detail
LEADFEEDER_END_NAMESPACE
