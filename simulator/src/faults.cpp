// SPDX-License-Identifier: MIT
// leadfeeder-simulator: fault injection (see faults.hpp).
#include "faults.hpp"

#include "request.hpp"
#include "util.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace lfsim {

fault_plan plan_faults(options const& opt, http_request const& req, std::uint64_t seq) {
  fault_plan plan;
  if (std::string const* header = req.header("x-simulator-fault")) {
    for (std::string_view token : split(*header, ',')) {
      token = trim(token);
      if (token.empty()) continue;
      std::size_t const eq = token.find('=');
      std::string_view const name = trim(token.substr(0, eq));
      std::string_view const arg = eq == std::string_view::npos ? std::string_view() : trim(token.substr(eq + 1));
      bool const has_arg = eq != std::string_view::npos;
      std::uint64_t n = 0;
      if (name == "latency") {
        if (!parse_uint(arg, n) || n > 60000) bad_request("X-Simulator-Fault: latency=<ms> takes 0..60000.");
        plan.latency_ms = std::max(plan.latency_ms, static_cast<std::int64_t>(n));
      } else if (name == "status") {
        if (!parse_uint(arg, n) || n < 400 || n > 599) bad_request("X-Simulator-Fault: status=<code> takes 400..599.");
        plan.status = static_cast<int>(n);
      } else if ((name == "rate_limit" || name == "truncate" || name == "drop") && !has_arg) {
        if (name == "rate_limit") plan.rate_limit = true;
        if (name == "truncate") plan.truncate = true;
        if (name == "drop") plan.drop = true;
      } else {
        bad_request("X-Simulator-Fault: unknown fault '" + std::string(token) +
                    "'; use latency=<ms>, status=<code>, rate_limit, truncate or drop.");
      }
    }
  }
  // Faults by flag: each kind draws from its own stream of (seed, request sequence number).
  if (opt.fault_latency_ms > 0 && unit_from(opt.seed, seq, 1) < opt.fault_latency_rate) {
    plan.latency_ms = std::max(plan.latency_ms, opt.fault_latency_ms);
  }
  if (unit_from(opt.seed, seq, 2) < opt.fault_drop_rate) plan.drop = true;
  if (plan.status == 0 && unit_from(opt.seed, seq, 3) < opt.fault_5xx_rate) {
    static constexpr int statuses[] = {500, 503, 504};
    plan.status = statuses[mix64(opt.seed ^ (seq * 31 + 4)) % 3];
  }
  if (unit_from(opt.seed, seq, 5) < opt.fault_429_rate) plan.rate_limit = true;
  if (unit_from(opt.seed, seq, 6) < opt.fault_truncate_rate) plan.truncate = true;
  return plan;
}

}  // namespace lfsim
