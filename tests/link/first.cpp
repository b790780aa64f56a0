// SPDX-License-Identifier: MIT
// Multi-TU link test, unit 1 of 3: compiles Boost.JSON's implementation (and nothing else does).
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <string>

std::string first_contact_name(std::string body) {
  leadfeeder::testing::scripted_transport transport;
  transport.respond(200, std::move(body));
  leadfeeder::client<leadfeeder::testing::scripted_transport> client{transport};
  auto r = client.send(leadfeeder::contacts::retrieve().account_id("1").ids({"2"}));
  return r ? std::string(r->data().front().first_name()) : std::string("error");
}
