// SPDX-License-Identifier: MIT
// leadfeeder-cpp: what the library takes from <iterator> (std::input_iterator_tag,
// std::forward_iterator_tag, std::begin, std::end, std::size, std::data) without that header,
// which brings <streambuf> along: up to 5% of the compile time of a unit with one call
// (docs/performance.md). The standard makes the four functions available with <string>
// ([iterator.range], [iterator.container]); the two tags come with <string> in libstdc++, libc++
// and Microsoft's library, and any other library gets <iterator> itself.
#pragma once

#include <string>

#if !defined(__GLIBCXX__) && !defined(_LIBCPP_VERSION) && !defined(_MSVC_STL_VERSION)
#include <iterator>
#endif
