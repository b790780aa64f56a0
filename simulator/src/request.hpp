// SPDX-License-Identifier: MIT
// leadfeeder-simulator: what a handler sees of a request (request_ctx), what it answers (reply),
// the API errors it raises, and the readers of query parameters and JSON bodies.
#pragma once

#include "description.hpp"
#include "http_server.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lfsim {

namespace json = boost::json;

struct user_rec;
struct account_state;

// ---- Errors: a handler throws api_error; the pipeline answers it with the JSON:API error body.

struct api_error {
  int status;
  std::string code;
  std::string title;
  std::string detail;
};

[[noreturn]] void fail(int status, std::string code, std::string title, std::string detail);
[[noreturn]] void bad_request(std::string detail);
[[noreturn]] void not_found(std::string detail);

// ---- Request and reply

/// The values of a route's "{name}" segments, in order. Reading past them gives an empty string,
/// so a hand-written handler under a description that moved its parameter answers 404, not UB.
struct path_params {
  std::vector<std::string> values;

  std::string const& operator[](std::size_t i) const {
    static std::string const none;
    return i < values.size() ? values[i] : none;
  }
  bool empty() const noexcept { return values.empty(); }
  std::string const& back() const { return values.back(); }
};

struct request_ctx {
  explicit request_ctx(http_request const& r) : http(r) {}

  http_request const& http;
  std::uint64_t sequence = 0;
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  path_params params;                                      // path parameters, in order
  description const* desc = nullptr;                       // the description being served
  operation_info const* op = nullptr;                      // the operation the route names
  user_rec const* user = nullptr;                          // the key's user
  account_state* account = nullptr;                        // set when the operation needs account_id

  std::string const* get(std::string_view name) const {
    for (auto const& q : query) {
      if (q.first == name) return &q.second;
    }
    return nullptr;
  }
  /// The account; a hand-written handler under a description where account_id is not required
  /// gets a 400 here rather than a null account.
  account_state& acc() const {
    if (account == nullptr) bad_request("Missing required query parameter 'account_id'.");
    return *account;
  }
};

/// A handler's answer; the pipeline wraps it in {"data", "meta"} (responses.hpp).
struct reply {
  int status = 200;
  json::value data;
  bool no_content = false;  // 204, no body
  bool has_charged = false;
  std::int64_t charged = 0;
  bool has_pagination = false;
  json::object pagination;

  void set_charged(std::int64_t n) {
    has_charged = true;
    charged = n;
  }
};

// ---- Query parameters

std::string const& required_query(request_ctx const& c, std::string const& name);
/// "a, b,,c" -> {"a", "b", "c"}
std::vector<std::string> id_list(std::string_view text);
/// The wire values of the enum of the operation's query parameter `name`, or of its body field
/// `name`; empty when it has none.
std::vector<std::string> const& param_enum(request_ctx const& c, std::string_view name);
std::vector<std::string> const& body_field_enum(request_ctx const& c, std::string_view name);
bool one_of(std::vector<std::string> const& values, std::string_view value);
/// "a, b or c": the values for an error message.
std::string choices(std::vector<std::string> const& values);
/// include=...: checked against the enum of the operation's include parameter, when it has one.
std::set<std::string> includes(request_ctx const& c);
/// True when name, or a dotted value below it, was asked for.
bool included(std::set<std::string> const& inc, std::string_view name);

// ---- JSON bodies; a value of the wrong type is a 400 naming it (`where` + key)

json::object parse_body(request_ctx const& c, bool required);
json::value const* member(json::object const& o, std::string_view key);
std::vector<std::string> string_list(json::object const& o, std::string_view key, std::string_view where);
std::optional<std::string> string_field(json::object const& o, std::string_view key, std::string_view where);
std::optional<bool> bool_field(json::object const& o, std::string_view key, std::string_view where);
std::optional<double> number_field(json::object const& o, std::string_view key, std::string_view where);
json::object const* object_field(json::object const& o, std::string_view key, std::string_view where);
/// An id as text: a string as it is, an integer in decimal, anything else empty.
std::string id_text(json::value const& v);
/// {"data":[{"type":type,"id":...}, ...]}: the ids.
std::vector<std::string> identifiers_body(request_ctx const& c, std::string_view type);
/// {"data":{"type":type,"attributes":{...}}}: the attributes.
json::object resource_attributes(request_ctx const& c, std::string_view type);

/// data.attributes.name: a non-empty string; a 400 when required and absent.
std::optional<std::string> name_field(json::object const& attributes, bool required);

/// {"id", "type"}: a relationship that is not side-loaded.
inline json::object stub(std::string_view type, std::string_view id) {
  return json::object{{"id", id}, {"type", type}};
}

}  // namespace lfsim
