// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the name of the library's compiled part. Every function the library's headers
// call but do not define is a member of this one struct, defined in the unit that defines
// LEADFEEDER_IMPLEMENTATION (impl/*.ipp; inline everywhere with
// LEADFEEDER_HEADER_ONLY). A program none of whose units defines the macro fails to link with
// undefined references that all say what to do.
#pragma once

#include <leadfeeder/config.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>

LEADFEEDER_BEGIN_NAMESPACE

class document;
struct memory_block;
struct call_options;
struct error;
struct http_request;
struct http_response;
template <class T>
class result;
class string_list;
class borrowed_strings;
struct time_source;

namespace detail {

struct operation_info;
struct answer;
template <class Signature>
class function_ref;
struct shared_bucket;
struct cancel_flag;

struct define_LEADFEEDER_IMPLEMENTATION_in_exactly_one_cpp_file {
  // The classes whose member functions are compiled here too (detail/call_region.hpp,
  // detail/request_writer.hpp, detail/session.hpp). They are nested so that the name of each of
  // their functions, as the linker reports it when one is missing, carries this struct's name.
  class call_region;
  class text_buffer;
  class request_writer;
  class session;

  static result<document> parse(std::string&& body, memory_block lent, bool* lease);
  static void open(session& s);
  static result<answer> run(session& s, operation_info const& op, call_options const& call,
                            function_ref<void(request_writer&)> write,
                            function_ref<std::error_code(http_request const&, http_response&)> exchange);
  static std::optional<error> start(session& s, operation_info const& op, call_options const& call,
                                    function_ref<void(request_writer&)> write);
  static result<answer> complete(session& s, operation_info const& op, call_options const& call, std::error_code ec);

  // shared_rate_limit's bucket, behind its mutex.
  static shared_bucket* open_shared_bucket(double requests_per_second, double burst);
  static void close_shared_bucket(shared_bucket* b) noexcept;
  static std::chrono::milliseconds acquire_shared(shared_bucket& b, std::chrono::steady_clock::time_point now);
  static void give_back_shared(shared_bucket& b);
  static std::uint64_t granted_shared(shared_bucket& b);

  // The positions of the first occurrence of each id in `ids`, in order, written to `order` (room
  // for ids.size()); returns how many (lf::chunks reads each id once).
  static std::size_t first_occurrences(string_list const& ids, std::size_t* order);

  // cancellation_token's flag, shared by its copies.
  static cancel_flag* open_cancel_flag();
  static void share_cancel_flag(cancel_flag* f) noexcept;
  static void drop_cancel_flag(cancel_flag* f) noexcept;
  static void cancel(cancel_flag* f) noexcept;
  static bool cancelled(cancel_flag const* f) noexcept;

  // string_list's copy of the strings it is given: back to back in `chars`, and in `ends` (as
  // bytes) one std::size_t per string, one past its end.
  static void copy_strings(borrowed_strings const& from, std::string& chars, std::string& ends);
  // The default clocks and sleep of a time_source.
  static void default_time(time_source& t);
  // The category of lf::errc, and lf::to_string(error).
  static std::error_category const& error_category() noexcept;
  static std::string describe(error const& e);
};
using core = define_LEADFEEDER_IMPLEMENTATION_in_exactly_one_cpp_file;
using call_region = core::call_region;
using text_buffer = core::text_buffer;
using request_writer = core::request_writer;
using session = core::session;

}  // namespace detail
LEADFEEDER_END_NAMESPACE
