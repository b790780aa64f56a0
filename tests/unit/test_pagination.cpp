// SPDX-License-Identifier: MIT
// Pagination as ranges: lf::pages and lf::items over the cursor style (contacts.search) and the
// page-number style.
#include <doctest/doctest.h>
#include <test_support.hpp>

#include <string>
#include <vector>

namespace lf = leadfeeder;
using test_support::scripted_client;

namespace {

// A contacts.search page with the given ids and next cursor (null when empty).
std::string search_page(std::vector<std::string> const& ids, std::string const& next_cursor) {
  std::string body = R"({"data":[)";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i != 0) body += ',';
    body += R"({"type":"contact_summary","id":")" + ids[i] + R"(","attributes":{"first_name":"N)" + ids[i] + R"("}})";
  }
  body += R"(],"meta":{"request_id":"r","pagination":{"next_cursor":)";
  body += next_cursor.empty() ? std::string("null") : "\"" + next_cursor + "\"";
  return body + "}}}";
}

auto search() { return lf::contacts::search().account_id("1").page_size(2).search_terms({"acme"}); }

}  // namespace

TEST_CASE("cursor pages are fetched one after another until next_cursor is null") {
  scripted_client t;
  t.script.respond(200, search_page({"1", "2"}, "c2"))
      .respond(200, search_page({"3", "4"}, "c3"))
      .respond(200, search_page({"5"}, ""));
  std::vector<std::string> seen;
  int pages = 0;
  for (auto& page : lf::pages(t.client, search())) {
    REQUIRE(page);
    ++pages;
    for (lf::contact_summary_view c : page->data()) seen.emplace_back(c.id());
  }
  CHECK(pages == 3);
  CHECK(seen == std::vector<std::string>{"1", "2", "3", "4", "5"});
  REQUIRE(t.script.requests().size() == 3);
  CHECK(t.script.requests()[0].target() == "/v1/contacts/search?account_id=1&page%5Bsize%5D=2");
  CHECK(t.script.requests()[1].target() == "/v1/contacts/search?account_id=1&page%5Bcursor%5D=c2&page%5Bsize%5D=2");
  CHECK(t.script.requests()[2].target() == "/v1/contacts/search?account_id=1&page%5Bcursor%5D=c3&page%5Bsize%5D=2");
  CHECK(t.script.requests()[2].body == R"({"search_terms":["acme"]})");
}

TEST_CASE("items walk every item of every page exactly once") {
  scripted_client t;
  t.script.respond(200, search_page({"1", "2"}, "c2"))
      .respond(200, search_page({}, "c3"))  // an empty page in the middle is skipped
      .respond(200, search_page({"3"}, ""));
  std::vector<std::string> seen;
  for (auto const& item : lf::items(t.client, search())) {
    REQUIRE(item);
    seen.emplace_back(item->id());
    CHECK(item->first_name() == "N" + std::string(item->id()));
  }
  CHECK(seen == std::vector<std::string>{"1", "2", "3"});
  CHECK(t.script.requests().size() == 3);
}

TEST_CASE("an error on the third page ends the pages with one error element") {
  scripted_client t;
  t.script.respond(200, search_page({"1", "2"}, "c2"))
      .respond(200, search_page({"3", "4"}, "c3"))
      .respond(429, R"({"code":"rate_limit_exceeded","message":"slow down"})")
      .respond(200, search_page({"never"}, ""));
  int ok = 0, errors = 0;
  for (auto& page : lf::pages(t.client, search())) {
    if (page) {
      ++ok;
    } else {
      ++errors;
      CHECK(page.error().code == lf::errc::rate_limited);
      CHECK(page.error().api_code == "rate_limit_exceeded");
    }
  }
  CHECK(ok == 2);
  CHECK(errors == 1);
  CHECK(t.script.requests().size() == 3);
  CHECK(t.script.pending() == 1);
}

TEST_CASE("an error on the third page ends the items with one error element after the others") {
  scripted_client t;
  t.script.respond(200, search_page({"1", "2"}, "c2"))
      .respond(200, search_page({"3", "4"}, "c3"))
      .fail(std::make_error_code(std::errc::timed_out));
  std::vector<std::string> seen;
  int errors = 0;
  for (auto const& item : lf::items(t.client, search())) {
    if (item) {
      seen.emplace_back(item->id());
    } else {
      ++errors;
      CHECK(item.error().code == std::make_error_code(std::errc::timed_out));
    }
  }
  CHECK(seen == std::vector<std::string>{"1", "2", "3", "4"});
  CHECK(errors == 1);
}

TEST_CASE("a server that repeats the cursor ends the range with an error instead of looping") {
  scripted_client t;
  t.script.respond(200, search_page({"1"}, "same")).respond(200, search_page({"2"}, "same"));
  int ok = 0, errors = 0;
  for (auto& page : lf::pages(t.client, search())) {
    if (page) {
      ++ok;
    } else {
      ++errors;
      CHECK(page.error().code == lf::errc::invalid_response);
    }
  }
  CHECK(ok == 2);
  CHECK(errors == 1);
  CHECK(t.script.requests().size() == 2);
}

TEST_CASE("paging starts from a cursor the caller already set") {
  scripted_client t;
  t.script.respond(200, search_page({"9"}, ""));
  auto range = lf::pages(t.client, search().page_cursor("resume-here"));
  int pages = 0;
  for (auto& page : range) pages += page ? 1 : 0;
  CHECK(pages == 1);
  CHECK(range.pages_fetched() == 1);
  CHECK(t.script.last().target() == "/v1/contacts/search?account_id=1&page%5Bcursor%5D=resume-here&page%5Bsize%5D=2");
}

TEST_CASE("a page without pagination meta is the last page") {
  scripted_client t;
  t.script.respond(200, R"({"data":[{"id":"1"}],"meta":{"request_id":"r"}})");
  int pages = 0;
  for (auto& page : lf::pages(t.client, search())) pages += page ? 1 : 0;
  CHECK(pages == 1);
}

TEST_CASE("a bad parameter gives a range of one error and sends nothing") {
  scripted_client t;
  int errors = 0;
  for (auto const& item : lf::items(t.client, lf::contacts::search().account_id("1\r\n"))) {
    CHECK_FALSE(item);
    CHECK(item.error().code == lf::errc::invalid_argument);
    ++errors;
  }
  CHECK(errors == 1);
  CHECK(t.script.requests().empty());
}
