// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the /openapi.yaml answer (the documents are in openapi_documents.cpp).
#include "openapi.hpp"

#include <cstring>
#include <string>

namespace lfsim {

namespace {

// "2026-12-01" -> "Tue, 01 Dec 2026 00:00:00 GMT" (an HTTP date; the weekday by Sakamoto's rule).
std::string http_date(char const* ymd) {
  if (std::strlen(ymd) != 10) return {};
  int const y = (ymd[0] - '0') * 1000 + (ymd[1] - '0') * 100 + (ymd[2] - '0') * 10 + (ymd[3] - '0');
  int const m = (ymd[5] - '0') * 10 + (ymd[6] - '0');
  int const d = (ymd[8] - '0') * 10 + (ymd[9] - '0');
  if (m < 1 || m > 12 || d < 1 || d > 31) return {};
  static char const* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static char const* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static int const offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int const yy = m < 3 ? y - 1 : y;
  int const weekday = (yy + yy / 4 - yy / 100 + yy / 400 + offsets[m - 1] + d) % 7;
  return std::string(days[weekday]) + ", " + std::string(ymd + 8, 2) + " " + months[m - 1] + " " + std::string(ymd, 4) +
         " 00:00:00 GMT";
}

}  // namespace

http_response openapi_response(bool perturbed, std::string const& request_id) {
  http_response res;
  res.status = 200;
  res.body = openapi_document(perturbed);
  res.headers = {
      {"Content-Type", "application/yaml"}, {"X-Request-Id", request_id}, {"Server", "leadfeeder-simulator"}};
  std::string const modified = http_date(openapi_release_date());
  if (!modified.empty()) res.headers.emplace_back("Last-Modified", modified);
  return res;
}

}  // namespace lfsim
