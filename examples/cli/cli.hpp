// SPDX-License-Identifier: MIT
// The `leadfeeder` command-line program, all of it but the transport: run_cli() parses the
// arguments, sends the requests through the client it is given, and prints aligned tables (or
// the raw JSON bodies with --json). main.cpp plugs in libcurl; the tests plug in the scripted
// transport.
//
// Exit codes: 0 success, 2 usage error (nothing sent), 3 API or transport error (or a job that
// failed, or an export's file that could not be written), 130 interrupted (Ctrl-C) while waiting
// for a job or exporting.
#pragma once

#include <leadfeeder/leadfeeder.hpp>
#if !defined(LEADFEEDER_BOOST_JSON_DOM)  // (else leadfeeder.hpp brought it)
#include <leadfeeder/boost_json.hpp>
#endif

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "doctor.hpp"
#include "export.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <istream>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace leadfeeder_cli {

namespace lf = leadfeeder;

enum exit_status : int { exit_ok = 0, exit_usage = 2, exit_api = 3, exit_interrupted = 130 };

// ---- Commands and their options

struct option_spec {
  std::string_view name;    ///< "--term"
  std::string_view value;   ///< "T"; empty for a flag
  bool repeatable = false;  ///< may be given several times (values accumulate)
  bool required = false;
  std::string_view help;
};

/// The max_operands of a command that takes any number of ids.
constexpr std::size_t any_number = std::numeric_limits<std::size_t>::max();

struct command_spec {
  std::string_view name;      ///< "contacts search"
  std::string_view operands;  ///< "ID [ID...]"
  std::size_t min_operands = 0;
  std::size_t max_operands = 0;
  enum class account_use { none, optional, required };
  account_use account = account_use::required;  ///< whether --account ID is taken, and needed
  std::vector<option_spec> options;             ///< besides --account, --json and --help
  std::string_view summary;
};

namespace detail {

inline option_spec opt(std::string_view name, std::string_view value, std::string_view help, bool repeatable = false,
                       bool required = false) {
  option_spec o;
  o.name = name;
  o.value = value;
  o.repeatable = repeatable;
  o.required = required;
  o.help = help;
  return o;
}

inline command_spec cmd(std::string_view name, std::string_view operands, std::size_t min_operands,
                        std::size_t max_operands, std::vector<option_spec> options, std::string_view summary,
                        command_spec::account_use account = command_spec::account_use::required) {
  command_spec c;
  c.name = name;
  c.operands = operands;
  c.min_operands = min_operands;
  c.max_operands = max_operands;
  c.account = account;
  c.options = std::move(options);
  c.summary = summary;
  return c;
}

}  // namespace detail

/// Every command the program knows, in the order of the general usage.
inline std::vector<command_spec> const& commands() {
  using detail::cmd;
  using detail::opt;
  static std::vector<command_spec> const all = [] {
    std::vector<command_spec> v;
    option_spec const page_size = opt("--page-size", "N", "items per page, 1 to 100");
    option_spec const cursor = opt("--cursor", "C", "start at this page cursor (printed after a page)");
    option_spec const page = opt("--page", "N", "the page number to fetch (1-based)");
    option_spec const all_pages = opt("--all", "", "fetch every page, not just one");
    option_spec const company_list = opt("--list", "LIST_ID", "the companies of this list (instead of ids)");
    option_spec const contact_list =
        opt("--list", "LIST_ID", "the contacts of this list (instead of, or besides, ids)");
    option_spec const confirm = opt("--yes", "", "really create the job, which charges credits");
    option_spec const wait = opt("--wait", "", "poll until the job ends, a progress line on stderr");
    option_spec const campaign_include = opt(
        "--include", "LIST", "side-load: campaign_summary,campaign_settings,campaign_locations,list,custom_feed", true);
    v.push_back(cmd("accounts", "", 0, 0, {},
                    "List the accounts the key can reach; with --account, that account and its credits.",
                    command_spec::account_use::optional));
    v.push_back(cmd("contacts get", "ID", 1, 1,
                    {opt("--include", "LIST", "side-load relationships: company,lists,buyer_personas,...", true)},
                    "Show one contact."));
    v.push_back(cmd("contacts retrieve", "ID [ID...]", 1, 100,
                    {opt("--include", "LIST", "side-load relationships: company,lists,buyer_personas,...", true)},
                    "Show up to 100 contacts by id."));
    v.push_back(cmd("contacts contact-data-job estimate", "[CONTACT_ID...]", 0, any_number, {contact_list},
                    "What a job finding e-mail addresses and phone numbers of contacts (the ids, --list, or "
                    "both) would cost. Free."));
    v.push_back(cmd("contacts contact-data-job create", "[CONTACT_ID...]", 0, any_number, {contact_list, confirm, wait},
                    "Create a find-contact-data job. CHARGES CREDITS: prints the (free) estimate first, and "
                    "sends nothing without --yes."));
    v.push_back(cmd("contacts contact-data-job get", "JOB_ID", 1, 1, {wait},
                    "Show a find-contact-data job's status; with --wait, until it ends."));
    v.push_back(
        cmd("contacts search", "", 0, 0,
            {opt("--term", "T", "match full name and title", true), opt("--email", "E", "exact email address", true),
             opt("--company-id", "C", "contacts of this company", true),
             opt("--department", "D", "department code, e.g. sales_department", true), page_size, cursor, all_pages},
            "Search contacts, one page (and the next cursor) or --all pages."));
    v.push_back(cmd("companies get", "ID", 1, 1,
                    {opt("--include", "LIST", "side-load relationships: tags,lists,web_visits,...", true)},
                    "Show one company; says so when the API answers with a merged record's new id."));
    v.push_back(cmd("companies search", "", 0, 0,
                    {opt("--term", "T", "match names and domains", true),
                     opt("--employee-range", "R", "headcount band, e.g. 51-200", true), page_size, cursor, all_pages},
                    "Search companies, one page (and the next cursor) or --all pages."));
    v.push_back(cmd("companies retrieve", "ID [ID...]", 1, any_number,
                    {opt("--include", "LIST", "side-load relationships: tags,lists,web_visits,...", true)},
                    "Show companies by id, any number (read 100 a call). Charges 1 credit per company not "
                    "unlocked in the last 12 months."));
    v.push_back(cmd("companies match", "[NAME...]", 0, any_number,
                    {opt("--input", "FILE",
                         "companies to match, one JSON object a line with company_name, url, vat_id, "
                         "register_id, country_code, city, ... ('-': standard input)"),
                     opt("--country-code", "CC", "the country of the NAME operands"),
                     opt("--max-results", "N", "candidates per company, 1 to 20")},
                    "Match companies by name (or by the fields of --input) to Leadfeeder companies, 200 a call. "
                    "Free."));
    v.push_back(cmd("companies signals", "ID [ID...]", 1, any_number,
                    {opt("--category", "LIST", "signal categories: job_ads,leadership_changes,...", true),
                     opt("--event-from", "YYYY-MM-DD", "events on or after this day"),
                     opt("--event-to", "YYYY-MM-DD", "events on or before this day"),
                     opt("--published-from", "YYYY-MM-DD", "published on or after this day"),
                     opt("--published-to", "YYYY-MM-DD", "published on or before this day"), page_size, cursor,
                     all_pages},
                    "Search the signals of companies. Charges 1 credit per company with signals not unlocked "
                    "in the last 12 months."));
    v.push_back(cmd("companies ips", "ID [ID...]", 1, any_number,
                    {opt("--include", "company", "put each company's attributes inline", true),
                     opt("--max-ip-addresses", "N", "at most N addresses")},
                    "Show the IP addresses of companies, any number (read 100 a call). Charges 1 credit per "
                    "company not unlocked in the last 12 months."));
    v.push_back(cmd("companies enrichment-job estimate", "[COMPANY_ID...]", 0, any_number,
                    {company_list, opt("--custom-field", "ID", "the AI custom field to fill", false, true)},
                    "What a job filling an AI custom field for companies (the ids, or --list) would cost. Free."));
    v.push_back(cmd("companies enrichment-job create", "[COMPANY_ID...]", 0, any_number,
                    {company_list, opt("--custom-field", "ID", "the AI custom field to fill", false, true), confirm,
                     wait},
                    "Create an enrichment job. CHARGES CREDITS: prints the (free) estimate first, and sends "
                    "nothing without --yes."));
    v.push_back(cmd("companies enrichment-job get", "JOB_ID", 1, 1, {wait},
                    "Show an enrichment job's status; with --wait, until it ends."));
    v.push_back(cmd("web-visits", "", 0, 0,
                    {opt("--from", "YYYY-MM-DD", "first day (inclusive)", false, true),
                     opt("--to", "YYYY-MM-DD", "last day (inclusive)", false, true),
                     opt("--country", "CC", "visits from this country code", true), page_size, page, all_pages},
                    "Search the website visits between two dates."));
    v.push_back(cmd("lists list", "", 0, 0,
                    {opt("--scope", "company|contact", "the lists of this scope", false, true), page_size, page,
                     all_pages},
                    "List the account's lists."));
    v.push_back(cmd("lists items", "LIST_ID", 1, 1, {page_size, cursor, all_pages},
                    "The ids and types of the companies or contacts a list holds."));
    v.push_back(cmd("lists create", "NAME", 1, 1,
                    {opt("--scope", "company|contact", "what the list holds", false, true)}, "Create a list."));
    v.push_back(cmd("lists get", "ID", 1, 1, {}, "Show one list."));
    v.push_back(cmd("lists update", "ID", 1, 1, {opt("--name", "NAME", "the new name", false, true)},
                    "Rename a list."));
    v.push_back(cmd("lists delete", "ID", 1, 1, {}, "Delete a list."));
    v.push_back(cmd("lists add-contact", "LIST_ID CONTACT_ID", 2, 2, {}, "Add a contact to a list."));
    v.push_back(cmd("lists remove-contact", "LIST_ID CONTACT_ID", 2, 2, {}, "Remove a contact from a list."));
    v.push_back(cmd("tags list", "", 0, 0, {page_size, page, all_pages}, "List the account's tags."));
    v.push_back(cmd("tags create", "NAME", 1, 1, {opt("--color", "0-9", "palette index", false, true)},
                    "Create a tag."));
    v.push_back(cmd("tags get", "ID", 1, 1, {}, "Show one tag."));
    v.push_back(cmd("tags update", "ID", 1, 1,
                    {opt("--name", "NAME", "the new name"), opt("--color", "0-9", "the new palette index")},
                    "Change a tag's name or color (at least one)."));
    v.push_back(cmd("tags delete", "ID", 1, 1, {}, "Delete a tag."));
    v.push_back(cmd("custom-fields list", "", 0, 0, {page_size, page, all_pages}, "List the account's custom fields."));
    v.push_back(cmd("custom-fields create", "", 0, 0,
                    {opt("--json-attributes", "'{...}'", "the attributes, a JSON object", false, true)},
                    "Create a custom field."));
    v.push_back(cmd("custom-fields get", "ID", 1, 1, {}, "Show one custom field."));
    v.push_back(cmd("custom-fields update", "ID", 1, 1,
                    {opt("--json-attributes", "'{...}'", "the changed attributes, a JSON object", false, true)},
                    "Change a custom field."));
    v.push_back(cmd("custom-fields delete", "ID", 1, 1, {}, "Delete a custom field."));
    v.push_back(cmd("campaigns", "", 0, 0, {campaign_include, page_size, page, all_pages},
                    "List the account's campaigns."));
    v.push_back(cmd("campaigns get", "ID", 1, 1, {campaign_include}, "Show one campaign."));
    v.push_back(cmd("campaigns stats", "ID", 1, 1,
                    {opt("--frequency", "F", "the size of the time buckets, e.g. day, week or month", false, true),
                     opt("--from", "YYYY-MM-DD", "first day"), opt("--to", "YYYY-MM-DD", "last day"), page_size, page,
                     all_pages},
                    "A campaign's statistics per time bucket."));
    v.push_back(cmd("ip enrich", "IP", 1, 1, {},
                    "The company (or network) behind an IPv4 or IPv6 address; needs a plan with IP enrichment."));
    v.push_back(cmd("usage", "", 0, 0,
                    {opt("--from", "YYYY-MM", "the first month (default: this month, UTC)"),
                     opt("--to", "YYYY-MM", "the last month (default: the first)")},
                    "The account's API requests per endpoint over a range of months."));
    option_spec const out_file =
        opt("--out", "FILE", "the file to write (FILE.export-state beside it until the export ends)", false, true);
    option_spec const out_format =
        opt("--format", "ndjson|csv", "one JSON object a line (the default), or CSV with a header");
    option_spec const export_page_size =
        opt("--page-size", "N", "records per page of a search, 1 to 100 (default 100)");
    option_spec const resume = opt("--resume", "", "go on with an interrupted export of FILE where it stopped");
    option_spec const ids_from = opt(
        "--ids-from", "FILE", "read the records of these ids (one a line; '-': standard input) instead of searching");
    option_spec const parallel =
        opt("--parallel", "N", "with --ids-from: calls in flight, 1 to 16 (default 4), under one rate limit");
    v.push_back(
        cmd("export contacts", "", 0, 0,
            {opt("--term", "T", "match full name and title", true), opt("--email", "E", "exact email address", true),
             opt("--company-id", "C", "contacts of this company", true),
             opt("--department", "D", "department code, e.g. sales_department", true), ids_from, parallel, out_file,
             out_format, export_page_size, resume},
            "Write every contact a search finds (a page at a time), or the contacts of --ids-from (100 a call, "
            "N calls in flight, in the order of the ids), to FILE; progress on stderr; Ctrl-C stops cleanly "
            "and --resume goes on. Reading by id charges 1 credit per contact not read in the last 12 months."));
    v.push_back(cmd("export companies", "", 0, 0,
                    {opt("--term", "T", "match names and domains", true),
                     opt("--employee-range", "R", "headcount band, e.g. 51-200", true), ids_from, parallel, out_file,
                     out_format, export_page_size, resume},
                    "Write every company a search finds, or the companies of --ids-from, to FILE (as export contacts). "
                    "Reading by id charges 1 credit per company not unlocked in the last 12 months."));
    v.push_back(cmd("export web-visits", "", 0, 0,
                    {opt("--from", "YYYY-MM-DD", "first day (inclusive)", false, true),
                     opt("--to", "YYYY-MM-DD", "last day (inclusive)", false, true),
                     opt("--country", "CC", "visits from this country code", true), out_file, out_format,
                     export_page_size, resume},
                    "Write every website visit between two dates to FILE, a page at a time (as export contacts)."));
    v.push_back(cmd("users me", "", 0, 0, {}, "Show the user who owns the API key.", command_spec::account_use::none));
    v.push_back(cmd("doctor", "", 0, 0,
                    {opt("--openapi", "FILE", "the vendor's OpenAPI document (default: fetch BASE_URL/openapi.yaml)"),
                     opt("--month", "YYYY-MM", "the month whose requests to count (default: this month, UTC)")},
                    "Check the key, the account, its credits and requests, and what the vendor's OpenAPI "
                    "document says about the operations still [inferred].",
                    command_spec::account_use::optional));
    return v;
  }();
  return all;
}

/// One line: "leadfeeder contacts search [--term T]... --account ID [--json]".
inline std::string synopsis(command_spec const& c) {
  std::string s = "leadfeeder ";
  s += c.name;
  if (!c.operands.empty()) s.append(" ").append(c.operands);
  auto add = [&](option_spec const& o) {
    std::string one(o.name);
    if (!o.value.empty()) one.append(" ").append(o.value);
    if (o.required) {
      s.append(" ").append(one);
    } else {
      s.append(" [").append(one).append("]");
    }
    if (o.repeatable) s += "...";
  };
  for (option_spec const& o : c.options) add(o);
  if (c.account == command_spec::account_use::required) s += " --account ID";
  if (c.account == command_spec::account_use::optional) s += " [--account ID]";
  s += " [--json]";
  return s;
}

/// The usage of one command: its synopsis, what it does, and its options.
inline void print_usage(command_spec const& c, std::ostream& os) {
  os << "usage: " << synopsis(c) << '\n' << "  " << c.summary << '\n';
  std::vector<std::pair<std::string, std::string_view>> lines;
  for (option_spec const& o : c.options) {
    std::string left(o.name);
    if (!o.value.empty()) left.append(" ").append(o.value);
    lines.emplace_back(std::move(left), o.help);
  }
  if (c.account != command_spec::account_use::none) lines.emplace_back("--account ID", "the Leadfeeder account id");
  lines.emplace_back("--json", "print the raw JSON body of each response (one document per line)");
  lines.emplace_back("--help", "print this help");
  std::size_t width = 0;
  for (auto const& l : lines) width = std::max(width, l.first.size());
  for (auto const& l : lines)
    os << "    " << l.first << std::string(width - l.first.size() + 2, ' ') << l.second << '\n';
}

/// The usage of the whole program.
inline void print_general_usage(std::ostream& os) {
  os << "usage: leadfeeder COMMAND [ARGS] [--account ID] [--json] [--base-url URL]\n"
        "The API key is read from the environment variable LEADFEEDER_API_KEY.\n"
        "Commands:\n";
  for (command_spec const& c : commands()) os << "  " << synopsis(c) << '\n';
  os << "Run 'leadfeeder COMMAND --help' for the options of a command.\n";
}

namespace detail {

// The commands of a group ("lists") or the single command of that name ("accounts").
inline bool is_group(std::string_view word) {
  for (command_spec const& c : commands()) {
    std::string_view const n = c.name;
    if (n.size() > word.size() && n.substr(0, word.size()) == word && n[word.size()] == ' ') return true;
  }
  return false;
}

inline command_spec const* find_command(std::string_view name) {
  for (command_spec const& c : commands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// What the first words of a command line name: the command with the longest name they spell
// ("campaigns get" before "campaigns"), or else the longest group they spell.
struct resolution {
  command_spec const* command = nullptr;
  std::size_t words = 0;  ///< arguments the command's name takes
  std::string group;      ///< without a command: the group named, if any
  std::size_t group_words = 0;
};

inline resolution resolve(std::vector<std::string> const& args, std::size_t first) {
  resolution r;
  std::string name;
  for (std::size_t i = first; i < args.size() && i < first + 3; ++i) {
    if (args[i].empty() || args[i][0] == '-') break;
    if (i != first) name += ' ';
    name += args[i];
    if (command_spec const* c = find_command(name)) {
      r.command = c;
      r.words = i + 1;
    } else if (is_group(name)) {
      r.group = name;
      r.group_words = i + 1;
    }
  }
  if (r.command != nullptr && r.group_words > r.words) r.command = nullptr;  // "companies enrichment-job"
  if (r.command != nullptr) r.group.clear();
  return r;
}

inline void print_group_usage(std::string_view group, std::ostream& os) {
  os << "usage:\n";
  for (command_spec const& c : commands()) {
    std::string_view const n = c.name;
    if (n.size() > group.size() && n.substr(0, group.size()) == group && n[group.size()] == ' ') {
      os << "  " << synopsis(c) << '\n';
    }
  }
  os << "Run 'leadfeeder " << group << " SUBCOMMAND --help' for the options of a subcommand.\n";
}

// ---- Argument parsing

struct parsed_args {
  std::vector<std::string> operands;
  std::vector<std::pair<std::string_view, std::string>> values;  // option name -> value, in order
  bool help = false;
  bool json = false;

  bool has(std::string_view name) const {
    for (auto const& v : values) {
      if (v.first == name) return true;
    }
    return false;
  }
  /// The value of a single-valued option (empty when absent).
  std::string value(std::string_view name) const {
    for (auto const& v : values) {
      if (v.first == name) return v.second;
    }
    return {};
  }
  /// Every value of a repeatable option, in order.
  std::vector<std::string> all(std::string_view name) const {
    std::vector<std::string> out;
    for (auto const& v : values) {
      if (v.first == name) out.push_back(v.second);
    }
    return out;
  }
};

// Parses args[first...] against the command's options; every problem is one line in `problems`.
inline parsed_args parse_args(command_spec const& c, std::vector<std::string> const& args, std::size_t first,
                              std::vector<std::string>& problems) {
  parsed_args p;
  option_spec const account_option = opt("--account", "ID", "");
  bool operands_only = false;
  for (std::size_t i = first; i < args.size(); ++i) {
    std::string_view const a = args[i];
    if (operands_only || a.size() < 2 || a[0] != '-' || (a[1] != '-' && a != "-h")) {
      p.operands.emplace_back(a);
      continue;
    }
    if (a == "--") {
      operands_only = true;
      continue;
    }
    if (a == "--help" || a == "-h") {
      p.help = true;
      continue;
    }
    if (a == "--json") {
      p.json = true;
      continue;
    }
    std::string_view name = a;
    std::optional<std::string_view> inline_value;
    if (std::size_t const eq = a.find('='); eq != std::string_view::npos) {
      name = a.substr(0, eq);
      inline_value = a.substr(eq + 1);
    }
    option_spec const* spec = nullptr;
    if (name == "--account" && c.account != command_spec::account_use::none) spec = &account_option;
    for (option_spec const& o : c.options) {
      if (o.name == name) spec = &o;
    }
    if (spec == nullptr) {
      problems.push_back("unknown option '" + std::string(name) + "' for '" + std::string(c.name) + "'");
      continue;
    }
    std::string value;
    if (spec->value.empty()) {
      if (inline_value) {
        problems.push_back("option " + std::string(spec->name) + " takes no value");
        continue;
      }
    } else if (inline_value) {
      value.assign(*inline_value);
    } else if (i + 1 < args.size() && args[i + 1].substr(0, 2) != "--") {
      value = args[++i];
    } else {
      problems.push_back("option " + std::string(spec->name) + " needs a value (" + std::string(spec->value) + ")");
      continue;
    }
    if (!spec->repeatable && p.has(spec->name)) {
      problems.push_back("option " + std::string(spec->name) + " is given more than once");
      continue;
    }
    if (!spec->value.empty() && value.empty()) {
      problems.push_back("option " + std::string(spec->name) + " needs a non-empty value");
      continue;
    }
    p.values.emplace_back(spec->name, std::move(value));
  }
  return p;
}

// A whole number in [min, max], or a problem.
inline std::optional<std::int64_t> parse_number(parsed_args const& p, std::string_view option, std::int64_t min,
                                                std::int64_t max, std::vector<std::string>& problems) {
  if (!p.has(option)) return std::nullopt;
  std::string const text = p.value(option);
  std::int64_t v = 0;
  char const* const end = text.data() + text.size();
  std::from_chars_result const r = std::from_chars(text.data(), end, v);
  if (r.ec != std::errc() || r.ptr != end) {
    problems.push_back("option " + std::string(option) + ": '" + text + "' is not a whole number");
    return std::nullopt;
  }
  if (v < min || v > max) {
    problems.push_back("option " + std::string(option) + " must be between " + std::to_string(min) + " and " +
                       std::to_string(max) + " (got " + text + ")");
    return std::nullopt;
  }
  return v;
}

inline bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int const month = (s[5] - '0') * 10 + (s[6] - '0');
  int const day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// The values of a flag enumeration (contacts::include, ...) named in comma-separated lists.
template <class Enum>
std::vector<Enum> parse_flags(std::vector<std::string> const& lists, std::string_view option,
                              std::vector<std::string>& problems) {
  std::vector<Enum> out;
  for (std::string const& list : lists) {
    std::string_view rest = list;
    while (!rest.empty()) {
      std::size_t const comma = rest.find(',');
      std::string_view word = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
      while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
      if (word.empty()) continue;
      bool found = false;
      for (unsigned bit = 0; bit < 32 && !found; ++bit) {
        Enum const candidate = static_cast<Enum>(std::uint32_t{1} << bit);
        if (to_string(candidate) == word) {
          found = true;
          if (std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(candidate);
        }
      }
      if (!found) {
        std::string known;
        for (unsigned bit = 0; bit < 32; ++bit) {
          std::string_view const n = to_string(static_cast<Enum>(std::uint32_t{1} << bit));
          if (n.empty()) continue;
          if (!known.empty()) known += ", ";
          known += n;
        }
        problems.push_back("option " + std::string(option) + ": unknown value '" + std::string(word) +
                           "' (known: " + known + ")");
      }
    }
  }
  return out;
}

// ---- Builders with optional parameters: each setter changes the builder's type, so a parameter
// given at run time is applied in a chain of continuations (2^n instantiations for n options).

template <class Apply>
struct step {
  bool on;
  Apply apply;
};
template <class Apply>
step<Apply> when(bool on, Apply apply) {
  return {on, std::move(apply)};
}

template <class Builder, class Next>
int chain(Builder builder, Next& next) {
  return next(std::move(builder));
}
template <class Builder, class Next, class Step, class... Steps>
int chain(Builder builder, Next& next, Step const& first, Steps const&... rest) {
  if (first.on) return chain(first.apply(std::move(builder)), next, rest...);
  return chain(std::move(builder), next, rest...);
}

// A builder with every include value set (the values are OR-ed by repeated calls).
template <class Builder, class Enum>
auto with_includes(Builder builder, std::vector<Enum> const& values) {
  auto next = std::move(builder).include(values.front());
  for (std::size_t i = 1; i < values.size(); ++i) next = std::move(next).include(values[i]);
  return next;
}

// A builder with every value of a flag option set through `add`, e.g.
// `[](auto b, auto v) { return std::move(b).categories(v); }` (the values are OR-ed).
template <class Builder, class Enum, class Add>
auto with_each(Builder builder, std::vector<Enum> const& values, Add add) {
  auto next = add(std::move(builder), values.front());
  for (std::size_t i = 1; i < values.size(); ++i) next = add(std::move(next), values[i]);
  return next;
}

// ---- Values checked before sending

// Dotted decimal, four parts of 0 to 255, no leading zeros (which some read as octal).
inline bool is_ipv4(std::string_view s) {
  int parts = 0;
  for (;;) {
    std::size_t const dot = s.find('.');
    std::string_view const part = s.substr(0, dot);
    if (part.empty() || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return false;
    int v = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    if (v > 255) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    s.remove_prefix(dot + 1);
  }
  return parts == 4;
}

// Groups of one to four hex digits separated by ':', at most one "::", an IPv4 tail allowed.
inline bool is_ipv6(std::string_view s) {
  if (s.size() < 2 || s.size() > 45) return false;
  std::size_t const gap = s.find("::");
  if (gap != std::string_view::npos && s.find("::", gap + 1) != std::string_view::npos) return false;
  auto groups = [](std::string_view part, bool ipv4_tail, std::size_t& count) {
    if (part.empty()) return true;
    for (;;) {
      std::size_t const colon = part.find(':');
      std::string_view const g = part.substr(0, colon);
      if (colon == std::string_view::npos && ipv4_tail && g.find('.') != std::string_view::npos) {
        count += 2;
        return is_ipv4(g);
      }
      if (g.empty() || g.size() > 4) return false;
      for (char c : g) {
        bool const hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) return false;
      }
      ++count;
      if (colon == std::string_view::npos) return true;
      part.remove_prefix(colon + 1);
    }
  };
  std::size_t count = 0;
  if (gap == std::string_view::npos) return groups(s, true, count) && count == 8;
  return groups(s.substr(0, gap), false, count) && groups(s.substr(gap + 2), true, count) && count <= 7;
}

inline bool is_ip_address(std::string_view s) { return is_ipv4(s) || is_ipv6(s); }

// The fields of a companies.match input, by their JSON names.
inline std::vector<std::pair<std::string_view, std::string lf::companies::match_input::*>> const& match_fields() {
  using m = lf::companies::match_input;
  static std::vector<std::pair<std::string_view, std::string m::*>> const all = {
      {"company_name", &m::company_name},
      {"url", &m::url},
      {"email", &m::email},
      {"phone", &m::phone},
      {"vat_id", &m::vat_id},
      {"register_id", &m::register_id},
      {"register_location", &m::register_location},
      {"street", &m::street},
      {"street_name", &m::street_name},
      {"street_number", &m::street_number},
      {"postal_code", &m::postal_code},
      {"city", &m::city},
      {"country", &m::country},
      {"country_code", &m::country_code}};
  return all;
}

// Whether a match input names the company by one of the fields the API matches on.
inline bool identifies(lf::companies::match_input const& in) {
  return !in.company_name.empty() || !in.url.empty() || !in.vat_id.empty() || !in.register_id.empty();
}

// One line of a companies match --input file: a JSON object of match_fields(), string values.
inline std::optional<lf::companies::match_input> match_input_of(std::string_view line, std::string const& where,
                                                                std::vector<std::string>& problems) {
  std::error_code ec;
  boost::json::value const v = boost::json::parse(line, ec);
  if (ec || !v.is_object()) {
    problems.push_back(where + ": not a JSON object" + (ec ? " (" + ec.message() + ")" : std::string()));
    return std::nullopt;
  }
  lf::companies::match_input in;
  bool ok = true;
  for (auto const& member : v.get_object()) {
    std::string_view const key = member.key();
    auto const& fields = match_fields();
    auto const field = std::find_if(fields.begin(), fields.end(), [&](auto const& f) { return f.first == key; });
    if (field == fields.end()) {
      problems.push_back(where + ": unknown key '" + std::string(key) +
                         "' (known: company_name, url, email, phone, vat_id, register_id, register_location, "
                         "street, street_name, street_number, postal_code, city, country, country_code)");
      ok = false;
    } else if (member.value().is_string()) {
      in.*(field->second) = std::string(member.value().get_string());
    } else if (!member.value().is_null()) {
      problems.push_back(where + ": the value of '" + std::string(key) + "' must be a string");
      ok = false;
    }
  }
  if (ok && !identifies(in)) {
    problems.push_back(where + ": needs at least one of company_name, url, vat_id or register_id");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return in;
}

// ---- Tables

// Server text on a terminal: control characters (C0, DEL, C1) would be read as escape sequences.
inline std::string cell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto const u = static_cast<unsigned char>(s[i]);
    if (u < 0x20 || u == 0x7F) {
      out += ' ';
    } else if (u == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      out += ' ';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Columns on a terminal: one per code point (the API's text is valid UTF-8).
inline std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

class table {
 public:
  explicit table(std::vector<std::string> header) : header_(std::move(header)) {}

  void add(std::vector<std::string> row) {
    for (std::string& c : row) c = cell(c);
    row.resize(header_.size());
    rows_.push_back(std::move(row));
  }
  std::size_t size() const noexcept { return rows_.size(); }

  /// The header and the rows, columns separated by two spaces, no trailing blanks.
  void print(std::ostream& os) const {
    std::vector<std::size_t> width(header_.size(), 0);
    auto measure = [&](std::vector<std::string> const& row) {
      for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], display_width(row[i]));
    };
    measure(header_);
    for (auto const& r : rows_) measure(r);
    auto line = [&](std::vector<std::string> const& row) {
      std::string text;
      for (std::size_t i = 0; i < row.size(); ++i) {
        text += row[i];
        if (i + 1 < row.size()) text.append(width[i] - display_width(row[i]) + 2, ' ');
      }
      while (!text.empty() && text.back() == ' ') text.pop_back();
      os << text << '\n';
    };
    line(header_);
    for (auto const& r : rows_) line(r);
  }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

inline std::string str(std::string_view s) { return std::string(s); }

inline std::string join_nonempty(std::initializer_list<std::string_view> parts, std::string_view sep) {
  std::string out;
  for (std::string_view p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// Rows of each kind of record.

inline std::vector<std::string> contact_header() { return {"ID", "NAME", "TITLE", "COMPANY ID", "EMAILS"}; }

inline std::string honorific(lf::contact_view const& c) { return str(c.title()); }
inline std::string honorific(lf::contact_summary_view const&) { return {}; }

template <class Contact>
std::vector<std::string> contact_row(Contact const& c) {
  std::string emails;
  for (auto e : c.emails()) {
    if (e.address().empty()) continue;
    if (!emails.empty()) emails += ", ";
    emails += e.address();
  }
  std::string const title = honorific(c);
  return {str(c.id()), join_nonempty({title, c.first_name(), c.last_name()}, " "), str(c.position().title()),
          str(c.relationships().company().id()), emails};
}

inline std::vector<std::string> company_header() { return {"ID", "NAME", "URL", "EMPLOYEES", "LOCATION"}; }

template <class Company>
std::vector<std::string> company_row(Company const& c) {
  return {str(c.id()), str(c.name()), str(c.url()), str(c.employee_range()),
          join_nonempty({c.address().city(), c.address().country_code()}, ", ")};
}

inline std::vector<std::string> visit_header() {
  return {"ID", "STARTED AT", "COMPANY ID", "LOCATION", "PAGES", "SECONDS", "SOURCE", "LANDING PAGE"};
}

inline std::vector<std::string> visit_row(lf::web_visit_view const& v) {
  lf::visit_location_view const where = v.relationships().location();
  return {str(v.id()),
          str(v.started_at()),
          str(v.relationships().company().id()),
          join_nonempty({where.city(), where.country_code()}, ", "),
          v.has_page_depth() ? std::to_string(v.page_depth()) : std::string(),
          v.has_visit_length() ? std::to_string(v.visit_length()) : std::string(),
          join_nonempty({v.source(), v.medium()}, " / "),
          str(v.landing_page_path())};
}

inline std::vector<std::string> list_header() { return {"ID", "NAME", "SCOPE", "CREATED AT", "UPDATED AT"}; }

inline std::vector<std::string> list_row(lf::list_view const& l) {
  return {str(l.id()), str(l.name()), str(l.scope()), str(l.created_at()), str(l.updated_at())};
}

inline std::vector<std::string> tag_header() { return {"ID", "NAME", "COLOR"}; }

inline std::vector<std::string> tag_row(lf::tag_view const& t) {
  return {str(t.id()), str(t.name()), t.has_color() ? std::to_string(t.color()) : std::string()};
}

inline std::vector<std::string> custom_field_header() { return {"ID", "TYPE", "ATTRIBUTES"}; }

inline std::vector<std::string> custom_field_row(lf::custom_field_view const& f) {
  lf::json_view const attributes = f.attributes();
  return {str(f.id()), str(f.type()),
          attributes.exists() ? boost::json::serialize(lf::to_boost_json(attributes)) : std::string()};
}

// A JSON value on one line (empty when absent), for fields the library does not know.
inline std::string compact(lf::json_view v) {
  return v.exists() ? boost::json::serialize(lf::to_boost_json(v)) : std::string();
}

// A resource whose fields are not known: its id and its attributes as JSON.
inline std::vector<std::string> generic_header() { return {"ID", "ATTRIBUTES"}; }

template <class Resource>
std::vector<std::string> generic_row(Resource const& r) {
  return {str(r.id()), compact(r.attributes())};
}

inline std::vector<std::string> job_header() { return {"ID", "STATUS", "PROCESSED", "TOTAL", "CREDITS USED"}; }

inline std::vector<std::string> job_row(lf::job_view const& j) {
  auto number = [](bool has, std::int64_t v) { return has ? std::to_string(v) : std::string(); };
  return {str(j.id()), str(j.status()), number(j.has_processed_count(), j.processed_count()),
          number(j.has_total_count(), j.total_count()), number(j.has_credits_used(), j.credits_used())};
}

// "running, 3 of 10 processed, 3 credits used": what a progress line says of a job.
inline std::string describe(lf::job_view const& j) {
  std::string s = j.status().empty() ? std::string("status not reported") : cell(j.status());
  if (j.has_processed_count()) {
    s += ", " + std::to_string(j.processed_count());
    if (j.has_total_count()) s += " of " + std::to_string(j.total_count());
    s += " processed";
  }
  if (j.has_credits_used()) s += ", " + std::to_string(j.credits_used()) + " credits used";
  return s;
}

// A job has ended once its status is one of these (the API's values are not known for sure:
// finished and failed are the documented guesses).
inline bool job_succeeded(std::string_view status) {
  return status == "finished" || status == "completed" || status == "succeeded";
}
inline bool job_failed(std::string_view status) {
  return status == "failed" || status == "cancelled" || status == "canceled";
}

// A line of progress on the error stream: redrawn in place on a terminal, else printed when it
// changes (so that a log gets one line per change, not one per poll).
class progress_line {
 public:
  progress_line(std::ostream& os, bool terminal) : os_(os), terminal_(terminal) {}
  progress_line(progress_line const&) = delete;
  progress_line& operator=(progress_line const&) = delete;
  ~progress_line() { finish(); }

  void show(std::string const& line) {
    if (terminal_) {
      os_ << '\r' << line << "\x1b[K" << std::flush;
      open_ = true;
    } else if (line != last_) {
      os_ << line << '\n' << std::flush;
    }
    last_ = line;
  }
  /// Ends a line redrawn in place, so that what follows starts on a line of its own.
  void finish() {
    if (open_) os_ << '\n' << std::flush;
    open_ = false;
  }

 private:
  std::ostream& os_;
  bool terminal_;
  bool open_ = false;
  std::string last_;
};

// The resource in the data of a write's answer (an object, or the first element of an array).
inline lf::json_view written_resource(lf::json_view data) {
  lf::json_view const r = data.is_array() ? data[std::size_t{0}] : data;
  return r.is_object() ? r : lf::json_view();
}

}  // namespace detail

// ---- Running a command

/// What the program around run_cli() lends it besides the client and the two streams.
template <class Transport>
struct environment {
  /// Standard input, for a FILE given as '-'; unset: '-' is refused.
  std::istream* in = nullptr;
  /// Whether the error stream is a terminal: progress lines are then redrawn in place.
  bool err_is_terminal = false;
  /// Set (from a signal handler, or a test) to stop a long command cleanly: a --wait stops polling,
  /// an export stops between calls with what it wrote intact. Unset: never.
  std::atomic<bool> const* interrupted = nullptr;
  /// A new transport for each further client of an export --ids-from --parallel N (each client
  /// is used by one thread). Unset: the export makes its calls one at a time through the client.
  std::function<Transport()> make_transport;
};

template <class Transport>
class runner {
 public:
  runner(lf::client<Transport>& client, std::ostream& out, std::ostream& err, environment<Transport> env = {})
      : client_(client), out_(out), err_(err), env_(std::move(env)) {}

  int run(std::vector<std::string> const& args) {
    if (args.empty()) {
      err_ << "error: no command given\n";
      print_general_usage(err_);
      return exit_usage;
    }
    std::string_view const first = args[0];
    if (first == "--help" || first == "-h" || first == "help") {
      if (args.size() > 1) return help_for(args);
      print_general_usage(out_);
      return exit_ok;
    }
    detail::resolution const found = detail::resolve(args, 0);
    if (found.command == nullptr) {
      if (found.group.empty()) {
        err_ << "error: unknown command '" << first << "'\n";
        print_general_usage(err_);
        return exit_usage;
      }
      std::size_t const next = found.group_words;
      bool const help = next < args.size() && (args[next] == "--help" || args[next] == "-h");
      if (help) {
        detail::print_group_usage(found.group, out_);
        return exit_ok;
      }
      if (next >= args.size()) {
        err_ << "error: '" << found.group << "' needs a subcommand\n";
      } else {
        err_ << "error: unknown subcommand '" << args[next] << "' of '" << found.group << "'\n";
      }
      detail::print_group_usage(found.group, err_);
      return exit_usage;
    }
    spec_ = found.command;
    args_ = detail::parse_args(*spec_, args, found.words, problems_);
    if (args_.help) {
      print_usage(*spec_, out_);
      if (detail::is_group(spec_->name)) detail::print_group_usage(spec_->name, out_);
      return exit_ok;
    }
    json_ = args_.json;
    check_common();
    return dispatch();
  }

 private:
  int help_for(std::vector<std::string> const& args) {
    detail::resolution const found = detail::resolve(args, 1);
    if (found.command != nullptr) {
      print_usage(*found.command, out_);
      if (detail::is_group(found.command->name)) detail::print_group_usage(found.command->name, out_);
      return exit_ok;
    }
    if (!found.group.empty()) {
      detail::print_group_usage(found.group, out_);
      return exit_ok;
    }
    std::string name;
    for (std::size_t i = 1; i < args.size() && i < 4; ++i) name += (i == 1 ? "" : " ") + args[i];
    err_ << "error: unknown command '" << name << "'\n";
    print_general_usage(err_);
    return exit_usage;
  }

  // Operand counts, required options: what every command checks the same way.
  void check_common() {
    command_spec const& c = *spec_;
    std::size_t const n = args_.operands.size();
    if (n < c.min_operands) {
      problems_.push_back("'" + std::string(c.name) + "' needs " + std::string(c.operands));
    } else if (n > c.max_operands) {
      if (c.max_operands == 0) {
        problems_.push_back("'" + std::string(c.name) + "' takes no operands (got '" + args_.operands.front() + "')");
      } else if (c.max_operands == 100) {
        problems_.push_back("'" + std::string(c.name) + "' takes at most 100 ids (got " + std::to_string(n) + ")");
      } else {
        problems_.push_back("'" + std::string(c.name) + "' takes " + std::string(c.operands) + ", got unexpected '" +
                            args_.operands[c.max_operands] + "'");
      }
    }
    if (c.account == command_spec::account_use::required && !args_.has("--account")) {
      problems_.push_back("'" + std::string(c.name) + "' needs --account ID");
    }
    for (option_spec const& o : c.options) {
      if (o.required && !args_.has(o.name)) {
        problems_.push_back("'" + std::string(c.name) + "' needs " + std::string(o.name) + " " + std::string(o.value));
      }
    }
  }

  // Prints every problem, one line each, then the command's usage.
  int usage_error() {
    for (std::string const& p : problems_) err_ << "error: " << p << '\n';
    print_usage(*spec_, err_);
    return exit_usage;
  }

  int dispatch() {
    std::string_view const name = spec_->name;
    if (name == "accounts") return accounts();
    if (name == "contacts get") return contacts_get();
    if (name == "contacts retrieve") return contacts_retrieve();
    if (name == "contacts search") return contacts_search();
    if (name == "companies get") return companies_get();
    if (name == "companies search") return companies_search();
    if (name == "web-visits") return web_visits();
    if (name == "lists list") return lists_list();
    if (name == "lists create") return lists_create();
    if (name == "lists get") return lists_get();
    if (name == "lists update") return lists_update();
    if (name == "lists delete") return lists_delete();
    if (name == "lists add-contact") return lists_contact(true);
    if (name == "lists remove-contact") return lists_contact(false);
    if (name == "tags list") return tags_list();
    if (name == "tags create") return tags_create();
    if (name == "tags get") return tags_get();
    if (name == "tags update") return tags_update();
    if (name == "tags delete") return tags_delete();
    if (name == "custom-fields list") return custom_fields_list();
    if (name == "custom-fields create") return custom_fields_write(false);
    if (name == "custom-fields get") return custom_fields_get();
    if (name == "custom-fields update") return custom_fields_write(true);
    if (name == "custom-fields delete") return custom_fields_delete();
    if (name == "companies retrieve") return companies_retrieve();
    if (name == "companies match") return companies_match();
    if (name == "companies signals") return companies_signals();
    if (name == "companies ips") return companies_ips();
    if (name == "companies enrichment-job estimate") return job_estimate(job_kind::enrichment);
    if (name == "companies enrichment-job create") return job_create(job_kind::enrichment);
    if (name == "companies enrichment-job get") return job_get(job_kind::enrichment);
    if (name == "contacts contact-data-job estimate") return job_estimate(job_kind::contact_data);
    if (name == "contacts contact-data-job create") return job_create(job_kind::contact_data);
    if (name == "contacts contact-data-job get") return job_get(job_kind::contact_data);
    if (name == "lists items") return lists_items();
    if (name == "campaigns") return campaigns_list();
    if (name == "campaigns get") return campaigns_get();
    if (name == "campaigns stats") return campaigns_stats();
    if (name == "ip enrich") return ip_enrich();
    if (name == "usage") return usage_command();
    if (name == "export contacts") return export_command(export_kind::contacts);
    if (name == "export companies") return export_command(export_kind::companies);
    if (name == "export web-visits") return export_command(export_kind::web_visits);
    if (name == "users me") return users_me();
    if (name == "doctor") return doctor_command();
    err_ << "error: command '" << name << "' is not implemented\n";
    return exit_usage;
  }

  // ---- Output

  // One JSON document per line: line breaks between tokens are dropped (a valid JSON string
  // cannot hold a raw one), so that pages of a pretty-printed body stay one line each.
  void print_json(std::string_view body) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!body.empty() && blank(body.front())) body.remove_prefix(1);
    while (!body.empty() && blank(body.back())) body.remove_suffix(1);
    if (body.empty()) return;
    std::string line(body);
    for (char& c : line) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    out_ << line << '\n';
  }

  // A notice that is not the data: on the output with tables, on the error stream with --json
  // (which must stay pure JSON).
  std::ostream& notice() { return json_ ? err_ : out_; }

  template <class Response>
  void print_id_change(Response const& r) {
    if (r.id_changed()) notice() << "id changed: " << r.requested_id() << " -> " << r.data().id() << '\n';
  }

  // The base URL for messages, without any user:password@ part.
  std::string base_url() const {
    std::string url = client_.options().base_url;
    std::size_t const scheme = url.find("://");
    if (scheme != std::string::npos) {
      std::size_t const host = scheme + 3;
      std::size_t const at = url.find('@', host);
      std::size_t const slash = url.find('/', host);
      if (at != std::string::npos && (slash == std::string::npos || at < slash)) url.erase(host, at + 1 - host);
    }
    return url;
  }

  // One line for a failed call; the exit status it calls for.
  int fail(lf::error const& e) {
    if (e.code == lf::errc::invalid_argument) {  // refused before anything was sent
      err_ << "error: " << lf::to_string(e) << '\n';
      print_usage(*spec_, err_);
      return exit_usage;
    }
    if (e.http_status == 0 && e.code.category() != lf::error_category()) {
      err_ << "error: could not reach " << base_url() << ": " << e.code.message() << '\n';
      return exit_api;
    }
    std::string line = "error: " + lf::to_string(e);
    if (e.code == lf::errc::unauthorized) {
      line += "; check that LEADFEEDER_API_KEY is set to a valid API key";
    }
    if (e.code == lf::errc::rate_limited && e.retry_after) {
      line += "; retry after " + std::to_string(e.retry_after->count()) + " seconds";
    }
    err_ << line << '\n';
    return exit_api;
  }

  // One page (or a single answer) as a table; the pagination hint of a page under it.
  template <class Response, class Row>
  int print_page(Response const& r, std::vector<std::string> header, Row row, lf::pagination_style style) {
    if (json_) {
      print_json(r.body());
      return exit_ok;
    }
    detail::table t(std::move(header));
    for (auto item : r.data()) t.add(row(item));
    t.print(out_);
    lf::pagination_view const pagination = r.meta().pagination();
    if (style == lf::pagination_style::cursor && !pagination.next_cursor().empty()) {
      out_ << "next cursor: " << pagination.next_cursor() << '\n';
    }
    if (style == lf::pagination_style::page_number && pagination.has_page_count()) {
      out_ << "page " << pagination.page_num() << " of " << pagination.page_count();
      if (pagination.has_total_count()) out_ << " (" << pagination.total_count() << " in all)";
      out_ << '\n';
    }
    return exit_ok;
  }

  // A paginated operation: one page, or with --all every page (lf::pages for --json, one body per
  // line; lf::items for a table).
  template <class Builder, class Row>
  int paged(Builder const& builder, std::vector<std::string> header, Row row) {
    bool const all = args_.has("--all");
    if (!all) {
      auto r = client_.send(builder);
      if (!r) return fail(r.error());
      return print_page(*r, std::move(header), row, Builder::pagination);
    }
    if (json_) {
      for (auto& page : lf::pages(client_, builder)) {
        if (!page) return fail(page.error());
        print_json(page->body());
      }
      return exit_ok;
    }
    detail::table t(std::move(header));
    for (auto const& item : lf::items(client_, builder)) {
      if (!item) {
        t.print(out_);  // what came before the failure
        return fail(item.error());
      }
      t.add(row(*item));
    }
    t.print(out_);
    return exit_ok;
  }

  // A single resource (a get).
  template <class Builder, class Row>
  int single(Builder const& builder, std::vector<std::string> header, Row row) {
    auto r = client_.send(builder);
    if (!r) return fail(r.error());
    print_id_change(*r);
    if (json_) {
      print_json(r->body());
      return exit_ok;
    }
    detail::table t(std::move(header));
    if (r->data().exists()) t.add(row(r->data()));
    t.print(out_);
    return exit_ok;
  }

  // A write answered with a generic JSON view: the resource it returns as a table of `View`, or
  // `done` when it returns none.
  template <class View, class Builder, class Row>
  int written(Builder const& builder, std::vector<std::string> header, Row row, std::string const& done) {
    auto r = client_.send(builder);
    if (!r) return fail(r.error());
    if (json_) {
      print_json(r->body());
      return exit_ok;
    }
    // The typed answer is the resource; a generic one may hold it, alone or as an array of one.
    View resource;
    if constexpr (std::is_same_v<std::decay_t<decltype(r->data())>, lf::json_view>) {
      lf::json_view const found = detail::written_resource(r->data());
      if (found.exists()) resource = View(found.raw());
    } else {
      resource = r->data();
    }
    if (!resource.exists()) {
      out_ << done << '\n';
      return exit_ok;
    }
    detail::table t(std::move(header));
    t.add(row(resource));
    t.print(out_);
    return exit_ok;
  }

  // A write whose answer carries nothing to show.
  template <class Builder>
  int done(Builder const& builder, std::string const& what) {
    auto r = client_.send(builder);
    if (!r) return fail(r.error());
    if (json_) {
      print_json(r->body());
    } else {
      out_ << what << '\n';
    }
    return exit_ok;
  }

  std::string account() const { return args_.value("--account"); }
  std::string const& operand(std::size_t i) const { return args_.operands[i]; }

  std::optional<std::int64_t> page_size() { return detail::parse_number(args_, "--page-size", 1, 100, problems_); }
  std::optional<std::int64_t> page_number() { return detail::parse_number(args_, "--page", 1, 1000000, problems_); }

  std::optional<lf::lists::scope> scope() {
    if (!args_.has("--scope")) return std::nullopt;
    std::string const s = args_.value("--scope");
    if (s == "company") return lf::lists::scope::company;
    if (s == "contact") return lf::lists::scope::contact;
    problems_.push_back("option --scope must be company or contact (got '" + s + "')");
    return std::nullopt;
  }

  // ---- Commands

  int accounts() {
    if (!problems_.empty()) return usage_error();
    auto summary_row = [](lf::account_summary_view const& a) {
      return std::vector<std::string>{detail::str(a.id()), detail::str(a.name())};
    };
    if (!args_.has("--account")) {
      auto r = client_.send(lf::accounts::list());
      if (!r) return fail(r.error());
      return print_page(*r, {"ID", "NAME"}, summary_row, lf::pagination_style::none);
    }
    auto r = client_.send(lf::accounts::list().account_id(account()));
    if (!r) return fail(r.error());
    auto row = [](lf::account_view const& a) {
      lf::account_credits_view const c = a.credits();
      auto number = [](bool has, std::int64_t v) { return has ? std::to_string(v) : std::string(); };
      return std::vector<std::string>{detail::str(a.id()),
                                      detail::str(a.name()),
                                      number(c.has_available(), c.available()),
                                      number(c.has_used(), c.used()),
                                      number(c.has_remaining(), c.remaining()),
                                      detail::str(c.next_reset_on())};
    };
    return print_page(*r, {"ID", "NAME", "AVAILABLE", "USED", "REMAINING", "NEXT RESET"}, row,
                      lf::pagination_style::none);
  }

  int contacts_get() {
    auto includes = detail::parse_flags<lf::contacts::include>(args_.all("--include"), "--include", problems_);
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) {
      return single(builder, detail::contact_header(),
                    [](lf::contact_view const& c) { return detail::contact_row(c); });
    };
    return detail::chain(lf::contacts::get().account_id(account()).contact_id(operand(0)), next,
                         detail::when(!includes.empty(),
                                      [&](auto b) { return detail::with_includes(std::move(b), includes); }));
  }

  int contacts_retrieve() {
    auto includes = detail::parse_flags<lf::contacts::include>(args_.all("--include"), "--include", problems_);
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) {
      auto r = client_.send(builder);
      if (!r) return fail(r.error());
      return print_page(
          *r, detail::contact_header(), [](lf::contact_view const& c) { return detail::contact_row(c); },
          lf::pagination_style::none);
    };
    return detail::chain(lf::contacts::retrieve().account_id(account()).ids(args_.operands), next,
                         detail::when(!includes.empty(),
                                      [&](auto b) { return detail::with_includes(std::move(b), includes); }));
  }

  int contacts_search() {
    std::optional<std::int64_t> const size = page_size();
    if (!problems_.empty()) return usage_error();
    std::vector<std::string> const terms = args_.all("--term"), emails = args_.all("--email"),
                                   companies = args_.all("--company-id"), departments = args_.all("--department");
    auto next = [&](auto builder) {
      return paged(builder, detail::contact_header(),
                   [](lf::contact_summary_view const& c) { return detail::contact_row(c); });
    };
    // An empty page_cursor is left out of the request, so the cursor is always set.
    return detail::chain(lf::contacts::search().account_id(account()).page_cursor(args_.value("--cursor")), next,
                         detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
                         detail::when(!terms.empty(), [&](auto b) { return std::move(b).search_terms(terms); }),
                         detail::when(!emails.empty(), [&](auto b) { return std::move(b).emails(emails); }),
                         detail::when(!companies.empty(), [&](auto b) { return std::move(b).company_ids(companies); }),
                         detail::when(!departments.empty(),
                                      [&](auto b) { return std::move(b).departments(departments); }));
  }

  int companies_get() {
    auto includes = detail::parse_flags<lf::companies::include>(args_.all("--include"), "--include", problems_);
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) {
      return single(builder, detail::company_header(),
                    [](lf::company_view const& c) { return detail::company_row(c); });
    };
    return detail::chain(lf::companies::get().account_id(account()).company_id(operand(0)), next,
                         detail::when(!includes.empty(),
                                      [&](auto b) { return detail::with_includes(std::move(b), includes); }));
  }

  int companies_search() {
    std::optional<std::int64_t> const size = page_size();
    if (!problems_.empty()) return usage_error();
    std::vector<std::string> const terms = args_.all("--term"), ranges = args_.all("--employee-range");
    auto next = [&](auto builder) {
      return paged(builder, detail::company_header(),
                   [](lf::company_summary_view const& c) { return detail::company_row(c); });
    };
    return detail::chain(lf::companies::search().account_id(account()).page_cursor(args_.value("--cursor")), next,
                         detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
                         detail::when(!terms.empty(), [&](auto b) { return std::move(b).search_terms(terms); }),
                         detail::when(!ranges.empty(), [&](auto b) { return std::move(b).employee_ranges(ranges); }));
  }

  int web_visits() {
    std::optional<std::int64_t> const size = page_size();
    std::optional<std::int64_t> const page = page_number();
    std::string const from = args_.value("--from"), to = args_.value("--to");
    if (!from.empty() && !detail::is_date(from))
      problems_.push_back("option --from must be a date YYYY-MM-DD (got '" + from + "')");
    if (!to.empty() && !detail::is_date(to))
      problems_.push_back("option --to must be a date YYYY-MM-DD (got '" + to + "')");
    if (!problems_.empty()) return usage_error();
    std::vector<std::string> const countries = args_.all("--country");
    auto next = [&](auto builder) {
      return paged(builder, detail::visit_header(), [](lf::web_visit_view const& v) { return detail::visit_row(v); });
    };
    return detail::chain(lf::web_visits::search().account_id(account()).start_date(from).end_date(to), next,
                         detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
                         detail::when(page.has_value(), [&](auto b) { return std::move(b).page_num(*page); }),
                         detail::when(!countries.empty(),
                                      [&](auto b) { return std::move(b).filters_location_country_codes(countries); }));
  }

  int lists_list() {
    std::optional<std::int64_t> const size = page_size();
    std::optional<std::int64_t> const page = page_number();
    std::optional<lf::lists::scope> const s = scope();
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) {
      return paged(builder, detail::list_header(), [](lf::list_view const& l) { return detail::list_row(l); });
    };
    return detail::chain(lf::lists::list().account_id(account()).filter_scope(*s), next,
                         detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
                         detail::when(page.has_value(), [&](auto b) { return std::move(b).page_num(*page); }));
  }

  int lists_create() {
    std::optional<lf::lists::scope> const s = scope();
    if (!problems_.empty()) return usage_error();
    return written<lf::list_view>(lf::lists::create().account_id(account()).name(operand(0)).scope(*s),
                                  detail::list_header(), detail::list_row, "created list '" + operand(0) + "'");
  }

  int lists_get() {
    if (!problems_.empty()) return usage_error();
    return single(lf::lists::get().account_id(account()).list_id(operand(0)), detail::list_header(), detail::list_row);
  }

  int lists_update() {
    if (!problems_.empty()) return usage_error();
    return written<lf::list_view>(
        lf::lists::update().account_id(account()).list_id(operand(0)).name(args_.value("--name")),
        detail::list_header(), detail::list_row, "updated list " + operand(0));
  }

  int lists_delete() {
    if (!problems_.empty()) return usage_error();
    return done(lf::lists::delete_().account_id(account()).list_id(operand(0)), "deleted list " + operand(0));
  }

  int lists_contact(bool add) {
    if (!problems_.empty()) return usage_error();
    std::string const& list = operand(0);
    std::string const& contact = operand(1);
    if (add) {
      return done(lf::contacts::add_to_lists().account_id(account()).contact_id(contact).list_ids({list}),
                  "added contact " + contact + " to list " + list);
    }
    return done(lf::contacts::remove_from_lists().account_id(account()).contact_id(contact).list_ids({list}),
                "removed contact " + contact + " from list " + list);
  }

  int tags_list() {
    std::optional<std::int64_t> const size = page_size();
    std::optional<std::int64_t> const page = page_number();
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) {
      return paged(builder, detail::tag_header(), [](lf::tag_view const& t) { return detail::tag_row(t); });
    };
    return detail::chain(lf::tags::list().account_id(account()), next,
                         detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
                         detail::when(page.has_value(), [&](auto b) { return std::move(b).page_num(*page); }));
  }

  std::optional<std::int64_t> color() { return detail::parse_number(args_, "--color", 0, 9, problems_); }

  int tags_create() {
    std::optional<std::int64_t> const c = color();
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) {
      return written<lf::tag_view>(builder, detail::tag_header(), detail::tag_row, "created tag '" + operand(0) + "'");
    };
    return next(lf::tags::create().account_id(account()).name(operand(0)).color(*c));
  }

  int tags_get() {
    if (!problems_.empty()) return usage_error();
    return single(lf::tags::get().account_id(account()).tag_id(operand(0)), detail::tag_header(), detail::tag_row);
  }

  int tags_update() {
    std::optional<std::int64_t> const c = color();
    bool const has_name = args_.has("--name");
    if (!has_name && !args_.has("--color")) problems_.push_back("'tags update' needs --name NAME or --color N");
    if (!problems_.empty()) return usage_error();
    std::string const name = args_.value("--name");
    auto next = [&](auto builder) {
      return written<lf::tag_view>(builder, detail::tag_header(), detail::tag_row, "updated tag " + operand(0));
    };
    return detail::chain(lf::tags::update().account_id(account()).tag_id(operand(0)), next,
                         detail::when(has_name, [&](auto b) { return std::move(b).name(name); }),
                         detail::when(c.has_value(), [&](auto b) { return std::move(b).color(*c); }));
  }

  int tags_delete() {
    if (!problems_.empty()) return usage_error();
    return done(lf::tags::delete_().account_id(account()).tag_id(operand(0)), "deleted tag " + operand(0));
  }

  int custom_fields_list() {
    std::optional<std::int64_t> const size = page_size();
    std::optional<std::int64_t> const page = page_number();
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) {
      return paged(builder, detail::custom_field_header(),
                   [](lf::custom_field_view const& f) { return detail::custom_field_row(f); });
    };
    return detail::chain(lf::custom_fields::list().account_id(account()), next,
                         detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
                         detail::when(page.has_value(), [&](auto b) { return std::move(b).page_num(*page); }));
  }

  // --json-attributes as a JSON object, or a problem.
  boost::json::value json_attributes() {
    if (!args_.has("--json-attributes")) return {};
    std::error_code ec;
    boost::json::value v = boost::json::parse(args_.value("--json-attributes"), ec);
    if (ec) {
      problems_.push_back("option --json-attributes is not valid JSON: " + ec.message());
    } else if (!v.is_object()) {
      problems_.push_back("option --json-attributes must be a JSON object ({...})");
    }
    return v;
  }

  int custom_fields_write(bool update) {
    boost::json::value attributes = json_attributes();
    if (!problems_.empty()) return usage_error();
    if (update) {
      return written<lf::custom_field_view>(lf::custom_fields::update()
                                                .account_id(account())
                                                .custom_field_id(operand(0))
                                                .extra_fields(std::move(attributes)),
                                            detail::custom_field_header(), detail::custom_field_row,
                                            "updated custom field " + operand(0));
    }
    return written<lf::custom_field_view>(
        lf::custom_fields::create().account_id(account()).extra_fields(std::move(attributes)),
        detail::custom_field_header(), detail::custom_field_row, "created custom field");
  }

  int custom_fields_get() {
    if (!problems_.empty()) return usage_error();
    return single(lf::custom_fields::get().account_id(account()).custom_field_id(operand(0)),
                  detail::custom_field_header(), detail::custom_field_row);
  }

  int custom_fields_delete() {
    if (!problems_.empty()) return usage_error();
    return done(lf::custom_fields::delete_().account_id(account()).custom_field_id(operand(0)),
                "deleted custom field " + operand(0));
  }

  int users_me() {
    if (!problems_.empty()) return usage_error();
    return single(lf::users::me(), {"ID", "EMAIL", "NAME", "ROLE"}, [](lf::user_view const& u) {
      return std::vector<std::string>{detail::str(u.id()), detail::str(u.email()),
                                      detail::join_nonempty({u.first_name(), u.last_name()}, " "),
                                      detail::str(u.team_role())};
    });
  }

  // ---- Reads of any number of ids (lf::chunks: 100 ids a call, 200 companies for match)

  bool interrupted() const { return env_.interrupted != nullptr && env_.interrupted->load(); }

  // Every chunk's answer: its rows in one table, or with --json each body on a line of its own.
  template <class Builder, class Inputs, class Row>
  int chunked(Builder const& builder, Inputs inputs, std::vector<std::string> header, Row row) {
    detail::table t(std::move(header));
    for (auto& answer : lf::chunks(client_, builder, std::move(inputs))) {
      if (!answer) {
        if (!json_) t.print(out_);  // what came before the failure
        return fail(answer.error());
      }
      if (json_) {
        print_json(answer->body());
        continue;
      }
      for (auto item : answer->data()) t.add(row(item));
    }
    if (!json_) t.print(out_);
    return exit_ok;
  }

  int companies_retrieve() {
    auto includes = detail::parse_flags<lf::companies::include>(args_.all("--include"), "--include", problems_);
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) -> int {
      return chunked(builder, lf::string_list(args_.operands), detail::company_header(),
                     [](lf::company_view const& c) { return detail::company_row(c); });
    };
    return detail::chain(lf::companies::retrieve().account_id(account()), next,
                         detail::when(!includes.empty(),
                                      [&](auto b) { return detail::with_includes(std::move(b), includes); }));
  }

  int companies_ips() {
    auto includes = detail::parse_flags<lf::companies::ips_include>(args_.all("--include"), "--include", problems_);
    std::optional<std::int64_t> const most = detail::parse_number(args_, "--max-ip-addresses", 1, 1000000, problems_);
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) -> int {
      return chunked(builder, lf::string_list(args_.operands), detail::generic_header(),
                     [](lf::company_ip_view const& c) { return detail::generic_row(c); });
    };
    return detail::chain(lf::companies::list_ips().account_id(account()), next,
                         detail::when(!includes.empty(),
                                      [&](auto b) { return detail::with_includes(std::move(b), includes); }),
                         detail::when(most.has_value(), [&](auto b) { return std::move(b).max_ip_addresses(*most); }));
  }

  // The lines of a file, or of standard input for '-'; nullopt (and a problem) when unreadable.
  std::optional<std::vector<std::string>> read_lines(std::string const& option, std::string const& path) {
    std::ifstream file;
    std::istream* in = env_.in;
    if (path != "-") {
      file.open(path);
      if (!file) {
        problems_.push_back("option " + option + ": cannot read '" + path + "'");
        return std::nullopt;
      }
      in = &file;
    } else if (in == nullptr) {
      problems_.push_back("option " + option + ": no standard input to read");
      return std::nullopt;
    }
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(*in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(std::move(line));
    }
    return lines;
  }

  int companies_match() {
    std::optional<std::int64_t> const most = detail::parse_number(args_, "--max-results", 1, 20, problems_);
    std::vector<lf::companies::match_input> inputs;
    for (std::string const& name : args_.operands) {
      lf::companies::match_input in;
      in.company_name = name;
      in.country_code = args_.value("--country-code");
      inputs.push_back(std::move(in));
    }
    if (args_.has("--input")) {
      std::string const path = args_.value("--input");
      std::size_t const before = problems_.size();
      if (auto lines = read_lines("--input", path)) {
        for (std::size_t i = 0; i < lines->size(); ++i) {
          std::string_view const line = (*lines)[i];
          if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank
          if (problems_.size() - before == 10) {
            problems_.push_back("option --input: more problems in '" + path + "' not shown");
            break;
          }
          std::string const where = "option --input: " + path + ":" + std::to_string(i + 1);
          if (auto in = detail::match_input_of(line, where, problems_)) inputs.push_back(std::move(*in));
        }
      }
    }
    if (inputs.empty() && problems_.empty()) problems_.push_back("'companies match' needs NAME... or --input FILE");
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) -> int {
      detail::table t({"INPUT", "SCORE", "COMPANY ID", "NAME", "URL"});
      auto range = lf::chunks(client_, builder, inputs);
      for (auto& answer : range) {
        if (!answer) {
          if (!json_) t.print(out_);
          return fail(answer.error());
        }
        if (json_) {
          print_json(answer->body());
          continue;
        }
        std::size_t position = range.chunk_offset();
        for (auto candidates : answer->data()) {
          std::string const label = position < inputs.size() ? label_of(inputs[position]) : std::string();
          ++position;
          if (candidates.empty()) t.add({label, "no match"});
          for (auto const& m : candidates) {
            lf::company_summary_view const c = m.relationships().company_summary();
            char score[32] = "";
            if (m.has_match_score()) std::snprintf(score, sizeof score, "%.2f", m.match_score());
            t.add({label, score, detail::str(c.id()), detail::str(c.name()), detail::str(c.url())});
          }
        }
      }
      if (!json_) t.print(out_);
      return exit_ok;
    };
    return detail::chain(lf::companies::match().account_id(account()), next,
                         detail::when(most.has_value(),
                                      [&](auto b) { return std::move(b).max_results_per_company(*most); }));
  }

  // How a table names a match input: the first of the fields that identify it.
  static std::string label_of(lf::companies::match_input const& in) {
    for (std::string const* s : {&in.company_name, &in.url, &in.vat_id, &in.register_id}) {
      if (!s->empty()) return *s;
    }
    return {};
  }

  void check_date(std::string_view option) {
    if (!args_.has(option)) return;
    std::string const v = args_.value(option);
    if (!detail::is_date(v))
      problems_.push_back("option " + std::string(option) + " must be a date YYYY-MM-DD (got '" + v + "')");
  }

  int companies_signals() {
    std::optional<std::int64_t> const size = page_size();
    auto categories =
        detail::parse_flags<lf::companies::signal_category>(args_.all("--category"), "--category", problems_);
    for (std::string_view o : {"--event-from", "--event-to", "--published-from", "--published-to"}) check_date(o);
    if (!problems_.empty()) return usage_error();
    std::string const event_from = args_.value("--event-from"), event_to = args_.value("--event-to"),
                      published_from = args_.value("--published-from"), published_to = args_.value("--published-to");
    auto next = [&](auto builder) -> int {
      return paged(builder, detail::generic_header(), [](lf::signal_view const& v) { return detail::generic_row(v); });
    };
    return detail::chain(
        lf::companies::search_signals()
            .account_id(account())
            .company_ids(args_.operands)
            .page_cursor(args_.value("--cursor")),
        next, detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
        detail::when(!categories.empty(),
                     [&](auto b) {
                       return detail::with_each(std::move(b), categories,
                                                [](auto c, auto v) { return std::move(c).categories(v); });
                     }),
        detail::when(!event_from.empty(), [&](auto b) { return std::move(b).event_date_from(event_from); }),
        detail::when(!event_to.empty(), [&](auto b) { return std::move(b).event_date_to(event_to); }),
        detail::when(!published_from.empty(),
                     [&](auto b) { return std::move(b).publication_date_from(published_from); }),
        detail::when(!published_to.empty(), [&](auto b) { return std::move(b).publication_date_to(published_to); }));
  }

  // ---- Jobs (companies enrichment-job, contacts contact-data-job)

  enum class job_kind { enrichment, contact_data };

  static std::string job_group(job_kind kind) {
    return kind == job_kind::enrichment ? "companies enrichment-job" : "contacts contact-data-job";
  }

  // The records a job works on: ids or --list (exactly one for enrichment, at least one for
  // contact data).
  void check_job_source(job_kind kind) {
    bool const list = args_.has("--list"), ids = !args_.operands.empty();
    std::string const name(spec_->name);
    if (kind == job_kind::enrichment) {
      if (list && ids) problems_.push_back("'" + name + "' takes COMPANY_ID... or --list LIST_ID, not both");
      if (!list && !ids) problems_.push_back("'" + name + "' needs COMPANY_ID... or --list LIST_ID");
    } else if (!list && !ids) {
      problems_.push_back("'" + name + "' needs CONTACT_ID... or --list LIST_ID");
    }
  }

  // Calls next(builder) with the estimate (Create false) or create builder the arguments describe.
  template <bool Create, class Next>
  int with_job_builder(job_kind kind, Next& next) {
    std::string const list = args_.value("--list");
    if (kind == job_kind::enrichment) {
      std::string const field = args_.value("--custom-field");
      auto make = [&] {
        if constexpr (Create) {
          return lf::companies::create_enrichment_job().account_id(account()).custom_field_id(field);
        } else {
          return lf::companies::estimate_enrichment_job().account_id(account()).custom_field_id(field);
        }
      };
      if (args_.has("--list")) return next(make().list_id(list));
      return next(make().company_ids(args_.operands));
    }
    auto make = [&] {
      if constexpr (Create) {
        return lf::contacts::create_contact_data_job().account_id(account());
      } else {
        return lf::contacts::estimate_contact_data_job().account_id(account());
      }
    };
    if (args_.has("--list") && !args_.operands.empty()) return next(make().contact_ids(args_.operands).list_id(list));
    if (args_.has("--list")) return next(make().list_id(list));
    return next(make().contact_ids(args_.operands));
  }

  template <class Next>
  int with_job_get(job_kind kind, std::string const& id, Next& next) {
    if (kind == job_kind::enrichment) return next(lf::companies::get_enrichment_job().account_id(account()).job_id(id));
    return next(lf::contacts::get_contact_data_job().account_id(account()).job_id(id));
  }

  // Sends the estimate and prints it; the credits it reports (nullopt when it reports none).
  int send_estimate(job_kind kind, std::optional<std::int64_t>& credits) {
    auto next = [&](auto builder) -> int {
      auto r = client_.send(builder);
      if (!r) return fail(r.error());
      lf::job_estimate_view const e = r->data();
      if (e.has_credits()) credits = e.credits();
      if (json_) {
        print_json(r->body());
        return exit_ok;
      }
      out_ << "estimate: ";
      if (e.has_eligible_count()) {
        out_ << e.eligible_count() << (kind == job_kind::enrichment ? " companies" : " contacts") << " eligible, ";
      }
      if (e.has_credits()) {
        out_ << e.credits() << " credits\n";
      } else {
        out_ << "credits not reported\n";
      }
      return exit_ok;
    };
    return with_job_builder<false>(kind, next);
  }

  int job_estimate(job_kind kind) {
    check_job_source(kind);
    if (!problems_.empty()) return usage_error();
    std::optional<std::int64_t> credits;
    return send_estimate(kind, credits);
  }

  int job_create(job_kind kind) {
    check_job_source(kind);
    if (!args_.has("--yes")) {
      problems_.push_back("'" + std::string(spec_->name) + "' charges credits: see what it would cost with '" +
                          job_group(kind) + " estimate', then create it with --yes");
    }
    if (!problems_.empty()) return usage_error();
    std::optional<std::int64_t> credits;
    if (int const status = send_estimate(kind, credits); status != exit_ok) return status;
    bool const wait = args_.has("--wait");
    std::string id;
    auto create = [&](auto builder) -> int {
      auto r = client_.send(builder);
      if (!r) return fail(r.error());
      lf::job_view const j = r->data();
      id.assign(j.id());
      if (json_) {
        print_json(r->body());
        return exit_ok;
      }
      out_ << "created job " << detail::cell(id);
      if (r->meta().credits().has_charged()) out_ << " (charged " << r->meta().credits().charged() << " credits)";
      out_ << '\n';
      if (!wait) {
        detail::table t(detail::job_header());
        t.add(detail::job_row(j));
        t.print(out_);
      }
      return exit_ok;
    };
    if (int const status = with_job_builder<true>(kind, create); status != exit_ok) return status;
    if (!wait) return exit_ok;
    if (id.empty()) {
      err_ << "error: the answer carries no job id to wait for\n";
      return exit_api;
    }
    return wait_for_job(kind, id);
  }

  int job_get(job_kind kind) {
    if (!problems_.empty()) return usage_error();
    if (args_.has("--wait")) return wait_for_job(kind, operand(0));
    auto next = [&](auto builder) -> int { return single(builder, detail::job_header(), detail::job_row); };
    return with_job_get(kind, operand(0), next);
  }

  // Polls the job with the client's time source until it ends (a progress line on stderr), then
  // prints it: exit 0 when it finished, 3 when it failed, 130 when interrupted.
  int wait_for_job(job_kind kind, std::string const& id) {
    lf::time_source const& time = client_.options().time;
    detail::progress_line progress(err_, env_.err_is_terminal);
    std::chrono::milliseconds interval(250);
    std::string const shown = detail::cell(id);
    for (;;) {
      constexpr int go_on = -1;
      auto poll = [&](auto builder) -> int {
        auto r = client_.send(builder);
        if (!r) {
          progress.finish();
          return fail(r.error());
        }
        lf::job_view const j = r->data();
        progress.show("job " + shown + ": " + detail::describe(j));
        std::string_view const status = j.status();
        if (status.empty()) {
          progress.finish();
          err_ << "error: job " << shown << ": the answer reports no status, so there is no end to wait for\n";
          return static_cast<int>(exit_api);
        }
        if (!detail::job_succeeded(status) && !detail::job_failed(status)) return go_on;
        progress.finish();
        if (json_) {
          print_json(r->body());
        } else {
          detail::table t(detail::job_header());
          t.add(detail::job_row(j));
          t.print(out_);
        }
        if (detail::job_failed(status)) {
          err_ << "error: job " << shown << ' ' << detail::cell(status);
          if (j.has_errors()) err_ << ": " << detail::cell(detail::compact(j.errors()));
          err_ << '\n';
          return static_cast<int>(exit_api);
        }
        return static_cast<int>(exit_ok);
      };
      int const status = with_job_get(kind, id, poll);
      if (status != go_on) return status;
      // Sleep in short steps, so that Ctrl-C is not kept waiting.
      for (std::chrono::milliseconds left = interval; left.count() > 0 && !interrupted();) {
        std::chrono::milliseconds const step = std::min(left, std::chrono::milliseconds(100));
        time.sleep(step);
        left -= step;
      }
      if (interrupted()) {
        progress.finish();
        err_ << "stopped waiting; job " << shown << " goes on: 'leadfeeder " << job_group(kind) << " get " << shown
             << " --account " << detail::cell(account()) << " --wait' waits again\n";
        return exit_interrupted;
      }
      interval = std::min(interval * 2, std::chrono::milliseconds(2000));
    }
  }

  // ---- Lists, campaigns, IP, usage

  int lists_items() {
    std::optional<std::int64_t> const size = page_size();
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) -> int {
      return paged(builder, {"ID", "TYPE"}, [](lf::list_item_view const& i) {
        return std::vector<std::string>{detail::str(i.id()), detail::str(i.type())};
      });
    };
    return detail::chain(
        lf::lists::list_items().account_id(account()).list_id(operand(0)).page_cursor(args_.value("--cursor")), next,
        detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }));
  }

  int campaigns_list() {
    std::optional<std::int64_t> const size = page_size();
    std::optional<std::int64_t> const page = page_number();
    auto includes = detail::parse_flags<lf::campaigns::include>(args_.all("--include"), "--include", problems_);
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) -> int {
      return paged(builder, detail::generic_header(),
                   [](lf::campaign_view const& c) { return detail::generic_row(c); });
    };
    return detail::chain(lf::campaigns::list().account_id(account()), next,
                         detail::when(!includes.empty(),
                                      [&](auto b) { return detail::with_includes(std::move(b), includes); }),
                         detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
                         detail::when(page.has_value(), [&](auto b) { return std::move(b).page_num(*page); }));
  }

  int campaigns_get() {
    auto includes = detail::parse_flags<lf::campaigns::include>(args_.all("--include"), "--include", problems_);
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) -> int {
      return single(builder, detail::generic_header(),
                    [](lf::campaign_view const& c) { return detail::generic_row(c); });
    };
    return detail::chain(lf::campaigns::get().account_id(account()).campaign_id(operand(0)), next,
                         detail::when(!includes.empty(),
                                      [&](auto b) { return detail::with_includes(std::move(b), includes); }));
  }

  int campaigns_stats() {
    std::optional<std::int64_t> const size = page_size();
    std::optional<std::int64_t> const page = page_number();
    check_date("--from");
    check_date("--to");
    std::string const from = args_.value("--from"), to = args_.value("--to");
    if (!from.empty() && !to.empty() && to < from && problems_.empty()) {
      problems_.push_back("option --to must not be before --from (" + from + " to " + to + ")");
    }
    if (!problems_.empty()) return usage_error();
    auto next = [&](auto builder) -> int {
      return paged(builder, detail::generic_header(),
                   [](lf::campaign_stats_view const& s) { return detail::generic_row(s); });
    };
    return detail::chain(
        lf::campaigns::get_stats().account_id(account()).campaign_id(operand(0)).frequency(args_.value("--frequency")),
        next, detail::when(!from.empty(), [&](auto b) { return std::move(b).start_period(from); }),
        detail::when(!to.empty(), [&](auto b) { return std::move(b).end_period(to); }),
        detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
        detail::when(page.has_value(), [&](auto b) { return std::move(b).page_num(*page); }));
  }

  int ip_enrich() {
    if (!args_.operands.empty() && !detail::is_ip_address(operand(0))) {
      problems_.push_back("'" + operand(0) + "' is not an IPv4 or IPv6 address");
    }
    if (!problems_.empty()) return usage_error();
    return single(lf::ip::enrich().account_id(account()).ip(operand(0)), {"IP", "KIND", "COMPANY ID", "NAME", "URL"},
                  [&](lf::enriched_ip_view const& e) {
                    lf::company_view const c = e.relationships().company();
                    std::string name(c.name());
                    if (!c.exists()) {  // a network or ISP hit: its fields are not known; a name if any
                      name.assign(e.json()["relationships"]["network"]["attributes"]["name"].as_string());
                    }
                    return std::vector<std::string>{operand(0), detail::str(e.company_type()), detail::str(c.id()),
                                                    name, detail::str(c.url())};
                  });
  }

  int usage_command() {
    std::string const from = args_.has("--from") ? args_.value("--from") : current_month();
    std::string const to = args_.has("--to") ? args_.value("--to") : from;
    for (auto const& [option, value] : {std::pair<char const*, std::string const&>("--from", from), {"--to", to}}) {
      if (args_.has(option) && !doctor::is_month(value)) {
        problems_.push_back("option " + std::string(option) + " must be a month YYYY-MM (got '" + value + "')");
      }
    }
    if (problems_.empty() && to < from)
      problems_.push_back("option --to must not be before --from (" + from + " to " + to + ")");
    if (!problems_.empty()) return usage_error();
    auto r = client_.send(lf::usage::get().account_id(account()).start_period(from).end_period(to));
    if (!r) return fail(r.error());
    if (json_) {
      print_json(r->body());
      return exit_ok;
    }
    // The usage's fields are not known for sure: one object listing its endpoints (what the
    // simulator answers), or a list of per-endpoint records; both are read.
    lf::json_view const data = r->json()["data"];
    lf::json_view const listed = data.is_array() ? data : data["attributes"]["endpoints"];
    if (!listed.is_array()) {
      detail::table t(detail::generic_header());
      t.add({detail::str(data["id"].as_string()), detail::compact(data["attributes"])});
      t.print(out_);
      return exit_ok;
    }
    detail::table t({"PERIOD", "ENDPOINT", "REQUESTS"});
    std::int64_t total = 0;
    for (lf::json_view const record : lf::array_view<lf::json_view>(listed.raw())) {
      lf::json_view const attributes = record["attributes"];
      lf::json_view const f = attributes.exists() ? attributes : record;
      std::string endpoint(f["operation"].as_string());
      if (endpoint.empty()) endpoint = detail::join_nonempty({f["method"].as_string(), f["path"].as_string()}, " ");
      if (endpoint.empty()) endpoint.assign(f["endpoint"].as_string());
      total += f["requests"].as_integer();
      t.add({detail::str(f["period"].as_string()), endpoint,
             f["requests"].exists() ? std::to_string(f["requests"].as_integer()) : std::string()});
    }
    t.print(out_);
    out_ << "total: " << total << " requests from " << from << " to " << to << '\n';
    return exit_ok;
  }

  // ---- leadfeeder export (export.hpp): every page of a search, or every id of a list, to a file

  enum class export_kind { contacts, companies, web_visits };

  struct export_run {
    std::string path;
    exporting::format format = exporting::format::ndjson;
    exporting::state state;
    exporting::figures figures;
    std::ofstream file;
    lf::clock_type::time_point started;
    std::unique_ptr<detail::progress_line> progress;
    lf::clock_type::time_point last_shown;
  };

  double seconds_since(lf::clock_type::time_point t) const {
    return std::chrono::duration<double>(client_.options().time.now() - t).count();
  }

  // The progress line: redrawn at every page on a terminal; else a line at most every 2 seconds
  // (and the last one), so that a log stays short.
  void show(export_run& run, bool last) {
    lf::clock_type::time_point const now = client_.options().time.now();
    if (!last && !env_.err_is_terminal && run.figures.pages > 1 && now - run.last_shown < std::chrono::seconds(2))
      return;
    run.last_shown = now;
    run.progress->show(exporting::progress_text(run.figures, seconds_since(run.started), last));
  }

  // The records of a page (or chunk) in the output, then the state that says so.
  int write_and_checkpoint(export_run& run, std::vector<std::string> const& lines, std::int64_t credits) {
    for (std::string const& l : lines) {
      run.file << l;
      run.state.bytes += l.size();
    }
    run.file.flush();
    run.state.items += lines.size();
    run.state.pages += 1;
    run.state.credits += credits;
    run.figures.items = run.state.items;
    run.figures.pages = run.state.pages;
    run.figures.credits = run.state.credits;
    run.figures.requests = run.state.requests;
    run.figures.ids_done = run.state.ids_done;
    std::string problem;
    if (!run.file) problem = "cannot write " + run.path;
    if (problem.empty()) exporting::save(run.state, run.path, problem);
    if (!problem.empty()) {
      run.progress->finish();
      err_ << "error: " << problem << '\n';
      return exit_api;
    }
    return exit_ok;
  }

  int export_finished(export_run& run) {
    exporting::remove_state(run.path);
    run.figures.requests = run.state.requests;
    show(run, true);
    run.progress->finish();
    out_ << "exported " << run.state.items << " records (" << run.state.pages << " pages, " << run.state.requests
         << " requests, " << run.state.credits << " credits) to " << run.path << '\n';
    return exit_ok;
  }

  int export_interrupted(export_run& run) {
    show(run, true);
    run.progress->finish();
    err_ << "interrupted: " << run.path << " holds " << run.state.items
         << " records; the same command with --resume goes on from there\n";
    return exit_interrupted;
  }

  int export_failed(export_run& run, lf::error const& e) {
    run.progress->finish();
    int const status = fail(e);
    err_ << run.path << " holds " << run.state.items << " records; the same command with --resume goes on from there\n";
    return status;
  }

  // A search, a page at a time (cursor or page number), each page read once across resumes.
  template <class Builder, class Line>
  int export_pages(Builder const& builder, export_run& run, Line const& line) {
    constexpr bool cursor_paging = Builder::pagination == lf::pagination_style::cursor;
    for (;;) {
      if (interrupted()) return export_interrupted(run);
      auto answer = [&] {
        if constexpr (cursor_paging) {
          return client_.send(builder.page_cursor(run.state.cursor));
        } else {
          return client_.send(builder.page_num(run.state.page));
        }
      }();
      ++run.state.requests;
      if (!answer) {
        std::string problem;
        exporting::save(run.state, run.path, problem);  // the request count
        return export_failed(run, answer.error());
      }
      std::vector<std::string> lines;
      for (auto item : answer->data()) lines.push_back(line(item));
      lf::pagination_view const p = answer->meta().pagination();
      bool done = false;
      if constexpr (cursor_paging) {
        std::string next(p.next_cursor());
        if (!next.empty() && next == run.state.cursor) {
          run.progress->finish();
          err_ << "error: the API answered the same cursor again (" << detail::cell(next) << "); stopped\n";
          return exit_api;
        }
        run.state.cursor = std::move(next);
        done = run.state.cursor.empty();
      } else {
        if (p.has_page_count())
          run.figures.pages_total = static_cast<std::uint64_t>(std::max<std::int64_t>(p.page_count(), 0));
        done = lines.empty() || !p.has_page_count() || run.state.page >= p.page_count();
        ++run.state.page;
      }
      if (int const s = write_and_checkpoint(run, lines, answer->meta().credits().charged()); s != exit_ok) return s;
      if (done) return export_finished(run);
      show(run, false);
    }
  }

  // The records of a list of ids, 100 a call, with N calls in flight (N clients, a thread each,
  // under one shared rate limit), written in the order of the ids, each once. Chunks are handed out
  // in order, so when Ctrl-C stops the handing out, the calls still in flight complete the prefix
  // that is written: no chunk is read twice across a resume (one after a failed call is).
  template <class MakeBuilder, class Line>
  int export_ids(std::vector<std::string> const& ids, std::size_t parallel, export_run& run, MakeBuilder const& make,
                 Line const& line) {
    constexpr std::size_t chunk = 100;
    std::size_t const chunks = (ids.size() + chunk - 1) / chunk;
    std::size_t const first = static_cast<std::size_t>(run.state.ids_done / chunk);
    run.figures.ids_total = ids.size();

    std::vector<std::unique_ptr<lf::client<Transport>>> own;
    std::vector<lf::client<Transport>*> clients;
    if (parallel > 1 && env_.make_transport) {
      lf::client_options options = client_.options();
      if (!options.shared_limit) options.shared_limit = std::make_shared<lf::shared_rate_limit>();
      for (std::size_t i = 0; i < parallel; ++i) {
        own.push_back(std::make_unique<lf::client<Transport>>(env_.make_transport(), options));
        clients.push_back(own.back().get());
      }
    } else {
      clients.push_back(&client_);
    }

    struct slot {
      bool done = false;
      std::optional<lf::error> error;
      std::vector<std::string> lines;
      std::int64_t credits = 0;
    };
    std::vector<slot> slots(chunks);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next = first;
    std::size_t running = clients.size();
    bool stop = false;
    lf::cancellation_token cancel;  // cuts short the rate limiter's waits after Ctrl-C
    lf::call_options call;
    call.cancel = cancel;

    auto work = [&](lf::client<Transport>& c) {
      for (;;) {
        std::size_t k = 0;
        {
          std::lock_guard<std::mutex> lock(mutex);
          if (stop || next >= chunks || interrupted()) break;
          k = next++;
        }
        std::size_t const begin = k * chunk, end = std::min(ids.size(), begin + chunk);
        std::vector<std::string> const asked(ids.begin() + static_cast<std::ptrdiff_t>(begin),
                                             ids.begin() + static_cast<std::ptrdiff_t>(end));
        slot s;
        auto answer = c.send(make(asked), call);
        if (answer) {
          std::vector<std::pair<std::string, std::string>> answered;
          for (auto item : answer->data()) answered.emplace_back(std::string(item.id()), line(item));
          s.lines = exporting::in_order(asked, std::move(answered));
          s.credits = answer->meta().credits().charged();
        } else {
          s.error = answer.error();
        }
        s.done = true;
        std::lock_guard<std::mutex> lock(mutex);
        if (s.error) stop = true;
        slots[k] = std::move(s);
        changed.notify_all();
      }
      std::lock_guard<std::mutex> lock(mutex);
      --running;
      changed.notify_all();
    };
    std::vector<std::thread> pool;
    for (auto* c : clients) pool.emplace_back(work, std::ref(*c));

    // This thread writes the chunks in order as they come.
    int status = exit_ok;
    std::optional<lf::error> failure;
    for (std::size_t w = first; w < chunks && status == exit_ok && !failure;) {
      slot s;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait_for(lock, std::chrono::milliseconds(50), [&] { return slots[w].done || running == 0; });
        if (interrupted()) cancel.cancel();
        if (!slots[w].done) {
          if (running == 0) break;  // stopped before this chunk was handed out
          continue;
        }
        s = std::move(slots[w]);
        slots[w].lines.clear();
      }
      if (s.error && s.error->code == lf::errc::cancelled && interrupted()) break;  // refused unsent
      run.state.requests += 1;
      if (s.error) {
        failure = std::move(s.error);
        std::lock_guard<std::mutex> lock(mutex);
        stop = true;
        break;
      }
      run.state.ids_done = std::min<std::uint64_t>(ids.size(), (w + 1) * chunk);
      status = write_and_checkpoint(run, s.lines, s.credits);
      if (++w < chunks) show(run, false);
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    for (std::thread& t : pool) t.join();
    if (status != exit_ok) return status;
    if (failure) {
      std::string problem;
      exporting::save(run.state, run.path, problem);
      return export_failed(run, *failure);
    }
    if (run.state.ids_done < ids.size()) return export_interrupted(run);
    return export_finished(run);
  }

  int export_command(export_kind kind) {
    if (json_) problems_.push_back("'" + std::string(spec_->name) + "' writes its records to --out FILE (no --json)");
    exporting::format format = exporting::format::ndjson;
    if (args_.has("--format")) {
      std::string const f = args_.value("--format");
      if (f == "csv") {
        format = exporting::format::csv;
      } else if (f != "ndjson") {
        problems_.push_back("option --format must be ndjson or csv (got '" + f + "')");
      }
    }
    std::optional<std::int64_t> size = page_size();
    if (!args_.has("--page-size")) size = 100;  // the fewest requests
    std::optional<std::int64_t> const parallel_option = detail::parse_number(args_, "--parallel", 1, 16, problems_);
    bool const by_ids = args_.has("--ids-from");
    if (args_.has("--parallel") && !by_ids)
      problems_.push_back("option --parallel needs --ids-from (a search is read a page at a time)");
    if (by_ids) {
      for (std::string_view o :
           {"--term", "--email", "--company-id", "--department", "--employee-range", "--page-size"}) {
        if (args_.has(o)) problems_.push_back("option " + std::string(o) + " does not go with --ids-from");
      }
    }
    check_date("--from");
    check_date("--to");
    std::string const path = args_.value("--out");
    std::vector<std::string> ids;
    if (by_ids && problems_.empty()) {
      std::string const source = args_.value("--ids-from");
      std::ifstream file;
      std::istream* in = env_.in;
      if (source != "-") {
        file.open(source);
        in = file ? &file : nullptr;
        if (in == nullptr) problems_.push_back("option --ids-from: cannot read '" + source + "'");
      } else if (in == nullptr) {
        problems_.push_back("option --ids-from: no standard input to read");
      }
      if (in != nullptr) {
        if (auto read = exporting::read_ids(*in, source, problems_)) ids = std::move(*read);
        if (problems_.empty() && ids.empty()) problems_.push_back("option --ids-from: '" + source + "' holds no ids");
      }
    }
    // What is exported, so that a resume can check that it goes on with the same export.
    std::string query(spec_->name);
    query += " --account=" + account() +
             " --format=" + std::string(format == exporting::format::csv ? "csv" : "ndjson");
    for (auto const& [name, value] : args_.values) {
      if (name == "--out" || name == "--resume" || name == "--parallel" || name == "--format" || name == "--account")
        continue;
      query += " " + std::string(name) + "=" + (name == "--ids-from" ? exporting::fingerprint(ids) : value);
    }
    for (char& c : query) c = c == '\n' || c == '\r' ? ' ' : c;

    export_run run;
    run.path = path;
    run.format = format;
    bool const resuming = args_.has("--resume");
    std::error_code exists_error;
    bool const state_exists = std::filesystem::exists(exporting::state_path(path), exists_error);
    if (problems_.empty() && !path.empty()) {
      if (resuming && !state_exists) {
        problems_.push_back("there is no interrupted export of '" + path + "' to resume (no " +
                            exporting::state_path(path) + ")");
      } else if (!resuming && state_exists) {
        problems_.push_back("'" + path + "' is an interrupted export: --resume goes on with it, or remove " +
                            exporting::state_path(path) + " to start over");
      } else if (resuming) {
        std::string problem;
        if (auto loaded = exporting::load(path, problem)) {
          run.state = std::move(*loaded);
        } else {
          problems_.push_back(problem);
        }
        std::error_code ec;
        std::uintmax_t const written = std::filesystem::file_size(path, ec);
        if (problems_.empty() && run.state.query != query) {
          problems_.push_back("the interrupted export of '" + path + "' is another one (" + run.state.query +
                              "); resume it with the same arguments, or remove " + exporting::state_path(path));
        } else if (problems_.empty() && (ec || written < run.state.bytes)) {
          problems_.push_back("'" + path + "' is shorter than its state file says: it cannot be resumed");
        }
      }
    }
    if (!problems_.empty()) return usage_error();

    run.state.query = query;
    if (resuming) {
      std::error_code ec;
      std::filesystem::resize_file(path, run.state.bytes, ec);  // what a crash left after the last page goes
      if (ec) {
        err_ << "error: cannot cut " << path << " back to its last page: " << ec.message() << '\n';
        return exit_api;
      }
      run.file.open(path, std::ios::binary | std::ios::app);
    } else {
      run.file.open(path, std::ios::binary | std::ios::trunc);
    }
    if (!run.file) {
      err_ << "error: cannot write " << path << '\n';
      return exit_api;
    }
    if (!resuming && format == exporting::format::csv) {
      std::vector<std::string> const columns = kind == export_kind::contacts    ? exporting::contact_columns()
                                               : kind == export_kind::companies ? exporting::company_columns()
                                                                                : exporting::visit_columns();
      std::string const header = exporting::csv_line(columns);
      run.file << header;
      run.state.bytes = header.size();
    }
    run.file.flush();
    std::string problem;
    if (!run.file || !exporting::save(run.state, path, problem)) {
      err_ << "error: " << (problem.empty() ? "cannot write " + path : problem) << '\n';
      return exit_api;
    }
    run.figures.requests_before = run.state.requests;
    run.figures.pages_before = run.state.pages;
    run.figures.ids_before = run.state.ids_done;
    run.figures.items = run.state.items;
    run.figures.pages = run.state.pages;
    run.figures.credits = run.state.credits;
    run.figures.ids_done = run.state.ids_done;
    run.started = client_.options().time.now();
    run.progress = std::make_unique<detail::progress_line>(err_, env_.err_is_terminal);

    std::size_t const parallel = parallel_option ? static_cast<std::size_t>(*parallel_option) : 4;
    auto contact_line = [format](auto const& c) {
      return exporting::line_of(c, format, [](auto const& v) { return exporting::contact_fields(v); });
    };
    auto company_line = [format](auto const& c) {
      return exporting::line_of(c, format, [](auto const& v) { return exporting::company_fields(v); });
    };
    std::string const acc = account();
    if (kind == export_kind::contacts) {
      if (by_ids) {
        return export_ids(
            ids, parallel, run,
            [&acc](std::vector<std::string> const& chunk) {
              return lf::contacts::retrieve().account_id(acc).ids(chunk);
            },
            contact_line);
      }
      std::vector<std::string> const terms = args_.all("--term"), emails = args_.all("--email"),
                                     companies = args_.all("--company-id"), departments = args_.all("--department");
      auto next = [&](auto builder) -> int { return export_pages(builder, run, contact_line); };
      return detail::chain(
          lf::contacts::search().account_id(acc).page_cursor(""), next,
          detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
          detail::when(!terms.empty(), [&](auto b) { return std::move(b).search_terms(terms); }),
          detail::when(!emails.empty(), [&](auto b) { return std::move(b).emails(emails); }),
          detail::when(!companies.empty(), [&](auto b) { return std::move(b).company_ids(companies); }),
          detail::when(!departments.empty(), [&](auto b) { return std::move(b).departments(departments); }));
    }
    if (kind == export_kind::companies) {
      if (by_ids) {
        return export_ids(
            ids, parallel, run,
            [&acc](std::vector<std::string> const& chunk) {
              return lf::companies::retrieve().account_id(acc).ids(chunk);
            },
            company_line);
      }
      std::vector<std::string> const terms = args_.all("--term"), ranges = args_.all("--employee-range");
      auto next = [&](auto builder) -> int { return export_pages(builder, run, company_line); };
      return detail::chain(lf::companies::search().account_id(acc).page_cursor(""), next,
                           detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
                           detail::when(!terms.empty(), [&](auto b) { return std::move(b).search_terms(terms); }),
                           detail::when(!ranges.empty(), [&](auto b) { return std::move(b).employee_ranges(ranges); }));
    }
    std::vector<std::string> const countries = args_.all("--country");
    auto visit_line = [format](lf::web_visit_view const& v) {
      return exporting::line_of(v, format, [](lf::web_visit_view const& x) { return exporting::visit_fields(x); });
    };
    auto next = [&](auto builder) -> int { return export_pages(builder, run, visit_line); };
    return detail::chain(
        lf::web_visits::search().account_id(acc).start_date(args_.value("--from")).end_date(args_.value("--to")), next,
        detail::when(size.has_value(), [&](auto b) { return std::move(b).page_size(*size); }),
        detail::when(!countries.empty(),
                     [&](auto b) { return std::move(b).filters_location_country_codes(countries); }));
  }

  // ---- leadfeeder doctor (doctor.hpp)

  static std::string current_month() {
    auto const now = std::chrono::system_clock::now().time_since_epoch();
    return doctor::month_of_days(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24);
  }

  // GET BASE_URL/openapi.yaml with the client's credentials, straight through the transport (the
  // answer is YAML, not the JSON the client decodes).
  std::optional<std::string> fetch_openapi(std::string& problem) {
    lf::client_options const& o = client_.options();
    std::string url = o.base_url;
    while (!url.empty() && url.back() == '/') url.pop_back();
    url += "/openapi.yaml";
    std::string const bearer = "Bearer " + o.bearer_token;
    lf::http_header const headers[] = {o.api_key.empty() && !o.bearer_token.empty()
                                           ? lf::http_header{"Authorization", bearer}
                                           : lf::http_header{"X-Api-Key", o.api_key},
                                       {"Accept", "application/yaml, application/json;q=0.9"},
                                       {"User-Agent", o.user_agent}};
    lf::http_request req;
    req.method = lf::http_method::get;
    req.url = url;
    req.headers = lf::header_list(headers, 3);
    lf::http_response res;
    if (std::error_code const ec = client_.transport().send(req, res)) {
      problem = "could not reach " + base_url() + ": " + ec.message();
      return std::nullopt;
    }
    if (res.status != 200) {
      problem = "GET /openapi.yaml answered HTTP " + std::to_string(res.status);
      return std::nullopt;
    }
    return std::move(res.body);
  }

  int doctor_command() {
    std::string const month_option = args_.value("--month");
    if (args_.has("--month") && !doctor::is_month(month_option)) {
      problems_.push_back("option --month must be a month YYYY-MM (got '" + month_option + "')");
    }
    if (json_) problems_.push_back("'doctor' prints a text report only (no --json)");
    if (!problems_.empty()) return usage_error();
    int status = exit_ok;

    auto me = client_.send(lf::users::me());
    if (!me) {
      out_ << "key: not accepted\n";
      return fail(me.error());
    }
    out_ << "key: valid (user " << me->data().id() << ")\n";

    std::string acc = account();
    if (auto r = client_.send(lf::accounts::list())) {
      std::vector<std::string> ids;
      for (auto a : r->data()) ids.emplace_back(a.id());
      out_ << "accounts: " << ids.size() << " reachable";
      for (std::size_t i = 0; i < ids.size(); ++i) out_ << (i == 0 ? ": " : ", ") << ids[i];
      out_ << '\n';
      if (acc.empty() && ids.size() == 1) acc = ids.front();
      if (acc.empty() && ids.size() > 1) out_ << "pass --account ID for that account's credits and requests\n";
    } else {
      status = fail(r.error());
    }
    if (!acc.empty()) {
      if (auto r = client_.send(lf::accounts::list().account_id(acc))) {
        bool found = false;
        for (auto a : r->data()) {
          if (a.id() != acc) continue;
          found = true;
          lf::account_credits_view const c = a.credits();
          out_ << "account " << acc << ": " << a.name() << '\n';
          out_ << "credits: ";
          if (c.has_remaining()) {
            out_ << c.remaining() << " remaining";
            if (c.has_available()) out_ << " of " << c.available();
            if (c.has_used()) out_ << " (" << c.used() << " used)";
          } else {
            out_ << "not reported";
          }
          if (!c.next_reset_on().empty()) out_ << ", next reset " << c.next_reset_on();
          out_ << '\n';
        }
        if (!found) {
          out_ << "account " << acc << ": not among the accounts this key reaches\n";
          status = exit_api;
        }
      } else {
        status = fail(r.error());
      }
      std::string const month = args_.has("--month") ? month_option : current_month();
      if (auto u = client_.send(lf::usage::get().account_id(acc).start_period(month).end_period(month))) {
        // The usage's fields are not known for sure: one object listing its endpoints (what the
        // simulator answers), or a list of per-endpoint records; both are summed.
        std::int64_t total = 0;
        auto requests_of = [](lf::json_view record) {
          lf::json_view const attributes = record["attributes"];
          return (attributes.exists() ? attributes : record)["requests"].as_integer();
        };
        lf::json_view const data = u->json()["data"];
        lf::json_view const listed = data.is_array() ? data : data["attributes"]["endpoints"];
        for (lf::json_view const record : lf::array_view<lf::json_view>(listed.raw())) total += requests_of(record);
        out_ << "requests this month (" << month << "): " << total
             << " for this account (the limit is 100,000 a month per key)\n";
      } else {
        status = fail(u.error());
      }
    }

    std::size_t inferred = 0, total_ops = 0;
    for (auto const& op : catalogue) {
      ++total_ops;
      if (op.method_confidence == "inferred" || op.path_confidence == "inferred") ++inferred;
    }
    out_ << "operations still [inferred]: " << inferred << " of " << total_ops << '\n';
    std::string problem;
    std::optional<std::string> text;
    std::string origin;
    if (args_.has("--openapi")) {
      text = doctor::read_file(args_.value("--openapi"), problem);
      origin = "read from " + args_.value("--openapi");
    } else {
      text = fetch_openapi(problem);
      origin = "fetched from " + base_url() + "/openapi.yaml";
    }
    doctor::document_summary doc;
    if (text) {
      doc = doctor::scan(*text);
      if (!doc.ok) problem = doc.problem;
    }
    if (!doc.ok) {
      out_ << "OpenAPI document: not available (" << problem << ")\n";
    } else {
      out_ << "OpenAPI document: " << (doc.title.empty() ? "untitled" : doc.title) << ' '
           << (doc.version.empty() ? "unversioned" : doc.version) << " (" << origin << ")\n";
    }
    std::size_t counts[4] = {0, 0, 0, 0};
    for (auto const& op : catalogue) {
      if (op.method_confidence != "inferred" && op.path_confidence != "inferred") continue;
      out_ << "  " << op.id << "  " << op.method << ' ' << op.path << "  ["
           << (op.method_confidence == "inferred" && op.path_confidence == "inferred" ? "method and path"
               : op.path_confidence == "inferred"                                     ? "path"
                                                                                      : "method")
           << " inferred]";
      if (!doc.ok) {
        out_ << '\n';
        continue;
      }
      doctor::finding const f = doctor::find(op, doc);
      ++counts[static_cast<std::size_t>(f.what)];
      switch (f.what) {
        case doctor::finding::kind::confirmed: out_ << ": confirmed by the document\n"; break;
        case doctor::finding::kind::elsewhere:
          out_ << ": the document has " << f.candidates[0]->method << ' ' << f.candidates[0]->path << " (" << f.how
               << ")\n";
          break;
        case doctor::finding::kind::ambiguous:
          out_ << ": ambiguous, the document has";
          for (auto const* c : f.candidates) out_ << ' ' << c->method << ' ' << c->path << ';';
          out_ << " (" << f.how << ")\n";
          break;
        case doctor::finding::kind::absent: out_ << ": not in the document\n"; break;
      }
    }
    if (doc.ok) {
      out_ << counts[0] << " confirmed, " << counts[1] << " elsewhere in the document, " << counts[2] << " ambiguous, "
           << counts[3] << " not in the document\n"
           << "next: python3 tools/openapi_sync.py --openapi FILE compares every fact, and --apply settles them "
              "(docs/openapi-sync.md)\n";
    }
    return status;
  }

  lf::client<Transport>& client_;
  std::ostream& out_;
  std::ostream& err_;
  environment<Transport> env_;
  command_spec const* spec_ = nullptr;
  detail::parsed_args args_;
  std::vector<std::string> problems_;
  bool json_ = false;
};

/// Runs one command line (without the program name) through `client`: tables or JSON on `out`,
/// one line per problem on `err`. Returns 0, 2 (usage error, nothing sent) or 3 (API or
/// transport error).
template <class Transport>
int run_cli(std::vector<std::string> const& args, lf::client<Transport>& client, std::ostream& out, std::ostream& err) {
  runner<Transport> r(client, out, err);
  return r.run(args);
}

/// As run_cli(args, client, out, err), with standard input, whether the error stream is a
/// terminal, and the flag that Ctrl-C sets (exit 130 when it stopped a command).
template <class Transport>
int run_cli(std::vector<std::string> const& args, lf::client<Transport>& client, std::ostream& out, std::ostream& err,
            environment<Transport> env) {
  runner<Transport> r(client, out, err, std::move(env));
  return r.run(args);
}

}  // namespace leadfeeder_cli
