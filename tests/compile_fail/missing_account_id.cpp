// SPDX-License-Identifier: MIT
// contacts.retrieve without account_id does not compile, and the message names both.
// expect-error: contacts.retrieve: required parameter 'account_id' is not set
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

namespace lf = leadfeeder;

void call(lf::client<lf::testing::scripted_transport>& client) {
#ifdef LEADFEEDER_COMPILE_FAIL
  auto r = client.send(lf::contacts::retrieve().ids({"3219787601"}));
#else
  auto r = client.send(lf::contacts::retrieve().ids({"3219787601"}).account_id("123456"));
#endif
  (void)r;
}
