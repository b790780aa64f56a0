// SPDX-License-Identifier: MIT
// A program's ordinary unit: one call, no implementation macro (see check.cmake).
#include <leadfeeder/leadfeeder.hpp>

#include <cstdio>

namespace lf = leadfeeder;

namespace {
struct canned_transport {
  std::error_code send(lf::http_request const&, lf::http_response& res) {
    res.status = 200;
    res.body = R"({"data":[{"type":"contact","id":7,"attributes":{"first_name":"Ada"}}]})";
    return {};
  }
};
}  // namespace

int main() {
  lf::client_options options;
  options.api_key = "KEY";
  lf::client<canned_transport> client{canned_transport{}, options};
  auto r = client.send(lf::contacts::retrieve().account_id("1").ids({"7"}));
  if (!r || r->data().front().first_name() != "Ada" || r->data().front().id() != "7") {
    std::puts("unexpected answer");
    return 1;
  }
  std::puts("ok");
  return 0;
}
