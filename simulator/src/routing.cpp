// SPDX-License-Identifier: MIT
// leadfeeder-simulator: routing (see routing.hpp).
#include "routing.hpp"

#include "request.hpp"
#include "util.hpp"

namespace lfsim {

route_table::route_table(description const& desc) {
  for (operation_info const& op : desc.operations) {
    route r{&op, {}};
    for (std::string_view s : split(std::string_view(op.path).substr(1), '/')) r.segments.emplace_back(s);
    routes_.push_back(std::move(r));
  }
}

route const* route_table::match(std::string_view method, std::vector<std::string> const& segments,
                                std::vector<std::string>& params) const {
  route const* found = nullptr;
  std::size_t found_literals = 0;
  for (route const& r : routes_) {
    if (method != r.op->method || r.segments.size() != segments.size()) continue;
    bool ok = true;
    std::size_t literals = 0;
    std::vector<std::string> values;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      if (!r.segments[i].empty() && r.segments[i].front() == '{') {
        if (segments[i].empty()) ok = false;
        values.push_back(segments[i]);
      } else {
        ok = r.segments[i] == segments[i];
        ++literals;
      }
    }
    if (ok && (found == nullptr || literals > found_literals)) {
      found = &r;
      found_literals = literals;
      params = std::move(values);
    }
  }
  return found;
}

request_target parse_target(std::string_view target) {
  std::size_t const hash = target.find('#');
  if (hash != std::string_view::npos) target = target.substr(0, hash);
  std::size_t const qpos = target.find('?');
  std::string_view const raw_path = target.substr(0, qpos);
  std::string_view const raw_query = qpos == std::string_view::npos ? std::string_view() : target.substr(qpos + 1);

  request_target out;
  out.path = std::string(raw_path);
  for (std::string_view seg : split(raw_path.substr(1), '/')) {
    std::string decoded;
    if (!percent_decode(seg, decoded)) bad_request("Malformed percent-encoding in the path.");
    out.segments.push_back(std::move(decoded));
  }
  for (std::string_view part : split(raw_query, '&')) {
    if (part.empty()) continue;
    std::size_t const eq = part.find('=');
    std::string name;
    std::string value;
    if (!percent_decode(part.substr(0, eq), name) ||
        !percent_decode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1), value)) {
      bad_request("Malformed percent-encoding in the query.");
    }
    out.query.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

}  // namespace lfsim
