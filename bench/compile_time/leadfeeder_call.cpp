// SPDX-License-Identifier: MIT
// Compile-time subject: the library's one documented include and one call (bench/compile_time.sh).
#include <leadfeeder/leadfeeder.hpp>

#include <string_view>
#include <system_error>

namespace lf = leadfeeder;

struct one_transport {
  std::error_code send(lf::http_request const&, lf::http_response& res) {
    res.status = 200;
    res.body = R"({"data":[{"type":"contact","id":"1","attributes":{"first_name":"John"}}]})";
    return {};
  }
};

std::size_t call_once() {
  lf::client<one_transport> client{one_transport{}};
  auto r = client.send(lf::contacts::retrieve().account_id("123456").ids({"3219787601"}));
  if (!r) return 0;
  std::size_t n = 0;
  for (lf::contact_view c : r->data()) n += c.first_name().size();
  return n;
}
