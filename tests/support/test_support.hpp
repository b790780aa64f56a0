// SPDX-License-Identifier: MIT
// Helpers shared by the unit tests: fixtures from tests/fixtures and a scripted client.
#pragma once

#include <doctest/doctest.h>
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>
// The rules the session applies (Retry-After and HTTP dates, error hints, deadlines) are tested
// directly against include/: the public headers do not include them, and the single header holds
// them only in its implementation part. The cases that call them are built when this is 1.
#if defined(LEADFEEDER_SINGLE_HEADER)
#define LEADFEEDER_TEST_DETAIL_RULES 0
#else
#define LEADFEEDER_TEST_DETAIL_RULES 1
#include <leadfeeder/detail/body_hint.hpp>
#include <leadfeeder/detail/http_date.hpp>
#include <leadfeeder/detail/policy_rules.hpp>
#endif

#include <boost/json/parse.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace test_support {

namespace lf = leadfeeder;

/// The content of tests/fixtures/<name>; throws (failing the test) when it is missing.
inline std::string fixture(std::string const& name) {
  std::ifstream in(std::string(LEADFEEDER_FIXTURE_DIR) + "/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A client over a scripted transport with api_key "KEY"; `script` keeps a handle on the same
/// script and record.
struct scripted_client {
  lf::testing::scripted_transport script;
  lf::client<lf::testing::scripted_transport> client;

  explicit scripted_client(lf::client_options options = default_options())
      : script(), client(script, std::move(options)) {}

  static lf::client_options default_options() {
    lf::client_options o;
    o.api_key = "KEY";
    return o;
  }
};

/// Sends `builder` through a fresh scripted client (api_key "KEY" unless `options` says otherwise)
/// that answers 200 with an empty list, and returns the request the transport saw.
template <class Builder>
lf::testing::recorded_request request_of(Builder const& builder,
                                         lf::client_options options = scripted_client::default_options()) {
  scripted_client t(std::move(options));
  t.script.respond(200, R"({"data":[],"meta":{"request_id":"r-1"}})");
  auto r = t.client.send(builder);
  REQUIRE(r);
  REQUIRE(t.script.requests().size() == 1);
  return t.script.last();
}

/// Sends `builder` and expects it to be refused before anything reaches the transport; the error.
template <class Builder>
lf::error refusal_of(Builder const& builder) {
  scripted_client t;
  t.script.respond(200, R"({"data":[]})");
  auto r = t.client.send(builder);
  REQUIRE_FALSE(r);
  CHECK(r.error().http_status == 0);
  CHECK(t.script.requests().empty());
  return r.error();
}

/// As refusal_of, for a refused parameter: checks errc::invalid_argument; the message.
template <class Builder>
std::string refusal_message_of(Builder const& builder) {
  lf::error const e = refusal_of(builder);
  CHECK(e.code == lf::errc::invalid_argument);
  return e.message;
}

/// A JSON value from text, to compare bodies regardless of key order.
inline boost::json::value json(std::string_view text) { return boost::json::parse(text); }

}  // namespace test_support
