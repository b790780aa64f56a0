// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the bodies of what writes a request (detail/request_writer.hpp,
// detail/call_region.hpp, string_list.hpp), compiled once in the unit that defines
// LEADFEEDER_IMPLEMENTATION, or inline everywhere with LEADFEEDER_HEADER_ONLY. A generated
// builder's write() calls these from the user's unit; only the calls are compiled there.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/call_region.hpp>
#include <leadfeeder/detail/request_writer.hpp>
#include <leadfeeder/string_list.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE

LEADFEEDER_IMPL_INLINE void detail::core::copy_strings(borrowed_strings const& from, std::string& chars,
                                                       std::string& ends) {
  std::size_t total = 0;
  for (std::size_t i = 0; i < from.size(); ++i) total += from[i].size();
  chars.reserve(total);
  ends.reserve(from.size() * sizeof(std::size_t));
  for (std::size_t i = 0; i < from.size(); ++i) {
    chars.append(from[i]);
    std::size_t const end = chars.size();
    ends.append(reinterpret_cast<char const*>(&end), sizeof end);
  }
}

namespace detail {

// ---- call_region, text_buffer

LEADFEEDER_IMPL_INLINE call_region::call_region(void* data, std::size_t size) noexcept {
  if (data == nullptr) return;
  if (size < header_size) {  // given, but too small for anything: every call is refused
    too_small_ = true;
    return;
  }
  base_ = static_cast<unsigned char*>(data);
  size_ = size;
  top_ = header_size;
  *result_alive() = false;
}

LEADFEEDER_IMPL_INLINE unsigned char* call_region::rest(std::size_t& size) noexcept {
  std::size_t const aligned = enabled() ? aligned_offset(top_) : 0;
  if (!enabled() || aligned >= size_) {
    size = 0;
    return nullptr;
  }
  size = size_ - aligned;
  return base_ + aligned;
}

LEADFEEDER_IMPL_INLINE std::size_t call_region::aligned_offset(std::size_t offset) const noexcept {
  constexpr std::uintptr_t align = alignof(std::max_align_t);
  std::uintptr_t const at = reinterpret_cast<std::uintptr_t>(base_) + offset;
  return offset + static_cast<std::size_t>((align - at % align) % align);
}

LEADFEEDER_IMPL_INLINE void text_buffer::begin(call_region* region) noexcept {
  region_ = region != nullptr && region->enabled() ? region : nullptr;
  heap_.clear();
  data_ = nullptr;
  size_ = 0;
  capacity_ = 0;
  overflowed_ = false;
}

LEADFEEDER_IMPL_INLINE void text_buffer::clear() noexcept {
  heap_.clear();
  size_ = 0;
}

LEADFEEDER_IMPL_INLINE void text_buffer::append(char const* s, std::size_t n) {
  if (region_ == nullptr) {
    heap_.append(s, n);
    return;
  }
  if (overflowed_ || !fits(n)) return;
  std::memcpy(data_ + size_, s, n);
  size_ += n;
}

LEADFEEDER_IMPL_INLINE void text_buffer::assign(std::string_view s) {
  clear();
  append(s);
}

LEADFEEDER_IMPL_INLINE void text_buffer::push_back(char c) {
  if (region_ == nullptr) {
    heap_.push_back(c);
    return;
  }
  if (overflowed_ || !fits(1)) return;
  data_[size_++] = c;
}

LEADFEEDER_IMPL_INLINE text_buffer& text_buffer::operator+=(std::string_view s) {
  append(s);
  return *this;
}

LEADFEEDER_IMPL_INLINE bool text_buffer::fits(std::size_t n) noexcept {
  if (capacity_ - size_ >= n) return true;
  if (n > SIZE_MAX - size_) {
    overflowed_ = true;
    return false;
  }
  std::size_t capacity = 0;
  char* const grown = region_->grow(data_, size_, capacity_, size_ + n, capacity);
  if (grown == nullptr) {
    overflowed_ = true;
    return false;
  }
  data_ = grown;
  capacity_ = capacity;
  return true;
}


LEADFEEDER_IMPL_INLINE char* call_region::grow(char* block, std::size_t used, std::size_t capacity, std::size_t needed,
                                               std::size_t& new_capacity) noexcept {
  if (!enabled()) return nullptr;
  std::size_t wanted = capacity < 64 ? 64 : capacity * 2;
  if (wanted < needed) wanted = needed;
  auto* const at = reinterpret_cast<unsigned char*>(block);
  bool const last = block != nullptr && at + capacity == base_ + top_;
  std::size_t const start = last ? static_cast<std::size_t>(at - base_) : top_;
  std::size_t const room = size_ - start;
  if (room < needed) return nullptr;
  if (wanted > room) wanted = room;  // the rest of the region, which is enough
  char* const out = reinterpret_cast<char*>(base_ + start);
  if (!last && used != 0) std::memcpy(out, block, used);
  top_ = start + wanted;
  new_capacity = wanted;
  return out;
}

// ---- request_writer

LEADFEEDER_IMPL_INLINE void request_writer::begin(std::string_view operation, http_method method,
                                                  std::string_view base_url, call_region* region) {
  operation_ = operation;
  method_ = method;
  url_.begin(region);
  body_.begin(region);
  url_.assign(base_url);
  failure_.clear();
  failed_ = false;
  query_started_ = false;
  depth_ = 0;
  first_ = 1;
  after_key_ = false;
}

LEADFEEDER_IMPL_INLINE void request_writer::path_param(std::string_view name, std::string_view value) {
  if (value.empty()) return fail(name, "must not be empty");
  if (value == "." || value == "..") return fail(name, "must not be '.' or '..'");
  if (has_unsafe_header_char(value)) return fail(name, unsafe_header_char_problem);
  append_percent_encoded(url_, value);
}

LEADFEEDER_IMPL_INLINE void request_writer::query(std::string_view name, std::string_view value, bool required) {
  if (value.empty()) {
    if (required) fail(name, "must not be empty");
    return;
  }
  if (has_unsafe_header_char(value)) return fail(name, unsafe_header_char_problem);
  query_name(name);
  append_percent_encoded(url_, value);
}

LEADFEEDER_IMPL_INLINE void request_writer::query_list(std::string_view name, string_list const& values, bool required,
                                                       std::size_t max_count) {
  if (values.empty()) {
    if (required) fail(name, "must not be empty");
    return;
  }
  if (values.size() > max_count) {
    return fail(name, "has " + std::to_string(values.size()) + " values; at most " + std::to_string(max_count) +
                          " are allowed");
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) return fail(name, "must not contain an empty value");
    if (has_unsafe_header_char(values[i])) return fail(name, unsafe_header_char_problem);
  }
  query_name(name);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i != 0) url_.push_back(',');
    append_percent_encoded(url_, values[i]);
  }
}

LEADFEEDER_IMPL_INLINE void request_writer::query_integer(std::string_view name, std::int64_t value, std::int64_t min,
                                                          std::int64_t max) {
  if (value < min || value > max) {
    return fail(name, "must be between " + std::to_string(min) + " and " + std::to_string(max) + " (got " +
                          std::to_string(value) + ")");
  }
  query_name(name);
  append_integer(url_, value);
}

LEADFEEDER_IMPL_INLINE void request_writer::query_date(std::string_view name, std::string_view value, bool required) {
  if (!value.empty() && !is_date(value)) return fail(name, "must be a date YYYY-MM-DD");
  query(name, value, required);
}

LEADFEEDER_IMPL_INLINE void request_writer::query_month(std::string_view name, std::string_view value, bool required) {
  if (!value.empty() && !is_month(value)) return fail(name, "must be a month YYYY-MM");
  query(name, value, required);
}

LEADFEEDER_IMPL_INLINE void request_writer::query_bool(std::string_view name, bool value) {
  query_name(name);
  url_.append(value ? "true" : "false");
}

LEADFEEDER_IMPL_INLINE void request_writer::key(std::string_view k) {
  separate();
  append_json_string(body_, k);
  body_.push_back(':');
  after_key_ = true;
}

LEADFEEDER_IMPL_INLINE void request_writer::value_string(std::string_view name, std::string_view v) {
  if (!is_valid_utf8(v)) return fail(name, "is not valid UTF-8");
  separate();
  append_json_string(body_, v);
}

LEADFEEDER_IMPL_INLINE void request_writer::value_bool(bool v) {
  separate();
  body_.append(v ? "true" : "false");
}

LEADFEEDER_IMPL_INLINE void request_writer::value_integer(std::int64_t v) {
  separate();
  append_integer(body_, v);
}

LEADFEEDER_IMPL_INLINE void request_writer::member_string(std::string_view name, std::string_view v) {
  key(name);
  value_string(name, v);
}

LEADFEEDER_IMPL_INLINE void request_writer::member_strings(std::string_view name, string_list const& values) {
  key(name);
  begin_array();
  for (std::size_t i = 0; i < values.size(); ++i) value_string(name, values[i]);
  end_array();
}

LEADFEEDER_IMPL_INLINE void request_writer::member_number(std::string_view name, double v) {
  if (!(v - v == 0.0)) return fail(name, "must be a finite number");  // NaN and infinities give NaN
  key(name);
  separate();
  char digits[32];
  std::to_chars_result const r = std::to_chars(digits, digits + sizeof digits, v);
  body_.append(digits, static_cast<std::size_t>(r.ptr - digits));
}

LEADFEEDER_IMPL_INLINE void request_writer::member_date(std::string_view name, std::string_view v) {
  if (!is_date(v)) return fail(name, "must be a date YYYY-MM-DD");
  member_string(name, v);
}

LEADFEEDER_IMPL_INLINE void request_writer::member_month(std::string_view name, std::string_view v) {
  if (!is_month(v)) return fail(name, "must be a month YYYY-MM");
  member_string(name, v);
}

LEADFEEDER_IMPL_INLINE void request_writer::member_date_of(std::string_view name, std::string_view key,
                                                           std::string_view v) {
  if (!is_date(v)) return fail(name, "must be a date YYYY-MM-DD");
  member_string(key, v);
}

LEADFEEDER_IMPL_INLINE void request_writer::member_month_of(std::string_view name, std::string_view key,
                                                            std::string_view v) {
  if (!is_month(v)) return fail(name, "must be a month YYYY-MM");
  member_string(key, v);
}

LEADFEEDER_IMPL_INLINE void request_writer::member_json(std::string_view name, json_fragment const& v) {
  if (v.empty()) return fail(name, "must be set");
  if (v.problem() != nullptr) return fail(name, v.problem());
  // The value sits at nesting level depth_ + 1; its innermost container depth_ + depth().
  if (depth_ + v.depth() > LEADFEEDER_MAX_JSON_DEPTH) return fail(name, "is nested too deeply");
  key(name);
  separate();
  body_.append(v.text());
}

LEADFEEDER_IMPL_INLINE void request_writer::merge_members(std::string_view name, json_fragment const& extra,
                                                          std::initializer_list<std::string_view> known) {
  if (!extra.is_object()) return fail(name, "must be a JSON object");
  if (extra.problem() != nullptr) return fail(name, extra.problem());
  // Its members join the object being written, which sits at nesting level depth_.
  unsigned const level = depth_ == 0 ? 1 : depth_;
  if (level + extra.depth() - 1 > LEADFEEDER_MAX_JSON_DEPTH) return fail(name, "is nested too deeply");
  for (auto const& m : extra.members()) {
    for (std::string_view taken : known) {
      if (m.first == taken) return fail(name, "must not repeat a key that has its own setter");
    }
  }
  for (auto const& m : extra.members()) {
    key(m.first);
    separate();
    body_.append(m.second);
  }
}

LEADFEEDER_IMPL_INLINE void request_writer::member_string_nonempty(std::string_view name, std::string_view key,
                                                                   std::string_view v) {
  if (v.empty()) return fail(name, "must not be empty");
  member_string(key, v);
}

LEADFEEDER_IMPL_INLINE void request_writer::member_bool(std::string_view name, bool v) {
  key(name);
  value_bool(v);
}

LEADFEEDER_IMPL_INLINE void request_writer::member_integer(std::string_view name, std::int64_t v) {
  key(name);
  value_integer(v);
}

LEADFEEDER_IMPL_INLINE void request_writer::identifier_body(std::string_view name, std::string_view type,
                                                            string_list const& ids, bool required) {
  if (ids.empty() && required) return fail(name, "must not be empty");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].empty()) return fail(name, "must not contain an empty id");
  }
  begin_object();
  key("data");
  begin_array();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    begin_object();
    member_string("type", type);
    key("id");
    value_string(name, ids[i]);
    end_object();
  }
  end_array();
  end_object();
}

LEADFEEDER_IMPL_INLINE void request_writer::fail(std::string_view name, std::string_view problem) {
  if (failed_) return;
  failed_ = true;
  failure_.assign(operation_);
  failure_.append(": parameter '");
  failure_.append(name);
  failure_.append("' ");
  failure_.append(problem);
}

LEADFEEDER_IMPL_INLINE void request_writer::append_integer(text_buffer& out, std::int64_t v) {
  char digits[24];
  std::to_chars_result const r = std::to_chars(digits, digits + sizeof digits, v);
  out.append(digits, static_cast<std::size_t>(r.ptr - digits));
}

LEADFEEDER_IMPL_INLINE void request_writer::query_name(std::string_view name) {
  url_.push_back(query_started_ ? '&' : '?');
  query_started_ = true;
  append_percent_encoded(url_, name);
  url_.push_back('=');
}

LEADFEEDER_IMPL_INLINE void request_writer::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  std::uint64_t const bit = std::uint64_t{1} << depth_;
  if ((first_ & bit) == 0) body_.push_back(',');
  first_ &= ~bit;
}

LEADFEEDER_IMPL_INLINE void request_writer::open(char c) {
  separate();
  body_.push_back(c);
  ++depth_;
  first_ |= std::uint64_t{1} << depth_;
}

LEADFEEDER_IMPL_INLINE void request_writer::close(char c) {
  body_.push_back(c);
  first_ &= ~(std::uint64_t{1} << depth_);
  --depth_;
}


LEADFEEDER_IMPL_INLINE void request_writer::member_strings_checked(std::string_view name, std::string_view key,
                                                                   string_list const& values, bool required,
                                                                   std::size_t max_count) {
  if (values.empty()) {
    if (required) fail(name, "must not be empty");
    return;
  }
  if (values.size() > max_count) {
    return fail(name, "has " + std::to_string(values.size()) + " values; at most " + std::to_string(max_count) +
                          " are allowed");
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) return fail(name, "must not contain an empty value");
  }
  member_strings(key, values);
}

LEADFEEDER_IMPL_INLINE void request_writer::member_integer_in(std::string_view name, std::string_view key,
                                                              std::int64_t v, std::int64_t min, std::int64_t max) {
  if (v < min || v > max) {
    return fail(name, "must be between " + std::to_string(min) + " and " + std::to_string(max) + " (got " +
                          std::to_string(v) + ")");
  }
  member_integer(key, v);
}

LEADFEEDER_IMPL_INLINE void request_writer::check_order(std::string_view earlier_name, std::string_view earlier,
                                                        std::string_view later_name, std::string_view later) {
  if (earlier.empty() || later.empty() || earlier.size() != later.size()) return;
  if (later < earlier) {
    fail(later_name, std::string("must not be before '") + std::string(earlier_name) + "' (" + std::string(later) +
                         " < " + std::string(earlier) + ")");
  }
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
