// SPDX-License-Identifier: MIT
// leadfeeder-simulator: campaigns.*: three seeded per account on first use.
#include "handlers/handlers.hpp"

#include "pagination.hpp"
#include "render.hpp"
#include "request.hpp"
#include "util.hpp"
#include "world.hpp"

namespace lfsim {

namespace {

campaign_rec* find_campaign(std::vector<campaign_rec>& all, std::string const& id) {
  for (campaign_rec& k : all) {
    if (k.id == id) return &k;
  }
  not_found("Campaign '" + id + "' not found.");
}

reply campaigns_list(world& w, request_ctx& c) {
  std::set<std::string> const inc = includes(c);
  std::size_t const num = page_num(c);
  std::size_t const size = page_size(c);
  std::vector<campaign_rec> const& all = w.campaigns_of(c.acc());
  auto const [first, last] = page_bounds(num, size, all.size());
  json::array out;
  for (std::size_t i = first; i < last; ++i) out.push_back(render_campaign(w, all[i], c.acc(), inc));
  reply r;
  r.has_pagination = true;
  r.pagination = page_number_meta(num, size, all.size());
  r.data = std::move(out);
  return r;
}

reply campaigns_get(world& w, request_ctx& c) {
  std::set<std::string> const inc = includes(c);
  campaign_rec const* k = find_campaign(w.campaigns_of(c.acc()), c.params[0]);
  reply r;
  r.data = render_campaign(w, *k, c.acc(), inc);
  return r;
}

reply campaigns_get_stats(world& w, request_ctx& c) {
  campaign_rec const* k = find_campaign(w.campaigns_of(c.acc()), c.params[0]);
  std::string const& frequency = required_query(c, "frequency");
  std::int64_t step = 0;
  if (frequency == "day") step = 1;
  if (frequency == "week") step = 7;
  if (frequency == "month") step = 30;
  if (step == 0) bad_request("frequency must be day, week or month.");
  std::int64_t start = now_day() - 30;
  std::int64_t end = now_day() - 1;
  if (std::string const* v = c.get("start_period")) {
    if (!parse_date(*v, start)) bad_request("start_period must be a date YYYY-MM-DD.");
  }
  if (std::string const* v = c.get("end_period")) {
    if (!parse_date(*v, end)) bad_request("end_period must be a date YYYY-MM-DD.");
  }
  if (end < start) bad_request("end_period must not be earlier than start_period.");
  if ((end - start) / step > 400) bad_request("The period holds at most 400 buckets.");
  std::vector<std::int64_t> buckets;
  for (std::int64_t d = start; d <= end; d += step) buckets.push_back(d);
  std::size_t const num = page_num(c);
  std::size_t const size = page_size(c);
  auto const [first, last] = page_bounds(num, size, buckets.size());
  json::array out;
  for (std::size_t i = first; i < last; ++i) {
    std::uint64_t const h = mix64(w.seed ^ fnv1a(k->id) ^ static_cast<std::uint64_t>(buckets[i]));
    out.push_back(json::object{{"type", "campaign_stats"},
                               {"id", k->id + ":" + format_date(buckets[i])},
                               {"attributes", json::object{{"period_start", format_date(buckets[i])},
                                                           {"visits", h % 200 * static_cast<std::uint64_t>(step)},
                                                           {"companies", h % 40}}}});
  }
  reply r;
  r.has_pagination = true;
  r.pagination = page_number_meta(num, size, buckets.size());
  r.data = std::move(out);
  return r;
}

reply campaigns_update(world& w, request_ctx& c) {
  campaign_rec* k = find_campaign(w.campaigns_of(c.acc()), c.params[0]);
  json::object const attributes = resource_attributes(c, "campaign");
  if (auto name = string_field(attributes, "name", "data.attributes.")) {
    if (trim(*name).empty()) bad_request("data.attributes.name must not be empty.");
    k->name = *name;
  }
  if (auto status = string_field(attributes, "status", "data.attributes.")) {
    if (*status != "active" && *status != "paused") bad_request("data.attributes.status must be active or paused.");
    k->status = *status;
  }
  reply r;
  r.data = render_campaign(w, *k, c.acc(), {});
  return r;
}

}  // namespace

void add_campaign_handlers(handler_table& t) {
  t["campaigns.list"] = campaigns_list;
  t["campaigns.get"] = campaigns_get;
  t["campaigns.get_stats"] = campaigns_get_stats;
  t["campaigns.update"] = campaigns_update;
}

}  // namespace lfsim
