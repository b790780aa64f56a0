// SPDX-License-Identifier: MIT
// A synchronous leadfeeder transport over libcurl. Copy it into your project with
// transport_error.hpp (link libcurl). TLS peer and host verification are on unless you turn them
// off; connect and total timeouts, proxy and CA file come from curl_options, and a call's deadline
// (http_request::timeout) bounds the exchange too. It asks for gzip or deflate and libcurl decodes;
// a body larger than body_limit (after decoding) fails with transport_errc::body_too_large.
// Redirects are not followed (the client reports their Location). Response headers are captured
// (Retry-After, X-Request-Id). One handle is reused from call to call, so connections are kept
// alive.
#pragma once

#include <leadfeeder/leadfeeder.hpp>

#include "transport_error.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

namespace example {

/// What a failed libcurl exchange reports: the CURLcode, as a std::error_code.
inline std::error_category const& curl_category() noexcept {
  class category final : public std::error_category {
   public:
    char const* name() const noexcept override { return "curl"; }
    std::string message(int code) const override { return curl_easy_strerror(static_cast<CURLcode>(code)); }
  };
  static category const instance;
  return instance;
}

struct curl_options {
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds total_timeout{60000};
  std::string proxy;        ///< e.g. "http://proxy:3128"; empty: none (libcurl's environment variables still apply)
  std::string ca_file;      ///< a PEM bundle to trust instead of the system's
  bool verify_peer = true;  ///< turn off only for tests against a local server you started
  bool verify_host = true;
  bool compression = true;                      ///< send Accept-Encoding: gzip, deflate (libcurl decodes the answer)
  std::uint64_t body_limit = 64 * 1024 * 1024;  ///< larger bodies fail with transport_errc::body_too_large
};

class curl_transport {
 public:
  explicit curl_transport(curl_options options = {}) : options_(std::move(options)) {
    static bool const initialised = (curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK);
    (void)initialised;
  }

  std::error_code send(leadfeeder::http_request const& req, leadfeeder::http_response& res) {
    if (!handle_) handle_.reset(curl_easy_init());
    CURL* const h = handle_.get();
    if (h == nullptr) return {CURLE_FAILED_INIT, curl_category()};
    curl_easy_reset(h);

    url_.assign(req.url);  // libcurl wants NUL-terminated strings
    curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    // The call's deadline, when it comes sooner, bounds the whole exchange.
    std::chrono::milliseconds total = options_.total_timeout;
    if (req.timeout) total = std::min(total, std::max(*req.timeout, std::chrono::milliseconds(1)));
    std::chrono::milliseconds const connect = std::min(options_.connect_timeout, total);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(total.count()));
    if (options_.compression) curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, options_.verify_peer ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, options_.verify_host ? 2L : 0L);
    if (!options_.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_file.c_str());
    if (!options_.proxy.empty()) curl_easy_setopt(h, CURLOPT_PROXY, options_.proxy.c_str());

    // libcurl silently resends a request whose reused connection turns out dead; for a write that
    // could repeat it, so writes take a fresh connection.
    bool const write = req.method == leadfeeder::http_method::post || req.method == leadfeeder::http_method::put ||
                       req.method == leadfeeder::http_method::patch;
    curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, write ? 1L : 0L);
    switch (req.method) {
      case leadfeeder::http_method::get: curl_easy_setopt(h, CURLOPT_HTTPGET, 1L); break;
      case leadfeeder::http_method::post: curl_easy_setopt(h, CURLOPT_POST, 1L); break;
      default:  // PUT, PATCH and DELETE (which may carry a body) by name
        method_.assign(leadfeeder::to_string(req.method));
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method_.c_str());
    }
    if (!req.body.empty() || req.method == leadfeeder::http_method::post) {
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, req.body.data());
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
    }

    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, &curl_slist_free_all);
    std::string line;
    for (leadfeeder::http_header const& header : req.headers) {
      line.assign(header.name).append(": ").append(header.value);
      curl_slist* const grown = curl_slist_append(headers.get(), line.c_str());
      if (grown == nullptr) return {CURLE_OUT_OF_MEMORY, curl_category()};
      headers.release();
      headers.reset(grown);
    }
    curl_slist* const expect = curl_slist_append(headers.get(), "Expect:");  // no 100-continue round trip
    if (expect != nullptr) {
      headers.release();
      headers.reset(expect);
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());

    res.clear();
    sink sink_state{&res, options_.body_limit, false};
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &curl_transport::on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink_state);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &curl_transport::on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &res);

    CURLcode const code = curl_easy_perform(h);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
    if (sink_state.over_limit) {
      res.body.clear();
      res.body.shrink_to_fit();
      return transport_errc::body_too_large;
    }
    if (code != CURLE_OK) return {static_cast<int>(code), curl_category()};
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    res.status = static_cast<int>(status);
    return {};
  }

 private:
  struct sink {
    leadfeeder::http_response* res;
    std::uint64_t limit;
    bool over_limit;
  };

  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& s = *static_cast<sink*>(user);
    std::size_t const n = size * count;
    if (s.res->body.size() + n > s.limit) {
      s.over_limit = true;
      return 0;  // libcurl stops the transfer (CURLE_WRITE_ERROR)
    }
    s.res->body.append(data, n);
    return n;
  }

  static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& res = *static_cast<leadfeeder::http_response*>(user);
    std::string_view line(data, size * count);
    if (line.substr(0, 5) == "HTTP/") {
      res.headers.clear();  // a new response (after a redirect or a 100) starts over
      return size * count;
    }
    std::size_t const colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
      while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
        value.remove_suffix(1);
      res.headers.add(line.substr(0, colon), value);
    }
    return size * count;
  }

  struct handle_deleter {
    void operator()(CURL* h) const noexcept { curl_easy_cleanup(h); }
  };

  curl_options options_;
  std::unique_ptr<CURL, handle_deleter> handle_;
  std::string url_;
  std::string method_;
};

}  // namespace example
