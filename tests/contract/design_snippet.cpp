// SPDX-License-Identifier: MIT
// The public contract of docs/contract.md, line for line, compiled against include/ and
// against the single header, then run: it must behave as written.
#define LEADFEEDER_BOOST_JSON_IMPL    // in exactly ONE .cpp of the program (or link Boost::json)
#include <leadfeeder/leadfeeder.hpp>  // same content as single_include/leadfeeder/leadfeeder.hpp
namespace lf = leadfeeder;

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

struct my_transport {  // any type with this member satisfies lf::transport
  std::error_code send(lf::http_request const& req, lf::http_response& res);
  std::string fail_with;  // a test knob: answer with this error body and status
};

#if LEADFEEDER_HAS_CONCEPTS
static_assert(lf::transport<my_transport>);
#endif
static_assert(lf::is_transport_v<my_transport>);

static int failures = 0;
#define EXPECT(cond)                                        \
  do {                                                      \
    if (!(cond)) {                                          \
      std::printf("FAILED line %d: %s\n", __LINE__, #cond); \
      ++failures;                                           \
    }                                                       \
  } while (0)

// req.method  : lf::http_method::{get, post, put, patch, del}
// req.url     : std::string_view, absolute, query already percent-encoded
// req.headers : range of lf::http_header{std::string_view name, value}
// req.body    : std::string_view (empty when none)
// res.status  : int; res.body : std::string (the client reuses it); res.headers: add(name, value)
std::error_code my_transport::send(lf::http_request const& req, lf::http_response& res) {
  EXPECT(req.method == lf::http_method::get);
  EXPECT(req.url ==
         std::string_view("https://api.leadfeeder.com/v1/contacts?ids=3219787601,3219787635&account_id=123456"));
  bool key_sent = false;
  for (lf::http_header const& h : req.headers) key_sent |= (h.name == "X-Api-Key" && h.value == "KEY");
  EXPECT(key_sent);
  EXPECT(req.body.empty());
  if (!fail_with.empty()) {
    res.status = 429;
    res.body = fail_with;
    res.headers.add("Retry-After", "7");
    return {};
  }
  std::ifstream in(LEADFEEDER_FIXTURE_DIR "/contacts_retrieve.response.json", std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  res.status = 200;
  res.body = body.str();
  res.headers.add("Content-Type", "application/json");
  return {};
}

int main() {
  lf::client_options opts;  // api_key, bearer_token (OAuth2 alternative), base_url,
  opts.api_key = "KEY";     // user_agent, ... (C++17: no designated initializers)
  lf::client<my_transport> client{my_transport{}, opts};

  auto r = client.send(lf::contacts::retrieve().account_id("123456").ids({"3219787601", "3219787635"}));
  if (!r) {
    lf::error const& e = r.error();  // e.code (std::error_code, compares to lf::errc::*),
                                     // e.http_status, e.api_code ("invalid_api_key", ...),
                                     // e.message, e.request_id, e.retry_after (optional)
    std::printf("unexpected error: %s\n", lf::to_string(e).c_str());
    return 1;
  }
  int contacts = 0;
  for (lf::contact_view c : r->data()) {      // views live as long as r
    std::string_view first = c.first_name();  // attributes.first_name
    EXPECT(first == "John");
    int emails = 0;
    for (auto email : c.emails()) {  // attributes.emails[].address
      EXPECT(email.address() == "info@leadfeeder.com");
      ++emails;
    }
    EXPECT(emails == 1);
    EXPECT(c.relationships().company().id() == "129011");
    ++contacts;
  }
  EXPECT(contacts == 1);
  EXPECT(r->meta().request_id() == "cf054205-dd8c-4473-8689-07c30fe0789f");
  EXPECT(r->meta().credits().charged() == 1);

  // The error half of the contract.
  client.transport().fail_with = R"({"code":"too_many_requests","message":"slow down"})";
  auto limited = client.send(lf::contacts::retrieve().account_id("123456").ids({"3219787601", "3219787635"}));
  EXPECT(!limited);
  if (!limited) {
    lf::error const& e = limited.error();
    EXPECT(e.code == lf::errc::rate_limited);
    EXPECT(e.http_status == 429);
    EXPECT(e.api_code == "too_many_requests");
    EXPECT(e.message == "slow down");
    EXPECT(e.retry_after && e.retry_after->count() == 7);
  }
  std::printf("docs/contract.md snippet: %s\n", failures == 0 ? "behaves as written" : "FAILED");
  return failures == 0 ? 0 : 1;
}
