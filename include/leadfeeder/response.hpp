// SPDX-License-Identifier: MIT
// leadfeeder-cpp: lf::response<Data>, a successful answer: its document, data and meta.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/detail/response_data.hpp>
#include <leadfeeder/document.hpp>
#include <leadfeeder/generated/schemas.hpp>
#include <leadfeeder/pagination_style.hpp>  // every builder names its pagination_style
#include <leadfeeder/view.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

/// A successful response. It owns the body and its parsed document; every view taken from it
/// lives as long as the response (moving the response keeps them valid).
template <class Data>
class response {
 public:
  using data_type = Data;

  response(document doc, int status) noexcept : doc_(std::move(doc)), status_(status) {}
  /// For operations that ask for one resource by id: remembers the id asked for.
  response(document doc, int status, std::string requested_id) noexcept
      : doc_(std::move(doc)), status_(status), requested_id_(std::move(requested_id)) {}

  /// The `data` member, seen as the operation's view.
  Data data() const noexcept { return detail::make_data<Data>(detail::member(doc_.root(), "data")); }
  /// The `meta` member: request_id, credits.charged, pagination.
  response_meta_view meta() const noexcept { return response_meta_view(detail::member(doc_.root(), "meta")); }
  /// The whole body as JSON, for what the typed views do not cover.
  json_view json() const noexcept { return doc_.json(); }
  /// The HTTP status (any 2xx).
  int status() const noexcept { return status_; }
  /// The body as received (empty for a bodiless 2xx, such as 204 on delete).
  std::string_view body() const noexcept { return doc_.body(); }
  document const& doc() const noexcept { return doc_; }
  /// Gives up the body's storage, destroying the document (the tape points into the body): no
  /// view of this response may be used afterwards. See client::recycle.
  std::string release_body() noexcept { return doc_.release_body(); }

  /// The id the request asked for (get and update operations), or empty.
  std::string_view requested_id() const noexcept { return requested_id_; }
  /// True when the resource came back under another id than the one asked for: the API resolved
  /// an old id of a merged record (docs/api-reference.md, 1.13). Store data().id() in place of the old one.
  bool id_changed() const noexcept {
    if constexpr (detail::has_id_member<Data>::value) {
      std::string_view const returned = data().id();
      return !requested_id_.empty() && !returned.empty() && returned != requested_id_;
    } else {
      return false;
    }
  }

 private:
  document doc_;
  int status_ = 0;
  std::string requested_id_;
};

LEADFEEDER_END_NAMESPACE
