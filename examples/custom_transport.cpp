// SPDX-License-Identifier: MIT
// How to plug in your own HTTP stack: a transport is any type with one member function,
//   std::error_code send(leadfeeder::http_request const&, leadfeeder::http_response&);
// This one answers from memory, the way a test double or an offline cache would.
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>

#include <cstdio>
#include <string>
#include <system_error>

namespace lf = leadfeeder;

struct in_memory_transport {
  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    // A real transport sends req.method to req.url with req.headers and req.body, then fills
    // in res. Only a failed exchange (DNS, TLS, timeout) is an error_code; a 404 is a response.
    if (req.headers.find("X-Api-Key").empty()) {
      res.status = 403;
      res.body = R"({"code":"missing_token","message":"You need to pass a header named X-Api-Key"})";
      return {};
    }
    res.status = 200;
    res.body = R"({"data":[{"type":"account_summary","id":"123456","attributes":{"name":"Account 1"}}],
                   "meta":{"request_id":"cf054205-dd8c-4473-8689-07c30fe0789f"}})";
    res.headers.add("Content-Type", "application/json");
    return {};
  }
};

int main() {
  lf::client_options options;
  options.api_key = "KEY";
  lf::client<in_memory_transport> client{in_memory_transport{}, options};

  auto accounts = client.send(lf::accounts::list());
  if (!accounts) {
    std::printf("error: %s\n", lf::to_string(accounts.error()).c_str());
    return 1;
  }
  for (lf::account_summary_view account : accounts->data()) {
    std::printf("account %s: %s\n", std::string(account.id()).c_str(), std::string(account.name()).c_str());
  }

  // Without a key, the same transport answers 403: the error arrives as a value.
  lf::client<in_memory_transport> anonymous{in_memory_transport{}};
  auto denied = anonymous.send(lf::accounts::list());
  std::printf("without a key: %s\n", lf::to_string(denied.error()).c_str());
  return (denied.error().code == lf::errc::unauthorized) ? 0 : 1;
}
