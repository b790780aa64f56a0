// SPDX-License-Identifier: MIT
// leadfeeder-cpp: lf::pagination_style, how an operation pages through results. Each builder
// names its own (Builder::pagination); lf::pages reads it.
#pragma once

#include <leadfeeder/config.hpp>

LEADFEEDER_BEGIN_NAMESPACE

/// How an operation pages through results (docs/api-reference.md, 1.7).
enum class pagination_style {
  none,         ///< one answer holds everything
  cursor,       ///< page[cursor] from meta.pagination.next_cursor
  page_number,  ///< page[num] up to meta.pagination.page_count
};

LEADFEEDER_END_NAMESPACE
