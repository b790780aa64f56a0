// SPDX-License-Identifier: MIT
// lf::chunks only takes operations whose list has a maximum to split.
// expect-error: leadfeeder::chunks: the operation takes no list with a maximum to split
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

namespace lf = leadfeeder;

void read(lf::client<lf::testing::scripted_transport>& client) {
#ifdef LEADFEEDER_COMPILE_FAIL
  for (auto& answer : lf::chunks(client, lf::contacts::get().account_id("1").contact_id("2"), {"3", "4"})) (void)answer;
#else
  for (auto& answer : lf::chunks(client, lf::contacts::retrieve().account_id("1"), {"3", "4"})) (void)answer;
#endif
}
