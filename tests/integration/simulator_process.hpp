// SPDX-License-Identifier: MIT
// Starts the local API simulator for the integration tests and stops it at the end: the process
// reads its stdin, so closing that pipe ends it (--exit-on-stdin-eof); a kill follows if it lingers.
#pragma once

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace integration {

class simulator_process {
 public:
  /// Runs `path` with `args` plus --port 0 --exit-on-stdin-eof and waits for its first line,
  /// "listening on http://127.0.0.1:PORT".
  simulator_process(std::string const& path, std::vector<std::string> args) {
    int in[2], out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, in[1]);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    args.insert(args.begin(), path);
    args.push_back("--port");
    args.push_back("0");
    args.push_back("--exit-on-stdin-eof");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int const rc = posix_spawn(&pid_, path.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    stdin_ = in[1];
    stdout_ = out[0];
    if (rc != 0) throw std::runtime_error("cannot start " + path);
    std::string const line = read_line(std::chrono::seconds(30));
    std::string const prefix = "listening on ";
    if (line.rfind(prefix, 0) != 0) throw std::runtime_error("the simulator said: " + line);
    base_url_ = line.substr(prefix.size());
    // Whatever it prints later is read and dropped, so that a full pipe never blocks it.
    drain_ = std::thread([fd = stdout_] {
      char buffer[4096];
      while (::read(fd, buffer, sizeof buffer) > 0) {
      }
    });
  }

  simulator_process(simulator_process const&) = delete;
  simulator_process& operator=(simulator_process const&) = delete;

  ~simulator_process() {
    if (stdin_ >= 0) ::close(stdin_);
    if (pid_ > 0) {
      for (int i = 0; i < 100; ++i) {  // up to 5 s to exit by itself
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
          pid_ = 0;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
      }
    }
    if (drain_.joinable()) drain_.join();  // the pipe reaches EOF once the process is gone
    if (stdout_ >= 0) ::close(stdout_);
  }

  /// "http://127.0.0.1:PORT"
  std::string const& base_url() const noexcept { return base_url_; }

 private:
  std::string read_line(std::chrono::seconds timeout) {
    std::string line;
    auto const until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
      pollfd p{stdout_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char c = 0;
      ssize_t const n = ::read(stdout_, &c, 1);
      if (n <= 0) break;
      if (c == '\n') return line;
      line.push_back(c);
    }
    return line.empty() ? std::string("(nothing before the timeout)") : line;
  }

  std::thread drain_;
  pid_t pid_ = 0;
  int stdin_ = -1;
  int stdout_ = -1;
  std::string base_url_;
};

}  // namespace integration
