// SPDX-License-Identifier: MIT
// leadfeeder-simulator: routing. The route table is built at start from the description: one
// route per operation, its path split into segments ("{name}" segments match any non-empty
// segment and become path parameters). Of the routes that match a request, the one with the most
// literal segments wins: /v1/companies/ips is not /v1/companies/{company_id}, whatever the order.
#pragma once

#include "description.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lfsim {

struct route {
  operation_info const* op;
  std::vector<std::string> segments;  // "v1", "companies", "{company_id}"
};

class route_table {
 public:
  explicit route_table(description const& desc);

  /// The best route for method and the decoded path segments, or nullptr; params gets the values
  /// of its "{name}" segments, in order.
  route const* match(std::string_view method, std::vector<std::string> const& segments,
                     std::vector<std::string>& params) const;
  std::vector<route> const& routes() const noexcept { return routes_; }

 private:
  std::vector<route> routes_;
};

/// A request target split and percent-decoded; malformed encoding is a 400 (api_error).
struct request_target {
  std::string path;                                        // still encoded, as in the request line
  std::vector<std::string> segments;                       // decoded, without the leading empty one
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
};
request_target parse_target(std::string_view target);

}  // namespace lfsim
