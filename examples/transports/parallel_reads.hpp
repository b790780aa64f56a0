// SPDX-License-Identifier: MIT
// Several calls in flight for bulk reads: N clients (over the libcurl transport, or any
// synchronous one), each on a thread of its own, take the next id of a list until none is left.
// Give the clients one lf::shared_rate_limit (client_options::shared_limit) so that together they
// stay under the key's limit; with ~300 ms per call, about four in flight are enough to use all
// 10 requests a second. Copy it into your project.
//
//   auto limit = std::make_shared<lf::shared_rate_limit>();
//   std::vector<lf::client<example::curl_transport>> clients;
//   for (int i = 0; i < 4; ++i) {
//     lf::client_options o; o.api_key = key; o.shared_limit = limit;
//     clients.emplace_back(example::curl_transport{}, o);
//   }
//   auto answers = example::read_all(clients, ids, [&](std::string const& id) {
//     return lf::contacts::get().account_id(account).contact_id(id);
//   });
//   // answers[i] is the result for ids[i], each id asked exactly once.
#pragma once

#include <leadfeeder/leadfeeder.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace example {

/// Sends make(ids[i]) for every i through `clients`, as many calls in flight as there are clients
/// (one thread each; the calling thread waits), and returns the results in the order of `ids`:
/// exactly one per id, whether it succeeded or failed. `call` (a deadline, a cancellation token)
/// applies to every call; once cancelled or past the deadline, the ids left get that error
/// unsent. Each client is used by one thread only, as clients require; `make` is called from
/// several threads at once and must allow it.
template <class Client, class MakeBuilder>
auto read_all(std::vector<Client>& clients, std::vector<std::string> const& ids, MakeBuilder const& make,
              leadfeeder::call_options const& call = {})
    -> std::vector<decltype(std::declval<Client&>().send(make(ids.front()), call))> {
  using result_type = decltype(std::declval<Client&>().send(make(ids.front()), call));
  std::vector<std::optional<result_type>> slots(ids.size());
  std::atomic<std::size_t> next{0};
  auto work = [&](Client& client) {
    for (std::size_t i = next.fetch_add(1); i < ids.size(); i = next.fetch_add(1)) {
      slots[i].emplace(client.send(make(ids[i]), call));
    }
  };
  std::size_t const workers = std::min(clients.size(), ids.size());
  if (workers <= 1) {
    if (!ids.empty() && !clients.empty()) work(clients.front());
  } else {
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work, std::ref(clients[w]));
    work(clients.front());  // the calling thread is one of the workers
    for (std::thread& t : pool) t.join();
  }
  std::vector<result_type> out;
  out.reserve(ids.size());
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (slots[i]) {
      out.push_back(std::move(*slots[i]));
    } else {  // only without clients
      out.push_back(result_type(leadfeeder::error(leadfeeder::errc::invalid_argument, "read_all: no client")));
    }
  }
  return out;
}

}  // namespace example
