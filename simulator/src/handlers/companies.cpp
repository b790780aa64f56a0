// SPDX-License-Identifier: MIT
// leadfeeder-simulator: companies.*: records (shared with contacts in records.hpp), financials,
// IP addresses, signals, search, match and tags.
#include "handlers/handlers.hpp"

#include "handlers/records.hpp"
#include "pagination.hpp"
#include "render.hpp"
#include "request.hpp"
#include "util.hpp"
#include "world.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace lfsim {

namespace {

reply companies_get(world& w, request_ctx& c) { return get_record(w, c, record_kind::company); }
reply companies_retrieve(world& w, request_ctx& c) { return retrieve_records(w, c, record_kind::company); }
reply companies_add_to_lists(world& w, request_ctx& c) { return change_record_lists(w, c, record_kind::company, true); }
reply companies_remove_from_lists(world& w, request_ctx& c) {
  return change_record_lists(w, c, record_kind::company, false);
}
reply companies_estimate_enrichment_job(world& w, request_ctx& c) { return estimate_job(w, c, record_kind::company); }
reply companies_create_enrichment_job(world& w, request_ctx& c) { return create_job(w, c, record_kind::company); }
reply companies_get_enrichment_job(world& w, request_ctx& c) { return get_job(w, c, record_kind::company); }

reply companies_get_financials(world& w, request_ctx& c) {
  std::size_t const idx = w.company_index(c.params[0]);
  company_rec const& co = w.data.companies[idx];
  json::array reports;
  if (co.has_revenue) {
    std::uint64_t const h = mix64(w.seed ^ (idx * 0x51ULL));
    for (int year = 2025; year >= 2021; --year) {
      double const factor = std::pow(0.93, 2025 - year);
      auto const revenue = static_cast<std::int64_t>(std::llround(co.revenue_eur * factor));
      json::object report{{"year", year}, {"currency", "EUR"}, {"revenue", revenue}};
      report["earnings"] = co.has_earnings ? json::value(revenue * static_cast<std::int64_t>(2 + h % 12) / 100)
                                           : json::value(nullptr);
      report["net_worth"] = co.has_net_worth ? json::value(revenue * 4 / 10) : json::value(nullptr);
      report["employee_count"] = static_cast<std::int64_t>(std::llround(co.employee_count * factor));
      report["estimated"] = year == 2025;
      reports.push_back(std::move(report));
    }
  }
  reply r;
  r.set_charged(0);
  r.data = json::object{{"type", "company_financials"},
                        {"id", co.id},
                        {"attributes", json::object{{"currency", "EUR"}, {"reports", std::move(reports)}}},
                        {"relationships", json::object{{"company", stub("company", co.id)}}}};
  return r;
}

reply companies_list_ips(world& w, request_ctx& c) {
  std::vector<std::string> const ids = id_list(required_query(c, "company_ids"));
  if (ids.empty()) bad_request("company_ids must hold at least one company id.");
  if (ids.size() > 100) bad_request("company_ids holds at most 100 company ids.");
  std::set<std::string> const inc = includes(c);
  std::size_t cap = std::numeric_limits<std::size_t>::max();
  if (std::string const* m = c.get("max_ip_addresses")) {
    std::uint64_t n = 0;
    if (!parse_uint(*m, n) || n < 1) bad_request("max_ip_addresses must be a positive integer.");
    cap = static_cast<std::size_t>(n);
  }
  std::vector<std::size_t> found;
  for (std::string const& id : ids) {
    auto const it = w.data.company_by_id.find(id);
    if (it != w.data.company_by_id.end() && std::find(found.begin(), found.end(), it->second) == found.end()) {
      found.push_back(it->second);
    }
  }
  reply r;
  r.set_charged(w.charge(c.acc(), c.acc().unlocked_companies, found));
  json::array out;
  for (std::size_t idx : found) {
    company_rec const& co = w.data.companies[idx];
    json::array addresses;
    for (std::size_t i = 0; i < co.ips.size() && i < cap; ++i) {
      std::string const& ip = co.ips[i];
      std::uint64_t const h = mix64(w.seed ^ fnv1a(ip));
      addresses.push_back(json::object{
          {"ip_address", ip},
          {"version", ip.find(':') == std::string::npos ? "ipv4" : "ipv6"},
          {"confidence", 0.99 - 0.1 * static_cast<double>(i)},
          {"first_seen_on", format_date(now_day() - 400 - static_cast<std::int64_t>(h % 900))},
          {"last_seen_on", format_date(now_day() - 1 - static_cast<std::int64_t>(h % 30))}});
    }
    json::object company = inc.count("company") != 0 ? render_company(w, idx, c.acc(), {}) : stub("company", co.id);
    out.push_back(json::object{{"type", "company_ip"},
                               {"id", co.id},
                               {"attributes", json::object{{"ip_addresses", std::move(addresses)}}},
                               {"relationships", json::object{{"company", std::move(company)}}}});
  }
  r.data = std::move(out);
  return r;
}

reply companies_search_signals(world& w, request_ctx& c) {
  json::object const body = parse_body(c, true);
  std::vector<std::string> const company_ids = string_list(body, "company_ids", "");
  if (company_ids.empty()) bad_request("company_ids is required: the companies whose signals are wanted.");
  std::vector<std::string> const categories = string_list(body, "categories", "");
  auto range = [&](char const* key, std::int64_t& from, std::int64_t& to) {
    from = std::numeric_limits<std::int64_t>::min();
    to = std::numeric_limits<std::int64_t>::max();
    json::object const* o = object_field(body, key, "");
    if (o == nullptr) return;
    if (auto f = string_field(*o, "from", std::string(key) + ".")) {
      if (!parse_date(*f, from)) bad_request(std::string(key) + ".from must be a date YYYY-MM-DD.");
    }
    if (auto t = string_field(*o, "to", std::string(key) + ".")) {
      if (!parse_date(*t, to)) bad_request(std::string(key) + ".to must be a date YYYY-MM-DD.");
    }
    if (to < from) bad_request(std::string(key) + ".from must not be after " + key + ".to.");
  };
  std::int64_t event_from = 0, event_to = 0, pub_from = 0, pub_to = 0;
  range("event_date", event_from, event_to);
  range("publication_date", pub_from, pub_to);
  std::set<std::size_t> companies;
  for (auto const& id : company_ids) {
    auto const it = w.data.company_by_id.find(id);
    if (it != w.data.company_by_id.end()) companies.insert(it->second);
  }
  std::vector<signal_rec const*> matched;
  std::set<std::size_t> with_signals;
  for (signal_rec const& s : w.signals) {
    if (companies.count(s.company) == 0) continue;
    if (!categories.empty() && std::find(categories.begin(), categories.end(), s.type) == categories.end()) continue;
    std::int64_t const published = s.day + 1;  // published the day after the event
    if (s.day < event_from || s.day > event_to || published < pub_from || published > pub_to) continue;
    matched.push_back(&s);
    with_signals.insert(s.company);
  }
  std::size_t const size = page_size(c);
  std::size_t const offset = cursor_offset(w, c);
  reply r;
  // 1 credit per company that has w.signals and is not unlocked yet (1.12); charged on the first page.
  r.set_charged(offset == 0 ? w.charge(c.acc(), c.acc().unlocked_companies,
                                       std::vector<std::size_t>(with_signals.begin(), with_signals.end()))
                            : 0);
  json::array out;
  for (std::size_t i = offset; i < matched.size() && i < offset + size; ++i) {
    signal_rec const& s = *matched[i];
    out.push_back(json::object{
        {"type", "signal"},
        {"id", s.id},
        {"attributes", json::object{{"category", s.type},
                                    {"title", s.title},
                                    {"event_date", format_date(s.day)},
                                    {"publication_date", format_date(s.day + 1)},
                                    {"source_url", "https://news.simulator.example/signals/" + s.id}}},
        {"relationships", json::object{{"company", stub("company", w.data.companies[s.company].id)}}}});
  }
  r.has_pagination = true;
  r.pagination = cursor_meta(w, offset, size, matched.size());
  r.data = std::move(out);
  return r;
}

reply companies_search(world& w, request_ctx& c) {
  json::object const body = parse_body(c, true);
  std::size_t const size = page_size(c);
  std::size_t const offset = cursor_offset(w, c);

  std::vector<std::string> terms;
  for (auto const& t : string_list(body, "search_terms", "")) {
    std::string const lower = to_lower(trim(t));
    if (!lower.empty()) terms.push_back(lower);
  }
  std::vector<std::string> const ranges = string_list(body, "employee_ranges", "");
  std::vector<std::string> const icp_ids = string_list(body, "icp_ids", "");

  struct location_filter {
    std::optional<std::string> street, postal_code, city, country_code, region_code;
  };
  std::vector<location_filter> locations;
  if (json::value const* v = member(body, "locations")) {
    if (!v->is_array()) bad_request("locations must be an array of objects.");
    for (auto const& item : v->get_array()) {
      if (!item.is_object()) bad_request("locations must be an array of objects.");
      json::object const& o = item.get_object();
      location_filter lf;
      lf.street = string_field(o, "street", "locations[].");
      lf.postal_code = string_field(o, "postal_code", "locations[].");
      lf.city = string_field(o, "city", "locations[].");
      lf.country_code = string_field(o, "country_code", "locations[].");
      lf.region_code = string_field(o, "region_code", "locations[].");
      object_field(o, "geo", "locations[].");
      locations.push_back(std::move(lf));
    }
  }
  std::string classification = "internal";
  std::vector<std::string> codes;
  if (json::object const* ind = object_field(body, "industries", "")) {
    if (auto cl = string_field(*ind, "classification", "industries.")) {
      std::vector<std::string> const& classifications = body_field_enum(c, "industries.classification");
      if (!one_of(classifications, *cl)) {
        bad_request("industries.classification must be " + choices(classifications) + ".");
      }
      classification = *cl;
    }
    codes = string_list(*ind, "codes", "industries.");
  }
  std::optional<double> revenue_min;
  std::optional<double> revenue_max;
  bool has_revenue_filter = false;
  if (json::object const* rev = object_field(body, "revenue", "")) {
    revenue_min = number_field(*rev, "min", "revenue.");
    revenue_max = number_field(*rev, "max", "revenue.");
    if (!revenue_min && !revenue_max) bad_request("revenue needs min, max or both.");
    has_revenue_filter = true;
  }
  std::vector<std::pair<std::string, bool>> flags;
  if (json::object const* filters = object_field(body, "filters", "")) {
    for (auto const& kv : *filters) {
      if (kv.value().is_null()) continue;
      if (!kv.value().is_bool()) bad_request("filters." + std::string(kv.key()) + " must be a boolean.");
      flags.emplace_back(std::string(kv.key()), kv.value().get_bool());
    }
  }
  if (terms.empty() && ranges.empty() && icp_ids.empty() && locations.empty() && codes.empty() && !has_revenue_filter &&
      flags.empty()) {
    bad_request(
        "companies.search needs at least one search criterion: search_terms, locations, industries, "
        "employee_ranges, revenue, icp_ids or filters.");
  }
  std::vector<icp_rec const*> icps;
  for (auto const& id : icp_ids) {
    for (icp_rec const& i : w.data.icps) {
      if (i.id == id) icps.push_back(&i);
    }
  }

  std::vector<std::size_t> matches;
  for (std::size_t i = 0; i < w.data.companies.size(); ++i) {
    company_rec const& co = w.data.companies[i];
    city_info const& city = cities()[co.city];
    if (!terms.empty()) {
      bool hit = false;
      for (auto const& t : terms) {
        for (auto const& k : co.search_keys) hit = hit || k.find(t) != std::string::npos;
      }
      if (!hit) continue;
    }
    if (!ranges.empty() && std::find(ranges.begin(), ranges.end(), co.employee_range) == ranges.end()) continue;
    if (!icp_ids.empty()) {
      bool hit = false;
      for (icp_rec const* icp : icps) hit = hit || icp_matches(*icp, co);
      if (!hit) continue;
    }
    if (!locations.empty()) {
      std::string const street = to_lower(co.attributes.at("address").as_object().at("street_address").as_string());
      bool hit = false;
      for (auto const& l : locations) {
        bool ok = true;
        if (l.country_code && !iequals(*l.country_code, city.country_code)) ok = false;
        if (l.city && !iequals(*l.city, city.city)) ok = false;
        if (l.postal_code && *l.postal_code != city.postal_code) ok = false;
        if (l.street && street.find(to_lower(*l.street)) == std::string::npos) ok = false;
        hit = hit || ok;
      }
      if (!hit) continue;
    }
    if (!codes.empty()) {
      industry_info const& ind = industries()[co.industry];
      bool hit = false;
      for (auto const& code : codes) {
        hit = hit || (classification == "internal" ? code == ind.code : starts_with(ind.wz_code, code));
      }
      if (!hit) continue;
    }
    if (has_revenue_filter) {
      if (!co.has_revenue) continue;
      if (revenue_min && co.revenue_eur < *revenue_min) continue;
      if (revenue_max && co.revenue_eur > *revenue_max) continue;
    }
    bool ok = true;
    for (auto const& [key, want] : flags) {
      bool have = want;  // unknown keys do not narrow the search
      if (key == "has_phone") have = co.has_phone;
      if (key == "has_email") have = co.has_email;
      if (key == "has_social_media_profiles") have = co.has_social;
      if (key == "do_not_contact") have = co.do_not_contact;
      if (key == "has_financials_revenue") have = co.has_revenue;
      if (key == "has_financials_earnings") have = co.has_earnings;
      if (key == "has_financials_net_worth") have = co.has_net_worth;
      if (key == "has_ip_addresses") have = !co.ips.empty();
      if (have != want) ok = false;
    }
    if (!ok) continue;
    matches.push_back(i);
  }

  json::array out;
  for (std::size_t i = offset; i < matches.size() && i < offset + size; ++i) {
    out.push_back(render_company_summary(w, matches[i]));
  }
  reply r;
  r.set_charged(0);
  r.has_pagination = true;
  r.pagination = cursor_meta(w, offset, size, matches.size());
  r.data = std::move(out);
  return r;
}

reply companies_match(world& w, request_ctx& c) {
  std::size_t max_results = 5;
  if (std::string const* m = c.get("max_results_per_company")) {
    std::uint64_t n = 0;
    if (!parse_uint(*m, n) || n < 1 || n > 20) bad_request("max_results_per_company must be between 1 and 20.");
    max_results = static_cast<std::size_t>(n);
  }
  json::object const body = parse_body(c, true);
  json::value const* list = member(body, "companies");
  if (list == nullptr || !list->is_array() || list->get_array().empty()) {
    bad_request("companies (a non-empty array of objects) is required.");
  }
  if (list->get_array().size() > 200) bad_request("companies holds at most 200 items.");  // [vendor]: 200 a call
  static char const* const fields[] = {
      "company_name", "url",         "email",         "phone",       "vat_id", "register_id", "register_location",
      "street",       "street_name", "street_number", "postal_code", "city",   "country",     "country_code"};
  json::array out;
  std::size_t position = 0;
  for (auto const& item : list->get_array()) {
    std::string const where = "companies[" + std::to_string(position++) + "].";
    if (!item.is_object()) bad_request(where.substr(0, where.size() - 1) + " must be an object.");
    json::object const& o = item.get_object();
    std::map<std::string, std::string> in;
    for (char const* f : fields) {
      if (auto v = string_field(o, f, where)) in[f] = std::string(trim(*v));
    }
    auto given = [&](char const* f) { return in.count(f) != 0 && !in[f].empty(); };
    if (!given("company_name") && !given("url") && !given("vat_id") && !given("register_id")) {
      bad_request(where.substr(0, where.size() - 1) +
                  " needs at least one of company_name, url, vat_id or register_id.");
    }
    std::vector<std::string> const tokens = given("company_name") ? name_tokens(in["company_name"])
                                                                  : std::vector<std::string>{};
    std::string const domain = given("url") ? bare_domain(in["url"]) : std::string();
    std::string vat;
    for (char ch : given("vat_id") ? in["vat_id"] : std::string()) {
      if (ch != ' ') vat.push_back(static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch));
    }
    std::string const email_domain = given("email") && in["email"].find('@') != std::string::npos
                                         ? bare_domain(in["email"].substr(in["email"].find('@') + 1))
                                         : "";
    std::string const phone = given("phone") ? only_digits(in["phone"]) : "";

    std::vector<std::pair<double, std::size_t>> candidates;
    for (std::size_t i = 0; i < w.data.companies.size(); ++i) {
      company_rec const& co = w.data.companies[i];
      city_info const& city = cities()[co.city];
      double score = 0;
      if (!domain.empty() && domain == co.domain) score = std::max(score, 1.0);
      if (!vat.empty() && vat == co.vat_id) score = std::max(score, 1.0);
      if (!email_domain.empty() && email_domain == co.domain) score = std::max(score, 0.9);
      if (phone.size() >= 6) {
        for (auto const& p : co.phone_digits) {
          if (p == phone) score = std::max(score, 0.9);
        }
      }
      if (!tokens.empty()) {
        std::vector<std::string> const& mine = w.name_index[i];
        std::size_t common = 0;
        for (auto const& t : tokens) common += std::count(mine.begin(), mine.end(), t) > 0 ? 1 : 0;
        if (common == tokens.size() && tokens.size() == mine.size()) {
          score = std::max(score, 0.9);
        } else if (common == tokens.size()) {
          score = std::max(score, 0.6 + 0.3 * static_cast<double>(common) / static_cast<double>(mine.size()));
        } else if (common > 0) {
          score = std::max(score, 0.6 * static_cast<double>(common) /
                                      static_cast<double>(tokens.size() + mine.size() - common));
        }
      }
      if (score <= 0) continue;
      if (given("country_code")) score += iequals(in["country_code"], city.country_code) ? 0.05 : -0.2;
      if (given("city") && iequals(in["city"], city.city)) score += 0.05;
      if (given("postal_code") && in["postal_code"] == city.postal_code) score += 0.02;
      score = std::round(std::min(1.0, std::max(0.0, score)) * 100.0) / 100.0;
      if (score >= 0.5) candidates.emplace_back(score, i);
    }
    std::sort(candidates.begin(), candidates.end(), [](auto const& a, auto const& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (candidates.size() > max_results) candidates.resize(max_results);
    json::array matches;
    for (auto const& [score, idx] : candidates) {
      matches.push_back(json::object{
          {"type", "company_match"},
          {"id", w.data.companies[idx].id},
          {"attributes", json::object{{"match_score", score}}},
          {"relationships", json::object{{"company_summary", render_company_summary(w, idx)}}}});
    }
    out.push_back(std::move(matches));
  }
  reply r;
  r.set_charged(0);
  r.data = std::move(out);
  return r;
}

reply company_tags(world& w, request_ctx& c, bool assign) {
  std::size_t const idx = w.company_index(c.params[0]);
  std::vector<std::string> const ids = identifiers_body(c, "tag");
  std::vector<tag_rec*> tags;
  for (std::string const& id : ids) {
    tag_rec* t = c.acc().find_tag(id);
    if (t == nullptr) not_found("Tag '" + id + "' not found.");
    tags.push_back(t);
  }
  for (tag_rec* t : tags) {
    if (assign) {
      t->companies.insert(idx);
    } else {
      t->companies.erase(idx);
    }
  }
  reply r;
  r.data = tags_of(c.acc(), idx);
  return r;
}

reply companies_assign_tags(world& w, request_ctx& c) { return company_tags(w, c, true); }
reply companies_unassign_tags(world& w, request_ctx& c) { return company_tags(w, c, false); }

}  // namespace

void add_company_handlers(handler_table& t) {
  t["companies.get"] = companies_get;
  t["companies.retrieve"] = companies_retrieve;
  t["companies.get_financials"] = companies_get_financials;
  t["companies.search_signals"] = companies_search_signals;
  t["companies.search"] = companies_search;
  t["companies.match"] = companies_match;
  t["companies.list_ips"] = companies_list_ips;
  t["companies.add_to_lists"] = companies_add_to_lists;
  t["companies.remove_from_lists"] = companies_remove_from_lists;
  t["companies.assign_tags"] = companies_assign_tags;
  t["companies.unassign_tags"] = companies_unassign_tags;
  t["companies.estimate_enrichment_job"] = companies_estimate_enrichment_job;
  t["companies.create_enrichment_job"] = companies_create_enrichment_job;
  t["companies.get_enrichment_job"] = companies_get_enrichment_job;
}

}  // namespace lfsim
