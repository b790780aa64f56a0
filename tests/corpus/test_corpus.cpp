// SPDX-License-Identifier: MIT
// The hostile-response corpus (tests/corpus/responses/, listed in manifest.tsv and written by
// make_corpus.py): every file answers contacts.retrieve and companies.get at its status, must give
// the outcome the manifest names, and on success every accessor of every view is read (walk.hpp),
// so that a read out of bounds shows under the sanitizers. Every file is also answered as an error
// body (status 500) and must give a typed error.
//
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include "walk.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace {

namespace lf = leadfeeder;
namespace fz = leadfeeder_fuzz;

using transport = lf::testing::scripted_transport;

std::string corpus_path(std::string const& relative) { return std::string(LEADFEEDER_CORPUS_DIR) + "/" + relative; }

std::string read_file(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct manifest_line {
  std::string file;
  int status = 0;
  std::string outcome;
};

std::vector<manifest_line> read_manifest() {
  std::istringstream in(read_file(corpus_path("manifest.tsv")));
  std::vector<manifest_line> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t const a = line.find('\t');
    std::size_t const b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) throw std::runtime_error("bad manifest line: " + line);
    manifest_line m;
    m.file = line.substr(0, a);
    m.status = std::stoi(line.substr(a + 1, b - a - 1));
    m.outcome = line.substr(b + 1);
    lines.push_back(std::move(m));
  }
  return lines;
}

// The errc a manifest outcome names; errc{} for "ok".
lf::errc errc_named(std::string const& name) {
  static std::map<std::string, lf::errc> const names = {
      {"ok", lf::errc{}},
      {"unauthorized", lf::errc::unauthorized},
      {"forbidden", lf::errc::forbidden},
      {"not_found", lf::errc::not_found},
      {"bad_request", lf::errc::bad_request},
      {"unprocessable", lf::errc::unprocessable},
      {"rate_limited", lf::errc::rate_limited},
      {"server_error", lf::errc::server_error},
      {"unexpected_status", lf::errc::unexpected_status},
      {"invalid_response", lf::errc::invalid_response},
      {"buffer_exhausted", lf::errc::buffer_exhausted},
  };
  auto const it = names.find(name);
  if (it == names.end()) throw std::runtime_error("unknown outcome in the manifest: " + name);
  return it->second;
}

lf::client<transport> make_client(transport& script) {
  lf::client_options options;
  options.api_key = "KEY";
  return lf::client<transport>(script, std::move(options));
}

// What the run did, for the closing line.
struct tally {
  std::size_t files = 0;
  std::size_t values = 0;
  std::size_t errors = 0;
  std::size_t lent_values = 0;
  std::size_t lent_exhausted = 0;
  std::size_t nodes = 0;
  std::size_t bytes = 0;
  int deepest = 0;
  double seconds = 0;
};
tally g_tally;

// Checks a result against the manifest's outcome; on success reads everything and returns the
// checksum of what was read.
// `thorough`: also read the data as every view there is, and read everything twice.
template <class Response>
std::uint64_t check_outcome(lf::result<Response> const& r, manifest_line const& m, lf::errc expected,
                            bool thorough = false) {
  if (expected == lf::errc{}) {
    if (!r) {
      FAIL_CHECK("expected a value, got: " << lf::to_string(r.error()));
      return 0;
    }
    CHECK(r->status() == m.status);
    fz::checksum sum;
    fz::walk(sum, *r);
    std::uint64_t const value = sum.value();
    if (thorough) {
      // Reading is pure: a second walk reads the same.
      fz::checksum again;
      fz::walk(again, *r);
      CHECK(again.value() == value);
      // Every view over the data, and over each element of it: each reads it its own way.
      lf::json_view const data = r->json()["data"];
      fz::walk_as_every_view(sum, data.raw(), 0);
      for (std::size_t i = 0; i < data.size() && i < 16; ++i) fz::walk_as_every_view(sum, data[i].raw(), 0);
    }
    g_tally.nodes += sum.nodes();
    g_tally.bytes += sum.bytes();
    if (sum.max_depth() > g_tally.deepest) g_tally.deepest = sum.max_depth();
    return value;
  }
  if (r) {
    FAIL_CHECK("expected " << m.outcome << ", got a value");
    return 0;
  }
  CHECK(r.error().code == lf::make_error_code(expected));
  CHECK(r.error().http_status == m.status);
  fz::checksum sum;
  fz::walk(sum, r.error());
  return sum.value();
}

}  // namespace

TEST_CASE("corpus: the manifest lists every file, each once, and enough of them") {
  std::vector<manifest_line> const lines = read_manifest();
  CHECK(lines.size() >= 300);
  std::map<std::string, int> seen;
  for (manifest_line const& m : lines) {
    CHECK_MESSAGE(++seen[m.file] == 1, m.file << " is listed twice");
    CHECK_NOTHROW(errc_named(m.outcome));
  }
}

TEST_CASE("corpus: every response decodes to the expected outcome and reads cleanly") {
  auto const start = std::chrono::steady_clock::now();
  std::vector<manifest_line> const lines = read_manifest();
  std::vector<unsigned char> lent(std::size_t{1} << 18);
  // One client answers every file as an error body: its parser must recover from anything.
  transport errors_script;
  lf::client<transport> errors_client = make_client(errors_script);

  for (manifest_line const& m : lines) {
    INFO("file: " << m.file << " (status " << m.status << ", expected " << m.outcome << ")");
    std::string const body = read_file(corpus_path("responses/" + m.file));
    lf::errc const expected = errc_named(m.outcome);
    ++g_tally.files;

    // contacts.retrieve, on the heap, with a fresh client for each call.
    std::uint64_t heap_sum = 0;
    {
      transport script;
      lf::client<transport> client = make_client(script);
      script.respond(m.status, body);
      auto const r = client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}));
      heap_sum = check_outcome(r, m, expected, /*thorough=*/true);
      if (r) {
        ++g_tally.values;
        CHECK(r->body() == body);
      } else {
        ++g_tally.errors;
      }
    }
    // contacts.retrieve again, into a lent buffer: the same reading, or buffer_exhausted.
    {
      transport script;
      lf::client<transport> client = make_client(script);
      script.respond(m.status, body);
      auto const r = client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}),
                                 lf::document_buffer{lent.data(), lent.size()});
      if (!r && r.error().code == lf::errc::buffer_exhausted && m.status >= 200 && m.status <= 299) {
        ++g_tally.lent_exhausted;
        CHECK(r.error().http_status == m.status);
      } else {
        std::uint64_t const lent_sum = check_outcome(r, m, expected);
        if (r) {
          ++g_tally.lent_values;
          CHECK(lent_sum == heap_sum);
        }
      }
    }
    // companies.get, which reads data as one company.
    {
      transport script;
      lf::client<transport> client = make_client(script);
      script.respond(m.status, body);
      auto const r = client.send(lf::companies::get().company_id("129011").account_id("123456"));
      check_outcome(r, m, expected);
      if (r) CHECK(r->requested_id() == "129011");
    }
    // The same body as an error body: a typed error, whatever the body holds.
    {
      errors_script.respond(500, body, {{"Retry-After", "7"}, {"X-Request-Id", "corpus-rid"}});
      auto const r = errors_client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"}));
      REQUIRE_FALSE(r);
      CHECK(r.error().code == lf::errc::server_error);
      CHECK(r.error().http_status == 500);
      CHECK_FALSE(r.error().request_id.empty());
      REQUIRE(r.error().retry_after.has_value());
      CHECK(r.error().retry_after->count() == 7);
      // What the body said, or what the client says about a body it could not read.
      if (!body.empty()) CHECK((!r.error().message.empty() || !r.error().api_code.empty()));
      fz::checksum sum;
      fz::walk(sum, r.error());
    }
  }
  g_tally.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// ---- Bugs this corpus found, fixed; each case keeps its file.

TEST_CASE("corpus: answers charging INT64_MAX twice leave credits_spent at INT64_MAX") {
  // client::finish once added whatever the server said: two such answers overflowed a signed sum.
  std::string const body = read_file(corpus_path("responses/number_int64_max_as_credits_charged.json"));
  transport script;
  lf::client<transport> client = make_client(script);
  script.respond(200, body);
  script.respond(200, body);
  REQUIRE(client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"})));
  CHECK(client.credits_spent() == INT64_MAX);
  REQUIRE(client.send(lf::contacts::retrieve().account_id("123456").ids({"435834"})));
  CHECK(client.credits_spent() == INT64_MAX);
}

TEST_CASE("corpus: a negative meta.credits.charged neither lowers credits_spent nor lifts the budget") {
  lf::client_options options;
  options.api_key = "KEY";
  options.credit_budget = 10;
  transport script;
  lf::client<transport> client(script, options);
  script.respond(200, read_file(corpus_path("responses/shape_meta_negative_credits.json")));
  REQUIRE(client.send(lf::contacts::retrieve().account_id("123456").ids({"1"})));
  CHECK(client.credits_spent() == 0);
}

// (The third bug, caller-built extra_fields nesting one level past the parser's limit, is kept
// fixed by the unit test "companies.search_signals sends extra_fields nested up to the parser's
// depth limit, and no deeper" and by the fuzz_request seeds search_signals_extra_fields_6{3,4,5}_*.)

TEST_CASE("corpus: 1,000 stubs naming one 50 KB side-loaded resource are read within a buffer of 4x the body") {
  // An earlier document copied the resource for every stub: this 100 KB body needed about 50 MB.
  // Stubs are now links to the one resource, so the whole document fits in lent memory of four
  // times the body, and every stub reads the resource's 50,000-character name.
  std::string const body = read_file(corpus_path("responses/included_amplification_1000_stubs_one_50kb_resource.json"));
  std::vector<unsigned char> storage(body.size() * 4);
  transport script;
  lf::client<transport> client = make_client(script);
  script.respond(200, body);
  auto const r = client.send(lf::contacts::retrieve().account_id("123456").ids({"1"}),
                             lf::memory_block{storage.data(), storage.size()});
  REQUIRE(r);
  std::size_t linked = 0;
  for (lf::json_view const contact : lf::array_view<lf::json_view>(r->json()["data"].raw())) {
    if (contact["relationships"]["c"]["attributes"]["name"].as_string().size() == 50000) ++linked;
  }
  CHECK(linked == 1000);
}

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  int const failed = context.run();
  if (context.shouldExit()) return failed;
  if (g_tally.files != 0) {
    std::printf(
        "corpus: %zu files checked in %.1f s: %zu values and %zu errors from contacts.retrieve; lent buffer: %zu "
        "values, %zu buffer_exhausted; %zu views and values walked, %zu string bytes read, deepest walk %d\n",
        g_tally.files, g_tally.seconds, g_tally.values, g_tally.errors, g_tally.lent_values, g_tally.lent_exhausted,
        g_tally.nodes, g_tally.bytes, g_tally.deepest);
  }
  return failed;
}
