// SPDX-License-Identifier: MIT
// What the CLI's unit tests (test_cli*.cpp) share: text checks and the table-driven check of
// usage errors.
#pragma once

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <vector>

namespace cli_test {

inline bool contains(std::string const& haystack, std::string const& needle) {
  return haystack.find(needle) != std::string::npos;
}

inline std::size_t count_lines(std::string const& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n' ? 1 : 0;
  return n;
}

/// A command line that is a usage error, and a line its message holds.
struct usage_case {
  std::vector<std::string> args;
  std::string message;
};

/// Runs each case through `t` (a fixture with run(args), out and err): exit status 2, the message
/// and the usage on stderr, and (unless `output_allowed`) nothing on stdout.
template <class Fixture>
void check_usage_errors(Fixture& t, std::vector<usage_case> const& cases, bool output_allowed = false) {
  for (usage_case const& c : cases) {
    std::string joined;
    for (std::string const& a : c.args) joined += a + " ";
    CAPTURE(joined);
    CHECK(t.run(c.args) == 2);
    CHECK(contains(t.err.str(), c.message));
    CHECK(contains(t.err.str(), "usage:"));
    if (!output_allowed) CHECK(t.out.str().empty());
  }
}

}  // namespace cli_test
