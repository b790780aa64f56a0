// SPDX-License-Identifier: MIT
// leadfeeder-simulator: ip.enrich, buyer personas and ICPs: the read-only reference data of the data set.
#include "handlers/handlers.hpp"

#include "pagination.hpp"
#include "render.hpp"
#include "request.hpp"
#include "util.hpp"
#include "world.hpp"

#include <arpa/inet.h>

namespace lfsim {

namespace {

reply ip_enrich(world& w, request_ctx& c) {
  std::string const& text = required_query(c, "ip");
  char canonical[INET6_ADDRSTRLEN] = {};
  unsigned char raw[16] = {};
  if (inet_pton(AF_INET, text.c_str(), raw) == 1) {
    inet_ntop(AF_INET, raw, canonical, sizeof canonical);
  } else if (inet_pton(AF_INET6, text.c_str(), raw) == 1) {
    inet_ntop(AF_INET6, raw, canonical, sizeof canonical);
  } else {
    bad_request("ip must be an IPv4 or IPv6 address.");
  }
  std::string const ip = canonical;
  reply r;
  r.set_charged(0);
  auto const it = w.data.company_by_ip.find(ip);
  if (it != w.data.company_by_ip.end()) {
    company_rec const& co = w.data.companies[it->second];
    json::object subset;
    for (char const* key : {"name", "url", "industries", "address", "founded_year", "phones", "revenue",
                            "employee_count", "description"}) {
      subset[key] = co.attributes.at(key);
    }
    r.data = json::object{
        {"type", "enriched_ip"},
        {"id", ip},
        {"attributes", json::object{{"ip", ip}, {"company_type", "company"}}},
        {"relationships",
         json::object{
             {"company", json::object{{"type", "company"}, {"id", co.id}, {"attributes", std::move(subset)}}}}}};
  } else {
    std::uint64_t const h = mix64(w.seed ^ fnv1a(ip));
    r.data = json::object{
        {"type", "enriched_ip"},
        {"id", ip},
        {"attributes", json::object{{"ip", ip}, {"company_type", "isp"}}},
        {"relationships",
         json::object{{"network", json::object{{"type", "network"},
                                               {"id", "net_" + to_hex(h & 0xFFFFFF, 6)},
                                               {"attributes",
                                                json::object{{"name", "Simulated ISP " + std::to_string(h % 7 + 1)},
                                                             {"asn", 64500 + static_cast<std::int64_t>(h % 20)}}}}}}}};
  }
  return r;
}

reply buyer_personas_list(world& w, request_ctx&) {
  json::array out;
  for (persona_rec const& p : w.data.personas) out.push_back(render_persona(p));
  reply r;
  r.data = std::move(out);
  return r;
}

reply buyer_personas_get(world& w, request_ctx& c) {
  for (persona_rec const& p : w.data.personas) {
    if (p.id == c.params[0]) {
      reply r;
      r.data = render_persona(p);
      return r;
    }
  }
  not_found("Buyer persona '" + c.params[0] + "' not found.");
}

reply icps_list(world& w, request_ctx&) {
  json::array out;
  for (icp_rec const& i : w.data.icps) out.push_back(render_icp(i));
  reply r;
  r.data = std::move(out);
  return r;
}

reply icps_get(world& w, request_ctx& c) {
  for (icp_rec const& i : w.data.icps) {
    if (i.id == c.params[0]) {
      reply r;
      r.data = render_icp(i);
      return r;
    }
  }
  not_found("ICP '" + c.params[0] + "' not found.");
}

}  // namespace

void add_reference_data_handlers(handler_table& t) {
  t["ip.enrich"] = ip_enrich;
  t["buyer_personas.list"] = buyer_personas_list;
  t["buyer_personas.get"] = buyer_personas_get;
  t["icps.list"] = icps_list;
  t["icps.get"] = icps_get;
}

}  // namespace lfsim
