// SPDX-License-Identifier: MIT
// leadfeeder-simulator: request readers and API errors (see request.hpp).
#include "request.hpp"

#include "util.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>

namespace lfsim {

[[noreturn]] void fail(int status, std::string code, std::string title, std::string detail) {
  throw api_error{status, std::move(code), std::move(title), std::move(detail)};
}
[[noreturn]] void bad_request(std::string detail) { fail(400, "bad_request", "Bad Request", std::move(detail)); }
[[noreturn]] void not_found(std::string detail) {
  fail(404, "entity_not_found", "Entity not found", std::move(detail));
}

// ---- Query parameters

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

std::vector<std::string> const& param_enum(request_ctx const& c, std::string_view name) {
  static std::vector<std::string> const none;
  param_info const* p = c.op == nullptr ? nullptr : c.op->param(name);
  return p == nullptr || c.desc == nullptr ? none : c.desc->enum_values(p->enum_name);
}

std::vector<std::string> const& body_field_enum(request_ctx const& c, std::string_view name) {
  static std::vector<std::string> const none;
  body_field_info const* f = c.op == nullptr ? nullptr : c.op->body_field(name);
  return f == nullptr || c.desc == nullptr ? none : c.desc->enum_values(f->enum_name);
}

bool one_of(std::vector<std::string> const& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string choices(std::vector<std::string> const& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
    out += values[i];
  }
  return out;
}

std::set<std::string> includes(request_ctx const& c) {
  std::vector<std::string> const* allowed = nullptr;
  if (c.op != nullptr) {
    param_info const* p = c.op->param("include");
    if (p != nullptr && !p->enum_name.empty() && c.desc != nullptr) allowed = &c.desc->enum_values(p->enum_name);
  }
  std::set<std::string> out;
  std::string const* v = c.get("include");
  if (v == nullptr) return out;
  for (std::string_view part : split(*v, ',')) {
    part = trim(part);
    if (part.empty()) continue;
    if (allowed != nullptr && std::find(allowed->begin(), allowed->end(), part) == allowed->end()) {
      std::string list;
      for (auto const& a : *allowed) list += (list.empty() ? "" : ", ") + a;
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

// ---- JSON bodies

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

std::optional<std::string> name_field(json::object const& attributes, bool required) {
  std::optional<std::string> name = string_field(attributes, "name", "data.attributes.");
  if (name && trim(*name).empty()) bad_request("data.attributes.name must not be empty.");
  if (required && !name) bad_request("data.attributes.name is required.");
  return name;
}

}  // namespace lfsim
