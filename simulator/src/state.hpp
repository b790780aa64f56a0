// SPDX-License-Identifier: MIT
// leadfeeder-simulator: what requests can change, per account (lists and their members, tags and
// their companies, custom feeds and folders, custom fields, credits, usage counts).
#pragma once

#include "dataset.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace lfsim {

struct list_rec {
  std::string id;  // "company_123" / "contact_125"
  std::string name;
  std::string scope;  // "company" or "contact"
  std::string created_at;
  std::string updated_at;
  std::string created_by;         // user id
  std::set<std::size_t> members;  // company or contact indices, by scope
};

struct tag_rec {
  std::string id;
  std::string name;
  std::int64_t color = 0;
  std::set<std::size_t> companies;
};

struct folder_rec {
  std::string id;  // UUID-like
  std::string name;
  std::string created_at;
};

struct feed_rec {
  std::string id;                  // UUID-like
  boost::json::object attributes;  // name, filters, folder_id, connected_list_id, ... as sent
};

struct field_rec {
  std::string id;
  boost::json::object attributes;  // key, name, type, ... as sent
};

struct account_state {
  std::size_t index = 0;  // into dataset::accounts and dataset::visits
  std::string id;
  std::string name;
  std::int64_t credits_available = 0;
  std::int64_t credits_used = 0;
  std::unordered_set<std::size_t> unlocked_contacts;
  std::unordered_set<std::size_t> unlocked_companies;
  std::vector<list_rec> lists;  // in creation order
  std::vector<tag_rec> tags;
  std::vector<folder_rec> folders;
  std::vector<feed_rec> feeds;
  std::vector<field_rec> fields;
  std::map<std::string, std::uint64_t> usage;  // operation id -> requests in the current month

  list_rec* find_list(std::string_view id);
  list_rec const* find_list(std::string_view id) const;
  folder_rec const* find_folder(std::string_view id) const;
  tag_rec* find_tag(std::string_view id);
  folder_rec* find_folder(std::string_view id);
  feed_rec* find_feed(std::string_view id);
  field_rec* find_field(std::string_view id);
};

struct state {
  std::vector<account_state> accounts;
  std::uint64_t next_list_number = 130;
  std::uint64_t next_tag_id = 9006;
  std::uint64_t next_field_id = 8004;
  std::uint64_t uuid_counter = 0;
  std::uint64_t seed = 1;

  account_state* find_account(std::string_view id);
  std::string next_uuid();
};

/// The initial state for the data set: a few lists, tags, feeds, folders and fields per account.
state seed_state(dataset const& data, std::uint64_t seed);

}  // namespace lfsim
