// SPDX-License-Identifier: MIT
// The program every consumer project builds (find_package, add_subdirectory, FetchContent,
// pkg-config): one request through an in-memory transport, the decoded values checked.
// Returns non-zero on failure.
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>

#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>

namespace lf = leadfeeder;

namespace {

struct in_memory_transport {
  std::string url;  // what the client asked for

  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    url.assign(req.url);
    res.status = 200;
    res.body = R"({"data":[{"type":"contact","id":3219787601,
                            "attributes":{"first_name":"Ada","emails":[{"address":"ada@example.com"}]},
                            "relationships":{"company":{"type":"company","id":"129011"}}}],
                   "meta":{"request_id":"req-1"}})";
    return {};
  }
};

int failures = 0;

void expect(bool ok, char const* what) {
  if (!ok) {
    std::printf("FAILED: %s\n", what);
    ++failures;
  }
}

}  // namespace

int main() {
  lf::client_options options;
  options.api_key = "KEY";
  lf::client<in_memory_transport> client{in_memory_transport{}, options};

  auto r = client.send(lf::contacts::retrieve().account_id("123456").ids({"3219787601"}));
  if (!r) {
    std::printf("FAILED: %s\n", lf::to_string(r.error()).c_str());
    return 1;
  }
  expect(r->data().size() == 1, "one contact");
  lf::contact_view c = r->data().front();
  expect(c.id() == "3219787601", "an integer id reads as text");
  expect(c.first_name() == "Ada", "first_name");
  expect(!c.emails().empty() && c.emails().front().address() == "ada@example.com", "emails[].address");
  expect(c.relationships().company().id() == "129011", "relationships.company.id");
  expect(r->meta().request_id() == "req-1", "meta.request_id");
  expect(client.transport().url == "https://api.leadfeeder.com/v1/contacts?ids=3219787601&account_id=123456",
         "the request URL");

#ifdef CONSUMER_EXPECTED_VERSION
  // The version the build system reported (package version file, project(), pkg-config) is the
  // version of the headers this program was compiled against.
  expect(std::strcmp(LEADFEEDER_VERSION_STRING, CONSUMER_EXPECTED_VERSION) == 0,
         "the package version matches LEADFEEDER_VERSION_STRING");
#endif

  std::printf("consumer (leadfeeder %s): contact %s %s -> %s\n", LEADFEEDER_VERSION_STRING, std::string(c.id()).c_str(),
              std::string(c.first_name()).c_str(), failures == 0 ? "ok" : "FAILED");
  return failures == 0 ? 0 : 1;
}
