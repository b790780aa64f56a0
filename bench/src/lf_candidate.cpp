// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: candidate (L), this library, through client.send over an in-memory
// transport, reading every field through the generated views.
#include "candidates.hpp"

#include <leadfeeder/boost_json.hpp>
#include <leadfeeder/leadfeeder.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>

#include <benchmark/benchmark.h>

#include <optional>
#include <string>
#include <system_error>
#include <utility>

namespace lf = leadfeeder;

namespace bench {
namespace {

// Answers every request with `body`, copied into res.body as a transport copies what it received
// (the client takes the string over, so the copy allocates on every call: measured separately).
struct memory_transport {
  std::string const* body = nullptr;
  std::error_code send(lf::http_request const&, lf::http_response& res) {
    res.status = 200;
    res.body = *body;
    return {};
  }
};

auto make_builder() { return lf::contacts::retrieve().account_id("123456").ids({"3219787601", "3219787635"}); }
using builder_type = decltype(make_builder());
using response_type = lf::response<lf::array_view<lf::contact_view>>;
static_assert(std::is_same_v<builder_type::response_type, response_type>);

void profiles(lf::array_view<lf::social_media_profile_view> v, checksum& s) {
  for (lf::social_media_profile_view p : v) {
    s.item();
    s.str(p.url());
    s.str(p.source());
  }
}

void filters(lf::array_view<lf::filter_item_view> v, checksum& s) {
  for (lf::filter_item_view f : v) {
    s.item();
    s.str(f.search_value());
    s.str(f.display_value());
    s.boolean(f.negated());
  }
}

// Every field of every contact, through the views (the reads of the quick start's snippet, extended
// to the whole ContactV1).
void read(response_type const& r, checksum& s) {
  for (lf::contact_view c : r.data()) {
    s.item();
    s.str(c.type());
    s.str(c.id());
    lf::contact_address_view const a = c.address();
    s.str(a.city());
    s.str(a.country_code());
    s.str(a.country());
    s.str(c.affiliation());
    for (auto const& [key, field] : c.custom_fields()) {
      s.item();
      s.str(key);
      s.str(field.type());
      lf::json_view const v = field.value();
      if (v.is_string()) {
        s.str(v.as_string());
      } else if (v.is_bool()) {
        s.boolean(v.as_bool());
      } else if (v.is_integer()) {
        s.number(v.as_integer());
      }
      s.str(field.reason());
    }
    for (std::string_view d : c.departments()) {
      s.item();
      s.str(d);
    }
    for (lf::contact_email_view e : c.emails()) {
      s.item();
      s.str(e.address());
      s.str(e.source());
    }
    s.str(c.first_name());
    s.str(c.gender());
    s.str(c.hierarchy_level());
    s.str(c.last_name());
    for (lf::contact_phone_view p : c.phones()) {
      s.item();
      s.str(p.number());
      s.str(p.type());
      s.boolean(p.blacklisted());
      s.str(p.source());
    }
    lf::contact_position_view const pos = c.position();
    s.str(pos.title());
    s.str(pos.language_code());
    for (lf::public_source_view p : c.public_sources()) {
      s.item();
      s.str(p.type());
      s.str(p.url());
    }
    lf::social_media_profiles_view const sm = c.social_media_profiles();
    profiles(sm.facebook(), s);
    profiles(sm.instagram(), s);
    profiles(sm.linkedin(), s);
    profiles(sm.pinterest(), s);
    profiles(sm.twitter(), s);
    profiles(sm.xing(), s);
    profiles(sm.youtube(), s);
    s.str(c.title());
    lf::contact_relationships_view const rel = c.relationships();
    lf::company_view const company = rel.company();
    s.str(company.id());
    s.str(company.type());
    for (lf::list_view l : rel.lists()) {
      s.item();
      s.str(l.type());
      s.str(l.id());
      s.str(l.name());
      s.str(l.scope());
      s.str(l.created_at());
      s.str(l.updated_at());
      lf::user_view const by = l.relationships().created_by();
      s.str(by.id());
      s.str(by.type());
    }
    for (lf::buyer_persona_view b : rel.buyer_personas()) {
      s.item();
      s.str(b.type());
      s.str(b.id());
      s.str(b.name());
      s.str(b.created_at());
      lf::buyer_persona_filters_view const f = b.filters();
      filters(f.department(), s);
      filters(f.job_title(), s);
      filters(f.location(), s);
      filters(f.seniority(), s);
    }
  }
  lf::response_meta_view const meta = r.meta();
  s.number(meta.credits().charged());
  s.str(meta.request_id());
}

}  // namespace

struct lf_decoder::impl {
  explicit impl(std::string const& b) : body(b), client(memory_transport{&b}, options()) {}

  static lf::client_options options() {
    lf::client_options o;
    o.api_key = "KEY";
    return o;
  }

  template <class Result>
  bool finish(Result& r, checksum& s) {
    if (!r) {
      error = lf::to_string(r.error());
      exhausted = r.error().code == lf::errc::buffer_exhausted;
      return false;
    }
    exhausted = false;
    read(*r, s);
    return true;
  }

  std::string const& body;
  lf::client<memory_transport> client;
  builder_type builder = make_builder();
  std::string error;
  bool exhausted = false;
  boost::json::parser parser;
  std::optional<lf::result<response_type>> kept;
  std::optional<boost::json::value> tree;  // a DOM of the kept response, for the direct reads
};

lf_decoder::lf_decoder(std::string const& body) : impl_(std::make_unique<impl>(body)) {}
lf_decoder::~lf_decoder() = default;

bool lf_decoder::decode(checksum& s) {
  auto r = impl_->client.send(impl_->builder);
  return impl_->finish(r, s);
}

bool lf_decoder::decode(checksum& s, void* buffer, std::size_t size) {
  auto r = impl_->client.send(impl_->builder, lf::document_buffer{buffer, size});
  return impl_->finish(r, s);
}

std::string const& lf_decoder::error() const noexcept { return impl_->error; }
bool lf_decoder::buffer_exhausted() const noexcept { return impl_->exhausted; }

bool lf_decoder::parse_document(void* buffer, std::size_t size) {
  std::string copy = impl_->body;
  lf::result<lf::document> doc = lf::document::parse(std::move(copy), lf::memory_block{buffer, size});
  benchmark::DoNotOptimize(doc);
  return static_cast<bool>(doc);
}

void lf_decoder::read_kept(checksum& s) {
  if (!impl_->kept) impl_->kept.emplace(impl_->client.send(impl_->builder));
  if (*impl_->kept) read(**impl_->kept, s);
}

void lf_decoder::read_kept_direct(checksum& s) {
  if (!impl_->kept) impl_->kept.emplace(impl_->client.send(impl_->builder));
  if (!*impl_->kept) return;
  if (!impl_->tree) impl_->tree.emplace(lf::to_boost_json((*impl_->kept)->json()));
  read_boost_direct(*impl_->tree, s);
}

bool lf_decoder::parse_raw(void* buffer, std::size_t size) {
  boost::json::monotonic_resource arena(static_cast<unsigned char*>(buffer), size);
  impl_->parser.reset(boost::json::storage_ptr(&arena));
  std::error_code ec;
  impl_->parser.write(impl_->body.data(), impl_->body.size(), ec);
  if (ec) return false;
  boost::json::value root = impl_->parser.release();
  benchmark::DoNotOptimize(root);
  return true;
}

bool lf_decoder::parse_presized_arena(std::size_t initial) {
  boost::json::monotonic_resource arena(initial);
  impl_->parser.reset(boost::json::storage_ptr(&arena));
  std::error_code ec;
  impl_->parser.write(impl_->body.data(), impl_->body.size(), ec);
  if (ec) return false;
  boost::json::value root = impl_->parser.release();
  benchmark::DoNotOptimize(root);
  return true;
}

std::size_t lf_decoder::tape_bytes() {
  if (!impl_->kept) impl_->kept.emplace(impl_->client.send(impl_->builder));
  return *impl_->kept ? (*impl_->kept)->doc().tape_bytes() : 0;
}

std::size_t lf_decoder::node_count() {
  if (!impl_->kept) impl_->kept.emplace(impl_->client.send(impl_->builder));
  return *impl_->kept ? (*impl_->kept)->doc().node_count() : 0;
}

}  // namespace bench
