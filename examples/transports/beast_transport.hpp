// An asynchronous leadfeeder transport over Boost.Beast and Asio, for plain HTTP and TLS. It
// offers async_send(): the exchange runs on the io_context the host drives, and the completion
// runs there too; the transport starts no thread. Copy it into your project (Boost headers; link
// OpenSSL for https).
#pragma once

#include <leadfeeder/leadfeeder.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace example {

struct beast_options {
  std::chrono::milliseconds timeout{30000};       ///< for each step: resolve, connect, handshake, write, read
  std::uint64_t body_limit = 64 * 1024 * 1024;    ///< larger responses fail the exchange
};

/// Where a request goes, from an absolute URL.
struct url_parts {
  bool tls = false;
  std::string host;
  std::string port;
  std::string target;
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
  if (parts.host.empty()) return std::nullopt;
  return parts;
}

class beast_transport {
 public:
  /// `tls` is needed for https URLs; give it verify_peer mode and the trusted roots.
  explicit beast_transport(boost::asio::io_context& io, boost::asio::ssl::context* tls = nullptr,
                           beast_options options = {})
      : io_(&io), tls_(tls), options_(options) {}

  template <class Callback>
  void async_send(leadfeeder::http_request const& req, leadfeeder::http_response& res, Callback&& done) {
    std::optional<url_parts> parts = split_url(req.url);
    if (!parts || (parts->tls && tls_ == nullptr)) {
      boost::asio::post(*io_, [done = std::forward<Callback>(done)]() mutable {
        done(std::make_error_code(std::errc::protocol_not_supported));
      });
      return;
    }
    auto s = std::make_shared<session>(*io_, tls_, options_, std::move(*parts), res,
                                       leadfeeder::completion(std::forward<Callback>(done)));
    s->request.method(verb_of(req.method));
    s->request.target(s->parts.target);
    s->request.version(11);
    s->request.set(boost::beast::http::field::host, s->parts.host);
    for (leadfeeder::http_header const& h : req.headers) {
      s->request.set(boost::beast::string_view(h.name.data(), h.name.size()),
                     boost::beast::string_view(h.value.data(), h.value.size()));
    }
    s->request.body().assign(req.body);
    s->request.prepare_payload();
    session::start(std::move(s));
  }

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

  // One exchange: resolve, connect, (handshake), write, read; each step under the timeout.
  struct session {
    using tcp = boost::asio::ip::tcp;

    session(boost::asio::io_context& io, boost::asio::ssl::context* tls, beast_options opts, url_parts p,
            leadfeeder::http_response& r, leadfeeder::completion d)
        : resolver(io), plain(io), options(opts), parts(std::move(p)), response_out(&r), done(std::move(d)) {
      if (parts.tls) secure.emplace(io, *tls);
      parser.body_limit(options.body_limit);
    }

    static void start(std::shared_ptr<session> self) {
      session& s = *self;
      s.resolver.async_resolve(s.parts.host, s.parts.port,
                               [self = std::move(self)](boost::beast::error_code ec, tcp::resolver::results_type found) {
                                 if (ec) return self->finish(ec);
                                 self->connect(found, self);
                               });
    }

    boost::beast::tcp_stream& stream() { return secure ? boost::beast::get_lowest_layer(*secure) : plain; }

    void connect(tcp::resolver::results_type const& found, std::shared_ptr<session> self) {
      stream().expires_after(options.timeout);
      stream().async_connect(found, [self = std::move(self)](boost::beast::error_code ec, tcp::endpoint) {
        if (ec) return self->finish(ec);
        if (!self->secure) return self->write(self);
        // SNI and host-name verification for TLS.
        if (!SSL_set_tlsext_host_name(self->secure->native_handle(), self->parts.host.c_str())) {
          return self->finish(boost::beast::error_code(static_cast<int>(::ERR_get_error()),
                                                       boost::asio::error::get_ssl_category()));
        }
        self->secure->set_verify_callback(boost::asio::ssl::host_name_verification(self->parts.host));
        self->stream().expires_after(self->options.timeout);
        self->secure->async_handshake(boost::asio::ssl::stream_base::client, [self](boost::beast::error_code hec) {
          if (hec) return self->finish(hec);
          self->write(self);
        });
      });
    }

    void write(std::shared_ptr<session> self) {
      stream().expires_after(options.timeout);
      auto next = [self](boost::beast::error_code ec, std::size_t) {
        if (ec) return self->finish(ec);
        self->read(self);
      };
      if (secure) {
        boost::beast::http::async_write(*secure, request, std::move(next));
      } else {
        boost::beast::http::async_write(plain, request, std::move(next));
      }
    }

    void read(std::shared_ptr<session> self) {
      stream().expires_after(options.timeout);
      auto next = [self](boost::beast::error_code ec, std::size_t) {
        if (ec) return self->finish(ec);
        auto& message = self->parser.get();
        self->response_out->status = static_cast<int>(message.result_int());
        self->response_out->body = std::move(message.body());
        for (auto const& field : message) {
          self->response_out->headers.add(std::string_view(field.name_string().data(), field.name_string().size()),
                                          std::string_view(field.value().data(), field.value().size()));
        }
        self->finish({});
      };
      if (secure) {
        boost::beast::http::async_read(*secure, buffer, parser, std::move(next));
      } else {
        boost::beast::http::async_read(plain, buffer, parser, std::move(next));
      }
    }

    void finish(boost::beast::error_code ec) {
      boost::beast::error_code ignored;
      stream().socket().shutdown(tcp::socket::shutdown_both, ignored);
      done(std::error_code(ec));  // Boost's error_code converts to the standard one
    }

    tcp::resolver resolver;
    boost::beast::tcp_stream plain;
    std::optional<boost::beast::ssl_stream<boost::beast::tcp_stream>> secure;
    beast_options options;
    url_parts parts;
    leadfeeder::http_response* response_out;
    leadfeeder::completion done;
    boost::beast::http::request<boost::beast::http::string_body> request;
    boost::beast::flat_buffer buffer;
    boost::beast::http::response_parser<boost::beast::http::string_body> parser;
  };

  boost::asio::io_context* io_;
  boost::asio::ssl::context* tls_;
  beast_options options_;
};

}  // namespace example
