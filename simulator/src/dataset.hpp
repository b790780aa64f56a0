// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the read-only data set, generated from the seed at start-up.
// Companies, contacts, web visits, buyer personas, ICPs, users and accounts. Everything that
// requests can change (lists, tags, custom feeds and fields, credits) lives in state.hpp.
#pragma once

#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace lfsim {

/// The simulator's "now": the data ends here (web visits cover the 90 days before it).
std::int64_t now_epoch() noexcept;  // 2026-11-01T00:00:00Z
std::int64_t now_day() noexcept;

struct city_info {
  char const* city;
  char const* region;
  char const* country;
  char const* country_code;
  char const* postal_code;
  char const* phone_prefix;
  char const* currency;
  double eur_per_unit;
  char const* language;
};
std::vector<city_info> const& cities();

struct industry_info {
  char const* code;  // internal classification
  char const* name;
  char const* wz_code;  // WZ 2008 / NACE Rev. 2 class
  char const* wz_name;
};
std::vector<industry_info> const& industries();

/// The headcount bands used by employee_range (the real enum is unknown).
std::vector<char const*> const& employee_ranges();

struct company_rec {
  std::string id;                         // current id
  std::vector<std::string> previous_ids;  // merged ids that resolve to this company
  std::string name;
  std::string domain;
  std::vector<std::string> search_keys;  // lower-case name, alternative names, domain
  std::size_t city = 0;
  std::size_t industry = 0;
  int employee_count = 0;
  std::string employee_range;
  double revenue_eur = 0;
  bool has_revenue = false;
  bool has_earnings = false;
  bool has_net_worth = false;
  bool has_phone = false;
  bool has_email = false;  // any contact with an e-mail address
  bool has_social = false;
  bool do_not_contact = false;
  std::string vat_id;
  std::vector<std::string> phone_digits;
  std::vector<std::string> ips;
  std::vector<std::size_t> contacts;
  std::size_t group_parent = npos;  // index of the group company, or npos
  boost::json::object attributes;   // CompanyV1 attributes
  boost::json::object summary;      // CompanySummaryV1 attributes

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

struct contact_rec {
  std::string id;
  std::size_t company = 0;
  std::string full_name_lower;  // "first last"
  std::string title_lower;      // the job title
  std::vector<std::string> emails_lower;
  std::vector<std::string> departments;
  std::string hierarchy_level;
  std::string affiliation;
  std::string country_code;
  boost::json::object attributes;  // ContactV1 attributes without custom_fields (per account)
};

struct visit_rec {
  std::string id;
  std::size_t company = 0;
  std::size_t city = 0;  // where the visit came from
  std::int64_t started_at = 0;
  std::int64_t day = 0;
  boost::json::object attributes;  // WebVisitV1 attributes
};

struct filter_item {
  std::string search_value;
  std::string display_value;
  bool negated = false;
};

struct persona_rec {
  std::string id;
  std::string name;
  std::string created_at;
  // department, job_title, location, seniority
  std::vector<std::pair<std::string, std::vector<filter_item>>> filters;
};

struct icp_rec {
  std::string id;
  std::string name;
  std::string created_at;
  std::string updated_at;
  std::vector<std::string> country_codes;
  std::vector<std::string> employee_ranges;
  std::vector<std::string> industry_codes;
};

struct user_rec {
  std::string id;
  std::string email;
  std::string first_name;
  std::string last_name;
  std::string team_role;
  std::vector<std::string> account_ids;  // the accounts this user (and so the key) can reach
};

struct account_seed {
  std::string id;
  std::string name;
  std::int64_t credits_available = 0;
  std::int64_t credits_used = 0;
  std::size_t visit_count = 0;
};

struct dataset {
  std::vector<company_rec> companies;
  std::unordered_map<std::string, std::size_t> company_by_id;  // current and previous ids
  std::unordered_map<std::string, std::size_t> company_by_ip;
  std::vector<contact_rec> contacts;
  std::unordered_map<std::string, std::size_t> contact_by_id;
  std::vector<account_seed> accounts;
  std::vector<std::vector<visit_rec>> visits;  // per account (same order), newest first
  std::vector<persona_rec> personas;
  std::vector<icp_rec> icps;
  std::vector<user_rec> users;
};

/// Builds the whole data set; the same seed always gives the same data.
dataset generate_dataset(std::uint64_t seed);

bool persona_matches(persona_rec const& persona, contact_rec const& contact);
bool icp_matches(icp_rec const& icp, company_rec const& company);

}  // namespace lfsim
