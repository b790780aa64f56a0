// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: candidate (c), simdjson on-demand, reading the same fields in place
// (std::string_views into the parser's string buffer; nothing copied into structs, like the
// views). Fields are looked up in document order, the way on-demand is meant to be used.
#include "candidates.hpp"

#include <simdjson.h>

#include <string>
#include <string_view>

namespace bench {
namespace {

namespace od = simdjson::ondemand;

od::parser& parser() {
  static od::parser p;  // reused: its buffers are sized on the first document
  return p;
}

// A string field; null, missing or another type reads as "" (the views' rule).
template <class Value>
void str(checksum& s, Value&& v) {
  std::string_view text;
  if (std::forward<Value>(v).get_string().get(text) != simdjson::SUCCESS) text = {};
  s.str(text);
}
template <class Value>
void boolean(checksum& s, Value&& v) {
  bool b = false;
  if (std::forward<Value>(v).get_bool().get(b) != simdjson::SUCCESS) b = false;
  s.boolean(b);
}

void profiles(od::object& sm, char const* network, checksum& s) {
  for (auto e : sm[network].get_array()) {
    od::object p = e.get_object();
    s.item();
    str(s, p["url"]);
    str(s, p["source"]);
  }
}

void filters(od::object& f, char const* name, checksum& s) {
  for (auto e : f[name].get_array()) {
    od::object item = e.get_object();
    s.item();
    str(s, item["search_value"]);
    str(s, item["display_value"]);
    boolean(s, item["negated"]);
  }
}

void read_contact(od::object c, checksum& s) {
  s.item();
  str(s, c["type"]);
  str(s, c["id"]);
  od::object at = c["attributes"].get_object();
  {
    od::object a = at["address"].get_object();
    str(s, a["city"]);
    str(s, a["country_code"]);
    str(s, a["country"]);
  }
  str(s, at["affiliation"]);
  for (auto field : at["custom_fields"].get_object()) {
    s.item();
    std::string_view const key = field.unescaped_key();
    s.str(key);
    od::object f = field.value().get_object();
    str(s, f["type"]);
    od::value v = f["value"];
    switch (v.type()) {
      case od::json_type::string: s.str(v.get_string()); break;
      case od::json_type::boolean: s.boolean(v.get_bool()); break;
      case od::json_type::number: s.number(v.get_int64()); break;
      default: break;
    }
    str(s, f["reason"]);
  }
  for (auto d : at["departments"].get_array()) {
    s.item();
    str(s, d);
  }
  for (auto e : at["emails"].get_array()) {
    od::object o = e.get_object();
    s.item();
    str(s, o["address"]);
    str(s, o["source"]);
  }
  str(s, at["first_name"]);
  str(s, at["gender"]);
  str(s, at["hierarchy_level"]);
  str(s, at["last_name"]);
  for (auto e : at["phones"].get_array()) {
    od::object p = e.get_object();
    s.item();
    str(s, p["number"]);
    str(s, p["type"]);
    boolean(s, p["blacklisted"]);
    str(s, p["source"]);
  }
  {
    od::object pos = at["position"].get_object();
    str(s, pos["title"]);
    str(s, pos["language_code"]);
  }
  for (auto e : at["public_sources"].get_array()) {
    od::object p = e.get_object();
    s.item();
    str(s, p["type"]);
    str(s, p["url"]);
  }
  {
    od::object sm = at["social_media_profiles"].get_object();
    for (char const* network : {"facebook", "instagram", "linkedin", "pinterest", "twitter", "xing", "youtube"}) {
      profiles(sm, network, s);
    }
  }
  str(s, at["title"]);
  od::object rel = c["relationships"].get_object();
  {
    od::object company = rel["company"].get_object();
    str(s, company["id"]);
    str(s, company["type"]);
  }
  for (auto e : rel["lists"].get_array()) {
    od::object l = e.get_object();
    s.item();
    str(s, l["type"]);
    str(s, l["id"]);
    od::object la = l["attributes"].get_object();
    str(s, la["name"]);
    str(s, la["scope"]);
    str(s, la["created_at"]);
    str(s, la["updated_at"]);
    od::object by = l["relationships"]["created_by"].get_object();
    str(s, by["id"]);
    str(s, by["type"]);
  }
  for (auto e : rel["buyer_personas"].get_array()) {
    od::object b = e.get_object();
    s.item();
    str(s, b["type"]);
    str(s, b["id"]);
    od::object ba = b["attributes"].get_object();
    str(s, ba["name"]);
    str(s, ba["created_at"]);
    od::object f = ba["filters"].get_object();
    filters(f, "department", s);
    filters(f, "job_title", s);
    filters(f, "location", s);
    filters(f, "seniority", s);
  }
}

}  // namespace

bool decode_simdjson(std::string const& body, checksum& s) {
  if (body.capacity() < body.size() + simdjson::SIMDJSON_PADDING) return false;
  try {
    od::document doc = parser().iterate(simdjson::padded_string_view(body.data(), body.size(), body.capacity()));
    od::object root = doc.get_object();
    for (auto c : root["data"].get_array()) read_contact(c.get_object(), s);
    od::object meta = root["meta"].get_object();
    s.number(meta["credits"]["charged"].get_int64());
    str(s, meta["request_id"]);
    return true;
  } catch (simdjson::simdjson_error const&) {
    return false;
  }
}

std::string simdjson_implementation() {
  return std::string(simdjson::get_active_implementation()->name()) + " (" +
         simdjson::get_active_implementation()->description() + ")";
}

std::string simdjson_version() {
  return std::to_string(simdjson::SIMDJSON_VERSION_MAJOR) + "." + std::to_string(simdjson::SIMDJSON_VERSION_MINOR) +
         "." + std::to_string(simdjson::SIMDJSON_VERSION_REVISION);
}

}  // namespace bench
