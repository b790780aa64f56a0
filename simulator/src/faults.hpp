// SPDX-License-Identifier: MIT
// leadfeeder-simulator: fault injection. Per request with the header
// X-Simulator-Fault: <fault>[,<fault>...], or by flag with a probability drawn from the seed and
// the request's sequence number (so a run is repeatable).
#pragma once

#include "api.hpp"
#include "http_server.hpp"

#include <cstdint>

namespace lfsim {

struct fault_plan {
  std::int64_t latency_ms = 0;
  int status = 0;
  bool rate_limit = false;
  bool truncate = false;
  bool drop = false;
};

/// The faults of one request; an unknown or malformed X-Simulator-Fault is a 400 (api_error).
fault_plan plan_faults(options const& opt, http_request const& req, std::uint64_t sequence);

}  // namespace lfsim
