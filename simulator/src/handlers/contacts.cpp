// SPDX-License-Identifier: MIT
// leadfeeder-simulator: contacts.*: records (shared with companies in records.hpp) and search.
#include "handlers/handlers.hpp"

#include "handlers/records.hpp"
#include "pagination.hpp"
#include "render.hpp"
#include "request.hpp"
#include "util.hpp"
#include "world.hpp"

#include <algorithm>
#include <optional>

namespace lfsim {

namespace {

reply contacts_get(world& w, request_ctx& c) { return get_record(w, c, record_kind::contact); }
reply contacts_retrieve(world& w, request_ctx& c) { return retrieve_records(w, c, record_kind::contact); }
reply contacts_add_to_lists(world& w, request_ctx& c) { return change_record_lists(w, c, record_kind::contact, true); }
reply contacts_remove_from_lists(world& w, request_ctx& c) {
  return change_record_lists(w, c, record_kind::contact, false);
}
reply contacts_estimate_contact_data_job(world& w, request_ctx& c) { return estimate_job(w, c, record_kind::contact); }
reply contacts_create_contact_data_job(world& w, request_ctx& c) { return create_job(w, c, record_kind::contact); }
reply contacts_get_contact_data_job(world& w, request_ctx& c) { return get_job(w, c, record_kind::contact); }

reply contacts_search(world& w, request_ctx& c) {
  json::object const body = parse_body(c, false);
  std::size_t const size = page_size(c);
  std::size_t const offset = cursor_offset(w, c);
  std::vector<std::string> terms;
  for (auto const& t : string_list(body, "search_terms", "")) {
    std::string const lower = to_lower(trim(t));
    if (!lower.empty()) terms.push_back(lower);
  }
  std::vector<std::string> emails;
  for (auto const& e : string_list(body, "emails", "")) emails.push_back(to_lower(trim(e)));
  std::set<std::size_t> companies;
  std::vector<std::string> const company_ids = string_list(body, "company_ids", "");
  for (auto const& id : company_ids) {
    auto const it = w.data.company_by_id.find(id);
    if (it != w.data.company_by_id.end()) companies.insert(it->second);
  }
  std::vector<std::string> positions;
  for (auto const& p : string_list(body, "positions", "")) positions.push_back(to_lower(trim(p)));
  std::vector<std::string> const departments = string_list(body, "departments", "");
  std::vector<std::string> const levels = string_list(body, "hierarchy_levels", "");
  std::vector<std::string> const persona_ids = string_list(body, "buyer_persona_ids", "");
  std::optional<std::string> const affiliation = string_field(body, "affiliation", "");
  std::optional<bool> has_email;
  if (json::object const* filters = object_field(body, "filters", ""))
    has_email = bool_field(*filters, "has_email", "filters.");
  std::vector<persona_rec const*> personas;
  for (auto const& id : persona_ids) {
    for (persona_rec const& p : w.data.personas) {
      if (p.id == id) personas.push_back(&p);
    }
  }

  std::vector<std::size_t> matches;
  for (std::size_t i = 0; i < w.data.contacts.size(); ++i) {
    contact_rec const& ct = w.data.contacts[i];
    if (!terms.empty()) {
      bool hit = false;
      for (auto const& t : terms) {
        hit = hit || ct.full_name_lower.find(t) != std::string::npos || ct.title_lower.find(t) != std::string::npos;
      }
      if (!hit) continue;
    }
    if (!emails.empty()) {
      bool hit = false;
      for (auto const& e : emails) {
        hit = hit || std::find(ct.emails_lower.begin(), ct.emails_lower.end(), e) != ct.emails_lower.end();
      }
      if (!hit) continue;
    }
    if (!company_ids.empty() && companies.count(ct.company) == 0) continue;
    if (!positions.empty()) {
      bool hit = false;
      for (auto const& p : positions) hit = hit || ct.title_lower.find(p) != std::string::npos;
      if (!hit) continue;
    }
    if (!departments.empty()) {
      bool hit = false;
      for (auto const& d : departments) {
        hit = hit || std::find(ct.departments.begin(), ct.departments.end(), d) != ct.departments.end();
      }
      if (!hit) continue;
    }
    if (!levels.empty() && std::find(levels.begin(), levels.end(), ct.hierarchy_level) == levels.end()) continue;
    if (!persona_ids.empty()) {
      bool hit = false;
      for (persona_rec const* p : personas) hit = hit || persona_matches(*p, ct);
      if (!hit) continue;
    }
    if (affiliation && ct.affiliation != *affiliation) continue;
    if (has_email && ct.emails_lower.empty() == *has_email) continue;
    matches.push_back(i);
  }

  json::array out;
  for (std::size_t i = offset; i < matches.size() && i < offset + size; ++i) {
    out.push_back(render_contact_summary(w, matches[i]));
  }
  reply r;
  r.set_charged(0);
  r.has_pagination = true;
  r.pagination = cursor_meta(w, offset, size, matches.size());
  r.data = std::move(out);
  return r;
}

}  // namespace

void add_contact_handlers(handler_table& t) {
  t["contacts.get"] = contacts_get;
  t["contacts.retrieve"] = contacts_retrieve;
  t["contacts.search"] = contacts_search;
  t["contacts.add_to_lists"] = contacts_add_to_lists;
  t["contacts.remove_from_lists"] = contacts_remove_from_lists;
  t["contacts.estimate_contact_data_job"] = contacts_estimate_contact_data_job;
  t["contacts.create_contact_data_job"] = contacts_create_contact_data_job;
  t["contacts.get_contact_data_job"] = contacts_get_contact_data_job;
}

}  // namespace lfsim
