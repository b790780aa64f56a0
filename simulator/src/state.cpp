// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the initial per-account state (see state.hpp).
#include "state.hpp"

#include "util.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <initializer_list>

namespace lfsim {

namespace json = boost::json;

namespace {
template <class Items>
auto find_by_id(Items& items, std::string_view id) -> decltype(&items.front()) {
  for (auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}
}  // namespace

list_rec* account_state::find_list(std::string_view id) { return find_by_id(lists, id); }
list_rec const* account_state::find_list(std::string_view id) const { return find_by_id(lists, id); }
folder_rec const* account_state::find_folder(std::string_view id) const { return find_by_id(folders, id); }
tag_rec* account_state::find_tag(std::string_view id) { return find_by_id(tags, id); }
folder_rec* account_state::find_folder(std::string_view id) { return find_by_id(folders, id); }
feed_rec* account_state::find_feed(std::string_view id) { return find_by_id(feeds, id); }
field_rec* account_state::find_field(std::string_view id) { return find_by_id(fields, id); }

account_state* state::find_account(std::string_view id) {
  for (auto& a : accounts) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

std::string state::next_uuid() {
  ++uuid_counter;
  return format_uuid(mix64(seed ^ (0xfeedULL << 32) ^ uuid_counter), mix64(~seed ^ uuid_counter));
}

namespace {

json::object filter(char const* type, char const* op, std::initializer_list<char const*> values) {
  json::array v;
  for (char const* s : values) v.push_back(json::string(s));
  return json::object{{"type", type}, {"operator", op}, {"values", std::move(v)}};
}

/// Up to `count` indices in [0, n) that satisfy pred, picked deterministically.
template <class Pred>
std::set<std::size_t> pick_members(rng& r, std::size_t n, std::size_t count, Pred pred) {
  std::set<std::size_t> out;
  for (std::size_t tries = 0; out.size() < count && tries < n * 4; ++tries) {
    std::size_t const i = r.below(n);
    if (pred(i)) out.insert(i);
  }
  return out;
}

list_rec make_list(std::string id, char const* name, char const* scope, char const* created, char const* updated) {
  list_rec l;
  l.id = std::move(id);
  l.name = name;
  l.scope = scope;
  l.created_at = created;
  l.updated_at = updated;
  l.created_by = "12345";
  return l;
}

tag_rec make_tag(char const* id, char const* name, std::int64_t color) {
  tag_rec t;
  t.id = id;
  t.name = name;
  t.color = color;
  return t;
}

// A custom field's id is its internal name, the key (docs/api-reference.md, 1.6); `number` is the old numeric id,
// kept as an attribute.
field_rec make_field(char const* number, char const* key, char const* name, char const* description,
                     char const* created) {
  field_rec f;
  f.id = key;
  f.attributes = json::object{{"key", key},
                              {"name", name},
                              {"type", "ai_boolean"},
                              {"description", description},
                              {"created_at", created},
                              {"updated_at", created},
                              {"scope", "contact"},
                              {"number", number}};
  return f;
}

}  // namespace

state seed_state(dataset const& data, std::uint64_t seed) {
  state s;
  s.seed = seed;
  rng r(mix64(seed ^ 0x7374617465ULL));  // "state"
  std::size_t const n_companies = data.companies.size();
  std::size_t const n_contacts = data.contacts.size();
  auto country_of = [&](std::size_t i) { return std::string_view(cities()[data.companies[i].city].country_code); };

  for (std::size_t a = 0; a < data.accounts.size(); ++a) {
    account_state acc;
    acc.index = a;
    acc.id = data.accounts[a].id;
    acc.name = data.accounts[a].name;
    acc.credits_available = data.accounts[a].credits_available;
    acc.credits_used = data.accounts[a].credits_used;
    s.accounts.push_back(std::move(acc));
  }

  // Account 1: the one with credits and most of the data.
  {
    account_state& acc = s.accounts[0];
    list_rec us = make_list("company_123", "US Prospects", "company", "2024-12-10T15:57:25Z", "2024-11-24T11:50:00Z");
    us.members = pick_members(r, n_companies, 25, [&](std::size_t i) { return country_of(i) == "US"; });
    list_rec dach = make_list("company_124", "DACH Targets", "company", "2025-03-02T08:00:00Z", "2025-09-14T10:20:00Z");
    dach.members = pick_members(r, n_companies, 40, [&](std::size_t i) {
      auto const cc = country_of(i);
      return cc == "DE" || cc == "AT" || cc == "CH";
    });
    list_rec webinar =
        make_list("contact_125", "Webinar Leads", "contact", "2025-05-12T12:00:00Z", "2025-10-30T17:45:00Z");
    webinar.members = pick_members(r, n_contacts, 60, [](std::size_t) { return true; });
    list_rec newsletter =
        make_list("contact_126", "Newsletter Subscribers", "contact", "2025-06-01T07:30:00Z", "2025-06-01T07:30:00Z");
    newsletter.members = pick_members(r, n_contacts, 40, [](std::size_t) { return true; });
    acc.lists = {std::move(us), std::move(dach), std::move(webinar), std::move(newsletter)};

    tag_rec vip = make_tag("9001", "VIP", 3);
    vip.companies = pick_members(r, n_companies, 15, [](std::size_t) { return true; });
    tag_rec customer = make_tag("9002", "Customer", 1);
    customer.companies = pick_members(r, n_companies, 10, [](std::size_t) { return true; });
    tag_rec competitor = make_tag("9003", "Competitor", 5);
    competitor.companies = pick_members(r, n_companies, 5, [](std::size_t) { return true; });
    acc.tags = {std::move(vip), std::move(customer), std::move(competitor)};

    folder_rec sales{s.next_uuid(), "Sales", "2025-02-01T09:00:00Z"};
    folder_rec marketing{s.next_uuid(), "Marketing", "2025-02-01T09:05:00Z"};
    feed_rec german{s.next_uuid(), json::object{{"name", "German visitors"},
                                                {"folder_id", sales.id},
                                                {"connected_list_id", "company_124"},
                                                {"filters", json::array{filter("company_country_code", "is", {"DE"})}},
                                                {"created_at", "2025-02-03T10:00:00Z"},
                                                {"updated_at", "2025-08-19T14:30:00Z"}}};
    feed_rec large{s.next_uuid(), json::object{{"name", "Large companies"},
                                               {"folder_id", marketing.id},
                                               {"connected_list_id", nullptr},
                                               {"filters", json::array{filter("company_employee_range", "is",
                                                                              {"1001-5000", "5001-10000", "10001+"})}},
                                               {"created_at", "2025-04-11T08:15:00Z"},
                                               {"updated_at", "2025-04-11T08:15:00Z"}}};
    feed_rec pricing{s.next_uuid(),
                     json::object{{"name", "Pricing page visitors"},
                                  {"folder_id", nullptr},
                                  {"connected_list_id", nullptr},
                                  {"filters", json::array{filter("landing_page_path", "begins_with", {"/pricing"})}},
                                  {"created_at", "2025-07-07T07:07:00Z"},
                                  {"updated_at", "2025-07-07T07:07:00Z"}}};
    acc.folders = {std::move(sales), std::move(marketing)};
    acc.feeds = {std::move(german), std::move(large), std::move(pricing)};
    acc.fields = {make_field("8001", "is_decision_maker", "Is decision maker",
                             "Whether the contact decides on purchases.", "2025-01-20T10:00:00Z"),
                  make_field("8002", "uses_crm", "Uses a CRM", "Whether the contact's company uses a CRM.",
                             "2025-03-14T15:00:00Z")};
  }
  // Account 2.
  {
    account_state& acc = s.accounts[1];
    list_rec partners = make_list("company_127", "Partners", "company", "2025-01-05T09:00:00Z", "2025-01-05T09:00:00Z");
    partners.members = pick_members(r, n_companies, 10, [](std::size_t) { return true; });
    list_rec events =
        make_list("contact_128", "Event Attendees", "contact", "2025-09-09T09:00:00Z", "2025-09-10T09:00:00Z");
    events.members = pick_members(r, n_contacts, 20, [](std::size_t) { return true; });
    acc.lists = {std::move(partners), std::move(events)};
    tag_rec hot = make_tag("9004", "Hot", 2);
    hot.companies = pick_members(r, n_companies, 8, [](std::size_t) { return true; });
    acc.tags = {std::move(hot)};
    folder_rec def{s.next_uuid(), "Default", "2025-01-05T09:00:00Z"};
    feed_rec all{s.next_uuid(), json::object{{"name", "All visitors"},
                                             {"folder_id", def.id},
                                             {"connected_list_id", nullptr},
                                             {"filters", json::array{}},
                                             {"created_at", "2025-01-05T09:10:00Z"},
                                             {"updated_at", "2025-01-05T09:10:00Z"}}};
    acc.folders = {std::move(def)};
    acc.feeds = {std::move(all)};
    acc.fields = {make_field("8003", "fits_icp", "Fits our ICP", "Whether the contact fits the ideal customer profile.",
                             "2025-02-02T02:02:00Z")};
  }
  // Account 3.
  {
    account_state& acc = s.accounts[2];
    acc.lists = {make_list("company_129", "Archive", "company", "2024-06-30T23:00:00Z", "2024-07-01T08:00:00Z")};
    acc.tags = {make_tag("9005", "Cold", 4)};
    acc.feeds = {feed_rec{s.next_uuid(), json::object{{"name", "All visitors"},
                                                      {"folder_id", nullptr},
                                                      {"connected_list_id", nullptr},
                                                      {"filters", json::array{}},
                                                      {"created_at", "2024-06-30T23:10:00Z"},
                                                      {"updated_at", "2024-06-30T23:10:00Z"}}}};
  }
  return s;
}

}  // namespace lfsim
