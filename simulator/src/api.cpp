// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the request pipeline (see api.hpp). Faults first (faults.hpp), then the
// route (routing.hpp), the key, the rate limit, the account, and the operation's handler: a
// hand-written one (handlers/) where the simulator keeps state or needs real logic, else the
// answer built from the description (generic.hpp). Errors are api_error values thrown by any
// step and answered here (responses.hpp).
#include "api.hpp"

#include "faults.hpp"
#include "generic.hpp"
#include "handlers/handlers.hpp"
#include "openapi.hpp"
#include "request.hpp"
#include "responses.hpp"
#include "routing.hpp"
#include "util.hpp"
#include "world.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <mutex>
#include <unordered_map>

namespace lfsim {

namespace {

struct key_state {
  std::size_t user = 0;
  double tokens = 15.0;
  std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
  std::uint64_t month_count = 0;
};

description load_description(std::string const& json_text) {
  return parse_description(json_text.empty() ? embedded_description() : std::string_view(json_text));
}

}  // namespace

struct simulator::impl {
  impl(options o, stop_signal& s);

  http_response handle(http_request const& req);
  http_response dispatch(http_request const& req, std::uint64_t sequence, std::string const& request_id);
  std::string request_id(std::uint64_t sequence) const;
  bool admit(key_state& k);

  options opt;
  stop_signal& stop;
  description desc;
  route_table routes;
  world state;
  std::unordered_map<std::string, key_state> keys;
  std::mutex mutex;  // guards `state`, `keys` and `sequence`
  std::uint64_t sequence = 0;
};

simulator::impl::impl(options o, stop_signal& s)
    : opt(std::move(o)), stop(s), desc(load_description(opt.description_json)), routes(desc), state(opt.seed, desc) {
  for (std::size_t i = 0; i < opt.api_keys.size(); ++i) {
    key_state k;
    k.user = i % state.data.users.size();
    keys.emplace(opt.api_keys[i], k);
  }
}

std::string simulator::impl::request_id(std::uint64_t seq) const {
  return format_uuid(mix64(opt.seed * 0x2545f4914f6cdd1dULL + seq), mix64(mix64(opt.seed) ^ (seq << 1)));
}

bool simulator::impl::admit(key_state& k) {
  if (k.month_count >= opt.monthly_quota) return false;
  auto const now = std::chrono::steady_clock::now();
  double const elapsed = std::chrono::duration<double>(now - k.last).count();
  k.last = now;
  k.tokens = std::min(15.0, k.tokens + elapsed * 10.0);
  if (k.tokens < 1.0) return false;
  k.tokens -= 1.0;
  ++k.month_count;
  return true;
}

http_response simulator::impl::handle(http_request const& req) {
  std::uint64_t seq = 0;
  {
    std::lock_guard<std::mutex> lock(mutex);
    seq = ++sequence;
  }
  std::string const rid = request_id(seq);
  http_response res;
  char const* fault = "";
  try {
    fault_plan const plan = plan_faults(opt, req, seq);
    if (plan.latency_ms > 0) stop.sleep_for(std::chrono::milliseconds(plan.latency_ms));
    if (plan.drop) {
      res.how = http_response::delivery::drop;
      fault = " [drop]";
    } else if (plan.status == 429) {
      res = too_many(rid);
      fault = " [fault]";
    } else if (plan.status != 0) {
      char const* code = "simulated_fault";
      if (plan.status == 500) code = "internal_server_error";
      if (plan.status == 502) code = "bad_gateway";
      if (plan.status == 503) code = "service_unavailable";
      if (plan.status == 504) code = "gateway_timeout";
      res = error_response(api_error{plan.status, code, reason_phrase(plan.status), "Injected by the simulator."}, rid);
      fault = " [fault]";
    } else if (plan.rate_limit) {
      res = too_many(rid);
      fault = " [fault]";
    } else {
      res = dispatch(req, seq, rid);
    }
    if (plan.truncate && !plan.drop) {
      res.how = http_response::delivery::truncate;
      fault = " [truncate]";
    }
  } catch (api_error const& e) {
    res = error_response(e, rid);
  } catch (std::exception const& e) {
    res = error_response(api_error{500, "internal_server_error", "Internal Server Error", e.what()}, rid);
  } catch (...) {
    res = error_response(api_error{500, "internal_server_error", "Internal Server Error", "unexpected failure"}, rid);
  }
  if (opt.log) {
    std::fprintf(stderr, "#%llu %s %s -> %d%s\n", static_cast<unsigned long long>(seq), req.method.c_str(),
                 req.target.c_str(), res.how == http_response::delivery::drop ? 0 : res.status, fault);
  }
  return res;
}

http_response simulator::impl::dispatch(http_request const& req, std::uint64_t seq, std::string const& rid) {
  request_target target = parse_target(req.target);
  request_ctx c(req);
  c.sequence = seq;
  c.desc = &desc;
  c.query = std::move(target.query);
  std::string const route_text = req.method + " " + target.path;
  bool const openapi = req.method == "GET" && target.path == "/openapi.yaml";  // behind the key, as live
  if (!openapi && (target.segments.empty() || target.segments[0] != "v1"))
    not_found("No route for " + route_text + ".");

  std::string const* key = req.header("x-api-key");
  if (key == nullptr || key->empty()) return auth_error(opt.auth_status, "missing_token", missing_token_message, rid);
  auto const k = keys.find(*key);
  if (k == keys.end()) return auth_error(opt.auth_status, "invalid_api_key", invalid_key_message, rid);

  std::lock_guard<std::mutex> lock(mutex);
  if (opt.rate_limit && !admit(k->second)) return too_many(rid);
  if (openapi) return openapi_response(opt.openapi_perturbed, rid);

  route const* found = routes.match(req.method, target.segments, c.params.values);
  if (found == nullptr) not_found("No route for " + route_text + ".");
  c.op = found->op;
  c.user = &state.data.users[k->second.user];
  if (found->op->needs_account) {
    c.account = &state.resolve_account(c, required_query(c, "account_id"));
    ++c.account->usage[found->op->id];
  }
  handler_table const& handlers = hand_written_handlers();
  auto const h = handlers.find(found->op->id);
  reply r = h != handlers.end() ? h->second(state, c) : answer_from_description(state, c);
  return build(r, rid);
}

// =============================================================================================

simulator::simulator(options opts, stop_signal& stop) : impl_(std::make_unique<impl>(std::move(opts), stop)) {}
simulator::~simulator() = default;

http_response simulator::handle(http_request const& req) { return impl_->handle(req); }

http_response simulator::refuse(int status, std::string const& detail) {
  std::uint64_t seq = 0;
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    seq = ++impl_->sequence;
  }
  std::string const rid = impl_->request_id(seq);
  std::string code = "bad_request";
  if (status == 408) code = "request_timeout";
  if (status == 411) code = "length_required";
  if (status == 413) code = "payload_too_large";
  if (status == 414) code = "uri_too_long";
  if (status == 417) code = "expectation_failed";
  if (status == 431) code = "request_header_fields_too_large";
  if (status == 501) code = "not_implemented";
  if (status == 503) code = "service_unavailable";
  if (status == 505) code = "http_version_not_supported";
  if (impl_->opt.log) {
    std::fprintf(stderr, "#%llu (refused) -> %d %s\n", static_cast<unsigned long long>(seq), status, detail.c_str());
  }
  return error_response(api_error{status, code, reason_phrase(status), detail}, rid);
}

std::vector<route_info> simulator::routes(std::string const& description_json) {
  description const desc = load_description(description_json);
  std::vector<route_info> out;
  for (operation_info const& op : desc.operations) out.push_back({op.method, op.path, op.id});
  return out;
}

}  // namespace lfsim
