// SPDX-License-Identifier: MIT
// leadfeeder-cpp: reads of more ids than one call takes, as ranges. `lf::chunks(client, builder, ids)`
// yields one result per call of at most the operation's maximum (100 ids for contacts.retrieve,
// companies.retrieve and companies.list_ips, 200 companies for companies.match: `Builder::chunk_max`,
// from the description); `lf::chunk_items(client, builder, ids)` one result per resource across the
// calls. Each id is read once. An error, a refusal of the credit budget or of the rate limit included,
// ends the range with one error element, and nothing after it is sent.
#pragma once

#include <leadfeeder/client.hpp>
#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/chunking.hpp>
#include <leadfeeder/detail/core.hpp>
#include <leadfeeder/detail/range_iterator.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/pagination.hpp>
#include <leadfeeder/policy.hpp>
#include <leadfeeder/response.hpp>
#include <leadfeeder/result.hpp>
#include <leadfeeder/string_list.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

LEADFEEDER_BEGIN_NAMESPACE

/// The calls of a read of any number of ids, `Builder::chunk_max` at a time, made one at a time as
/// the range is walked. A single-pass input range: each element is the result of one call (a normal
/// response of the operation), and a failed or refused call is the last element.
///
/// A list of ids is read without its duplicates, in the order of first occurrence. companies.match's
/// inputs are sent as given, duplicates included: its answer is positional (data()[i] answers input
/// chunk_offset() + i).
template <class Transport, class Builder>
class chunk_range {
  using traits = detail::chunking<Builder>;
  static_assert(traits::value,
                "leadfeeder::chunks: the operation takes no list with a maximum to split (chunks reads "
                "contacts.retrieve, companies.retrieve, companies.list_ips and companies.match)");

 public:
  using input_type = typename traits::input;
  using builder_type = typename traits::builder;
  using response_type = typename builder_type::response_type;
  using value_type = result<response_type>;
  /// The most values one call takes (the operation's maximum).
  static constexpr std::size_t chunk_size = traits::max;

  using iterator = detail::range_iterator<chunk_range, value_type, false>;

  chunk_range(client<Transport>& c, Builder builder, input_type inputs, call_options call = {})
      : client_(&c), builder_(std::move(builder)), inputs_(std::move(inputs)), call_(std::move(call)) {
    if constexpr (std::is_same_v<input_type, string_list>) {
      // First occurrences only (found in the implementation unit, where <unordered_set> is).
      order_.resize(inputs_.size());
      total_ = detail::core::first_occurrences(inputs_, order_.data());
      order_.resize(total_);
    } else {
      total_ = inputs_.size();
    }
  }

  /// Sends the first call (once; the range is single-pass). No ids: an empty range, nothing sent.
  iterator begin() {
    if (!started_) {
      started_ = true;
      if (total_ != 0) fetch();
    }
    return iterator(this);
  }
  detail::range_end end() const noexcept { return {}; }

  /// Calls made so far (a refused one included).
  std::size_t chunks_fetched() const noexcept { return fetched_; }
  /// How many values the range reads: the distinct ids, or match's inputs.
  std::size_t size() const noexcept { return total_; }
  /// The position, among those values, of the first value of the current element's call.
  std::size_t chunk_offset() const noexcept { return offset_; }
  /// Value k of those the range reads (k < size()): the k-th distinct id, or match's k-th input.
  decltype(auto) value(std::size_t k) const noexcept {
    if constexpr (std::is_same_v<input_type, string_list>) {
      return inputs_[order_[k]];
    } else {
      return (inputs_[k]);
    }
  }

 private:
  friend iterator;

  void fetch() {
    if constexpr (traits::value) fetch_chunk();  // else the static_assert above is the message
  }
  void fetch_chunk() {
    std::size_t const count = total_ - next_ < chunk_size ? total_ - next_ : chunk_size;
    input_type chunk;
    if constexpr (std::is_same_v<input_type, string_list>) {
      std::vector<std::string_view> ids;
      ids.reserve(count);
      for (std::size_t k = next_; k < next_ + count; ++k) ids.push_back(inputs_[order_[k]]);
      chunk = string_list(ids);
    } else {
      using diff = typename input_type::difference_type;
      chunk.assign(inputs_.begin() + static_cast<diff>(next_), inputs_.begin() + static_cast<diff>(next_ + count));
    }
    offset_ = next_;
    next_ += count;
    current_.reset();  // the call before goes first: a client's call memory holds one result at a time
    builder_type const request = builder_.with_chunk(std::move(chunk));
    current_.emplace(client_->send(request,
                                   call_));  // the budget, rate limit, cancellation and deadline apply per call
    ++fetched_;
  }

  void advance() {
    if (!current_) return;
    if (!*current_ || next_ >= total_) {  // an error is the last element
      current_.reset();
      return;
    }
    fetch();
  }

  client<Transport>* client_;
  Builder builder_;
  input_type inputs_;
  call_options call_;
  std::vector<std::size_t> order_;  // a list of ids: the positions of first occurrences in inputs_
  std::size_t total_ = 0;
  std::size_t next_ = 0;
  std::size_t offset_ = 0;
  std::optional<value_type> current_;
  bool started_ = false;
  std::size_t fetched_ = 0;
};

/// The resources of a read in chunks, across the calls. Each element is a result holding one
/// resource's view (for companies.match, one input's candidates), which stays valid until the range
/// moves past that resource's call. A failed or refused call is the last element.
template <class Transport, class Builder>
class chunk_item_range {
  using chunks_type = chunk_range<Transport, Builder>;
  using chunk_data = decltype(std::declval<typename chunks_type::response_type const&>().data());

 public:
  using input_type = typename chunks_type::input_type;
  using item_view = typename chunk_data::value_type;
  using value_type = result<item_view>;

  using iterator = detail::range_iterator<chunk_item_range, value_type, true>;

  chunk_item_range(client<Transport>& c, Builder builder, input_type inputs, call_options call = {})
      : chunks_(c, std::move(builder), std::move(inputs), std::move(call)) {}

  iterator begin() {
    if (!started_) {
      started_ = true;
      chunk_ = chunks_.begin();
      settle();
    }
    return iterator(this);
  }
  detail::range_end end() const noexcept { return {}; }

  /// Calls made so far (a refused one included).
  std::size_t chunks_fetched() const noexcept { return chunks_.chunks_fetched(); }

 private:
  friend iterator;

  // Points current_ at the next resource, making calls (and skipping answers without any) as needed.
  void settle() {
    current_.reset();
    while (chunk_ != chunks_.end()) {
      auto& answer = *chunk_;
      if (!answer) {
        current_.emplace(answer.error());
        error_seen_ = true;
        return;
      }
      chunk_data const data = answer->data();
      if (index_ < data.size()) {
        current_.emplace(data[index_]);
        return;
      }
      index_ = 0;
      ++chunk_;
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

  chunks_type chunks_;
  typename chunks_type::iterator chunk_;
  std::optional<value_type> current_;
  std::size_t index_ = 0;
  bool started_ = false;
  bool error_seen_ = false;
};

/// Reads any number of ids in calls of at most the operation's maximum:
/// `for (auto& answer : lf::chunks(client, lf::contacts::retrieve().account_id("1"), ids))`. The ids
/// (a braced list, any container of strings, lf::borrow(container), or companies.match's inputs)
/// replace the builder's own list in every call; the call options apply to every call.
template <class Transport, class Builder>
chunk_range<Transport, std::decay_t<Builder>> chunks(client<Transport>& c, Builder&& builder,
                                                     typename detail::chunking<std::decay_t<Builder>>::input ids,
                                                     call_options call = {}) {
  return chunk_range<Transport, std::decay_t<Builder>>(c, std::forward<Builder>(builder), std::move(ids),
                                                       std::move(call));
}

/// As chunks(), for ids in a range that is not contiguous (std::set, std::list...): copied first.
template <
    class Transport, class Builder, class Range,
    std::enable_if_t<detail::is_string_range<Range>::value &&
                         !std::is_convertible_v<Range const&, typename detail::chunking<std::decay_t<Builder>>::input>,
                     int> = 0>
chunk_range<Transport, std::decay_t<Builder>> chunks(client<Transport>& c, Builder&& builder, Range const& ids,
                                                     call_options call = {}) {
  std::vector<std::string> copied;
  for (auto const& id : ids) copied.emplace_back(std::string_view(id));
  return chunks(c, std::forward<Builder>(builder), string_list(copied), std::move(call));
}

/// The resources of a read in chunks, across the calls:
/// `for (auto const& contact : lf::chunk_items(client, lf::contacts::retrieve().account_id("1"), ids))`.
template <class Transport, class Builder>
chunk_item_range<Transport, std::decay_t<Builder>> chunk_items(
    client<Transport>& c, Builder&& builder, typename detail::chunking<std::decay_t<Builder>>::input ids,
    call_options call = {}) {
  return chunk_item_range<Transport, std::decay_t<Builder>>(c, std::forward<Builder>(builder), std::move(ids),
                                                            std::move(call));
}

/// As chunk_items(), for ids in a range that is not contiguous: copied first.
template <
    class Transport, class Builder, class Range,
    std::enable_if_t<detail::is_string_range<Range>::value &&
                         !std::is_convertible_v<Range const&, typename detail::chunking<std::decay_t<Builder>>::input>,
                     int> = 0>
chunk_item_range<Transport, std::decay_t<Builder>> chunk_items(client<Transport>& c, Builder&& builder,
                                                               Range const& ids, call_options call = {}) {
  std::vector<std::string> copied;
  for (auto const& id : ids) copied.emplace_back(std::string_view(id));
  return chunk_items(c, std::forward<Builder>(builder), string_list(copied), std::move(call));
}

LEADFEEDER_END_NAMESPACE
