// Helpers shared by the unit tests: fixtures from tests/fixtures and a scripted client.
#pragma once

#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

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

}  // namespace test_support
