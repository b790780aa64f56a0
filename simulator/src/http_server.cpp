// SPDX-License-Identifier: MIT
// leadfeeder-simulator: HTTP/1.1 over POSIX sockets (keep-alive, Content-Length and chunked
// request bodies, size limits, 400 on anything malformed).
#include "http_server.hpp"

#include "util.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace lfsim {

std::string const* http_request::header(std::string_view lower_name) const noexcept {
  for (auto const& h : headers) {
    if (h.first == lower_name) return &h.second;
  }
  return nullptr;
}

char const* reason_phrase(int status) noexcept {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: break;
  }
  if (status >= 200 && status < 300) return "Success";
  if (status >= 400 && status < 500) return "Client Error";
  if (status >= 500 && status < 600) return "Server Error";
  return "Status";
}

namespace {

using clock_type = std::chrono::steady_clock;

enum class io { ok, eof, timeout, error };

/// Reads whatever is available into buf, waiting at most `timeout`.
io read_more(int fd, std::string& buf, std::chrono::milliseconds timeout) {
  auto const deadline = clock_type::now() + timeout;
  for (;;) {
    auto const now = clock_type::now();
    if (now >= deadline) return io::timeout;
    auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
    pollfd p{};
    p.fd = fd;
    p.events = POLLIN;
    int const r = ::poll(&p, 1, static_cast<int>(left));
    if (r < 0) {
      if (errno == EINTR) continue;
      return io::error;
    }
    if (r == 0) continue;
    char tmp[16384];
    ssize_t const n = ::recv(fd, tmp, sizeof tmp, 0);
    if (n > 0) {
      buf.append(tmp, static_cast<std::size_t>(n));
      return io::ok;
    }
    if (n == 0) return io::eof;
    if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
    return io::error;
  }
}

bool send_all(int fd, char const* data, std::size_t size) {
  while (size > 0) {
    ssize_t const n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

/// Half-closes, then reads (and drops) what the peer still sends for a moment, so that unread
/// request bytes do not turn our FIN into a RST that could destroy the response in flight.
void close_gracefully(int fd) {
  ::shutdown(fd, SHUT_WR);
  auto const deadline = clock_type::now() + std::chrono::milliseconds(500);
  std::size_t drained = 0;
  while (drained < 256 * 1024) {
    auto const now = clock_type::now();
    if (now >= deadline) break;
    pollfd p{};
    p.fd = fd;
    p.events = POLLIN;
    auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
    int const r = ::poll(&p, 1, static_cast<int>(left));
    if (r <= 0) break;
    char tmp[4096];
    ssize_t const n = ::recv(fd, tmp, sizeof tmp, 0);
    if (n <= 0) break;
    drained += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

bool is_tchar(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool is_token(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_tchar(c)) return false;
  }
  return true;
}

/// Field values: visible characters, SP, HTAB and obs-text; no other control character.
bool is_field_value(std::string_view s) noexcept {
  for (char ch : s) {
    auto const c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
  }
  return true;
}

/// The index just past the blank line that ends the head, or npos.
std::size_t find_head_end(std::string const& buf) noexcept {
  for (std::size_t i = 0; i < buf.size(); ++i) {
    if (buf[i] != '\n') continue;
    if (i + 1 < buf.size() && buf[i + 1] == '\n') return i + 2;
    if (i + 2 < buf.size() && buf[i + 1] == '\r' && buf[i + 2] == '\n') return i + 3;
  }
  return std::string::npos;
}

struct failure {
  int status = 0;
  std::string detail;
};

enum class outcome { ok, closed, failed };

struct framing {
  bool keep_alive = true;
  bool chunked = false;
  std::size_t content_length = 0;
};

/// Parses the head (request line and header fields) of buf[0, end).
bool parse_head(std::string_view head, server_limits const& limits, http_request& req, failure& f) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < head.size()) {
    std::size_t nl = head.find('\n', start);
    if (nl == std::string_view::npos) nl = head.size();
    std::string_view line = head.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty()) {
    f = {400, "empty request"};
    return false;
  }
  std::string_view const request_line = lines.front();
  if (request_line.size() > limits.max_request_line) {
    f = {414, "the request line is longer than " + std::to_string(limits.max_request_line) + " bytes"};
    return false;
  }
  std::vector<std::string_view> const parts = split(request_line, ' ');
  if (parts.size() != 3 || parts[0].empty() || parts[1].empty() || parts[2].empty()) {
    f = {400, "malformed request line"};
    return false;
  }
  if (!is_token(parts[0])) {
    f = {400, "malformed method"};
    return false;
  }
  for (char ch : parts[1]) {
    auto const c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F) {
      f = {400, "malformed request target"};
      return false;
    }
  }
  if (parts[1].front() != '/') {
    f = {400, "the request target must be a path (origin-form)"};
    return false;
  }
  if (parts[2] == "HTTP/1.1") {
    req.version_minor = 1;
  } else if (parts[2] == "HTTP/1.0") {
    req.version_minor = 0;
  } else if (starts_with(parts[2], "HTTP/") && parts[2].size() <= 8) {
    f = {505, "only HTTP/1.0 and HTTP/1.1 are supported"};
    return false;
  } else {
    f = {400, "malformed HTTP version"};
    return false;
  }
  req.method.assign(parts[0]);
  req.target.assign(parts[1]);

  if (lines.size() - 1 > limits.max_headers) {
    f = {431, "more than " + std::to_string(limits.max_headers) + " header fields"};
    return false;
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string_view const line = lines[i];
    if (line.empty() || line.front() == ' ' || line.front() == '\t') {
      f = {400, "malformed header field (obsolete line folding is not accepted)"};
      return false;
    }
    std::size_t const colon = line.find(':');
    if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) {
      f = {400, "malformed header field"};
      return false;
    }
    std::string_view const value = trim(line.substr(colon + 1));
    if (!is_field_value(value)) {
      f = {400, "control character in a header value"};
      return false;
    }
    req.headers.emplace_back(to_lower(line.substr(0, colon)), std::string(value));
  }
  return true;
}

/// Decides keep-alive and how the body is framed.
bool read_framing(http_request const& req, server_limits const& limits, framing& fr, failure& f) {
  fr.keep_alive = req.version_minor >= 1;
  for (auto const& h : req.headers) {
    if (h.first != "connection") continue;
    for (std::string_view token : split(h.second, ',')) {
      token = trim(token);
      if (iequals(token, "close")) fr.keep_alive = false;
      if (iequals(token, "keep-alive") && req.version_minor == 0) fr.keep_alive = true;
    }
  }

  bool has_te = false;
  for (auto const& h : req.headers) {
    if (h.first != "transfer-encoding") continue;
    has_te = true;
    std::vector<std::string_view> codings = split(h.second, ',');
    for (std::string_view coding : codings) {
      coding = trim(coding);
      if (!iequals(coding, "chunked")) {
        f = {501, "unsupported transfer coding '" + std::string(coding) + "'; only chunked is accepted"};
        return false;
      }
      fr.chunked = true;
    }
  }
  if (has_te) {
    if (req.version_minor == 0) {
      f = {400, "Transfer-Encoding is not allowed in HTTP/1.0"};
      return false;
    }
    if (!fr.chunked) {
      f = {400, "empty Transfer-Encoding"};
      return false;
    }
    // RFC 9112 6.1: with both, Transfer-Encoding wins and the connection must close afterwards.
    if (req.header("content-length") != nullptr) fr.keep_alive = false;
    return true;
  }

  bool seen = false;
  std::uint64_t length = 0;
  for (auto const& h : req.headers) {
    if (h.first != "content-length") continue;
    for (std::string_view part : split(h.second, ',')) {
      std::uint64_t v = 0;
      if (!parse_uint(trim(part), v)) {
        f = {400, "malformed Content-Length"};
        return false;
      }
      if (seen && v != length) {
        f = {400, "conflicting Content-Length values"};
        return false;
      }
      seen = true;
      length = v;
    }
  }
  if (length > limits.max_body) {
    f = {413, "the request body is larger than " + std::to_string(limits.max_body) + " bytes"};
    return false;
  }
  fr.content_length = static_cast<std::size_t>(length);
  return true;
}

bool hex_size(std::string_view s, std::size_t& out) noexcept {
  std::size_t const semi = s.find(';');
  if (semi != std::string_view::npos) s = s.substr(0, semi);
  s = trim(s);
  if (s.empty() || s.size() > 8) return false;
  std::size_t v = 0;
  for (char c : s) {
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) return false;
    v = v * 16 + static_cast<std::size_t>(d);
  }
  out = v;
  return true;
}

}  // namespace

http_server::http_server(handler on_request, refusal on_refusal, server_limits limits, stop_signal& stop)
    : on_request_(std::move(on_request)), on_refusal_(std::move(on_refusal)), limits_(limits), stop_(stop) {}

http_server::~http_server() {
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

std::uint16_t http_server::listen(std::uint16_t port) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    throw std::runtime_error("bind 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(errno));
  }
  if (::listen(listen_fd_, 128) != 0) throw std::runtime_error(std::string("listen: ") + std::strerror(errno));
  socklen_t len = sizeof addr;
  if (::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    throw std::runtime_error(std::string("getsockname: ") + std::strerror(errno));
  }
  return ntohs(addr.sin_port);
}

void http_server::run(int wake_fd) {
  while (!stop_.requested()) {
    pollfd fds[2]{};
    fds[0].fd = listen_fd_;
    fds[0].events = POLLIN;
    fds[1].fd = wake_fd;
    fds[1].events = POLLIN;
    int const r = ::poll(fds, 2, 500);
    if (r < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[1].revents != 0 || stop_.requested()) break;
    if ((fds[0].revents & POLLIN) == 0) continue;
    int const fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      continue;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(limits_.read_timeout.count() / 1000);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);

    bool admitted = false;
    {
      std::lock_guard<std::mutex> lock(connections_mutex_);
      if (active_threads_ < limits_.max_connections) {
        connections_.insert(fd);
        ++active_threads_;
        admitted = true;
      }
    }
    if (!admitted) {
      refuse_and_close(fd, 503, "too many open connections");
      continue;
    }
    try {
      std::thread([this, fd] { serve(fd); }).detach();
    } catch (...) {
      {
        std::lock_guard<std::mutex> lock(connections_mutex_);
        connections_.erase(fd);
        --active_threads_;
      }
      refuse_and_close(fd, 503, "cannot start a connection thread");
    }
  }
  ::close(listen_fd_);
  listen_fd_ = -1;
}

bool http_server::shut_down(std::chrono::milliseconds wait) {
  std::unique_lock<std::mutex> lock(connections_mutex_);
  for (int fd : connections_) ::shutdown(fd, SHUT_RDWR);
  return connections_cv_.wait_for(lock, wait, [this] { return active_threads_ == 0; });
}

void http_server::refuse_and_close(int fd, int status, std::string const& detail) {
  http_response res = on_refusal_(status, detail);
  std::string head = "HTTP/1.1 " + std::to_string(res.status) + " " + reason_phrase(res.status) + "\r\n";
  for (auto const& h : res.headers) head += h.first + ": " + h.second + "\r\n";
  head += "Content-Length: " + std::to_string(res.body.size()) + "\r\nConnection: close\r\n\r\n";
  if (send_all(fd, head.data(), head.size())) send_all(fd, res.body.data(), res.body.size());
  close_gracefully(fd);
}

void http_server::serve(int fd) {
  bool drop_now = false;
  try {
    std::string buf;
    bool keep_going = true;
    while (keep_going && !stop_.requested()) {
      http_request req;
      failure f;
      outcome result = outcome::ok;
      framing fr;

      // 1. The head. Leading empty lines are ignored (RFC 9112 2.2).
      std::size_t head_end = std::string::npos;
      for (;;) {
        std::size_t skip = 0;
        while (skip < buf.size() && (buf[skip] == '\r' || buf[skip] == '\n')) ++skip;
        if (skip > 0) buf.erase(0, skip);
        head_end = find_head_end(buf);
        if (head_end != std::string::npos) break;
        std::size_t const first_newline = buf.find('\n');
        if ((first_newline == std::string::npos ? buf.size() : first_newline) > limits_.max_request_line) {
          f = {414, "the request line is longer than " + std::to_string(limits_.max_request_line) + " bytes"};
          result = outcome::failed;
          break;
        }
        if (buf.size() > limits_.max_head) {
          f = {431, "the request head is larger than " + std::to_string(limits_.max_head) + " bytes"};
          result = outcome::failed;
          break;
        }
        io const r = read_more(fd, buf, limits_.read_timeout);
        if (r == io::ok) continue;
        if (r == io::timeout && !buf.empty()) {
          f = {408, "the request was not completed in time"};
          result = outcome::failed;
        } else if (r == io::eof && !buf.empty()) {
          f = {400, "the connection ended inside the request head"};
          result = outcome::failed;
        } else {
          result = outcome::closed;
        }
        break;
      }
      if (result == outcome::ok && head_end > limits_.max_head) {
        f = {431, "the request head is larger than " + std::to_string(limits_.max_head) + " bytes"};
        result = outcome::failed;
      }
      if (result == outcome::ok) {
        if (!parse_head(std::string_view(buf).substr(0, head_end), limits_, req, f) ||
            !read_framing(req, limits_, fr, f)) {
          result = outcome::failed;
        } else {
          buf.erase(0, head_end);
        }
      }

      // 2. "Expect: 100-continue".
      if (result == outcome::ok) {
        if (std::string const* expect = req.header("expect")) {
          if (!iequals(*expect, "100-continue")) {
            f = {417, "only 'Expect: 100-continue' is understood"};
            result = outcome::failed;
          } else if (req.version_minor >= 1 && (fr.chunked || buf.size() < fr.content_length)) {
            static constexpr char cont[] = "HTTP/1.1 100 Continue\r\n\r\n";
            send_all(fd, cont, sizeof cont - 1);
          }
        }
      }

      // 3. The body.
      if (result == outcome::ok && fr.chunked) {
        std::size_t pos = 0;
        bool done = false;
        std::size_t trailer_bytes = 0;
        bool in_trailers = false;
        while (!done && result == outcome::ok) {
          std::size_t const nl = buf.find('\n', pos);
          if (nl == std::string::npos) {
            if (buf.size() - pos > 4096) {
              f = {400, "malformed chunk header"};
              result = outcome::failed;
              break;
            }
            io const r = read_more(fd, buf, limits_.read_timeout);
            if (r != io::ok) {
              f = {r == io::timeout ? 408 : 400, "the connection ended inside a chunked body"};
              result = r == io::timeout || r == io::eof ? outcome::failed : outcome::closed;
            }
            continue;
          }
          std::string_view line = std::string_view(buf).substr(pos, nl - pos);
          if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
          pos = nl + 1;
          if (in_trailers) {
            trailer_bytes += line.size();
            if (line.empty()) {
              done = true;
            } else if (trailer_bytes > 8192) {
              f = {431, "chunked trailers too large"};
              result = outcome::failed;
            }
            continue;
          }
          std::size_t size = 0;
          if (!hex_size(line, size)) {
            f = {400, "malformed chunk size"};
            result = outcome::failed;
            break;
          }
          if (size == 0) {
            in_trailers = true;
            continue;
          }
          if (req.body.size() + size > limits_.max_body) {
            f = {413, "the request body is larger than " + std::to_string(limits_.max_body) + " bytes"};
            result = outcome::failed;
            break;
          }
          while (buf.size() < pos + size + 1 && result == outcome::ok) {
            io const r = read_more(fd, buf, limits_.read_timeout);
            if (r != io::ok) {
              f = {r == io::timeout ? 408 : 400, "the connection ended inside a chunk"};
              result = r == io::error ? outcome::closed : outcome::failed;
            }
          }
          if (result != outcome::ok) break;
          req.body.append(buf, pos, size);
          pos += size;
          // The CRLF after the data (a bare LF is tolerated).
          if (buf[pos] == '\n') {
            pos += 1;
          } else if (buf[pos] == '\r') {
            while (buf.size() < pos + 2 && result == outcome::ok) {
              io const r = read_more(fd, buf, limits_.read_timeout);
              if (r != io::ok) {
                f = {400, "the connection ended inside a chunk"};
                result = r == io::error ? outcome::closed : outcome::failed;
              }
            }
            if (result != outcome::ok) break;
            if (buf[pos + 1] != '\n') {
              f = {400, "a chunk is not followed by CRLF"};
              result = outcome::failed;
              break;
            }
            pos += 2;
          } else {
            f = {400, "a chunk is longer than its size"};
            result = outcome::failed;
            break;
          }
        }
        if (result == outcome::ok) buf.erase(0, pos);
      } else if (result == outcome::ok && fr.content_length > 0) {
        while (buf.size() < fr.content_length && result == outcome::ok) {
          io const r = read_more(fd, buf, limits_.read_timeout);
          if (r == io::ok) continue;
          if (r == io::error) {
            result = outcome::closed;
          } else {
            f = {r == io::timeout ? 408 : 400, "the connection ended inside the request body"};
            result = outcome::failed;
          }
        }
        if (result == outcome::ok) {
          req.body.assign(buf, 0, fr.content_length);
          buf.erase(0, fr.content_length);
        }
      }

      if (result == outcome::closed) break;
      http_response res;
      if (result == outcome::failed) {
        res = on_refusal_(f.status, f.detail);
        res.close = true;
      } else {
        res = on_request_(req);
      }
      if (res.how == http_response::delivery::drop) {
        drop_now = true;
        break;
      }
      bool const keep = fr.keep_alive && !res.close && res.how == http_response::delivery::normal &&
                        result == outcome::ok && !stop_.requested();

      std::string head = "HTTP/1.1 " + std::to_string(res.status) + " " + reason_phrase(res.status) + "\r\n";
      for (auto const& h : res.headers) head += h.first + ": " + h.second + "\r\n";
      if (res.has_body) head += "Content-Length: " + std::to_string(res.body.size()) + "\r\n";
      head += keep ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";

      std::size_t body_size = res.has_body && req.method != "HEAD" ? res.body.size() : 0;
      if (res.how == http_response::delivery::truncate) body_size /= 2;
      if (!send_all(fd, head.data(), head.size()) || !send_all(fd, res.body.data(), body_size)) break;
      keep_going = keep;
    }
  } catch (...) {
    // Never let one connection take the process down; the connection simply ends.
  }
  {
    std::lock_guard<std::mutex> lock(connections_mutex_);
    connections_.erase(fd);
  }
  if (drop_now) {
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
  } else {
    close_gracefully(fd);
  }
  {
    std::lock_guard<std::mutex> lock(connections_mutex_);
    --active_threads_;
  }
  connections_cv_.notify_all();
}

}  // namespace lfsim
