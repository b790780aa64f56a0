// SPDX-License-Identifier: MIT
// A company enrichment job takes exactly one of company_ids or list_id (3.13.6): both do not compile.
// expect-error: companies.create_enrichment_job: set exactly one of 'company_ids' or 'list_id'
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

namespace lf = leadfeeder;

void call(lf::client<lf::testing::scripted_transport>& client) {
#ifdef LEADFEEDER_COMPILE_FAIL
  auto r = client.send(lf::companies::create_enrichment_job()
                           .account_id("1")
                           .company_ids({"1"})
                           .list_id("company_2")
                           .custom_field_id("f"));
#else
  auto r =
      client.send(lf::companies::create_enrichment_job().account_id("1").list_id("company_2").custom_field_id("f"));
#endif
  (void)r;
}
