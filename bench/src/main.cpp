// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: the program. It generates the corpus, checks that every candidate
// computes the same checksum, audits the allocations of one call (with the call stacks of what
// remains), runs the Google Benchmark cases and ends with a table of ratios. See bench/README.md.
#include "alloc_counter.hpp"
#include "candidates.hpp"
#include "common.hpp"

#include <leadfeeder/version.hpp>

#include <benchmark/benchmark.h>
#include <boost/version.hpp>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bench {
namespace {

constexpr std::size_t contacts = 1000;

// ---- Shared state of the cases (made once, before any measurement).

struct corpus {
  std::string body;   // with simdjson's padding as spare capacity
  std::string other;  // the same answer spaced the other way (see respace), padded too
  char const* body_form = "";
  char const* other_form = "";
  std::unique_ptr<lf_decoder> other_decoder;
  std::size_t buffer_size = 0;    // a document_buffer large enough for the body
  std::size_t buffer_needed = 0;  // the smallest that works (4 KiB steps)
  std::unique_ptr<unsigned char[]> buffer;
  std::unique_ptr<lf_decoder> decoder;
  std::unique_ptr<request_bench> requests;
};
corpus* g = nullptr;

// The same JSON text without whitespace between tokens, or with one space after each ',' and ':'
// (as the vendor's documented answers are written).
std::string respace(std::string const& json, bool spaced) {
  std::string out;
  out.reserve(json.size() + (spaced ? json.size() / 8 : 0));
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char const c = json[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < json.size()) {
        out += json[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    out += c;
    if (c == '"') in_string = true;
    if (spaced && (c == ',' || c == ':')) out += ' ';
  }
  return out;
}

// ---- Printing helpers.

std::string with_commas(std::uint64_t v) {
  std::string digits = std::to_string(v);
  std::string out;
  int n = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (n != 0 && n % 3 == 0) out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
    ++n;
  }
  return out;
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      std::size_t const colon = line.find(':');
      if (colon != std::string::npos) return line.substr(colon + 2);
    }
  }
  return "unknown CPU";
}

std::string compiler() {
#if defined(__clang__)
  return std::string("clang++ ") + __clang_version__;
#elif defined(__GNUC__)
  return std::string("g++ ") + __VERSION__;
#else
  return "unknown compiler";
#endif
}

std::string build_flags() {
  std::string s;
#if defined(__OPTIMIZE__)
  s += "optimized";
#else
  s += "NOT OPTIMIZED (numbers are meaningless; build with -O2)";
#endif
#if defined(NDEBUG)
  s += ", NDEBUG";
#else
  s += ", assertions on (no NDEBUG)";
#endif
  return s;
}

// ---- Allocation audit: one call after warm-up, every allocation with its stack.

struct audit_result {
  std::uint64_t count = 0;
  std::uint64_t bytes = 0;
  std::vector<std::string> lines;  // what each group of allocations is and where it comes from
};

bool is_library_frame(alloc::frame const& f) {
  return f.location.find("include/leadfeeder/") != std::string::npos ||
         f.location.find("bench/src/") != std::string::npos;
}

std::string shorten_function(std::string f, std::size_t limit) {
  // Drop the inline namespace and long template argument lists for readability.
  for (std::string const ns : {"leadfeeder::v0::", "boost::json::", "std::__cxx11::"}) {
    for (std::size_t at = f.find(ns); at != std::string::npos; at = f.find(ns)) {
      f.replace(at, ns.size(), ns == "leadfeeder::v0::" ? "lf::" : ns == "boost::json::" ? "bj::" : "std::");
    }
  }
  if (f.size() > limit) f = f.substr(0, limit - 3) + "...";
  return f;
}

// Describes the records grouped by where they come from: how many, what sizes, and the chain of
// calls (the two innermost frames say what allocates; past them, only this library's and the
// benchmark's own source lines, which say who asked).
std::vector<std::string> describe(std::vector<alloc::record> const& records, std::size_t frames) {
  std::vector<std::vector<alloc::frame>> const stacks = alloc::symbolize(records, 64);
  struct group {
    std::string text;
    std::vector<std::size_t> sizes;
  };
  std::vector<group> groups;
  for (std::size_t k = 0; k < records.size(); ++k) {
    std::string text;
    std::vector<alloc::frame> const& stack = stacks[k];
    std::string last;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < stack.size() && shown < frames; ++i) {
      if (i < 2) {
        text += "      at " + shorten_function(stack[i].function, 90) + "  [" + stack[i].location + "]\n";
        last = stack[i].location;
        continue;
      }
      if (!is_library_frame(stack[i]) || stack[i].location == last) continue;
      text += "      <- " + stack[i].location + "\n";
      last = stack[i].location;
      ++shown;
    }
    auto it = std::find_if(groups.begin(), groups.end(), [&](group const& g2) { return g2.text == text; });
    if (it == groups.end()) {
      groups.push_back(group{text, {}});
      it = groups.end() - 1;
    }
    it->sizes.push_back(records[k].size);
  }
  std::vector<std::string> out;
  for (group const& grp : groups) {
    std::string sizes;
    std::size_t total = 0;
    for (std::size_t i = 0; i < grp.sizes.size(); ++i) {
      total += grp.sizes[i];
      if (i < 16) sizes += (i ? ", " : "") + with_commas(grp.sizes[i]);
    }
    if (grp.sizes.size() > 16) sizes += ", ...";
    out.push_back("  " + std::to_string(grp.sizes.size()) + " x (" + sizes + " bytes; " + with_commas(total) +
                  " in all)");
    std::string text = grp.text;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    out.push_back(text);
  }
  return out;
}

template <class F>
audit_result audit(F&& call, std::size_t frames = 6) {
  for (int i = 0; i < 3; ++i) call();  // warm-up: buffers of the client and the parser grow here
  audit_result r;
  alloc::start_recording();
  std::uint64_t const c0 = alloc::count();
  std::uint64_t const b0 = alloc::bytes();
  call();
  r.count = alloc::count() - c0;
  r.bytes = alloc::bytes() - b0;
  std::vector<alloc::record> const records = alloc::stop_recording();
  r.lines = describe(records, frames);
  return r;
}

// ---- Collected results, for the final table.

struct measured {
  double ns = 0;       // CPU time per iteration (what the ratios use: robust to a busy machine)
  double real_ns = 0;  // wall-clock time per iteration
  double allocs = -1;  // per iteration, -1 when not measured
  std::int64_t iterations = 0;
};
std::map<std::string, std::vector<measured>> g_runs;

class collecting_reporter : public benchmark::ConsoleReporter {
 public:
  using ConsoleReporter::ConsoleReporter;
  void ReportRuns(std::vector<Run> const& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (Run const& run : runs) {
      if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
      double scale = 1;
      switch (run.time_unit) {
        case benchmark::kNanosecond: scale = 1; break;
        case benchmark::kMicrosecond: scale = 1e3; break;
        case benchmark::kMillisecond: scale = 1e6; break;
        case benchmark::kSecond: scale = 1e9; break;
      }
      measured m;
      m.ns = run.GetAdjustedCPUTime() * scale;
      m.real_ns = run.GetAdjustedRealTime() * scale;
      m.iterations = run.iterations;
      auto const it = run.counters.find("allocs");
      if (it != run.counters.end()) m.allocs = it->second.value;
      g_runs[run.benchmark_name()].push_back(m);
    }
  }
};

// --fastest: report the fastest repetition instead of the median (on a shared, loaded machine
// the fastest is the one least disturbed by other work).
bool g_fastest = false;

// The median over repetitions, or the fastest with --fastest (one run without
// --benchmark_repetitions).
std::optional<measured> result_of(std::string const& name) {
  auto const it = g_runs.find(name);
  if (it == g_runs.end() || it->second.empty()) return std::nullopt;
  std::vector<measured> runs = it->second;
  std::sort(runs.begin(), runs.end(), [](measured const& a, measured const& b) { return a.ns < b.ns; });
  return g_fastest ? runs.front() : runs[runs.size() / 2];
}

// ---- The cases.

// Runs `body` per iteration; reports time, bytes (when given) and allocations per iteration.
template <class F>
void register_case(std::string const& name, std::size_t bytes, F body) {
  benchmark::RegisterBenchmark(name.c_str(), [bytes, body](benchmark::State& state) mutable {
    std::uint64_t const c0 = alloc::count();
    for (auto _ : state) body(state);
    std::uint64_t const used = alloc::count() - c0;
    if (bytes != 0) state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    state.counters["allocs"] =
        state.iterations() > 0 ? static_cast<double>(used) / static_cast<double>(state.iterations()) : 0.0;
  })->Unit(bytes != 0 ? benchmark::kMillisecond : benchmark::kMicrosecond);
}

void register_cases() {
  std::size_t const n = g->body.size();
  register_case("decode/L_client_send_default", n, [](benchmark::State& st) {
    checksum s;
    if (!g->decoder->decode(s)) st.SkipWithError(g->decoder->error().c_str());
    benchmark::DoNotOptimize(s);
  });
  register_case("decode/L_client_send_buffer", n, [](benchmark::State& st) {
    checksum s;
    if (!g->decoder->decode(s, g->buffer.get(), g->buffer_size)) st.SkipWithError(g->decoder->error().c_str());
    benchmark::DoNotOptimize(s);
  });
  register_case("decode/a_nlohmann_structs", n, [](benchmark::State&) {
    checksum s;
    decode_nlohmann(g->body, s);
    benchmark::DoNotOptimize(s);
  });
  register_case("decode/b_boost_parse_structs", n, [](benchmark::State&) {
    checksum s;
    decode_boost_structs(g->body, s);
    benchmark::DoNotOptimize(s);
  });
  register_case("decode/c_simdjson_ondemand", n, [](benchmark::State& st) {
    checksum s;
    if (!decode_simdjson(g->body, s)) st.SkipWithError("simdjson failed");
    benchmark::DoNotOptimize(s);
  });
  register_case("calib/boost_parse_monotonic_direct", n, [](benchmark::State&) {
    checksum s;
    decode_boost_monotonic(g->body, g->buffer.get(), g->buffer_size, s);
    benchmark::DoNotOptimize(s);
  });
  register_case("calib/boost_basic_parser_null", n, [](benchmark::State& st) {
    if (!tokenize_boost_null(g->body)) st.SkipWithError("basic_parser failed");
  });
  // The parts of an L call.
  register_case("part/transport_body_copy", n, [](benchmark::State&) {
    // What the in-memory transport does: res.body (left empty by the client, which took the
    // previous string) = body; the document then owns the string and frees it.
    std::string res_body;
    res_body = g->body;
    benchmark::DoNotOptimize(res_body.data());
    std::string owned = std::move(res_body);
    benchmark::DoNotOptimize(owned.data());
  });
  register_case("part/document_parse_buffer_incl_copy", n, [](benchmark::State& st) {
    if (!g->decoder->parse_document(g->buffer.get(), g->buffer_size)) st.SkipWithError("document::parse failed");
  });
  register_case("part/boost_parser_into_buffer", n, [](benchmark::State& st) {
    if (!g->decoder->parse_raw(g->buffer.get(), g->buffer_size)) st.SkipWithError("parse failed");
  });
  register_case("whatif/parse_heap_arena_presized", n, [](benchmark::State& st) {
    if (!g->decoder->parse_presized_arena(g->buffer_needed)) st.SkipWithError("parse failed");
  });
  register_case("whatif/parse_heap_arena_default_growth", n, [](benchmark::State& st) {
    if (!g->decoder->parse_presized_arena(1024)) st.SkipWithError("parse failed");
  });
  register_case("part/views_read_all_fields", n, [](benchmark::State&) {
    checksum s;
    g->decoder->read_kept(s);
    benchmark::DoNotOptimize(s);
  });
  register_case("part/direct_value_read_all_fields", n, [](benchmark::State&) {
    checksum s;
    g->decoder->read_kept_direct(s);
    benchmark::DoNotOptimize(s);
  });
  // The same answer with the other spacing: the candidates whose speed depends on it.
  std::size_t const m = g->other.size();
  register_case("other/L_client_send_default", m, [](benchmark::State& st) {
    checksum s;
    if (!g->other_decoder->decode(s)) st.SkipWithError(g->other_decoder->error().c_str());
    benchmark::DoNotOptimize(s);
  });
  register_case("other/a_nlohmann_structs", m, [](benchmark::State&) {
    checksum s;
    decode_nlohmann(g->other, s);
    benchmark::DoNotOptimize(s);
  });
  register_case("other/c_simdjson_ondemand", m, [](benchmark::State& st) {
    checksum s;
    if (!decode_simdjson(g->other, s)) st.SkipWithError("simdjson failed");
    benchmark::DoNotOptimize(s);
  });
  register_case("other/boost_parse_monotonic_direct", m, [](benchmark::State&) {
    checksum s;
    decode_boost_monotonic(g->other, g->buffer.get(), g->buffer_size, s);
    benchmark::DoNotOptimize(s);
  });
  register_case("other/boost_basic_parser_null", m, [](benchmark::State& st) {
    if (!tokenize_boost_null(g->other)) st.SkipWithError("basic_parser failed");
  });
  // Request building: contacts.retrieve with 100 ids.
  for (ids_form form : {ids_form::braced, ids_form::vector, ids_form::borrowed}) {
    std::string const base = std::string("request/") + to_string(form) + "/";
    register_case(base + "builder_only", 0, [form](benchmark::State&) { g->requests->build(form); });
    register_case(base + "write_only", 0, [form](benchmark::State&) { g->requests->write_only(form); });
    register_case(base + "send_default", 0, [form](benchmark::State& st) {
      if (!g->requests->send(form, false)) st.SkipWithError("send failed");
    });
    register_case(base + "send_buffer", 0, [form](benchmark::State& st) {
      if (!g->requests->send(form, true)) st.SkipWithError("send failed");
    });
  }
}

// ---- Paired rounds (--paired[=ROUNDS]): the ratios, robust to a machine whose speed drifts.
//
// Google Benchmark measures one case after another, seconds apart; on a shared machine whose
// speed moves by half within a minute, two cases can see different machines. Here each round
// calls every candidate once, one right after another, in an order that rotates from round to
// round, and takes the ratio of the candidate's time to L's time of the same round. The median
// of those ratios (and their quartiles) is the figure: a drift slower than one round cancels out.

struct paired_case {
  char const* name;
  bool (*run)();  // false when the call failed
};

double thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  double const at = q * static_cast<double>(v.size() - 1);
  std::size_t const lo = static_cast<std::size_t>(at);
  std::size_t const hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (at - static_cast<double>(lo));
}

checksum g_paired_sink;  // what the paired calls read, so that none is optimised away

// Runs `rounds` rounds over cases[0..n); cases[0..lead) are the L rows the ratios are taken to.
bool paired_table(char const* title, paired_case const* cases, std::size_t n, std::size_t lead, int rounds) {
  std::vector<std::vector<double>> times(n);
  bool ok = true;
  for (int warm = 0; warm < 3; ++warm) {
    for (std::size_t i = 0; i < n; ++i) ok = cases[i].run() && ok;
  }
  for (int r = 0; r < rounds; ++r) {
    for (std::size_t k = 0; k < n; ++k) {
      std::size_t const i = (k + static_cast<std::size_t>(r)) % n;
      double const t0 = thread_cpu_ns();
      ok = cases[i].run() && ok;
      times[i].push_back(thread_cpu_ns() - t0);
    }
  }
  if (!ok) {
    std::printf("\nFAILED: a call of the paired rounds failed (%s)\n", title);
    return false;
  }
  std::printf("\n%s\n%-40s %10s", title, "candidate", "median ms");
  for (std::size_t l = 0; l < lead; ++l) std::printf("   %-26s", l == 0 ? "vs L default" : "vs L document_buffer");
  std::printf("\n");
  for (std::size_t i = 0; i < n; ++i) {
    std::printf("%-40s %10.3f", cases[i].name, quantile(times[i], 0.5) / 1e6);
    for (std::size_t l = 0; l < lead; ++l) {
      char text[64] = "-";
      if (i != l) {
        std::vector<double> r;
        for (std::size_t j = 0; j < times[i].size(); ++j) r.push_back(times[i][j] / times[l][j]);
        std::snprintf(text, sizeof text, "%.3fx [%.3f-%.3f]", quantile(r, 0.5), quantile(r, 0.25), quantile(r, 0.75));
      }
      std::printf("   %-26s", text);
    }
    std::printf("\n");
  }
  return true;
}

template <class Decode>
bool read_into_sink(Decode decode) {
  checksum s;
  bool const ok = decode(s);
  g_paired_sink.number(s.numbers);
  return ok;
}

bool nlohmann_into_sink(std::string const& body) {
  return read_into_sink([&body](checksum& s) {
    decode_nlohmann(body, s);
    return true;
  });
}

bool run_paired(int rounds) {
  paired_case const cases[] = {
      {"(L) client.send, default options",
       [] { return read_into_sink([](checksum& s) { return g->decoder->decode(s); }); }},
      {"(L) client.send, document_buffer",
       [] {
         return read_into_sink([](checksum& s) { return g->decoder->decode(s, g->buffer.get(), g->buffer_size); });
       }},
      {"(a) nlohmann::json + structs", [] { return nlohmann_into_sink(g->body); }},
      {"(c) simdjson on-demand",
       [] { return read_into_sink([](checksum& s) { return decode_simdjson(g->body, s); }); }},
      {"cal basic_parser, null handler", [] { return tokenize_boost_null(g->body); }},
      {"part: document::parse (lent memory)",
       [] { return g->decoder->parse_document(g->buffer.get(), g->buffer_size); }},
      {"part: reading every field",
       [] {
         return read_into_sink([](checksum& s) {
           g->decoder->read_kept(s);
           return true;
         });
       }},
  };
  paired_case const others[] = {
      {"(L) client.send, default options",
       [] { return read_into_sink([](checksum& s) { return g->other_decoder->decode(s); }); }},
      {"(a) nlohmann::json + structs", [] { return nlohmann_into_sink(g->other); }},
      {"(c) simdjson on-demand",
       [] { return read_into_sink([](checksum& s) { return decode_simdjson(g->other, s); }); }},
      {"cal basic_parser, null handler", [] { return tokenize_boost_null(g->other); }},
  };
  std::printf(
      "\nPaired rounds: %d rounds, each calling every candidate once in a rotating order (thread CPU\n"
      "time). Ratio = the candidate's time / L's time in the same round; median [quartiles] over rounds.\n"
      "targets: L/c >= 0.6x, L/null >= 0.8x, L/a >= 15x (the ratios of rows (c), cal and (a))\n",
      rounds);
  std::string const title = std::string("The answer ") + g->body_form + " (" + with_commas(g->body.size()) + " bytes)";
  std::string const other = std::string("The same answer ") + g->other_form + " (" + with_commas(g->other.size()) +
                            " bytes)";
  bool const ok = paired_table(title.c_str(), cases, sizeof cases / sizeof cases[0], 2, rounds) &&
                  paired_table(other.c_str(), others, sizeof others / sizeof others[0], 1, rounds);
  std::printf("(checksum of the paired calls: %llu)\n", static_cast<unsigned long long>(g_paired_sink.numbers));
  return ok;
}

// ---- Start-up: corpus, checksums, buffer size.

bool check_checksums() {
  checksum ref;
  decode_nlohmann(g->body, ref);
  std::printf("checksum (a) nlohmann + structs:           %s\n", to_string(ref).c_str());
  bool ok = true;
  auto check = [&](char const* name, checksum const& s, bool ran) {
    bool const same = ran && s == ref;
    std::printf("checksum %-34s %s%s\n", name, same ? "equal" : "DIFFERENT: ", same ? "" : to_string(s).c_str());
    ok = ok && same;
  };
  checksum l_default, l_buffer, b, c, calib;
  bool const l1 = g->decoder->decode(l_default);
  if (!l1) std::printf("  L failed: %s\n", g->decoder->error().c_str());
  check("(L) client.send, default options:", l_default, l1);
  bool const l2 = g->decoder->decode(l_buffer, g->buffer.get(), g->buffer_size);
  if (!l2) std::printf("  L failed: %s\n", g->decoder->error().c_str());
  check("(L) client.send, document_buffer:", l_buffer, l2);
  decode_boost_structs(g->body, b);
  check("(b) boost::json::parse + structs:", b, true);
  bool const c_ok = decode_simdjson(g->body, c);
  check("(c) simdjson on-demand:", c, c_ok);
  decode_boost_monotonic(g->body, g->buffer.get(), g->buffer_size, calib);
  check("(cal) boost::json monotonic + value:", calib, true);
  checksum kept, kept_direct;
  g->decoder->read_kept(kept);
  check("(part) views over a kept response:", kept, true);
  g->decoder->read_kept_direct(kept_direct);
  check("(part) boost::json::value, same document:", kept_direct, true);
  check("(cal) basic_parser null handler:", ref, tokenize_boost_null(g->body));
  checksum other_l, other_c;
  bool const ol = g->other_decoder->decode(other_l);
  if (!ol) std::printf("  L failed: %s\n", g->other_decoder->error().c_str());
  check("(L) the other spacing:", other_l, ol);
  check("(c) simdjson, the other spacing:", other_c, decode_simdjson(g->other, other_c));
  return ok;
}

// The smallest document_buffer that holds the parsed body (4 KiB steps), found by trying.
std::size_t find_buffer_size() {
  auto fits = [](std::size_t size) {
    auto buf = std::make_unique<unsigned char[]>(size);
    checksum s;
    bool const ok = g->decoder->decode(s, buf.get(), size);
    if (!ok && !g->decoder->buffer_exhausted()) {
      std::printf("unexpected failure with a %zu-byte buffer: %s\n", size, g->decoder->error().c_str());
      std::exit(1);
    }
    return ok;
  };
  std::size_t hi = g->body.size();
  while (!fits(hi)) hi *= 2;
  std::size_t lo = hi / 2;  // does not fit (or is the first guess)
  if (fits(lo)) return lo;
  while (hi - lo > 4096) {
    std::size_t const mid = lo + (hi - lo) / 2;
    (fits(mid) ? hi : lo) = mid;
  }
  return hi;
}

// ---- The final table.

std::string fmt(char const* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

void print_tables(std::vector<std::pair<std::string, audit_result>> const& audits) {
  double const mb = static_cast<double>(g->body.size()) / 1e6;
  std::printf("\n==================================================================================================\n");
  std::printf("RESULTS  leadfeeder-cpp %s, %zu contacts, %s bytes of JSON (MB = 10^6 bytes)\n",
              LEADFEEDER_VERSION_STRING, contacts, with_commas(g->body.size()).c_str());
  std::printf("machine: %s; %s; %s\n", cpu_model().c_str(), compiler().c_str(), build_flags().c_str());
  std::printf("==================================================================================================\n");

  auto L_def = result_of("decode/L_client_send_default");
  auto L_buf = result_of("decode/L_client_send_buffer");
  struct row {
    char const* name;
    char const* label;
  };
  row const rows[] = {
      {"decode/L_client_send_default", "(L) client.send, default options"},
      {"decode/L_client_send_buffer", "(L) client.send, document_buffer"},
      {"part/transport_body_copy", "    of which: transport copy to res.body"},
      {"decode/a_nlohmann_structs", "(a) nlohmann::json + structs"},
      {"decode/b_boost_parse_structs", "(b) boost::json::parse + structs"},
      {"decode/c_simdjson_ondemand", "(c) simdjson on-demand, in place"},
      {"calib/boost_parse_monotonic_direct", "cal boost::json monotonic buf + value"},
      {"calib/boost_basic_parser_null", "cal boost::json basic_parser, null hnd"},
  };
  std::printf("\n1. Decode + read every field (same checksum for all)\n");
  std::printf("   times are CPU time per call (%s of repetitions); 'wall' is the wall-clock time\n",
              g_fastest ? "the fastest" : "median");
  std::printf("%-42s %10s %10s %9s %12s %13s %13s\n", "candidate", "ms/call", "wall ms", "MB/s", "allocs/call",
              "L(default)/x", "L(buffer)/x");
  for (row const& r : rows) {
    auto m = result_of(r.name);
    if (!m) {
      std::printf("%-42s %10s\n", r.label, "(not run)");
      continue;
    }
    std::string ratio_def = "-", ratio_buf = "-";
    if (std::string_view(r.name).rfind("decode/L", 0) != 0 && std::string_view(r.name).rfind("part/", 0) != 0) {
      if (L_def) ratio_def = fmt("%.2fx", m->ns / L_def->ns);
      if (L_buf) ratio_buf = fmt("%.2fx", m->ns / L_buf->ns);
    }
    std::printf("%-42s %10.3f %10.3f %9.1f %12.1f %13s %13s\n", r.label, m->ns / 1e6, m->real_ns / 1e6,
                mb / (m->ns / 1e9), m->allocs, ratio_def.c_str(), ratio_buf.c_str());
  }
  if (auto copy = result_of("part/transport_body_copy"); copy && L_def && L_buf) {
    std::printf("%-42s %10.3f %10s %9.1f   (L default minus the copy)\n", "    L default without the transport copy",
                (L_def->ns - copy->ns) / 1e6, "", mb / ((L_def->ns - copy->ns) / 1e9));
    std::printf("%-42s %10.3f %10s %9.1f   (L buffer minus the copy)\n", "    L buffer without the transport copy",
                (L_buf->ns - copy->ns) / 1e6, "", mb / ((L_buf->ns - copy->ns) / 1e9));
  }

  std::printf("\n   Parts of one L call (document_buffer), measured separately:\n");
  row const parts[] = {
      {"part/transport_body_copy", "transport: res.body = body (malloc+memcpy+free)"},
      {"part/document_parse_buffer_incl_copy", "document::parse (body copy + tape, lent memory)"},
      {"part/boost_parser_into_buffer", "for comparison: a Boost.JSON DOM into an arena"},
      {"part/views_read_all_fields", "views: reading every field of a kept response"},
      {"part/direct_value_read_all_fields", "  same reads via a boost::json::value DOM"},
      {"calib/boost_basic_parser_null", "reference: Boost.JSON tokenizer alone"},
  };
  for (row const& r : parts) {
    if (auto m = result_of(r.name)) {
      std::printf("   %-56s %8.3f ms  %7.1f MB/s", r.label, m->ns / 1e6, mb / (m->ns / 1e9));
      if (L_buf) std::printf("  %5.1f%% of L(buffer)", 100.0 * m->ns / L_buf->ns);
      std::printf("\n");
    }
  }

  std::printf("\n   What-ifs (not what the library does; they size the effect of a change):\n");
  row const whatifs[] = {
      {"whatif/parse_heap_arena_default_growth", "a Boost.JSON DOM into a heap arena, 1 KiB first block"},
      {"whatif/parse_heap_arena_presized", "a Boost.JSON DOM into a heap arena, presized"},
  };
  for (row const& r : whatifs) {
    if (auto m = result_of(r.name)) {
      std::printf("   %-56s %8.3f ms  %7.1f MB/s  %5.1f allocs\n", r.label, m->ns / 1e6, mb / (m->ns / 1e9), m->allocs);
    }
  }

  std::printf("\n   Targets (ratio = candidate time / L time = how many times faster L is):\n");
  struct target {
    char const* name;
    char const* label;
    double min;
  };
  target const targets[] = {
      {"decode/a_nlohmann_structs", "L/a >= 15x", 15.0},
      {"decode/b_boost_parse_structs", "L/b >=  3x", 3.0},
      {"decode/c_simdjson_ondemand", "L/c >= 0.6x", 0.6},
      {"calib/boost_basic_parser_null", "L/null >= 0.8x", 0.8},
  };
  for (target const& t : targets) {
    auto m = result_of(t.name);
    if (!m || !L_def || !L_buf) continue;
    double const d = m->ns / L_def->ns;
    double const b = m->ns / L_buf->ns;
    std::printf("   %-14s default options %6.2fx %-7s  lent memory %6.2fx %s\n", t.label, d,
                d >= t.min ? "MET" : "NOT MET", b, b >= t.min ? "MET" : "NOT MET");
  }

  double const mb2 = static_cast<double>(g->other.size()) / 1e6;
  std::printf("\n   The same answer %s (%s bytes; above: %s)\n", g->other_form, with_commas(g->other.size()).c_str(),
              g->body_form);
  auto L_other = result_of("other/L_client_send_default");
  row const others[] = {
      {"other/L_client_send_default", "(L) client.send, default options"},
      {"other/a_nlohmann_structs", "(a) nlohmann::json + structs"},
      {"other/c_simdjson_ondemand", "(c) simdjson on-demand, in place"},
      {"other/boost_parse_monotonic_direct", "cal boost::json monotonic buf + value"},
      {"other/boost_basic_parser_null", "cal boost::json basic_parser, null hnd"},
  };
  for (row const& r : others) {
    auto m = result_of(r.name);
    if (!m) continue;
    bool const is_l = std::string_view(r.name) == "other/L_client_send_default";
    std::string const ratio = L_other && !is_l ? fmt("%.2fx", m->ns / L_other->ns) : std::string("-");
    std::printf("%-42s %10.3f %10.3f %9.1f %12.1f %13s\n", r.label, m->ns / 1e6, m->real_ns / 1e6, mb2 / (m->ns / 1e9),
                m->allocs, ratio.c_str());
  }

  std::printf("\n2. Heap allocations of one client.send of the %zu-contact response, after warm-up\n", contacts);
  for (auto const& [name, a] : audits) {
    if (name.rfind("send ", 0) != 0) continue;
    std::printf("   %-44s %3llu allocations, %s bytes\n", name.c_str() + 5, static_cast<unsigned long long>(a.count),
                with_commas(a.bytes).c_str());
  }
  std::printf("   targets: <= 3 with defaults; 0 with lent memory (and a reused response)\n");
  double const body_bytes = static_cast<double>(g->body.size());
  for (auto const& [name, a] : audits) {
    if (name != "send default options") continue;
    // The transport's copy of the body is one of the allocations; what is beyond it is the
    // library's (the document's bookkeeping and tape).
    double const beyond = (static_cast<double>(a.bytes) - body_bytes) / body_bytes;
    std::printf("   heap bytes beyond the body, default options: %.2f per body byte (target <= 1.6: %s)\n", beyond,
                beyond <= 1.6 ? "MET" : "NOT MET");
  }
  std::printf("   document: %s nodes (%.3f per body byte), tape %s bytes = %.2f per body byte\n",
              with_commas(g->decoder->node_count()).c_str(), static_cast<double>(g->decoder->node_count()) / body_bytes,
              with_commas(g->decoder->tape_bytes()).c_str(),
              static_cast<double>(g->decoder->tape_bytes()) / body_bytes);
  for (auto const& [name, a] : audits) {
    if (name == "send default options") {
      std::printf("   default options: %s\n", a.count <= 3 ? "MET" : "NOT MET");
    } else if (name == "send document_buffer") {
      std::printf("   document_buffer: %s\n", a.count == 0 ? "MET" : "NOT MET");
    }
  }
  std::printf("   (document_buffer used: %s bytes; the smallest that works: %s bytes = %.2f x the JSON)\n",
              with_commas(g->buffer_size).c_str(), with_commas(g->buffer_needed).c_str(),
              static_cast<double>(g->buffer_needed) / static_cast<double>(g->body.size()));

  std::printf("\n3. contacts.retrieve with 100 ids: time and allocations per call (after warm-up)\n");
  std::printf("   %-8s %-14s %10s %10s %12s %16s\n", "ids", "what", "us/call", "wall us", "allocs/call",
              "audit (1 call)");
  for (ids_form form : {ids_form::braced, ids_form::vector, ids_form::borrowed}) {
    for (char const* what : {"builder_only", "write_only", "send_default", "send_buffer"}) {
      std::string const name = std::string("request/") + to_string(form) + "/" + what;
      auto m = result_of(name);
      std::string audited = "-";
      for (auto const& [an, a] : audits) {
        if (an == name) audited = std::to_string(a.count);
      }
      if (m) {
        std::printf("   %-8s %-14s %10.3f %10.3f %12.2f %16s\n", to_string(form), what, m->ns / 1e3, m->real_ns / 1e3,
                    m->allocs, audited.c_str());
      }
    }
  }
  bool zero = false;
  for (auto const& [an, a] : audits) {
    if (an.rfind("request/", 0) == 0 && an.find("send_") != std::string::npos && a.count == 0) {
      std::printf("   target 0 allocations reached by: %s\n", an.c_str());
      zero = true;
    }
  }
  if (!zero) std::printf("   target 0 allocations: NOT MET by any path\n");
  std::printf("\n4. Compile time: run bench/compile_time.sh (a separate script).\n");
}

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
  using namespace bench;
  // --smoke: a quick run for CI (each case runs for ~10 ms).
  std::vector<char*> args(argv, argv + argc);
  bool smoke = false;
  bool has_min_time = false;
  int paired = 0;  // --paired[=ROUNDS]: only the paired rounds (no Google Benchmark cases)
  for (std::size_t i = 1; i < args.size();) {
    if (std::strcmp(args[i], "--smoke") == 0) {
      smoke = true;
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    if (std::strncmp(args[i], "--paired", 8) == 0 && (args[i][8] == '\0' || args[i][8] == '=')) {
      paired = args[i][8] == '=' ? std::atoi(args[i] + 9) : 100;
      if (paired <= 0) {
        std::fprintf(stderr, "--paired=ROUNDS needs a positive number of rounds\n");
        return 1;
      }
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    if (std::strcmp(args[i], "--fastest") == 0) {
      g_fastest = true;
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    if (std::strncmp(args[i], "--benchmark_min_time", 20) == 0) has_min_time = true;
    ++i;
  }
  static char min_time[] = "--benchmark_min_time=0.01";
  if (smoke && !has_min_time) args.push_back(min_time);
  int n = static_cast<int>(args.size());
  args.push_back(nullptr);
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;

  alloc::warm_up();
  corpus c;
  g = &c;
  {
    std::string const body = make_contacts_body(contacts);
    bool const spaced = body.find("\": ") != std::string::npos;
    std::string const other = respace(body, !spaced);
    c.body.reserve(body.size() + 64);  // simdjson's padding, as spare capacity
    c.body = body;
    c.other.reserve(other.size() + 64);
    c.other = other;
    c.body_form = spaced ? "spaced (\", \" and \": \")" : "minified";
    c.other_form = spaced ? "minified" : "spaced (\", \" and \": \")";
  }
  std::printf("leadfeeder-cpp %s benchmark%s\n", LEADFEEDER_VERSION_STRING, smoke ? " (smoke mode)" : "");
  std::printf("machine:  %s\ncompiler: %s; %s\n", cpu_model().c_str(), compiler().c_str(), build_flags().c_str());
  std::printf("libraries: Boost %d.%d.%d (Boost.JSON), nlohmann::json %s, simdjson %s [%s]\n", BOOST_VERSION / 100000,
              BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100, nlohmann_version().c_str(), simdjson_version().c_str(),
              simdjson_implementation().c_str());
  std::printf("corpus:   Retrieve Contacts, %zu contacts, %s bytes\n\n", contacts, with_commas(c.body.size()).c_str());

  c.decoder = std::make_unique<lf_decoder>(c.body);
  c.requests = std::make_unique<request_bench>();
  c.buffer_needed = find_buffer_size();
  c.buffer_size = (c.buffer_needed + 65535) / 65536 * 65536 + 65536;
  c.buffer = std::make_unique<unsigned char[]>(c.buffer_size);
  c.other_decoder = std::make_unique<lf_decoder>(c.other);
  std::printf("document_buffer: the smallest that holds the document is %s bytes (%.2f x the JSON); using %s\n\n",
              with_commas(c.buffer_needed).c_str(),
              static_cast<double>(c.buffer_needed) / static_cast<double>(c.body.size()),
              with_commas(c.buffer_size).c_str());

  if (!check_checksums()) {
    std::printf("\nFAILED: the candidates do not read the same data\n");
    return 1;
  }
  std::string const url = c.requests->last_url();
  std::printf("request URL with 100 ids: %zu characters (%s...)\n\n", url.size(), url.substr(0, 80).c_str());

  // Allocation audits (sections 2 and 3): one call after three warm-up calls.
  std::vector<std::pair<std::string, audit_result>> audits;
  audits.emplace_back("send default options", audit(
                                                  [] {
                                                    checksum s;
                                                    g->decoder->decode(s);
                                                  },
                                                  8));
  audits.emplace_back("send document_buffer", audit(
                                                  [] {
                                                    checksum s;
                                                    g->decoder->decode(s, g->buffer.get(), g->buffer_size);
                                                  },
                                                  8));
  for (ids_form form : {ids_form::braced, ids_form::vector, ids_form::borrowed}) {
    std::string const base = std::string("request/") + to_string(form) + "/";
    audits.emplace_back(base + "builder_only", audit([form] { g->requests->build(form); }, 4));
    audits.emplace_back(base + "write_only", audit([form] { g->requests->write_only(form); }, 4));
    audits.emplace_back(base + "send_default", audit([form] { g->requests->send(form, false); }, 4));
    audits.emplace_back(base + "send_buffer", audit([form] { g->requests->send(form, true); }, 4));
  }
  std::printf(
      "Allocation audit (one call after 3 warm-up calls; grouped by call stack, innermost first;\n"
      "'at' = what allocates, '<-' = the frames of this library and of the benchmark that led there)\n");
  for (auto const& [name, a] : audits) {
    std::printf("%s: %llu allocations, %s bytes\n", name.c_str(), static_cast<unsigned long long>(a.count),
                with_commas(a.bytes).c_str());
    for (std::string const& line : a.lines) std::printf("%s\n", line.c_str());
  }
  std::printf("\n");
  std::fflush(stdout);

  if (paired > 0) return run_paired(paired) ? 0 : 1;
  register_cases();
  collecting_reporter reporter(isatty(fileno(stdout)) ? benchmark::ConsoleReporter::OO_ColorTabular
                                                      : benchmark::ConsoleReporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  print_tables(audits);
  return 0;
}
