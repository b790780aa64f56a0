// SPDX-License-Identifier: MIT
// companies.search_signals without company_ids does not compile: the API requires them (3.2.4).
// expect-error: companies.search_signals: required parameter 'company_ids' is not set
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

namespace lf = leadfeeder;

void call(lf::client<lf::testing::scripted_transport>& client) {
#ifdef LEADFEEDER_COMPILE_FAIL
  auto r =
      client.send(lf::companies::search_signals().account_id("1").categories(lf::companies::signal_category::job_ads));
#else
  auto r = client.send(lf::companies::search_signals().account_id("1").company_ids({"1"}).categories(
      lf::companies::signal_category::job_ads));
#endif
  (void)r;
}
