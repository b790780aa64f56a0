// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: candidate (b), boost::json::parse with the default allocator and a
// conversion into the hand-written structs; and the calibration rows: Boost.JSON into a reused
// monotonic buffer read through boost::json::value directly, and the bare tokenizer.
#include "candidates.hpp"
#include "structs.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <benchmark/benchmark.h>

#include <string>
#include <utility>

namespace bench {
namespace {

namespace bj = boost::json;

bj::value const* find(bj::object const& o, bj::string_view key) noexcept {
  bj::value const* v = o.if_contains(key);
  return (v == nullptr || v->is_null()) ? nullptr : v;
}

bj::object const& empty_object() {
  static bj::object const empty;
  return empty;
}
bj::array const& empty_array() {
  static bj::array const empty;
  return empty;
}

bj::object const& object_at(bj::object const& o, bj::string_view key) {
  bj::value const* v = find(o, key);
  return (v != nullptr && v->is_object()) ? v->get_object() : empty_object();
}
bj::array const& array_at(bj::object const& o, bj::string_view key) {
  bj::value const* v = find(o, key);
  return (v != nullptr && v->is_array()) ? v->get_array() : empty_array();
}
bj::string_view string_at(bj::object const& o, bj::string_view key) {
  bj::value const* v = find(o, key);
  return (v != nullptr && v->is_string()) ? bj::string_view(v->get_string()) : bj::string_view();
}
bool bool_at(bj::object const& o, bj::string_view key) {
  bj::value const* v = find(o, key);
  return v != nullptr && v->is_bool() && v->get_bool();
}
std::int64_t int_at(bj::object const& o, bj::string_view key) {
  bj::value const* v = find(o, key);
  return (v != nullptr && v->is_int64()) ? v->get_int64() : 0;
}
std::string copy(bj::object const& o, bj::string_view key) { return std::string(string_at(o, key)); }
std::string_view sv(bj::string_view s) noexcept { return {s.data(), s.size()}; }

// ---- (b): conversion into the structs, field by field.

std::vector<model::social_profile> to_profiles(bj::array const& a) {
  std::vector<model::social_profile> out;
  out.reserve(a.size());
  for (bj::value const& e : a) {
    if (!e.is_object()) continue;
    bj::object const& o = e.get_object();
    out.push_back({copy(o, "url"), copy(o, "source")});
  }
  return out;
}

std::vector<model::filter_item> to_filters(bj::array const& a) {
  std::vector<model::filter_item> out;
  out.reserve(a.size());
  for (bj::value const& e : a) {
    if (!e.is_object()) continue;
    bj::object const& o = e.get_object();
    out.push_back({copy(o, "search_value"), copy(o, "display_value"), bool_at(o, "negated")});
  }
  return out;
}

model::contact to_contact(bj::object const& o) {
  model::contact c;
  c.type = copy(o, "type");
  c.id = copy(o, "id");
  bj::object const& at = object_at(o, "attributes");
  bj::object const& address = object_at(at, "address");
  c.address = {copy(address, "city"), copy(address, "country_code"), copy(address, "country")};
  c.affiliation = copy(at, "affiliation");
  bj::object const& fields = object_at(at, "custom_fields");
  c.custom_fields.reserve(fields.size());
  for (bj::key_value_pair const& m : fields) {
    if (!m.value().is_object()) continue;
    bj::object const& f = m.value().get_object();
    model::custom_field field;
    field.key = std::string(m.key());
    field.type = copy(f, "type");
    if (bj::value const* v = find(f, "value")) {
      if (v->is_string()) {
        field.value = std::string(v->get_string());
      } else if (v->is_bool()) {
        field.value = v->get_bool();
      } else if (v->is_int64()) {
        field.value = v->get_int64();
      }
    }
    field.reason = copy(f, "reason");
    c.custom_fields.push_back(std::move(field));
  }
  for (bj::value const& d : array_at(at, "departments")) {
    c.departments.emplace_back(d.is_string() ? sv(d.get_string()) : std::string_view());
  }
  for (bj::value const& e : array_at(at, "emails")) {
    if (!e.is_object()) continue;
    c.emails.push_back({copy(e.get_object(), "address"), copy(e.get_object(), "source")});
  }
  c.first_name = copy(at, "first_name");
  c.gender = copy(at, "gender");
  c.hierarchy_level = copy(at, "hierarchy_level");
  c.last_name = copy(at, "last_name");
  for (bj::value const& e : array_at(at, "phones")) {
    if (!e.is_object()) continue;
    bj::object const& p = e.get_object();
    c.phones.push_back({copy(p, "number"), copy(p, "type"), bool_at(p, "blacklisted"), copy(p, "source")});
  }
  bj::object const& position = object_at(at, "position");
  c.position = {copy(position, "title"), copy(position, "language_code")};
  for (bj::value const& e : array_at(at, "public_sources")) {
    if (!e.is_object()) continue;
    c.public_sources.push_back({copy(e.get_object(), "type"), copy(e.get_object(), "url")});
  }
  bj::object const& sm = object_at(at, "social_media_profiles");
  c.social_media_profiles.facebook = to_profiles(array_at(sm, "facebook"));
  c.social_media_profiles.instagram = to_profiles(array_at(sm, "instagram"));
  c.social_media_profiles.linkedin = to_profiles(array_at(sm, "linkedin"));
  c.social_media_profiles.pinterest = to_profiles(array_at(sm, "pinterest"));
  c.social_media_profiles.twitter = to_profiles(array_at(sm, "twitter"));
  c.social_media_profiles.xing = to_profiles(array_at(sm, "xing"));
  c.social_media_profiles.youtube = to_profiles(array_at(sm, "youtube"));
  c.title = copy(at, "title");
  bj::object const& rel = object_at(o, "relationships");
  bj::object const& company = object_at(rel, "company");
  c.company = {copy(company, "id"), copy(company, "type")};
  for (bj::value const& e : array_at(rel, "lists")) {
    if (!e.is_object()) continue;
    bj::object const& l = e.get_object();
    bj::object const& la = object_at(l, "attributes");
    bj::object const& by = object_at(object_at(l, "relationships"), "created_by");
    c.lists.push_back({copy(l, "type"),
                       copy(l, "id"),
                       copy(la, "name"),
                       copy(la, "scope"),
                       copy(la, "created_at"),
                       copy(la, "updated_at"),
                       {copy(by, "id"), copy(by, "type")}});
  }
  for (bj::value const& e : array_at(rel, "buyer_personas")) {
    if (!e.is_object()) continue;
    bj::object const& b = e.get_object();
    bj::object const& ba = object_at(b, "attributes");
    bj::object const& filters = object_at(ba, "filters");
    c.buyer_personas.push_back({copy(b, "type"), copy(b, "id"), copy(ba, "name"), copy(ba, "created_at"),
                                to_filters(array_at(filters, "department")), to_filters(array_at(filters, "job_title")),
                                to_filters(array_at(filters, "location")), to_filters(array_at(filters, "seniority"))});
  }
  return c;
}

model::contacts_response to_response(bj::value const& root) {
  model::contacts_response r;
  if (!root.is_object()) return r;
  bj::object const& o = root.get_object();
  bj::array const& data = array_at(o, "data");
  r.data.reserve(data.size());
  for (bj::value const& c : data) {
    if (c.is_object()) r.data.push_back(to_contact(c.get_object()));
  }
  bj::object const& meta = object_at(o, "meta");
  r.charged = int_at(object_at(meta, "credits"), "charged");
  r.request_id = copy(meta, "request_id");
  return r;
}

// ---- Calibration: the same reads straight from the boost::json::value tree (no copies).

void profiles(bj::array const& a, checksum& s) {
  for (bj::value const& e : a) {
    if (!e.is_object()) continue;
    s.item();
    s.str(sv(string_at(e.get_object(), "url")));
    s.str(sv(string_at(e.get_object(), "source")));
  }
}

void filters(bj::array const& a, checksum& s) {
  for (bj::value const& e : a) {
    if (!e.is_object()) continue;
    bj::object const& f = e.get_object();
    s.item();
    s.str(sv(string_at(f, "search_value")));
    s.str(sv(string_at(f, "display_value")));
    s.boolean(bool_at(f, "negated"));
  }
}

void read_direct(bj::value const& root, checksum& s) {
  if (!root.is_object()) return;
  bj::object const& top = root.get_object();
  for (bj::value const& cv : array_at(top, "data")) {
    if (!cv.is_object()) continue;
    bj::object const& o = cv.get_object();
    s.item();
    s.str(sv(string_at(o, "type")));
    s.str(sv(string_at(o, "id")));
    bj::object const& at = object_at(o, "attributes");
    bj::object const& address = object_at(at, "address");
    s.str(sv(string_at(address, "city")));
    s.str(sv(string_at(address, "country_code")));
    s.str(sv(string_at(address, "country")));
    s.str(sv(string_at(at, "affiliation")));
    for (bj::key_value_pair const& m : object_at(at, "custom_fields")) {
      if (!m.value().is_object()) continue;
      bj::object const& f = m.value().get_object();
      s.item();
      s.str(sv(m.key()));
      s.str(sv(string_at(f, "type")));
      if (bj::value const* v = find(f, "value")) {
        if (v->is_string()) {
          s.str(sv(v->get_string()));
        } else if (v->is_bool()) {
          s.boolean(v->get_bool());
        } else if (v->is_int64()) {
          s.number(v->get_int64());
        }
      }
      s.str(sv(string_at(f, "reason")));
    }
    for (bj::value const& d : array_at(at, "departments")) {
      s.item();
      s.str(d.is_string() ? sv(d.get_string()) : std::string_view());
    }
    for (bj::value const& e : array_at(at, "emails")) {
      if (!e.is_object()) continue;
      s.item();
      s.str(sv(string_at(e.get_object(), "address")));
      s.str(sv(string_at(e.get_object(), "source")));
    }
    s.str(sv(string_at(at, "first_name")));
    s.str(sv(string_at(at, "gender")));
    s.str(sv(string_at(at, "hierarchy_level")));
    s.str(sv(string_at(at, "last_name")));
    for (bj::value const& e : array_at(at, "phones")) {
      if (!e.is_object()) continue;
      bj::object const& p = e.get_object();
      s.item();
      s.str(sv(string_at(p, "number")));
      s.str(sv(string_at(p, "type")));
      s.boolean(bool_at(p, "blacklisted"));
      s.str(sv(string_at(p, "source")));
    }
    bj::object const& position = object_at(at, "position");
    s.str(sv(string_at(position, "title")));
    s.str(sv(string_at(position, "language_code")));
    for (bj::value const& e : array_at(at, "public_sources")) {
      if (!e.is_object()) continue;
      s.item();
      s.str(sv(string_at(e.get_object(), "type")));
      s.str(sv(string_at(e.get_object(), "url")));
    }
    bj::object const& sm = object_at(at, "social_media_profiles");
    for (char const* network : {"facebook", "instagram", "linkedin", "pinterest", "twitter", "xing", "youtube"}) {
      profiles(array_at(sm, network), s);
    }
    s.str(sv(string_at(at, "title")));
    bj::object const& rel = object_at(o, "relationships");
    bj::object const& company = object_at(rel, "company");
    s.str(sv(string_at(company, "id")));
    s.str(sv(string_at(company, "type")));
    for (bj::value const& e : array_at(rel, "lists")) {
      if (!e.is_object()) continue;
      bj::object const& l = e.get_object();
      bj::object const& la = object_at(l, "attributes");
      bj::object const& by = object_at(object_at(l, "relationships"), "created_by");
      s.item();
      s.str(sv(string_at(l, "type")));
      s.str(sv(string_at(l, "id")));
      s.str(sv(string_at(la, "name")));
      s.str(sv(string_at(la, "scope")));
      s.str(sv(string_at(la, "created_at")));
      s.str(sv(string_at(la, "updated_at")));
      s.str(sv(string_at(by, "id")));
      s.str(sv(string_at(by, "type")));
    }
    for (bj::value const& e : array_at(rel, "buyer_personas")) {
      if (!e.is_object()) continue;
      bj::object const& b = e.get_object();
      bj::object const& ba = object_at(b, "attributes");
      bj::object const& f = object_at(ba, "filters");
      s.item();
      s.str(sv(string_at(b, "type")));
      s.str(sv(string_at(b, "id")));
      s.str(sv(string_at(ba, "name")));
      s.str(sv(string_at(ba, "created_at")));
      filters(array_at(f, "department"), s);
      filters(array_at(f, "job_title"), s);
      filters(array_at(f, "location"), s);
      filters(array_at(f, "seniority"), s);
    }
  }
  bj::object const& meta = object_at(top, "meta");
  s.number(int_at(object_at(meta, "credits"), "charged"));
  s.str(sv(string_at(meta, "request_id")));
}

// ---- Calibration: a handler that does nothing.
struct null_handler {
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  using ec_t = bj::error_code;
  bool on_document_begin(ec_t&) { return true; }
  bool on_document_end(ec_t&) { return true; }
  bool on_object_begin(ec_t&) { return true; }
  bool on_object_end(std::size_t, ec_t&) { return true; }
  bool on_array_begin(ec_t&) { return true; }
  bool on_array_end(std::size_t, ec_t&) { return true; }
  bool on_key_part(bj::string_view, std::size_t, ec_t&) { return true; }
  bool on_key(bj::string_view, std::size_t, ec_t&) { return true; }
  bool on_string_part(bj::string_view, std::size_t, ec_t&) { return true; }
  bool on_string(bj::string_view, std::size_t, ec_t&) { return true; }
  bool on_number_part(bj::string_view, ec_t&) { return true; }
  bool on_int64(std::int64_t, bj::string_view, ec_t&) { return true; }
  bool on_uint64(std::uint64_t, bj::string_view, ec_t&) { return true; }
  bool on_double(double, bj::string_view, ec_t&) { return true; }
  bool on_bool(bool, ec_t&) { return true; }
  bool on_null(ec_t&) { return true; }
  bool on_comment_part(bj::string_view, ec_t&) { return true; }
  bool on_comment(bj::string_view, ec_t&) { return true; }
};

}  // namespace

void decode_boost_structs(std::string const& body, checksum& s) {
  bj::value const root = bj::parse(bj::string_view(body.data(), body.size()));
  model::contacts_response const r = to_response(root);
  model::sum(r, s);
}

void decode_boost_monotonic(std::string const& body, void* buffer, std::size_t size, checksum& s) {
  bj::monotonic_resource arena(static_cast<unsigned char*>(buffer), size);
  bj::error_code ec;
  bj::value const root = bj::parse(bj::string_view(body.data(), body.size()), ec, &arena);
  if (ec) return;
  read_direct(root, s);
}

void read_boost_direct(bj::value const& root, checksum& s) { read_direct(root, s); }

bool tokenize_boost_null(std::string const& body) {
  bj::basic_parser<null_handler> p(bj::parse_options{});
  bj::error_code ec;
  std::size_t const n = p.write_some(false, body.data(), body.size(), ec);
  benchmark::DoNotOptimize(n);
  return !ec && n == body.size();
}

}  // namespace bench
