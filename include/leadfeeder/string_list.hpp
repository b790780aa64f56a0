// leadfeeder-cpp: lf::string_list_ref, how a builder takes a list of strings (ids, search terms).
#pragma once

#include <leadfeeder/config.hpp>

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

/// A non-owning list of strings, like std::string_view is a non-owning string: it refers to the
/// caller's container (a braced list, std::vector<std::string>, std::array<std::string_view, N>,
/// ...), which must outlive the request. A braced list lives until the end of the statement that
/// sends it, so `client.send(op().ids({"1", "2"}))` is fine, while keeping such a builder in a
/// variable is not: pass a named container then.
class string_list_ref {
 public:
  constexpr string_list_ref() noexcept = default;

  /// A braced list: `{"3219787601", "3219787635"}`.
  constexpr string_list_ref(std::initializer_list<std::string_view> list) noexcept
      : data_(list.begin()), size_(list.size()), get_(&get_element<std::string_view>) {}

  /// Any contiguous container (data() and size()) of elements convertible to std::string_view.
  template <class Container,
            class Element = std::remove_cv_t<std::remove_pointer_t<decltype(std::data(std::declval<Container const&>()))>>,
            std::enable_if_t<std::is_convertible_v<Element const&, std::string_view> &&
                                 !std::is_convertible_v<Container const&, std::string_view>,
                             int> = 0>
  constexpr string_list_ref(Container const& c) noexcept  // NOLINT: implicit on purpose
      : data_(std::data(c)), size_(std::size(c)), get_(&get_element<Element>) {}

  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  /// Element i (i < size()).
  std::string_view operator[](std::size_t i) const noexcept { return get_(data_, i); }

 private:
  template <class Element>
  static std::string_view get_element(void const* data, std::size_t i) noexcept {
    return std::string_view(static_cast<Element const*>(data)[i]);
  }

  void const* data_ = nullptr;
  std::size_t size_ = 0;
  std::string_view (*get_)(void const*, std::size_t) noexcept = nullptr;
};

LEADFEEDER_END_NAMESPACE
