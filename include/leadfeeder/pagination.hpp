// SPDX-License-Identifier: MIT
// leadfeeder-cpp: paginated reads as ranges. `lf::pages(client, builder)` yields one result per
// page; `lf::items(client, builder)` one result per item across pages. Both styles of the API are
// handled (docs/api-reference.md, 1.7): cursor (page[cursor] from meta.pagination.next_cursor) and page number
// (page[num] up to meta.pagination.page_count). An error ends the range with one error element.
#pragma once

#include <leadfeeder/client.hpp>
#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/paging.hpp>
#include <leadfeeder/detail/range_iterator.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/pagination_style.hpp>
#include <leadfeeder/policy.hpp>
#include <leadfeeder/response.hpp>
#include <leadfeeder/result.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

/// The pages of a paginated operation, fetched one at a time as the range is walked. A single-pass
/// input range: each element is the result of one call, and a failed call is the last element.
template <class Transport, class Builder>
class page_range {
  static_assert(Builder::pagination != pagination_style::none, "leadfeeder::pages: the operation is not paginated");

 public:
  using builder_type = decltype(detail::with_page_parameter(std::declval<Builder>()));
  using response_type = typename builder_type::response_type;
  using value_type = result<response_type>;

  using iterator = detail::range_iterator<page_range, value_type, false>;

  page_range(client<Transport>& c, Builder builder, call_options call = {})
      : client_(&c), builder_(detail::with_page_parameter(std::move(builder))), call_(std::move(call)) {}

  /// Fetches the first page (once; the range is single-pass).
  iterator begin() {
    if (!started_) {
      started_ = true;
      fetch();
    }
    return iterator(this);
  }
  detail::range_end end() const noexcept { return {}; }

  /// Pages fetched so far.
  std::size_t pages_fetched() const noexcept { return fetched_; }

 private:
  friend iterator;

  void fetch() {
    current_.reset();  // the page before goes first: a client's call memory holds one result at a time
    current_.emplace(client_->send(builder_, call_));  // cancellation and deadline apply per page
    ++fetched_;
  }

  void advance() {
    if (!current_) return;
    if (!*current_) {  // an error is the last element
      current_.reset();
      return;
    }
    response_meta_view const meta = (*current_)->meta();
    pagination_view const pagination = meta.pagination();
    if constexpr (Builder::pagination == pagination_style::cursor) {
      std::string_view const next = pagination.next_cursor();
      if (next.empty()) {
        current_.reset();
        return;
      }
      if (next == builder_.params().page_cursor) {
        return fail("the server answered with the cursor it was given; paging would not end");
      }
      builder_ = std::move(builder_).page_cursor(next);
    } else {
      std::int64_t const page = builder_.params().page_num;
      if (!pagination.has_page_count() || page >= pagination.page_count()) {
        current_.reset();
        return;
      }
      builder_ = std::move(builder_).page_num(page + 1);
    }
    fetch();
  }

  void fail(char const* why) {
    error e(errc::invalid_response, std::string(Builder::operation_id) + ": " + why);
    current_.emplace(std::move(e));
  }

  client<Transport>* client_;
  builder_type builder_;
  call_options call_;
  std::optional<value_type> current_;
  bool started_ = false;
  std::size_t fetched_ = 0;
};

/// The items of a paginated operation, across pages. Each element is a result holding one item's
/// view, which stays valid until the range moves past that item's page. A failed page call is the
/// last element.
template <class Transport, class Builder>
class item_range {
  using pages_type = page_range<Transport, Builder>;
  using page_data = decltype(std::declval<typename pages_type::response_type const&>().data());

 public:
  using item_view = typename page_data::value_type;
  using value_type = result<item_view>;

  using iterator = detail::range_iterator<item_range, value_type, true>;

  item_range(client<Transport>& c, Builder builder, call_options call = {})
      : pages_(c, std::move(builder), std::move(call)) {}

  iterator begin() {
    if (!started_) {
      started_ = true;
      page_ = pages_.begin();
      settle();
    }
    return iterator(this);
  }
  detail::range_end end() const noexcept { return {}; }

  /// Pages fetched so far.
  std::size_t pages_fetched() const noexcept { return pages_.pages_fetched(); }

 private:
  friend iterator;

  // Points current_ at the next item, fetching pages (and skipping empty ones) as needed.
  void settle() {
    current_.reset();
    while (page_ != pages_.end()) {
      auto& page = *page_;
      if (!page) {
        current_.emplace(page.error());
        error_seen_ = true;
        return;
      }
      page_data const data = page->data();
      if (index_ < data.size()) {
        current_.emplace(data[index_]);
        return;
      }
      index_ = 0;
      ++page_;
    }
  }
  void advance() {
    if (error_seen_) {
      current_.reset();
      return;
    }
    ++index_;
    settle();
  }

  pages_type pages_;
  typename pages_type::iterator page_;
  std::optional<value_type> current_;
  std::size_t index_ = 0;
  bool started_ = false;
  bool error_seen_ = false;
};

/// The pages of a paginated operation: `for (auto& page : lf::pages(client, builder))`. The call
/// options (cancellation, deadline) are checked before every page.
template <class Transport, class Builder>
page_range<Transport, std::decay_t<Builder>> pages(client<Transport>& c, Builder&& builder, call_options call = {}) {
  return page_range<Transport, std::decay_t<Builder>>(c, std::forward<Builder>(builder), std::move(call));
}

/// The items of a paginated operation across pages: `for (auto item : lf::items(client, builder))`.
template <class Transport, class Builder>
item_range<Transport, std::decay_t<Builder>> items(client<Transport>& c, Builder&& builder, call_options call = {}) {
  return item_range<Transport, std::decay_t<Builder>>(c, std::forward<Builder>(builder), std::move(call));
}

LEADFEEDER_END_NAMESPACE
