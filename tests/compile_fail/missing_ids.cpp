// SPDX-License-Identifier: MIT
// contacts.retrieve without ids does not compile.
// expect-error: contacts.retrieve: required parameter 'ids' is not set
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

namespace lf = leadfeeder;

void call(lf::client<lf::testing::scripted_transport>& client) {
#ifdef LEADFEEDER_COMPILE_FAIL
  auto r = client.send(lf::contacts::retrieve().account_id("123456"));
#else
  auto r = client.send(lf::contacts::retrieve().account_id("123456").ids({"1"}));
#endif
  (void)r;
}
