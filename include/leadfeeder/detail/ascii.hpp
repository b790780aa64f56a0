// SPDX-License-Identifier: MIT
// leadfeeder-cpp: ASCII case folding for header names (HTTP field names are case-insensitive).
#pragma once

#include <leadfeeder/config.hpp>

#include <cstddef>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

constexpr char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
