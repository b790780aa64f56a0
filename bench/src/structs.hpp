// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: the hand-written structs that candidates (a) nlohmann::json and (b)
// boost::json::parse fill, the way an application without this library would model ContactV1:
// std::string members and std::vectors, everything copied out of the parsed tree.
#pragma once

#include "common.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace bench::model {

struct address {
  std::string city, country_code, country;
};
/// A custom field's value: any JSON scalar.
using scalar = std::variant<std::monostate, std::string, bool, std::int64_t>;
struct custom_field {
  std::string key, type;
  scalar value;
  std::string reason;
};
struct email {
  std::string address, source;
};
struct phone {
  std::string number, type;
  bool blacklisted = false;
  std::string source;
};
struct position {
  std::string title, language_code;
};
struct public_source {
  std::string type, url;
};
struct social_profile {
  std::string url, source;
};
struct social_profiles {
  std::vector<social_profile> facebook, instagram, linkedin, pinterest, twitter, xing, youtube;
};
struct resource_ref {
  std::string id, type;
};
struct list {
  std::string type, id, name, scope, created_at, updated_at;
  resource_ref created_by;
};
struct filter_item {
  std::string search_value, display_value;
  bool negated = false;
};
struct buyer_persona {
  std::string type, id, name, created_at;
  std::vector<filter_item> department, job_title, location, seniority;
};
struct contact {
  std::string type, id;
  model::address address;
  std::string affiliation;
  std::vector<custom_field> custom_fields;
  std::vector<std::string> departments;
  std::vector<email> emails;
  std::string first_name, gender, hierarchy_level, last_name;
  std::vector<phone> phones;
  model::position position;
  std::vector<public_source> public_sources;
  social_profiles social_media_profiles;
  std::string title;
  resource_ref company;
  std::vector<list> lists;
  std::vector<buyer_persona> buyer_personas;
};
struct contacts_response {
  std::vector<contact> data;
  std::int64_t charged = 0;
  std::string request_id;
};

/// Reads every field of the structs into `s`, in the same way the other candidates do.
inline void sum(contacts_response const& r, checksum& s) {
  auto profiles = [&s](std::vector<social_profile> const& v) {
    for (social_profile const& p : v) {
      s.item();
      s.str(p.url);
      s.str(p.source);
    }
  };
  auto filters = [&s](std::vector<filter_item> const& v) {
    for (filter_item const& f : v) {
      s.item();
      s.str(f.search_value);
      s.str(f.display_value);
      s.boolean(f.negated);
    }
  };
  for (contact const& c : r.data) {
    s.item();
    s.str(c.type);
    s.str(c.id);
    s.str(c.address.city);
    s.str(c.address.country_code);
    s.str(c.address.country);
    s.str(c.affiliation);
    for (custom_field const& f : c.custom_fields) {
      s.item();
      s.str(f.key);
      s.str(f.type);
      if (auto const* str = std::get_if<std::string>(&f.value)) s.str(*str);
      if (auto const* b = std::get_if<bool>(&f.value)) s.boolean(*b);
      if (auto const* n = std::get_if<std::int64_t>(&f.value)) s.number(*n);
      s.str(f.reason);
    }
    for (std::string const& d : c.departments) {
      s.item();
      s.str(d);
    }
    for (email const& e : c.emails) {
      s.item();
      s.str(e.address);
      s.str(e.source);
    }
    s.str(c.first_name);
    s.str(c.gender);
    s.str(c.hierarchy_level);
    s.str(c.last_name);
    for (phone const& p : c.phones) {
      s.item();
      s.str(p.number);
      s.str(p.type);
      s.boolean(p.blacklisted);
      s.str(p.source);
    }
    s.str(c.position.title);
    s.str(c.position.language_code);
    for (public_source const& p : c.public_sources) {
      s.item();
      s.str(p.type);
      s.str(p.url);
    }
    profiles(c.social_media_profiles.facebook);
    profiles(c.social_media_profiles.instagram);
    profiles(c.social_media_profiles.linkedin);
    profiles(c.social_media_profiles.pinterest);
    profiles(c.social_media_profiles.twitter);
    profiles(c.social_media_profiles.xing);
    profiles(c.social_media_profiles.youtube);
    s.str(c.title);
    s.str(c.company.id);
    s.str(c.company.type);
    for (list const& l : c.lists) {
      s.item();
      s.str(l.type);
      s.str(l.id);
      s.str(l.name);
      s.str(l.scope);
      s.str(l.created_at);
      s.str(l.updated_at);
      s.str(l.created_by.id);
      s.str(l.created_by.type);
    }
    for (buyer_persona const& b : c.buyer_personas) {
      s.item();
      s.str(b.type);
      s.str(b.id);
      s.str(b.name);
      s.str(b.created_at);
      filters(b.department);
      filters(b.job_title);
      filters(b.location);
      filters(b.seniority);
    }
  }
  s.number(r.charged);
  s.str(r.request_id);
}

}  // namespace bench::model
