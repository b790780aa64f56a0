// A steady-state call that touches no heap, for hosts with a memory budget: the response document
// is built in a buffer the host owns, the ids are lent (lf::borrow) rather than copied, and each
// finished result is handed back (client.recycle) so that its body's storage carries the next
// answer. After the first call, the loop below allocates nothing (tests/alloc checks this).
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>

#include <array>
#include <cstdio>
#include <string>
#include <string_view>

namespace lf = leadfeeder;

// The host's HTTP layer, here answering from memory; a real one would keep its buffers too.
struct host_transport {
  std::string answer = R"({"data":[{"type":"contact","id":"3219787601","attributes":{"first_name":"Ada"}},
                                    {"type":"contact","id":"3219787635","attributes":{"first_name":"Grace"}}],
                           "meta":{"request_id":"r","credits":{"charged":0}}})";
  std::error_code send(lf::http_request const&, lf::http_response& res) {
    res.status = 200;
    res.body.assign(answer);  // assign: reuses the capacity the client handed back
    return {};
  }
};

int main() {
  alignas(std::max_align_t) static unsigned char arena[64 * 1024];  // the document's memory
  std::array<std::string_view, 2> const ids = {"3219787601", "3219787635"};

  lf::client_options options;
  options.api_key = "KEY";
  lf::client<host_transport> client{host_transport{}, options};
  auto const request = lf::contacts::retrieve().account_id("123456").ids(lf::borrow(ids));

  std::size_t names = 0;
  for (int frame = 0; frame < 3; ++frame) {
    auto r = client.send(request, lf::document_buffer{arena, sizeof arena});
    if (!r) {
      std::printf("error: %s\n", lf::to_string(r.error()).c_str());
      return 1;
    }
    for (lf::contact_view c : r->data()) names += c.first_name().size();
    client.recycle(std::move(r));  // the body's storage goes back to the client
  }
  std::printf("3 calls, %zu characters of first names read\n", names);
  return names == 3 * (3 + 5) ? 0 : 1;
}
