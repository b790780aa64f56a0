// SPDX-License-Identifier: MIT
// Vendoring (CTest: embedding_vendoring): vendor.cmake copies this program and nothing but
// single_include/leadfeeder/leadfeeder.hpp into an empty folder and builds it with one compiler
// command, `c++ -std=c++17 -I<folder> main.cpp -o program` (the build's standard: 17 or 20).
// Returns non-zero on failure.
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>

#include <cstdio>
#include <string>
#include <system_error>

#ifndef LEADFEEDER_SINGLE_HEADER
#error "this program must be built against the single header"
#endif

namespace lf = leadfeeder;

struct in_memory_transport {
  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    if (req.url != "https://api.leadfeeder.com/v1/accounts") {
      res.status = 404;
      res.body = R"({"code":"not_found","message":"unexpected URL"})";
      return {};
    }
    res.status = 200;
    res.body = R"({"data":[{"type":"account_summary","id":123456,"attributes":{"name":"Acme"}}]})";
    return {};
  }
};

int main() {
  lf::client_options options;
  options.api_key = "KEY";
  lf::client<in_memory_transport> client{in_memory_transport{}, options};
  auto r = client.send(lf::accounts::list());
  if (!r) {
    std::printf("FAILED: %s\n", lf::to_string(r.error()).c_str());
    return 1;
  }
  bool const ok = r->data().size() == 1 && r->data().front().id() == "123456" && r->data().front().name() == "Acme";
  std::printf("vendored single header %s: account %s -> %s\n", LEADFEEDER_VERSION_STRING,
              std::string(r->data().front().name()).c_str(), ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
