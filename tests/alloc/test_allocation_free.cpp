// SPDX-License-Identifier: MIT
// Fails if a steady-state call allocates: the global operator new is replaced by a counting one,
// and the pattern of examples/allocation_free.cpp (a document buffer, borrowed ids, recycled
// results) must reach zero allocations per call after warm-up. Also checks the default path stays
// within 3 allocations per call, and that with client_options::memory even the first call allocates
// nothing but the body its transport writes.
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

// Counts every allocation of the program (tests/alloc/counting_new.cpp).
long allocation_count() noexcept;

namespace lf = leadfeeder;

namespace {

struct memory_transport {
  std::string answer;
  std::error_code send(lf::http_request const&, lf::http_response& res) {
    res.status = 200;
    res.body.assign(answer);
    return {};
  }
};

// As memory_transport, counting the allocations its own writing of the body makes.
struct counting_transport {
  std::string answer;
  long allocations = 0;
  std::error_code send(lf::http_request const&, lf::http_response& res) {
    long const before = allocation_count();
    res.status = 200;
    res.body.assign(answer);
    allocations += allocation_count() - before;
    return {};
  }
};

// A realistic answer: 100 contacts of the docs' shape.
std::string hundred_contacts() {
  std::string body = R"({"data":[)";
  for (int i = 0; i < 100; ++i) {
    if (i != 0) body += ',';
    body += R"({"type":"contact","id":")" + std::to_string(3219787601 + i) + R"(","attributes":{"first_name":"Name)" +
            std::to_string(i) +
            R"(","emails":[{"address":"a@b.example","source":"fullenrich"}],"position":{"title":"CTO"}},)"
            R"("relationships":{"company":{"type":"company","id":"129011"}}})";
  }
  return body + R"(],"meta":{"request_id":"r","credits":{"charged":0}}})";
}

int failures = 0;
void expect(bool ok, char const* what, long value) {
  std::printf("%s: %ld -> %s\n", what, value, ok ? "ok" : "FAILED");
  if (!ok) ++failures;
}

}  // namespace

int main() {
  alignas(std::max_align_t) static unsigned char arena[512 * 1024];
  std::array<std::string, 100> id_storage;
  std::array<std::string_view, 100> ids;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    id_storage[i] = std::to_string(3219787601 + i);
    ids[i] = id_storage[i];
  }
  lf::client_options options;
  options.api_key = "KEY";
  lf::client<memory_transport> client{memory_transport{hundred_contacts()}, options};
  auto const request = lf::contacts::retrieve().account_id("123456").ids(lf::borrow(ids));

  std::size_t read = 0;
  auto one_call = [&](bool with_buffer) {
    auto r = with_buffer ? client.send(request, lf::document_buffer{arena, sizeof arena}) : client.send(request);
    if (!r) {
      std::printf("error: %s\n", lf::to_string(r.error()).c_str());
      std::exit(1);
    }
    for (lf::contact_view c : r->data()) read += c.first_name().size() + c.emails().front().address().size();
    client.recycle(std::move(r));
  };

  for (int i = 0; i < 3; ++i) one_call(true);  // warm-up: buffers grow to their steady size
  long const before = allocation_count();
  for (int i = 0; i < 10; ++i) one_call(true);
  expect(allocation_count() - before == 0, "allocations in 10 steady-state calls with a buffer",
         allocation_count() - before);

  for (int i = 0; i < 3; ++i) one_call(false);
  long const before_default = allocation_count();
  for (int i = 0; i < 10; ++i) one_call(false);
  long const per_call = (allocation_count() - before_default) / 10;
  expect(per_call <= 3, "allocations per call with default options", per_call);
  expect(read > 0, "characters read", static_cast<long>(read));

  // client_options::memory: the request, the parser's working stack and the document live in the
  // host's memory from the very first call. Only the body the transport writes allocates (counted
  // by the transport and left out here).
  {
    alignas(std::max_align_t) static unsigned char memory[512 * 1024];
    lf::client_options fixed = options;
    fixed.memory.data = memory;
    fixed.memory.size = sizeof memory;
    lf::client<counting_transport> host_client{counting_transport{hundred_contacts()}, fixed};
    auto host_call = [&] {
      auto r = host_client.send(request);
      if (!r) {
        std::printf("error: %s\n", lf::to_string(r.error()).c_str());
        std::exit(1);
      }
      for (lf::contact_view c : r->data()) read += c.first_name().size();
      host_client.recycle(std::move(r));
    };
    long const before_first = allocation_count();
    host_call();
    long const first = allocation_count() - before_first - host_client.transport().allocations;
    expect(first == 0, "allocations of the first call with call memory, apart from the transport's body", first);
    long const before_steady = allocation_count();
    for (int i = 0; i < 10; ++i) host_call();
    expect(allocation_count() - before_steady == 0, "allocations in 10 later calls with call memory",
           allocation_count() - before_steady);
  }
  return failures == 0 ? 0 : 1;
}
