// SPDX-License-Identifier: MIT
// leadfeeder-simulator: accounts.list, users.me and usage.get.
#include "handlers/handlers.hpp"

#include "pagination.hpp"
#include "render.hpp"
#include "request.hpp"
#include "util.hpp"
#include "world.hpp"

#include <map>

namespace lfsim {

namespace {

reply accounts_list(world& w, request_ctx& c) {
  std::set<std::string> const inc = includes(c);
  auto render = [&](account_state const& a, bool full) {
    json::object attributes{{"name", a.name}};
    if (full) {
      attributes["credits"] = json::object{{"available", a.credits_available},
                                           {"used", a.credits_used},
                                           {"remaining", a.credits_available - a.credits_used},
                                           {"next_reset_on", "2026-12-01"}};
    }
    json::object o{{"type", full ? "account" : "account_summary"}, {"id", a.id}, {"attributes", std::move(attributes)}};
    if (inc.count("account_company") != 0) {
      company_rec const& co = w.data.companies[a.index];
      o["relationships"] = json::object{
          {"account_company", json::object{{"type", "company"},
                                           {"id", co.id},
                                           {"attributes", json::object{{"name", co.attributes.at("name")},
                                                                       {"url", co.attributes.at("url")}}}}}};
    }
    return o;
  };
  json::array out;
  std::string const* id = c.get("account_id");
  if (id != nullptr && !id->empty()) {
    account_state& a = w.resolve_account(c, *id);
    ++a.usage["accounts.list"];
    out.push_back(render(a, true));
  } else {
    for (std::string const& aid : c.user->account_ids) out.push_back(render(*w.st.find_account(aid), false));
  }
  reply r;
  r.data = std::move(out);
  return r;
}

reply users_me(world&, request_ctx& c) {
  reply r;
  r.data = render_user(*c.user);
  return r;
}

reply usage_get(world& w, request_ctx& c) {
  std::int64_t start = 0;
  std::int64_t end = 0;
  if (!parse_month(required_query(c, "start_period"), start)) bad_request("start_period must be a month YYYY-MM.");
  if (!parse_month(required_query(c, "end_period"), end)) bad_request("end_period must be a month YYYY-MM.");
  if (end < start) bad_request("end_period must not be earlier than start_period.");
  if (end - start >= 36) bad_request("The period range spans at most 36 months.");
  std::int64_t const current = 2026 * 12 + 10;   // 2026-11, the simulator's month
  std::int64_t const first_history = 2026 * 12;  // seeded history from 2026-01 on
  std::map<std::string, std::string> endpoints;
  for (operation_info const& op : w.desc->operations) endpoints[op.id] = op.method + " " + op.path;
  static char const* const history_ops[] = {"accounts.list",     "companies.search",
                                            "contacts.retrieve", "contacts.search",
                                            "web_visits.search", "web_visits.list_visitor_companies"};
  json::array out;
  for (std::int64_t m = start; m <= end; ++m) {
    std::map<std::string, std::uint64_t> counts;
    if (m == current) {
      counts = c.acc().usage;
    } else if (m >= first_history && m < current) {
      for (char const* op : history_ops) {
        counts[op] = mix64(w.seed ^ fnv1a(c.acc().id) ^ fnv1a(op) ^ static_cast<std::uint64_t>(m)) % 500;
      }
    }
    std::string const period = format_month(m);
    for (auto const& [op, n] : counts) {
      std::string const endpoint = endpoints[op];
      std::size_t const sp = endpoint.find(' ');
      out.push_back(json::object{{"type", "api_usage"},
                                 {"id", c.acc().id + ":" + period + ":" + op},
                                 {"attributes", json::object{{"period", period},
                                                             {"operation", op},
                                                             {"method", endpoint.substr(0, sp)},
                                                             {"path", endpoint.substr(sp + 1)},
                                                             {"requests", n}}}});
    }
  }
  reply r;
  r.data = json::object{{"type", "api_usage"},
                        {"id", c.acc().id + ":" + format_month(start) + ":" + format_month(end)},
                        {"attributes", json::object{{"start_period", format_month(start)},
                                                    {"end_period", format_month(end)},
                                                    {"endpoints", std::move(out)}}}};
  return r;
}

}  // namespace

void add_account_handlers(handler_table& t) {
  t["accounts.list"] = accounts_list;
  t["users.me"] = users_me;
  t["usage.get"] = usage_get;
}

}  // namespace lfsim
