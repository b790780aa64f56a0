// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: one part of a call on the 1,000-contact answer, repeated with nothing
// else in the process, for a profiler or valgrind:
//
//   leadfeeder_bench_profile parse|read|send|send_buffer [CALLS] [CONTACTS]
//
//   parse        lf::document::parse of a copy of the body, the tape in lent memory
//   read         every field through the views of a response decoded once and kept
//   send         client.send with default options, then every field read
//   send_buffer  the same with a lent document_buffer
//
// It prints the fastest and the median wall time per call and the checksum of what was read. For
// instruction counts: valgrind --tool=callgrind --toggle-collect='*in_exactly_one_cpp_file::parse*'
// (the parse) or --toggle-collect='bench::lf_decoder::read_kept*' (the reads, after one parse).
#include "candidates.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

int main(int argc, char** argv) {
  std::string_view const part = argc > 1 ? argv[1] : "";
  if (part != "parse" && part != "read" && part != "send" && part != "send_buffer") {
    std::fprintf(stderr, "usage: %s parse|read|send|send_buffer [CALLS] [CONTACTS]\n", argv[0]);
    return 2;
  }
  int const calls = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;
  std::size_t const contacts = argc > 3 ? static_cast<std::size_t>(std::max(1, std::atoi(argv[3]))) : 1000;
  std::string body = bench::make_contacts_body(contacts);
  bench::lf_decoder decoder(body);
  std::size_t const size = body.size() * 2 + (1u << 16);  // the tape needs about 1.6x the body
  std::unique_ptr<unsigned char[]> buffer(new unsigned char[size]);
  bench::checksum sum;
  std::vector<double> ms;
  ms.reserve(static_cast<std::size_t>(calls));
  for (int i = 0; i < calls; ++i) {
    auto const start = std::chrono::steady_clock::now();
    bool ok = true;
    if (part == "parse") {
      ok = decoder.parse_document(buffer.get(), size);
    } else if (part == "read") {
      decoder.read_kept(sum);
    } else if (part == "send") {
      ok = decoder.decode(sum);
    } else {
      ok = decoder.decode(sum, buffer.get(), size);
    }
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (!ok) {
      std::fprintf(stderr, "call %d failed: %s\n", i, decoder.error().c_str());
      return 1;
    }
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%s: %d calls, %zu bytes of JSON: fastest %.3f ms, median %.3f ms\n%s\n", argv[1], calls, body.size(),
              ms.front(), ms[ms.size() / 2], bench::to_string(sum).c_str());
  return 0;
}
