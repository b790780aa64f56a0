// SPDX-License-Identifier: MIT
// leadfeeder-simulator: reading the API description (see description.hpp).
#include "description.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <stdexcept>

namespace lfsim {

namespace json = boost::json;

namespace {

[[noreturn]] void malformed(std::string const& where, std::string const& what) {
  throw std::runtime_error("the API description: " + where + ": " + what);
}

json::object const& object_at(json::object const& o, std::string_view key, std::string const& where) {
  auto const it = o.find(key);
  if (it == o.end() || !it->value().is_object()) malformed(where, "'" + std::string(key) + "' must be an object");
  return it->value().get_object();
}

json::array const& array_at(json::object const& o, std::string_view key, std::string const& where) {
  static json::array const empty;
  auto const it = o.find(key);
  if (it == o.end() || it->value().is_null()) return empty;
  if (!it->value().is_array()) malformed(where, "'" + std::string(key) + "' must be an array");
  return it->value().get_array();
}

std::string text_at(json::object const& o, std::string_view key, std::string const& where, bool required = true) {
  auto const it = o.find(key);
  if (it == o.end() || it->value().is_null()) {
    if (required) malformed(where, "'" + std::string(key) + "' is missing");
    return {};
  }
  if (!it->value().is_string()) malformed(where, "'" + std::string(key) + "' must be a string");
  return std::string(it->value().get_string());
}

bool flag_at(json::object const& o, std::string_view key) {
  auto const it = o.find(key);
  return it != o.end() && it->value().is_bool() && it->value().get_bool();
}

param_info read_param(json::value const& v, std::string const& where) {
  if (!v.is_object()) malformed(where, "each parameter must be an object");
  json::object const& p = v.get_object();
  param_info out;
  out.name = text_at(p, "name", where);
  std::string const pwhere = where + " parameter " + out.name;
  out.in = text_at(p, "in", pwhere);
  out.type = text_at(p, "type", pwhere);
  out.enum_name = text_at(p, "enum", pwhere, false);
  out.required = flag_at(p, "required") || out.in == "path";
  return out;
}

operation_info read_operation(json::value const& v) {
  if (!v.is_object()) malformed("operations", "each operation must be an object");
  json::object const& o = v.get_object();
  operation_info op;
  op.id = text_at(o, "id", "operations");
  std::string const where = "operation " + op.id;
  op.method = text_at(o, "method", where);
  op.path = text_at(o, "path", where);
  if (op.path.empty() || op.path.front() != '/') malformed(where, "the path must start with '/'");
  for (json::value const& p : array_at(o, "params", where)) op.params.push_back(read_param(p, where));
  for (param_info const& p : op.params) {
    if (p.name == "account_id" && p.in == "query" && p.required) op.needs_account = true;
  }
  std::string const pagination = text_at(o, "pagination", where, false);
  if (pagination.empty() || pagination == "none") {
    op.pagination = pagination_style::none;
  } else if (pagination == "page_number") {
    op.pagination = pagination_style::page_number;
  } else if (pagination == "cursor") {
    op.pagination = pagination_style::cursor;
  } else {
    malformed(where, "unknown pagination '" + pagination + "'");
  }
  json::object const& response = object_at(o, "response", where);
  op.response_data = text_at(response, "data", where + " response");
  op.response_schema = text_at(response, "schema", where + " response", false);
  auto const body = o.find("body");
  op.has_body = body != o.end() && body->value().is_object();
  if (op.has_body) {
    for (json::value const& f : array_at(body->value().get_object(), "fields", where + " body")) {
      if (!f.is_object()) malformed(where + " body", "each field must be an object");
      json::object const& fo = f.get_object();
      body_field_info field;
      field.name = text_at(fo, "name", where + " body");
      field.type = text_at(fo, "type", where + " body field " + field.name);
      field.enum_name = text_at(fo, "enum", where + " body field " + field.name, false);
      field.required = flag_at(fo, "required");
      auto const min = fo.find("min");
      auto const max = fo.find("max");
      if (min != fo.end() && max != fo.end() && min->value().is_int64() && max->value().is_int64()) {
        field.has_range = true;
        field.min = min->value().get_int64();
        field.max = max->value().get_int64();
      }
      op.body_fields.push_back(std::move(field));
    }
  }
  return op;
}

schema_info read_schema(std::string name, json::value const& v) {
  std::string const where = "schema " + name;
  if (!v.is_object()) malformed(where, "must be an object");
  json::object const& s = v.get_object();
  schema_info out;
  out.name = std::move(name);
  std::string const kind = text_at(s, "kind", where);
  out.resource = kind == "resource";
  if (out.resource) out.type = text_at(s, "type", where);
  for (json::value const& f : array_at(s, out.resource ? "attributes" : "fields", where)) {
    if (!f.is_object()) malformed(where, "each field must be an object");
    json::object const& fo = f.get_object();
    out.fields.push_back(field_info{text_at(fo, "name", where), text_at(fo, "type", where),
                                    text_at(fo, "schema", where, false)});
  }
  for (json::value const& r : array_at(s, "relationships", where)) {
    if (!r.is_object()) malformed(where, "each relationship must be an object");
    json::object const& ro = r.get_object();
    out.relationships.push_back(relationship_info{text_at(ro, "name", where), text_at(ro, "to", where) == "many",
                                                  text_at(ro, "schema", where, false)});
  }
  return out;
}

}  // namespace

param_info const* operation_info::param(std::string_view name) const {
  for (param_info const& p : params) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

body_field_info const* operation_info::body_field(std::string_view name) const {
  for (body_field_info const& f : body_fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

operation_info const* description::operation(std::string_view id) const {
  for (operation_info const& op : operations) {
    if (op.id == id) return &op;
  }
  return nullptr;
}

schema_info const* description::schema(std::string_view name) const {
  auto const it = schemas.find(name);
  return it == schemas.end() ? nullptr : &it->second;
}

std::vector<std::string> const& description::enum_values(std::string_view name) const {
  static std::vector<std::string> const none;
  auto const it = enums.find(name);
  return it == enums.end() ? none : it->second;
}

description parse_description(std::string_view json_text) {
  boost::system::error_code ec;
  json::value const root = json::parse(json_text, ec);
  if (ec) throw std::runtime_error("the API description is not valid JSON (" + ec.message() + ")");
  if (!root.is_object()) malformed("the top level", "must be an object");
  json::object const& top = root.get_object();
  description d;
  for (json::value const& op : array_at(top, "operations", "the top level")) d.operations.push_back(read_operation(op));
  if (d.operations.empty()) malformed("the top level", "'operations' must hold at least one operation");
  for (auto const& kv : object_at(top, "schemas", "the top level")) {
    d.schemas.emplace(std::string(kv.key()), read_schema(std::string(kv.key()), kv.value()));
  }
  auto const enums = top.find("enums");
  if (enums != top.end() && enums->value().is_object()) {
    for (auto const& kv : enums->value().get_object()) {
      std::string const where = "enum " + std::string(kv.key());
      if (!kv.value().is_object()) malformed(where, "must be an object");
      std::vector<std::string> values;
      for (json::value const& item : array_at(kv.value().get_object(), "values", where)) {
        if (!item.is_object()) malformed(where, "each value must be an object");
        values.push_back(text_at(item.get_object(), "wire", where));
      }
      d.enums.emplace(std::string(kv.key()), std::move(values));
    }
  }
  for (operation_info const& op : d.operations) {
    if (!op.response_schema.empty() && d.schema(op.response_schema) == nullptr) {
      malformed("operation " + op.id, "response schema '" + op.response_schema + "' is not described");
    }
  }
  return d;
}

}  // namespace lfsim
