// SPDX-License-Identifier: MIT
// leadfeeder-simulator: web_visits.*: visits, visitor companies, custom feeds and folders, the tracker script.
#include "handlers/handlers.hpp"

#include "pagination.hpp"
#include "render.hpp"
#include "request.hpp"
#include "util.hpp"
#include "world.hpp"

#include <algorithm>
#include <optional>

namespace lfsim {

namespace {

bool feed_accepts(world const& w, feed_rec const& feed, visit_rec const& v) {
  json::value const* filters = member(feed.attributes, "filters");
  if (filters == nullptr || !filters->is_array()) return true;
  company_rec const& company = w.data.companies[v.company];
  for (auto const& item : filters->get_array()) {
    if (!item.is_object()) continue;
    json::object const& f = item.get_object();
    json::value const* type = member(f, "type");
    json::value const* op_value = member(f, "operator");
    json::value const* values = member(f, "values");
    if (type == nullptr || !type->is_string() || values == nullptr || !values->is_array()) continue;
    std::string const op = op_value != nullptr && op_value->is_string() ? std::string(op_value->get_string()) : "is";
    std::string subject;
    std::string_view const t = type->get_string();
    if (t == "company_country_code") {
      subject = cities()[company.city].country_code;
    } else if (t == "company_employee_range") {
      subject = company.employee_range;
    } else if (t == "company_industry") {
      subject = industries()[company.industry].code;
    } else if (t == "company_name") {
      subject = company.name;
    } else if (t == "visit_country_code") {
      subject = cities()[v.city].country_code;
    } else if (t == "visit_city") {
      subject = cities()[v.city].city;
    } else if (t == "landing_page_path") {
      subject = std::string(v.attributes.at("landing_page_path").as_string());
    } else {
      continue;  // unknown filter types do not narrow the feed
    }
    std::string const s = to_lower(subject);
    bool any = false;
    for (auto const& val : values->get_array()) {
      if (!val.is_string()) continue;
      std::string const x = to_lower(val.get_string());
      if (op == "contains") {
        any = any || s.find(x) != std::string::npos;
      } else if (op == "begins_with") {
        any = any || starts_with(s, x);
      } else {
        any = any || s == x;
      }
    }
    if (op == "is_not" ? any : !any) return false;
  }
  return true;
}

void validate_feed_attributes(json::object const& attributes, account_state& a) {
  string_field(attributes, "name", "data.attributes.");
  if (auto folder = string_field(attributes, "folder_id", "data.attributes.")) {
    if (a.find_folder(*folder) == nullptr) bad_request("data.attributes.folder_id: no folder '" + *folder + "'.");
  }
  if (auto list = string_field(attributes, "connected_list_id", "data.attributes.")) {
    if (a.find_list(*list) == nullptr) bad_request("data.attributes.connected_list_id: no list '" + *list + "'.");
  }
  if (json::value const* filters = member(attributes, "filters")) {
    if (!filters->is_array()) bad_request("data.attributes.filters must be an array of {type, operator, values}.");
    for (auto const& f : filters->get_array()) {
      if (!f.is_object()) bad_request("data.attributes.filters must be an array of {type, operator, values}.");
    }
  }
}

reply web_visits_search(world& w, request_ctx& c) {
  std::set<std::string> const inc = includes(c);
  std::size_t const num = page_num(c);
  std::size_t const size = page_size(c);
  json::object const body = parse_body(c, true);
  std::optional<std::string> const start_text = string_field(body, "start_date", "");
  std::optional<std::string> const end_text = string_field(body, "end_date", "");
  if (!start_text || !end_text) bad_request("start_date and end_date (YYYY-MM-DD) are required.");
  std::int64_t start = 0;
  std::int64_t end = 0;
  if (!parse_date(*start_text, start)) bad_request("start_date must be a date YYYY-MM-DD.");
  if (!parse_date(*end_text, end)) bad_request("end_date must be a date YYYY-MM-DD.");
  if (end < start) bad_request("end_date must not be earlier than start_date.");

  std::optional<std::size_t> company;
  bool unknown_company = false;
  std::vector<std::string> countries;
  std::vector<std::string> city_names;
  if (json::object const* filters = object_field(body, "filters", "")) {
    if (auto id = string_field(*filters, "company_id", "filters.")) {
      auto const it = w.data.company_by_id.find(*id);
      if (it == w.data.company_by_id.end()) {
        unknown_company = true;
      } else {
        company = it->second;
      }
    }
    countries = string_list(*filters, "location_country_codes", "filters.");
    city_names = string_list(*filters, "location_cities", "filters.");
  }

  std::vector<visit_rec const*> matches;
  if (!unknown_company) {
    for (visit_rec const& v : w.data.visits[c.acc().index]) {
      if (v.day < start || v.day > end) continue;
      if (company && v.company != *company) continue;
      city_info const& city = cities()[v.city];
      if (!countries.empty()) {
        bool hit = false;
        for (auto const& cc : countries) hit = hit || iequals(cc, city.country_code);
        if (!hit) continue;
      }
      if (!city_names.empty()) {
        bool hit = false;
        for (auto const& n : city_names) hit = hit || iequals(n, city.city);
        if (!hit) continue;
      }
      matches.push_back(&v);
    }
  }
  auto const [first, last] = page_bounds(num, size, matches.size());
  json::array out;
  for (std::size_t i = first; i < last; ++i) out.push_back(render_visit(w, *matches[i], inc.count("company") != 0));
  reply r;
  r.has_pagination = true;
  r.pagination = page_number_meta(num, size, matches.size());
  r.data = std::move(out);
  return r;
}

reply web_visits_list_visitor_companies(world& w, request_ctx& c) {
  std::int64_t start = 0;
  std::int64_t end = 0;
  if (!parse_date(required_query(c, "start_date"), start)) bad_request("start_date must be a date YYYY-MM-DD.");
  if (!parse_date(required_query(c, "end_date"), end)) bad_request("end_date must be a date YYYY-MM-DD.");
  if (end < start) bad_request("end_date must not be earlier than start_date.");
  std::set<std::string> const inc = includes(c);
  std::size_t const num = page_num(c);
  std::size_t const size = page_size(c);
  feed_rec const* feed = nullptr;
  if (std::string const* id = c.get("custom_feed_id"); id != nullptr && !id->empty()) {
    feed = c.acc().find_feed(*id);
    if (feed == nullptr) not_found("Custom feed '" + *id + "' not found.");
  }
  // One row per (company, location), most recently seen first.
  std::vector<std::pair<std::size_t, std::size_t>> rows;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (visit_rec const& v : w.data.visits[c.acc().index]) {
    if (v.day < start || v.day > end) continue;
    if (feed != nullptr && !feed_accepts(w, *feed, v)) continue;
    if (seen.insert({v.company, v.city}).second) rows.emplace_back(v.company, v.city);
  }
  auto const [first, last] = page_bounds(num, size, rows.size());
  json::array out;
  for (std::size_t i = first; i < last; ++i) {
    auto const [company, city] = rows[i];
    std::string const& company_id = w.data.companies[company].id;
    std::string const location_id = "loc_" + std::to_string(city + 1);
    out.push_back(json::object{
        {"type", "company_location"},
        {"id", company_id + "-" + location_id},
        {"relationships",
         json::object{
             {"company", inc.count("company") != 0 ? company_core(w, company) : stub("company", company_id)},
             {"location",
              json::object{{"type", "location"}, {"id", location_id}, {"attributes", location_attributes(city)}}}}}});
  }
  reply r;
  r.has_pagination = true;
  r.pagination = page_number_meta(num, size, rows.size());
  r.data = std::move(out);
  return r;
}

reply web_visits_list_custom_feeds(world&, request_ctx& c) {
  std::set<std::string> const inc = includes(c);
  std::optional<bool> connected;
  if (std::string const* v = c.get("filter[has_connected_list]")) {
    if (*v == "true") {
      connected = true;
    } else if (*v == "false") {
      connected = false;
    } else {
      bad_request("filter[has_connected_list] must be true or false.");
    }
  }
  json::array out;
  for (feed_rec const& f : c.acc().feeds) {
    json::object feed = render_feed(f, c.acc(), inc);
    bool const has_list = !feed.at("relationships").as_object().at("connected_list").is_null();
    if (connected && has_list != *connected) continue;
    out.push_back(std::move(feed));
  }
  reply r;
  r.data = std::move(out);
  return r;
}

reply web_visits_create_custom_feed(world& w, request_ctx& c) {
  json::object attributes = resource_attributes(c, "custom_feed");
  validate_feed_attributes(attributes, c.acc());
  if (member(attributes, "name") == nullptr) attributes["name"] = "Untitled feed";
  if (member(attributes, "filters") == nullptr) attributes["filters"] = json::array{};
  for (char const* key : {"folder_id", "connected_list_id"}) {
    if (attributes.find(key) == attributes.end()) attributes[key] = nullptr;
  }
  std::string const now = sim_time(c.sequence);
  attributes["created_at"] = now;
  attributes["updated_at"] = now;
  feed_rec feed{w.st.next_uuid(), std::move(attributes)};
  c.acc().feeds.push_back(std::move(feed));
  reply r;
  r.status = 201;
  r.data = render_feed(c.acc().feeds.back(), c.acc(), {});
  return r;
}

reply web_visits_get_custom_feed(world&, request_ctx& c) {
  std::set<std::string> const inc = includes(c);
  feed_rec const* f = c.acc().find_feed(c.params[0]);
  if (f == nullptr) not_found("Custom feed '" + c.params[0] + "' not found.");
  reply r;
  r.data = render_feed(*f, c.acc(), inc);
  return r;
}

reply web_visits_update_custom_feed(world&, request_ctx& c) {
  feed_rec* f = c.acc().find_feed(c.params[0]);
  if (f == nullptr) not_found("Custom feed '" + c.params[0] + "' not found.");
  json::object const attributes = resource_attributes(c, "custom_feed");
  validate_feed_attributes(attributes, c.acc());
  for (auto const& kv : attributes) {
    if (kv.key() == "created_at" || kv.key() == "updated_at") continue;
    f->attributes[kv.key()] = kv.value();
  }
  f->attributes["updated_at"] = sim_time(c.sequence);
  reply r;
  r.data = render_feed(*f, c.acc(), {});
  return r;
}

reply web_visits_delete_custom_feed(world&, request_ctx& c) {
  auto& feeds = c.acc().feeds;
  auto const it = std::find_if(feeds.begin(), feeds.end(), [&](feed_rec const& f) { return f.id == c.params[0]; });
  if (it == feeds.end()) not_found("Custom feed '" + c.params[0] + "' not found.");
  feeds.erase(it);
  reply r;
  r.no_content = true;
  return r;
}

reply web_visits_list_custom_feed_folders(world&, request_ctx& c) {
  std::set<std::string> const inc = includes(c);
  json::array out;
  for (folder_rec const& f : c.acc().folders) out.push_back(render_folder(f, c.acc(), inc));
  reply r;
  r.data = std::move(out);
  return r;
}

reply web_visits_get_tracker_script(world& w, request_ctx& c) {
  account_state const& a = c.acc();
  std::string const tracker_id = "LF-" + to_hex(mix64(w.seed ^ fnv1a(a.id)) & 0xFFFFFFFFULL, 8);
  bool const installed = a.index == 0;
  std::string const script =
      "<script>(function(ss,ex){window.ldfdr=window.ldfdr||function(){(ldfdr._q=ldfdr._q||[]).push([].slice.call("
      "arguments));};(function(d,s){var fs=d.getElementsByTagName(s)[0];function ce(src){var cs=d.createElement(s);"
      "cs.src=src;cs.async=1;fs.parentNode.insertBefore(cs,fs);};ce('https://sc.simulator.example/lftracker_v1_'+ss+"
      "(ex?'_'+ex:'')+'.js');})(document,'script');})('" +
      tracker_id + "');</script>";
  reply r;
  r.data = json::object{
      {"type", "web_visits_tracker_script"},
      {"id", tracker_id},
      {"attributes",
       json::object{
           {"tracker_id", tracker_id},
           {"script", script},
           {"installed", installed},
           {"installation_status", installed ? "installed" : "not_installed"},
           {"last_event_at", installed ? json::value(format_datetime(now_epoch() - 120)) : json::value(nullptr)},
           {"configuration", json::object{{"domains", json::array{"www.simulated-customer.example"}},
                                          {"track_forms", true},
                                          {"track_downloads", true},
                                          {"cookie_consent_required", false}}}}}};
  return r;
}

}  // namespace

void add_web_visit_handlers(handler_table& t) {
  t["web_visits.search"] = web_visits_search;
  t["web_visits.list_visitor_companies"] = web_visits_list_visitor_companies;
  t["web_visits.list_custom_feeds"] = web_visits_list_custom_feeds;
  t["web_visits.create_custom_feed"] = web_visits_create_custom_feed;
  t["web_visits.get_custom_feed"] = web_visits_get_custom_feed;
  t["web_visits.update_custom_feed"] = web_visits_update_custom_feed;
  t["web_visits.delete_custom_feed"] = web_visits_delete_custom_feed;
  t["web_visits.list_custom_feed_folders"] = web_visits_list_custom_feed_folders;
  t["web_visits.get_tracker_script"] = web_visits_get_tracker_script;
}

}  // namespace lfsim
