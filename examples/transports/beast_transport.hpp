// SPDX-License-Identifier: MIT
// An asynchronous leadfeeder transport over Boost.Beast and Asio, for plain HTTP and TLS. It
// offers async_send(): the exchange runs on the io_context the host drives, and the completion
// runs there too; the transport starts no thread. Copy it into your project with
// transport_error.hpp (Boost headers; link OpenSSL for https and zlib for compression).
//
// - TLS verifies the server: the transport itself sets verify_peer and the host-name check on
//   every connection, whatever the ssl::context says; give the context the roots to trust
//   (set_default_verify_paths, load_verify_file). Only beast_options::insecure_skip_tls_verify,
//   set by name, turns that off.
// - A call's deadline (http_request::timeout) bounds the whole exchange; each step (resolve aside:
//   connect, handshake, write, read) is also bounded by beast_options::timeout.
// - It asks for gzip or deflate and decodes with zlib; a body larger than body_limit (before or
//   after decoding) fails with transport_errc::body_too_large.
// - Host carries the port when it is not the scheme's default.
// - The connection is kept alive and reused by the next read to the same scheme, host and port; a
//   reused connection that the server has closed is replaced and the request sent again on a fresh
//   one (only when no byte of an answer came). Writes (POST, PUT, PATCH) take a fresh connection,
//   so that a write is never sent twice.
// - Redirects are not followed (the key must not travel to another host); the client reports the
//   Location.
// - An Asio I/O object: get_executor() is the io_context's, and cancel() abandons the exchange in
//   flight (it completes with std::errc::operation_canceled); <leadfeeder/asio.hpp> calls it on an
//   Asio cancellation signal.
#pragma once

#include <leadfeeder/leadfeeder.hpp>

#include "transport_error.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace example {

struct beast_options {
  std::chrono::milliseconds timeout{30000};     ///< for each step: connect, handshake, write, read
  std::uint64_t body_limit = 64 * 1024 * 1024;  ///< larger responses (on the wire or decoded) fail
  bool compression = true;                      ///< send Accept-Encoding: gzip, deflate and decode
  bool keep_alive = true;                       ///< reuse the connection for the next read
  /// Accept any certificate. Only for a test server you started yourself: the API key goes to
  /// whoever answers.
  bool insecure_skip_tls_verify = false;
};

/// Where a request goes, from an absolute URL.
struct url_parts {
  bool tls = false;
  std::string host;
  std::string port;
  std::string target;

  bool default_port() const noexcept { return port == (tls ? "443" : "80"); }
  /// The Host header: the host, and the port when it is not the scheme's default.
  std::string host_header() const { return default_port() ? host : host + ":" + port; }
};

inline std::optional<url_parts> split_url(std::string_view url) {
  url_parts parts;
  if (url.substr(0, 8) == "https://") {
    parts.tls = true;
    url.remove_prefix(8);
  } else if (url.substr(0, 7) == "http://") {
    url.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  std::size_t const slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  parts.target = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
  std::size_t const colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
    parts.host.assign(authority.substr(0, colon));
    parts.port.assign(authority.substr(colon + 1));
  } else {
    parts.host.assign(authority);
    parts.port = parts.tls ? "443" : "80";
  }
  if (parts.host.empty() || parts.port.empty()) return std::nullopt;
  return parts;
}

/// Decodes a gzip, zlib or raw deflate body into `out`, stopping with body_too_large past `limit`.
inline std::error_code inflate_body(std::string const& in, std::string& out, std::uint64_t limit) {
  // 15 + 32: a zlib or gzip header, detected; -15: raw deflate, which some servers send as
  // "deflate".
  for (int window_bits : {15 + 32, -15}) {
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) return transport_errc::bad_encoding;
    out.clear();
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), 0x7FFFFFFF));
    int rc = Z_OK;
    char chunk[16384];
    while (rc == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(chunk);
      z.avail_out = sizeof chunk;
      rc = inflate(&z, Z_NO_FLUSH);
      std::size_t const produced = sizeof chunk - z.avail_out;
      if (out.size() + produced > limit) {
        inflateEnd(&z);
        out.clear();
        return transport_errc::body_too_large;
      }
      out.append(chunk, produced);
      if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated input
    }
    inflateEnd(&z);
    if (rc == Z_STREAM_END) return {};
    if (window_bits < 0 || out.size() != 0) break;  // raw deflate was tried, or the data went bad midway
  }
  out.clear();
  return transport_errc::bad_encoding;
}

class beast_transport {
 public:
  using executor_type = boost::asio::io_context::executor_type;

  /// `tls` is needed for https URLs: give it the roots to trust; the transport verifies the peer
  /// and its host name itself.
  explicit beast_transport(boost::asio::io_context& io, boost::asio::ssl::context* tls = nullptr,
                           beast_options options = {})
      : io_(&io), tls_(tls), options_(options), pool_(std::make_shared<pool>()) {}

  template <class Callback>
  void async_send(leadfeeder::http_request const& req, leadfeeder::http_response& res, Callback&& done) {
    std::optional<url_parts> parts = split_url(req.url);
    if (!parts || (parts->tls && tls_ == nullptr)) {
      boost::asio::post(*io_, [done = std::forward<Callback>(done)]() mutable {
        done(std::make_error_code(std::errc::protocol_not_supported));
      });
      return;
    }
    auto s = std::make_shared<session>(*io_, tls_, options_, pool_, std::move(*parts), res,
                                       leadfeeder::completion(std::forward<Callback>(done)));
    pool_->in_flight = s;
    s->write_method = req.method == leadfeeder::http_method::post || req.method == leadfeeder::http_method::put ||
                      req.method == leadfeeder::http_method::patch;
    std::chrono::milliseconds budget = std::chrono::milliseconds::max();
    if (req.timeout) budget = std::max(*req.timeout, std::chrono::milliseconds(1));
    s->deadline = budget == std::chrono::milliseconds::max() ? std::chrono::steady_clock::time_point::max()
                                                             : std::chrono::steady_clock::now() + budget;
    auto& r = s->request;
    r.method(verb_of(req.method));
    r.target(s->parts.target);
    r.version(11);
    r.set(boost::beast::http::field::host, s->parts.host_header());
    for (leadfeeder::http_header const& h : req.headers) {
      r.set(boost::beast::string_view(h.name.data(), h.name.size()),
            boost::beast::string_view(h.value.data(), h.value.size()));
    }
    if (options_.compression && req.headers.find("Accept-Encoding").empty()) {
      r.set(boost::beast::http::field::accept_encoding, "gzip, deflate");
    }
    r.keep_alive(options_.keep_alive);
    r.body().assign(req.body);
    r.prepare_payload();
    session::start(std::move(s));
  }

  /// The io_context's executor, where the exchanges and their completions run.
  executor_type get_executor() const noexcept { return io_->get_executor(); }

  /// Abandons the exchange in flight, if any: it completes with operation_canceled and its
  /// connection is closed. Call it where the exchange runs (the io_context's thread).
  void cancel() {
    if (std::shared_ptr<session> s = pool_->in_flight.lock()) s->abort();
  }

  /// TCP connections opened so far (a reused connection is not counted again).
  std::size_t connections_opened() const noexcept { return pool_->opened; }
  /// True when a connection is kept for the next read.
  bool has_idle_connection() const noexcept { return pool_->idle != nullptr; }

 private:
  static boost::beast::http::verb verb_of(leadfeeder::http_method m) {
    using boost::beast::http::verb;
    switch (m) {
      case leadfeeder::http_method::get: return verb::get;
      case leadfeeder::http_method::post: return verb::post;
      case leadfeeder::http_method::put: return verb::put;
      case leadfeeder::http_method::patch: return verb::patch;
      case leadfeeder::http_method::del: return verb::delete_;
    }
    return verb::get;
  }

  using tcp = boost::asio::ip::tcp;

  // One TCP (and TLS) connection to one scheme, host and port.
  struct connection {
    connection(boost::asio::io_context& io, boost::asio::ssl::context* tls, url_parts const& p)
        : plain(io), key((p.tls ? "https://" : "http://") + p.host + ":" + p.port) {
      if (p.tls) secure.emplace(io, *tls);
    }
    boost::beast::tcp_stream& stream() { return secure ? boost::beast::get_lowest_layer(*secure) : plain; }
    void close() {
      boost::beast::error_code ignored;
      stream().socket().shutdown(tcp::socket::shutdown_both, ignored);
      stream().socket().close(ignored);
    }

    boost::beast::tcp_stream plain;
    std::optional<boost::beast::ssl_stream<boost::beast::tcp_stream>> secure;
    std::string key;
    boost::beast::flat_buffer buffer;
  };

  struct session;

  // The connection kept between calls; shared with the sessions, which may outlive the transport.
  struct pool {
    std::shared_ptr<connection> idle;
    std::size_t opened = 0;
    std::weak_ptr<session> in_flight;  // the exchange cancel() abandons
  };

  // One exchange: (resolve, connect, handshake,) write, read; again on a fresh connection when a
  // reused one turns out closed.
  struct session {
    session(boost::asio::io_context& io, boost::asio::ssl::context* tls, beast_options opts, std::shared_ptr<pool> p,
            url_parts u, leadfeeder::http_response& r, leadfeeder::completion d)
        : io_context(&io),
          tls_context(tls),
          resolver(io),
          options(opts),
          shared(std::move(p)),
          parts(std::move(u)),
          response_out(&r),
          done(std::move(d)) {}

    static void start(std::shared_ptr<session> self) {
      session& s = *self;
      std::string const key = (s.parts.tls ? "https://" : "http://") + s.parts.host + ":" + s.parts.port;
      if (!s.write_method && s.options.keep_alive && s.shared->idle && s.shared->idle->key == key) {
        s.conn = std::move(s.shared->idle);
        s.reused = true;
        return s.write(std::move(self));
      }
      open(std::move(self));
    }

    static void open(std::shared_ptr<session> self) {
      session& s = *self;
      s.reused = false;
      s.conn = std::make_shared<connection>(*s.io_context, s.tls_context, s.parts);
      ++s.shared->opened;
      s.resolver.async_resolve(s.parts.host, s.parts.port,
                               [self = std::move(self)](boost::beast::error_code ec,
                                                        tcp::resolver::results_type found) {
                                 if (ec || self->aborted) return self->fail(ec);
                                 self->connect(found, self);
                               });
    }

    // Each step: its own timeout, and never past the exchange's deadline.
    void arm() {
      auto const step = std::chrono::steady_clock::now() + options.timeout;
      conn->stream().expires_at(std::min(step, deadline));
    }

    void connect(tcp::resolver::results_type const& found, std::shared_ptr<session> self) {
      arm();
      conn->stream().async_connect(found, [self = std::move(self)](boost::beast::error_code ec, tcp::endpoint) {
        if (ec || self->aborted) return self->fail(ec);
        if (!self->conn->secure) return self->write(self);
        auto& tls = *self->conn->secure;
        // SNI, then peer and host-name verification, unless opted out by name.
        if (!SSL_set_tlsext_host_name(tls.native_handle(), self->parts.host.c_str())) {
          return self->fail(boost::beast::error_code(static_cast<int>(::ERR_get_error()),
                                                     boost::asio::error::get_ssl_category()));
        }
        boost::beast::error_code vec;
        if (self->options.insecure_skip_tls_verify) {
          tls.set_verify_mode(boost::asio::ssl::verify_none, vec);
        } else {
          tls.set_verify_mode(boost::asio::ssl::verify_peer | boost::asio::ssl::verify_fail_if_no_peer_cert, vec);
          if (!vec) tls.set_verify_callback(boost::asio::ssl::host_name_verification(self->parts.host), vec);
        }
        if (vec) return self->fail(vec);
        self->arm();
        tls.async_handshake(boost::asio::ssl::stream_base::client, [self](boost::beast::error_code hec) {
          if (hec || self->aborted) return self->fail(hec);
          self->write(self);
        });
      });
    }

    void write(std::shared_ptr<session> self) {
      arm();
      auto next = [self](boost::beast::error_code ec, std::size_t) {
        if (ec || self->aborted) return self->failed_on_reused(ec) ? open(self) : self->fail(ec);
        self->read(self);
      };
      if (conn->secure) {
        boost::beast::http::async_write(*conn->secure, request, std::move(next));
      } else {
        boost::beast::http::async_write(conn->plain, request, std::move(next));
      }
    }

    void read(std::shared_ptr<session> self) {
      arm();
      parser.emplace();
      parser->body_limit(options.body_limit);
      auto next = [self](boost::beast::error_code ec, std::size_t) {
        if (ec || self->aborted) return self->failed_on_reused(ec) ? open(self) : self->fail(ec);
        self->deliver();
      };
      if (conn->secure) {
        boost::beast::http::async_read(*conn->secure, conn->buffer, *parser, std::move(next));
      } else {
        boost::beast::http::async_read(conn->plain, conn->buffer, *parser, std::move(next));
      }
    }

    // A reused connection failed before any byte of an answer came: the server closed it while
    // idle. The request goes again, once, on a fresh connection (never after a timeout).
    bool failed_on_reused(boost::beast::error_code ec) {
      if (aborted || !reused || ec == boost::beast::error::timeout || (parser && parser->got_some())) return false;
      conn->close();
      conn.reset();
      return true;
    }

    void deliver() {
      auto& message = parser->get();
      leadfeeder::http_response& res = *response_out;
      res.clear();
      res.status = static_cast<int>(message.result_int());
      std::string_view const encoding(message[boost::beast::http::field::content_encoding].data(),
                                      message[boost::beast::http::field::content_encoding].size());
      bool const encoded = !encoding.empty() && !leadfeeder::detail::iequals(encoding, "identity");
      if (encoded) {
        if (!leadfeeder::detail::iequals(encoding, "gzip") && !leadfeeder::detail::iequals(encoding, "x-gzip") &&
            !leadfeeder::detail::iequals(encoding, "deflate")) {
          return finish(transport_errc::bad_encoding);
        }
        if (!message.body().empty()) {
          if (std::error_code ec = inflate_body(message.body(), res.body, options.body_limit)) return finish(ec);
        }
      } else {
        res.body = std::move(message.body());
      }
      for (auto const& field : message) {
        std::string_view const name(field.name_string().data(), field.name_string().size());
        if (encoded && (leadfeeder::detail::iequals(name, "Content-Encoding") ||
                        leadfeeder::detail::iequals(name, "Content-Length"))) {
          continue;  // they described the bytes on the wire, not the decoded body
        }
        res.headers.add(name, std::string_view(field.value().data(), field.value().size()));
      }
      if (options.keep_alive && message.keep_alive() && !write_method) {
        conn->stream().expires_never();
        shared->idle = std::move(conn);  // kept for the next read (replacing an older one)
      }
      finish({});
    }

    // Stops the step under way: its handler sees operation_aborted, or `aborted` if it had already
    // completed.
    void abort() {
      aborted = true;
      resolver.cancel();
      if (conn) conn->close();
    }

    // Boost's error_code converts to the standard one; Beast's body limit is the transport's.
    void fail(boost::beast::error_code ec) {
      if (aborted) return finish(std::make_error_code(std::errc::operation_canceled));
      if (ec == boost::beast::http::error::body_limit) return finish(transport_errc::body_too_large);
      finish(std::error_code(ec));
    }

    void finish(std::error_code ec) {
      if (conn) conn->close();
      if (ec) response_out->clear();
      done(ec);
    }

    boost::asio::io_context* io_context;
    boost::asio::ssl::context* tls_context;
    tcp::resolver resolver;
    beast_options options;
    std::shared_ptr<pool> shared;
    url_parts parts;
    leadfeeder::http_response* response_out;
    leadfeeder::completion done;
    bool write_method = false;
    bool reused = false;
    bool aborted = false;
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    std::shared_ptr<connection> conn;
    boost::beast::http::request<boost::beast::http::string_body> request;
    std::optional<boost::beast::http::response_parser<boost::beast::http::string_body>> parser;
  };

  boost::asio::io_context* io_;
  boost::asio::ssl::context* tls_;
  beast_options options_;
  std::shared_ptr<pool> pool_;
};

}  // namespace example
