// SPDX-License-Identifier: MIT
// Multi-TU link test, unit 2 of 3: uses the same inline functions and templates as unit 1.
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <string>

std::string account_name(std::string body) {
  leadfeeder::testing::scripted_transport transport;
  transport.respond(200, std::move(body));
  leadfeeder::client<leadfeeder::testing::scripted_transport> client{transport};
  auto r = client.send(leadfeeder::accounts::list());
  return r ? std::string(r->data().front().name()) : std::string("error");
}
