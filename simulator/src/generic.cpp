// SPDX-License-Identifier: MIT
// leadfeeder-simulator: answers built from the description (see generic.hpp).
#include "generic.hpp"

#include "dataset.hpp"
#include "pagination.hpp"
#include "util.hpp"
#include "world.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace lfsim {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// A plausible string for a field, chosen by its name.
std::string string_value(std::string_view name, std::uint64_t h) {
  static char const* const countries[] = {"DE", "FI", "GB", "SE", "US", "NL"};
  std::string const n = to_lower(name);
  if (ends_with(n, "_at")) return format_datetime(now_epoch() - static_cast<std::int64_t>(h % (86400ULL * 365)));
  if (ends_with(n, "_on") || ends_with(n, "date") || n == "period_start" || n == "period_end") {
    return format_date(now_day() - static_cast<std::int64_t>(h % 365));
  }
  if (n.find("email") != std::string::npos) return "person" + std::to_string(h % 1000) + "@example.com";
  if (ends_with(n, "url") || n == "website" || n == "domain") {
    return "https://www.example.com/" + to_hex(h & 0xFFFFFF, 6);
  }
  if (ends_with(n, "country_code")) return countries[h % 6];
  if (n == "currency") return "EUR";
  if (n == "id" || ends_with(n, "_id")) return std::to_string(1000000 + h % 9000000);
  std::string text = std::string(name) + " " + std::to_string(1 + h % 99);
  std::replace(text.begin(), text.end(), '_', ' ');
  text[0] = static_cast<char>(text[0] >= 'a' && text[0] <= 'z' ? text[0] - 'a' + 'A' : text[0]);
  return text;
}

class builder {
 public:
  builder(world const& w, description const& d, std::string_view operation)
      : desc_(d), base_(mix64(w.seed ^ fnv1a(operation))) {}

  /// Item `index` of the schema (a resource or an object); id_hint, when not empty, is its id.
  json::value item(std::string_view schema_name, std::size_t index, std::string const& id_hint) const {
    schema_info const* s = desc_.schema(schema_name);
    if (s == nullptr) return json::object{};
    std::uint64_t const h = mix64(base_ ^ fnv1a(schema_name) ^ (index * 0x9e3779b97f4a7c15ULL));
    json::object attributes = fields(*s, h, 0);
    if (!s->resource) return attributes;
    json::object out{{"type", s->type},
                     {"id", id_hint.empty() ? std::to_string(100000 + mix64(h) % 900000) : id_hint},
                     {"attributes", std::move(attributes)}};
    if (!s->relationships.empty()) {
      json::object rel;
      for (relationship_info const& r : s->relationships) {
        schema_info const* target = desc_.schema(r.schema);
        if (r.to_many) {
          rel[r.name] = json::array{};
        } else if (target != nullptr && target->resource) {
          rel[r.name] = stub(target->type, std::to_string(100000 + mix64(h ^ fnv1a(r.name)) % 900000));
        } else {
          rel[r.name] = nullptr;
        }
      }
      out["relationships"] = std::move(rel);
    }
    return out;
  }

 private:
  json::object fields(schema_info const& s, std::uint64_t h, int depth) const {
    json::object out;
    for (field_info const& f : s.fields) out[f.name] = value(f, mix64(h ^ fnv1a(f.name)), depth);
    return out;
  }

  json::value nested(std::string const& schema_name, std::uint64_t h, int depth) const {
    schema_info const* s = desc_.schema(schema_name);
    if (s == nullptr || depth >= 4) return json::object{};
    return fields(*s, h, depth + 1);
  }

  json::value value(field_info const& f, std::uint64_t h, int depth) const {
    if (f.type == "string") return json::value(string_value(f.name, h));
    if (f.type == "integer") {
      bool const year = f.name == "year" || ends_with(f.name, "_year");
      return json::value(static_cast<std::int64_t>(year ? 2000 + h % 26 : h % 1000));
    }
    if (f.type == "number") return json::value(static_cast<double>(h % 100000) / 100.0 + 0.5);
    if (f.type == "boolean") return json::value((h & 1) != 0);
    if (f.type == "string_list") {
      return json::array{json::value(string_value(f.name, h)), json::value(string_value(f.name, mix64(h)))};
    }
    if (f.type == "object") return nested(f.schema, h, depth);
    if (f.type == "array") {
      json::array items;
      if (!f.schema.empty()) items.push_back(nested(f.schema, h, depth));
      return items;
    }
    return json::object{};  // map, json: shape unknown
  }

  description const& desc_;
  std::uint64_t base_;
};

/// Checks the described query parameters the way the hand-written handlers do.
void check_query(request_ctx const& c, description const& d) {
  for (param_info const& p : c.op->params) {
    if (p.in != "query") continue;
    std::string const* v = c.get(p.name);
    if (v == nullptr || v->empty()) {
      if (p.required) bad_request("Missing required query parameter '" + p.name + "'.");
      continue;
    }
    std::int64_t number = 0;
    if (p.type == "integer" && !parse_int(*v, number)) bad_request(p.name + " must be an integer.");
    if (p.type == "boolean" && *v != "true" && *v != "false") bad_request(p.name + " must be true or false.");
    if (p.type == "date" && !parse_date(*v, number)) bad_request(p.name + " must be a date YYYY-MM-DD.");
    if (p.type == "month" && !parse_month(*v, number)) bad_request(p.name + " must be a month YYYY-MM.");
    if (p.type == "enum" || p.type == "enum_set") {
      std::vector<std::string> const& allowed = d.enum_values(p.enum_name);
      std::vector<std::string_view> given;
      if (p.type == "enum") {
        given.push_back(*v);
      } else {
        for (std::string_view part : split(*v, ',')) {
          if (!trim(part).empty()) given.push_back(trim(part));
        }
      }
      for (std::string_view g : given) {
        if (std::find(allowed.begin(), allowed.end(), g) == allowed.end()) {
          std::string list;
          for (auto const& a : allowed) list += (list.empty() ? "" : ", ") + a;
          bad_request("Unsupported " + p.name + " value '" + std::string(g) + "'; this operation accepts: " + list +
                      ".");
        }
      }
    }
  }
}

bool is_create(operation_info const& op) {
  std::size_t const dot = op.id.find('.');
  return op.method == "POST" && dot != std::string::npos &&
         starts_with(std::string_view(op.id).substr(dot + 1), "create");
}

}  // namespace

reply answer_from_description(world const& w, request_ctx& c) {
  operation_info const& op = *c.op;
  description const& d = *c.desc;
  check_query(c, d);
  if (op.has_body) parse_body(c, false);  // a body, when sent, must be a JSON object
  reply r;
  if (op.response_data == "raw" || op.response_schema.empty()) {
    if (op.method == "DELETE") {
      r.no_content = true;
    } else {
      r.data = json::object{};
    }
    return r;
  }
  builder const b(w, d, op.id);
  if (op.response_data == "one") {
    r.status = is_create(op) ? 201 : 200;
    r.data = b.item(op.response_schema, 0, c.params.empty() ? std::string() : c.params.back());
    return r;
  }
  if (op.response_data == "list_of_lists") {
    r.data = json::array{json::array{b.item(op.response_schema, 0, {})}};
    return r;
  }
  // A list: 3 items, or 25 over pages of the described style.
  std::size_t total = 3;
  std::size_t first = 0;
  std::size_t last = total;
  if (op.pagination == pagination_style::page_number) {
    total = 25;
    std::size_t const num = page_num(c);
    std::size_t const size = page_size(c);
    std::tie(first, last) = page_bounds(num, size, total);
    r.has_pagination = true;
    r.pagination = page_number_meta(num, size, total);
  } else if (op.pagination == pagination_style::cursor) {
    total = 25;
    std::size_t const size = page_size(c);
    first = std::min(total, cursor_offset(w, c));
    last = std::min(total, first + size);
    r.has_pagination = true;
    r.pagination = cursor_meta(w, first, size, total);
  }
  json::array items;
  for (std::size_t i = first; i < last; ++i) items.push_back(b.item(op.response_schema, i, {}));
  r.data = std::move(items);
  return r;
}

}  // namespace lfsim
