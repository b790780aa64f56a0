// SPDX-License-Identifier: MIT
// The demo: a realistic session against a scripted transport (no network, no key needed). It
// prints every request the client formed and what it decoded from the answer.
//
//   1. list the accounts the key can reach, then read one account's credit balance;
//   2. search contacts, every item of every page;
//   3. retrieve the found contacts in full, with their company;
//   4. add a contact to a list;
//   5. hit the rate limit and show the error value.
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>
#include <leadfeeder/testing/scripted_transport.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace lf = leadfeeder;

namespace {

// Answers the scripted transport gives, in the order the demo asks.
char const* const accounts_body = R"({"data":[
  {"type":"account_summary","id":"123456","attributes":{"name":"Account 1"}},
  {"type":"account_summary","id":"789012","attributes":{"name":"Account 2"}}],
  "meta":{"request_id":"cf054205-dd8c-4473-8689-07c30fe0789f"}})";
char const* const account_body = R"({"data":[{"type":"account","id":"123456","attributes":{
  "name":"Account 1","credits":{"available":1000,"used":200,"remaining":800,"next_reset_on":"2026-12-01"}}}],
  "meta":{"request_id":"6d1c7d55-2b6a-4c55-9c6e-2f8a1d0e9b11"}})";
char const* const search_page_1 = R"({"data":[
  {"type":"contact_summary","id":"3219787601","attributes":{"first_name":"John","last_name":"Doe","hierarchy_level":"employees"}},
  {"type":"contact_summary","id":"3219787635","attributes":{"first_name":"Erika","last_name":"Mustermann","hierarchy_level":"managers"}}],
  "meta":{"request_id":"0b8f3c1e-1111-4a2b-9c3d-5e6f7a8b9c0d","credits":{"charged":0},"pagination":{"next_cursor":"eyJvZmZzZXQiOjJ9"}}})";
char const* const search_page_2 = R"({"data":[
  {"type":"contact_summary","id":"3219787702","attributes":{"first_name":"Mika","last_name":"Virtanen","hierarchy_level":"employees"}}],
  "meta":{"request_id":"0b8f3c1e-2222-4a2b-9c3d-5e6f7a8b9c0d","credits":{"charged":0},"pagination":{"next_cursor":null}}})";
char const* const retrieve_body = R"({"data":[
  {"type":"contact","id":"3219787601","attributes":{"first_name":"John","last_name":"Doe","title":"Dr.",
    "position":{"title":"Geschäftsführer","language_code":"DE"},"hierarchy_level":"employees",
    "emails":[{"address":"john.doe@example.com","source":"fullenrich"}],
    "phones":[{"number":"+49 721 50057501","type":"landline","blacklisted":false,"source":"fullenrich"}],
    "address":{"city":"Karlsruhe","country_code":"DE","country":"Germany"}},
   "relationships":{"company":{"type":"company","id":"129011","attributes":{"name":"Dealfront Group GmbH",
     "url":"https://www.dealfront.com","employee_range":"101-500"}}}},
  {"type":"contact","id":3219787635,"attributes":{"first_name":"Erika","last_name":"Mustermann",
    "emails":[],"phones":[],"position":{"title":"Head of Sales","language_code":"EN"}},
   "relationships":{"company":{"type":"company","id":"129011"}}}],
  "meta":{"credits":{"charged":2},"request_id":"9a7e2f10-3333-4b5c-8d9e-0f1a2b3c4d5e"}})";
char const* const rate_limited_body =
    R"({"code":"too_many_requests","message":"You've exceeded the maximum amount of allowed requests. Please try again later."})";

void print_request(lf::testing::recorded_request const& req) {
  std::printf("  -> %s %s\n", std::string(lf::to_string(req.method)).c_str(), req.url.c_str());
  for (auto const& h : req.headers) {
    bool const secret = lf::is_credential_header(h.first);
    std::printf("     %s: %s\n", h.first.c_str(), secret ? "[redacted]" : h.second.c_str());
  }
  if (!req.body.empty()) std::printf("     body: %s\n", req.body.c_str());
}

std::string text(std::string_view s) { return std::string(s); }

}  // namespace

int main() {
  lf::testing::scripted_transport script;
  script.respond(200, accounts_body)
      .respond(200, account_body)
      .respond(200, search_page_1)
      .respond(200, search_page_2)
      .respond(200, retrieve_body)
      .respond(200, "{}")
      .respond(429, rate_limited_body, {{"Retry-After", "2"}});

  lf::client_options options;
  options.api_key = "demo-key-not-a-real-one";
  lf::client<lf::testing::scripted_transport> client{script, options};

  std::printf("1. accounts.list\n");
  auto accounts = client.send(lf::accounts::list());
  print_request(script.last());
  if (!accounts) return std::printf("  error: %s\n", lf::to_string(accounts.error()).c_str()), 1;
  for (lf::account_summary_view a : accounts->data()) {
    std::printf("  <- account %s \"%s\"\n", text(a.id()).c_str(), text(a.name()).c_str());
  }
  std::string const account_id(accounts->data().front().id());

  std::printf("\n   accounts.list with account_id (the credit balance)\n");
  auto account = client.send(lf::accounts::list().account_id(account_id));
  print_request(script.last());
  if (!account) return std::printf("  error: %s\n", lf::to_string(account.error()).c_str()), 1;
  lf::account_credits_view credits = account->data().front().credits();
  std::printf("  <- credits: %lld available, %lld used, %lld remaining, next reset %s\n",
              static_cast<long long>(credits.available()), static_cast<long long>(credits.used()),
              static_cast<long long>(credits.remaining()), text(credits.next_reset_on()).c_str());

  std::printf("\n2. contacts.search, every item of every page (lf::items follows the cursor)\n");
  std::vector<std::string> found;
  std::size_t const sent_before = script.requests().size();
  auto search = lf::contacts::search()
                    .account_id(account_id)
                    .page_size<2>()
                    .search_terms({"Doe", "Mustermann"})
                    .departments({"sales_department"})
                    .filters_has_email(true);
  std::vector<std::string> lines;
  for (auto const& c : lf::items(client, search)) {
    if (!c) return std::printf("  error: %s\n", lf::to_string(c.error()).c_str()), 1;
    lines.push_back("  <- " + text(c->id()) + " " + text(c->first_name()) + " " + text(c->last_name()) + " (" +
                    text(c->hierarchy_level()) + ")");
    found.emplace_back(c->id());
  }
  for (std::size_t i = sent_before; i < script.requests().size(); ++i) print_request(script.requests()[i]);
  for (std::string const& line : lines) std::printf("%s\n", line.c_str());

  std::printf("\n3. contacts.retrieve with include=company\n");
  auto contacts =
      client.send(lf::contacts::retrieve().account_id(account_id).ids(found).include(lf::contacts::include::company));
  print_request(script.last());
  if (!contacts) return std::printf("  error: %s\n", lf::to_string(contacts.error()).c_str()), 1;
  std::printf("  <- %zu of %zu contacts found, %lld credits charged, request %s\n", contacts->data().size(),
              found.size(), static_cast<long long>(contacts->meta().credits().charged()),
              text(contacts->meta().request_id()).c_str());
  for (lf::contact_view c : contacts->data()) {
    std::string const name = (c.has_title() ? text(c.title()) + " " : "") + text(c.first_name()) + " " +
                             text(c.last_name());
    std::printf("  <- %s: %s, \"%s\"\n", text(c.id()).c_str(), name.c_str(), text(c.position().title()).c_str());
    for (auto email : c.emails()) std::printf("       email %s\n", text(email.address()).c_str());
    for (auto phone : c.phones()) {
      std::printf("       phone %s%s\n", text(phone.number()).c_str(), phone.blacklisted() ? " (do not call)" : "");
    }
    lf::company_view company = c.relationships().company();
    std::printf("       company %s %s\n", text(company.id()).c_str(),
                company.has_name() ? ("\"" + text(company.name()) + "\"").c_str() : "(stub: not included)");
  }

  std::printf("\n4. contacts.add_to_lists\n");
  auto added = client.send(
      lf::contacts::add_to_lists().account_id(account_id).contact_id(found.front()).list_ids({"contact_42"}));
  print_request(script.last());
  std::printf("  <- %s (HTTP %d)\n", added ? "added" : lf::to_string(added.error()).c_str(),
              added ? added->status() : added.error().http_status);

  std::printf("\n5. the rate limit, as an error value\n");
  auto limited = client.send(lf::contacts::get().account_id(account_id).contact_id(found.front()));
  print_request(script.last());
  if (limited) return 1;
  lf::error const& e = limited.error();
  std::printf("  <- %s\n     errc::rate_limited: %s, retry after %llds\n", lf::to_string(e).c_str(),
              e.code == lf::errc::rate_limited ? "yes" : "no",
              static_cast<long long>(e.retry_after ? e.retry_after->count() : -1));

  std::printf("\n6. a bad parameter never reaches the network\n");
  auto refused = client.send(lf::contacts::get().account_id(account_id).contact_id("435834\r\nX-Evil: 1"));
  std::printf("  <- %s (requests sent so far: %zu)\n", lf::to_string(refused.error()).c_str(),
              script.requests().size());
  return 0;
}
