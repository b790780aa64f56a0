// SPDX-License-Identifier: MIT
// leadfeeder-simulator: lists.*, lists.list_items included.
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

reply lists_list(world&, request_ctx& c) {
  std::string const* scope = c.get("filter[scope]");
  std::vector<std::string> const& scopes = param_enum(c, "filter[scope]");
  if (scope == nullptr || !one_of(scopes, *scope)) bad_request("filter[scope] is required: " + choices(scopes) + ".");
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

reply lists_create(world& w, request_ctx& c) {
  json::object const attributes = resource_attributes(c, "list");
  std::string const name = *name_field(attributes, true);
  std::optional<std::string> const scope = string_field(attributes, "scope", "data.attributes.");
  std::vector<std::string> const& scopes = body_field_enum(c, "scope");
  if (!scope || !one_of(scopes, *scope)) bad_request("data.attributes.scope is required: " + choices(scopes) + ".");
  list_rec l;
  l.id = *scope + "_" + std::to_string(w.st.next_list_number++);
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

reply lists_get(world&, request_ctx& c) {
  list_rec const* l = c.acc().find_list(c.params[0]);
  if (l == nullptr) not_found("List '" + c.params[0] + "' not found.");
  reply r;
  r.data = render_list(*l);
  return r;
}

reply lists_update(world&, request_ctx& c) {
  list_rec* l = c.acc().find_list(c.params[0]);
  if (l == nullptr) not_found("List '" + c.params[0] + "' not found.");
  json::object const attributes = resource_attributes(c, "list");
  if (member(attributes, "scope") != nullptr)
    bad_request("data.attributes.scope is not accepted: a list can only be renamed.");
  l->name = *name_field(attributes, true);
  l->updated_at = sim_time(c.sequence);
  reply r;
  r.data = render_list(*l);
  return r;
}

reply lists_delete(world&, request_ctx& c) {
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

reply lists_list_items(world& w, request_ctx& c) {
  list_rec const* l = c.acc().find_list(c.params[0]);
  if (l == nullptr) not_found("List '" + c.params[0] + "' not found.");
  std::size_t const size = page_size(c);
  std::size_t const offset = cursor_offset(w, c);
  std::vector<std::size_t> const members(l->members.begin(), l->members.end());
  json::array out;
  for (std::size_t i = offset; i < members.size() && i < offset + size; ++i) {
    std::string const& id = l->scope == "company" ? w.data.companies[members[i]].id : w.data.contacts[members[i]].id;
    out.push_back(stub(l->scope, id));
  }
  reply r;
  r.has_pagination = true;
  r.pagination = cursor_meta(w, offset, size, members.size());
  r.data = std::move(out);
  return r;
}

}  // namespace

void add_list_handlers(handler_table& t) {
  t["lists.list"] = lists_list;
  t["lists.create"] = lists_create;
  t["lists.get"] = lists_get;
  t["lists.update"] = lists_update;
  t["lists.delete"] = lists_delete;
  t["lists.list_items"] = lists_list_items;
}

}  // namespace lfsim
