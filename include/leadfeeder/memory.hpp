// SPDX-License-Identifier: MIT
// leadfeeder-cpp: lf::memory_block, memory a host lends the library instead of the heap.
#pragma once

#include <leadfeeder/config.hpp>

#include <cstddef>

LEADFEEDER_BEGIN_NAMESPACE

/// Memory a host lends: `size` bytes at `data` (any alignment). Lent for one call
/// (call_options::memory) it holds that response's document: its bookkeeping, its tape and the
/// unescaped copies of strings with escapes; lent to a client (client_options::memory) it holds
/// each call's request and then its document. The memory must outlive what is built in it, and
/// must not be lent again while a result built there lives. Too small is errc::buffer_exhausted;
/// a client's memory still held by a result is errc::memory_in_use.
struct memory_block {
  void* data = nullptr;
  std::size_t size = 0;

  constexpr bool empty() const noexcept { return data == nullptr; }
};

/// The names memory_block had before it was one type; they stay.
using document_buffer = memory_block;
using call_memory = memory_block;

LEADFEEDER_END_NAMESPACE
