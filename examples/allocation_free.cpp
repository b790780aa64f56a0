// SPDX-License-Identifier: MIT
// Calls that touch no heap, for hosts with a memory budget: the client gets a fixed block of the
// host's memory (client_options::memory) where each call builds its request, parses and keeps its
// response document; the ids are lent (lf::borrow) rather than copied, and each finished result is
// handed back (client.recycle) so that the memory is free for the next call and the body's storage
// carries the next answer. Only the transport's first write of a body allocates (tests/alloc checks
// this); a call that does not fit in the block fails with errc::buffer_exhausted.
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
  alignas(std::max_align_t) static unsigned char memory[64 * 1024];  // everything a call builds
  std::array<std::string_view, 2> const ids = {"3219787601", "3219787635"};

  lf::client_options options;
  options.api_key = "KEY";
  options.memory.data = memory;
  options.memory.size = sizeof memory;
  lf::client<host_transport> client{host_transport{}, options};
  auto const request = lf::contacts::retrieve().account_id("123456").ids(lf::borrow(ids));

  std::size_t names = 0;
  for (int frame = 0; frame < 3; ++frame) {
    auto r = client.send(request);
    if (!r) {
      std::printf("error: %s\n", lf::to_string(r.error()).c_str());
      return 1;
    }
    for (lf::contact_view c : r->data()) names += c.first_name().size();
    client.recycle(std::move(r));  // frees the memory for the next call; the body's storage goes back
  }
  std::printf("3 calls, %zu characters of first names read\n", names);
  return names == 3 * (3 + 5) ? 0 : 1;
}
