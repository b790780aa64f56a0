// SPDX-License-Identifier: MIT
// A find-contact-data job from start to end (docs/api-reference.md, 3.13.7): estimate it (free), ask before
// spending, create it (it always charges credits), then poll its status until it ends, waiting with
// the client's own time source (client_options::time), so that a test or a game loop that replaces
// the clock replaces this wait too. The credit budget caps what the job may cost: the client refuses
// the create, unsent, once the budget is spent (errc::budget_exhausted), and never the estimate.
//
//   leadfeeder_contact_data_job --base-url http://127.0.0.1:8080 --key KEY --account 123456
//                               [--contacts ID,ID,...] [--max-credits N] [--yes]
//
// Without --contacts it takes the first five contacts of a (free) contact search. Without --yes it
// asks on standard input before creating the job. Runs against the simulator (simulator/).
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>

#include <curl_transport.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lf = leadfeeder;

namespace {

struct arguments {
  std::string base_url = "https://api.leadfeeder.com";
  std::string key;
  std::string account;
  std::vector<std::string> contacts;
  std::optional<std::int64_t> max_credits;
  bool yes = false;
};

std::vector<std::string> split_ids(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    std::size_t const comma = text.find(',');
    std::string_view const part = text.substr(0, comma);
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::optional<arguments> parse(int argc, char** argv) {
  arguments a;
  for (int i = 1; i < argc; ++i) {
    std::string_view const flag = argv[i];
    bool const has_value = i + 1 < argc;
    if (flag == "--yes") {
      a.yes = true;
    } else if (flag == "--base-url" && has_value) {
      a.base_url = argv[++i];
    } else if (flag == "--key" && has_value) {
      a.key = argv[++i];
    } else if (flag == "--account" && has_value) {
      a.account = argv[++i];
    } else if (flag == "--contacts" && has_value) {
      a.contacts = split_ids(argv[++i]);
    } else if (flag == "--max-credits" && has_value) {
      char* end = nullptr;
      long long const n = std::strtoll(argv[++i], &end, 10);
      if (end == nullptr || *end != '\0' || n < 0) return std::nullopt;
      a.max_credits = n;
    } else {
      return std::nullopt;
    }
  }
  if (a.key.empty() || a.account.empty()) return std::nullopt;
  return a;
}

int report(lf::error const& e) {
  std::fprintf(stderr, "error: %s (HTTP %d%s%s)\n", e.message.c_str(), e.http_status, e.api_code.empty() ? "" : ", ",
               e.api_code.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<arguments> const args = parse(argc, argv);
  if (!args) {
    std::fprintf(stderr,
                 "usage: leadfeeder_contact_data_job --base-url URL --key KEY --account ID "
                 "[--contacts ID,ID,...] [--max-credits N] [--yes]\n");
    return 2;
  }
  lf::client_options options;
  options.base_url = args->base_url;
  options.api_key = args->key;
  options.credit_budget = args->max_credits;  // unset: no budget
  lf::client<example::curl_transport> client{example::curl_transport{}, options};

  // The contacts: given, or the first five of a contact search (searches are free).
  std::vector<std::string> contacts = args->contacts;
  if (contacts.empty()) {
    for (auto const& c : lf::items(client, lf::contacts::search().account_id(args->account).page_size<5>())) {
      if (!c) return report(c.error());
      contacts.emplace_back(c->id());
      if (contacts.size() == 5) break;
    }
  }
  if (contacts.empty()) {
    std::printf("no contacts to look up\n");
    return 0;
  }

  // 1. The estimate: free, whatever the budget.
  auto estimate =
      client.send(lf::contacts::estimate_contact_data_job().account_id(args->account).contact_ids(contacts));
  if (!estimate) return report(estimate.error());
  std::int64_t const credits = estimate->data().credits();
  std::printf("estimate: %lld of %zu contacts eligible, %lld credits (this call charged %lld)\n",
              static_cast<long long>(estimate->data().eligible_count()), contacts.size(),
              static_cast<long long>(credits), static_cast<long long>(estimate->meta().credits().charged()));
  if (args->max_credits && credits > *args->max_credits) {
    std::printf("the job would cost more than --max-credits %lld: not created\n",
                static_cast<long long>(*args->max_credits));
    return 0;
  }

  // 2. Ask before spending.
  if (!args->yes) {
    std::printf("create the job for %lld credits? [y/N] ", static_cast<long long>(credits));
    std::fflush(stdout);
    std::string answer;
    std::getline(std::cin, answer);
    if (answer != "y" && answer != "Y" && answer != "yes") {
      std::printf("not created\n");
      return 0;
    }
  }

  // 3. Create: always charges (the budget applies to this call, not to the estimate or the polls).
  auto job = client.send(lf::contacts::create_contact_data_job().account_id(args->account).contact_ids(contacts));
  if (!job) return report(job.error());
  std::string const job_id(job->data().id());
  std::printf("created job %s: charged %lld credits, %lld spent by this client\n", job_id.c_str(),
              static_cast<long long>(job->meta().credits().charged()), static_cast<long long>(client.credits_spent()));

  // 4. Poll until the job ends, waiting with the client's time source; give up after two minutes.
  lf::time_source const& time = client.options().time;
  lf::clock_type::time_point const deadline = time.now() + std::chrono::minutes(2);
  for (;;) {
    auto status = client.send(lf::contacts::get_contact_data_job().account_id(args->account).job_id(job_id));
    if (!status) return report(status.error());
    lf::job_view const j = status->data();
    std::printf("  %s: %lld/%lld contacts, %lld credits used\n", std::string(j.status()).c_str(),
                static_cast<long long>(j.processed_count()), static_cast<long long>(j.total_count()),
                static_cast<long long>(j.credits_used()));
    if (j.status() == "finished" || j.status() == "failed") {
      std::printf("job %s %s\n", job_id.c_str(), std::string(j.status()).c_str());
      return j.status() == "finished" ? 0 : 1;
    }
    if (time.now() >= deadline) {
      std::printf("job %s still %s after two minutes; read it later with contacts.get_contact_data_job\n",
                  job_id.c_str(), std::string(j.status()).c_str());
      return 1;
    }
    time.sleep(std::chrono::milliseconds(100));
  }
}
