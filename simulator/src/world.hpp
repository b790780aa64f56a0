// SPDX-License-Identifier: MIT
// leadfeeder-simulator: everything the simulator knows and keeps: the data set generated from the
// seed, the per-account state requests change (state.hpp), company signals, jobs and campaigns,
// and the lookups and credit rule every handler shares.
#pragma once

#include "dataset.hpp"
#include "description.hpp"
#include "request.hpp"
#include "state.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

namespace lfsim {

struct signal_rec {
  std::string id;
  std::size_t company = 0;
  std::string type;
  std::string title;
  std::int64_t day = 0;
};

/// A company enrichment job or a find-contact-data job: it progresses with time once created.
struct job_rec {
  std::string id;
  std::string kind;        // "company_enrichment" or "contact_data"
  std::string account_id;  // the account that created it
  std::int64_t total = 0;
  std::int64_t credits = 0;
  std::chrono::steady_clock::time_point created;
};

/// A campaign of an account (seeded, fields the simulator's own).
struct campaign_rec {
  std::string id;
  std::string name;
  std::string status;
  std::string list_id;
  std::string created_at;
};

struct world {
  world(std::uint64_t seed, description const& served);

  std::uint64_t seed;
  description const* desc;  // the description being served
  dataset data;
  state st;
  std::vector<signal_rec> signals;                             // newest first
  std::vector<std::vector<std::string>> name_index;            // per company: name tokens for matching
  std::map<std::string, job_rec> jobs;                         // by job id
  std::map<std::string, std::vector<campaign_rec>> campaigns;  // by account id, seeded on first use
  std::uint64_t next_job = 1;

  /// The index of a company (or contact) id; a 404 naming it when there is none.
  std::size_t company_index(std::string const& id) const;
  std::size_t contact_index(std::string const& id) const;
  /// The account `id`, which the request's user must reach (404 unknown, 403 not reachable).
  account_state& resolve_account(request_ctx const& c, std::string const& id);
  /// Charges 1 credit per record not unlocked yet and unlocks them; 403 insufficient_credits when
  /// the account has fewer left. Returns the credits charged.
  std::int64_t charge(account_state& a, std::unordered_set<std::size_t>& unlocked,
                      std::vector<std::size_t> const& records);
  /// The campaigns of an account, seeded on first use.
  std::vector<campaign_rec>& campaigns_of(account_state const& a);
};

/// The time of a change made by request number `sequence` (the simulator's clock starts at "now").
std::string sim_time(std::uint64_t sequence);

}  // namespace lfsim
