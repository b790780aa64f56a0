// SPDX-License-Identifier: MIT
// leadfeeder-simulator: custom_fields.*; a custom field's id is its key (internal name).
#include "handlers/handlers.hpp"

#include "pagination.hpp"
#include "render.hpp"
#include "request.hpp"
#include "util.hpp"
#include "world.hpp"

#include <algorithm>

namespace lfsim {

namespace {

void validate_field_attributes(json::object const& attributes) {
  for (char const* key : {"name", "key", "type", "description"}) string_field(attributes, key, "data.attributes.");
  if (auto key = string_field(attributes, "key", "data.attributes.")) {
    if (key->empty()) bad_request("data.attributes.key must not be empty.");
  }
}

reply custom_fields_list(world&, request_ctx& c) {
  std::string const* scope = c.get("filter[scope]");
  std::vector<std::string> const& scopes = param_enum(c, "filter[scope]");
  if (scope != nullptr && !one_of(scopes, *scope)) bad_request("filter[scope] must be " + choices(scopes) + ".");
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

reply custom_fields_create(world& w, request_ctx& c) {
  json::object attributes = resource_attributes(c, "custom_field");
  validate_field_attributes(attributes);
  field_rec f;
  std::string const number = std::to_string(w.st.next_field_id++);
  if (member(attributes, "name") == nullptr) attributes["name"] = "Custom field " + number;
  if (member(attributes, "key") == nullptr) {
    std::string key = slug_key(attributes.at("name").as_string());
    attributes["key"] = key.empty() ? "field_" + number : key;
  }
  // A custom field's id is its internal name (docs/api-reference.md, 1.6); a taken one gets the number appended.
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

reply custom_fields_get(world&, request_ctx& c) {
  field_rec const* f = c.acc().find_field(c.params[0]);
  if (f == nullptr) not_found("Custom field '" + c.params[0] + "' not found.");
  reply r;
  r.data = render_field(*f);
  return r;
}

reply custom_fields_update(world&, request_ctx& c) {
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

reply custom_fields_delete(world&, request_ctx& c) {
  auto& fields = c.acc().fields;
  auto const it = std::find_if(fields.begin(), fields.end(), [&](field_rec const& f) { return f.id == c.params[0]; });
  if (it == fields.end()) not_found("Custom field '" + c.params[0] + "' not found.");
  fields.erase(it);
  reply r;
  r.no_content = true;
  return r;
}

}  // namespace

void add_custom_field_handlers(handler_table& t) {
  t["custom_fields.list"] = custom_fields_list;
  t["custom_fields.create"] = custom_fields_create;
  t["custom_fields.get"] = custom_fields_get;
  t["custom_fields.update"] = custom_fields_update;
  t["custom_fields.delete"] = custom_fields_delete;
}

}  // namespace lfsim
