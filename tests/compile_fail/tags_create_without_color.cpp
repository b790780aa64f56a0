// SPDX-License-Identifier: MIT
// tags.create without color does not compile: the API requires it (3.8.2).
// expect-error: tags.create: required parameter 'color' is not set
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

namespace lf = leadfeeder;

void call(lf::client<lf::testing::scripted_transport>& client) {
#ifdef LEADFEEDER_COMPILE_FAIL
  auto r = client.send(lf::tags::create().account_id("123456").name("VIP"));
#else
  auto r = client.send(lf::tags::create().account_id("123456").name("VIP").color(3));
#endif
  (void)r;
}
