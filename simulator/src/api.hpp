// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the Leadfeeder API v1 as api/leadfeeder-v1.json describes it (or another
// description given at run time): routes, auth, rate limits, credits, pagination, fault injection,
// and the state behind them. The request pipeline is in api.cpp; see README.md for the map.
#pragma once

#include "http_server.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lfsim {

struct options {
  std::vector<std::string> api_keys;  // key i belongs to user i % 2
  std::uint64_t seed = 1;
  bool rate_limit = true;
  std::uint64_t monthly_quota = 100000;
  std::int64_t fault_latency_ms = 0;
  double fault_latency_rate = 1.0;
  double fault_5xx_rate = 0;
  double fault_429_rate = 0;
  double fault_truncate_rate = 0;
  double fault_drop_rate = 0;
  bool log = false;
  bool openapi_perturbed = false;  // /openapi.yaml serves the perturbed copy (openapi.hpp)
  int auth_status = 401;           // a missing or unknown key: 401 as the live API answers, or 403 as the docs show
  std::string description_json;    // the API description to serve; empty: the one built in
};

struct route_info {
  std::string method;
  std::string path;
  std::string operation;
};

class simulator {
 public:
  simulator(options opts, stop_signal& stop);
  ~simulator();
  simulator(simulator const&) = delete;
  simulator& operator=(simulator const&) = delete;

  /// Answers one request; never throws.
  http_response handle(http_request const& req);
  /// The response to a request the HTTP layer refused (malformed, too large, ...).
  http_response refuse(int status, std::string const& detail);

  /// Every route of a description (empty: the one built in), in its notation. Throws
  /// std::runtime_error when the description is malformed.
  static std::vector<route_info> routes(std::string const& description_json = {});

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace lfsim
