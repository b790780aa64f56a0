// SPDX-License-Identifier: MIT
// libFuzzer harness: the input is the body of a 200 answering contacts.retrieve, companies.get
// and contacts.add_to_lists (whose data is a plain json_view), on the heap and in a lent buffer.
// Every accessor of every view of a success is read (walk.hpp), so that the sanitizers see any
// read out of bounds; the outcome is checked against Boost.JSON's own verdict on the body.
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/boost_json.hpp>
#include <leadfeeder/leadfeeder.hpp>

#include <boost/json/basic_parser_impl.hpp>
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
// that is not {"data": <object or array>}, 1 JSON with data an object or an array. Its own handler
// reads the root's first `data` member, as the library's document does (a Boost.JSON DOM would
// keep the last of repeated keys).
struct verdict_handler {
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);
  using ec_t = boost::json::error_code;
  using sv_t = boost::json::string_view;

  int depth = 0;
  bool root_object = false;
  std::string key;
  bool after_key = false;  // the next value at depth 1 is the member named `key`
  int data = -1;           // -1 not seen, 0 a scalar, 1 an object or an array

  void value(bool structured) {
    if (depth == 1 && after_key && key == "data" && data == -1) data = structured ? 1 : 0;
    if (depth == 1) after_key = false;
  }
  bool on_document_begin(ec_t&) { return true; }
  bool on_document_end(ec_t&) { return true; }
  bool on_object_begin(ec_t&) {
    if (depth == 0) root_object = true;
    value(true);
    ++depth;
    return true;
  }
  bool on_object_end(std::size_t, ec_t&) {
    --depth;
    return true;
  }
  bool on_array_begin(ec_t&) {
    value(true);
    ++depth;
    return true;
  }
  bool on_array_end(std::size_t, ec_t&) {
    --depth;
    return true;
  }
  bool on_key_part(sv_t s, std::size_t n, ec_t&) {
    if (depth == 1) {
      if (n == s.size()) key.clear();
      key.append(s.data(), s.size());
    }
    return true;
  }
  bool on_key(sv_t s, std::size_t n, ec_t& ec) {
    on_key_part(s, n, ec);
    if (depth == 1) after_key = true;
    return true;
  }
  bool on_string_part(sv_t, std::size_t n, ec_t&) {
    if (n != 0) value(false);
    return true;
  }
  bool on_string(sv_t, std::size_t, ec_t&) {
    value(false);
    return true;
  }
  bool on_number_part(sv_t, ec_t&) { return true; }
  bool on_int64(std::int64_t, sv_t, ec_t&) {
    value(false);
    return true;
  }
  bool on_uint64(std::uint64_t, sv_t, ec_t&) {
    value(false);
    return true;
  }
  bool on_double(double, sv_t, ec_t&) {
    value(false);
    return true;
  }
  bool on_bool(bool, ec_t&) {
    value(false);
    return true;
  }
  bool on_null(ec_t&) {
    value(false);
    return true;
  }
  bool on_comment_part(sv_t, ec_t&) { return true; }
  bool on_comment(sv_t, ec_t&) { return true; }
};

int verdict(std::string const& body) {
  boost::json::parse_options options;
  options.max_depth = LEADFEEDER_MAX_JSON_DEPTH;
  boost::json::basic_parser<verdict_handler> parser(options);
  boost::json::error_code ec;
  std::size_t const used = parser.write_some(false, body.data(), body.size(), ec);
  if (ec || used != body.size()) return -1;
  verdict_handler const& h = parser.handler();
  if (!h.root_object) return 0;
  return h.data == 1 ? 1 : 0;
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
    if (expected == 1 && !exhausted) fail("a body with data as an object or array was refused");
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
