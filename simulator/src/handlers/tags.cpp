// SPDX-License-Identifier: MIT
// leadfeeder-simulator: tags.*.
#include "handlers/handlers.hpp"

#include "pagination.hpp"
#include "render.hpp"
#include "request.hpp"
#include "util.hpp"
#include "world.hpp"

#include <algorithm>
#include <optional>

namespace lfsim {

namespace {

/// "an integer from 0 to 9": the range of the body field color, as described.
std::string color_rule(request_ctx const& c) {
  body_field_info const* f = c.op->body_field("color");
  if (f == nullptr || !f->has_range) return "an integer";
  return "an integer from " + std::to_string(f->min) + " to " + std::to_string(f->max);
}

std::optional<std::int64_t> color_field(request_ctx const& c, json::object const& attributes) {
  json::value const* v = member(attributes, "color");
  if (v == nullptr) return std::nullopt;
  body_field_info const* f = c.op->body_field("color");
  bool const ranged = f != nullptr && f->has_range;
  // Boost.JSON keeps every integer that fits in int64 as int64: a uint64 is out of any colour range.
  if (v->is_int64() && (!ranged || (v->get_int64() >= f->min && v->get_int64() <= f->max))) return v->get_int64();
  bad_request("data.attributes.color must be " + color_rule(c) + ".");
}

reply tags_list(world&, request_ctx& c) {
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

reply tags_create(world& w, request_ctx& c) {
  json::object const attributes = resource_attributes(c, "tag");
  tag_rec t;
  t.name = *name_field(attributes, true);
  std::optional<std::int64_t> const color = color_field(c, attributes);
  if (!color) bad_request("data.attributes.color is required: " + color_rule(c) + ".");
  t.color = *color;
  t.id = std::to_string(w.st.next_tag_id++);
  c.acc().tags.push_back(std::move(t));
  reply r;
  r.status = 201;
  r.data = render_tag(c.acc().tags.back());
  return r;
}

reply tags_get(world&, request_ctx& c) {
  tag_rec const* t = c.acc().find_tag(c.params[0]);
  if (t == nullptr) not_found("Tag '" + c.params[0] + "' not found.");
  reply r;
  r.data = render_tag(*t);
  return r;
}

reply tags_update(world&, request_ctx& c) {
  tag_rec* t = c.acc().find_tag(c.params[0]);
  if (t == nullptr) not_found("Tag '" + c.params[0] + "' not found.");
  json::object const attributes = resource_attributes(c, "tag");
  std::optional<std::string> const name = name_field(attributes, false);
  std::optional<std::int64_t> const color = color_field(c, attributes);
  if (name) t->name = *name;
  if (color) t->color = *color;
  reply r;
  r.data = render_tag(*t);
  return r;
}

reply tags_delete(world&, request_ctx& c) {
  auto& tags = c.acc().tags;
  auto const it = std::find_if(tags.begin(), tags.end(), [&](tag_rec const& t) { return t.id == c.params[0]; });
  if (it == tags.end()) not_found("Tag '" + c.params[0] + "' not found.");
  tags.erase(it);
  reply r;
  r.no_content = true;
  return r;
}

}  // namespace

void add_tag_handlers(handler_table& t) {
  t["tags.list"] = tags_list;
  t["tags.create"] = tags_create;
  t["tags.get"] = tags_get;
  t["tags.update"] = tags_update;
  t["tags.delete"] = tags_delete;
}

}  // namespace lfsim
