// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: the entry points of each candidate. Every decode function parses the
// whole body and reads the same fields into a checksum.
#pragma once

#include "common.hpp"

#include <boost/json/fwd.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace bench {

// ---- (L) leadfeeder-cpp: client.send(lf::contacts::retrieve()...) over an in-memory transport
// that copies `body` into res.body on every call.
class lf_decoder {
 public:
  explicit lf_decoder(std::string const& body);
  ~lf_decoder();
  lf_decoder(lf_decoder const&) = delete;
  lf_decoder& operator=(lf_decoder const&) = delete;

  /// client.send(builder): default options. False when the call failed (message in error()).
  bool decode(checksum& s);
  /// client.send(builder, lf::memory_block{buffer, size}).
  bool decode(checksum& s, void* buffer, std::size_t size);
  /// The last call's error, as lf::to_string gives it.
  std::string const& error() const noexcept;
  /// True when the last call failed with errc::buffer_exhausted.
  bool buffer_exhausted() const noexcept;

  // -- The parts of a call, for the breakdown (they use the library's public pieces directly).
  /// lf::document::parse of a fresh copy of the body, its tape in `buffer` (the copy included).
  bool parse_document(void* buffer, std::size_t size);
  /// Reads every field through the views of a response decoded once and kept (reads only).
  void read_kept(checksum& s);
  /// The same reads on a Boost.JSON DOM of the kept document (lf::to_boost_json, made once).
  void read_kept_direct(checksum& s);
  /// boost::json::parser (reused) into a monotonic arena over `buffer`: a DOM parse, for
  /// comparison with the tape.
  bool parse_raw(void* buffer, std::size_t size);
  /// parse_raw into a heap arena whose first block is `initial` bytes.
  bool parse_presized_arena(std::size_t initial);
  /// The tape bytes and nodes of the kept response's document.
  std::size_t tape_bytes();
  std::size_t node_count();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// ---- (a) nlohmann::json::parse + hand-written structs.
void decode_nlohmann(std::string const& body, checksum& s);

// ---- (b) boost::json::parse (default allocator) + conversion into the same structs.
void decode_boost_structs(std::string const& body, checksum& s);

// ---- (c) simdjson on-demand: the same fields, read in place (string_views into the parser).
/// `body` must have at least simdjson's padding (64 bytes) of capacity past its size.
bool decode_simdjson(std::string const& body, checksum& s);
std::string simdjson_implementation();
std::string simdjson_version();
std::string nlohmann_version();

// ---- Calibration: Boost.JSON by itself.
/// boost::json::parse into a monotonic_resource over `buffer` (reused), reads through
/// boost::json::value directly.
void decode_boost_monotonic(std::string const& body, void* buffer, std::size_t size, checksum& s);
/// boost::json::basic_parser with a handler that does nothing: the tokenizer alone.
bool tokenize_boost_null(std::string const& body);
/// The reads of decode_boost_monotonic on a tree parsed elsewhere.
void read_boost_direct(boost::json::value const& root, checksum& s);

// ---- Request building (contacts.retrieve with 100 ids).
enum class ids_form { braced, vector, borrowed };
char const* to_string(ids_form f) noexcept;

class request_bench {
 public:
  request_bench();
  ~request_bench();
  request_bench(request_bench const&) = delete;
  request_bench& operator=(request_bench const&) = delete;

  /// Constructs the builder (account_id + 100 ids in `form`) and lets it escape.
  void build(ids_form form);
  /// Builds it and sends it through a client whose transport answers {"data":[]}; with a
  /// document buffer when `buffered`. False when the call failed.
  bool send(ids_form form, bool buffered);
  /// The builder's write() alone into the library's request writer (builder made once).
  void write_only(ids_form form);
  /// The URL of the last request the transport saw (for a check).
  std::string last_url();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace bench
