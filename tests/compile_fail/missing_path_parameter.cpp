// SPDX-License-Identifier: MIT
// contacts.get without its path parameter does not compile.
// expect-error: contacts.get: required parameter 'contact_id' is not set
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

namespace lf = leadfeeder;

void call(lf::client<lf::testing::scripted_transport>& client) {
#ifdef LEADFEEDER_COMPILE_FAIL
  auto r = client.send(lf::contacts::get().account_id("123456"));
#else
  auto r = client.send(lf::contacts::get().account_id("123456").contact_id("435834"));
#endif
  (void)r;
}
