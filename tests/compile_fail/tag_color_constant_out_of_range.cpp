// SPDX-License-Identifier: MIT
// A tag color given as a constant is checked at compile time (a palette index from 0 to 9).
// expect-error: tags.create: parameter 'color' must be between 0 and 9
#include <leadfeeder/leadfeeder.hpp>

namespace lf = leadfeeder;

#ifdef LEADFEEDER_COMPILE_FAIL
auto const builder = lf::tags::create().account_id("1").name("VIP").color<10>();
#else
auto const builder = lf::tags::create().account_id("1").name("VIP").color<9>();
#endif
