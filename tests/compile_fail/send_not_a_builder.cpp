// SPDX-License-Identifier: MIT
// client.send() takes request builders only.
// expect-error: leadfeeder::client::send: the argument must be a request builder
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

namespace lf = leadfeeder;

void call(lf::client<lf::testing::scripted_transport>& client) {
#ifdef LEADFEEDER_COMPILE_FAIL
  auto r = client.send(std::string("/v1/contacts"));
#else
  auto r = client.send(lf::accounts::list());
#endif
  (void)r;
}
