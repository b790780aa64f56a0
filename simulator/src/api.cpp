// leadfeeder-simulator: routes, auth, rate limits, credits, pagination, faults and the handlers
// of every operation in api/leadfeeder-v1.json (see api.hpp).
#include "api.hpp"
#include "openapi.hpp"

#include "dataset.hpp"
#include "json_text.hpp"
#include "state.hpp"
#include "util.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <arpa/inet.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>

namespace lfsim {

namespace json = boost::json;

namespace {

// ---------------------------------------------------------------------------------------------
// Errors

struct api_error {
  int status;
  std::string code;
  std::string title;
  std::string detail;
};

[[noreturn]] void fail(int status, std::string code, std::string title, std::string detail) {
  throw api_error{status, std::move(code), std::move(title), std::move(detail)};
}
[[noreturn]] void bad_request(std::string detail) { fail(400, "bad_request", "Bad Request", std::move(detail)); }
[[noreturn]] void not_found(std::string detail) {
  fail(404, "entity_not_found", "Entity not found", std::move(detail));
}

char const* const missing_token_message = "You need to pass a header named `X-Api-Key` that contains a valid API key.";
char const* const invalid_key_message = "The provided API key is invalid. Please generate a new API key.";
char const* const too_many_message = "You've exceeded the maximum amount of allowed requests. Please try again later.";

// ---------------------------------------------------------------------------------------------
// Request context and reply

struct request_ctx {
  explicit request_ctx(http_request const& r) : http(r) {}

  http_request const& http;
  std::uint64_t sequence = 0;
  std::vector<std::pair<std::string, std::string>> query;
  std::vector<std::string> params;  // path parameters, in order
  user_rec const* user = nullptr;
  account_state* account = nullptr;

  std::string const* get(std::string_view name) const {
    for (auto const& q : query) {
      if (q.first == name) return &q.second;
    }
    return nullptr;
  }
  account_state& acc() const { return *account; }
};

struct reply {
  int status = 200;
  json::value data;
  bool no_content = false;
  bool has_charged = false;
  std::int64_t charged = 0;
  bool has_pagination = false;
  json::object pagination;

  void set_charged(std::int64_t n) {
    has_charged = true;
    charged = n;
  }
};

// ---------------------------------------------------------------------------------------------
// Query and body helpers

std::string const& required_query(request_ctx const& c, std::string const& name) {
  std::string const* v = c.get(name);
  if (v == nullptr || v->empty()) bad_request("Missing required query parameter '" + name + "'.");
  return *v;
}

std::vector<std::string> id_list(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view part : split(text, ',')) {
    part = trim(part);
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

std::size_t page_size(request_ctx const& c) {
  std::string const* v = c.get("page[size]");
  if (v == nullptr) return 20;
  std::uint64_t n = 0;
  if (!parse_uint(*v, n) || n < 1 || n > 100) bad_request("page[size] must be an integer between 1 and 100.");
  return static_cast<std::size_t>(n);
}

std::size_t page_num(request_ctx const& c) {
  std::string const* v = c.get("page[num]");
  if (v == nullptr) return 1;
  std::uint64_t n = 0;
  if (!parse_uint(*v, n) || n < 1 || n > 1000000) bad_request("page[num] must be an integer from 1 to 1000000.");
  return static_cast<std::size_t>(n);
}

std::set<std::string> includes(request_ctx const& c, std::vector<std::string_view> const* allowed) {
  std::set<std::string> out;
  std::string const* v = c.get("include");
  if (v == nullptr) return out;
  for (std::string_view part : split(*v, ',')) {
    part = trim(part);
    if (part.empty()) continue;
    if (allowed != nullptr && std::find(allowed->begin(), allowed->end(), part) == allowed->end()) {
      std::string list;
      for (auto a : *allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      bad_request("Unsupported include value '" + std::string(part) + "'; this operation accepts: " + list + ".");
    }
    out.emplace(part);
  }
  return out;
}

bool included(std::set<std::string> const& inc, std::string_view name) {
  for (auto const& i : inc) {
    if (i == name || (starts_with(i, name) && i.size() > name.size() && i[name.size()] == '.')) return true;
  }
  return false;
}

json::object parse_body(request_ctx const& c, bool required) {
  if (trim(c.http.body).empty()) {
    if (required) bad_request("A JSON body is required.");
    return {};
  }
  boost::system::error_code ec;
  json::parse_options opt;
  opt.max_depth = 64;
  json::value v = json::parse(c.http.body, ec, {}, opt);
  if (ec) bad_request("The request body is not valid JSON (" + ec.message() + ").");
  if (!v.is_object()) bad_request("The request body must be a JSON object.");
  return std::move(v.as_object());
}

json::value const* member(json::object const& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

/// An array of strings, or nothing when absent or null; anything else is a 400.
std::vector<std::string> string_list(json::object const& o, std::string_view key, std::string_view where) {
  std::vector<std::string> out;
  json::value const* v = member(o, key);
  if (v == nullptr) return out;
  if (!v->is_array()) bad_request(std::string(where) + std::string(key) + " must be an array of strings.");
  for (auto const& item : v->get_array()) {
    if (!item.is_string()) bad_request(std::string(where) + std::string(key) + " must be an array of strings.");
    out.emplace_back(item.get_string());
  }
  return out;
}

std::optional<std::string> string_field(json::object const& o, std::string_view key, std::string_view where) {
  json::value const* v = member(o, key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) bad_request(std::string(where) + std::string(key) + " must be a string.");
  return std::string(v->get_string());
}

std::optional<bool> bool_field(json::object const& o, std::string_view key, std::string_view where) {
  json::value const* v = member(o, key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_bool()) bad_request(std::string(where) + std::string(key) + " must be a boolean.");
  return v->get_bool();
}

std::optional<double> number_field(json::object const& o, std::string_view key, std::string_view where) {
  json::value const* v = member(o, key);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return static_cast<double>(v->get_int64());
  if (v->is_uint64()) return static_cast<double>(v->get_uint64());
  if (v->is_double()) return v->get_double();
  bad_request(std::string(where) + std::string(key) + " must be a number.");
}

json::object const* object_field(json::object const& o, std::string_view key, std::string_view where) {
  json::value const* v = member(o, key);
  if (v == nullptr) return nullptr;
  if (!v->is_object()) bad_request(std::string(where) + std::string(key) + " must be an object.");
  return &v->get_object();
}

std::string id_text(json::value const& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  return {};
}

/// {"data":[{"type":type,"id":...}, ...]} (reference 1.9).
std::vector<std::string> identifiers_body(request_ctx const& c, std::string_view type) {
  json::object const body = parse_body(c, true);
  json::value const* data = member(body, "data");
  if (data == nullptr || !data->is_array()) {
    bad_request("The body needs data: an array of {\"type\":\"" + std::string(type) + "\",\"id\":...} objects.");
  }
  if (data->get_array().size() > 100) bad_request("data holds at most 100 items.");
  std::vector<std::string> ids;
  for (auto const& item : data->get_array()) {
    if (!item.is_object()) bad_request("Each item of data must be an object {type, id}.");
    json::object const& o = item.get_object();
    json::value const* t = member(o, "type");
    if (t != nullptr && (!t->is_string() || t->get_string() != type)) {
      bad_request("Each item of data must have type \"" + std::string(type) + "\".");
    }
    json::value const* id = member(o, "id");
    std::string text = id == nullptr ? std::string() : id_text(*id);
    if (text.empty()) bad_request("Each item of data needs a non-empty id.");
    ids.push_back(std::move(text));
  }
  return ids;
}

/// {"data":{"type":type,"attributes":{...}}}: the attributes (reference 1.9).
json::object resource_attributes(request_ctx const& c, std::string_view type) {
  json::object const body = parse_body(c, true);
  json::object const* data = object_field(body, "data", "");
  if (data == nullptr) {
    bad_request("The body needs data: {\"type\":\"" + std::string(type) + "\",\"attributes\":{...}}.");
  }
  json::value const* t = member(*data, "type");
  if (t != nullptr && (!t->is_string() || t->get_string() != type)) {
    bad_request("data.type must be \"" + std::string(type) + "\".");
  }
  json::object const* attributes = object_field(*data, "attributes", "data.");
  if (attributes == nullptr) bad_request("data.attributes (an object) is required.");
  return *attributes;
}

json::object stub(std::string_view type, std::string_view id) { return json::object{{"id", id}, {"type", type}}; }

std::string sim_time(std::uint64_t sequence) {
  return format_datetime(now_epoch() + static_cast<std::int64_t>(sequence));
}

std::string slug_key(std::string_view name) {
  std::string out;
  for (char ch : name) {
    char c = ch;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::vector<std::string> name_tokens(std::string_view name) {
  static char const* const legal[] = {"gmbh", "ag", "oy", "ab", "oü", "ltd", "inc", "llc", "sas", "bv", "co"};
  std::string cleaned;
  for (char ch : to_lower(name)) {
    if (ch == '.' || ch == ',' || ch == '&' || ch == '-') {
      if (ch == '-' || ch == '&') cleaned.push_back(' ');
      continue;
    }
    cleaned.push_back(ch);
  }
  std::vector<std::string> out;
  for (std::string_view t : split(cleaned, ' ')) {
    if (t.empty()) continue;
    if (std::find(std::begin(legal), std::end(legal), t) != std::end(legal)) continue;
    out.emplace_back(t);
  }
  return out;
}

std::string bare_domain(std::string_view url) {
  std::string s = to_lower(trim(url));
  std::size_t const scheme = s.find("://");
  if (scheme != std::string::npos) s.erase(0, scheme + 3);
  std::size_t const end = s.find_first_of("/?#:");
  if (end != std::string::npos) s.erase(end);
  if (starts_with(s, "www.")) s.erase(0, 4);
  return s;
}

std::string only_digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

// Include values per operation (the enums of api/leadfeeder-v1.json).
std::vector<std::string_view> const accounts_include = {"account_company"};
std::vector<std::string_view> const ips_include = {"company"};
std::vector<std::string_view> const campaigns_include = {"campaign_summary", "campaign_settings", "campaign_locations",
                                                         "list", "custom_feed"};
std::vector<std::string_view> const companies_include = {
    "group_company",   "tags",          "lists",           "web_visits",
    "icps",            "crm_connections", "crm_suggestions", "crm_group_connections",
    "crm_connections.crm_record", "crm_connections.crm_record.crm_owner"};
std::vector<std::string_view> const contacts_include = {"company",
                                                        "lists",
                                                        "buyer_personas",
                                                        "crm_connections",
                                                        "crm_suggestions",
                                                        "crm_connections.crm_record",
                                                        "crm_connections.crm_record.crm_owner"};
std::vector<std::string_view> const web_visits_include = {"company"};
std::vector<std::string_view> const custom_feed_include = {"folder", "connected_list"};

struct signal_rec {
  std::string id;
  std::size_t company = 0;
  std::string type;
  std::string title;
  std::int64_t day = 0;
};

/// A company enrichment job or a find-contact-data job: it progresses with time once created.
struct job_rec {
  std::string id;
  std::string kind;        // "company_enrichment" or "contact_data"
  std::string account_id;  // the account that created it
  std::int64_t total = 0;
  std::int64_t credits = 0;
  std::chrono::steady_clock::time_point created;
};

/// A campaign of an account (seeded, fields the simulator's own).
struct campaign_rec {
  std::string id;
  std::string name;
  std::string status;
  std::string list_id;
  std::string created_at;
};

struct key_state {
  std::size_t user = 0;
  double tokens = 15.0;
  std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
  std::uint64_t month_count = 0;
};

struct fault_plan {
  std::int64_t latency_ms = 0;
  int status = 0;
  bool rate_limit = false;
  bool truncate = false;
  bool drop = false;
};

}  // namespace

// =============================================================================================

struct simulator::impl {
  using handler_fn = reply (impl::*)(request_ctx&);
  struct route {
    char const* method;
    char const* path;
    char const* operation;
    bool needs_account;
    handler_fn handler;
    std::vector<std::string> segments;
  };

  impl(options o, stop_signal& s);

  http_response handle(http_request const& req);
  http_response dispatch(http_request const& req, std::uint64_t sequence, std::string const& request_id);
  fault_plan plan_faults(http_request const& req, std::uint64_t sequence) const;
  std::string request_id(std::uint64_t sequence) const;
  bool admit(key_state& k);

  // Responses
  static http_response json_response(int status, json::value const& body, std::string const& request_id);
  static http_response error_response(api_error const& e, std::string const& request_id);
  static http_response flat_error(int status, char const* code, char const* message, std::string const& request_id);
  static http_response too_many(std::string const& request_id);
  http_response auth_error(char const* code, char const* message, std::string const& request_id) const;
  static http_response build(reply& r, std::string const& request_id);

  // Lookups
  std::size_t company_index(std::string const& id) const;
  std::size_t contact_index(std::string const& id) const;
  account_state& resolve_account(request_ctx const& c, std::string const& id);
  std::int64_t charge(account_state& a, std::unordered_set<std::size_t>& unlocked,
                      std::vector<std::size_t> const& records);

  // Rendering
  json::object company_core(std::size_t idx) const;
  json::object render_company(std::size_t idx, account_state const& a, std::set<std::string> const& inc) const;
  json::object render_company_summary(std::size_t idx) const;
  json::object render_contact(std::size_t idx, account_state const& a, std::set<std::string> const& inc) const;
  json::object render_contact_summary(std::size_t idx) const;
  json::object custom_field_values(account_state const& a, std::size_t contact) const;
  json::array lists_of(account_state const& a, std::string_view scope, std::size_t idx) const;
  json::array tags_of(account_state const& a, std::size_t company) const;
  static json::object render_list(list_rec const& l);
  static json::object render_tag(tag_rec const& t);
  static json::object render_persona(persona_rec const& p);
  static json::object render_icp(icp_rec const& i);
  static json::object render_user(user_rec const& u);
  static json::object render_field(field_rec const& f);
  static json::object location_attributes(std::size_t city);
  json::object render_visit(visit_rec const& v, bool include_company) const;
  json::object render_feed(feed_rec const& f, account_state const& a, std::set<std::string> const& inc) const;
  json::object render_folder(folder_rec const& f, account_state const& a, std::set<std::string> const& inc) const;
  bool feed_accepts(feed_rec const& feed, visit_rec const& v) const;
  void validate_feed_attributes(json::object const& attributes, account_state& a) const;
  static void validate_field_attributes(json::object const& attributes);

  // Pagination
  std::string encode_cursor(std::size_t offset) const;
  std::size_t cursor_offset(request_ctx const& c) const;

  // Handlers, one per operation
  reply accounts_list(request_ctx& c);
  reply companies_get(request_ctx& c);
  reply companies_retrieve(request_ctx& c);
  reply companies_get_financials(request_ctx& c);
  reply companies_search_signals(request_ctx& c);
  reply companies_search(request_ctx& c);
  reply companies_match(request_ctx& c);
  reply companies_list_ips(request_ctx& c);
  reply companies_add_to_lists(request_ctx& c) { return entity_lists(c, "company", true); }
  reply companies_remove_from_lists(request_ctx& c) { return entity_lists(c, "company", false); }
  reply companies_assign_tags(request_ctx& c) { return company_tags(c, true); }
  reply companies_unassign_tags(request_ctx& c) { return company_tags(c, false); }
  reply contacts_get(request_ctx& c);
  reply contacts_retrieve(request_ctx& c);
  reply contacts_search(request_ctx& c);
  reply contacts_add_to_lists(request_ctx& c) { return entity_lists(c, "contact", true); }
  reply contacts_remove_from_lists(request_ctx& c) { return entity_lists(c, "contact", false); }
  reply web_visits_search(request_ctx& c);
  reply web_visits_list_custom_feeds(request_ctx& c);
  reply web_visits_create_custom_feed(request_ctx& c);
  reply web_visits_get_custom_feed(request_ctx& c);
  reply web_visits_update_custom_feed(request_ctx& c);
  reply web_visits_delete_custom_feed(request_ctx& c);
  reply web_visits_list_custom_feed_folders(request_ctx& c);
  reply web_visits_get_tracker_script(request_ctx& c);
  reply web_visits_list_visitor_companies(request_ctx& c);
  reply ip_enrich(request_ctx& c);
  reply buyer_personas_list(request_ctx& c);
  reply buyer_personas_get(request_ctx& c);
  reply icps_list(request_ctx& c);
  reply icps_get(request_ctx& c);
  reply tags_list(request_ctx& c);
  reply tags_create(request_ctx& c);
  reply tags_get(request_ctx& c);
  reply tags_update(request_ctx& c);
  reply tags_delete(request_ctx& c);
  reply lists_list(request_ctx& c);
  reply lists_create(request_ctx& c);
  reply lists_get(request_ctx& c);
  reply lists_update(request_ctx& c);
  reply lists_delete(request_ctx& c);
  reply custom_fields_list(request_ctx& c);
  reply custom_fields_create(request_ctx& c);
  reply custom_fields_get(request_ctx& c);
  reply custom_fields_update(request_ctx& c);
  reply custom_fields_delete(request_ctx& c);
  reply usage_get(request_ctx& c);
  reply users_me(request_ctx& c);
  reply lists_list_items(request_ctx& c);
  reply campaigns_list(request_ctx& c);
  reply campaigns_get(request_ctx& c);
  reply campaigns_get_stats(request_ctx& c);
  reply campaigns_update(request_ctx& c);
  reply companies_estimate_enrichment_job(request_ctx& c) { return job_estimate(c, "company_enrichment"); }
  reply companies_create_enrichment_job(request_ctx& c) { return job_create(c, "company_enrichment"); }
  reply companies_get_enrichment_job(request_ctx& c) { return job_get(c, "company_enrichment"); }
  reply contacts_estimate_contact_data_job(request_ctx& c) { return job_estimate(c, "contact_data"); }
  reply contacts_create_contact_data_job(request_ctx& c) { return job_create(c, "contact_data"); }
  reply contacts_get_contact_data_job(request_ctx& c) { return job_get(c, "contact_data"); }

  // Jobs: the records a job body names, its estimate, creation and status.
  std::vector<std::size_t> job_records(request_ctx& c, std::string_view kind);
  reply job_estimate(request_ctx& c, std::string_view kind);
  reply job_create(request_ctx& c, std::string_view kind);
  reply job_get(request_ctx& c, std::string_view kind);
  json::object render_job(job_rec const& j) const;
  std::vector<campaign_rec>& campaigns_of(account_state const& a);
  json::object render_campaign(campaign_rec const& k, account_state const& a, std::set<std::string> const& inc) const;

  reply entity_lists(request_ctx& c, std::string_view scope, bool add);
  reply company_tags(request_ctx& c, bool assign);

  static std::vector<route> const& route_table();

  options opt;
  stop_signal& stop;
  dataset data;
  state st;
  std::vector<signal_rec> signals;                   // newest first
  std::vector<std::vector<std::string>> name_index;  // per company: name tokens for matching
  std::unordered_map<std::string, key_state> keys;
  std::map<std::string, job_rec> jobs;                            // by job id
  std::map<std::string, std::vector<campaign_rec>> campaigns;     // by account id, seeded on first use
  std::uint64_t next_job = 1;
  std::mutex mutex;  // guards everything below `opt` that requests change, and `sequence`
  std::uint64_t sequence = 0;
};

std::vector<simulator::impl::route> const& simulator::impl::route_table() {
  static std::vector<route> const table = [] {
    // Generated from api/leadfeeder-v1.json by tools/generate.py: a new operation needs only its
    // handler here (a member function named after its id).
    std::vector<route> t = {
#define LEADFEEDER_SIMULATOR_ROUTE(method, path, operation, needs_account, handler) \
  {method, path, operation, needs_account, &impl::handler, {}},
#include "routes.inc"
#undef LEADFEEDER_SIMULATOR_ROUTE
    };
    for (auto& r : t) {
      for (std::string_view s : split(std::string_view(r.path).substr(1), '/')) r.segments.emplace_back(s);
    }
    return t;
  }();
  return table;
}

simulator::impl::impl(options o, stop_signal& s) : opt(std::move(o)), stop(s) {
  data = generate_dataset(opt.seed);
  st = seed_state(data, opt.seed);
  for (std::size_t i = 0; i < opt.api_keys.size(); ++i) {
    key_state k;
    k.user = i % data.users.size();
    keys.emplace(opt.api_keys[i], k);
  }
  name_index.reserve(data.companies.size());
  for (auto const& c : data.companies) name_index.push_back(name_tokens(c.name));

  // Company signals (companies.search_signals): a few per company, deterministic from the seed.
  static char const* const kinds[] = {"job_ads", "investment_activity", "industry_recognition", "business_expansion",
                                      "product_and_service_development"};
  for (std::size_t i = 0; i < data.companies.size(); ++i) {
    std::uint64_t const h = mix64(opt.seed ^ 0x5167ULL ^ (i * 0x9e3779b97f4a7c15ULL));
    std::size_t const count = static_cast<std::size_t>(h % 3);
    company_rec const& company = data.companies[i];
    for (std::size_t k = 0; k < count; ++k) {
      std::uint64_t const hk = mix64(h + k);
      signal_rec sig;
      sig.id = std::to_string(40000000 + i * 10 + k);
      sig.company = i;
      sig.type = kinds[hk % 5];
      sig.day = now_day() - 1 - static_cast<std::int64_t>((hk >> 8) % 180);
      if (sig.type == "job_ads") {
        sig.title = company.name + " is hiring for " + std::to_string(2 + (hk >> 20) % 30) + " open positions";
      } else if (sig.type == "investment_activity") {
        sig.title = company.name + " announced a funding round";
      } else if (sig.type == "industry_recognition") {
        sig.title = company.name + " was mentioned in the news";
      } else if (sig.type == "business_expansion") {
        sig.title = company.name + " opened a new office in " + cities()[(hk >> 24) % cities().size()].city;
      } else {
        sig.title = company.name + " started using a new CRM";
      }
      signals.push_back(std::move(sig));
    }
  }
  std::sort(signals.begin(), signals.end(), [](signal_rec const& a, signal_rec const& b) {
    return a.day != b.day ? a.day > b.day : a.id < b.id;
  });
}

// ---------------------------------------------------------------------------------------------
// Responses

http_response simulator::impl::json_response(int status, json::value const& body, std::string const& request_id) {
  http_response res;
  res.status = status;
  res.body = to_json(body);
  res.headers = {{"Content-Type", "application/json"}, {"X-Request-Id", request_id}, {"Server", "leadfeeder-simulator"}};
  return res;
}

http_response simulator::impl::error_response(api_error const& e, std::string const& request_id) {
  json::object err{{"code", e.code}, {"title", e.title}, {"detail", e.detail}};
  json::object body{{"errors", json::array{std::move(err)}}, {"meta", json::object{{"request_id", request_id}}}};
  return json_response(e.status, body, request_id);
}

http_response simulator::impl::flat_error(int status, char const* code, char const* message,
                                          std::string const& request_id) {
  // The documented flat shape (reference 1.10, shape A), plus meta.request_id like every response.
  json::object body{{"code", code}, {"message", message}, {"meta", json::object{{"request_id", request_id}}}};
  return json_response(status, body, request_id);
}

http_response simulator::impl::auth_error(char const* code, char const* message, std::string const& request_id) const {
  // As the docs page shows: 403 with the flat shape A (--auth-status 403).
  if (opt.auth_status == 403) return flat_error(403, code, message, request_id);
  // As the live API answers (reference 1.10): 401 with shapes B and C and a WWW-Authenticate header.
  json::object body{{"errors", json::array{json::object{{"code", code}, {"title", "Unauthorized"}, {"detail", message}}}},
                    {"error", json::object{{"code", code}, {"message", message}}},
                    {"meta", json::object{{"request_id", request_id}}}};
  http_response res = json_response(401, body, request_id);
  res.headers.emplace_back("WWW-Authenticate", "ApiKey realm=\"leadfeeder\", header=\"X-Api-Key\"");
  return res;
}

http_response simulator::impl::too_many(std::string const& request_id) {
  http_response res = flat_error(429, "too_many_requests", too_many_message, request_id);
  res.headers.emplace_back("Retry-After", "1");
  return res;
}

http_response simulator::impl::build(reply& r, std::string const& request_id) {
  if (r.no_content) {
    http_response res;
    res.status = 204;
    res.has_body = false;
    res.headers = {{"X-Request-Id", request_id}, {"Server", "leadfeeder-simulator"}};
    return res;
  }
  json::object meta{{"request_id", request_id}};
  if (r.has_charged) meta["credits"] = json::object{{"charged", r.charged}};
  if (r.has_pagination) meta["pagination"] = std::move(r.pagination);
  json::object body{{"data", std::move(r.data)}, {"meta", std::move(meta)}};
  return json_response(r.status, body, request_id);
}

std::string simulator::impl::request_id(std::uint64_t seq) const {
  return format_uuid(mix64(opt.seed * 0x2545f4914f6cdd1dULL + seq), mix64(mix64(opt.seed) ^ (seq << 1)));
}

// ---------------------------------------------------------------------------------------------
// The request pipeline: faults, then routing, auth, rate limit, account, handler.

fault_plan simulator::impl::plan_faults(http_request const& req, std::uint64_t seq) const {
  fault_plan plan;
  if (std::string const* header = req.header("x-simulator-fault")) {
    for (std::string_view token : split(*header, ',')) {
      token = trim(token);
      if (token.empty()) continue;
      std::size_t const eq = token.find('=');
      std::string_view const name = trim(token.substr(0, eq));
      std::string_view const arg = eq == std::string_view::npos ? std::string_view() : trim(token.substr(eq + 1));
      bool const has_arg = eq != std::string_view::npos;
      std::uint64_t n = 0;
      if (name == "latency") {
        if (!parse_uint(arg, n) || n > 60000) bad_request("X-Simulator-Fault: latency=<ms> takes 0..60000.");
        plan.latency_ms = std::max(plan.latency_ms, static_cast<std::int64_t>(n));
      } else if (name == "status") {
        if (!parse_uint(arg, n) || n < 400 || n > 599) bad_request("X-Simulator-Fault: status=<code> takes 400..599.");
        plan.status = static_cast<int>(n);
      } else if ((name == "rate_limit" || name == "truncate" || name == "drop") && !has_arg) {
        if (name == "rate_limit") plan.rate_limit = true;
        if (name == "truncate") plan.truncate = true;
        if (name == "drop") plan.drop = true;
      } else {
        bad_request("X-Simulator-Fault: unknown fault '" + std::string(token) +
                    "'; use latency=<ms>, status=<code>, rate_limit, truncate or drop.");
      }
    }
  }
  // Faults by flag: each kind draws from its own stream of (seed, request sequence number).
  if (opt.fault_latency_ms > 0 && unit_from(opt.seed, seq, 1) < opt.fault_latency_rate) {
    plan.latency_ms = std::max(plan.latency_ms, opt.fault_latency_ms);
  }
  if (unit_from(opt.seed, seq, 2) < opt.fault_drop_rate) plan.drop = true;
  if (plan.status == 0 && unit_from(opt.seed, seq, 3) < opt.fault_5xx_rate) {
    static constexpr int statuses[] = {500, 503, 504};
    plan.status = statuses[mix64(opt.seed ^ (seq * 31 + 4)) % 3];
  }
  if (unit_from(opt.seed, seq, 5) < opt.fault_429_rate) plan.rate_limit = true;
  if (unit_from(opt.seed, seq, 6) < opt.fault_truncate_rate) plan.truncate = true;
  return plan;
}

bool simulator::impl::admit(key_state& k) {
  if (k.month_count >= opt.monthly_quota) return false;
  auto const now = std::chrono::steady_clock::now();
  double const elapsed = std::chrono::duration<double>(now - k.last).count();
  k.last = now;
  k.tokens = std::min(15.0, k.tokens + elapsed * 10.0);
  if (k.tokens < 1.0) return false;
  k.tokens -= 1.0;
  ++k.month_count;
  return true;
}

http_response simulator::impl::handle(http_request const& req) {
  std::uint64_t seq = 0;
  {
    std::lock_guard<std::mutex> lock(mutex);
    seq = ++sequence;
  }
  std::string const rid = request_id(seq);
  http_response res;
  char const* fault = "";
  try {
    fault_plan const plan = plan_faults(req, seq);
    if (plan.latency_ms > 0) stop.sleep_for(std::chrono::milliseconds(plan.latency_ms));
    if (plan.drop) {
      res.how = http_response::delivery::drop;
      fault = " [drop]";
    } else if (plan.status == 429) {
      res = too_many(rid);
      fault = " [fault]";
    } else if (plan.status != 0) {
      char const* code = "simulated_fault";
      if (plan.status == 500) code = "internal_server_error";
      if (plan.status == 502) code = "bad_gateway";
      if (plan.status == 503) code = "service_unavailable";
      if (plan.status == 504) code = "gateway_timeout";
      res = error_response(api_error{plan.status, code, reason_phrase(plan.status), "Injected by the simulator."}, rid);
      fault = " [fault]";
    } else if (plan.rate_limit) {
      res = too_many(rid);
      fault = " [fault]";
    } else {
      res = dispatch(req, seq, rid);
    }
    if (plan.truncate && !plan.drop) {
      res.how = http_response::delivery::truncate;
      fault = " [truncate]";
    }
  } catch (api_error const& e) {
    res = error_response(e, rid);
  } catch (std::exception const& e) {
    res = error_response(api_error{500, "internal_server_error", "Internal Server Error", e.what()}, rid);
  } catch (...) {
    res = error_response(api_error{500, "internal_server_error", "Internal Server Error", "unexpected failure"}, rid);
  }
  if (opt.log) {
    std::fprintf(stderr, "#%llu %s %s -> %d%s\n", static_cast<unsigned long long>(seq), req.method.c_str(),
                 req.target.c_str(), res.how == http_response::delivery::drop ? 0 : res.status, fault);
  }
  return res;
}

http_response simulator::impl::dispatch(http_request const& req, std::uint64_t seq, std::string const& rid) {
  std::string_view target = req.target;
  std::size_t const hash = target.find('#');
  if (hash != std::string_view::npos) target = target.substr(0, hash);
  std::size_t const qpos = target.find('?');
  std::string_view const raw_path = target.substr(0, qpos);
  std::string_view const raw_query = qpos == std::string_view::npos ? std::string_view() : target.substr(qpos + 1);

  request_ctx c(req);
  c.sequence = seq;
  std::vector<std::string> segments;
  for (std::string_view seg : split(raw_path.substr(1), '/')) {
    std::string decoded;
    if (!percent_decode(seg, decoded)) bad_request("Malformed percent-encoding in the path.");
    segments.push_back(std::move(decoded));
  }
  for (std::string_view part : split(raw_query, '&')) {
    if (part.empty()) continue;
    std::size_t const eq = part.find('=');
    std::string name;
    std::string value;
    if (!percent_decode(part.substr(0, eq), name) ||
        !percent_decode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1), value)) {
      bad_request("Malformed percent-encoding in the query.");
    }
    c.query.emplace_back(std::move(name), std::move(value));
  }
  std::string const route_text = req.method + " " + std::string(raw_path);
  bool const openapi = req.method == "GET" && raw_path == "/openapi.yaml";  // behind the key, as live
  if (!openapi && (segments.empty() || segments[0] != "v1")) not_found("No route for " + route_text + ".");

  std::string const* key = req.header("x-api-key");
  if (key == nullptr || key->empty()) return auth_error("missing_token", missing_token_message, rid);
  auto const k = keys.find(*key);
  if (k == keys.end()) return auth_error("invalid_api_key", invalid_key_message, rid);

  std::lock_guard<std::mutex> lock(mutex);
  if (opt.rate_limit && !admit(k->second)) return too_many(rid);
  if (openapi) return openapi_response(opt.openapi_perturbed, rid);

  // Of the routes that match, the one with the most literal segments: /v1/companies/ips is not
  // /v1/companies/{company_id}, whatever the order of the table.
  route const* found = nullptr;
  std::size_t found_literals = 0;
  for (route const& r : route_table()) {
    if (req.method != r.method || r.segments.size() != segments.size()) continue;
    bool ok = true;
    std::size_t literals = 0;
    std::vector<std::string> params;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      if (!r.segments[i].empty() && r.segments[i].front() == '{') {
        if (segments[i].empty()) ok = false;
        params.push_back(segments[i]);
      } else {
        ok = r.segments[i] == segments[i];
        ++literals;
      }
    }
    if (ok && (found == nullptr || literals > found_literals)) {
      found = &r;
      found_literals = literals;
      c.params = std::move(params);
    }
  }
  if (found == nullptr) not_found("No route for " + route_text + ".");
  c.user = &data.users[k->second.user];
  if (found->needs_account) {
    c.account = &resolve_account(c, required_query(c, "account_id"));
    ++c.account->usage[found->operation];
  }
  reply r = (this->*(found->handler))(c);
  return build(r, rid);
}

// ---------------------------------------------------------------------------------------------
// Lookups and credits

std::size_t simulator::impl::company_index(std::string const& id) const {
  auto const it = data.company_by_id.find(id);
  if (it == data.company_by_id.end()) not_found("Company '" + id + "' not found.");
  return it->second;
}

std::size_t simulator::impl::contact_index(std::string const& id) const {
  auto const it = data.contact_by_id.find(id);
  if (it == data.contact_by_id.end()) not_found("Contact '" + id + "' not found.");
  return it->second;
}

account_state& simulator::impl::resolve_account(request_ctx const& c, std::string const& id) {
  account_state* a = st.find_account(id);
  if (a == nullptr) not_found("Account '" + id + "' not found.");
  auto const& reachable = c.user->account_ids;
  if (std::find(reachable.begin(), reachable.end(), id) == reachable.end()) {
    fail(403, "forbidden", "Forbidden", "The API key's user has no access to account '" + id + "'.");
  }
  return *a;
}

std::int64_t simulator::impl::charge(account_state& a, std::unordered_set<std::size_t>& unlocked,
                                     std::vector<std::size_t> const& records) {
  std::set<std::size_t> fresh;
  for (std::size_t r : records) {
    if (unlocked.count(r) == 0) fresh.insert(r);
  }
  auto const needed = static_cast<std::int64_t>(fresh.size());
  std::int64_t const remaining = a.credits_available - a.credits_used;
  if (needed > remaining) {
    fail(403, "insufficient_credits", "Insufficient credits",
         "This request needs " + std::to_string(needed) + " credit(s); account '" + a.id + "' has " +
             std::to_string(remaining) + " remaining.");
  }
  unlocked.insert(fresh.begin(), fresh.end());
  a.credits_used += needed;
  return needed;
}

// ---------------------------------------------------------------------------------------------
// Rendering

json::object simulator::impl::location_attributes(std::size_t city) {
  city_info const& c = cities()[city];
  return json::object{{"city", c.city},
                      {"country", c.country},
                      {"country_code", c.country_code},
                      {"region", c.region},
                      {"postal_code", c.postal_code}};
}

json::object simulator::impl::company_core(std::size_t idx) const {
  company_rec const& c = data.companies[idx];
  return json::object{{"type", "company"}, {"id", c.id}, {"attributes", c.attributes}};
}

json::array simulator::impl::lists_of(account_state const& a, std::string_view scope, std::size_t idx) const {
  json::array out;
  for (list_rec const& l : a.lists) {
    if (l.scope == scope && l.members.count(idx) != 0) out.push_back(render_list(l));
  }
  return out;
}

json::array simulator::impl::tags_of(account_state const& a, std::size_t company) const {
  json::array out;
  for (tag_rec const& t : a.tags) {
    if (t.companies.count(company) != 0) out.push_back(render_tag(t));
  }
  return out;
}

json::object simulator::impl::render_company(std::size_t idx, account_state const& a,
                                             std::set<std::string> const& inc) const {
  company_rec const& c = data.companies[idx];
  json::object rel;
  if (c.group_parent != company_rec::npos) {
    rel["group_company"] = included(inc, "group_company") ? company_core(c.group_parent)
                                                           : stub("company", data.companies[c.group_parent].id);
  } else if (included(inc, "group_company")) {
    rel["group_company"] = nullptr;
  }
  rel["lists"] = lists_of(a, "company", idx);
  rel["tags"] = tags_of(a, idx);
  if (included(inc, "web_visits")) {
    json::array visits;
    for (visit_rec const& v : data.visits[a.index]) {
      if (v.company != idx) continue;
      visits.push_back(render_visit(v, false));
      if (visits.size() >= 10) break;
    }
    rel["web_visits"] = std::move(visits);
  }
  if (included(inc, "icps")) {
    json::array icps;
    for (icp_rec const& i : data.icps) {
      if (icp_matches(i, c)) icps.push_back(render_icp(i));
    }
    rel["icps"] = std::move(icps);
  }
  for (char const* crm : {"crm_connections", "crm_suggestions", "crm_group_connections"}) {
    if (included(inc, crm)) rel[crm] = json::array{};
  }
  return json::object{{"type", "company"}, {"id", c.id}, {"attributes", c.attributes}, {"relationships", std::move(rel)}};
}

json::object simulator::impl::render_company_summary(std::size_t idx) const {
  company_rec const& c = data.companies[idx];
  return json::object{{"type", "company_summary"}, {"id", c.id}, {"attributes", c.summary}};
}

json::object simulator::impl::custom_field_values(account_state const& a, std::size_t contact) const {
  json::object out;
  contact_rec const& person = data.contacts[contact];
  for (field_rec const& f : a.fields) {
    json::value const* key = member(f.attributes, "key");
    std::string const k = key != nullptr && key->is_string() ? std::string(key->get_string()) : "field_" + f.id;
    json::value const* type = member(f.attributes, "type");
    std::string const t = type != nullptr && type->is_string() ? std::string(type->get_string()) : "text";
    std::uint64_t const h = mix64(opt.seed ^ fnv1a(f.id) ^ (contact * 0x9e3779b97f4a7c15ULL));
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

json::object simulator::impl::render_contact(std::size_t idx, account_state const& a,
                                             std::set<std::string> const& inc) const {
  contact_rec const& c = data.contacts[idx];
  json::object attributes = c.attributes;
  attributes["custom_fields"] = custom_field_values(a, idx);
  json::object rel;
  rel["company"] = included(inc, "company") ? company_core(c.company) : stub("company", data.companies[c.company].id);
  rel["lists"] = lists_of(a, "contact", idx);
  json::array personas;
  for (persona_rec const& p : data.personas) {
    if (persona_matches(p, c)) personas.push_back(render_persona(p));
  }
  rel["buyer_personas"] = std::move(personas);
  for (char const* crm : {"crm_connections", "crm_suggestions"}) {
    if (included(inc, crm)) rel[crm] = json::array{};
  }
  return json::object{
      {"type", "contact"}, {"id", c.id}, {"attributes", std::move(attributes)}, {"relationships", std::move(rel)}};
}

json::object simulator::impl::render_contact_summary(std::size_t idx) const {
  contact_rec const& c = data.contacts[idx];
  json::object attributes{{"first_name", c.attributes.at("first_name")},
                          {"last_name", c.attributes.at("last_name")},
                          {"emails", c.attributes.at("emails")},
                          {"position", c.attributes.at("position")},
                          {"departments", c.attributes.at("departments")},
                          {"hierarchy_level", c.attributes.at("hierarchy_level")}};
  return json::object{{"type", "contact_summary"},
                      {"id", c.id},
                      {"attributes", std::move(attributes)},
                      {"relationships", json::object{{"company", stub("company", data.companies[c.company].id)}}}};
}

json::object simulator::impl::render_list(list_rec const& l) {
  return json::object{
      {"type", "list"},
      {"id", l.id},
      {"attributes", json::object{{"name", l.name}, {"scope", l.scope}, {"created_at", l.created_at},
                                  {"updated_at", l.updated_at}}},
      {"relationships", json::object{{"created_by", stub("user", l.created_by)}}}};
}

json::object simulator::impl::render_tag(tag_rec const& t) {
  return json::object{{"type", "tag"}, {"id", t.id}, {"attributes", json::object{{"name", t.name}, {"color", t.color}}}};
}

json::object simulator::impl::render_persona(persona_rec const& p) {
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

json::object simulator::impl::render_icp(icp_rec const& i) {
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

json::object simulator::impl::render_user(user_rec const& u) {
  return json::object{{"type", "user"},
                      {"id", u.id},
                      {"attributes", json::object{{"email", u.email},
                                                  {"first_name", u.first_name},
                                                  {"last_name", u.last_name},
                                                  {"team_role", u.team_role}}}};
}

json::object simulator::impl::render_field(field_rec const& f) {
  return json::object{{"type", "custom_field"}, {"id", f.id}, {"attributes", f.attributes}};
}

json::object simulator::impl::render_visit(visit_rec const& v, bool include_company) const {
  json::object rel{
      {"company", include_company ? company_core(v.company) : stub("company", data.companies[v.company].id)},
      {"location", json::object{{"type", "visit_location"},
                                {"id", "loc_" + std::to_string(v.city + 1)},
                                {"attributes", location_attributes(v.city)}}}};
  return json::object{{"type", "web_visit"}, {"id", v.id}, {"attributes", v.attributes}, {"relationships", std::move(rel)}};
}

json::object simulator::impl::render_feed(feed_rec const& f, account_state const& a,
                                          std::set<std::string> const& inc) const {
  json::object rel;
  json::value const* folder_id = member(f.attributes, "folder_id");
  folder_rec const* folder = nullptr;
  if (folder_id != nullptr && folder_id->is_string()) {
    folder = a.find_folder(folder_id->get_string());
  }
  if (folder == nullptr) {
    rel["folder"] = nullptr;
  } else if (inc.count("folder") != 0) {
    rel["folder"] = json::object{{"type", "custom_feed_folder"},
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
  return json::object{{"type", "custom_feed"}, {"id", f.id}, {"attributes", f.attributes}, {"relationships", std::move(rel)}};
}

json::object simulator::impl::render_folder(folder_rec const& f, account_state const& a,
                                            std::set<std::string> const& inc) const {
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

/// The simulator's own reading of custom-feed filters (the real format is unknown): an array of
/// {type, operator, values}; values of one filter combine with OR, filters with AND.
bool simulator::impl::feed_accepts(feed_rec const& feed, visit_rec const& v) const {
  json::value const* filters = member(feed.attributes, "filters");
  if (filters == nullptr || !filters->is_array()) return true;
  company_rec const& company = data.companies[v.company];
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

void simulator::impl::validate_feed_attributes(json::object const& attributes, account_state& a) const {
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

void simulator::impl::validate_field_attributes(json::object const& attributes) {
  for (char const* key : {"name", "key", "type", "description"}) string_field(attributes, key, "data.attributes.");
  if (auto key = string_field(attributes, "key", "data.attributes.")) {
    if (key->empty()) bad_request("data.attributes.key must not be empty.");
  }
}

// ---------------------------------------------------------------------------------------------
// Pagination

std::string simulator::impl::encode_cursor(std::size_t offset) const {
  std::uint64_t const mask = mix64(opt.seed ^ 0x637572736f72ULL);
  std::uint64_t const v = static_cast<std::uint64_t>(offset) ^ mask;
  return to_hex(v, 16) + to_hex(mix64(v ^ mask) & 0xFFFF, 4);
}

std::size_t simulator::impl::cursor_offset(request_ctx const& c) const {
  std::string const* text = c.get("page[cursor]");
  if (text == nullptr || text->empty()) return 0;
  auto invalid = [] { bad_request("page[cursor] is not a cursor this API returned."); };
  if (text->size() != 20) invalid();
  std::uint64_t v = 0;
  std::uint64_t check = 0;
  for (std::size_t i = 0; i < 20; ++i) {
    char const ch = (*text)[i];
    int d = -1;
    if (ch >= '0' && ch <= '9') d = ch - '0';
    if (ch >= 'a' && ch <= 'f') d = ch - 'a' + 10;
    if (d < 0) invalid();
    (i < 16 ? v : check) = (i < 16 ? v : check) * 16 + static_cast<std::uint64_t>(d);
  }
  std::uint64_t const mask = mix64(opt.seed ^ 0x637572736f72ULL);
  if ((mix64(v ^ mask) & 0xFFFF) != check || (v ^ mask) > 1000000000ULL) invalid();
  return static_cast<std::size_t>(v ^ mask);
}

namespace {

json::object page_number_meta(std::size_t num, std::size_t size, std::size_t total) {
  return json::object{{"page_num", num}, {"page_count", (total + size - 1) / size}, {"total_count", total}};
}

/// [first, last) of page `num` of `size` over `total` items.
std::pair<std::size_t, std::size_t> page_bounds(std::size_t num, std::size_t size, std::size_t total) {
  std::size_t const first = std::min(total, (num - 1) * size);
  return {first, std::min(total, first + size)};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Accounts, users, usage

reply simulator::impl::accounts_list(request_ctx& c) {
  std::set<std::string> const inc = includes(c, &accounts_include);
  auto render = [&](account_state const& a, bool full) {
    json::object attributes{{"name", a.name}};
    if (full) {
      attributes["credits"] = json::object{{"available", a.credits_available},
                                           {"used", a.credits_used},
                                           {"remaining", a.credits_available - a.credits_used},
                                           {"next_reset_on", "2026-12-01"}};
    }
    json::object o{{"type", full ? "account" : "account_summary"}, {"id", a.id}, {"attributes", std::move(attributes)}};
    if (inc.count("account_company") != 0) {
      company_rec const& co = data.companies[a.index];
      o["relationships"] = json::object{
          {"account_company", json::object{{"type", "company"},
                                           {"id", co.id},
                                           {"attributes", json::object{{"name", co.attributes.at("name")},
                                                                       {"url", co.attributes.at("url")}}}}}};
    }
    return o;
  };
  json::array out;
  std::string const* id = c.get("account_id");
  if (id != nullptr && !id->empty()) {
    account_state& a = resolve_account(c, *id);
    ++a.usage["accounts.list"];
    out.push_back(render(a, true));
  } else {
    for (std::string const& aid : c.user->account_ids) out.push_back(render(*st.find_account(aid), false));
  }
  reply r;
  r.data = std::move(out);
  return r;
}

reply simulator::impl::users_me(request_ctx& c) {
  reply r;
  r.data = render_user(*c.user);
  return r;
}

reply simulator::impl::usage_get(request_ctx& c) {
  std::int64_t start = 0;
  std::int64_t end = 0;
  if (!parse_month(required_query(c, "start_period"), start)) bad_request("start_period must be a month YYYY-MM.");
  if (!parse_month(required_query(c, "end_period"), end)) bad_request("end_period must be a month YYYY-MM.");
  if (end < start) bad_request("end_period must not be earlier than start_period.");
  if (end - start >= 36) bad_request("The period range spans at most 36 months.");
  std::int64_t const current = 2026 * 12 + 10;  // 2026-11, the simulator's month
  std::int64_t const first_history = 2026 * 12;  // seeded history from 2026-01 on
  std::map<std::string, std::string> endpoints;
  for (route const& r : route_table()) endpoints[r.operation] = std::string(r.method) + " " + r.path;
  static char const* const history_ops[] = {"accounts.list",   "companies.search", "contacts.retrieve",
                                            "contacts.search", "web_visits.search", "web_visits.list_visitor_companies"};
  json::array out;
  for (std::int64_t m = start; m <= end; ++m) {
    std::map<std::string, std::uint64_t> counts;
    if (m == current) {
      counts = c.acc().usage;
    } else if (m >= first_history && m < current) {
      for (char const* op : history_ops) {
        counts[op] = mix64(opt.seed ^ fnv1a(c.acc().id) ^ fnv1a(op) ^ static_cast<std::uint64_t>(m)) % 500;
      }
    }
    std::string const period = format_month(m);
    for (auto const& [op, n] : counts) {
      std::string const endpoint = endpoints[op];
      std::size_t const sp = endpoint.find(' ');
      out.push_back(json::object{{"type", "api_usage"},
                                 {"id", c.acc().id + ":" + period + ":" + op},
                                 {"attributes", json::object{{"period", period},
                                                             {"operation", op},
                                                             {"method", endpoint.substr(0, sp)},
                                                             {"path", endpoint.substr(sp + 1)},
                                                             {"requests", n}}}});
    }
  }
  reply r;
  r.data = json::object{{"type", "api_usage"},
                        {"id", c.acc().id + ":" + format_month(start) + ":" + format_month(end)},
                        {"attributes", json::object{{"start_period", format_month(start)},
                                                    {"end_period", format_month(end)},
                                                    {"endpoints", std::move(out)}}}};
  return r;
}

// ---------------------------------------------------------------------------------------------
// Companies

reply simulator::impl::companies_get(request_ctx& c) {
  std::set<std::string> const inc = includes(c, &companies_include);
  std::size_t const idx = company_index(c.params[0]);
  reply r;
  r.set_charged(charge(c.acc(), c.acc().unlocked_companies, {idx}));
  r.data = render_company(idx, c.acc(), inc);
  return r;
}

reply simulator::impl::companies_retrieve(request_ctx& c) {
  std::vector<std::string> const ids = id_list(required_query(c, "ids"));
  if (ids.empty()) bad_request("ids must hold at least one company id.");
  if (ids.size() > 100) bad_request("ids holds at most 100 company ids.");
  std::set<std::string> const inc = includes(c, &companies_include);
  std::vector<std::size_t> found;
  for (std::string const& id : ids) {
    auto const it = data.company_by_id.find(id);
    if (it != data.company_by_id.end() && std::find(found.begin(), found.end(), it->second) == found.end()) {
      found.push_back(it->second);
    }
  }
  reply r;
  r.set_charged(charge(c.acc(), c.acc().unlocked_companies, found));
  json::array out;
  for (std::size_t idx : found) out.push_back(render_company(idx, c.acc(), inc));
  r.data = std::move(out);
  return r;
}

reply simulator::impl::companies_get_financials(request_ctx& c) {
  std::size_t const idx = company_index(c.params[0]);
  company_rec const& co = data.companies[idx];
  json::array reports;
  if (co.has_revenue) {
    std::uint64_t const h = mix64(opt.seed ^ (idx * 0x51ULL));
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

reply simulator::impl::companies_list_ips(request_ctx& c) {
  std::vector<std::string> const ids = id_list(required_query(c, "company_ids"));
  if (ids.empty()) bad_request("company_ids must hold at least one company id.");
  if (ids.size() > 100) bad_request("company_ids holds at most 100 company ids.");
  std::set<std::string> const inc = includes(c, &ips_include);
  std::size_t cap = std::numeric_limits<std::size_t>::max();
  if (std::string const* m = c.get("max_ip_addresses")) {
    std::uint64_t n = 0;
    if (!parse_uint(*m, n) || n < 1) bad_request("max_ip_addresses must be a positive integer.");
    cap = static_cast<std::size_t>(n);
  }
  std::vector<std::size_t> found;
  for (std::string const& id : ids) {
    auto const it = data.company_by_id.find(id);
    if (it != data.company_by_id.end() && std::find(found.begin(), found.end(), it->second) == found.end()) {
      found.push_back(it->second);
    }
  }
  reply r;
  r.set_charged(charge(c.acc(), c.acc().unlocked_companies, found));
  json::array out;
  for (std::size_t idx : found) {
    company_rec const& co = data.companies[idx];
    json::array addresses;
    for (std::size_t i = 0; i < co.ips.size() && i < cap; ++i) {
      std::string const& ip = co.ips[i];
      std::uint64_t const h = mix64(opt.seed ^ fnv1a(ip));
      addresses.push_back(json::object{
          {"ip_address", ip},
          {"version", ip.find(':') == std::string::npos ? "ipv4" : "ipv6"},
          {"confidence", 0.99 - 0.1 * static_cast<double>(i)},
          {"first_seen_on", format_date(now_day() - 400 - static_cast<std::int64_t>(h % 900))},
          {"last_seen_on", format_date(now_day() - 1 - static_cast<std::int64_t>(h % 30))}});
    }
    json::object company = inc.count("company") != 0 ? render_company(idx, c.acc(), {}) : stub("company", co.id);
    out.push_back(json::object{{"type", "company_ip"},
                               {"id", co.id},
                               {"attributes", json::object{{"ip_addresses", std::move(addresses)}}},
                               {"relationships", json::object{{"company", std::move(company)}}}});
  }
  r.data = std::move(out);
  return r;
}

reply simulator::impl::companies_search_signals(request_ctx& c) {
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
    auto const it = data.company_by_id.find(id);
    if (it != data.company_by_id.end()) companies.insert(it->second);
  }
  std::vector<signal_rec const*> matched;
  std::set<std::size_t> with_signals;
  for (signal_rec const& s : signals) {
    if (companies.count(s.company) == 0) continue;
    if (!categories.empty() && std::find(categories.begin(), categories.end(), s.type) == categories.end()) continue;
    std::int64_t const published = s.day + 1;  // published the day after the event
    if (s.day < event_from || s.day > event_to || published < pub_from || published > pub_to) continue;
    matched.push_back(&s);
    with_signals.insert(s.company);
  }
  std::size_t const size = page_size(c);
  std::size_t const offset = cursor_offset(c);
  reply r;
  // 1 credit per company that has signals and is not unlocked yet (1.12); charged on the first page.
  r.set_charged(offset == 0 ? charge(c.acc(), c.acc().unlocked_companies,
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
        {"relationships", json::object{{"company", stub("company", data.companies[s.company].id)}}}});
  }
  r.has_pagination = true;
  r.pagination = json::object{{"next_cursor", offset + size < matched.size() ? json::value(encode_cursor(offset + size))
                                                                            : json::value(nullptr)}};
  r.data = std::move(out);
  return r;
}

reply simulator::impl::companies_search(request_ctx& c) {
  json::object const body = parse_body(c, true);
  std::size_t const size = page_size(c);
  std::size_t const offset = cursor_offset(c);

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
      if (*cl != "nace" && *cl != "wz" && *cl != "internal") {
        bad_request("industries.classification must be nace, wz or internal.");
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
  if (terms.empty() && ranges.empty() && icp_ids.empty() && locations.empty() && codes.empty() &&
      !has_revenue_filter && flags.empty()) {
    bad_request(
        "companies.search needs at least one search criterion: search_terms, locations, industries, "
        "employee_ranges, revenue, icp_ids or filters.");
  }
  std::vector<icp_rec const*> icps;
  for (auto const& id : icp_ids) {
    for (icp_rec const& i : data.icps) {
      if (i.id == id) icps.push_back(&i);
    }
  }

  std::vector<std::size_t> matches;
  for (std::size_t i = 0; i < data.companies.size(); ++i) {
    company_rec const& co = data.companies[i];
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
    out.push_back(render_company_summary(matches[i]));
  }
  reply r;
  r.set_charged(0);
  r.has_pagination = true;
  r.pagination = json::object{
      {"next_cursor", offset + size < matches.size() ? json::value(encode_cursor(offset + size)) : json::value(nullptr)}};
  r.data = std::move(out);
  return r;
}

reply simulator::impl::companies_match(request_ctx& c) {
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
  static char const* const fields[] = {"company_name", "url",         "email",         "phone",
                                       "vat_id",       "register_id", "register_location", "street",
                                       "street_name",  "street_number", "postal_code",  "city",
                                       "country",      "country_code"};
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
      bad_request(where.substr(0, where.size() - 1) + " needs at least one of company_name, url, vat_id or register_id.");
    }
    std::vector<std::string> const tokens = given("company_name") ? name_tokens(in["company_name"]) : std::vector<std::string>{};
    std::string const domain = given("url") ? bare_domain(in["url"]) : std::string();
    std::string vat;
    for (char ch : given("vat_id") ? in["vat_id"] : std::string()) {
      if (ch != ' ') vat.push_back(static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch));
    }
    std::string const email_domain =
        given("email") && in["email"].find('@') != std::string::npos ? bare_domain(in["email"].substr(in["email"].find('@') + 1)) : "";
    std::string const phone = given("phone") ? only_digits(in["phone"]) : "";

    std::vector<std::pair<double, std::size_t>> candidates;
    for (std::size_t i = 0; i < data.companies.size(); ++i) {
      company_rec const& co = data.companies[i];
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
        std::vector<std::string> const& mine = name_index[i];
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
      matches.push_back(json::object{{"type", "company_match"},
                                     {"id", data.companies[idx].id},
                                     {"attributes", json::object{{"match_score", score}}},
                                     {"relationships", json::object{{"company_summary", render_company_summary(idx)}}}});
    }
    out.push_back(std::move(matches));
  }
  reply r;
  r.set_charged(0);
  r.data = std::move(out);
  return r;
}

reply simulator::impl::entity_lists(request_ctx& c, std::string_view scope, bool add) {
  std::size_t const idx = scope == "company" ? company_index(c.params[0]) : contact_index(c.params[0]);
  std::vector<std::string> const ids = identifiers_body(c, "list");
  std::vector<list_rec*> lists;
  for (std::string const& id : ids) {
    list_rec* l = c.acc().find_list(id);
    if (l == nullptr) not_found("List '" + id + "' not found.");
    if (l->scope != scope) {
      bad_request("List '" + id + "' has scope '" + l->scope + "'; only '" + std::string(scope) + "' lists hold " +
                  (scope == "company" ? "companies." : "contacts."));
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

reply simulator::impl::company_tags(request_ctx& c, bool assign) {
  std::size_t const idx = company_index(c.params[0]);
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

// ---------------------------------------------------------------------------------------------
// Contacts

reply simulator::impl::contacts_get(request_ctx& c) {
  std::set<std::string> const inc = includes(c, &contacts_include);
  std::size_t const idx = contact_index(c.params[0]);
  reply r;
  r.set_charged(charge(c.acc(), c.acc().unlocked_contacts, {idx}));
  r.data = render_contact(idx, c.acc(), inc);
  return r;
}

reply simulator::impl::contacts_retrieve(request_ctx& c) {
  std::vector<std::string> const ids = id_list(required_query(c, "ids"));
  if (ids.empty()) bad_request("ids must hold at least one contact id.");
  if (ids.size() > 100) bad_request("ids holds at most 100 contact ids.");
  std::set<std::string> const inc = includes(c, &contacts_include);
  std::vector<std::size_t> found;
  for (std::string const& id : ids) {
    auto const it = data.contact_by_id.find(id);
    if (it != data.contact_by_id.end() && std::find(found.begin(), found.end(), it->second) == found.end()) {
      found.push_back(it->second);
    }
  }
  reply r;
  r.set_charged(charge(c.acc(), c.acc().unlocked_contacts, found));
  json::array out;
  for (std::size_t idx : found) out.push_back(render_contact(idx, c.acc(), inc));
  r.data = std::move(out);
  return r;
}

reply simulator::impl::contacts_search(request_ctx& c) {
  json::object const body = parse_body(c, false);
  std::size_t const size = page_size(c);
  std::size_t const offset = cursor_offset(c);
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
    auto const it = data.company_by_id.find(id);
    if (it != data.company_by_id.end()) companies.insert(it->second);
  }
  std::vector<std::string> positions;
  for (auto const& p : string_list(body, "positions", "")) positions.push_back(to_lower(trim(p)));
  std::vector<std::string> const departments = string_list(body, "departments", "");
  std::vector<std::string> const levels = string_list(body, "hierarchy_levels", "");
  std::vector<std::string> const persona_ids = string_list(body, "buyer_persona_ids", "");
  std::optional<std::string> const affiliation = string_field(body, "affiliation", "");
  std::optional<bool> has_email;
  if (json::object const* filters = object_field(body, "filters", "")) has_email = bool_field(*filters, "has_email", "filters.");
  std::vector<persona_rec const*> personas;
  for (auto const& id : persona_ids) {
    for (persona_rec const& p : data.personas) {
      if (p.id == id) personas.push_back(&p);
    }
  }

  std::vector<std::size_t> matches;
  for (std::size_t i = 0; i < data.contacts.size(); ++i) {
    contact_rec const& ct = data.contacts[i];
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
    out.push_back(render_contact_summary(matches[i]));
  }
  reply r;
  r.set_charged(0);
  r.has_pagination = true;
  r.pagination = json::object{
      {"next_cursor", offset + size < matches.size() ? json::value(encode_cursor(offset + size)) : json::value(nullptr)}};
  r.data = std::move(out);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Web visits

reply simulator::impl::web_visits_search(request_ctx& c) {
  std::set<std::string> const inc = includes(c, &web_visits_include);
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
      auto const it = data.company_by_id.find(*id);
      if (it == data.company_by_id.end()) {
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
    for (visit_rec const& v : data.visits[c.acc().index]) {
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
  for (std::size_t i = first; i < last; ++i) out.push_back(render_visit(*matches[i], inc.count("company") != 0));
  reply r;
  r.has_pagination = true;
  r.pagination = page_number_meta(num, size, matches.size());
  r.data = std::move(out);
  return r;
}

reply simulator::impl::web_visits_list_visitor_companies(request_ctx& c) {
  std::int64_t start = 0;
  std::int64_t end = 0;
  if (!parse_date(required_query(c, "start_date"), start)) bad_request("start_date must be a date YYYY-MM-DD.");
  if (!parse_date(required_query(c, "end_date"), end)) bad_request("end_date must be a date YYYY-MM-DD.");
  if (end < start) bad_request("end_date must not be earlier than start_date.");
  std::set<std::string> const inc = includes(c, &web_visits_include);
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
  for (visit_rec const& v : data.visits[c.acc().index]) {
    if (v.day < start || v.day > end) continue;
    if (feed != nullptr && !feed_accepts(*feed, v)) continue;
    if (seen.insert({v.company, v.city}).second) rows.emplace_back(v.company, v.city);
  }
  auto const [first, last] = page_bounds(num, size, rows.size());
  json::array out;
  for (std::size_t i = first; i < last; ++i) {
    auto const [company, city] = rows[i];
    std::string const& company_id = data.companies[company].id;
    std::string const location_id = "loc_" + std::to_string(city + 1);
    out.push_back(json::object{
        {"type", "company_location"},
        {"id", company_id + "-" + location_id},
        {"relationships",
         json::object{{"company", inc.count("company") != 0 ? company_core(company) : stub("company", company_id)},
                      {"location", json::object{{"type", "location"},
                                                {"id", location_id},
                                                {"attributes", location_attributes(city)}}}}}});
  }
  reply r;
  r.has_pagination = true;
  r.pagination = page_number_meta(num, size, rows.size());
  r.data = std::move(out);
  return r;
}

reply simulator::impl::web_visits_list_custom_feeds(request_ctx& c) {
  std::set<std::string> const inc = includes(c, &custom_feed_include);
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

reply simulator::impl::web_visits_create_custom_feed(request_ctx& c) {
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
  feed_rec feed{st.next_uuid(), std::move(attributes)};
  c.acc().feeds.push_back(std::move(feed));
  reply r;
  r.status = 201;
  r.data = render_feed(c.acc().feeds.back(), c.acc(), {});
  return r;
}

reply simulator::impl::web_visits_get_custom_feed(request_ctx& c) {
  std::set<std::string> const inc = includes(c, nullptr);
  feed_rec const* f = c.acc().find_feed(c.params[0]);
  if (f == nullptr) not_found("Custom feed '" + c.params[0] + "' not found.");
  reply r;
  r.data = render_feed(*f, c.acc(), inc);
  return r;
}

reply simulator::impl::web_visits_update_custom_feed(request_ctx& c) {
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

reply simulator::impl::web_visits_delete_custom_feed(request_ctx& c) {
  auto& feeds = c.acc().feeds;
  auto const it = std::find_if(feeds.begin(), feeds.end(), [&](feed_rec const& f) { return f.id == c.params[0]; });
  if (it == feeds.end()) not_found("Custom feed '" + c.params[0] + "' not found.");
  feeds.erase(it);
  reply r;
  r.no_content = true;
  return r;
}

reply simulator::impl::web_visits_list_custom_feed_folders(request_ctx& c) {
  std::set<std::string> const inc = includes(c, nullptr);
  json::array out;
  for (folder_rec const& f : c.acc().folders) out.push_back(render_folder(f, c.acc(), inc));
  reply r;
  r.data = std::move(out);
  return r;
}

reply simulator::impl::web_visits_get_tracker_script(request_ctx& c) {
  account_state const& a = c.acc();
  std::string const tracker_id = "LF-" + to_hex(mix64(opt.seed ^ fnv1a(a.id)) & 0xFFFFFFFFULL, 8);
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
       json::object{{"tracker_id", tracker_id},
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

// ---------------------------------------------------------------------------------------------
// IP, buyer personas, ICPs

reply simulator::impl::ip_enrich(request_ctx& c) {
  std::string const& text = required_query(c, "ip");
  char canonical[INET6_ADDRSTRLEN] = {};
  unsigned char raw[16] = {};
  if (inet_pton(AF_INET, text.c_str(), raw) == 1) {
    inet_ntop(AF_INET, raw, canonical, sizeof canonical);
  } else if (inet_pton(AF_INET6, text.c_str(), raw) == 1) {
    inet_ntop(AF_INET6, raw, canonical, sizeof canonical);
  } else {
    bad_request("ip must be an IPv4 or IPv6 address.");
  }
  std::string const ip = canonical;
  reply r;
  r.set_charged(0);
  auto const it = data.company_by_ip.find(ip);
  if (it != data.company_by_ip.end()) {
    company_rec const& co = data.companies[it->second];
    json::object subset;
    for (char const* key : {"name", "url", "industries", "address", "founded_year", "phones", "revenue",
                            "employee_count", "description"}) {
      subset[key] = co.attributes.at(key);
    }
    r.data = json::object{
        {"type", "enriched_ip"},
        {"id", ip},
        {"attributes", json::object{{"ip", ip}, {"company_type", "company"}}},
        {"relationships",
         json::object{{"company", json::object{{"type", "company"}, {"id", co.id}, {"attributes", std::move(subset)}}}}}};
  } else {
    std::uint64_t const h = mix64(opt.seed ^ fnv1a(ip));
    r.data = json::object{
        {"type", "enriched_ip"},
        {"id", ip},
        {"attributes", json::object{{"ip", ip}, {"company_type", "isp"}}},
        {"relationships",
         json::object{{"network", json::object{{"type", "network"},
                                               {"id", "net_" + to_hex(h & 0xFFFFFF, 6)},
                                               {"attributes", json::object{{"name", "Simulated ISP " + std::to_string(h % 7 + 1)},
                                                                           {"asn", 64500 + static_cast<std::int64_t>(h % 20)}}}}}}}};
  }
  return r;
}

reply simulator::impl::buyer_personas_list(request_ctx&) {
  json::array out;
  for (persona_rec const& p : data.personas) out.push_back(render_persona(p));
  reply r;
  r.data = std::move(out);
  return r;
}

reply simulator::impl::buyer_personas_get(request_ctx& c) {
  for (persona_rec const& p : data.personas) {
    if (p.id == c.params[0]) {
      reply r;
      r.data = render_persona(p);
      return r;
    }
  }
  not_found("Buyer persona '" + c.params[0] + "' not found.");
}

reply simulator::impl::icps_list(request_ctx&) {
  json::array out;
  for (icp_rec const& i : data.icps) out.push_back(render_icp(i));
  reply r;
  r.data = std::move(out);
  return r;
}

reply simulator::impl::icps_get(request_ctx& c) {
  for (icp_rec const& i : data.icps) {
    if (i.id == c.params[0]) {
      reply r;
      r.data = render_icp(i);
      return r;
    }
  }
  not_found("ICP '" + c.params[0] + "' not found.");
}

// ---------------------------------------------------------------------------------------------
// Tags

namespace {
std::optional<std::int64_t> color_field(json::object const& attributes) {
  json::value const* v = member(attributes, "color");
  if (v == nullptr) return std::nullopt;
  if (v->is_int64() && v->get_int64() >= 0 && v->get_int64() <= 9) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= 9) return static_cast<std::int64_t>(v->get_uint64());
  bad_request("data.attributes.color must be an integer from 0 to 9.");
}
std::optional<std::string> name_field(json::object const& attributes, bool required) {
  std::optional<std::string> name = string_field(attributes, "name", "data.attributes.");
  if (name && trim(*name).empty()) bad_request("data.attributes.name must not be empty.");
  if (required && !name) bad_request("data.attributes.name is required.");
  return name;
}
}  // namespace

reply simulator::impl::tags_list(request_ctx& c) {
  std::size_t const num = page_num(c);
  std::size_t const size = page_size(c);
  auto const& tags = c.acc().tags;
  auto const [first, last] = page_bounds(num, size, tags.size());
  json::array out;
  for (std::size_t i = first; i < last; ++i) out.push_back(render_tag(tags[i]));
  reply r;
  r.has_pagination = true;
  r.pagination = page_number_meta(num, size, tags.size());
  r.data = std::move(out);
  return r;
}

reply simulator::impl::tags_create(request_ctx& c) {
  json::object const attributes = resource_attributes(c, "tag");
  tag_rec t;
  t.name = *name_field(attributes, true);
  std::optional<std::int64_t> const color = color_field(attributes);
  if (!color) bad_request("data.attributes.color is required: an integer from 0 to 9.");
  t.color = *color;
  t.id = std::to_string(st.next_tag_id++);
  c.acc().tags.push_back(std::move(t));
  reply r;
  r.status = 201;
  r.data = render_tag(c.acc().tags.back());
  return r;
}

reply simulator::impl::tags_get(request_ctx& c) {
  tag_rec const* t = c.acc().find_tag(c.params[0]);
  if (t == nullptr) not_found("Tag '" + c.params[0] + "' not found.");
  reply r;
  r.data = render_tag(*t);
  return r;
}

reply simulator::impl::tags_update(request_ctx& c) {
  tag_rec* t = c.acc().find_tag(c.params[0]);
  if (t == nullptr) not_found("Tag '" + c.params[0] + "' not found.");
  json::object const attributes = resource_attributes(c, "tag");
  std::optional<std::string> const name = name_field(attributes, false);
  std::optional<std::int64_t> const color = color_field(attributes);
  if (name) t->name = *name;
  if (color) t->color = *color;
  reply r;
  r.data = render_tag(*t);
  return r;
}

reply simulator::impl::tags_delete(request_ctx& c) {
  auto& tags = c.acc().tags;
  auto const it = std::find_if(tags.begin(), tags.end(), [&](tag_rec const& t) { return t.id == c.params[0]; });
  if (it == tags.end()) not_found("Tag '" + c.params[0] + "' not found.");
  tags.erase(it);
  reply r;
  r.no_content = true;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Lists

reply simulator::impl::lists_list(request_ctx& c) {
  std::string const* scope = c.get("filter[scope]");
  if (scope == nullptr || (*scope != "company" && *scope != "contact")) {
    bad_request("filter[scope] is required: company or contact.");
  }
  std::size_t const num = page_num(c);
  std::size_t const size = page_size(c);
  std::vector<list_rec const*> lists;
  for (list_rec const& l : c.acc().lists) {
    if (l.scope == *scope) lists.push_back(&l);
  }
  auto const [first, last] = page_bounds(num, size, lists.size());
  json::array out;
  for (std::size_t i = first; i < last; ++i) out.push_back(render_list(*lists[i]));
  reply r;
  r.has_pagination = true;
  r.pagination = page_number_meta(num, size, lists.size());
  r.data = std::move(out);
  return r;
}

reply simulator::impl::lists_create(request_ctx& c) {
  json::object const attributes = resource_attributes(c, "list");
  std::string const name = *name_field(attributes, true);
  std::optional<std::string> const scope = string_field(attributes, "scope", "data.attributes.");
  if (!scope || (*scope != "company" && *scope != "contact")) {
    bad_request("data.attributes.scope is required: company or contact.");
  }
  list_rec l;
  l.id = *scope + "_" + std::to_string(st.next_list_number++);
  l.name = name;
  l.scope = *scope;
  l.created_at = sim_time(c.sequence);
  l.updated_at = l.created_at;
  l.created_by = c.user->id;
  c.acc().lists.push_back(std::move(l));
  reply r;
  r.status = 201;
  r.data = render_list(c.acc().lists.back());
  return r;
}

reply simulator::impl::lists_get(request_ctx& c) {
  list_rec const* l = c.acc().find_list(c.params[0]);
  if (l == nullptr) not_found("List '" + c.params[0] + "' not found.");
  reply r;
  r.data = render_list(*l);
  return r;
}

reply simulator::impl::lists_update(request_ctx& c) {
  list_rec* l = c.acc().find_list(c.params[0]);
  if (l == nullptr) not_found("List '" + c.params[0] + "' not found.");
  json::object const attributes = resource_attributes(c, "list");
  if (member(attributes, "scope") != nullptr) bad_request("data.attributes.scope is not accepted: a list can only be renamed.");
  l->name = *name_field(attributes, true);
  l->updated_at = sim_time(c.sequence);
  reply r;
  r.data = render_list(*l);
  return r;
}

reply simulator::impl::lists_delete(request_ctx& c) {
  auto& lists = c.acc().lists;
  auto const it = std::find_if(lists.begin(), lists.end(), [&](list_rec const& l) { return l.id == c.params[0]; });
  if (it == lists.end()) not_found("List '" + c.params[0] + "' not found.");
  for (feed_rec& f : c.acc().feeds) {
    json::value const* connected = member(f.attributes, "connected_list_id");
    if (connected != nullptr && connected->is_string() && connected->get_string() == it->id) {
      f.attributes["connected_list_id"] = nullptr;
    }
  }
  lists.erase(it);
  reply r;
  r.no_content = true;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Custom fields

reply simulator::impl::custom_fields_list(request_ctx& c) {
  std::string const* scope = c.get("filter[scope]");
  if (scope != nullptr && *scope != "company" && *scope != "contact") bad_request("filter[scope] must be company or contact.");
  std::string const* type = c.get("filter[type]");
  std::size_t const num = page_num(c);
  std::size_t const size = page_size(c);
  auto text_of = [](field_rec const& f, char const* key) {
    json::value const* v = member(f.attributes, key);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
  };
  std::vector<field_rec const*> fields;
  for (field_rec const& f : c.acc().fields) {
    std::string const field_scope = text_of(f, "scope");
    if (scope != nullptr && (field_scope.empty() ? "contact" : field_scope) != *scope) continue;
    if (type != nullptr && text_of(f, "type") != *type) continue;
    fields.push_back(&f);
  }
  auto const [first, last] = page_bounds(num, size, fields.size());
  json::array out;
  for (std::size_t i = first; i < last; ++i) out.push_back(render_field(*fields[i]));
  reply r;
  r.has_pagination = true;
  r.pagination = page_number_meta(num, size, fields.size());
  r.data = std::move(out);
  return r;
}

reply simulator::impl::custom_fields_create(request_ctx& c) {
  json::object attributes = resource_attributes(c, "custom_field");
  validate_field_attributes(attributes);
  field_rec f;
  std::string const number = std::to_string(st.next_field_id++);
  if (member(attributes, "name") == nullptr) attributes["name"] = "Custom field " + number;
  if (member(attributes, "key") == nullptr) {
    std::string key = slug_key(attributes.at("name").as_string());
    attributes["key"] = key.empty() ? "field_" + number : key;
  }
  // A custom field's id is its internal name (reference 1.6); a taken one gets the number appended.
  f.id = std::string(attributes.at("key").is_string() ? std::string_view(attributes.at("key").as_string()) : "");
  if (f.id.empty() || c.acc().find_field(f.id) != nullptr) f.id += (f.id.empty() ? "field_" : "_") + number;
  if (member(attributes, "type") == nullptr) attributes["type"] = "text";
  std::string const now = sim_time(c.sequence);
  attributes["created_at"] = now;
  attributes["updated_at"] = now;
  f.attributes = std::move(attributes);
  c.acc().fields.push_back(std::move(f));
  reply r;
  r.status = 201;
  r.data = render_field(c.acc().fields.back());
  return r;
}

reply simulator::impl::custom_fields_get(request_ctx& c) {
  field_rec const* f = c.acc().find_field(c.params[0]);
  if (f == nullptr) not_found("Custom field '" + c.params[0] + "' not found.");
  reply r;
  r.data = render_field(*f);
  return r;
}

reply simulator::impl::custom_fields_update(request_ctx& c) {
  field_rec* f = c.acc().find_field(c.params[0]);
  if (f == nullptr) not_found("Custom field '" + c.params[0] + "' not found.");
  json::object const attributes = resource_attributes(c, "custom_field");
  validate_field_attributes(attributes);
  for (auto const& kv : attributes) {
    if (kv.key() == "created_at" || kv.key() == "updated_at" || kv.value().is_null()) continue;
    f->attributes[kv.key()] = kv.value();
  }
  f->attributes["updated_at"] = sim_time(c.sequence);
  reply r;
  r.data = render_field(*f);
  return r;
}

reply simulator::impl::custom_fields_delete(request_ctx& c) {
  auto& fields = c.acc().fields;
  auto const it = std::find_if(fields.begin(), fields.end(), [&](field_rec const& f) { return f.id == c.params[0]; });
  if (it == fields.end()) not_found("Custom field '" + c.params[0] + "' not found.");
  fields.erase(it);
  reply r;
  r.no_content = true;
  return r;
}

// ---------------------------------------------------------------------------------------------
// List items (reference 3.13.1): the members of a list as {type, id}, cursor-paged

reply simulator::impl::lists_list_items(request_ctx& c) {
  list_rec const* l = c.acc().find_list(c.params[0]);
  if (l == nullptr) not_found("List '" + c.params[0] + "' not found.");
  std::size_t const size = page_size(c);
  std::size_t const offset = cursor_offset(c);
  std::vector<std::size_t> const members(l->members.begin(), l->members.end());
  json::array out;
  for (std::size_t i = offset; i < members.size() && i < offset + size; ++i) {
    std::string const& id = l->scope == "company" ? data.companies[members[i]].id : data.contacts[members[i]].id;
    out.push_back(stub(l->scope, id));
  }
  reply r;
  r.has_pagination = true;
  r.pagination = json::object{{"next_cursor", offset + size < members.size() ? json::value(encode_cursor(offset + size))
                                                                             : json::value(nullptr)}};
  r.data = std::move(out);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Campaigns (reference 3.13.2 to 3.13.5): three seeded per account, on first use

std::vector<campaign_rec>& simulator::impl::campaigns_of(account_state const& a) {
  auto it = campaigns.find(a.id);
  if (it != campaigns.end()) return it->second;
  std::vector<campaign_rec> seeded;
  static char const* const names[] = {"Spring outreach", "Trade fair follow-up", "Returning visitors"};
  for (std::size_t i = 0; i < 3; ++i) {
    campaign_rec k;
    k.id = "cmp_" + std::to_string(a.index * 10 + i + 1);
    k.name = names[i];
    k.status = i == 2 ? "paused" : "active";
    if (i < a.lists.size()) k.list_id = a.lists[i].id;
    k.created_at = format_date(now_day() - 90 + static_cast<std::int64_t>(i) * 20) + "T09:00:00Z";
    seeded.push_back(std::move(k));
  }
  return campaigns.emplace(a.id, std::move(seeded)).first->second;
}

json::object simulator::impl::render_campaign(campaign_rec const& k, account_state const& a,
                                              std::set<std::string> const& inc) const {
  json::object relationships;
  if (inc.count("list") != 0 && !k.list_id.empty()) {
    list_rec const* l = a.find_list(k.list_id);
    relationships["list"] = l != nullptr ? json::value(render_list(*l)) : json::value(stub("list", k.list_id));
  }
  if (inc.count("campaign_summary") != 0) {
    std::uint64_t const h = mix64(opt.seed ^ fnv1a(k.id));
    relationships["campaign_summary"] = json::object{{"type", "campaign_summary"}, {"id", k.id},
                                                     {"attributes", json::object{{"visits", h % 5000}, {"companies", h % 300}}}};
  }
  if (inc.count("campaign_settings") != 0) {
    relationships["campaign_settings"] = json::object{{"type", "campaign_settings"}, {"id", k.id},
                                                      {"attributes", json::object{{"utm_campaign", slug_key(k.name)}}}};
  }
  if (inc.count("campaign_locations") != 0) relationships["campaign_locations"] = json::array();
  json::object out{{"type", "campaign"},
                   {"id", k.id},
                   {"attributes", json::object{{"name", k.name}, {"status", k.status}, {"created_at", k.created_at}}}};
  if (!relationships.empty()) out["relationships"] = std::move(relationships);
  return out;
}

reply simulator::impl::campaigns_list(request_ctx& c) {
  std::set<std::string> const inc = includes(c, &campaigns_include);
  std::size_t const num = page_num(c);
  std::size_t const size = page_size(c);
  std::vector<campaign_rec> const& all = campaigns_of(c.acc());
  auto const [first, last] = page_bounds(num, size, all.size());
  json::array out;
  for (std::size_t i = first; i < last; ++i) out.push_back(render_campaign(all[i], c.acc(), inc));
  reply r;
  r.has_pagination = true;
  r.pagination = page_number_meta(num, size, all.size());
  r.data = std::move(out);
  return r;
}

namespace {
campaign_rec* find_campaign(std::vector<campaign_rec>& all, std::string const& id) {
  for (campaign_rec& k : all) {
    if (k.id == id) return &k;
  }
  not_found("Campaign '" + id + "' not found.");
}
}  // namespace

reply simulator::impl::campaigns_get(request_ctx& c) {
  std::set<std::string> const inc = includes(c, &campaigns_include);
  campaign_rec const* k = find_campaign(campaigns_of(c.acc()), c.params[0]);
  reply r;
  r.data = render_campaign(*k, c.acc(), inc);
  return r;
}

reply simulator::impl::campaigns_get_stats(request_ctx& c) {
  campaign_rec const* k = find_campaign(campaigns_of(c.acc()), c.params[0]);
  std::string const& frequency = required_query(c, "frequency");
  std::int64_t step = 0;
  if (frequency == "day") step = 1;
  if (frequency == "week") step = 7;
  if (frequency == "month") step = 30;
  if (step == 0) bad_request("frequency must be day, week or month.");
  std::int64_t start = now_day() - 30;
  std::int64_t end = now_day() - 1;
  if (std::string const* v = c.get("start_period")) {
    if (!parse_date(*v, start)) bad_request("start_period must be a date YYYY-MM-DD.");
  }
  if (std::string const* v = c.get("end_period")) {
    if (!parse_date(*v, end)) bad_request("end_period must be a date YYYY-MM-DD.");
  }
  if (end < start) bad_request("end_period must not be earlier than start_period.");
  if ((end - start) / step > 400) bad_request("The period holds at most 400 buckets.");
  std::vector<std::int64_t> buckets;
  for (std::int64_t d = start; d <= end; d += step) buckets.push_back(d);
  std::size_t const num = page_num(c);
  std::size_t const size = page_size(c);
  auto const [first, last] = page_bounds(num, size, buckets.size());
  json::array out;
  for (std::size_t i = first; i < last; ++i) {
    std::uint64_t const h = mix64(opt.seed ^ fnv1a(k->id) ^ static_cast<std::uint64_t>(buckets[i]));
    out.push_back(json::object{{"type", "campaign_stats"},
                               {"id", k->id + ":" + format_date(buckets[i])},
                               {"attributes", json::object{{"period_start", format_date(buckets[i])},
                                                           {"visits", h % 200 * static_cast<std::uint64_t>(step)},
                                                           {"companies", h % 40}}}});
  }
  reply r;
  r.has_pagination = true;
  r.pagination = page_number_meta(num, size, buckets.size());
  r.data = std::move(out);
  return r;
}

reply simulator::impl::campaigns_update(request_ctx& c) {
  campaign_rec* k = find_campaign(campaigns_of(c.acc()), c.params[0]);
  json::object const attributes = resource_attributes(c, "campaign");
  if (auto name = string_field(attributes, "name", "data.attributes.")) {
    if (trim(*name).empty()) bad_request("data.attributes.name must not be empty.");
    k->name = *name;
  }
  if (auto status = string_field(attributes, "status", "data.attributes.")) {
    if (*status != "active" && *status != "paused") bad_request("data.attributes.status must be active or paused.");
    k->status = *status;
  }
  reply r;
  r.data = render_campaign(*k, c.acc(), {});
  return r;
}

// ---------------------------------------------------------------------------------------------
// Jobs (reference 3.13.6, 3.13.7): a free estimate; creation charges 1 credit per record not
// unlocked yet; the job then runs for real time, 40 ms a record after 100 ms in the queue.

std::vector<std::size_t> simulator::impl::job_records(request_ctx& c, std::string_view kind) {
  json::object const attributes = resource_attributes(c, kind == "company_enrichment" ? "company_enrichment_job"
                                                                                      : "contact_data_job");
  bool const companies = kind == "company_enrichment";
  char const* const ids_key = companies ? "company_ids" : "contact_ids";
  std::vector<std::string> const ids = string_list(attributes, ids_key, "data.attributes.");
  std::optional<std::string> const list_id = string_field(attributes, "list_id", "data.attributes.");
  if (companies) {
    if (ids.empty() == !list_id.has_value()) bad_request("Give exactly one of data.attributes.company_ids or list_id.");
    std::optional<std::string> const field = string_field(attributes, "custom_field_id", "data.attributes.");
    if (!field || field->empty()) bad_request("data.attributes.custom_field_id is required: the AI custom field to fill.");
    if (c.acc().find_field(*field) == nullptr) not_found("Custom field '" + *field + "' not found.");
  } else if (ids.empty() && !list_id) {
    bad_request("Give data.attributes.contact_ids or list_id.");
  }
  std::set<std::size_t> records;
  for (std::string const& id : ids) {
    if (companies) {
      auto const it = data.company_by_id.find(id);
      if (it != data.company_by_id.end()) records.insert(it->second);
    } else {
      auto const it = data.contact_by_id.find(id);
      if (it != data.contact_by_id.end()) records.insert(it->second);
    }
  }
  if (list_id) {
    list_rec const* l = c.acc().find_list(*list_id);
    if (l == nullptr) not_found("List '" + *list_id + "' not found.");
    if (l->scope != (companies ? "company" : "contact")) {
      bad_request("List '" + *list_id + "' holds " + l->scope + "s, not " + (companies ? "companies." : "contacts."));
    }
    records.insert(l->members.begin(), l->members.end());
  }
  if (records.size() > 10000) bad_request("A job takes at most 10000 records.");
  return std::vector<std::size_t>(records.begin(), records.end());
}

reply simulator::impl::job_estimate(request_ctx& c, std::string_view kind) {
  std::vector<std::size_t> const records = job_records(c, kind);
  auto const& unlocked = kind == "company_enrichment" ? c.acc().unlocked_companies : c.acc().unlocked_contacts;
  std::int64_t credits = 0;
  for (std::size_t r : records) credits += unlocked.count(r) == 0 ? 1 : 0;
  reply r;
  r.set_charged(0);
  r.data = json::object{{"type", "job_estimate"},
                        {"id", "estimate:" + std::to_string(c.sequence)},
                        {"attributes", json::object{{"eligible_count", records.size()}, {"credits", credits}}}};
  return r;
}

reply simulator::impl::job_create(request_ctx& c, std::string_view kind) {
  std::vector<std::size_t> const records = job_records(c, kind);
  job_rec j;
  j.id = (kind == "company_enrichment" ? "enr_" : "fcd_") + std::to_string(next_job++);
  j.kind = std::string(kind);
  j.account_id = c.acc().id;
  j.total = static_cast<std::int64_t>(records.size());
  j.credits = charge(c.acc(), kind == "company_enrichment" ? c.acc().unlocked_companies : c.acc().unlocked_contacts,
                     records);
  j.created = std::chrono::steady_clock::now();
  reply r;
  r.status = 201;
  r.set_charged(j.credits);
  auto const it = jobs.emplace(j.id, std::move(j)).first;
  r.data = render_job(it->second);
  return r;
}

reply simulator::impl::job_get(request_ctx& c, std::string_view kind) {
  auto const it = jobs.find(c.params[0]);
  if (it == jobs.end() || it->second.kind != kind || it->second.account_id != c.acc().id) {
    not_found("Job '" + c.params[0] + "' not found.");
  }
  reply r;
  r.set_charged(0);
  r.data = render_job(it->second);
  return r;
}

json::object simulator::impl::render_job(job_rec const& j) const {
  auto const elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - j.created);
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

// =============================================================================================

simulator::simulator(options opts, stop_signal& stop) : impl_(std::make_unique<impl>(std::move(opts), stop)) {}
simulator::~simulator() = default;

http_response simulator::handle(http_request const& req) { return impl_->handle(req); }

http_response simulator::refuse(int status, std::string const& detail) {
  std::uint64_t seq = 0;
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    seq = ++impl_->sequence;
  }
  std::string const rid = impl_->request_id(seq);
  std::string code = "bad_request";
  if (status == 408) code = "request_timeout";
  if (status == 411) code = "length_required";
  if (status == 413) code = "payload_too_large";
  if (status == 414) code = "uri_too_long";
  if (status == 417) code = "expectation_failed";
  if (status == 431) code = "request_header_fields_too_large";
  if (status == 501) code = "not_implemented";
  if (status == 503) code = "service_unavailable";
  if (status == 505) code = "http_version_not_supported";
  if (impl_->opt.log) std::fprintf(stderr, "#%llu (refused) -> %d %s\n", static_cast<unsigned long long>(seq), status, detail.c_str());
  return impl::error_response(api_error{status, code, reason_phrase(status), detail}, rid);
}

std::vector<route_info> simulator::routes() {
  std::vector<route_info> out;
  for (auto const& r : impl::route_table()) out.push_back({r.method, r.path, r.operation});
  return out;
}

}  // namespace lfsim
