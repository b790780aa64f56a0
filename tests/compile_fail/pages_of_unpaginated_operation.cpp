// SPDX-License-Identifier: MIT
// lf::pages only takes operations the API paginates.
// expect-error: leadfeeder::pages: the operation is not paginated
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

namespace lf = leadfeeder;

void walk(lf::client<lf::testing::scripted_transport>& client) {
#ifdef LEADFEEDER_COMPILE_FAIL
  for (auto& page : lf::pages(client, lf::contacts::retrieve().account_id("1").ids({"2"}))) (void)page;
#else
  for (auto& page : lf::pages(client, lf::contacts::search().account_id("1"))) (void)page;
#endif
}
