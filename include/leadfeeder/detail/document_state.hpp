// SPDX-License-Identifier: MIT
// leadfeeder-cpp: what a document owns (the body, the tape's block), behind lf::document.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/tape.hpp>

#include <cstddef>
#include <new>
#include <string>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

// What a document owns. It stays at one address for the document's life (on the heap, or at
// the start of lent memory), so the body's characters and the tape never move once parsed.
struct document_state {
  std::string body;
  json_node const* root = nullptr;  // nullptr: an empty (blank) body
  unsigned char* block = nullptr;   // the tape's nodes from the start, its side strings at the end
  std::size_t block_size = 0;
  std::size_t node_count = 0;
  bool owns_block = true;  // false: the block is lent memory

  document_state() noexcept = default;
  document_state(document_state const&) = delete;
  document_state& operator=(document_state const&) = delete;
  ~document_state() {
    if (owns_block && block != nullptr) ::operator delete(block);
  }
};

}  // namespace detail
LEADFEEDER_END_NAMESPACE
