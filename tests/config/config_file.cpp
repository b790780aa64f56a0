// SPDX-License-Identifier: MIT
// LEADFEEDER_CONFIG_FILE is read first and its macros take effect: a lower JSON depth limit, and
// exceptions declared off (which moves the symbols to another inline namespace).
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <cstdio>
#include <type_traits>
#include <utility>

namespace lf = leadfeeder;

template <class T, class = void>
struct has_value_member : std::false_type {};
template <class T>
struct has_value_member<T, std::void_t<decltype(std::declval<T&>().value())>> : std::true_type {};

static_assert(LEADFEEDER_MAX_JSON_DEPTH == 4, "the config file was not read");
static_assert(LEADFEEDER_HAS_EXCEPTIONS == 0, "the config file was not read");
static_assert(!has_value_member<lf::result<int>>::value, "result::value() exists without exceptions");
static_assert(std::is_same_v<lf::client_options, lf::v0_noexcept::client_options>,
              "without exceptions the symbols live in leadfeeder::v0_noexcept");

int main() {
  lf::testing::scripted_transport script;
  // Depth 4: {data: [ {attributes: {...}} ]} is object, array, object, object.
  script.respond(200, R"({"data":[{"attributes":{"first_name":"Ada"}}]})");
  script.respond(200, R"({"data":[{"attributes":{"position":{"title":"CTO"}}}]})");
  lf::client<lf::testing::scripted_transport> client{script};
  auto shallow = client.send(lf::contacts::retrieve().account_id("1").ids({"2"}));
  auto deep = client.send(lf::contacts::retrieve().account_id("1").ids({"2"}));
  bool const ok = shallow && shallow->data().front().first_name() == "Ada" && !deep &&
                  deep.error().code == lf::errc::invalid_response;
  std::printf("config file: depth 4 body %s, depth 5 body %s -> %s\n", shallow ? "accepted" : "refused",
              deep ? "accepted" : "refused", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
