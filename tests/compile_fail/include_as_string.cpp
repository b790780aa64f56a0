// SPDX-License-Identifier: MIT
// include() takes typed values, never free strings.
// expect-error: contacts.retrieve: include() takes leadfeeder::contacts::include values
#include <leadfeeder/leadfeeder.hpp>

namespace lf = leadfeeder;

#ifdef LEADFEEDER_COMPILE_FAIL
auto const builder = lf::contacts::retrieve().include("company");
#else
auto const builder = lf::contacts::retrieve().include(lf::contacts::include::company, lf::contacts::include::lists);
#endif
