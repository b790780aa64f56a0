// SPDX-License-Identifier: MIT
// The command-line example (examples/cli), `leadfeeder export` (issue #13): every page of a search
// or every id of a list to NDJSON or CSV, a resume after an interruption that reads no page twice,
// --ids-from with 4 calls in flight keeping the order of the ids, and Ctrl-C (the flag main.cpp's
// SIGINT handler sets). Over a small fake API behind a thread-safe transport.
#include <doctest/doctest.h>
#include <leadfeeder/leadfeeder.hpp>

#include "../cli.hpp"
#include "cli_test_support.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

namespace lf = leadfeeder;

namespace {

using cli_test::contains;

// The fake API: contacts.search (5 pages of 3, cursors p2..p5), companies.retrieve (ids ending in 7
// are unknown; the others answered in reverse order, the first chunk slowest) and web_visits.search
// (3 pages of 2). Every request is recorded.
struct fake_api_state {
  std::mutex mutex;
  std::condition_variable arrived;
  std::vector<std::string> targets;
  int in_flight = 0;
  int max_in_flight = 0;
  std::function<void(std::size_t)> after_request;  // called with the number of requests answered so far
  std::size_t answered = 0;
  int fail_retrieve_at = -1;  // the retrieve call (0-based) that answers 500
  int retrieves = 0;
};

std::string query_value(std::string_view target, std::string_view key) {
  std::size_t const at = target.find(key);
  if (at == std::string_view::npos) return {};
  std::size_t const end = target.find('&', at);
  return std::string(target.substr(at + key.size(),
                                   end == std::string_view::npos ? std::string_view::npos : end - at - key.size()));
}

struct fake_api {
  std::shared_ptr<fake_api_state> s = std::make_shared<fake_api_state>();

  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    std::string_view url = req.url;
    std::string const target(url.substr(url.find('/', url.find("://") + 3)));
    int call = 0;
    {
      std::unique_lock<std::mutex> lock(s->mutex);
      s->targets.push_back(target);
      ++s->in_flight;
      s->max_in_flight = std::max(s->max_in_flight, s->in_flight);
      s->arrived.notify_all();
      if (target.rfind("/v1/companies?", 0) == 0) {
        call = s->retrieves++;
        // The first call waits for a second one to be in flight (up to 2 s): with N clients they
        // overlap for sure, and the later chunks are answered first.
        if (call == 0) s->arrived.wait_for(lock, std::chrono::seconds(2), [&] { return s->in_flight >= 2; });
      }
    }
    res.status = 200;
    if (target.rfind("/v1/contacts/search", 0) == 0) {
      std::string const cursor = query_value(target, "page%5Bcursor%5D=");
      int const page = cursor.empty() ? 1 : std::atoi(cursor.c_str() + 1);
      res.body = R"({"data":[)";
      for (int i = 1; i <= 3; ++i) {
        std::string const id = std::to_string(page * 10 + i);
        res.body += (i == 1 ? "" : ",") + std::string(R"({"type":"contact_summary","id":")") + id +
                    R"(","attributes":{"first_name":"F)" + id +
                    R"(","last_name":"Doe, Jr.","position":{"title":"CTO"},)"
                    R"("emails":[{"address":"a)" +
                    id +
                    R"(@x.example"},{"address":"b@x.example"}]},)"
                    R"("relationships":{"company":{"id":"c)" +
                    id + R"("}}})";
      }
      res.body += R"(],"meta":{"pagination":{"next_cursor":)" +
                  (page < 5 ? "\"p" + std::to_string(page + 1) + "\"" : std::string("null")) + "}}}";
    } else if (target.rfind("/v1/companies?", 0) == 0) {
      std::string const list = query_value(target, "ids=");
      std::vector<std::string> ids;
      for (std::size_t b = 0; b <= list.size();) {
        std::size_t const comma = std::min(list.find(',', b), list.size());
        ids.push_back(list.substr(b, comma - b));
        b = comma + 1;
      }
      bool fail = false;
      {
        std::lock_guard<std::mutex> lock(s->mutex);
        fail = call == s->fail_retrieve_at;
      }
      if (fail) {
        res.status = 500;
        res.body = R"({"code":"internal","message":"boom"})";
      } else {
        res.body = R"({"data":[)";
        bool first = true;
        for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
          if (it->back() == '7') continue;
          res.body += (first ? "" : ",") + std::string(R"({"type":"company","id":")") + *it +
                      R"(","attributes":{"name":"Co )" + *it + R"(","address":{"city":"Oulu","country_code":"FI"}}})";
          first = false;
        }
        res.body += R"(],"meta":{"credits":{"charged":2}}})";
      }
    } else if (target.rfind("/v1/web-visits", 0) == 0) {
      std::string const num = query_value(target, "page%5Bnum%5D=");
      int const page = num.empty() ? 1 : std::atoi(num.c_str());
      res.body = R"({"data":[)";
      for (int i = 1; i <= 2; ++i) {
        std::string const id = "v" + std::to_string(page * 10 + i);
        res.body +=
            (i == 1 ? "" : ",") + std::string(R"({"type":"web_visit","id":")") + id +
            R"(","attributes":{"started_at":"2026-01-05T10:00:00Z","page_depth":3},)"
            R"("relationships":{"company":{"id":"129011"},"location":{"attributes":{"city":"Helsinki","country_code":"FI"}}}})";
      }
      res.body += R"(],"meta":{"pagination":{"page_num":)" + std::to_string(page) + R"(,"page_count":3}}})";
    } else {
      res.status = 404;
      res.body = R"({"code":"not_found"})";
    }
    std::size_t count = 0;
    std::function<void(std::size_t)> after;
    {
      std::lock_guard<std::mutex> lock(s->mutex);
      --s->in_flight;
      count = ++s->answered;
      after = s->after_request;
    }
    if (after) after(count);
    return {};
  }
};

struct exporter {
  fake_api api;
  lf::client<fake_api> client;
  std::ostringstream out;
  std::ostringstream err;
  std::atomic<bool> interrupted{false};
  std::string dir;

  exporter() : api(), client(api, options()) {
    char name[] = "/tmp/leadfeeder_export_test_XXXXXX";
    REQUIRE(::mkdtemp(name) != nullptr);
    dir = name;
  }
  ~exporter() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }

  static lf::client_options options() {
    lf::client_options o;
    o.api_key = "key";
    return o;
  }

  std::string path(std::string const& name) const { return dir + "/" + name; }

  int run(std::vector<std::string> const& args, bool parallel_clients = true) {
    out.str("");
    err.str("");
    leadfeeder_cli::environment<fake_api> env;
    env.interrupted = &interrupted;
    if (parallel_clients) {
      std::shared_ptr<fake_api_state> const shared = api.s;
      env.make_transport = [shared] {
        fake_api a;
        a.s = shared;
        return a;
      };
    }
    return leadfeeder_cli::run_cli(args, client, out, err, env);
  }

  std::vector<std::string> targets() const {
    std::lock_guard<std::mutex> lock(api.s->mutex);
    return api.s->targets;
  }
};

std::string read_file(std::string const& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(std::string const& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The "id" member of each NDJSON line.
std::vector<std::string> ids_of(std::string const& ndjson) {
  std::vector<std::string> ids;
  for (std::string const& line : lines_of(ndjson)) {
    boost::json::value const v = boost::json::parse(line);
    ids.emplace_back(v.at("id").as_string());
  }
  return ids;
}

std::vector<std::string> contact_ids_all() {
  std::vector<std::string> ids;
  for (int page = 1; page <= 5; ++page) {
    for (int i = 1; i <= 3; ++i) ids.push_back(std::to_string(page * 10 + i));
  }
  return ids;
}

}  // namespace

TEST_CASE("cli export: contacts of a search, every page once, to NDJSON") {
  exporter t;
  std::string const out = t.path("contacts.ndjson");
  CHECK(t.run({"export", "contacts", "--account", "9", "--term", "cto", "--out", out}) == 0);
  std::vector<std::string> const targets = t.targets();
  REQUIRE(targets.size() == 5);
  CHECK(targets[0] == "/v1/contacts/search?account_id=9&page%5Bsize%5D=100");
  CHECK(targets[1] == "/v1/contacts/search?account_id=9&page%5Bcursor%5D=p2&page%5Bsize%5D=100");
  CHECK(targets[4] == "/v1/contacts/search?account_id=9&page%5Bcursor%5D=p5&page%5Bsize%5D=100");
  std::string const text = read_file(out);
  CHECK(ids_of(text) == contact_ids_all());
  // Each line is the record's whole JSON object.
  CHECK(lines_of(text)[0].rfind(R"({"type":"contact_summary","id":"11","attributes":{"first_name":"F11")", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(out + ".export-state"));  // removed once finished
  CHECK(t.out.str() == "exported 15 records (5 pages, 5 requests, 0 credits) to " + out + "\n");
  // Not a terminal: plain lines, the last with the totals.
  CHECK(contains(t.err.str(), "items 3, pages 1,"));
  CHECK(contains(t.err.str(), "items 15, pages 5,"));
  CHECK(contains(t.err.str(), " in all\n"));
  CHECK_FALSE(contains(t.err.str(), "\r"));
}

TEST_CASE("cli export: companies of --ids-from to CSV, quoted where needed") {
  exporter t;
  std::string const ids = t.path("ids.txt");
  std::ofstream(ids) << "# companies\n5\n\n  6  \n7\n5\n";
  std::string const out = t.path("companies.csv");
  CHECK(t.run({"export", "companies", "--ids-from", ids, "--format", "csv", "--out", out, "--account", "9"}, false) ==
        0);
  REQUIRE(t.targets().size() == 1);
  CHECK(t.targets()[0] == "/v1/companies?ids=5,6,7&account_id=9");
  CHECK(read_file(out) ==
        "id,name,url,employee_range,city,country_code\n"
        "5,Co 5,,,Oulu,FI\n"
        "6,Co 6,,,Oulu,FI\n");  // 7 is unknown to the API
  CHECK(t.out.str() == "exported 2 records (1 pages, 1 requests, 2 credits) to " + out + "\n");
}

TEST_CASE("cli export: contacts to CSV quote commas and quotes; web visits walk the page numbers") {
  exporter t;
  std::string const csv = t.path("contacts.csv");
  CHECK(t.run({"export", "contacts", "--account", "9", "--format", "csv", "--page-size", "3", "--out", csv}) == 0);
  std::vector<std::string> const rows = lines_of(read_file(csv));
  REQUIRE(rows.size() == 16);
  CHECK(rows[0] == "id,first_name,last_name,position,company_id,emails");
  CHECK(rows[1] == "11,F11,\"Doe, Jr.\",CTO,c11,a11@x.example;b@x.example");
  CHECK(t.targets()[0] == "/v1/contacts/search?account_id=9&page%5Bsize%5D=3");

  std::string const visits = t.path("visits.csv");
  CHECK(t.run({"export", "web-visits", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "csv", "--out", visits,
               "--account", "9"}) == 0);
  std::vector<std::string> const targets = t.targets();
  REQUIRE(targets.size() == 5 + 3);
  CHECK(targets[5] == "/v1/web-visits?account_id=9&page%5Bnum%5D=1&page%5Bsize%5D=100");
  CHECK(targets[7] == "/v1/web-visits?account_id=9&page%5Bnum%5D=3&page%5Bsize%5D=100");
  CHECK(read_file(visits) ==
        "id,started_at,company_id,city,country_code,page_depth,visit_length,source,medium,landing_page_path\n"
        "v11,2026-01-05T10:00:00Z,129011,Helsinki,FI,3,,,,\n"
        "v12,2026-01-05T10:00:00Z,129011,Helsinki,FI,3,,,,\n"
        "v21,2026-01-05T10:00:00Z,129011,Helsinki,FI,3,,,,\n"
        "v22,2026-01-05T10:00:00Z,129011,Helsinki,FI,3,,,,\n"
        "v31,2026-01-05T10:00:00Z,129011,Helsinki,FI,3,,,,\n"
        "v32,2026-01-05T10:00:00Z,129011,Helsinki,FI,3,,,,\n");
  CHECK(contains(t.err.str(), "pages 1 of 3"));
}

TEST_CASE("cli export: Ctrl-C stops between pages; --resume reads no page twice and completes the file") {
  exporter t;
  std::string const out = t.path("contacts.ndjson");
  t.api.s->after_request = [&t](std::size_t n) {
    if (n == 2) t.interrupted = true;  // Ctrl-C while the second page is read
  };
  CHECK(t.run({"export", "contacts", "--account", "9", "--out", out}) == 130);
  CHECK(t.targets().size() == 2);
  CHECK(contains(t.err.str(), "interrupted: " + out + " holds 6 records; the same command with --resume goes on"));
  CHECK(ids_of(read_file(out)).size() == 6);  // both pages read are written, whole
  std::string const state = read_file(out + ".export-state");
  CHECK(contains(state, "\ncursor p3\n"));
  CHECK(contains(state, "\nitems 6\n"));

  // Without --resume the interrupted export is not overwritten.
  t.interrupted = false;
  t.api.s->after_request = nullptr;
  CHECK(t.run({"export", "contacts", "--account", "9", "--out", out}) == 2);
  CHECK(contains(t.err.str(), "is an interrupted export: --resume goes on with it"));
  // A resume of another export is refused.
  CHECK(t.run({"export", "contacts", "--account", "9", "--term", "ceo", "--out", out, "--resume"}) == 2);
  CHECK(contains(t.err.str(), "is another one"));
  CHECK(t.targets().size() == 2);

  // A crash after the last page left half a line: the resume drops it.
  std::ofstream(out, std::ios::app) << R"({"type":"contact_summary","id":"99","attr)";
  CHECK(t.run({"export", "contacts", "--account", "9", "--out", out, "--resume"}) == 0);
  std::vector<std::string> const targets = t.targets();
  REQUIRE(targets.size() == 5);  // pages 1 and 2 before, 3 to 5 now: each once
  std::set<std::string> const distinct(targets.begin(), targets.end());
  CHECK(distinct.size() == 5);
  CHECK(targets[2] == "/v1/contacts/search?account_id=9&page%5Bcursor%5D=p3&page%5Bsize%5D=100");
  CHECK(ids_of(read_file(out)) == contact_ids_all());
  CHECK(t.out.str() == "exported 15 records (5 pages, 5 requests, 0 credits) to " + out + "\n");
  CHECK_FALSE(std::filesystem::exists(out + ".export-state"));
  CHECK(t.run({"export", "contacts", "--account", "9", "--out", out, "--resume"}) == 2);
  CHECK(contains(t.err.str(), "there is no interrupted export of '" + out + "' to resume"));
}

TEST_CASE("cli export: --ids-from with 4 calls in flight writes the records in the order of the ids, each once") {
  exporter t;
  // 1,000 distinct ids in a scrambled order, and some repeated: 10 chunks of 100.
  std::vector<std::string> ids;
  for (int i = 0; i < 1000; ++i) ids.push_back(std::to_string(100000 + (i * 7919) % 1000));
  std::string text;
  for (std::string const& id : ids) text += id + "\n";
  for (int i = 0; i < 50; ++i) text += ids[static_cast<std::size_t>(i * 13)] + "\n";
  std::string const list = t.path("ids.txt");
  std::ofstream(list) << text;
  std::string const out = t.path("companies.ndjson");
  CHECK(t.run({"export", "companies", "--ids-from", list, "--parallel", "4", "--out", out, "--account", "9"}) == 0);
  CHECK(t.targets().size() == 10);
  CHECK(t.api.s->max_in_flight >= 2);
  std::vector<std::string> expected;
  for (std::string const& id : ids) {
    if (id.back() != '7') expected.push_back(id);
  }
  CHECK(ids_of(read_file(out)) == expected);
  CHECK(contains(t.out.str(), "exported 900 records (10 pages, 10 requests, 20 credits)"));
  CHECK(contains(t.err.str(), "ids 1000 of 1000,"));
}

TEST_CASE("cli export: Ctrl-C during --ids-from lets the calls in flight finish, and --resume asks each chunk once") {
  exporter t;
  std::string text;
  for (int i = 0; i < 1000; ++i) text += std::to_string(500000 + i) + "\n";
  std::string const list = t.path("ids.txt");
  std::ofstream(list) << text;
  std::string const out = t.path("companies.ndjson");
  t.api.s->after_request = [&t](std::size_t n) {
    if (n >= 3) t.interrupted = true;  // at most 4 in flight then: 7 chunks of 10 asked at most
  };
  CHECK(t.run({"export", "companies", "--ids-from", list, "--parallel", "4", "--out", out, "--account", "9"}) == 130);
  std::size_t const first_run = t.targets().size();
  CHECK(first_run >= 3);
  CHECK(first_run < 10);
  std::vector<std::string> const written = ids_of(read_file(out));
  CHECK(written.size() == first_run * 90);  // every chunk asked is written, in order
  CHECK(written.front() == "500000");

  t.interrupted = false;
  t.api.s->after_request = nullptr;
  CHECK(t.run({"export", "companies", "--ids-from", list, "--parallel", "4", "--out", out, "--account", "9",
               "--resume"}) == 0);
  std::vector<std::string> const targets = t.targets();
  CHECK(targets.size() == 10);
  std::set<std::string> const distinct(targets.begin(), targets.end());
  CHECK(distinct.size() == 10);  // no chunk asked twice
  std::vector<std::string> expected;
  for (int i = 0; i < 1000; ++i) {
    std::string const id = std::to_string(500000 + i);
    if (id.back() != '7') expected.push_back(id);
  }
  CHECK(ids_of(read_file(out)) == expected);
}

TEST_CASE("cli export: a failed chunk stops the export with exit 3; --resume goes on from that chunk") {
  exporter t;
  std::string text;
  for (int i = 0; i < 300; ++i) text += std::to_string(700000 + i) + "\n";
  std::string const list = t.path("ids.txt");
  std::ofstream(list) << text;
  std::string const out = t.path("companies.ndjson");
  t.api.s->fail_retrieve_at = 1;  // the second call answers 500
  CHECK(t.run({"export", "companies", "--ids-from", list, "--parallel", "1", "--out", out, "--account", "9"}) == 3);
  CHECK(contains(t.err.str(), "error: server error (HTTP 500, internal): boom"));
  CHECK(contains(t.err.str(), "holds 90 records; the same command with --resume goes on"));
  CHECK(ids_of(read_file(out)).size() == 90);
  CHECK(t.targets().size() == 2);

  t.api.s->fail_retrieve_at = -1;
  CHECK(t.run({"export", "companies", "--ids-from", list, "--out", out, "--account", "9", "--resume"}) == 0);
  std::vector<std::string> const targets = t.targets();
  REQUIRE(targets.size() == 4);
  // The failed chunk again, and the one after it (4 in flight: in either order).
  CHECK(contains(targets[2] + targets[3], "ids=700100,"));
  CHECK(contains(targets[2] + targets[3], "ids=700200,"));
  CHECK(ids_of(read_file(out)).size() == 270);
}

TEST_CASE("cli export: bad arguments are usage errors, and nothing is sent or written") {
  exporter t;
  std::string const out = t.path("x.ndjson");
  std::string const bad_ids = t.path("bad.txt");
  std::ofstream(bad_ids) << "1\n2 3\n4,5\n";
  std::string const empty = t.path("empty.txt");
  std::ofstream(empty) << "# nothing\n\n";
  std::vector<cli_test::usage_case> const cases = {
      {{"export", "contacts", "--account", "9"}, "error: 'export contacts' needs --out FILE"},
      {{"export", "contacts", "--account", "9", "--out", out, "--format", "xml"},
       "option --format must be ndjson or csv (got 'xml')"},
      {{"export", "contacts", "--account", "9", "--out", out, "--json"},
       "writes its records to --out FILE (no --json)"},
      {{"export", "contacts", "--account", "9", "--out", out, "--parallel", "4"}, "option --parallel needs --ids-from"},
      {{"export", "contacts", "--account", "9", "--out", out, "--ids-from", bad_ids, "--parallel", "17"},
       "option --parallel must be between 1 and 16 (got 17)"},
      {{"export", "contacts", "--account", "9", "--out", out, "--ids-from", bad_ids, "--term", "x"},
       "option --term does not go with --ids-from"},
      {{"export", "contacts", "--account", "9", "--out", out, "--ids-from", bad_ids}, "bad.txt:2: '2 3' is not one id"},
      {{"export", "contacts", "--account", "9", "--out", out, "--ids-from", empty}, "holds no ids"},
      {{"export", "contacts", "--account", "9", "--out", out, "--ids-from", t.path("missing.txt")}, "cannot read"},
      {{"export", "contacts", "--account", "9", "--out", out, "--ids-from", "-"}, "no standard input to read"},
      {{"export", "web-visits", "--account", "9", "--out", out, "--from", "2026-01-01"}, "needs --to YYYY-MM-DD"},
      {{"export", "web-visits", "--account", "9", "--out", out, "--from", "2026-01-01", "--to", "31.1.2026"},
       "option --to must be a date YYYY-MM-DD"},
      {{"export", "companies", "--account", "9", "--out", out, "--resume"}, "there is no interrupted export"},
      {{"export"}, "error: 'export' needs a subcommand"},
  };
  cli_test::check_usage_errors(t, cases, /*output_allowed=*/true);
  CHECK(t.targets().empty());
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("cli export: the pieces, CSV fields, the order of a chunk, the state file and the ETA") {
  namespace ex = leadfeeder_cli::exporting;
  CHECK(ex::csv_field("plain") == "plain");
  CHECK(ex::csv_field("a,b") == "\"a,b\"");
  CHECK(ex::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(ex::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(ex::csv_field(" edge") == "\" edge\"");

  // Asked 1,2,3; answered 3,9 (a merged record),1,1: 1 and 3 in the order asked, then 9, each once.
  CHECK(ex::in_order({"1", "2", "3"}, {{"3", "c"}, {"9", "n"}, {"1", "a"}, {"1", "dup"}}) ==
        std::vector<std::string>{"a", "c", "n"});

  char dir[] = "/tmp/leadfeeder_state_test_XXXXXX";
  REQUIRE(::mkdtemp(dir) != nullptr);
  std::string const out = std::string(dir) + "/o.ndjson";
  ex::state s;
  s.query = "export contacts --term=a b";
  s.bytes = 1234;
  s.items = 10;
  s.pages = 2;
  s.requests = 3;
  s.credits = -1;
  s.cursor = "abc=";
  s.page = 7;
  s.ids_done = 200;
  std::string problem;
  REQUIRE(ex::save(s, out, problem));
  std::optional<ex::state> const back = ex::load(out, problem);
  REQUIRE(back);
  CHECK(back->query == s.query);
  CHECK(back->bytes == 1234);
  CHECK(back->items == 10);
  CHECK(back->cursor == "abc=");
  CHECK(back->page == 7);
  CHECK(back->credits == -1);
  CHECK(back->ids_done == 200);
  std::ofstream(ex::state_path(out)) << "something else\n";
  CHECK_FALSE(ex::load(out, problem));
  CHECK(contains(problem, "is not an export state file"));
  std::ofstream(ex::state_path(out)) << "leadfeeder-export 1\nbytes many\n";
  CHECK_FALSE(ex::load(out, problem));
  CHECK(contains(problem, "bad value for bytes"));
  std::filesystem::remove_all(dir);

  ex::figures f;
  f.ids_total = 1000;
  f.ids_done = 300;
  f.ids_before = 100;
  f.items = 290;
  f.pages = 3;
  f.requests = 3;
  f.requests_before = 1;
  f.credits = 40;
  // 200 ids in 10 s this run: 700 left take 35 s.
  CHECK(ex::progress_text(f, 10.0, false) ==
        "ids 300 of 1000, items 290, pages 3, 0.2 requests/s, credits 40, ETA 0:35");
  CHECK(ex::progress_text(f, 3725.0, true) ==
        "ids 300 of 1000, items 290, pages 3, 0.0 requests/s, credits 40, 1:02:05 in all");
}
