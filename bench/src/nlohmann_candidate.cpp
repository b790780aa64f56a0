// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: candidate (a), nlohmann::json::parse and the hand-written structs
// filled field by field (what an application without this library would typically write).
#include "candidates.hpp"
#include "structs.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>

namespace bench {
namespace {

using json = nlohmann::json;

json const* find(json const& o, char const* key) {
  if (!o.is_object()) return nullptr;
  auto const it = o.find(key);
  if (it == o.end() || it->is_null()) return nullptr;
  return &*it;
}
json const& member(json const& o, char const* key) {
  static json const null;
  json const* v = find(o, key);
  return v != nullptr ? *v : null;
}
std::string copy(json const& o, char const* key) {
  json const* v = find(o, key);
  return (v != nullptr && v->is_string()) ? v->get_ref<std::string const&>() : std::string();
}
bool bool_at(json const& o, char const* key) {
  json const* v = find(o, key);
  return v != nullptr && v->is_boolean() && v->get<bool>();
}
template <class F>
void each(json const& o, char const* key, F&& f) {
  json const* v = find(o, key);
  if (v == nullptr || !v->is_array()) return;
  for (json const& e : *v) f(e);
}

std::vector<model::social_profile> to_profiles(json const& sm, char const* network) {
  std::vector<model::social_profile> out;
  each(sm, network, [&](json const& e) { out.push_back({copy(e, "url"), copy(e, "source")}); });
  return out;
}
std::vector<model::filter_item> to_filters(json const& filters, char const* name) {
  std::vector<model::filter_item> out;
  each(filters, name, [&](json const& e) {
    out.push_back({copy(e, "search_value"), copy(e, "display_value"), bool_at(e, "negated")});
  });
  return out;
}

model::contact to_contact(json const& o) {
  model::contact c;
  c.type = copy(o, "type");
  c.id = copy(o, "id");
  json const& at = member(o, "attributes");
  json const& address = member(at, "address");
  c.address = {copy(address, "city"), copy(address, "country_code"), copy(address, "country")};
  c.affiliation = copy(at, "affiliation");
  json const& fields = member(at, "custom_fields");
  if (fields.is_object()) {
    for (auto const& [key, f] : fields.items()) {
      if (!f.is_object()) continue;
      model::custom_field field;
      field.key = key;
      field.type = copy(f, "type");
      if (json const* v = find(f, "value")) {
        if (v->is_string()) {
          field.value = v->get<std::string>();
        } else if (v->is_boolean()) {
          field.value = v->get<bool>();
        } else if (v->is_number_integer()) {
          field.value = v->get<std::int64_t>();
        }
      }
      field.reason = copy(f, "reason");
      c.custom_fields.push_back(std::move(field));
    }
  }
  each(at, "departments",
       [&](json const& d) { c.departments.push_back(d.is_string() ? d.get<std::string>() : std::string()); });
  each(at, "emails", [&](json const& e) { c.emails.push_back({copy(e, "address"), copy(e, "source")}); });
  c.first_name = copy(at, "first_name");
  c.gender = copy(at, "gender");
  c.hierarchy_level = copy(at, "hierarchy_level");
  c.last_name = copy(at, "last_name");
  each(at, "phones", [&](json const& p) {
    c.phones.push_back({copy(p, "number"), copy(p, "type"), bool_at(p, "blacklisted"), copy(p, "source")});
  });
  json const& position = member(at, "position");
  c.position = {copy(position, "title"), copy(position, "language_code")};
  each(at, "public_sources", [&](json const& p) { c.public_sources.push_back({copy(p, "type"), copy(p, "url")}); });
  json const& sm = member(at, "social_media_profiles");
  c.social_media_profiles.facebook = to_profiles(sm, "facebook");
  c.social_media_profiles.instagram = to_profiles(sm, "instagram");
  c.social_media_profiles.linkedin = to_profiles(sm, "linkedin");
  c.social_media_profiles.pinterest = to_profiles(sm, "pinterest");
  c.social_media_profiles.twitter = to_profiles(sm, "twitter");
  c.social_media_profiles.xing = to_profiles(sm, "xing");
  c.social_media_profiles.youtube = to_profiles(sm, "youtube");
  c.title = copy(at, "title");
  json const& rel = member(o, "relationships");
  json const& company = member(rel, "company");
  c.company = {copy(company, "id"), copy(company, "type")};
  each(rel, "lists", [&](json const& l) {
    json const& la = member(l, "attributes");
    json const& by = member(member(l, "relationships"), "created_by");
    c.lists.push_back({copy(l, "type"),
                       copy(l, "id"),
                       copy(la, "name"),
                       copy(la, "scope"),
                       copy(la, "created_at"),
                       copy(la, "updated_at"),
                       {copy(by, "id"), copy(by, "type")}});
  });
  each(rel, "buyer_personas", [&](json const& b) {
    json const& ba = member(b, "attributes");
    json const& filters = member(ba, "filters");
    c.buyer_personas.push_back({copy(b, "type"), copy(b, "id"), copy(ba, "name"), copy(ba, "created_at"),
                                to_filters(filters, "department"), to_filters(filters, "job_title"),
                                to_filters(filters, "location"), to_filters(filters, "seniority")});
  });
  return c;
}

}  // namespace

void decode_nlohmann(std::string const& body, checksum& s) {
  json const root = json::parse(body);
  model::contacts_response r;
  json const* data = find(root, "data");
  if (data != nullptr && data->is_array()) {
    r.data.reserve(data->size());
    for (json const& c : *data) r.data.push_back(to_contact(c));
  }
  json const& meta = member(root, "meta");
  json const& credits = member(meta, "credits");
  json const* charged = find(credits, "charged");
  r.charged = (charged != nullptr && charged->is_number_integer()) ? charged->get<std::int64_t>() : 0;
  r.request_id = copy(meta, "request_id");
  model::sum(r, s);
}

std::string nlohmann_version() {
  return std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." + std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
         std::to_string(NLOHMANN_JSON_VERSION_PATCH);
}

}  // namespace bench
