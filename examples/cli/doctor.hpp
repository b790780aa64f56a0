// SPDX-License-Identifier: MIT
// `leadfeeder doctor`: where a user stands. It checks the key (users.me), the account, its credits
// and this month's requests (usage.get), and lists the operations whose method or path is still
// [inferred] with what the vendor's OpenAPI document says about each: the document at
// --openapi FILE, or the one the API host serves at /openapi.yaml (fetched with the same key).
//
// The operations come from leadfeeder_cli_catalogue.hpp, which tools/openapi_document.py writes
// from api/leadfeeder-v1.json at build time. The document is read without a YAML library: a scan
// of its `paths` block (block-style YAML, as OpenAPI documents are written) or a JSON parse; the
// full comparison, and the fix, is tools/openapi_sync.py's job.
#pragma once

#include <leadfeeder_cli_catalogue.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace leadfeeder_cli {
namespace doctor {

/// One operation of an OpenAPI document, as far as the doctor needs it.
struct document_operation {
  std::string method;  ///< upper case
  std::string path;
  std::string operation_id;
  std::string summary;
};

/// What a scan of an OpenAPI document found.
struct document_summary {
  bool ok = false;
  std::string problem;  ///< why not ok
  std::string title;
  std::string version;
  std::vector<document_operation> operations;
};

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

inline std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

inline bool is_method(std::string_view key) {
  return key == "get" || key == "post" || key == "put" || key == "patch" || key == "delete";
}

// A YAML scalar as text: quotes removed ("..." with its escapes, '...' with ''), a plain scalar
// cut at " #".
inline std::string scalar(std::string_view v) {
  v = trim(v);
  std::string out;
  if (!v.empty() && v.front() == '"') {
    for (std::size_t i = 1; i < v.size() && v[i] != '"'; ++i) {
      if (v[i] == '\\' && i + 1 < v.size()) {
        char const e = v[++i];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      } else {
        out += v[i];
      }
    }
    return out;
  }
  if (!v.empty() && v.front() == '\'') {
    for (std::size_t i = 1; i < v.size(); ++i) {
      if (v[i] == '\'') {
        if (i + 1 < v.size() && v[i + 1] == '\'') {
          out += '\'';
          ++i;
          continue;
        }
        break;
      }
      out += v[i];
    }
    return out;
  }
  std::size_t const comment = v.find(" #");
  return std::string(trim(v.substr(0, comment)));
}

// Splits "key: value" (the key possibly quoted); false when the line is not a mapping entry.
inline bool split_entry(std::string_view line, std::string& key, std::string_view& value) {
  if (line.empty() || line.front() == '-' || line.front() == '#') return false;
  std::size_t colon = std::string_view::npos;
  if (line.front() == '"' || line.front() == '\'') {
    char const q = line.front();
    std::size_t i = 1;
    for (; i < line.size(); ++i) {
      if (q == '"' && line[i] == '\\') {
        ++i;
      } else if (line[i] == q) {
        if (q == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          ++i;
          continue;
        }
        break;
      }
    }
    if (i + 1 >= line.size() || line[i + 1] != ':') return false;
    key = scalar(line.substr(0, i + 1));
    colon = i + 1;
  } else {
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ')) {
        colon = i;
        break;
      }
    }
    if (colon == std::string_view::npos) return false;
    key = std::string(trim(line.substr(0, colon)));
  }
  value = trim(line.substr(colon + 1));
  return true;
}

inline document_summary scan_json(std::string_view text) {
  document_summary s;
  std::error_code ec;
  boost::json::value const doc = boost::json::parse(text, ec);
  if (ec || !doc.is_object()) {
    s.problem = "not valid JSON";
    return s;
  }
  auto const& o = doc.get_object();
  auto text_of = [](boost::json::object const& obj, char const* k) -> std::string {
    auto const it = obj.find(k);
    return it != obj.end() && it->value().is_string() ? std::string(it->value().get_string()) : std::string();
  };
  if (text_of(o, "openapi").substr(0, 1) != "3") {
    s.problem = "not an OpenAPI 3 document";
    return s;
  }
  if (auto const it = o.find("info"); it != o.end() && it->value().is_object()) {
    s.title = text_of(it->value().get_object(), "title");
    s.version = text_of(it->value().get_object(), "version");
  }
  auto const paths = o.find("paths");
  if (paths == o.end() || !paths->value().is_object()) {
    s.problem = "no paths";
    return s;
  }
  for (auto const& p : paths->value().get_object()) {
    if (!p.value().is_object()) continue;
    for (auto const& m : p.value().get_object()) {
      if (!is_method(m.key()) || !m.value().is_object()) continue;
      document_operation op;
      op.method = upper(m.key());
      op.path = std::string(p.key());
      op.operation_id = text_of(m.value().get_object(), "operationId");
      op.summary = text_of(m.value().get_object(), "summary");
      s.operations.push_back(std::move(op));
    }
  }
  s.ok = true;
  return s;
}

/// The title, version and operations of an OpenAPI 3 document in YAML (block style) or JSON.
inline document_summary scan(std::string_view text) {
  std::size_t const first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') return scan_json(text.substr(first));

  document_summary s;
  std::string section;  // the top-level key being read
  int path_indent = -1, method_indent = -1, field_indent = -1;
  bool in_method = false;
  bool openapi3 = false;
  int info_indent = -1;
  std::string current_path;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t const end = text.find('\n', pos);
    std::string_view raw = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? text.size() + 1 : end + 1;
    std::size_t const lead = raw.find_first_not_of(' ');
    if (lead == std::string_view::npos) continue;
    std::string_view const line = trim(raw.substr(lead));
    if (line.empty() || line.front() == '#') continue;
    int const indent = static_cast<int>(lead);
    std::string key;
    std::string_view value;
    bool const entry = split_entry(line, key, value);
    if (indent == 0) {
      if (!entry) continue;
      section = key;
      if (key == "openapi") openapi3 = scalar(value).substr(0, 1) == "3";
      path_indent = method_indent = field_indent = info_indent = -1;
      in_method = false;
      continue;
    }
    if (!entry) continue;
    if (section == "info") {
      if (info_indent < 0) info_indent = indent;
      if (indent == info_indent && key == "title") s.title = scalar(value);
      if (indent == info_indent && key == "version") s.version = scalar(value);
      continue;
    }
    if (section != "paths") continue;
    if (path_indent < 0) path_indent = indent;
    if (indent == path_indent) {
      current_path = key;
      method_indent = field_indent = -1;
      in_method = false;
      continue;
    }
    if (indent < path_indent || current_path.empty()) continue;
    if (method_indent < 0) method_indent = indent;
    if (indent == method_indent) {
      in_method = is_method(key);
      field_indent = -1;
      if (in_method) s.operations.push_back(document_operation{upper(key), current_path, {}, {}});
      continue;
    }
    if (!in_method || indent < method_indent) continue;
    if (field_indent < 0) field_indent = indent;
    if (indent == field_indent && key == "operationId") s.operations.back().operation_id = scalar(value);
    if (indent == field_indent && key == "summary") s.operations.back().summary = scalar(value);
  }
  if (!openapi3) {
    s.problem = "not an OpenAPI 3 document (no openapi: 3.x)";
    return s;
  }
  if (s.operations.empty()) {
    s.problem = "no operations found under paths (tools/openapi_sync.py reads every YAML style)";
    return s;
  }
  s.ok = true;
  return s;
}

/// "/v1/companies/{companyId}/ips" -> "/v1/companies/{}/ips": only a placeholder's position matters.
inline std::string normal_path(std::string_view path) {
  std::string out;
  bool inside = false;
  for (char c : path) {
    if (c == '{') {
      inside = true;
      out += "{}";
    } else if (c == '}') {
      inside = false;
    } else if (!inside) {
      out += c;
    }
  }
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

/// Letters and digits only, lower case: "companies.list_ips", "companiesListIps" -> "companieslistips".
inline std::string normal_name(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

/// What the document says about one catalogued operation.
struct finding {
  enum class kind { confirmed, elsewhere, ambiguous, absent } what = kind::absent;
  std::vector<document_operation const*> candidates;
  std::string how;  ///< for elsewhere: "same operation id or summary", "an alternative spelling"
};

inline finding find(catalogued_operation const& op, document_summary const& doc) {
  finding f;
  std::string const path = normal_path(op.path);
  for (auto const& d : doc.operations) {
    if (d.method == op.method && normal_path(d.path) == path) {
      f.what = finding::kind::confirmed;
      f.candidates.push_back(&d);
      return f;
    }
  }
  // Document operations that some catalogued operation matches by method and path are taken.
  auto taken = [](document_operation const& d) {
    for (auto const& c : catalogue) {
      if (c.method == d.method && normal_path(c.path) == normal_path(d.path)) return true;
    }
    return false;
  };
  std::string const id = normal_name(op.id), title = normal_name(op.title);
  for (auto const& d : doc.operations) {
    if (taken(d)) continue;
    std::string const oid = normal_name(d.operation_id), sum = normal_name(d.summary);
    if ((!oid.empty() && (oid == id || oid == title)) || (!sum.empty() && (sum == id || sum == title))) {
      f.candidates.push_back(&d);
    }
  }
  f.how = "same operation id or summary";
  if (f.candidates.empty()) {
    std::string_view alts = op.path_alternatives;
    while (!alts.empty()) {
      std::size_t const sp = alts.find(' ');
      std::string const alt = normal_path(alts.substr(0, sp));
      alts = sp == std::string_view::npos ? std::string_view() : alts.substr(sp + 1);
      for (auto const& d : doc.operations) {
        if (!taken(d) && normal_path(d.path) == alt) f.candidates.push_back(&d);
      }
    }
    f.how = "an alternative spelling of the path";
  }
  if (f.candidates.size() == 1) f.what = finding::kind::elsewhere;
  if (f.candidates.size() > 1) f.what = finding::kind::ambiguous;
  return f;
}

/// The civil date of a count of days since 1970-01-01 (proleptic Gregorian), as "YYYY-MM".
inline std::string month_of_days(std::int64_t z) {
  z += 719468;
  std::int64_t const era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t const doe = z - era * 146097;
  std::int64_t const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t const mp = (5 * doy + 2) / 153;
  std::int64_t const m = mp < 10 ? mp + 3 : mp - 9;
  std::int64_t const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  std::string out = std::to_string(y) + "-";
  if (m < 10) out += '0';
  return out + std::to_string(m);
}

inline bool is_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return (s[5] == '0' && s[6] >= '1') || (s[5] == '1' && s[6] <= '2');
}

inline std::optional<std::string> read_file(std::string const& path, std::string& problem) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problem = "cannot read " + path;
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace doctor
}  // namespace leadfeeder_cli
