// SPDX-License-Identifier: MIT
// Compile-time baseline: Boost.JSON alone, parsing one string (bench/compile_time.sh).
#include <boost/json.hpp>

int parse_one() {
  boost::json::value const v = boost::json::parse(R"({"data":[{"id":"1","attributes":{"first_name":"John"}}]})");
  return v.is_object() ? 0 : 1;
}
