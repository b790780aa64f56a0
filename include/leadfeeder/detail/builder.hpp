// SPDX-License-Identifier: MIT
// leadfeeder-cpp: what every generated builder shares (not generated). A builder is a typestate:
// `Set` has one bit per parameter set so far, and each setter returns the builder type with its bit
// added, so a missing required parameter is a static_assert in write(). The rebinding, the storage of
// the parameters and the wire tables of the enumerations live here once; a generated builder
// declares its setters with the three macros below, one line each.
#pragma once

#include <leadfeeder/config.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

LEADFEEDER_BEGIN_NAMESPACE

namespace detail {

/// The wire spelling of a value of a generated enumeration, whose value i is 1 << i and whose
/// table holds the spellings in that order; empty for anything else.
template <class Enum, std::size_t N>
constexpr std::string_view enum_to_wire(std::string_view const (&wire)[N], Enum value) noexcept {
  auto const bits = static_cast<std::uint32_t>(value);
  for (std::size_t i = 0; i < N; ++i) {
    if (bits == (std::uint32_t{1} << i)) return wire[i];
  }
  return {};
}

/// The value of a generated enumeration whose wire spelling is `text`, if there is one.
template <class Enum, std::size_t N>
constexpr std::optional<Enum> enum_from_wire(std::string_view const (&wire)[N], std::string_view text) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (wire[i] == text) return static_cast<Enum>(std::uint32_t{1} << i);
  }
  return std::nullopt;
}

/// The base of every `Builder<Set>` of one operation, whose parameters are a `Params`. It does not
/// depend on `Set`, so that a chain of setters instantiates one base, not one per step.
template <template <std::uint64_t> class Builder, class Params>
class builder_base {
 public:
  using params_type = Params;

  /// Everything set so far.
  Params const& params() const noexcept { return p_; }

 protected:
  /// The next builder after `Builder<Set>`: parameter `Index` set to `value`. On a temporary
  /// builder (the usual chain) the parameters move along; on a named one they are copied, so the
  /// named builder stays usable.
  template <std::uint64_t Set, std::size_t Index, auto Member, class Value>
  Builder<Set | (std::uint64_t{1} << Index)> set(Value&& value) const& {
    return next<Set | (std::uint64_t{1} << Index), Member, false>(Params(p_), std::forward<Value>(value));
  }
  template <std::uint64_t Set, std::size_t Index, auto Member, class Value>
  Builder<Set | (std::uint64_t{1} << Index)> set(Value&& value) && {
    return next<Set | (std::uint64_t{1} << Index), Member, false>(std::move(p_), std::forward<Value>(value));
  }
  /// The same for a set of flags: `bits` are added to those set before.
  template <std::uint64_t Set, std::size_t Index, auto Member>
  Builder<Set | (std::uint64_t{1} << Index)> add_flags(std::uint32_t bits) const& {
    return next<Set | (std::uint64_t{1} << Index), Member, true>(Params(p_), bits);
  }
  template <std::uint64_t Set, std::size_t Index, auto Member>
  Builder<Set | (std::uint64_t{1} << Index)> add_flags(std::uint32_t bits) && {
    return next<Set | (std::uint64_t{1} << Index), Member, true>(std::move(p_), bits);
  }

  Params p_{};

 private:
  template <std::uint64_t Next, auto Member, bool Flags, class Value>
  static Builder<Next> next(Params&& p, Value&& value) {
    if constexpr (Flags) {
      p.*Member |= value;
    } else {
      p.*Member = std::forward<Value>(value);
    }
    Builder<Next> result;
    static_cast<builder_base&>(result).p_ = std::move(p);
    return result;
  }
};

}  // namespace detail

LEADFEEDER_END_NAMESPACE

// The setters of a generated builder, one line each in the generated headers. Each expands into
// the two overloads (on a named builder, on a temporary one) that C++17 needs to move the
// parameters along a chain; the member of the builder's params_type has the setter's name.

/// name(Type value): sets parameter Index.
#define LEADFEEDER_DETAIL_SETTER(name, Index, Type)                                         \
  [[nodiscard]] auto name(Type value) const& {                                              \
    return this->template set<Set, Index, &params_type::name>(std::move(value));            \
  }                                                                                         \
  [[nodiscard]] auto name(Type value)&& {                                                   \
    return std::move(*this).template set<Set, Index, &params_type::name>(std::move(value)); \
  }

/// name(Enum...): adds typed values to the set parameter Index; anything else fails with `message`.
#define LEADFEEDER_DETAIL_FLAGS_SETTER(name, Index, Enum, message)                                                    \
  template <class... Values>                                                                                          \
  [[nodiscard]] auto name(Values... values) const& {                                                                  \
    static_assert(sizeof...(Values) > 0 && (std::is_same_v<Values, Enum> && ...), message);                           \
    return this->template add_flags<Set, Index, &params_type::name>((std::uint32_t{0} | ... |                         \
                                                                     static_cast<std::uint32_t>(values)));            \
  }                                                                                                                   \
  template <class... Values>                                                                                          \
  [[nodiscard]] auto name(Values... values)&& {                                                                       \
    static_assert(sizeof...(Values) > 0 && (std::is_same_v<Values, Enum> && ...), message);                           \
    return std::move(*this).template add_flags<Set, Index, &params_type::name>((std::uint32_t{0} | ... |              \
                                                                                static_cast<std::uint32_t>(values))); \
  }

/// name<Value>(): the integer setter `name` with a constant; out of [min, max] fails with `message`.
#define LEADFEEDER_DETAIL_CONSTANT_SETTER(name, min, max, message) \
  template <std::int64_t Value>                                    \
  [[nodiscard]] auto name() const& {                               \
    static_assert(Value >= (min) && Value <= (max), message);      \
    return name(Value);                                            \
  }                                                                \
  template <std::int64_t Value>                                    \
  [[nodiscard]] auto name()&& {                                    \
    static_assert(Value >= (min) && Value <= (max), message);      \
    return std::move(*this).name(Value);                           \
  }
