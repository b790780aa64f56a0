// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: the replaced global operator new/delete (every form) and the
// allocation records. See alloc_counter.hpp.
#include "alloc_counter.hpp"

#include <cxxabi.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <link.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

namespace bench::alloc {
namespace {

thread_local std::uint64_t t_count = 0;
thread_local std::uint64_t t_bytes = 0;
thread_local bool t_inside = false;  // no recording of what backtrace() itself might allocate

constexpr std::size_t max_records = 4096;
record g_records[max_records];
std::size_t g_recorded = 0;
std::atomic<bool> g_recording{false};

void note(std::size_t n, std::size_t alignment) noexcept {
  ++t_count;
  t_bytes += n;
  if (!g_recording.load(std::memory_order_relaxed) || t_inside) return;
  if (g_recorded >= max_records) return;
  t_inside = true;
  record& r = g_records[g_recorded++];
  r.size = n;
  r.alignment = alignment;
  r.frames = ::backtrace(r.stack, max_frames);
  t_inside = false;
}

void* allocate(std::size_t n) noexcept { return std::malloc(n == 0 ? 1 : n); }

void* allocate_aligned(std::size_t n, std::size_t alignment) noexcept {
  if (alignment < sizeof(void*)) alignment = sizeof(void*);
  void* p = nullptr;
  if (::posix_memalign(&p, alignment, n == 0 ? 1 : n) != 0) return nullptr;
  return p;
}

void* checked(void* p) {
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace

std::uint64_t count() noexcept { return t_count; }
std::uint64_t bytes() noexcept { return t_bytes; }

void start_recording() noexcept {
  g_recorded = 0;
  g_recording.store(true, std::memory_order_relaxed);
}

std::vector<record> stop_recording() {
  g_recording.store(false, std::memory_order_relaxed);
  return std::vector<record>(g_records, g_records + g_recorded);
}

void warm_up() noexcept {
  void* stack[4];
  (void)::backtrace(stack, 4);
}

namespace {

std::string demangle(char const* name) {
  if (name == nullptr) return "??";
  int status = 0;
  char* d = abi::__cxa_demangle(name, nullptr, nullptr, &status);
  if (status != 0 || d == nullptr) return name;
  std::string s(d);
  std::free(d);
  return s;
}

// The load bias of the main executable (0 when it is not position-independent).
ElfW(Addr) executable_bias() {
  ElfW(Addr) bias = 0;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) -> int {
        *static_cast<ElfW(Addr)*>(out) = info->dlpi_addr;
        return 1;  // the first entry is the executable
      },
      &bias);
  return bias;
}

std::string executable_path() {
  char buf[4096];
  ssize_t const n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  return std::string(buf, static_cast<std::size_t>(n));
}

std::string shorten(std::string path) {
  for (char const* marker : {"include/leadfeeder/", "bench/src/", "boost/", "nlohmann/", "simdjson"}) {
    std::size_t const at = path.find(marker);
    if (at != std::string::npos) return path.substr(at);
  }
  std::size_t const cxx = path.find("/c++/");
  if (cxx != std::string::npos) return "<libstdc++>" + path.substr(path.find('/', cxx + 5));
  return path;
}

// Runs addr2line once for a set of addresses of the executable; per address, its inline chain
// (innermost first) as (function, file:line).
std::vector<std::vector<frame>> addr2line(std::string const& exe, std::vector<ElfW(Addr)> const& offsets) {
  std::vector<std::vector<frame>> out(offsets.size());
  if (offsets.empty() || exe.empty()) return out;
  std::string cmd = "addr2line -a -C -f -i -e '" + exe + "'";
  char hex[32];
  for (ElfW(Addr) o : offsets) {
    std::snprintf(hex, sizeof hex, " 0x%lx", static_cast<unsigned long>(o));
    cmd += hex;
  }
  cmd += " 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  std::vector<std::string> lines;
  char line[8192];
  while (std::fgets(line, sizeof line, p) != nullptr) {
    std::string s(line);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    lines.push_back(std::move(s));
  }
  ::pclose(p);
  std::size_t index = static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("0x", 0) == 0) {
      ++index;
      continue;
    }
    if (index >= out.size() || i + 1 >= lines.size()) break;
    std::string location = lines[i + 1];
    std::size_t const disc = location.find(" (discriminator");
    if (disc != std::string::npos) location.erase(disc);
    out[index].push_back(frame{lines[i], shorten(location)});
    ++i;
  }
  return out;
}

}  // namespace

std::vector<std::vector<frame>> symbolize(std::vector<record> const& records, std::size_t limit) {
  static ElfW(Addr) const bias = executable_bias();
  static std::string const exe = executable_path();
  Dl_info self{};
  ::dladdr(reinterpret_cast<void*>(&count), &self);

  struct slot {
    std::size_t exe_index = static_cast<std::size_t>(-1);  // into offsets, when in the executable
    frame shared;
  };
  std::vector<std::vector<slot>> slots(records.size());
  std::vector<ElfW(Addr)> offsets;
  for (std::size_t k = 0; k < records.size(); ++k) {
    record const& r = records[k];
    for (int i = 0; i < r.frames; ++i) {
      auto const address = reinterpret_cast<ElfW(Addr)>(r.stack[i]) - 1;  // inside the call
      Dl_info info{};
      slot s;
      if (::dladdr(reinterpret_cast<void*>(address), &info) != 0 && info.dli_fbase == self.dli_fbase) {
        s.exe_index = offsets.size();
        offsets.push_back(address - bias);
      } else {
        std::string object = info.dli_fname != nullptr ? info.dli_fname : "??";
        std::size_t const slash = object.rfind('/');
        if (slash != std::string::npos) object.erase(0, slash + 1);
        s.shared = frame{demangle(info.dli_sname), object};
      }
      slots[k].push_back(std::move(s));
    }
  }
  std::vector<std::vector<frame>> const resolved = addr2line(exe, offsets);
  std::vector<std::vector<frame>> out(records.size());
  for (std::size_t k = 0; k < records.size(); ++k) {
    for (slot const& s : slots[k]) {
      std::vector<frame> chain;
      if (s.exe_index != static_cast<std::size_t>(-1)) {
        chain = resolved[s.exe_index];
      } else {
        chain.push_back(s.shared);
      }
      for (frame& f : chain) {
        // Leave out the counting machinery itself.
        if (f.location.find("alloc_counter.cpp") != std::string::npos) continue;
        if (f.function.rfind("operator new", 0) == 0) continue;
        if (out[k].size() < limit) out[k].push_back(std::move(f));
      }
    }
  }
  return out;
}

}  // namespace bench::alloc

// ---- The replaced global allocation functions (every form of [new.delete]).

void* operator new(std::size_t n) {
  bench::alloc::note(n, 0);
  return bench::alloc::checked(bench::alloc::allocate(n));
}
void* operator new[](std::size_t n) {
  bench::alloc::note(n, 0);
  return bench::alloc::checked(bench::alloc::allocate(n));
}
void* operator new(std::size_t n, std::nothrow_t const&) noexcept {
  bench::alloc::note(n, 0);
  return bench::alloc::allocate(n);
}
void* operator new[](std::size_t n, std::nothrow_t const&) noexcept {
  bench::alloc::note(n, 0);
  return bench::alloc::allocate(n);
}
void* operator new(std::size_t n, std::align_val_t a) {
  bench::alloc::note(n, static_cast<std::size_t>(a));
  return bench::alloc::checked(bench::alloc::allocate_aligned(n, static_cast<std::size_t>(a)));
}
void* operator new[](std::size_t n, std::align_val_t a) {
  bench::alloc::note(n, static_cast<std::size_t>(a));
  return bench::alloc::checked(bench::alloc::allocate_aligned(n, static_cast<std::size_t>(a)));
}
void* operator new(std::size_t n, std::align_val_t a, std::nothrow_t const&) noexcept {
  bench::alloc::note(n, static_cast<std::size_t>(a));
  return bench::alloc::allocate_aligned(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a, std::nothrow_t const&) noexcept {
  bench::alloc::note(n, static_cast<std::size_t>(a));
  return bench::alloc::allocate_aligned(n, static_cast<std::size_t>(a));
}

void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete[](void* p, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, std::nothrow_t const&) noexcept { std::free(p); }
