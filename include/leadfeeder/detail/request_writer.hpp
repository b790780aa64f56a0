// SPDX-License-Identifier: MIT
// leadfeeder-cpp: turns a builder's parameters into a URL and a JSON body, in buffers the client
// reuses from call to call. Every value is checked here, before anything is sent.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/call_region.hpp>
#include <leadfeeder/detail/core.hpp>
#include <leadfeeder/detail/encoding.hpp>
#include <leadfeeder/detail/header_safety.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/json_fragment.hpp>
#include <leadfeeder/string_list.hpp>


#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

class core::request_writer {
 public:
  /// Starts a request of `operation` (its id, for messages) to base_url; keeps buffer storage.
  /// With a region, the URL and the body are written there (see overflowed()).
  void begin(std::string_view operation, http_method method, std::string_view base_url, call_region* region = nullptr);

  http_method method() const noexcept { return method_; }
  std::string_view url() const noexcept { return url_; }
  std::string_view body() const noexcept { return body_; }
  bool failed() const noexcept { return failed_; }
  /// True when the region given to begin() could not hold the request.
  bool overflowed() const noexcept { return url_.overflowed() || body_.overflowed(); }
  std::string const& failure() const noexcept { return failure_; }

  /// Appends a literal piece of the path template ("/v1/contacts/").
  void path(std::string_view literal) { url_.append(literal); }

  /// Appends one path parameter, percent-encoded. Refuses what could change the path: empty
  /// values, "." and "..", CR, LF and NUL (detail/header_safety.hpp).
  void path_param(std::string_view name, std::string_view value);

  /// Appends name=value to the query, both percent-encoded. An empty optional value is left out;
  /// an empty required one is refused.
  void query(std::string_view name, std::string_view value, bool required);

  /// Appends name=v1,v2,... (each value encoded, commas literal). Refuses an empty list when
  /// required, empty values or ones with CR, LF or NUL, and more than max_count values.
  void query_list(std::string_view name, string_list const& values, bool required, std::size_t max_count);

  /// Appends name=<integer>; refuses values outside [min, max].
  void query_integer(std::string_view name, std::int64_t value, std::int64_t min, std::int64_t max);

  /// name=YYYY-MM-DD; refuses anything else (an empty optional value is left out).
  void query_date(std::string_view name, std::string_view value, bool required);
  /// name=YYYY-MM; refuses anything else (an empty optional value is left out).
  void query_month(std::string_view name, std::string_view value, bool required);

  void query_bool(std::string_view name, bool value);

  /// The whole body as ready JSON text (raw requests).
  void raw_body(std::string_view json) { body_.assign(json); }

  // ---- JSON body: a small streaming writer; the builder emits well-nested calls.

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view k);
  /// A string value; `name` (the parameter) is for the message when it is not valid UTF-8.
  void value_string(std::string_view name, std::string_view v);
  void value_bool(bool v);
  void value_integer(std::int64_t v);

  /// "name": "value"
  void member_string(std::string_view name, std::string_view v);
  /// "name": ["v1", "v2", ...]
  void member_strings(std::string_view name, string_list const& values);
  /// "name": <number>; refuses NaN and infinities, which JSON cannot carry.
  void member_number(std::string_view name, double v);
  /// "name": "YYYY-MM-DD"; refuses anything else.
  void member_date(std::string_view name, std::string_view v);
  /// "name": "YYYY-MM"; refuses anything else.
  void member_month(std::string_view name, std::string_view v);

  /// "key": "YYYY-MM-DD" for the parameter `name` (a nested member such as event_date.from).
  void member_date_of(std::string_view name, std::string_view key, std::string_view v);
  /// "key": "YYYY-MM" for the parameter `name`.
  void member_month_of(std::string_view name, std::string_view key, std::string_view v);

  /// "name": <any JSON the caller built>; refuses what would not be valid JSON on the wire.
  void member_json(std::string_view name, json_fragment const& v);
  /// Adds the members of a caller-built JSON object to the object being written. Refuses
  /// anything but an object, and keys the builder has setters for (`known`), so that no key is
  /// written twice.
  void merge_members(std::string_view name, json_fragment const& extra, std::initializer_list<std::string_view> known);

  /// "key": "value" for the parameter `name`, which must not be empty (a required body field, or one
  /// of a set the caller must choose from).
  void member_string_nonempty(std::string_view name, std::string_view key, std::string_view v);

  /// "key": ["v1", ...] for the parameter `name`: refuses an empty list when required, empty values
  /// and more than max_count values; an empty optional list is left out.
  void member_strings_checked(std::string_view name, std::string_view key, string_list const& values, bool required,
                              std::size_t max_count);

  /// "key": ["a", "b", ...] with the wire names of the bits set in mask (in declaration order).
  template <std::size_t N>
  void member_flags(std::string_view key, std::uint32_t mask, std::string_view const (&names)[N]) {
    this->key(key);
    begin_array();
    for (std::size_t i = 0; i < N; ++i) {
      if ((mask & (std::uint32_t{1} << i)) != 0) value_string(key, names[i]);
    }
    end_array();
  }

  /// "key": <integer> for the parameter `name`; refuses values outside [min, max].
  void member_integer_in(std::string_view name, std::string_view key, std::int64_t v, std::int64_t min,
                         std::int64_t max);

  /// Refuses a range whose end (`later`) comes before its start (`earlier`): dates YYYY-MM-DD or
  /// months YYYY-MM, which compare as text once their format is right (checked where they are written).
  void check_order(std::string_view earlier_name, std::string_view earlier, std::string_view later_name,
                   std::string_view later);

  /// "name": true|false
  void member_bool(std::string_view name, bool v);
  /// "name": <integer>
  void member_integer(std::string_view name, std::int64_t v);

  /// {"data":[{"type":"<type>","id":"<id>"}, ...]}, the JSON:API list of resource identifiers
  /// that attaches or detaches resources. Refuses an empty list when required and empty ids.
  void identifier_body(std::string_view name, std::string_view type, string_list const& ids, bool required);

  /// Appends name=a,b,... with the wire names of the bits set in mask (in declaration order).
  template <std::size_t N>
  void query_flags(std::string_view name, std::uint32_t mask, std::string_view const (&names)[N]) {
    if (mask == 0) return;
    query_name(name);
    bool first = true;
    for (std::size_t i = 0; i < N; ++i) {
      if ((mask & (std::uint32_t{1} << i)) == 0) continue;
      if (!first) url_.push_back(',');
      first = false;
      append_percent_encoded(url_, names[i]);
    }
  }

  /// Records the first failure: "<operation>: parameter '<name>' <problem>".
  void fail(std::string_view name, std::string_view problem);

 private:
  static void append_integer(text_buffer& out, std::int64_t v);

  void query_name(std::string_view name);

  // Comma bookkeeping: bit d of first_ is set while the container at depth d has no element yet.
  void separate();
  void open(char c);
  void close(char c);

  std::string_view operation_;
  http_method method_ = http_method::get;
  text_buffer url_;
  text_buffer body_;
  std::string failure_;
  bool failed_ = false;
  bool query_started_ = false;
  unsigned depth_ = 0;
  std::uint64_t first_ = 1;
  bool after_key_ = false;
};

}  // namespace detail
LEADFEEDER_END_NAMESPACE
