// SPDX-License-Identifier: MIT
// TLS: the openssl command makes a self-signed certificate for 127.0.0.1 in a temporary folder and
// serves HTTPS on a free loopback port (`openssl s_server -www`, which answers a GET with an HTML
// status page). With default options, the libcurl transport and the Beast transport (an
// ssl::context with verify_peer and the default roots) refuse the server: a transport error,
// http_status 0, and no request reached it (the status page of the first accepted exchange counts
// one finished handshake, its own). The Beast transport sets verify_peer itself, so an
// ssl::context left at Asio's defaults, or set to verify_none, is refused too; only
// beast_options::insecure_skip_tls_verify, by name, accepts the server unverified. Trusting the
// certificate (curl_options.ca_file, or load_verify_file on the ssl::context) completes the
// exchange: a 200 whose HTML body the client refuses as errc::invalid_response. Without openssl on
// PATH the test says "SKIPPED: openssl".
#include <doctest/doctest.h>

#include "support.hpp"

#include <beast_transport.hpp>
#include <curl_transport.hpp>

#include <optional>
#include <string>

namespace {

using namespace resilience;

/// A transport that keeps a copy of the last response body (the client turns HTML into an error).
class capturing_curl {
 public:
  explicit capturing_curl(example::curl_options o) : inner_(std::move(o)) {}
  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    std::error_code const ec = inner_.send(req, res);
    body = ec ? std::string() : res.body;
    ++exchanges;
    return ec;
  }
  std::string body;
  int exchanges = 0;

 private:
  example::curl_transport inner_;
};

class capturing_beast {
 public:
  capturing_beast(boost::asio::io_context& io, boost::asio::ssl::context& tls, example::beast_options o = {})
      : inner_(io, &tls, o) {}
  template <class Callback>
  void async_send(lf::http_request const& req, lf::http_response& res, Callback&& done) {
    inner_.async_send(req, res, [this, &res, done = std::forward<Callback>(done)](std::error_code ec) mutable {
      body = ec ? std::string() : res.body;
      ++exchanges;
      done(ec);
    });
  }
  std::string body;
  int exchanges = 0;

 private:
  example::beast_transport inner_;
};

lf::client_options https_options(int port) {
  lf::client_options o;
  o.api_key = "tls-key";
  o.base_url = "https://127.0.0.1:" + std::to_string(port);
  return o;
}

/// users.me through the Beast transport: runs the io_context until the callback.
std::optional<lf::error> beast_call(boost::asio::ssl::context& tls, int port, std::string& body,
                                    example::beast_options o = {}) {
  boost::asio::io_context io;
  lf::client<capturing_beast> client{capturing_beast{io, tls, o}, https_options(port)};
  std::optional<lf::error> failed;
  bool done = false;
  client.async_send(lf::users::me(), [&](auto r) {
    done = true;
    if (!r) failed = r.error();
  });
  io.run();
  REQUIRE(done);
  body = client.transport().body;
  CHECK(client.transport().exchanges == 1);
  return failed;
}

std::optional<lf::error> curl_call(example::curl_options co, int port, std::string& body) {
  co.connect_timeout = 5000ms;
  co.total_timeout = 10000ms;
  lf::client<capturing_curl> client{capturing_curl{co}, https_options(port)};
  auto r = client.send(lf::users::me());
  body = client.transport().body;
  CHECK(client.transport().exchanges == 1);
  if (r) return std::nullopt;
  return r.error();
}

/// "N server accepts that finished" on s_server's status page: the handshakes completed so far.
int finished_handshakes(std::string const& page) {
  std::string const marker = " server accepts that finished";
  std::size_t const at = page.find(marker);
  if (at == std::string::npos) return -1;
  std::size_t start = at;
  while (start > 0 && page[start - 1] >= '0' && page[start - 1] <= '9') --start;
  return start == at ? -1 : std::stoi(page.substr(start, at - start));
}

}  // namespace

TEST_SUITE("resilience_tls") {

TEST_CASE("TLS: a self-signed server is refused by default and trusted through its certificate (libcurl, Beast)") {
  std::string const openssl = find_program("openssl");
  if (openssl.empty()) {
    MESSAGE("SKIPPED: openssl (the command) is not on PATH");
    return;
  }
  temp_dir dir;
  std::string const cert = dir.file("cert.pem");
  std::string const key = dir.file("key.pem");
  int const made =
      run_command({openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                   "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert},
                  dir.file("req.log"));
  if (made != 0) FAIL("openssl req failed: " << read_file(dir.file("req.log.err")));

  int const port = free_port();
  child_process::streams io;
  io.stdout_file = dir.file("s_server.out");
  io.stderr_file = dir.file("s_server.err");
  child_process server({openssl, "s_server", "-accept", std::to_string(port), "-cert", cert, "-key", key, "-www"}, io);
  if (!wait_accepting(port, 10000ms)) {
    FAIL("openssl s_server does not accept on port " << port << ": " << read_file(dir.file("s_server.out"))
                                                     << read_file(dir.file("s_server.err")));
  }

  std::string body;  // the checks below run in this order: the handshake count depends on it

  // 1. libcurl, default options: the system's roots do not include the certificate.
  std::optional<lf::error> e = curl_call(example::curl_options{}, port, body);
  REQUIRE(e.has_value());
  CHECK(e->http_status == 0);
  CHECK(e->code.category() == example::curl_category());
  CHECK(e->code.value() == CURLE_PEER_FAILED_VERIFICATION);
  CHECK(body.empty());
  MESSAGE("libcurl, default roots: " << lf::to_string(*e));

  // 2. Beast, verify_peer with the default roots.
  {
    boost::asio::ssl::context tls(boost::asio::ssl::context::tls_client);
    tls.set_default_verify_paths();
    tls.set_verify_mode(boost::asio::ssl::verify_peer);
    e = beast_call(tls, port, body);
    REQUIRE(e.has_value());
    CHECK(e->http_status == 0);
    CHECK(static_cast<bool>(e->code));
    CHECK_FALSE(e->code.category() == lf::error_category());
    CHECK(body.empty());
    MESSAGE("Beast, default roots: " << lf::to_string(*e));
  }

  // 2b. Beast with an ssl::context left at Asio's defaults (no verify mode set): the transport
  // sets verify_peer itself, so the server is refused all the same.
  {
    boost::asio::ssl::context tls(boost::asio::ssl::context::tls_client);
    e = beast_call(tls, port, body);
    REQUIRE(e.has_value());
    CHECK(e->http_status == 0);
    CHECK(static_cast<bool>(e->code));
    CHECK(body.empty());
    MESSAGE("Beast, an ssl::context at Asio's defaults: " << lf::to_string(*e));
  }

  // 2c. Beast with a context that asks for no verification (verify_none), without the transport's
  // named opt-out: still verified, still refused.
  {
    boost::asio::ssl::context tls(boost::asio::ssl::context::tls_client);
    tls.set_verify_mode(boost::asio::ssl::verify_none);
    e = beast_call(tls, port, body);
    REQUIRE(e.has_value());
    CHECK(e->http_status == 0);
    CHECK(body.empty());
  }

  // 2d. libcurl with verify_peer on but verify_host off (a partial opt-out) still checks the chain.
  {
    example::curl_options partial;
    partial.verify_host = false;
    e = curl_call(partial, port, body);
    REQUIRE(e.has_value());
    CHECK(e->http_status == 0);
    CHECK(e->code.value() == CURLE_PEER_FAILED_VERIFICATION);
    CHECK(body.empty());
  }

  // 3. libcurl trusting the certificate: the exchange completes; s_server's HTML is no JSON.
  example::curl_options trusting;
  trusting.ca_file = cert;
  e = curl_call(trusting, port, body);
  REQUIRE(e.has_value());
  CHECK(e->http_status == 200);
  CHECK(e->code == lf::errc::invalid_response);
  CHECK(body.find("s_server") != std::string::npos);
  // Neither refused attempt finished a handshake, so neither sent a byte of its request.
  CHECK(finished_handshakes(body) == 1);

  // 4. Beast trusting the certificate.
  {
    boost::asio::ssl::context tls(boost::asio::ssl::context::tls_client);
    tls.load_verify_file(cert);
    tls.set_verify_mode(boost::asio::ssl::verify_peer);
    e = beast_call(tls, port, body);
    REQUIRE(e.has_value());
    if (e->http_status == 0) FAIL_CHECK("Beast, trusted: " << lf::to_string(*e));
    CHECK(e->http_status == 200);
    CHECK(e->code == lf::errc::invalid_response);
    CHECK(finished_handshakes(body) == 2);
  }

  // 5. Beast with the opt-out by name (insecure_skip_tls_verify): the exchange completes with no
  // trusted roots at all.
  {
    boost::asio::ssl::context tls(boost::asio::ssl::context::tls_client);
    example::beast_options insecure;
    insecure.insecure_skip_tls_verify = true;
    e = beast_call(tls, port, body, insecure);
    REQUIRE(e.has_value());
    CHECK(e->http_status == 200);
    CHECK(e->code == lf::errc::invalid_response);
    // Every refused attempt above (1, 2, 2b, 2c, 2d) ended before a finished handshake, so none of
    // them sent a byte of its request, the X-Api-Key header included.
    CHECK(finished_handshakes(body) == 3);
  }

  server.terminate();
  CHECK_FALSE(server.running());
}

}  // TEST_SUITE("resilience_tls")
