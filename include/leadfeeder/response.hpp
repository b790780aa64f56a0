// leadfeeder-cpp: lf::response<Data>, a successful answer: its document, data and meta.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/document.hpp>
#include <leadfeeder/generated/schemas.hpp>
#include <leadfeeder/view.hpp>

#include <string_view>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

namespace detail {

template <class T>
struct is_array_view : std::false_type {};
template <class View>
struct is_array_view<array_view<View>> : std::true_type {};

// `data` as the operation's Data type: a list as is (a lone object is a list of one); a single
// resource from an object, or from the first element when the server wrapped it in an array.
template <class Data>
Data make_data(json_value const* data) noexcept {
  if constexpr (is_array_view<Data>::value) {
    return Data(data, one_or_many);
  } else if constexpr (std::is_same_v<Data, json_view>) {
    return Data(data);
  } else {
    return Data(relationship_one(data));
  }
}

}  // namespace detail

/// A successful response. It owns the body and its parsed document; every view taken from it
/// lives as long as the response (moving the response keeps them valid).
template <class Data>
class response {
 public:
  using data_type = Data;

  response(document doc, int status) noexcept : doc_(std::move(doc)), status_(status) {}

  /// The `data` member, seen as the operation's view.
  Data data() const noexcept { return detail::make_data<Data>(detail::member(&doc_.root(), "data")); }
  /// The `meta` member: request_id, credits.charged, pagination.
  response_meta_view meta() const noexcept {
    return response_meta_view(detail::member(&doc_.root(), "meta"));
  }
  /// The whole body as JSON, for what the typed views do not cover.
  json_view json() const noexcept { return doc_.json(); }
  /// The HTTP status (any 2xx).
  int status() const noexcept { return status_; }
  /// The body as received (empty for a bodiless 2xx, such as 204 on delete).
  std::string_view body() const noexcept { return doc_.body(); }
  document const& doc() const noexcept { return doc_; }

 private:
  document doc_;
  int status_ = 0;
};

LEADFEEDER_END_NAMESPACE
