// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: counting heap allocations. alloc_counter.cpp replaces every form of
// the global operator new and delete (plain, array, nothrow, aligned, sized) in this binary; each
// allocation of the calling thread is counted, and while recording, its size and its call stack
// (backtrace(), no breakpoints) are kept in a fixed array that itself never allocates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bench::alloc {

/// Allocations (operator new, all forms) made by this thread since the start.
std::uint64_t count() noexcept;
/// Bytes requested by them.
std::uint64_t bytes() noexcept;

inline constexpr int max_frames = 24;

struct record {
  std::size_t size = 0;
  std::size_t alignment = 0;  ///< 0 for the unaligned forms
  int frames = 0;
  void* stack[max_frames] = {};
};

/// Starts keeping a record of each allocation (up to a fixed number); clears earlier records.
void start_recording() noexcept;
/// Stops; the records made since start_recording().
std::vector<record> stop_recording();

/// One frame, symbolized: function, file:line (addr2line on this executable, with the chain of
/// inlined calls), or the shared object and symbol.
struct frame {
  std::string function;
  std::string location;  ///< "include/leadfeeder/document.hpp:248", or the shared object
};
/// The frames of each record outside the counting machinery, innermost first, inlined calls
/// expanded; at most `limit` per record. One addr2line run for all of them.
std::vector<std::vector<frame>> symbolize(std::vector<record> const& records, std::size_t limit);

/// Calls backtrace() once so that its lazy initialization happens outside any measurement.
void warm_up() noexcept;

/// Allocation count and bytes of `fn()`.
template <class F>
std::pair<std::uint64_t, std::uint64_t> measure(F&& fn) {
  std::uint64_t const c0 = count();
  std::uint64_t const b0 = bytes();
  fn();
  return {count() - c0, bytes() - b0};
}

}  // namespace bench::alloc
