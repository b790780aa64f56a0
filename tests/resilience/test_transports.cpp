// SPDX-License-Identifier: MIT
// The example transports against servers this project did not write, on loopback only: nginx
// (started and stopped here, from a configuration written to a temporary folder) for compression,
// the body cap, Host with the port, keep-alive reuse and reconnection, a redirect and an HTML page;
// and a socket that accepts connections and never answers, for the deadline of a call. libcurl
// and Beast (Beast through a small adapter that runs its io_context until the exchange is over, so
// that the same client code and call_options apply). Without nginx the nginx cases say
// "SKIPPED: nginx".
#include <doctest/doctest.h>

#include "support.hpp"

#include <beast_transport.hpp>
#include <curl_transport.hpp>

#include <memory>
#include <optional>
#include <string>

namespace {

using namespace resilience;

/// A synchronous transport over the Beast one: send() runs a private io_context to completion.
class beast_sync {
 public:
  explicit beast_sync(example::beast_options o = {}, boost::asio::ssl::context* tls = nullptr)
      : io_(std::make_unique<boost::asio::io_context>()),
        inner_(std::make_unique<example::beast_transport>(*io_, tls, o)) {}

  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    std::error_code out = std::make_error_code(std::errc::operation_canceled);
    inner_->async_send(req, res, [&out](std::error_code ec) { out = ec; });
    io_->restart();
    io_->run();
    return out;
  }
  example::beast_transport& inner() { return *inner_; }

 private:
  std::unique_ptr<boost::asio::io_context> io_;
  std::unique_ptr<example::beast_transport> inner_;
};

lf::client_options options_for(std::string base_url) {
  lf::client_options o;
  o.api_key = "transport-key";
  o.base_url = std::move(base_url);
  return o;
}

/// A TCP socket on 127.0.0.1 that listens and never accepts: the kernel completes connections
/// into its backlog, and nothing is ever answered.
class silent_server {
 public:
  silent_server() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(fd_, 16) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    port_ = ntohs(addr.sin_port);
  }
  silent_server(silent_server const&) = delete;
  silent_server& operator=(silent_server const&) = delete;
  ~silent_server() { ::close(fd_); }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_ = -1;
  int port_ = 0;
};

/// nginx on a free loopback port, in the foreground and as one process, with everything it
/// writes in a temporary folder. Locations: /v1/host (echoes Host, the connection number and
/// Accept-Encoding as JSON), /v1/files/big.json (about 3 MB of JSON, gzip when asked), /v1/moved
/// (a 302), /v1/html (a 200 HTML page). Idle connections are closed after 1 s.
class nginx_server {
 public:
  static std::string program() {
    std::string p = find_program("nginx");
    if (p.empty() && ::access("/usr/sbin/nginx", X_OK) == 0) p = "/usr/sbin/nginx";
    return p;
  }

  explicit nginx_server(std::string const& nginx) : port_(free_port()) {
    std::string const d = dir_.path();
    std::filesystem::create_directories(d + "/www");
    {
      std::ofstream big(d + "/www/big.json", std::ios::binary);
      big << R"({"data":[)";
      for (int i = 0; i < 12000; ++i) {
        if (i != 0) big << ',';
        big << R"({"type":"contacts","id":")" << (1000000 + i)
            << R"(","attributes":{"first_name":"Ada","last_name":"Lovelace","job_title":"Head of Engineering","emails":[{"address":"ada)"
            << i << R"(@example.test"}],"city":"London","country":"United Kingdom","seniority":"executive"}})";
      }
      big << "]}";
    }
    big_size_ = static_cast<std::size_t>(std::filesystem::file_size(d + "/www/big.json"));
    std::ofstream conf(d + "/nginx.conf");
    conf << "daemon off;\nmaster_process off;\nworker_processes 1;\npid " << d << "/nginx.pid;\n"
         << "error_log " << d << "/error.log warn;\nevents { worker_connections 64; }\nhttp {\n"
         << "  log_format wire '$request_uri $status $body_bytes_sent $connection \"$http_accept_encoding\"';\n"
         << "  access_log " << d << "/access.log wire;\n"
         << "  client_body_temp_path " << d << "/body; proxy_temp_path " << d << "/proxy;\n"
         << "  fastcgi_temp_path " << d << "/fastcgi; uwsgi_temp_path " << d << "/uwsgi; scgi_temp_path " << d
         << "/scgi;\n"
         << "  keepalive_timeout 1s;\n  default_type application/json;\n"
         << "  gzip on; gzip_types application/json; gzip_min_length 1;\n"
         << "  server {\n    listen 127.0.0.1:" << port_ << ";\n"
         << "    location = /v1/host { return 200 '{\"data\":{\"host\":\"$http_host\",\"connection\":\"$connection\","
            "\"encoding\":\"$http_accept_encoding\"}}'; }\n"
         << "    location = /v1/moved { return 302 http://elsewhere.invalid/v1/users/me; }\n"
         << "    location = /v1/html { default_type text/html; return 200 '<!DOCTYPE html><html><head><title>Proxy "
            "login</title></head><body>Sign in</body></html>'; }\n"
         << "    location /v1/files/ { alias " << d << "/www/; }\n"
         << "  }\n}\n";
    conf.close();
    child_process::streams io;
    io.stdout_file = dir_.file("stdout");
    io.stderr_file = dir_.file("stderr");
    process_ = std::make_unique<child_process>(
        std::vector<std::string>{nginx, "-e", d + "/error.log", "-p", d, "-c", d + "/nginx.conf"}, io);
    if (!wait_accepting(port_, 10000ms)) {
      FAIL("nginx does not accept on port " << port_ << ": " << read_file(d + "/error.log")
                                            << read_file(dir_.file("stderr")));
    }
  }
  nginx_server(nginx_server const&) = delete;
  nginx_server& operator=(nginx_server const&) = delete;
  ~nginx_server() { process_->terminate(); }

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const noexcept { return port_; }
  std::size_t big_size() const noexcept { return big_size_; }
  /// The access log: "URI STATUS BODY_BYTES_SENT CONNECTION "ACCEPT-ENCODING"" per request.
  std::string access_log() const { return read_file(dir_.file("access.log")); }

  /// The body bytes sent for the last request of `uri` in the access log, or -1.
  long long bytes_sent_for(std::string const& uri) const {
    std::string const log = access_log();
    std::size_t const at = log.rfind(uri + " ");
    if (at == std::string::npos) return -1;
    std::istringstream line(log.substr(at, log.find('\n', at) - at));
    std::string u;
    int status = 0;
    long long bytes = -1;
    line >> u >> status >> bytes;
    return bytes;
  }

 private:
  temp_dir dir_;
  int port_;
  std::size_t big_size_ = 0;
  std::unique_ptr<child_process> process_;
};

auto get_host() { return lf::raw_request(lf::http_method::get, "/v1/host"); }
auto get_big() { return lf::raw_request(lf::http_method::get, "/v1/files/big.json"); }

template <class Transport>
void check_against_nginx(nginx_server& nginx, Transport transport, std::string const& name) {
  CAPTURE(name);
  lf::client<Transport> client{std::move(transport), options_for(nginx.base_url())};

  // Host with the port (not the default one), and Accept-Encoding asked for.
  auto a = client.send(get_host());
  REQUIRE(a);
  CHECK(a->data()["host"].as_string() == "127.0.0.1:" + std::to_string(nginx.port()));
  CHECK(a->data()["encoding"].as_string() == "gzip, deflate");
  std::string const first_connection(a->data()["connection"].as_string());

  // Keep-alive: the next two reads come over the same connection.
  for (int i = 0; i < 2; ++i) {
    auto b = client.send(get_host());
    REQUIRE(b);
    CHECK(b->data()["connection"].as_string() == first_connection);
  }

  // Compression: 3 MB of JSON decoded, far fewer bytes on the wire.
  auto big = client.send(get_big());
  REQUIRE(big);
  CHECK(big->data().size() == 12000);
  CHECK(big->data()[11999]["id"].as_string() == "1011999");
  long long const wire = nginx.bytes_sent_for("/v1/files/big.json");
  MESSAGE(name << ": " << nginx.big_size() << " bytes of JSON took " << wire << " bytes on the wire");
  CHECK(wire > 0);
  CHECK(wire * 20 < static_cast<long long>(nginx.big_size()));

  // nginx closes the idle connection after 1 s: the next read still succeeds (a new connection).
  std::this_thread::sleep_for(1300ms);
  auto c = client.send(get_host());
  REQUIRE(c);
  CHECK(c->data()["connection"].as_string() != first_connection);

  // A redirect is not followed (following it would end in a DNS failure for elsewhere.invalid),
  // and says where it pointed.
  auto moved = client.send(lf::raw_request(lf::http_method::get, "/v1/moved"));
  REQUIRE_FALSE(moved);
  CHECK(moved.error().code == lf::errc::unexpected_status);
  CHECK(moved.error().http_status == 302);
  CHECK(moved.error().message.find("Location: http://elsewhere.invalid/v1/users/me") != std::string::npos);

  // An HTML page at 200 says what it is.
  auto html = client.send(lf::raw_request(lf::http_method::get, "/v1/html"));
  REQUIRE_FALSE(html);
  CHECK(html.error().code == lf::errc::invalid_response);
  CHECK(html.error().message.find("text/html") != std::string::npos);
  CHECK(html.error().message.find("\"Proxy login\"") != std::string::npos);
  MESSAGE(name << ": " << lf::to_string(html.error()));
}

template <class Transport>
void check_body_limit(nginx_server& nginx, Transport transport, std::string const& name, bool compressed) {
  CAPTURE(name);
  CAPTURE(compressed);
  lf::client<Transport> client{std::move(transport), options_for(nginx.base_url())};
  auto r = client.send(get_big());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == example::transport_errc::body_too_large);
  CHECK(r.error().http_status == 0);
  MESSAGE(name << std::string(compressed ? " (gzip)" : " (identity)") << ": " << lf::to_string(r.error()));
  // The same client still works for an answer within the limit.
  CHECK(client.send(get_host()));
}

template <class Transport>
void check_hung_server(Transport transport, std::string const& name) {
  CAPTURE(name);
  silent_server silent;
  lf::client_options o = options_for(silent.base_url());
  o.retry = lf::retry_policy{};  // retries must not stretch the call past its deadline either
  lf::client<Transport> client{std::move(transport), o};
  lf::call_options call;
  auto const start = std::chrono::steady_clock::now();
  call.deadline = start + 700ms;
  auto r = client.send(lf::users::me(), call);
  auto const took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(r);
  CHECK(r.error().code == lf::errc::deadline_exceeded);
  CHECK(r.error().http_status == 0);
  CHECK(took >= 650ms);
  CHECK(took < 1500ms);
  MESSAGE(name << ": a hung server, a 700 ms deadline: " << lf::to_string(r.error()) << " after "
               << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
}

}  // namespace

TEST_SUITE("resilience_transports") {

TEST_CASE("a hung server: the call's deadline bounds the exchange in progress (libcurl, Beast)") {
  example::curl_options slow;
  slow.total_timeout = 60000ms;  // the transport's own limit is far away: the deadline must decide
  check_hung_server(example::curl_transport{slow}, "libcurl");
  example::beast_options beast;
  beast.timeout = 60000ms;
  check_hung_server(beast_sync{beast}, "Beast");
}

TEST_CASE("nginx: Host with the port, keep-alive and reconnection, gzip, redirects, HTML (libcurl, Beast)") {
  std::string const nginx = nginx_server::program();
  if (nginx.empty()) {
    MESSAGE("SKIPPED: nginx is not installed (Debian package nginx-light)");
    return;
  }
  nginx_server server(nginx);
  check_against_nginx(server, example::curl_transport{}, "libcurl");
  check_against_nginx(server, beast_sync{}, "Beast");
}

TEST_CASE("the body cap: on the wire and after decoding, a clear error (libcurl, Beast)") {
  std::string const nginx = nginx_server::program();
  if (nginx.empty()) {
    MESSAGE("SKIPPED: nginx is not installed (Debian package nginx-light)");
    return;
  }
  nginx_server server(nginx);
  for (bool compressed : {false, true}) {
    example::curl_options co;
    co.body_limit = 1024 * 1024;
    co.compression = compressed;
    check_body_limit(server, example::curl_transport{co}, "libcurl", compressed);
    example::beast_options bo;
    bo.body_limit = 1024 * 1024;
    bo.compression = compressed;
    check_body_limit(server, beast_sync{bo}, "Beast", compressed);
  }
  // On the wire, the compressed answer was the small one.
  CHECK(server.bytes_sent_for("/v1/files/big.json") > 0);
}

TEST_CASE("Beast: one connection for a run of reads, a fresh one for a write, Host without a default port") {
  std::string const nginx = nginx_server::program();
  if (nginx.empty()) {
    MESSAGE("SKIPPED: nginx is not installed (Debian package nginx-light)");
    return;
  }
  nginx_server server(nginx);
  lf::client<beast_sync> client{beast_sync{}, options_for(server.base_url())};
  for (int i = 0; i < 5; ++i) REQUIRE(client.send(get_host()));
  CHECK(client.transport().inner().connections_opened() == 1);
  CHECK(client.transport().inner().has_idle_connection());
  // A write (POST) takes a connection of its own and does not keep it.
  auto w = client.send(lf::raw_request(lf::http_method::post, "/v1/host").body(std::string("{}")));
  CHECK(client.transport().inner().connections_opened() == 2);
  MESSAGE("a POST to a static location: " << (w ? std::string("ok") : lf::to_string(w.error())));
  REQUIRE(client.send(get_host()));
  CHECK(client.transport().inner().connections_opened() == 2);  // the kept read connection again

  example::url_parts const plain = *example::split_url("http://api.example.test/v1");
  CHECK(plain.host_header() == "api.example.test");
  example::url_parts const tls = *example::split_url("https://api.example.test:443/v1");
  CHECK(tls.host_header() == "api.example.test");
  example::url_parts const other = *example::split_url("https://api.example.test:8443/v1");
  CHECK(other.host_header() == "api.example.test:8443");
  CHECK_FALSE(example::split_url("https://:443/v1").has_value());
}

TEST_CASE("inflate_body: gzip and raw deflate, truncated data, a bomb past the limit") {
  // Compressed here with zlib itself, so that the test needs no fixture.
  std::string const plain(200000, 'a');
  auto compress = [&plain](int window_bits) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, static_cast<uLong>(plain.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    z.avail_in = static_cast<uInt>(plain.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
  };
  std::string out;
  for (int bits : {15 + 16, 15, -15}) {  // gzip, zlib, raw deflate
    CAPTURE(bits);
    std::string const packed = compress(bits);
    CHECK_FALSE(example::inflate_body(packed, out, 1024 * 1024));
    CHECK(out == plain);
    CHECK(example::inflate_body(packed, out, 1000) == example::transport_errc::body_too_large);
    CHECK(out.empty());
    CHECK(example::inflate_body(packed.substr(0, packed.size() / 2), out, 1024 * 1024) ==
          example::transport_errc::bad_encoding);
  }
  CHECK(example::inflate_body("not compressed at all", out, 1024) == example::transport_errc::bad_encoding);
}

}  // TEST_SUITE("resilience_transports")
