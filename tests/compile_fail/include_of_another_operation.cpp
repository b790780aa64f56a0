// SPDX-License-Identifier: MIT
// include() is typed per operation: an accounts value does not fit contacts.get.
// expect-error: contacts.get: include() takes leadfeeder::contacts::include values
#include <leadfeeder/leadfeeder.hpp>

namespace lf = leadfeeder;

#ifdef LEADFEEDER_COMPILE_FAIL
auto const builder = lf::contacts::get().include(lf::accounts::include::account_company);
#else
auto const builder = lf::contacts::get().include(lf::contacts::include::company);
#endif
