// SPDX-License-Identifier: MIT
// leadfeeder-simulator: rendering resources (see render.hpp).
#include "render.hpp"

#include "request.hpp"
#include "util.hpp"

#include <algorithm>
#include <chrono>

namespace lfsim {

json::object location_attributes(std::size_t city) {
  city_info const& c = cities()[city];
  return json::object{{"city", c.city},
                      {"country", c.country},
                      {"country_code", c.country_code},
                      {"region", c.region},
                      {"postal_code", c.postal_code}};
}

json::object company_core(world const& w, std::size_t idx) {
  company_rec const& c = w.data.companies[idx];
  return json::object{{"type", "company"}, {"id", c.id}, {"attributes", c.attributes}};
}

json::array lists_of(account_state const& a, std::string_view scope, std::size_t idx) {
  json::array out;
  for (list_rec const& l : a.lists) {
    if (l.scope == scope && l.members.count(idx) != 0) out.push_back(render_list(l));
  }
  return out;
}

json::array tags_of(account_state const& a, std::size_t company) {
  json::array out;
  for (tag_rec const& t : a.tags) {
    if (t.companies.count(company) != 0) out.push_back(render_tag(t));
  }
  return out;
}

json::object render_company(world const& w, std::size_t idx, account_state const& a, include_set const& inc) {
  company_rec const& c = w.data.companies[idx];
  json::object rel;
  if (c.group_parent != company_rec::npos) {
    rel["group_company"] = included(inc, "group_company") ? company_core(w, c.group_parent)
                                                          : stub("company", w.data.companies[c.group_parent].id);
  } else if (included(inc, "group_company")) {
    rel["group_company"] = nullptr;
  }
  rel["lists"] = lists_of(a, "company", idx);
  rel["tags"] = tags_of(a, idx);
  if (included(inc, "web_visits")) {
    json::array visits;
    for (visit_rec const& v : w.data.visits[a.index]) {
      if (v.company != idx) continue;
      visits.push_back(render_visit(w, v, false));
      if (visits.size() >= 10) break;
    }
    rel["web_visits"] = std::move(visits);
  }
  if (included(inc, "icps")) {
    json::array icps;
    for (icp_rec const& i : w.data.icps) {
      if (icp_matches(i, c)) icps.push_back(render_icp(i));
    }
    rel["icps"] = std::move(icps);
  }
  for (char const* crm : {"crm_connections", "crm_suggestions", "crm_group_connections"}) {
    if (included(inc, crm)) rel[crm] = json::array{};
  }
  return json::object{
      {"type", "company"}, {"id", c.id}, {"attributes", c.attributes}, {"relationships", std::move(rel)}};
}

json::object render_company_summary(world const& w, std::size_t idx) {
  company_rec const& c = w.data.companies[idx];
  return json::object{{"type", "company_summary"}, {"id", c.id}, {"attributes", c.summary}};
}

json::object custom_field_values(world const& w, account_state const& a, std::size_t contact) {
  json::object out;
  contact_rec const& person = w.data.contacts[contact];
  for (field_rec const& f : a.fields) {
    json::value const* key = member(f.attributes, "key");
    std::string const k = key != nullptr && key->is_string() ? std::string(key->get_string()) : "field_" + f.id;
    json::value const* type = member(f.attributes, "type");
    std::string const t = type != nullptr && type->is_string() ? std::string(type->get_string()) : "text";
    std::uint64_t const h = mix64(w.seed ^ fnv1a(f.id) ^ (contact * 0x9e3779b97f4a7c15ULL));
    json::value value;
    std::string reason;
    if (t == "ai_boolean" || t == "boolean") {
      bool const yes = (h & 1) != 0;
      value = yes;
      reason = std::string("Simulated rationale: judging by the position '") +
               std::string(person.attributes.at("position").as_object().at("title").as_string()) + "', the answer is " +
               (yes ? "yes." : "no.");
    } else if (t == "number") {
      value = static_cast<std::int64_t>(h % 1000);
      reason = "Simulated value.";
    } else {
      value = "value " + to_hex(h & 0xFFFFFF, 6);
      reason = "Simulated value.";
    }
    out[k] = json::object{{"type", t}, {"value", std::move(value)}, {"reason", std::move(reason)}};
  }
  return out;
}

json::object render_contact(world const& w, std::size_t idx, account_state const& a, include_set const& inc) {
  contact_rec const& c = w.data.contacts[idx];
  json::object attributes = c.attributes;
  attributes["custom_fields"] = custom_field_values(w, a, idx);
  json::object rel;
  rel["company"] = included(inc, "company") ? company_core(w, c.company)
                                            : stub("company", w.data.companies[c.company].id);
  rel["lists"] = lists_of(a, "contact", idx);
  json::array personas;
  for (persona_rec const& p : w.data.personas) {
    if (persona_matches(p, c)) personas.push_back(render_persona(p));
  }
  rel["buyer_personas"] = std::move(personas);
  for (char const* crm : {"crm_connections", "crm_suggestions"}) {
    if (included(inc, crm)) rel[crm] = json::array{};
  }
  return json::object{
      {"type", "contact"}, {"id", c.id}, {"attributes", std::move(attributes)}, {"relationships", std::move(rel)}};
}

json::object render_contact_summary(world const& w, std::size_t idx) {
  contact_rec const& c = w.data.contacts[idx];
  json::object attributes{
      {"first_name", c.attributes.at("first_name")},   {"last_name", c.attributes.at("last_name")},
      {"emails", c.attributes.at("emails")},           {"position", c.attributes.at("position")},
      {"departments", c.attributes.at("departments")}, {"hierarchy_level", c.attributes.at("hierarchy_level")}};
  return json::object{{"type", "contact_summary"},
                      {"id", c.id},
                      {"attributes", std::move(attributes)},
                      {"relationships", json::object{{"company", stub("company", w.data.companies[c.company].id)}}}};
}

json::object render_list(list_rec const& l) {
  return json::object{
      {"type", "list"},
      {"id", l.id},
      {"attributes",
       json::object{{"name", l.name}, {"scope", l.scope}, {"created_at", l.created_at}, {"updated_at", l.updated_at}}},
      {"relationships", json::object{{"created_by", stub("user", l.created_by)}}}};
}

json::object render_tag(tag_rec const& t) {
  return json::object{
      {"type", "tag"}, {"id", t.id}, {"attributes", json::object{{"name", t.name}, {"color", t.color}}}};
}

json::object render_persona(persona_rec const& p) {
  json::object filters;
  for (auto const& [key, items] : p.filters) {
    json::array a;
    for (filter_item const& f : items) {
      a.push_back(json::object{
          {"search_value", f.search_value}, {"display_value", f.display_value}, {"negated", f.negated}});
    }
    filters[key] = std::move(a);
  }
  return json::object{
      {"type", "buyer_persona"},
      {"id", p.id},
      {"attributes", json::object{{"name", p.name}, {"created_at", p.created_at}, {"filters", std::move(filters)}}}};
}

json::object render_icp(icp_rec const& i) {
  auto strings = [](std::vector<std::string> const& v) {
    json::array a;
    for (auto const& s : v) a.push_back(json::string(s));
    return a;
  };
  return json::object{
      {"type", "icp"},
      {"id", i.id},
      {"attributes", json::object{{"name", i.name},
                                  {"created_at", i.created_at},
                                  {"updated_at", i.updated_at},
                                  {"criteria", json::object{{"country_codes", strings(i.country_codes)},
                                                            {"employee_ranges", strings(i.employee_ranges)},
                                                            {"industry_codes", strings(i.industry_codes)}}}}}};
}

json::object render_user(user_rec const& u) {
  return json::object{{"type", "user"},
                      {"id", u.id},
                      {"attributes", json::object{{"email", u.email},
                                                  {"first_name", u.first_name},
                                                  {"last_name", u.last_name},
                                                  {"team_role", u.team_role}}}};
}

json::object render_field(field_rec const& f) {
  return json::object{{"type", "custom_field"}, {"id", f.id}, {"attributes", f.attributes}};
}

json::object render_visit(world const& w, visit_rec const& v, bool include_company) {
  json::object rel{
      {"company", include_company ? company_core(w, v.company) : stub("company", w.data.companies[v.company].id)},
      {"location", json::object{{"type", "visit_location"},
                                {"id", "loc_" + std::to_string(v.city + 1)},
                                {"attributes", location_attributes(v.city)}}}};
  return json::object{
      {"type", "web_visit"}, {"id", v.id}, {"attributes", v.attributes}, {"relationships", std::move(rel)}};
}

json::object render_feed(feed_rec const& f, account_state const& a, include_set const& inc) {
  json::object rel;
  json::value const* folder_id = member(f.attributes, "folder_id");
  folder_rec const* folder = nullptr;
  if (folder_id != nullptr && folder_id->is_string()) {
    folder = a.find_folder(folder_id->get_string());
  }
  if (folder == nullptr) {
    rel["folder"] = nullptr;
  } else if (inc.count("folder") != 0) {
    rel["folder"] =
        json::object{{"type", "custom_feed_folder"},
                     {"id", folder->id},
                     {"attributes", json::object{{"name", folder->name}, {"created_at", folder->created_at}}}};
  } else {
    rel["folder"] = stub("custom_feed_folder", folder->id);
  }
  json::value const* list_id = member(f.attributes, "connected_list_id");
  list_rec const* list = nullptr;
  if (list_id != nullptr && list_id->is_string()) {
    list = a.find_list(list_id->get_string());
  }
  if (list == nullptr) {
    rel["connected_list"] = nullptr;
  } else {
    rel["connected_list"] = inc.count("connected_list") != 0 ? render_list(*list) : stub("list", list->id);
  }
  return json::object{
      {"type", "custom_feed"}, {"id", f.id}, {"attributes", f.attributes}, {"relationships", std::move(rel)}};
}

json::object render_folder(folder_rec const& f, account_state const& a, include_set const& inc) {
  json::array feeds;
  for (feed_rec const& feed : a.feeds) {
    json::value const* folder_id = member(feed.attributes, "folder_id");
    if (folder_id == nullptr || !folder_id->is_string() || folder_id->get_string() != f.id) continue;
    feeds.push_back(inc.count("custom_feeds") != 0 ? render_feed(feed, a, {}) : stub("custom_feed", feed.id));
  }
  return json::object{{"type", "custom_feed_folder"},
                      {"id", f.id},
                      {"attributes", json::object{{"name", f.name}, {"created_at", f.created_at}}},
                      {"relationships", json::object{{"custom_feeds", std::move(feeds)}}}};
}

json::object render_job(job_rec const& j) {
  auto const elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - j.created);
  std::int64_t const running_ms = elapsed.count() - 100;
  std::int64_t const done = running_ms <= 0 ? 0 : std::min(j.total, running_ms / 40);
  char const* status = running_ms <= 0 ? "queued" : done < j.total ? "running" : "finished";
  std::int64_t const used = j.total == 0 ? 0 : j.credits * done / j.total;
  return json::object{{"type", "job"},
                      {"id", j.id},
                      {"attributes", json::object{{"kind", j.kind},
                                                  {"status", status},
                                                  {"total_count", j.total},
                                                  {"processed_count", done},
                                                  {"credits_used", used},
                                                  {"errors", json::array()}}}};
}

json::object render_campaign(world const& w, campaign_rec const& k, account_state const& a, include_set const& inc) {
  json::object relationships;
  if (inc.count("list") != 0 && !k.list_id.empty()) {
    list_rec const* l = a.find_list(k.list_id);
    relationships["list"] = l != nullptr ? json::value(render_list(*l)) : json::value(stub("list", k.list_id));
  }
  if (inc.count("campaign_summary") != 0) {
    std::uint64_t const h = mix64(w.seed ^ fnv1a(k.id));
    relationships["campaign_summary"] =
        json::object{{"type", "campaign_summary"},
                     {"id", k.id},
                     {"attributes", json::object{{"visits", h % 5000}, {"companies", h % 300}}}};
  }
  if (inc.count("campaign_settings") != 0) {
    relationships["campaign_settings"] = json::object{
        {"type", "campaign_settings"}, {"id", k.id}, {"attributes", json::object{{"utm_campaign", slug_key(k.name)}}}};
  }
  if (inc.count("campaign_locations") != 0) relationships["campaign_locations"] = json::array();
  json::object out{{"type", "campaign"},
                   {"id", k.id},
                   {"attributes", json::object{{"name", k.name}, {"status", k.status}, {"created_at", k.created_at}}}};
  if (!relationships.empty()) out["relationships"] = std::move(relationships);
  return out;
}
}  // namespace lfsim
