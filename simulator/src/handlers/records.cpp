// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the operations companies and contacts mirror (see records.hpp).
#include "handlers/records.hpp"

#include "render.hpp"
#include "world.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

namespace lfsim {

namespace {

bool is_company(record_kind k) noexcept { return k == record_kind::company; }
char const* plural_of(record_kind k) noexcept { return is_company(k) ? "companies" : "contacts"; }

std::size_t record_index(world const& w, record_kind k, std::string const& id) {
  return is_company(k) ? w.company_index(id) : w.contact_index(id);
}

json::object render_record(world const& w, record_kind k, std::size_t idx, account_state const& a,
                           include_set const& inc) {
  return is_company(k) ? render_company(w, idx, a, inc) : render_contact(w, idx, a, inc);
}

// A job's kind as it reads in its id and status: company enrichment or contact data.
char const* job_kind(record_kind k) noexcept { return is_company(k) ? "company_enrichment" : "contact_data"; }

/// The records a job body names: ids, a list's members, or both (companies: exactly one of them,
/// plus the AI custom field to fill).
std::vector<std::size_t> job_records(world& w, request_ctx& c, record_kind k) {
  bool const companies = is_company(k);
  json::object const attributes = resource_attributes(c, companies ? "company_enrichment_job" : "contact_data_job");
  std::vector<std::string> const ids =
      string_list(attributes, companies ? "company_ids" : "contact_ids", "data.attributes.");
  std::optional<std::string> const list_id = string_field(attributes, "list_id", "data.attributes.");
  if (companies) {
    if (ids.empty() == !list_id.has_value()) bad_request("Give exactly one of data.attributes.company_ids or list_id.");
    std::optional<std::string> const field = string_field(attributes, "custom_field_id", "data.attributes.");
    if (!field || field->empty())
      bad_request("data.attributes.custom_field_id is required: the AI custom field to fill.");
    if (c.acc().find_field(*field) == nullptr) not_found("Custom field '" + *field + "' not found.");
  } else if (ids.empty() && !list_id) {
    bad_request("Give data.attributes.contact_ids or list_id.");
  }
  std::set<std::size_t> records;
  auto const& by_id = records_by_id(w, k);
  for (std::string const& id : ids) {
    auto const it = by_id.find(id);
    if (it != by_id.end()) records.insert(it->second);
  }
  if (list_id) {
    list_rec const* l = c.acc().find_list(*list_id);
    if (l == nullptr) not_found("List '" + *list_id + "' not found.");
    if (l->scope != scope_of(k)) {
      bad_request("List '" + *list_id + "' holds " + l->scope + "s, not " + plural_of(k) + ".");
    }
    records.insert(l->members.begin(), l->members.end());
  }
  if (records.size() > 10000) bad_request("A job takes at most 10000 records.");
  return std::vector<std::size_t>(records.begin(), records.end());
}

}  // namespace

char const* scope_of(record_kind k) noexcept { return is_company(k) ? "company" : "contact"; }

std::unordered_map<std::string, std::size_t> const& records_by_id(world const& w, record_kind k) {
  return is_company(k) ? w.data.company_by_id : w.data.contact_by_id;
}

std::unordered_set<std::size_t>& unlocked_records(account_state& a, record_kind k) {
  return is_company(k) ? a.unlocked_companies : a.unlocked_contacts;
}

reply get_record(world& w, request_ctx& c, record_kind k) {
  include_set const inc = includes(c);
  std::size_t const idx = record_index(w, k, c.params[0]);
  reply r;
  r.set_charged(w.charge(c.acc(), unlocked_records(c.acc(), k), {idx}));
  r.data = render_record(w, k, idx, c.acc(), inc);
  return r;
}

reply retrieve_records(world& w, request_ctx& c, record_kind k) {
  std::vector<std::string> const ids = id_list(required_query(c, "ids"));
  std::string const what = std::string(scope_of(k)) + " id";
  if (ids.empty()) bad_request("ids must hold at least one " + what + ".");
  if (ids.size() > 100) bad_request("ids holds at most 100 " + what + "s.");
  include_set const inc = includes(c);
  auto const& by_id = records_by_id(w, k);
  std::vector<std::size_t> found;
  for (std::string const& id : ids) {
    auto const it = by_id.find(id);
    if (it != by_id.end() && std::find(found.begin(), found.end(), it->second) == found.end()) {
      found.push_back(it->second);
    }
  }
  reply r;
  r.set_charged(w.charge(c.acc(), unlocked_records(c.acc(), k), found));
  json::array out;
  for (std::size_t idx : found) out.push_back(render_record(w, k, idx, c.acc(), inc));
  r.data = std::move(out);
  return r;
}

reply change_record_lists(world& w, request_ctx& c, record_kind k, bool add) {
  std::string_view const scope = scope_of(k);
  std::size_t const idx = record_index(w, k, c.params[0]);
  std::vector<std::string> const ids = identifiers_body(c, "list");
  std::vector<list_rec*> lists;
  for (std::string const& id : ids) {
    list_rec* l = c.acc().find_list(id);
    if (l == nullptr) not_found("List '" + id + "' not found.");
    if (l->scope != scope) {
      bad_request("List '" + id + "' has scope '" + l->scope + "'; only '" + std::string(scope) + "' lists hold " +
                  plural_of(k) + ".");
    }
    lists.push_back(l);
  }
  for (list_rec* l : lists) {
    bool const changed = add ? l->members.insert(idx).second : l->members.erase(idx) != 0;
    if (changed) l->updated_at = sim_time(c.sequence);
  }
  reply r;
  r.data = lists_of(c.acc(), scope, idx);
  return r;
}

reply estimate_job(world& w, request_ctx& c, record_kind k) {
  std::vector<std::size_t> const records = job_records(w, c, k);
  auto const& unlocked = unlocked_records(c.acc(), k);
  std::int64_t credits = 0;
  for (std::size_t r : records) credits += unlocked.count(r) == 0 ? 1 : 0;
  reply r;
  r.set_charged(0);
  r.data = json::object{{"type", "job_estimate"},
                        {"id", "estimate:" + std::to_string(c.sequence)},
                        {"attributes", json::object{{"eligible_count", records.size()}, {"credits", credits}}}};
  return r;
}

reply create_job(world& w, request_ctx& c, record_kind k) {
  std::vector<std::size_t> const records = job_records(w, c, k);
  job_rec j;
  j.id = (is_company(k) ? "enr_" : "fcd_") + std::to_string(w.next_job++);
  j.kind = job_kind(k);
  j.account_id = c.acc().id;
  j.total = static_cast<std::int64_t>(records.size());
  j.credits = w.charge(c.acc(), unlocked_records(c.acc(), k), records);
  j.created = std::chrono::steady_clock::now();
  reply r;
  r.status = 201;
  r.set_charged(j.credits);
  auto const it = w.jobs.emplace(j.id, std::move(j)).first;
  r.data = render_job(it->second);
  return r;
}

reply get_job(world& w, request_ctx& c, record_kind k) {
  auto const it = w.jobs.find(c.params[0]);
  if (it == w.jobs.end() || it->second.kind != job_kind(k) || it->second.account_id != c.acc().id) {
    not_found("Job '" + c.params[0] + "' not found.");
  }
  reply r;
  r.set_charged(0);
  r.data = render_job(it->second);
  return r;
}

}  // namespace lfsim
