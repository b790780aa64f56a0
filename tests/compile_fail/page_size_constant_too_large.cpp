// SPDX-License-Identifier: MIT
// A page size given as a constant is checked at compile time (the API allows at most 100).
// expect-error: contacts.search: parameter 'page[size]' must be between 1 and 100
#include <leadfeeder/leadfeeder.hpp>

namespace lf = leadfeeder;

#ifdef LEADFEEDER_COMPILE_FAIL
auto const builder = lf::contacts::search().account_id("1").page_size<101>();
#else
auto const builder = lf::contacts::search().account_id("1").page_size<100>();
#endif
