// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the world's seeding, lookups and credits (see world.hpp).
#include "world.hpp"

#include "util.hpp"

#include <algorithm>
#include <set>

namespace lfsim {

world::world(std::uint64_t s, description const& served) : seed(s), desc(&served) {
  data = generate_dataset(seed);
  st = seed_state(data, seed);
  name_index.reserve(data.companies.size());
  for (auto const& c : data.companies) name_index.push_back(name_tokens(c.name));

  // Company signals (companies.search_signals): a few per company, deterministic from the seed.
  static char const* const kinds[] = {"job_ads", "investment_activity", "industry_recognition", "business_expansion",
                                      "product_and_service_development"};
  for (std::size_t i = 0; i < data.companies.size(); ++i) {
    std::uint64_t const h = mix64(seed ^ 0x5167ULL ^ (i * 0x9e3779b97f4a7c15ULL));
    std::size_t const count = static_cast<std::size_t>(h % 3);
    company_rec const& company = data.companies[i];
    for (std::size_t k = 0; k < count; ++k) {
      std::uint64_t const hk = mix64(h + k);
      signal_rec sig;
      sig.id = std::to_string(40000000 + i * 10 + k);
      sig.company = i;
      sig.type = kinds[hk % 5];
      sig.day = now_day() - 1 - static_cast<std::int64_t>((hk >> 8) % 180);
      if (sig.type == "job_ads") {
        sig.title = company.name + " is hiring for " + std::to_string(2 + (hk >> 20) % 30) + " open positions";
      } else if (sig.type == "investment_activity") {
        sig.title = company.name + " announced a funding round";
      } else if (sig.type == "industry_recognition") {
        sig.title = company.name + " was mentioned in the news";
      } else if (sig.type == "business_expansion") {
        sig.title = company.name + " opened a new office in " + cities()[(hk >> 24) % cities().size()].city;
      } else {
        sig.title = company.name + " started using a new CRM";
      }
      signals.push_back(std::move(sig));
    }
  }
  std::sort(signals.begin(), signals.end(),
            [](signal_rec const& a, signal_rec const& b) { return a.day != b.day ? a.day > b.day : a.id < b.id; });
}

std::size_t world::company_index(std::string const& id) const {
  auto const it = data.company_by_id.find(id);
  if (it == data.company_by_id.end()) not_found("Company '" + id + "' not found.");
  return it->second;
}

std::size_t world::contact_index(std::string const& id) const {
  auto const it = data.contact_by_id.find(id);
  if (it == data.contact_by_id.end()) not_found("Contact '" + id + "' not found.");
  return it->second;
}

account_state& world::resolve_account(request_ctx const& c, std::string const& id) {
  account_state* a = st.find_account(id);
  if (a == nullptr) not_found("Account '" + id + "' not found.");
  auto const& reachable = c.user->account_ids;
  if (std::find(reachable.begin(), reachable.end(), id) == reachable.end()) {
    fail(403, "forbidden", "Forbidden", "The API key's user has no access to account '" + id + "'.");
  }
  return *a;
}

std::int64_t world::charge(account_state& a, std::unordered_set<std::size_t>& unlocked,
                           std::vector<std::size_t> const& records) {
  std::set<std::size_t> fresh;
  for (std::size_t r : records) {
    if (unlocked.count(r) == 0) fresh.insert(r);
  }
  auto const needed = static_cast<std::int64_t>(fresh.size());
  std::int64_t const remaining = a.credits_available - a.credits_used;
  if (needed > remaining) {
    fail(403, "insufficient_credits", "Insufficient credits",
         "This request needs " + std::to_string(needed) + " credit(s); account '" + a.id + "' has " +
             std::to_string(remaining) + " remaining.");
  }
  unlocked.insert(fresh.begin(), fresh.end());
  a.credits_used += needed;
  return needed;
}

std::vector<campaign_rec>& world::campaigns_of(account_state const& a) {
  auto it = campaigns.find(a.id);
  if (it != campaigns.end()) return it->second;
  std::vector<campaign_rec> seeded;
  static char const* const names[] = {"Spring outreach", "Trade fair follow-up", "Returning visitors"};
  for (std::size_t i = 0; i < 3; ++i) {
    campaign_rec k;
    k.id = "cmp_" + std::to_string(a.index * 10 + i + 1);
    k.name = names[i];
    k.status = i == 2 ? "paused" : "active";
    if (i < a.lists.size()) k.list_id = a.lists[i].id;
    k.created_at = format_date(now_day() - 90 + static_cast<std::int64_t>(i) * 20) + "T09:00:00Z";
    seeded.push_back(std::move(k));
  }
  return campaigns.emplace(a.id, std::move(seeded)).first->second;
}

std::string sim_time(std::uint64_t sequence) {
  return format_datetime(now_epoch() + static_cast<std::int64_t>(sequence));
}

}  // namespace lfsim
