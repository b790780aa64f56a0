// SPDX-License-Identifier: MIT
// `leadfeeder export`: what the runner (cli.hpp) needs besides the calls. The records of a page as
// NDJSON or CSV lines, the state file beside the output that lets an interrupted export resume
// without reading a page twice, the ids of --ids-from, and the progress figures.
//
// The state file (OUT.export-state) is written after every page (or chunk of ids) whose records
// are in the output, by a rename, so that it is whole or absent: the output's size then, the next
// cursor or page number (or how many ids are done), and the counters. A resume truncates the
// output to that size, which drops whatever a crash left after the last page, and goes on from
// there. A finished export removes it.
#pragma once

#include <leadfeeder/leadfeeder.hpp>

#include <boost/json/serialize.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace leadfeeder_cli::exporting {

namespace lf = leadfeeder;

enum class format { ndjson, csv };

// ---- Records as lines

// A CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge blanks.
inline std::string csv_field(std::string_view s) {
  bool const quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

inline std::string csv_line(std::vector<std::string> const& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i != 0) line += ',';
    line += csv_field(fields[i]);
  }
  return line + "\n";
}

inline std::string number(bool has, std::int64_t v) { return has ? std::to_string(v) : std::string(); }

inline std::vector<std::string> contact_columns() {
  return {"id", "first_name", "last_name", "position", "company_id", "emails"};
}
template <class Contact>  // contact_view (retrieve) or contact_summary_view (search)
std::vector<std::string> contact_fields(Contact const& c) {
  std::string emails;
  for (auto e : c.emails()) {
    if (e.address().empty()) continue;
    if (!emails.empty()) emails += ';';
    emails += e.address();
  }
  return {std::string(c.id()),
          std::string(c.first_name()),
          std::string(c.last_name()),
          std::string(c.position().title()),
          std::string(c.relationships().company().id()),
          emails};
}

inline std::vector<std::string> company_columns() {
  return {"id", "name", "url", "employee_range", "city", "country_code"};
}
template <class Company>  // company_view (retrieve) or company_summary_view (search)
std::vector<std::string> company_fields(Company const& c) {
  return {std::string(c.id()),
          std::string(c.name()),
          std::string(c.url()),
          std::string(c.employee_range()),
          std::string(c.address().city()),
          std::string(c.address().country_code())};
}

inline std::vector<std::string> visit_columns() {
  return {"id",         "started_at",   "company_id", "city",   "country_code",
          "page_depth", "visit_length", "source",     "medium", "landing_page_path"};
}
inline std::vector<std::string> visit_fields(lf::web_visit_view const& v) {
  lf::visit_location_view const where = v.relationships().location();
  return {std::string(v.id()),
          std::string(v.started_at()),
          std::string(v.relationships().company().id()),
          std::string(where.city()),
          std::string(where.country_code()),
          number(v.has_page_depth(), v.page_depth()),
          number(v.has_visit_length(), v.visit_length()),
          std::string(v.source()),
          std::string(v.medium()),
          std::string(v.landing_page_path())};
}

// One record as a line of the output: its whole JSON object, or its CSV columns.
template <class View, class Fields>
std::string line_of(View const& item, format f, Fields fields) {
  if (f == format::csv) return csv_line(fields(item));
  return boost::json::serialize(lf::to_boost_json(item.json())) + "\n";
}

// The lines of one chunk's records in the order of the ids asked, each record once; records whose
// id was not asked (a merged record answered under its new id) follow, in the answer's order.
inline std::vector<std::string> in_order(std::vector<std::string> const& asked,
                                         std::vector<std::pair<std::string, std::string>> answered) {
  std::unordered_map<std::string_view, std::size_t> first;
  for (std::size_t i = 0; i < answered.size(); ++i) first.emplace(answered[i].first, i);
  std::vector<std::string> out;
  std::vector<bool> used(answered.size(), false);
  for (std::string const& id : asked) {
    auto const it = first.find(id);
    if (it == first.end() || used[it->second]) continue;
    used[it->second] = true;
    out.push_back(std::move(answered[it->second].second));
  }
  std::unordered_set<std::string_view> seen;
  for (std::string const& id : asked) seen.insert(id);
  for (std::size_t i = 0; i < answered.size(); ++i) {
    if (used[i] || !seen.insert(answered[i].first).second) continue;
    out.push_back(std::move(answered[i].second));
  }
  return out;
}

// ---- The ids of --ids-from: one a line (blank lines and lines starting with '#' are skipped),
// each once, in the order of first occurrence.

inline std::optional<std::vector<std::string>> read_ids(std::istream& in, std::string const& name,
                                                        std::vector<std::string>& problems) {
  std::vector<std::string> ids;
  std::unordered_set<std::string> seen;
  std::string line;
  std::size_t number = 0;
  std::size_t bad = 0;
  while (std::getline(in, line)) {
    ++number;
    std::size_t const b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') continue;
    std::size_t const e = line.find_last_not_of(" \t\r");
    std::string id = line.substr(b, e + 1 - b);
    if (id.find_first_of(" \t,") != std::string::npos) {
      if (++bad <= 5)
        problems.push_back("option --ids-from: " + name + ":" + std::to_string(number) + ": '" + id +
                           "' is not one id (one id a line)");
      continue;
    }
    if (seen.insert(id).second) ids.push_back(std::move(id));
  }
  if (bad > 5) problems.push_back("option --ids-from: " + std::to_string(bad - 5) + " more lines like these");
  if (bad != 0) return std::nullopt;
  return ids;
}

// FNV-1a of the ids, so that a resume can tell the id list changed.
inline std::string fingerprint(std::vector<std::string> const& ids) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (std::string const& id : ids) {
    for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    h = (h ^ '\n') * 0x100000001b3ull;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
  return std::to_string(ids.size()) + ":" + text;
}

// ---- The state file

struct state {
  std::string query;        ///< what is exported: the command and its criteria (a resume must match)
  std::uint64_t bytes = 0;  ///< the output's size once the last page was written
  std::uint64_t items = 0, pages = 0, requests = 0;
  std::int64_t credits = 0;
  std::string cursor;          ///< cursor paging: the next page's cursor (empty: the first)
  std::int64_t page = 1;       ///< page-number paging: the next page
  std::uint64_t ids_done = 0;  ///< --ids-from: the ids whose records are written (a prefix)
};

inline std::string state_path(std::string const& out) { return out + ".export-state"; }

// One "key value" a line; values are single-line (the query and cursor hold no line break).
inline bool save(state const& s, std::string const& out, std::string& problem) {
  std::string const path = state_path(out);
  std::string const temporary = path + ".tmp";
  {
    std::ofstream f(temporary, std::ios::binary | std::ios::trunc);
    f << "leadfeeder-export 1\n"
      << "query " << s.query << '\n'
      << "bytes " << s.bytes << '\n'
      << "items " << s.items << '\n'
      << "pages " << s.pages << '\n'
      << "requests " << s.requests << '\n'
      << "credits " << s.credits << '\n'
      << "cursor " << s.cursor << '\n'
      << "page " << s.page << '\n'
      << "ids_done " << s.ids_done << '\n';
    f.flush();
    if (!f) {
      problem = "cannot write " + temporary;
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    problem = "cannot write " + path + ": " + ec.message();
    return false;
  }
  return true;
}

inline std::optional<state> load(std::string const& out, std::string& problem) {
  std::string const path = state_path(out);
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    problem = "cannot read " + path;
    return std::nullopt;
  }
  std::string line;
  if (!std::getline(f, line) || line != "leadfeeder-export 1") {
    problem = path + " is not an export state file";
    return std::nullopt;
  }
  state s;
  while (std::getline(f, line)) {
    std::size_t const space = line.find(' ');
    std::string const key = line.substr(0, space);
    std::string const value = space == std::string::npos ? std::string() : line.substr(space + 1);
    auto unsigned_value = [&](std::uint64_t& to) {
      char* end = nullptr;
      to = std::strtoull(value.c_str(), &end, 10);
      return !value.empty() && *end == '\0';
    };
    bool ok = true;
    if (key == "query") {
      s.query = value;
    } else if (key == "cursor") {
      s.cursor = value;
    } else if (key == "bytes") {
      ok = unsigned_value(s.bytes);
    } else if (key == "items") {
      ok = unsigned_value(s.items);
    } else if (key == "pages") {
      ok = unsigned_value(s.pages);
    } else if (key == "requests") {
      ok = unsigned_value(s.requests);
    } else if (key == "ids_done") {
      ok = unsigned_value(s.ids_done);
    } else if (key == "credits" || key == "page") {
      char* end = nullptr;
      long long const v = std::strtoll(value.c_str(), &end, 10);
      ok = !value.empty() && *end == '\0';
      (key == "credits" ? s.credits : s.page) = v;
    }
    if (!ok) {
      problem = path + ": bad value for " + key;
      return std::nullopt;
    }
  }
  return s;
}

inline void remove_state(std::string const& out) {
  std::error_code ec;
  std::filesystem::remove(state_path(out), ec);
}

// ---- Progress: items, pages, requests a second, credits, and the time left when it is known

inline std::string duration(double seconds) {
  auto const s = static_cast<long long>(seconds + 0.5);
  char text[32];
  if (s >= 3600) {
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%lld:%02lld", s / 60, s % 60);
  }
  return text;
}

struct figures {
  std::uint64_t items = 0, pages = 0, requests = 0;
  std::int64_t credits = 0;
  std::uint64_t ids_done = 0, ids_total = 0;  ///< --ids-from
  std::uint64_t pages_total = 0;              ///< page-number paging, once known
  // What the runs this one resumes did: not in this run's rates.
  std::uint64_t requests_before = 0, ids_before = 0, pages_before = 0;
};

inline std::string progress_text(figures const& f, double seconds, bool last) {
  std::ostringstream s;
  if (f.ids_total != 0) s << "ids " << f.ids_done << " of " << f.ids_total << ", ";
  s << "items " << f.items << ", pages " << f.pages;
  if (f.pages_total != 0) s << " of " << f.pages_total;
  char rate[32];
  double const requests = static_cast<double>(f.requests - f.requests_before);
  std::snprintf(rate, sizeof rate, "%.1f", seconds > 0 ? requests / seconds : 0.0);
  s << ", " << rate << " requests/s, credits " << f.credits;
  if (!last && seconds > 0) {
    // The time left at this run's pace, when the whole is known.
    auto eta = [&](std::uint64_t done, std::uint64_t before, std::uint64_t total) {
      if (done <= before || total < done) return;
      s << ", ETA " << duration(seconds * static_cast<double>(total - done) / static_cast<double>(done - before));
    };
    if (f.ids_total != 0) {
      eta(f.ids_done, f.ids_before, f.ids_total);
    } else if (f.pages_total != 0) {
      eta(f.pages, f.pages_before, f.pages_total);
    }
  }
  if (last) s << ", " << duration(seconds) << " in all";
  return s.str();
}

}  // namespace leadfeeder_cli::exporting
