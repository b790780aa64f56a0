// libFuzzer harness: the input is the body of a 200 answering contacts.retrieve, companies.get
// and contacts.add_to_lists (whose data is a plain json_view), on the heap and in a lent buffer.
// Every accessor of every view of a success is read (walk.hpp), so that the sanitizers see any
// read out of bounds; the outcome is checked against Boost.JSON's own verdict on the body.
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/boost_json.hpp>

#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include "walk.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>
#include <utility>

namespace {

namespace lf = leadfeeder;
namespace fz = leadfeeder_fuzz;
using transport = lf::testing::scripted_transport;

[[noreturn]] void fail(char const* what) {
  std::fprintf(stderr, "fuzz_decode: %s\n", what);
  std::abort();
}

// A fresh client for each call: one answer per client keeps the inputs independent.
template <class Builder>
auto answer(Builder const& builder, std::string const& body, lf::document_buffer buffer = {}) {
  transport script;
  lf::client_options options;
  options.api_key = "KEY";
  lf::client<transport> client(script, std::move(options));
  script.respond(200, body);
  return client.send(builder, buffer);
}

// Boost.JSON's verdict on the body, with the client's depth limit: -1 not JSON (or empty), 0 JSON
// that is not {"data": <object or array>}, 1 JSON with data an object or an array.
int verdict(std::string const& body) {
  boost::json::parse_options options;
  options.max_depth = LEADFEEDER_MAX_JSON_DEPTH;
  boost::json::parser parser(boost::json::storage_ptr(), options);
  std::error_code ec;
  parser.write(body.data(), body.size(), ec);
  if (ec) return -1;
  boost::json::value const root = parser.release();
  boost::json::object const* o = root.if_object();
  if (o == nullptr) return 0;
  boost::json::value const* data = o->if_contains("data");
  return data != nullptr && (data->is_object() || data->is_array()) ? 1 : 0;
}

// Checks a result against the verdict and reads everything a success offers.
template <class Response>
std::uint64_t check(lf::result<Response> const& r, int expected, bool lent) {
  fz::checksum sum;
  if (!r) {
    lf::error const& e = r.error();
    if (e.http_status != 200) fail("an error without the 200 status");
    bool const exhausted = lent && e.code == lf::errc::buffer_exhausted;
    if (e.code != lf::errc::invalid_response && !exhausted) fail("an error other than invalid_response");
    // Side-loaded `included` resources whose copies would pass the bound (document.hpp) are the
    // one reason a body with data is refused.
    bool const amplified = e.message.find("`included`") != std::string::npos;
    if (expected == 1 && !exhausted && !amplified) fail("a body with data as an object or array was refused");
    fz::walk(sum, e);
    return 0;
  }
  if (expected == -1) fail("a body Boost.JSON refuses was accepted");
  if (r->status() != 200) fail("a success without the 200 status");
  fz::walk(sum, *r);
  fz::checksum again;
  fz::walk(again, *r);
  if (again.value() != sum.value()) fail("reading the same response twice read different things");
  return sum.value() | 1;  // never 0 for a success
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string const body(reinterpret_cast<char const*>(data), size);
  int const expected = verdict(body);

  auto const retrieve = lf::contacts::retrieve().account_id("123456").ids({"435834"});
  auto const heap = answer(retrieve, body);
  std::uint64_t const heap_sum = check(heap, expected, false);
  if (heap) {
    // Every view over the data and over its first elements: each reads it its own way.
    fz::checksum sum;
    lf::json_view const d = heap->json()["data"];
    fz::walk_as_every_view(sum, d.raw(), 0);
    for (std::size_t i = 0; i < d.size() && i < 4; ++i) fz::walk_as_every_view(sum, d[i].raw(), 0);
  }

  // The same into a lent buffer: the same reading, or buffer_exhausted.
  alignas(std::max_align_t) static unsigned char storage[1 << 16];
  auto const lent = answer(retrieve, body, lf::document_buffer{storage, sizeof storage});
  std::uint64_t const lent_sum = check(lent, expected, true);
  if (lent && heap_sum != lent_sum) fail("a lent buffer read differently from the heap");
  if (bool(lent) != bool(heap) && !(!lent && lent.error().code == lf::errc::buffer_exhausted)) {
    fail("a lent buffer and the heap disagree on the outcome");
  }

  auto const company = answer(lf::companies::get().company_id("129011").account_id("123456"), body);
  check(company, expected, false);
  if (bool(company) != bool(heap)) fail("companies.get and contacts.retrieve disagree on the outcome");
  if (company && company->requested_id() != "129011") fail("the requested id was lost");

  // An operation whose data is a plain json_view: an empty body is an answer there.
  auto const plain =
      answer(lf::contacts::add_to_lists().contact_id("1").account_id("123456").list_ids({"company_123"}), body);
  if (plain) {
    fz::checksum sum;
    fz::walk(sum, *plain);
  } else if (plain.error().code != lf::errc::invalid_response) {
    fail("add_to_lists: an error other than invalid_response");
  }
  return 0;
}
