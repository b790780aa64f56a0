// SPDX-License-Identifier: MIT
// lists.list without filter[scope] does not compile: the API refuses the call without it (3.9.1).
// expect-error: lists.list: required parameter 'filter[scope]' is not set
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

namespace lf = leadfeeder;

void call(lf::client<lf::testing::scripted_transport>& client) {
#ifdef LEADFEEDER_COMPILE_FAIL
  auto r = client.send(lf::lists::list().account_id("123456").page_size(20));
#else
  auto r = client.send(lf::lists::list().account_id("123456").filter_scope(lf::lists::scope::contact).page_size(20));
#endif
  (void)r;
}
