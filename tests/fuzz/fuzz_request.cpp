// SPDX-License-Identifier: MIT
// libFuzzer harness: the input is split (FuzzedDataProvider) into the parameter values of several
// builders: path ids, query values, body strings, lists, numbers, dates and caller-built JSON.
// Whatever is sent must have a URL of printable ASCII (no CR, LF, space or control character)
// whose query values and path ids are percent-encoded outside the unreserved set and decode back to
// exactly what was given, and a body that parses back as JSON holding exactly what was given. A
// parameter the rules refuse must give errc::invalid_argument with nothing sent, and a parameter
// they allow must be sent.
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/boost_json.hpp>
#include <leadfeeder/leadfeeder.hpp>

#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <fuzzer/FuzzedDataProvider.h>

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace {

namespace lf = leadfeeder;
using transport = lf::testing::scripted_transport;

char const* g_builder = "";

[[noreturn]] void fail(char const* what) {
  std::fprintf(stderr, "fuzz_request (%s): %s\n", g_builder, what);
  std::abort();
}

// ---- independent rules (not the library's code) -----------------------------------------------

// CR, LF and NUL: what a path or query value must not hold (a transport may pass C strings).
bool has_line_break(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto const c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // the sequence runs past the end
    for (std::size_t k = 1; k <= n; ++k) {
      auto const cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr std::uint32_t least[] = {0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

bool unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;  // lower case is not what the library writes
}

// Decodes a percent-encoded piece; fails on anything that is neither unreserved nor %XX.
std::string decode_piece(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (unreserved(s[i])) {
      out.push_back(s[i]);
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
      i += 2;
    } else {
      fail("a URL piece holds a byte that is neither unreserved nor percent-encoded");
    }
  }
  return out;
}

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int const y = std::stoi(std::string(s.substr(0, 4)));
  int const m = std::stoi(std::string(s.substr(5, 2)));
  int const d = std::stoi(std::string(s.substr(8, 2)));
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool const leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

// ---- the URL -----------------------------------------------------------------------------------

constexpr std::string_view base = "https://api.leadfeeder.com";

struct url_parts {
  std::vector<std::string> segments;                       // raw, after the base
  std::vector<std::pair<std::string, std::string>> query;  // raw name, raw value
};

url_parts split_url(std::string_view url, bool typed) {
  for (char c : url) {
    auto const u = static_cast<unsigned char>(c);
    if (c == '\r' || c == '\n') fail("CR or LF in the URL");
    if (u <= 0x20 || u == 0x7F) fail("a space or control character in the URL");
    if (typed && u >= 0x80) fail("a byte above 0x7F in the URL of a typed builder");
    if (c == '#') fail("a fragment in the URL");
  }
  if (url.substr(0, base.size()) != base) fail("the URL does not start with the base URL");
  url.remove_prefix(base.size());
  url_parts parts;
  std::size_t const q = url.find('?');
  std::string_view path = url.substr(0, q);
  if (path.empty() || path[0] != '/') fail("the path does not start with '/'");
  path.remove_prefix(1);
  for (;;) {
    std::size_t const slash = path.find('/');
    parts.segments.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  if (q != std::string_view::npos) {
    std::string_view query = url.substr(q + 1);
    for (;;) {
      std::size_t const amp = query.find('&');
      std::string_view const pair = query.substr(0, amp);
      std::size_t const eq = pair.find('=');
      if (eq == std::string_view::npos) fail("a query pair without '='");
      parts.query.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  return parts;
}

// The one value of query parameter `name`, decoded; nullopt when absent.
std::optional<std::string> query_value(url_parts const& parts, std::string_view name) {
  std::optional<std::string> found;
  for (auto const& [raw_name, raw_value] : parts.query) {
    if (decode_piece(raw_name) != name) continue;
    if (found) fail("a query parameter appears twice");
    found = decode_piece(raw_value);
  }
  return found;
}

// The values of a comma-separated list parameter, each decoded.
std::vector<std::string> query_list(url_parts const& parts, std::string_view name) {
  for (auto const& [raw_name, raw_value] : parts.query) {
    if (decode_piece(raw_name) != name) continue;
    std::vector<std::string> out;
    std::string_view v = raw_value;
    for (;;) {
      std::size_t const comma = v.find(',');
      out.push_back(decode_piece(v.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      v.remove_prefix(comma + 1);
    }
    return out;
  }
  return {};
}

void expect_query(url_parts const& parts, std::string_view name, std::string_view value) {
  std::optional<std::string> const got = query_value(parts, name);
  if (!got || *got != value) fail("a query value does not decode to what was given");
}

void expect_segment(url_parts const& parts, std::size_t index, std::string_view value) {
  if (index >= parts.segments.size()) fail("a path segment is missing");
  std::string const got = decode_piece(parts.segments[index]);
  if (got != value) fail("a path id does not decode to what was given");
}

// ---- the body ----------------------------------------------------------------------------------

// The body parsed back, with the same depth limit the library's own parser has: what the client
// sends, it could read back.
boost::json::value parse_body(std::string_view body) {
  boost::json::parse_options options;
  options.max_depth = LEADFEEDER_MAX_JSON_DEPTH;
  boost::json::parser parser(boost::json::storage_ptr(), options);
  std::error_code ec;
  parser.write(body.data(), body.size(), ec);
  if (ec) fail("the body does not parse back as JSON");
  boost::json::value v = parser.release();
  if (!v.is_object()) fail("the body is not a JSON object");
  for (char c : body) {
    if (static_cast<unsigned char>(c) < 0x20) fail("a raw control character in the body");
  }
  return v;
}

boost::json::value const* at(boost::json::value const& v, std::initializer_list<std::string_view> path) {
  boost::json::value const* p = &v;
  for (std::string_view key : path) {
    boost::json::object const* o = p->if_object();
    if (o == nullptr) return nullptr;
    p = o->if_contains(boost::json::string_view(key.data(), key.size()));
    if (p == nullptr) return nullptr;
  }
  return p;
}

void expect_string(boost::json::value const* v, std::string_view value) {
  if (v == nullptr || !v->is_string()) fail("a body string is missing");
  if (std::string_view(v->get_string().data(), v->get_string().size()) != value) {
    fail("a body string does not read back as what was given");
  }
}

void expect_strings(boost::json::value const* v, std::vector<std::string> const& values) {
  if (values.empty()) {
    if (v != nullptr) fail("an empty list was sent");
    return;
  }
  if (v == nullptr || !v->is_array() || v->get_array().size() != values.size()) fail("a body list is missing");
  for (std::size_t i = 0; i < values.size(); ++i) expect_string(&v->get_array()[i], values[i]);
}

// Doubles: Boost.JSON 1.81 parses a double to within an ULP or two, not always exactly (about a
// quarter of random doubles written shortest do not read back bit for bit), so a number read back
// from a body is compared as text where it can be, and otherwise within a few ULPs.
bool close_doubles(double a, double b) {
  if (a == b) return true;
  double x = a;
  for (int i = 0; i < 4; ++i) {
    x = std::nextafter(x, b);
    if (x == b) return true;
  }
  return false;
}

// Equal JSON, up to the parser's ULPs and to integers that changed kind (5 sent as uint64 reads back
// as int64).
bool same_json(boost::json::value const& a, boost::json::value const& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_double() || b.is_double())
      return a.is_double() && b.is_double() && close_doubles(a.get_double(), b.get_double());
    return a == b;
  }
  if (a.kind() != b.kind()) return false;
  if (a.is_array()) {
    auto const& x = a.get_array();
    auto const& y = b.get_array();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!same_json(x[i], y[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    auto const& x = a.get_object();
    auto const& y = b.get_object();
    if (x.size() != y.size()) return false;
    for (auto const& m : x) {
      boost::json::value const* other = y.if_contains(m.key());
      if (other == nullptr || !same_json(m.value(), *other)) return false;
    }
    return true;
  }
  return a == b;
}

// The text a finite double is written as (shortest round trip).
std::string shortest(double d) {
  char digits[64];
  std::to_chars_result const r = std::to_chars(digits, digits + sizeof digits, d);
  return std::string(digits, r.ptr);
}

// ---- the inputs --------------------------------------------------------------------------------

// A string: mostly fuzzed bytes, sometimes one of the values that matter to the rules.
std::string text(FuzzedDataProvider& in, std::size_t max_length = 48) {
  static char const* const special[] = {
      "",
      ".",
      "..",
      "...",
      "\r",
      "\n",
      "a\r\nHost: x",
      "%",
      "%25",
      "/",
      "../x",
      "?",
      "#",
      "&",
      "=",
      ",",
      " ",
      "+",
      "\xff",
      "\xc3",
      "\xed\xa0\x80",
      "\xf4\x90\x80\x80",
      "\xc3\xa9",
      "\xf0\x9f\x98\x80",
      "\"",
      "\\",
      "\x01",
      "\x7f",
      "2024-02-29",
      "2023-02-29",
      "2024-13-01",
      "2024-1-01",
      "0000-01-01",
  };
  std::uint8_t const pick = in.ConsumeIntegral<std::uint8_t>();
  if (pick < sizeof special / sizeof special[0]) return special[pick];
  return in.ConsumeRandomLengthString(max_length);
}

std::vector<std::string> texts(FuzzedDataProvider& in, std::size_t max_count) {
  std::size_t const n = in.ConsumeIntegralInRange<std::size_t>(0, max_count);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n && in.remaining_bytes() > 0; ++i) out.push_back(text(in, 16));
  return out;
}

std::int64_t integer(FuzzedDataProvider& in) {
  static constexpr std::int64_t special[] = {0, 1, -1, 100, 101, 1000000, 1000001, INT64_MIN, INT64_MAX};
  std::uint8_t const pick = in.ConsumeIntegral<std::uint8_t>();
  if (pick < sizeof special / sizeof special[0]) return special[pick];
  return in.ConsumeIntegral<std::int64_t>();
}

double number(FuzzedDataProvider& in) {
  std::uint64_t const bits = in.ConsumeIntegral<std::uint64_t>();
  double d = 0;
  std::memcpy(&d, &bits, sizeof d);
  return d;  // NaNs and infinities included
}

// Caller-built JSON for extra_fields: any kind, keys and strings of raw bytes, doubles of any bits.
boost::json::value json_value(FuzzedDataProvider& in, int depth, int& budget) {
  if (--budget <= 0 || in.remaining_bytes() == 0) return nullptr;
  std::uint8_t const kind = in.ConsumeIntegralInRange<std::uint8_t>(0, depth < 80 ? 8 : 5);
  switch (kind) {
    case 0: return nullptr;
    case 1: return in.ConsumeBool();
    case 2: return in.ConsumeIntegral<std::int64_t>();
    case 3: return in.ConsumeIntegral<std::uint64_t>();
    case 4: return number(in);
    case 5: return boost::json::string(text(in, 16));
    case 6:
    case 7: {  // an array; deep nests of one element reach the depth limit cheaply
      boost::json::array a;
      std::size_t const n = kind == 7 ? 1 : in.ConsumeIntegralInRange<std::size_t>(0, 4);
      for (std::size_t i = 0; i < n; ++i) a.push_back(json_value(in, depth + 1, budget));
      return a;
    }
    default: {
      boost::json::object o;
      std::size_t const n = in.ConsumeIntegralInRange<std::size_t>(0, 4);
      for (std::size_t i = 0; i < n; ++i) {
        std::string const key = text(in, 12);
        o[key] = json_value(in, depth + 1, budget);
      }
      return o;
    }
  }
}

// Why caller-built JSON cannot be sent, by the rules: text that is not UTF-8, a NaN or infinity.
// Also measures its nesting (containers, itself included).
bool json_sendable(boost::json::value const& v, int depth, int& deepest) {
  if (depth > deepest) deepest = depth;
  switch (v.kind()) {
    case boost::json::kind::string: return valid_utf8(std::string_view(v.get_string().data(), v.get_string().size()));
    case boost::json::kind::double_: return std::isfinite(v.get_double());
    case boost::json::kind::array: {
      bool ok = true;
      for (auto const& e : v.get_array()) ok = json_sendable(e, depth + 1, deepest) && ok;
      if (v.get_array().empty() && depth + 1 > deepest) deepest = depth + 1;
      return ok;
    }
    case boost::json::kind::object: {
      bool ok = true;
      for (auto const& m : v.get_object()) {
        ok = valid_utf8(std::string_view(m.key().data(), m.key().size())) && ok;
        ok = json_sendable(m.value(), depth + 1, deepest) && ok;
      }
      if (v.get_object().empty() && depth + 1 > deepest) deepest = depth + 1;
      return ok;
    }
    default: return true;
  }
}

// ---- one send ----------------------------------------------------------------------------------

struct outcome {
  bool sent = false;
  lf::testing::recorded_request request;
};

// Sends `builder`; a refusal must be invalid_argument with nothing sent.
template <class Builder>
outcome send(Builder const& builder) {
  transport script;
  lf::client_options options;
  options.api_key = "KEY";
  lf::client<transport> client(script, std::move(options));
  script.respond(200, R"({"data":[]})");
  auto const r = client.send(builder);
  outcome o;
  o.sent = !script.requests().empty();
  if (!o.sent) {
    if (r) fail("a value although nothing was sent");
    if (r.error().code != lf::errc::invalid_argument) fail("a refusal that is not invalid_argument");
    if (r.error().http_status != 0) fail("a refusal with an HTTP status");
    if (r.error().message.find(Builder::operation_id) == std::string::npos)
      fail("a refusal that does not name the operation");
    return o;
  }
  if (script.requests().size() != 1) fail("more than one request");
  if (!r) fail("a sent request did not decode its answer");
  o.request = script.last();
  for (auto const& h : o.request.headers) {
    if (has_line_break(h.first) || has_line_break(h.second)) fail("CR or LF in a request header");
  }
  return o;
}

void expect(bool refused, outcome const& o) {
  if (refused && o.sent) fail("a value the rules refuse was sent");
  if (!refused && !o.sent) fail("a value the rules allow was refused");
}

bool bad_path_id(std::string_view v) { return v.empty() || v == "." || v == ".." || has_line_break(v); }
bool bad_required_query(std::string_view v) { return v.empty() || has_line_break(v); }
bool bad_optional_query(std::string_view v) { return has_line_break(v); }
bool bad_list(std::vector<std::string> const& values, std::size_t max_count, bool required) {
  if (values.empty()) return required;
  if (values.size() > max_count) return true;
  for (auto const& v : values) {
    if (v.empty() || has_line_break(v)) return true;
  }
  return false;
}
bool bad_body_strings(std::vector<std::string> const& values) {
  for (auto const& v : values) {
    if (!valid_utf8(v)) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  switch (in.ConsumeIntegralInRange<int>(0, 9)) {
    case 0: {
      g_builder = "contacts.get";
      std::string const id = text(in), account = text(in);
      outcome const o = send(lf::contacts::get().contact_id(id).account_id(account));
      expect(bad_path_id(id) || bad_required_query(account), o);
      if (!o.sent) break;
      url_parts const u = split_url(o.request.url, true);
      if (u.segments.size() != 3) fail("contacts.get: the path has the wrong number of segments");
      expect_segment(u, 2, id);
      expect_query(u, "account_id", account);
      if (!o.request.body.empty()) fail("contacts.get: a body");
      break;
    }
    case 1: {
      g_builder = "contacts.retrieve";
      std::vector<std::string> const ids = texts(in, in.ConsumeBool() ? 4 : 110);
      std::string const account = text(in);
      outcome const o = send(lf::contacts::retrieve().account_id(account).ids(ids));
      expect(bad_list(ids, 100, true) || bad_required_query(account), o);
      if (!o.sent) break;
      url_parts const u = split_url(o.request.url, true);
      if (query_list(u, "ids") != ids) fail("contacts.retrieve: ids do not decode to what was given");
      expect_query(u, "account_id", account);
      break;
    }
    case 2: {
      g_builder = "contacts.search";
      std::string const account = text(in), cursor = text(in), affiliation = text(in);
      std::int64_t const page_size = integer(in);
      std::vector<std::string> const terms = texts(in, 4), emails = texts(in, 3);
      outcome const o = send(lf::contacts::search()
                                 .account_id(account)
                                 .page_cursor(cursor)
                                 .page_size(page_size)
                                 .search_terms(terms)
                                 .emails(emails)
                                 .affiliation(affiliation));
      expect(bad_required_query(account) || bad_optional_query(cursor) || page_size < 1 || page_size > 100 ||
                 bad_body_strings(terms) || bad_body_strings(emails) || !valid_utf8(affiliation),
             o);
      if (!o.sent) break;
      url_parts const u = split_url(o.request.url, true);
      expect_query(u, "account_id", account);
      if (cursor.empty()) {
        if (query_value(u, "page[cursor]")) fail("contacts.search: an empty cursor was sent");
      } else {
        expect_query(u, "page[cursor]", cursor);
      }
      expect_query(u, "page[size]", std::to_string(page_size));
      boost::json::value const body = parse_body(o.request.body);
      expect_strings(at(body, {"search_terms"}), terms);
      expect_strings(at(body, {"emails"}), emails);
      expect_string(at(body, {"affiliation"}), affiliation);
      break;
    }
    case 3: {
      g_builder = "contacts.add_to_lists";
      std::string const id = text(in), account = text(in);
      std::vector<std::string> const lists = texts(in, 5);
      outcome const o = send(lf::contacts::add_to_lists().contact_id(id).account_id(account).list_ids(lists));
      bool bad_ids = lists.empty() || bad_body_strings(lists);
      for (auto const& l : lists) bad_ids = bad_ids || l.empty();
      expect(bad_path_id(id) || bad_required_query(account) || bad_ids, o);
      if (!o.sent) break;
      url_parts const u = split_url(o.request.url, true);
      if (u.segments.size() != 4 || u.segments[3] != "lists") fail("contacts.add_to_lists: wrong path");
      expect_segment(u, 2, id);
      boost::json::value const body = parse_body(o.request.body);
      boost::json::value const* d = at(body, {"data"});
      if (d == nullptr || !d->is_array() || d->get_array().size() != lists.size()) fail("add_to_lists: data");
      for (std::size_t i = 0; i < lists.size(); ++i) {
        expect_string(at(d->get_array()[i], {"id"}), lists[i]);
        expect_string(at(d->get_array()[i], {"type"}), "list");
      }
      break;
    }
    case 4: {
      g_builder = "lists.create";
      std::string const account = text(in), name = text(in);
      outcome const o = send(lf::lists::create().account_id(account).name(name).scope(
          in.ConsumeBool() ? lf::lists::scope::company : lf::lists::scope::contact));
      // The name is a required body string: an empty one is refused too.
      expect(bad_required_query(account) || !valid_utf8(name) || name.empty(), o);
      if (!o.sent) break;
      split_url(o.request.url, true);
      boost::json::value const body = parse_body(o.request.body);
      expect_string(at(body, {"data", "attributes", "name"}), name);
      expect_string(at(body, {"data", "type"}), "list");
      break;
    }
    case 5: {
      g_builder = "web_visits.search";
      std::string const account = text(in), start = text(in), end = text(in), company = text(in);
      std::vector<std::string> const countries = texts(in, 3);
      std::int64_t const page = integer(in);
      outcome const o = send(lf::web_visits::search()
                                 .account_id(account)
                                 .start_date(start)
                                 .end_date(end)
                                 .page_num(page)
                                 .filters_company_id(company)
                                 .filters_location_country_codes(countries));
      expect(bad_required_query(account) || !is_date(start) || !is_date(end) || page < 1 || page > 1000000 ||
                 !valid_utf8(company) || bad_body_strings(countries),
             o);
      if (!o.sent) break;
      url_parts const u = split_url(o.request.url, true);
      expect_query(u, "page[num]", std::to_string(page));
      boost::json::value const body = parse_body(o.request.body);
      expect_string(at(body, {"start_date"}), start);
      expect_string(at(body, {"end_date"}), end);
      expect_string(at(body, {"filters", "company_id"}), company);
      expect_strings(at(body, {"filters", "location_country_codes"}), countries);
      break;
    }
    case 6: {
      g_builder = "companies.search";
      std::vector<lf::companies::location_filter> locations(in.ConsumeIntegralInRange<std::size_t>(0, 3));
      bool bad = false;
      for (auto& l : locations) {
        l.city = text(in, 12);
        l.country_code = text(in, 4);
        if (in.ConsumeBool()) l.geo_latitude = number(in);
        if (in.ConsumeBool()) l.geo_distance = in.ConsumeFloatingPoint<double>();
        bad = bad || !valid_utf8(l.city) || !valid_utf8(l.country_code) ||
              (l.geo_latitude && !std::isfinite(*l.geo_latitude)) ||
              (l.geo_distance && !std::isfinite(*l.geo_distance));
      }
      double const revenue = number(in);
      std::vector<std::string> const terms = texts(in, 3);
      outcome const o = send(
          lf::companies::search().account_id("123456").locations(locations).revenue_min(revenue).search_terms(terms));
      expect(bad || !std::isfinite(revenue) || bad_body_strings(terms), o);
      if (!o.sent) break;
      split_url(o.request.url, true);
      boost::json::value const body = parse_body(o.request.body);
      if (at(body, {"revenue", "min"}) == nullptr) fail("companies.search: revenue.min is missing");
      if (o.request.body.find("\"min\":" + shortest(revenue)) == std::string::npos) {
        fail("companies.search: revenue.min is not written as the shortest text of the value");
      }
      expect_strings(at(body, {"search_terms"}), terms);
      break;
    }
    case 7: {
      g_builder = "companies.search_signals";
      int budget = 200;
      boost::json::value const extra = json_value(in, 0, budget);
      outcome const o =
          send(lf::companies::search_signals().account_id("123456").company_ids({"1"}).extra_fields(extra));
      int deepest = 0;
      // A key the builder has its own setter for is refused too (company_ids is set here).
      bool const own_key = extra.is_object() &&
                           (extra.as_object().contains("company_ids") || extra.as_object().contains("categories") ||
                            extra.as_object().contains("event_date") || extra.as_object().contains("publication_date"));
      bool const sendable = extra.is_object() && !own_key && json_sendable(extra, 0, deepest);
      // `extra` is the body's own object: its nesting levels (`deepest`) are the body's, and the
      // client sends exactly what its own parser would take back.
      if (!sendable || deepest > LEADFEEDER_MAX_JSON_DEPTH) expect(true, o);
      if (sendable && deepest <= LEADFEEDER_MAX_JSON_DEPTH) expect(false, o);
      if (!o.sent) break;
      split_url(o.request.url, true);
      boost::json::value body = parse_body(o.request.body);
      if (boost::json::object* members = body.if_object()) members->erase("company_ids");
      if (!same_json(body, extra)) fail("extra_fields do not read back as what was given");
      break;
    }
    case 8: {
      g_builder = "raw_request";
      std::string const path = "/" + text(in, 32);
      std::string const name = text(in, 8), value = text(in), body = text(in, 32);
      outcome const o = send(lf::raw_request(lf::http_method::post, path).query(name, value).body(body));
      bool bad_path = false;
      for (char c : path) {
        auto const u = static_cast<unsigned char>(c);
        bad_path = bad_path || u <= 0x20 || u == 0x7F || c == '?' || c == '#';
      }
      for (std::size_t start = 1; start <= path.size();) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        std::string_view const segment = std::string_view(path).substr(start, end - start);
        bad_path = bad_path || segment == "." || segment == "..";
        start = end + 1;
      }
      expect(bad_path || name.empty() || bad_optional_query(value), o);
      if (!o.sent) break;
      url_parts const u = split_url(o.request.url, false);
      if (!value.empty()) expect_query(u, name, value);
      if (o.request.body != body) fail("raw_request: the body was changed");
      break;
    }
    default: {
      g_builder = "tags.create";
      std::string const account = text(in), name = text(in);
      std::int64_t const color = integer(in);
      outcome const o = send(lf::tags::create().account_id(account).name(name).color(color));
      if (bad_required_query(account) || !valid_utf8(name) || name.empty() || color < 0 || color > 9) expect(true, o);
      if (!o.sent) break;
      split_url(o.request.url, true);
      boost::json::value const body = parse_body(o.request.body);
      expect_string(at(body, {"data", "attributes", "name"}), name);
      break;
    }
  }
  return 0;
}
