// SPDX-License-Identifier: MIT
// Resilience tests: a small in-memory API (tags, contacts, users.me) and a transport in front of
// it that injects faults drawn from a seed: drops before and after the server saw the request,
// refused connections, timeouts, 5xx, 408, 429 (alone and in storms, with and without
// Retry-After), truncated bodies. Time is a fake_clock: an exchange "takes" time by moving it.
#pragma once

#include "support.hpp"

#include <boost/json.hpp>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace resilience {

// ---- The in-memory API.

inline std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
      };
      int const hi = hex(s[i + 1]);
      int const lo = hex(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i] == '+' ? ' ' : s[i]);
  }
  return out;
}

/// Path and decoded query of an absolute URL.
struct parsed_target {
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;

  std::string const* get(std::string_view name) const {
    for (auto const& q : query) {
      if (q.first == name) return &q.second;
    }
    return nullptr;
  }

  explicit parsed_target(std::string_view url) {
    std::size_t const scheme = url.find("://");
    if (scheme != std::string_view::npos) {
      std::size_t const slash = url.find('/', scheme + 3);
      url = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
    }
    std::size_t const q = url.find('?');
    path.assign(url.substr(0, q));
    if (q == std::string_view::npos) return;
    std::string_view rest = url.substr(q + 1);
    while (!rest.empty()) {
      std::size_t const amp = rest.find('&');
      std::string_view const part = rest.substr(0, amp);
      std::size_t const eq = part.find('=');
      query.emplace_back(percent_decode(part.substr(0, eq)),
                         eq == std::string_view::npos ? std::string() : percent_decode(part.substr(eq + 1)));
      if (amp == std::string_view::npos) break;
      rest.remove_prefix(amp + 1);
    }
  }
};

/// The path and query of an absolute URL.
inline std::string target_of(std::string_view url) {
  std::size_t const scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  std::size_t const slash = url.find('/', scheme + 3);
  return slash == std::string_view::npos ? std::string("/") : std::string(url.substr(slash));
}

/// The API's answers, with state: tags can be created, renamed and deleted; contacts and the
/// first tags are fixed. It counts every request it handles.
class memory_api {
 public:
  memory_api(std::size_t tags, std::size_t contacts) {
    for (std::size_t i = 0; i < tags; ++i) tags_.push_back({std::to_string(9000 + i), "tag " + std::to_string(i)});
    for (std::size_t i = 0; i < contacts; ++i) contacts_.push_back("c" + std::to_string(100000 + i * 7));
  }

  void handle(lf::http_request const& req, lf::http_response& res) {
    ++handled_;
    res.clear();
    parsed_target const t(req.url);
    std::string const rid = "mem-" + std::to_string(handled_);
    res.headers.add("X-Request-Id", rid);
    auto json = [&](int status, boost::json::value body) {
      res.status = status;
      res.body = boost::json::serialize(body);
      res.headers.add("Content-Type", "application/json");
    };
    auto fail = [&](int status, char const* code, std::string message) {
      json(status, boost::json::object{{"code", code}, {"message", message}, {"meta", {{"request_id", rid}}}});
    };
    auto page_param = [&](char const* name, std::int64_t fallback) {
      std::string const* v = t.get(name);
      return v == nullptr ? fallback : std::strtoll(v->c_str(), nullptr, 10);
    };
    std::string_view const path = t.path;
    std::string const tag_prefix = "/v1/tags/";

    if (req.method == lf::http_method::get && path == "/v1/users/me") {
      return json(200, {{"data", {{"type", "user"}, {"id", "12345"}, {"attributes", {{"email", "me@example.com"}}}}},
                        {"meta", {{"request_id", rid}}}});
    }
    if (req.method == lf::http_method::get && path.rfind("/v1/contacts/", 0) == 0) {
      std::string const id = std::string(path.substr(13));
      for (std::string const& c : contacts_) {
        if (c == id) {
          return json(200, {{"data", {{"type", "contact"}, {"id", c}, {"attributes", {{"first_name", "Ada"}}}}},
                            {"meta", {{"request_id", rid}, {"credits", {{"charged", 1}}}}}});
        }
      }
      return fail(404, "entity_not_found", "no such contact");
    }
    if (req.method == lf::http_method::get && path == "/v1/tags") {
      std::int64_t const num = page_param("page[num]", 1);
      std::int64_t const size = page_param("page[size]", 20);
      if (num < 1 || size < 1 || size > 100) return fail(400, "bad_request", "bad page");
      std::size_t const first = std::min(tags_.size(), static_cast<std::size_t>((num - 1) * size));
      std::size_t const last = std::min(tags_.size(), first + static_cast<std::size_t>(size));
      boost::json::array data;
      for (std::size_t i = first; i < last; ++i) data.push_back(render_tag(tags_[i]));
      std::size_t const count = (tags_.size() + static_cast<std::size_t>(size) - 1) / static_cast<std::size_t>(size);
      return json(200, {{"data", std::move(data)},
                        {"meta",
                         {{"request_id", rid},
                          {"pagination", {{"page_num", num}, {"page_count", count}, {"total_count", tags_.size()}}}}}});
    }
    if (req.method == lf::http_method::post && path == "/v1/contacts/search") {
      std::int64_t const size = page_param("page[size]", 20);
      std::size_t offset = 0;
      if (std::string const* cursor = t.get("page[cursor]"); cursor != nullptr && !cursor->empty()) {
        if (cursor->front() != 'o') return fail(400, "bad_request", "not a cursor");
        offset = static_cast<std::size_t>(std::strtoull(cursor->c_str() + 1, nullptr, 10));
      }
      if (size < 1 || size > 100) return fail(400, "bad_request", "bad page size");
      boost::json::array data;
      std::size_t const last = std::min(contacts_.size(), offset + static_cast<std::size_t>(size));
      for (std::size_t i = offset; i < last; ++i) {
        data.push_back(
            {{"type", "contact"}, {"id", contacts_[i]}, {"attributes", {{"full_name", "Contact " + contacts_[i]}}}});
      }
      boost::json::value next = nullptr;
      if (last < contacts_.size()) next = "o" + std::to_string(last);
      return json(200,
                  {{"data", std::move(data)},
                   {"meta",
                    {{"request_id", rid}, {"credits", {{"charged", 0}}}, {"pagination", {{"next_cursor", next}}}}}});
    }
    if (req.method == lf::http_method::post && path == "/v1/tags") {
      std::string name;
      boost::system::error_code ec;
      boost::json::value const body = boost::json::parse(req.body, ec);
      if (!ec) {
        if (auto const* n = body.find_pointer("/data/attributes/name", ec); !ec && n != nullptr && n->is_string()) {
          name = std::string(n->get_string());
        }
      }
      if (name.empty()) return fail(422, "unprocessable_entity", "name is required");
      tags_.push_back({std::to_string(next_tag_id_++), name});
      ++created_[name];
      return json(201, {{"data", render_tag(tags_.back())}, {"meta", {{"request_id", rid}}}});
    }
    if ((req.method == lf::http_method::patch || req.method == lf::http_method::del) &&
        path.rfind(tag_prefix, 0) == 0) {
      std::string const id(path.substr(tag_prefix.size()));
      auto it = std::find_if(tags_.begin(), tags_.end(), [&](tag const& x) { return x.id == id; });
      if (it == tags_.end()) return fail(404, "entity_not_found", "no such tag");
      if (req.method == lf::http_method::del) {
        tags_.erase(it);
        ++deleted_[id];
        res.status = 204;
        return;
      }
      ++updated_[id];
      it->name += "'";
      return json(200, {{"data", render_tag(*it)}, {"meta", {{"request_id", rid}}}});
    }
    fail(404, "entity_not_found", "no route");
  }

  std::size_t handled() const noexcept { return handled_; }
  std::size_t created(std::string const& name) const {
    auto it = created_.find(name);
    return it == created_.end() ? 0 : it->second;
  }
  std::size_t updated(std::string const& id) const {
    auto it = updated_.find(id);
    return it == updated_.end() ? 0 : it->second;
  }
  std::size_t deleted(std::string const& id) const {
    auto it = deleted_.find(id);
    return it == deleted_.end() ? 0 : it->second;
  }
  bool has_tag(std::string const& id) const {
    return std::any_of(tags_.begin(), tags_.end(), [&](tag const& x) { return x.id == id; });
  }

 private:
  struct tag {
    std::string id;
    std::string name;
  };
  static boost::json::object render_tag(tag const& t) {
    return {{"type", "tag"}, {"id", t.id}, {"attributes", {{"name", t.name}, {"color", 1}}}};
  }

  std::vector<tag> tags_;
  std::vector<std::string> contacts_;
  std::map<std::string, std::size_t> created_;
  std::map<std::string, std::size_t> updated_;
  std::map<std::string, std::size_t> deleted_;
  std::size_t handled_ = 0;
  int next_tag_id_ = 50000;
};

// ---- Faults.

enum class fault {
  none,
  latency,         ///< a slow but normal answer
  reset_before,    ///< connection reset before the request left: the server never saw it
  refused,         ///< connection refused
  reset_after,     ///< the server handled it, the answer was lost (connection reset)
  timeout_before,  ///< the transport's timeout; the server never saw it
  timeout_after,   ///< the transport's timeout; the server handled it
  status_5xx,      ///< 500, 502, 503 or 504 (JSON, HTML or empty body; maybe Retry-After)
  status_408,
  status_429,       ///< one 429 (maybe Retry-After)
  storm_429,        ///< a run of 429s
  truncated_2xx,    ///< the server handled it; the success body is cut short
  truncated_error,  ///< a 503 whose JSON body is cut short
  count_
};

inline char const* to_string(fault f) {
  constexpr char const* names[] = {
      "none", "latency", "reset_before", "refused",   "reset_after",   "timeout_before", "timeout_after",
      "5xx",  "408",     "429",          "429_storm", "truncated_2xx", "truncated_error"};
  return names[static_cast<int>(f)];
}

/// How often each fault is drawn (weights, by enum order).
struct fault_mix {
  std::string name;
  std::vector<double> weights;
};

inline std::vector<fault_mix> const& fault_mixes() {
  static std::vector<fault_mix> const mixes = {
      //            none lat  rb   ref  ra   tb   ta   5xx  408  429  storm t2xx terr
      {"clean", {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {"light", {85, 3, 1, 1, 1, 1, 1, 3, 1, 2, 0.5, 0.5, 0.5}},
      {"heavy", {40, 5, 5, 4, 6, 4, 5, 10, 3, 8, 3, 3, 3}},
      {"storm", {45, 0, 0, 0, 0, 0, 0, 5, 0, 20, 30, 0, 0}},
      {"network", {45, 5, 10, 5, 15, 8, 12, 0, 0, 0, 0, 0, 0}},
      {"servers", {45, 0, 0, 0, 0, 0, 0, 30, 10, 15, 0, 0, 0}},
      {"truncate", {60, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 20, 15}},
  };
  return mixes;
}

inline bool is_retryable_fault(fault f) {
  switch (f) {
    case fault::none:
    case fault::latency:
    case fault::truncated_2xx: return false;
    default: return true;
  }
}

/// What one exchange was, as the transport saw and answered it.
struct attempt_record {
  lf::http_method method = lf::http_method::get;
  std::string target;
  fake_clock::time_point start{};
  fake_clock::time_point end{};
  fault kind = fault::none;
  bool reached_server = false;
  std::error_code ec;  ///< what send() returned
  int status = 0;      ///< what the client got when ec is empty
  bool truncated = false;
  /// The wait a Retry-After header asked for, in seconds, as [min, max] (an HTTP date is read
  /// against the real clock, so one second either way), when there was one the client can read.
  std::optional<std::pair<std::int64_t, std::int64_t>> retry_after;

  /// True when the client may retry this outcome (a failed exchange, 408, 429, 5xx).
  bool retryable() const noexcept { return static_cast<bool>(ec) || lf::detail::is_retryable_status(status); }
  bool success() const noexcept { return !ec && status >= 200 && status <= 299 && !truncated; }
};

/// Everything a scenario's transport shares: the API, the clock, the dice and the record.
struct fault_context {
  fault_context(std::uint64_t seed, std::size_t tags, std::size_t contacts) : api(tags, contacts), dice(seed) {}

  memory_api api;
  fake_clock clock;
  rng dice;
  fault_mix mix{"clean", {1}};
  std::chrono::milliseconds transport_timeout{2000};
  /// "Recoverable" runs draw only retryable faults, and never more than this many in a row.
  bool recoverable = false;
  int max_in_a_row = 0;
  std::vector<attempt_record> attempts;
  int storm_left = 0;
  int in_a_row = 0;

  /// The longest one exchange can take.
  std::chrono::milliseconds max_exchange() const {
    return std::max(transport_timeout, std::chrono::milliseconds(1500));
  }
};

/// An HTTP date `seconds_from_now` seconds from the real clock (the client reads dates with it).
inline std::string http_date_in(std::int64_t seconds_from_now) {
  std::time_t const t = std::time(nullptr) + static_cast<std::time_t>(seconds_from_now);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

/// A transport over memory_api that injects the faults of its context's mix.
class fault_transport {
 public:
  explicit fault_transport(fault_context& c) noexcept : ctx_(&c) {}

  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    fault_context& c = *ctx_;
    attempt_record a;
    a.method = req.method;
    a.target = target_of(req.url);
    a.start = c.clock.now();
    a.kind = draw();
    std::error_code const ec = exchange(a, req, res);
    a.ec = ec;
    a.status = ec ? 0 : res.status;
    a.end = c.clock.now();
    if (!ec && a.status != 0) {
      std::string_view const ra = res.headers.find("Retry-After");
      if (!ra.empty()) {
        std::optional<std::chrono::seconds> const parsed =
            lf::detail::parse_retry_after(ra, std::chrono::system_clock::now());
        if (parsed) {
          std::int64_t const s = parsed->count();
          bool const is_date = ra.find(',') != std::string_view::npos;
          a.retry_after = std::make_pair(is_date ? std::max<std::int64_t>(0, s - 1) : s, is_date ? s + 1 : s);
        }
      }
    }
    c.in_a_row = a.retryable() ? c.in_a_row + 1 : 0;
    c.attempts.push_back(std::move(a));
    return ec;
  }

  /// The asynchronous form: completes at once, on the caller's stack.
  template <class Callback>
  void async_send(lf::http_request const& req, lf::http_response& res, Callback&& done) {
    std::error_code const ec = send(req, res);
    done(ec);
  }

 private:
  fault draw() {
    fault_context& c = *ctx_;
    if (c.recoverable && c.in_a_row >= c.max_in_a_row) return fault::none;
    if (c.storm_left > 0) {
      --c.storm_left;
      return fault::status_429;
    }
    std::vector<double> w = c.mix.weights;
    w.resize(static_cast<std::size_t>(fault::count_), 0.0);
    if (c.recoverable) {
      w[static_cast<std::size_t>(fault::truncated_2xx)] = 0;
    }
    fault const f = static_cast<fault>(c.dice.weighted(w));
    if (f == fault::storm_429) c.storm_left = static_cast<int>(c.dice.range(1, 7));
    return f;
  }

  void add_retry_after(lf::http_response& res) {
    rng& d = ctx_->dice;
    switch (d.range(0, 5)) {
      case 0: res.headers.add("Retry-After", std::to_string(d.range(0, 4))); break;
      case 1: res.headers.add("Retry-After", " " + std::to_string(d.range(1, 3)) + " "); break;
      case 2: res.headers.add("Retry-After", http_date_in(d.range(1, 4))); break;
      case 3: res.headers.add("Retry-After", http_date_in(-d.range(1, 100))); break;
      case 4: res.headers.add("Retry-After", d.chance(0.5) ? "soon" : "-1"); break;
      default: break;  // none
    }
  }

  std::error_code exchange(attempt_record& a, lf::http_request const& req, lf::http_response& res) {
    fault_context& c = *ctx_;
    rng& d = c.dice;
    auto quick = [&] { c.clock.advance(std::chrono::milliseconds(d.range(1, 30))); };
    switch (a.kind) {
      case fault::none:
        quick();
        a.reached_server = true;
        c.api.handle(req, res);
        return {};
      case fault::latency:
        c.clock.advance(std::chrono::milliseconds(d.range(100, 1500)));
        a.reached_server = true;
        c.api.handle(req, res);
        return {};
      case fault::reset_before:
        c.clock.advance(std::chrono::milliseconds(d.range(0, 5)));
        return std::make_error_code(std::errc::connection_reset);
      case fault::refused:
        c.clock.advance(std::chrono::milliseconds(d.range(0, 2)));
        return std::make_error_code(std::errc::connection_refused);
      case fault::reset_after: {
        quick();
        a.reached_server = true;
        lf::http_response lost;
        c.api.handle(req, lost);
        res.clear();
        return d.chance(0.5) ? std::make_error_code(std::errc::connection_reset)
                             : std::make_error_code(std::errc::broken_pipe);
      }
      case fault::timeout_before:
        c.clock.advance(c.transport_timeout);
        return std::make_error_code(std::errc::timed_out);
      case fault::timeout_after: {
        a.reached_server = true;
        lf::http_response lost;
        c.api.handle(req, lost);
        c.clock.advance(c.transport_timeout);
        res.clear();
        return std::make_error_code(std::errc::timed_out);
      }
      case fault::status_5xx: {
        quick();
        res.clear();
        constexpr int statuses[] = {500, 502, 503, 504};
        res.status = statuses[d.range(0, 3)];
        switch (d.range(0, 2)) {
          case 0:
            res.body =
                R"({"errors":[{"code":"service_unavailable","title":"Service Unavailable"}],"meta":{"request_id":"x"}})";
            break;
          case 1: res.body = "<html><body>502 Bad Gateway</body></html>"; break;
          default: break;
        }
        if (d.chance(0.3)) add_retry_after(res);
        return {};
      }
      case fault::status_408:
        quick();
        res.clear();
        res.status = 408;
        return {};
      case fault::status_429:
      case fault::storm_429:
        quick();
        res.clear();
        res.status = 429;
        res.body = R"({"code":"too_many_requests","message":"Too many requests"})";
        add_retry_after(res);
        return {};
      case fault::truncated_2xx: {
        quick();
        a.reached_server = true;
        c.api.handle(req, res);
        if (res.status >= 200 && res.status <= 299 && res.body.size() > 1) {
          // A proper, non-empty prefix of a JSON object is never valid JSON. (An empty one is
          // another matter: see the test "a 200 with an empty body ...".)
          res.body.resize(static_cast<std::size_t>(d.range(1, static_cast<std::int64_t>(res.body.size()) - 1)));
          a.truncated = true;
        }
        return {};
      }
      case fault::truncated_error:
        quick();
        res.clear();
        res.status = 503;
        res.body = R"({"errors":[{"code":"service_unavailable","title":"Serv)";
        return {};
      case fault::count_: break;
    }
    return std::make_error_code(std::errc::invalid_argument);
  }

  fault_context* ctx_;
};

}  // namespace resilience
