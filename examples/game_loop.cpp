// SPDX-License-Identifier: MIT
// A game loop that talks to the API without blocking a frame: requests are queued with
// async_send and completed inside the loop's own tick, on the loop's thread. The loop here runs a
// few frames; each frame does its game work, then gives the transport a budget of one exchange.
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <game_loop_transport.hpp>

#include <cstdio>
#include <string>

namespace lf = leadfeeder;

int main() {
  // The engine's HTTP layer; scripted here so that the example runs anywhere.
  lf::testing::scripted_transport http;
  http.respond(200, R"({"data":[{"type":"account_summary","id":"123456","attributes":{"name":"Studio"}}]})")
      .respond(200, R"({"data":[{"type":"account","id":"123456","attributes":{"name":"Studio",
                         "credits":{"available":1000,"used":10,"remaining":990,"next_reset_on":"2026-12-01"}}}]})");

  lf::client_options options;
  options.api_key = "KEY";
  lf::client<example::game_loop_transport<lf::testing::scripted_transport>> client{
      example::game_loop_transport<lf::testing::scripted_transport>(http), options};

  std::string status = "asking for the account...";
  client.async_send(lf::accounts::list(), [&](auto accounts) {
    if (!accounts) {
      status = lf::to_string(accounts.error());
      return;
    }
    std::string const id(accounts->data().front().id());
    status = "account " + id + " found; asking for its credits...";
    // Chained: queued now, sent on a later frame.
    client.async_send(lf::accounts::list().account_id(id), [&](auto account) {
      status = account ? "credits remaining: " + std::to_string(account->data().front().credits().remaining())
                       : lf::to_string(account.error());
    });
  });

  for (int frame = 1; frame <= 4; ++frame) {
    // ... simulate, render ...
    std::size_t const ran = client.transport().tick(1);  // at most one exchange per frame
    std::printf("frame %d: %zu exchange(s); %s\n", frame, ran, status.c_str());
  }
  return status == "credits remaining: 990" ? 0 : 1;
}
