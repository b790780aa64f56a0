// SPDX-License-Identifier: MIT
// The tape's own edge cases: strings with escapes (leading, long, split by the parser's scratch
// buffer), a body that ends in a string, repeated keys, the depth and size limits, integer ids,
// and that what views read points into the body. A randomized round trip compares every document
// with Boost.JSON's own DOM of the same text.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lf = leadfeeder;

namespace {

lf::result<lf::document> index(std::string text, lf::memory_block lent = {}) {
  return lf::document::parse(std::move(text), lent);
}

bool inside(std::string_view part, std::string_view whole) {
  auto const p = reinterpret_cast<std::uintptr_t>(part.data());
  auto const b = reinterpret_cast<std::uintptr_t>(whole.data());
  return p >= b && p + part.size() <= b + whole.size();
}

std::string nested(int levels) {
  return std::string(static_cast<std::size_t>(levels), '[') + std::string(static_cast<std::size_t>(levels), ']');
}

}  // namespace

TEST_CASE("tape: a string without escapes is a view into the body, also after the result moves") {
  test_support::scripted_client t;
  t.script.respond(
      200, R"({"data":[{"type":"contact","id":"7","attributes":{"first_name":"Ada","last_name":"Lovelace"}}]})");
  auto r = t.client.send(lf::contacts::retrieve().account_id("1").ids({"7"}));
  REQUIRE(r);
  std::string_view const first = r->data().front().first_name();
  CHECK(first == "Ada");
  CHECK(inside(first, r->body()));
  auto moved = std::move(r);
  REQUIRE(moved);
  CHECK(moved->data().front().first_name().data() == first.data());
  CHECK(inside(moved->data().front().last_name(), moved->body()));
}

TEST_CASE("tape: an integer id reads as the digits in the body") {
  auto doc = index(R"({"data":{"type":"company","id":129011,"attributes":{"employee_count":250}}})");
  REQUIRE(doc);
  lf::company_view c(lf::detail::member(doc->root(), "data"));
  CHECK(c.id() == "129011");
  CHECK(c.has_id());
  CHECK(inside(c.id(), doc->body()));
  CHECK(c.employee_count() == 250);  // other integers stay numbers
  // A negative or huge integer id too; a float id is not an id.
  auto big = index(R"({"id":18446744073709551615,"x":{"id":-5},"y":{"id":1.5}})");
  REQUIRE(big);
  CHECK(lf::detail::as_string(lf::detail::member(big->root(), "id")) == "18446744073709551615");
  CHECK(big->json()["x"]["id"].as_string() == "-5");
  CHECK(big->json()["y"]["id"].as_string().empty());
}

TEST_CASE("tape: strings with escapes are unescaped into the side area") {
  auto doc = index(
      R"({"lead":"\nstarts with an escape","mid":"a\"b\\c\/d","key\u00e9":"\u00e9\ud83d\ude00","e":"","\u0069d":42})");
  REQUIRE(doc);
  lf::json_view const root = doc->json();
  CHECK(root["lead"].as_string() == "\nstarts with an escape");
  CHECK(root["mid"].as_string() == "a\"b\\c/d");
  CHECK(root["key\xc3\xa9"].as_string() == "\xc3\xa9\xf0\x9f\x98\x80");
  CHECK(root["e"].is_string());
  CHECK(root["e"].as_string().empty());
  CHECK(root["id"].as_string() == "42");  // an escaped key still names the id
  CHECK_FALSE(inside(root["lead"].as_string(), doc->body()));
  CHECK(root.size() == 5);
}

TEST_CASE("tape: strings longer than the parser's scratch buffer, escapes anywhere") {
  std::string expected;
  std::string json = "{\"s\":\"";
  for (int i = 0; i < 30000; ++i) {
    char const c = static_cast<char>('a' + i % 26);
    if (i % 997 == 0) {
      json += "\\t";
      expected += '\t';
    } else if (i % 1499 == 0) {
      json += "\\u00e9";
      expected += "\xc3\xa9";
    } else {
      json += c;
      expected += c;
    }
  }
  json += "\",\"plain\":\"" + std::string(20000, 'p') + "\",\"lead\":\"\\\"" + std::string(9000, 'q') + "\"}";
  auto doc = index(json);
  REQUIRE(doc);
  CHECK(doc->json()["s"].as_string() == expected);
  std::string_view const plain = doc->json()["plain"].as_string();
  CHECK(plain == std::string(20000, 'p'));
  CHECK(inside(plain, doc->body()));
  CHECK(doc->json()["lead"].as_string() == "\"" + std::string(9000, 'q'));
}

TEST_CASE("tape: many short strings and keys with escapes, while the tape grows and in lent memory") {
  // Denser than the first block is sized for (a node per few bytes), so a heap tape grows while
  // side strings are written; each shape: a run before the escape, a leading escape, only escapes.
  std::string json = "{";
  std::vector<std::pair<std::string, std::string>> expected;
  for (int i = 0; i < 3000; ++i) {
    std::string const n = std::to_string(i);
    switch (i % 3) {
      case 0:
        json += "\"k" + n + "\\n\":\"v" + n + "\\t\",";
        expected.emplace_back("k" + n + "\n", "v" + n + "\t");
        break;
      case 1:
        json += "\"\\u00e9" + n + "\":\"\\\"" + n + "\",";
        expected.emplace_back("\xc3\xa9" + n, "\"" + n);
        break;
      default:
        json += "\"\\/" + n + "\":\"\\r\\n\",";
        expected.emplace_back("/" + n, "\r\n");
        break;
    }
  }
  json += "\"end\":\"\\u0041\"}";
  auto check = [&](lf::document const& doc) {
    lf::json_view const root = doc.json();
    REQUIRE(root.size() == expected.size() + 1);
    for (auto const& [key, value] : expected) {
      CHECK(root[key].as_string() == value);
      CHECK_FALSE(inside(root[key].as_string(), doc.body()));
    }
    CHECK(root["end"].as_string() == "A");
  };
  auto heap = index(json);
  REQUIRE(heap);
  CHECK(heap->node_count() * 10 > json.size());  // denser than the first block's node per 10 bytes
  check(*heap);
  std::vector<unsigned char> lent(heap->tape_bytes() + 4096);
  auto in_lent = index(json, lf::memory_block{lent.data(), lent.size()});
  REQUIRE(in_lent);
  check(*in_lent);
  std::vector<unsigned char> small(json.size());  // (in_lent still holds `lent`)
  auto too_small = index(json, lf::memory_block{small.data(), small.size()});
  REQUIRE_FALSE(too_small);
  CHECK(too_small.error().code == lf::errc::buffer_exhausted);
}

TEST_CASE("tape: a body that is, or ends in, a bare string or number") {
  auto s = index(R"("the whole body")");
  REQUIRE(s);
  CHECK(s->json().as_string() == "the whole body");
  CHECK(inside(s->json().as_string(), s->body()));
  auto e = index(R"("ends in an escape\n")");
  REQUIRE(e);
  CHECK(e->json().as_string() == "ends in an escape\n");
  auto n = index("  -1234567  ");
  REQUIRE(n);
  CHECK(n->json().as_integer() == -1234567);
  auto d = index("2.5e3");
  REQUIRE(d);
  CHECK(d->json().as_number() == 2500.0);
  auto blank = index(" \n\t ");
  REQUIRE(blank);
  CHECK(blank->root() == nullptr);
  CHECK_FALSE(blank->json().exists());
}

TEST_CASE("tape: when a key repeats, the first one counts (views, maps and the DOM conversion alike)") {
  auto doc = index(R"({"k":1,"k":2,"m":{"a":"x","a":"y"}})");
  REQUIRE(doc);
  CHECK(doc->json()["k"].as_integer() == 1);
  CHECK(doc->json().size() == 3);  // members as sent
  lf::map_view<lf::json_view> const m(lf::detail::member(doc->root(), "m"));
  CHECK(m["a"].as_string() == "x");
  boost::json::value const dom = lf::to_boost_json(doc->json());
  CHECK(dom.at("k").as_int64() == 1);
  CHECK(dom.at("m").at("a").as_string() == "x");
}

TEST_CASE("tape: a member looked up by a literal finds what a run-time key finds") {
  // Views look members up by string literals (a constant length); json_view by any string.
  auto doc = index(R"({"":0,"a":1,"ab":2,"ac":3,"abc":4,"id":5,"ids":6,"ab":7,"x\u0041":8,"nul":null})");
  REQUIRE(doc);
  lf::detail::json_node const* const root = doc->root();
  auto same = [&](auto const& literal) {
    std::string const runtime(literal);
    lf::detail::json_node const* const by_literal = lf::detail::find_member(root, literal);
    CHECK(by_literal == lf::detail::find_member(root, std::string_view(runtime)));
    return by_literal;
  };
  CHECK(lf::detail::as_integer(same("")) == 0);
  CHECK(lf::detail::as_integer(same("a")) == 1);
  CHECK(lf::detail::as_integer(same("ab")) == 2);  // the first of two
  CHECK(lf::detail::as_integer(same("ac")) == 3);
  CHECK(lf::detail::as_integer(same("abc")) == 4);
  CHECK(lf::detail::as_string(same("id")) == "5");  // an integer id reads as its digits
  CHECK(lf::detail::as_integer(same("ids")) == 6);
  CHECK(lf::detail::as_integer(same("xA")) == 8);  // a key with an escape, in the side area
  CHECK(same("b") == nullptr);
  CHECK(same("abcd") == nullptr);
  CHECK(same("nul") != nullptr);
  CHECK(lf::detail::member(root, "nul") == nullptr);  // null counts as absent
  CHECK(lf::detail::member(root, "abc") == lf::detail::member(root, std::string_view("abc")));
  CHECK(lf::detail::find_member(lf::detail::find_member(root, "a"), "a") == nullptr);  // not an object
}

TEST_CASE("tape: nesting up to LEADFEEDER_MAX_JSON_DEPTH is read, deeper is invalid_response") {
  auto ok = index(nested(LEADFEEDER_MAX_JSON_DEPTH));
  REQUIRE(ok);
  lf::json_view v = ok->json();
  for (int i = 1; i < LEADFEEDER_MAX_JSON_DEPTH; ++i) v = v[std::size_t{0}];
  CHECK(v.is_array());
  CHECK(v.size() == 0);
  auto deep = index(nested(LEADFEEDER_MAX_JSON_DEPTH + 1));
  REQUIRE_FALSE(deep);
  CHECK(deep.error().code == lf::errc::invalid_response);
  CHECK(deep.error().message.find("deeper") != std::string::npos);
}

TEST_CASE("tape: numbers beyond 64 bits, invalid UTF-8 and lone surrogates") {
  auto big = index(R"({"n":123456789012345678901234567890,"u":18446744073709551615,"i":-9223372036854775808})");
  REQUIRE(big);
  CHECK(big->json()["n"].is_number());
  CHECK_FALSE(big->json()["n"].is_integer());  // a rounded double, not an exact integer
  CHECK_FALSE(big->json()["u"].is_integer());  // above INT64_MAX
  CHECK(big->json()["u"].as_number() == 18446744073709551615.0);
  CHECK(big->json()["i"].as_integer() == INT64_MIN);
  for (char const* bad : {"{\"s\":\"\xff\"}", "{\"s\":\"\xc3\"}", R"({"s":"\ud800"})", R"({"s":"\udc00x"})",
                          R"({"a":1} x)", R"({"a":)", "{\"a\":\"unterminated"}) {
    CAPTURE(bad);
    auto r = index(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == lf::errc::invalid_response);
  }
}

TEST_CASE("tape: lent memory holds the tape and the side strings; too small is buffer_exhausted") {
  std::string const text = R"({"data":[{"id":1,"name":"caf\u00e9"},{"id":2,"name":"plain"}]})";
  std::vector<unsigned char> lent(4096);
  auto doc = index(text, {lent.data(), lent.size()});
  REQUIRE(doc);
  auto const lo = reinterpret_cast<std::uintptr_t>(lent.data());
  auto const at = [&](void const* p) { return reinterpret_cast<std::uintptr_t>(p) - lo < lent.size(); };
  CHECK(at(doc->root()));
  std::string_view const escaped = doc->json()["data"][std::size_t{0}]["name"].as_string();
  CHECK(escaped == "caf\xc3\xa9");
  CHECK(at(escaped.data()));
  CHECK(inside(doc->json()["data"][std::size_t{1}]["name"].as_string(), doc->body()));
  std::vector<unsigned char> small(200);
  auto refused = index(text, {small.data(), small.size()});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == lf::errc::buffer_exhausted);
}

TEST_CASE("tape: random documents read the same as Boost.JSON's DOM of the same text") {
  std::mt19937 rng(20261202);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::vector<std::string> const pieces = {"a",        "\\\"",         "\\\\", "\\n", "\\u00e9",     "\\ud83d\\ude00",
                                           "\xc3\xa9", "\xe2\x82\xac", "\\/",  " ",   "longer text "};
  std::function<std::string(int)> value = [&](int depth) -> std::string {
    int const k = depth > 5 ? pick(6) : pick(8);
    switch (k) {
      case 0: return "null";
      case 1: return pick(2) ? "true" : "false";
      case 2: return std::to_string(static_cast<std::int64_t>(rng()) - 2147483648LL);
      case 3:
        return std::to_string(pick(1000)) + "." + std::to_string(pick(1000)) + "e" + std::to_string(pick(20) - 10);
      case 4:
      case 5: {
        std::string s = "\"";
        int const n = pick(3) == 0 ? pick(400) : pick(6);
        for (int i = 0; i < n; ++i) s += pieces[static_cast<std::size_t>(pick(static_cast<int>(pieces.size())))];
        return s + "\"";
      }
      case 6: {
        std::string s = "[";
        int const n = pick(5);
        for (int i = 0; i < n; ++i) s += (i ? "," : "") + value(depth + 1);
        return s + "]";
      }
      default: {
        std::string s = "{";
        int const n = pick(5);
        for (int i = 0; i < n; ++i)
          s += std::string(i ? "," : "") + "\"k" + std::to_string(i) + (pick(4) ? "" : "\\t") +
               "\":" + value(depth + 1);
        return s + "}";
      }
    }
  };
  int compared = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string const text = "{\"v\":" + value(0) + "}";
    CAPTURE(text);
    auto doc = index(text);
    REQUIRE(doc);
    boost::json::value const expected = boost::json::parse(text);
    boost::json::value const got = lf::to_boost_json(doc->json());
    CHECK(boost::json::serialize(got) == boost::json::serialize(expected));
    ++compared;
  }
  CHECK(compared == 2000);
}

TEST_CASE("document size limits: a string of 256 MiB and a body of 2 GiB are refused cleanly") {
  std::string huge_string = "{\"s\":\"";
  huge_string.append(lf::max_string_size + 1, 'a');
  huge_string += "\"}";
  auto s = index(std::move(huge_string));
  REQUIRE_FALSE(s);
  CHECK(s.error().code == lf::errc::invalid_response);
  CHECK(s.error().message.find("256 MiB") != std::string::npos);

  std::string huge_body(lf::max_body_size + 1, ' ');
  auto b = index(std::move(huge_body));
  REQUIRE_FALSE(b);
  CHECK(b.error().code == lf::errc::invalid_response);
  CHECK(b.error().message.find("2 GiB") != std::string::npos);
}

TEST_CASE("tape: a key takes one word; a key too long for that is a long key, found all the same") {
  // Short keys (one word) and long keys (two words: longer than 4095 bytes, or with escapes) in
  // one object, and an object of short keys only inside it.
  std::string const long_key(5000, 'k');
  std::string const json = R"({"a":1,")" + long_key + R"(":2,"\u0069d":3,"b":{"c":"d"},"id":4})";
  auto doc = index(json);
  REQUIRE(doc);
  lf::json_view const root = doc->json();
  CHECK(root.size() == 5);
  CHECK(root["a"].as_integer() == 1);
  CHECK(root[long_key].as_integer() == 2);
  CHECK(root[long_key.substr(1)].exists() == false);
  CHECK(root["b"]["c"].as_string() == "d");
  CHECK(root["id"].as_string() == "3");  // the first "id" (escaped, a long key), as its digits
  std::vector<std::string_view> keys;
  for (auto const& [key, value] : lf::map_view<lf::json_view>(doc->root())) {
    keys.push_back(key);
    CHECK(value.exists());
  }
  REQUIRE(keys.size() == 5);
  CHECK(keys[1] == long_key);
  CHECK(inside(keys[1], doc->body()));  // a long key in the body still points into it
  CHECK(keys[2] == "id");
  CHECK_FALSE(inside(keys[2], doc->body()));
  boost::json::value const dom = lf::to_boost_json(doc->json());
  CHECK(dom.at(long_key).as_int64() == 2);
  CHECK(dom.at("b").at("c").as_string() == "d");

  // 13 nodes: 7 values of two words (the root, 1, 2, "3", b, "d", "4"), 2 long keys of two words,
  // 4 short keys of one ("a", "b", "c", "id").
  CHECK(doc->node_count() == 13);
  auto small = index(R"({"a":1})");
  REQUIRE(small);
  CHECK(small->node_count() == 3);
  std::vector<unsigned char> exact(sizeof(lf::detail::json_node) * 5 + 256);  // 5 words, plus bookkeeping
  auto lent = index(R"({"a":1})", lf::memory_block{exact.data(), exact.size()});
  REQUIRE(lent);
  CHECK(lent->json()["a"].as_integer() == 1);
}

TEST_CASE("tape: a heap tape that grows while containers at several depths are open") {
  // Each level holds dense numbers (a value per two or three bytes, denser than the first block
  // is sized for) before and after its child, so the block moves while every level is open; the
  // containers' ends, written when they close, must land in the moved block.
  std::function<std::string(int)> level = [&](int depth) -> std::string {
    std::string s = "{\"before\":[";
    for (int i = 0; i < 300; ++i) s += (i ? "," : "") + std::to_string(i % 10);
    s += "],\"child\":";
    s += depth < 12 ? "[" + level(depth + 1) + "]" : std::string("null");
    s += ",\"after\":\"level " + std::to_string(depth) + "\"}";
    return s;
  };
  std::string const text = level(0);
  auto doc = index(text);
  REQUIRE(doc);
  CHECK(doc->tape_bytes() > 2 * text.size());  // grew: the first block is about 1.4 times the body
  CHECK(boost::json::serialize(lf::to_boost_json(doc->json())) == boost::json::serialize(boost::json::parse(text)));
  lf::json_view v = doc->json();
  for (int depth = 0; depth <= 12; ++depth) {
    CAPTURE(depth);
    REQUIRE(v.is_object());
    CHECK(v["before"].size() == 300);
    CHECK(v["after"].as_string() == "level " + std::to_string(depth));
    if (depth < 12) v = v["child"][std::size_t{0}];
  }
}
