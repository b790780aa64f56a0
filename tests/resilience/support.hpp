// SPDX-License-Identifier: MIT
// Resilience tests: shared support. A seedable generator, a fake clock for lf::time_source, child
// processes (the simulator, openssl), temporary folders and loopback ports.
#pragma once

#include <leadfeeder/detail/http_date.hpp>
#include <leadfeeder/detail/policy_rules.hpp>  // the tests state the rules they check against
#include <leadfeeder/leadfeeder.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace resilience {

namespace lf = leadfeeder;
using namespace std::chrono_literals;

// ---- Randomness: splitmix64, so that a scenario is its seed and nothing else.

inline std::uint64_t mix64(std::uint64_t z) noexcept {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class rng {
 public:
  explicit rng(std::uint64_t seed) noexcept : state_(seed) {}
  std::uint64_t next() noexcept {
    state_ += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi].
  std::int64_t range(std::int64_t lo, std::int64_t hi) noexcept {
    if (hi <= lo) return lo;
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(double p) noexcept { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0) < p; }
  /// An index drawn with the given weights.
  std::size_t weighted(std::vector<double> const& weights) noexcept {
    double total = 0;
    for (double w : weights) total += w;
    double x = static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0) * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.empty() ? 0 : weights.size() - 1;
  }

 private:
  std::uint64_t state_;
};

/// The seed of scenario `index` of a run whose base seed is `base`.
inline std::uint64_t scenario_seed(std::uint64_t base, std::uint64_t index) noexcept {
  return mix64(base * 0x100000001B3ull + index);
}

/// An unsigned number from the environment, or `fallback`.
inline std::uint64_t env_number(char const* name, std::uint64_t fallback) {
  char const* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return fallback;
  char* end = nullptr;
  unsigned long long const n = std::strtoull(v, &end, 0);
  if (end == v || *end != '\0') return fallback;
  return static_cast<std::uint64_t>(n);
}

/// The base seed of a run: LEADFEEDER_RESILIENCE_BASE_SEED, or a fixed default (runs repeat).
inline std::uint64_t base_seed(std::uint64_t fallback) {
  return env_number("LEADFEEDER_RESILIENCE_BASE_SEED", fallback);
}

/// LEADFEEDER_RESILIENCE_SEED=<scenario seed> replays that one scenario (0: none).
inline std::uint64_t replay_seed() { return env_number("LEADFEEDER_RESILIENCE_SEED", 0); }

// ---- Time: a clock that only moves when the client sleeps or a fake transport says so.

class fake_clock {
 public:
  using time_point = lf::clock_type::time_point;

  time_point now() const noexcept { return now_; }

  /// Moves the clock on; saturates instead of overflowing (a hostile Retry-After may ask for
  /// centuries) and remembers that it had to.
  void advance(std::chrono::milliseconds d) noexcept {
    if (d.count() < 0) {
      negative_ = true;
      return;
    }
    std::int64_t const room_ns = std::numeric_limits<std::int64_t>::max() / 2 - now_.time_since_epoch().count();
    if (d.count() > room_ns / 1000000) {
      saturated_ = true;
      now_ += std::chrono::nanoseconds(room_ns);
      return;
    }
    now_ += d;
  }

  struct sleep_record {
    time_point start;
    std::chrono::milliseconds duration;
  };
  std::vector<sleep_record> const& sleeps() const noexcept { return sleeps_; }
  bool saturated() const noexcept { return saturated_; }
  bool negative_sleep() const noexcept { return negative_; }

  /// The time source a client uses; the clock must outlive the client.
  lf::time_source source() {
    lf::time_source t;
    t.now = [this] { return now_; };
    t.sleep = [this](std::chrono::milliseconds d) {
      sleeps_.push_back({now_, d});
      advance(d);
    };
    return t;
  }

 private:
  time_point now_{std::chrono::hours(1000)};
  std::vector<sleep_record> sleeps_;
  bool saturated_ = false;
  bool negative_ = false;
};

// ---- Files and ports.

class temp_dir {
 public:
  temp_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "lf-resilience-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  temp_dir(temp_dir const&) = delete;
  temp_dir& operator=(temp_dir const&) = delete;
  ~temp_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string file(std::string_view name) const { return (path_ / std::string(name)).string(); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

inline std::string read_file(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// A loopback port nobody listens on right now (bound to port 0, then released).
inline int free_port() {
  int const fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("bind to port 0 failed");
  }
  int const port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

/// True once something accepts TCP connections on 127.0.0.1:port (waits up to `timeout`).
inline bool wait_accepting(int port, std::chrono::milliseconds timeout) {
  auto const until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    int const fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    bool const ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    if (ok) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

/// The full path of `program` on PATH, or empty.
inline std::string find_program(std::string const& program) {
  char const* path = std::getenv("PATH");
  std::string const dirs = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string const candidate = (end > start ? dirs.substr(start, end - start) : std::string(".")) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

// ---- Child processes.

/// A child process with its stdin on a pipe (closing it tells a simulator started with
/// --exit-on-stdin-eof to end) or /dev/null, and stdout and stderr in files (or /dev/null).
/// The destructor ends it: stdin closed, then SIGTERM, then SIGKILL.
class child_process {
 public:
  struct streams {
    bool stdin_pipe = false;
    std::string stdout_file;  ///< empty: /dev/null
    std::string stderr_file;  ///< empty: /dev/null
  };

  child_process(std::vector<std::string> argv, streams const& io) {
    int in[2] = {-1, -1};
    if (io.stdin_pipe && ::pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (io.stdin_pipe) {
      posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    }
    std::string const out = io.stdout_file.empty() ? "/dev/null" : io.stdout_file;
    std::string const err = io.stderr_file.empty() ? "/dev/null" : io.stderr_file;
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> args;
    for (std::string& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    int const rc = ::posix_spawn(&pid_, argv.front().c_str(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (io.stdin_pipe) {
      ::close(in[0]);
      stdin_ = in[1];
    }
    if (rc != 0) {
      pid_ = 0;
      if (stdin_ >= 0) ::close(stdin_);
      stdin_ = -1;
      throw std::runtime_error("cannot start " + argv.front() + ": " + std::strerror(rc));
    }
  }
  child_process(child_process const&) = delete;
  child_process& operator=(child_process const&) = delete;
  ~child_process() { stop(); }

  pid_t pid() const noexcept { return pid_; }

  /// True while the process has not exited.
  bool running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = 0;
      return false;
    }
    return true;
  }

  /// With a stdin pipe: closes it and waits up to `grace` for the process to end. Then SIGTERM,
  /// then SIGKILL.
  void stop(std::chrono::milliseconds grace = 3000ms) {
    bool const told = stdin_ >= 0;
    if (told) {
      ::close(stdin_);
      stdin_ = -1;
    }
    if (pid_ <= 0) return;
    if (told && wait_exit(grace)) return;
    ::kill(pid_, SIGTERM);
    if (wait_exit(2000ms)) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }

  /// SIGTERM and wait (for servers that do not read stdin, such as openssl s_server).
  void terminate() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    if (wait_exit(2000ms)) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }

  /// Waits up to `timeout` for the process to end; false if it has not. Its exit status (or -1
  /// when killed by a signal) goes to `exit_status`.
  bool wait_exit(std::chrono::milliseconds timeout, int* exit_status = nullptr) {
    auto const until = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      int status = 0;
      pid_t const r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_ || (r < 0 && errno == ECHILD)) {
        pid_ = 0;
        if (exit_status != nullptr) *exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return true;
      }
      if (std::chrono::steady_clock::now() >= until) return false;
      std::this_thread::sleep_for(10ms);
    }
  }

 private:
  pid_t pid_ = 0;
  int stdin_ = -1;
};

/// Runs a command to its end (stdin /dev/null, output in `log_file`); its exit status.
inline int run_command(std::vector<std::string> argv, std::string const& log_file,
                       std::chrono::milliseconds timeout = 60000ms) {
  child_process::streams io;
  io.stdout_file = log_file;
  io.stderr_file = log_file + ".err";
  child_process p(std::move(argv), io);
  int status = -1;
  if (!p.wait_exit(timeout, &status)) return -1;
  return status;
}

// ---- The simulator.

/// leadfeeder-simulator on 127.0.0.1 with --port 0 --exit-on-stdin-eof; stdout (the "listening
/// on" line) and stderr (its --log lines, when asked for) go to files in a temporary folder.
class simulator {
 public:
  explicit simulator(std::vector<std::string> args) {
    std::vector<std::string> argv{LEADFEEDER_SIMULATOR_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"--port", "0", "--exit-on-stdin-eof"});
    child_process::streams io;
    io.stdin_pipe = true;
    io.stdout_file = dir_.file("stdout");
    io.stderr_file = dir_.file("stderr");
    process_ = std::make_unique<child_process>(argv, io);
    std::string const prefix = "listening on ";
    auto const until = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < until) {
      std::string const out = read_file(dir_.file("stdout"));
      std::size_t const nl = out.find('\n');
      if (nl != std::string::npos) {
        std::string const line = out.substr(0, nl);
        if (line.rfind(prefix, 0) != 0) throw std::runtime_error("the simulator said: " + line);
        base_url_ = line.substr(prefix.size());
        return;
      }
      if (!process_->running()) break;
      std::this_thread::sleep_for(10ms);
    }
    throw std::runtime_error("the simulator did not start: " + read_file(dir_.file("stderr")));
  }

  /// "http://127.0.0.1:PORT"
  std::string const& base_url() const noexcept { return base_url_; }
  /// What it wrote to stderr so far (with --log: one line per request).
  std::string log() const { return read_file(dir_.file("stderr")); }
  std::string log_path() const { return dir_.file("stderr"); }

 private:
  temp_dir dir_;
  std::unique_ptr<child_process> process_;
  std::string base_url_;
};

/// Occurrences of `needle` in `text`.
inline std::size_t count_of(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string_view::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace resilience
