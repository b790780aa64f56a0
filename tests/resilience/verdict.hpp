// SPDX-License-Identifier: MIT
// Resilience tests: a scenario's verdict. Thousands of scenarios run in one test case; each
// collects its own problems, and a failing scenario is reported once, with its seed.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace resilience {

class verdict {
 public:
  void expect(bool ok, char const* what, int line) {
    if (ok) return;
    std::ostringstream out;
    out << "line " << line << ": " << what;
    if (!context_.empty()) out << " [" << context_ << "]";
    problems_.push_back(out.str());
  }
  void note(std::string text) { context_ = std::move(text); }
  bool ok() const noexcept { return problems_.empty(); }
  std::string text() const {
    std::string out;
    for (std::string const& p : problems_) out += "  - " + p + "\n";
    return out;
  }

 private:
  std::vector<std::string> problems_;
  std::string context_;
};

#define RESILIENCE_EXPECT(v, ...) (v).expect(static_cast<bool>(__VA_ARGS__), #__VA_ARGS__, __LINE__)

/// Reports a failed scenario to doctest (at most `limit` of them in full); returns true when the
/// scenario passed.
inline bool report(verdict const& v, std::uint64_t seed, std::string const& description, std::size_t& failures,
                   char const* suite, std::size_t limit = 10) {
  if (v.ok()) return true;
  ++failures;
  if (failures <= limit) {
    FAIL_CHECK("scenario seed " << seed << " (" << description << ") failed; replay it with LEADFEEDER_RESILIENCE_SEED="
                                << seed << " leadfeeder_resilience_tests --test-suite=" << suite << "\n"
                                << v.text());
  }
  return false;
}

}  // namespace resilience
