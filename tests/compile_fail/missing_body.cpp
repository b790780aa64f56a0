// SPDX-License-Identifier: MIT
// contacts.add_to_lists without the lists to add does not compile.
// expect-error: contacts.add_to_lists: required parameter 'list_ids' is not set
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

namespace lf = leadfeeder;

void call(lf::client<lf::testing::scripted_transport>& client) {
#ifdef LEADFEEDER_COMPILE_FAIL
  auto r = client.send(lf::contacts::add_to_lists().account_id("1").contact_id("2"));
#else
  auto r = client.send(lf::contacts::add_to_lists().account_id("1").contact_id("2").list_ids({"l1"}));
#endif
  (void)r;
}
