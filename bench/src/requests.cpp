// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: building and writing a contacts.retrieve request with 100 ids, the ids
// given three ways: a braced list, a std::vector<std::string> (copied), lf::borrow(vector).
#include "candidates.hpp"

#include <leadfeeder/leadfeeder.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace lf = leadfeeder;

// 100 ids as string literals, "3219787600" ... "3219787699", for the braced list.
#define LF_BENCH_IDS10(p) p "0", p "1", p "2", p "3", p "4", p "5", p "6", p "7", p "8", p "9"
#define LF_BENCH_IDS100                                                                                               \
  LF_BENCH_IDS10("321978760"), LF_BENCH_IDS10("321978761"), LF_BENCH_IDS10("321978762"), LF_BENCH_IDS10("321978763"), \
      LF_BENCH_IDS10("321978764"), LF_BENCH_IDS10("321978765"), LF_BENCH_IDS10("321978766"),                          \
      LF_BENCH_IDS10("321978767"), LF_BENCH_IDS10("321978768"), LF_BENCH_IDS10("321978769")

namespace bench {
namespace {

// Answers {"data":[]} (short enough for std::string's inline buffer: assigning it never allocates).
struct tiny_transport {
  std::string* capture = nullptr;
  std::error_code send(lf::http_request const& req, lf::http_response& res) {
    if (capture != nullptr) capture->assign(req.url);
    res.status = 200;
    res.body.assign(tiny_body.data(), tiny_body.size());
    return {};
  }
};

std::vector<std::string> make_ids() {
  std::vector<std::string> ids;
  ids.reserve(100);
  for (int i = 0; i < 100; ++i) ids.push_back("32197876" + std::string(i < 10 ? "0" : "") + std::to_string(i));
  return ids;
}

}  // namespace

char const* to_string(ids_form f) noexcept {
  switch (f) {
    case ids_form::braced: return "braced";
    case ids_form::vector: return "vector";
    case ids_form::borrowed: return "borrow";
  }
  return "?";
}

struct request_bench::impl {
  impl() : client(tiny_transport{}, options()) {}
  static lf::client_options options() {
    lf::client_options o;
    o.api_key = "KEY";
    return o;
  }

  // The builder, made the way a caller would make it, per call.
  template <class F>
  void with_builder(ids_form form, F&& f) {
    switch (form) {
      case ids_form::braced: f(lf::contacts::retrieve().account_id("123456").ids({LF_BENCH_IDS100})); break;
      case ids_form::vector: f(lf::contacts::retrieve().account_id("123456").ids(ids)); break;
      case ids_form::borrowed: f(lf::contacts::retrieve().account_id("123456").ids(lf::borrow(ids))); break;
    }
  }

  std::vector<std::string> ids = make_ids();
  lf::client<tiny_transport> client;
  alignas(std::max_align_t) unsigned char buffer[16384];
  lf::detail::request_writer writer;
  std::optional<decltype(lf::contacts::retrieve().account_id("").ids(lf::string_list()))> kept[3];
};

request_bench::request_bench() : impl_(std::make_unique<impl>()) {}
request_bench::~request_bench() = default;

void request_bench::build(ids_form form) {
  impl_->with_builder(form, [](auto&& builder) { benchmark::DoNotOptimize(builder); });
}

bool request_bench::send(ids_form form, bool buffered) {
  bool ok = false;
  impl_->with_builder(form, [&](auto&& builder) {
    if (buffered) {
      auto r = impl_->client.send(builder, lf::document_buffer{impl_->buffer, sizeof impl_->buffer});
      ok = static_cast<bool>(r);
    } else {
      auto r = impl_->client.send(builder);
      ok = static_cast<bool>(r);
    }
  });
  return ok;
}

void request_bench::write_only(ids_form form) {
  auto& kept = impl_->kept[static_cast<int>(form)];
  if (!kept) impl_->with_builder(form, [&](auto&& builder) { kept.emplace(std::move(builder)); });
  impl_->writer.begin("contacts.retrieve", lf::http_method::get, "https://api.leadfeeder.com");
  kept->write(impl_->writer);
  benchmark::DoNotOptimize(impl_->writer.url().data());
}

std::string request_bench::last_url() {
  std::string url;
  impl_->client.transport().capture = &url;
  (void)send(ids_form::borrowed, true);
  impl_->client.transport().capture = nullptr;
  return url;
}

}  // namespace bench
