# SPDX-License-Identifier: MIT
"""The shapes of the generated C++, as templates (string.Template: $name is filled in by
cpp_builders.py). Read these to see what a generated header looks like; the emitters only compute
the pieces."""

from string import Template

# The head of every group header (include/leadfeeder/generated/<group>.hpp).
GROUP_HEADER = Template("""\
$banner#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/builder.hpp>
#include <leadfeeder/detail/request_writer.hpp>
#include <leadfeeder/generated/schemas.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/response.hpp>
#include <leadfeeder/string_list.hpp>
#include <leadfeeder/view.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

LEADFEEDER_BEGIN_NAMESPACE
$enums$operations
LEADFEEDER_END_NAMESPACE
""")

# One enumeration: its wire table (the only place its spellings are written), the enum, and the
# two conversions, which read the table.
ENUM = Template("""
namespace detail {
inline constexpr std::string_view ${group}_${name}_wire[] = {$wire};
}  // namespace detail

namespace $group {

/// $doc
enum class $name : std::uint32_t {
$values};

/// The wire spelling of a $group::$name value.
constexpr std::string_view to_string($name value) noexcept { return detail::enum_to_wire(detail::${group}_${name}_wire, value); }

/// The $group::$name value whose wire spelling is `text`, if there is one. (A template so that
/// only a unit that calls it instantiates the std::optional.)
template <class Enum = $name>
constexpr std::optional<Enum> ${name}_from_string(std::string_view text) noexcept {
  return detail::enum_from_wire<Enum>(detail::${group}_${name}_wire, text);
}

}  // namespace $group
""")

# One operation: its parameters, and the builder. `Set` holds a bit per parameter set so far
# (detail/builder.hpp); write() checks the required ones at compile time, then writes the request.
OPERATION = Template("""
// ---- $id
$items
namespace detail {
struct $params {
$members};
}  // namespace detail

namespace $group {

$doc
template <std::uint64_t Set = 0>
class $builder : public detail::builder_base<$builder, detail::$params> {
 public:
  using params_type = detail::$params;
  static constexpr std::string_view operation_id = "$id";
  static constexpr http_method method = http_method::$method;
  static constexpr pagination_style pagination = pagination_style::$pagination;
$traits
$setters$extras
  /// Writes the request; the client calls it. Fails to compile when a required parameter is missing.
  void write(detail::request_writer& w) const {
$write  }
};

/// Starts a $id request ($title).
/// (A template so that only a unit that calls it instantiates the builder.)
template <class Builder = $builder<>>
[[nodiscard]] Builder $function() {
  return Builder{};
}

}  // namespace $group
""")

# The element type of an object_list body field, and the function that writes a list of them.
ITEM = Template("""
namespace $group {

/// One element of $id's `$field` list $confidence. Empty strings and unset numbers are left out.
struct $item {
$members};

}  // namespace $group

namespace detail {
inline void write_${group}_${item}_list(request_writer& w, std::string_view key,
    std::vector<$group::$item> const& items) {
  w.key(key);
  w.begin_array();
  for ($group::$item const& item : items) {
    w.begin_object();
$writes    w.end_object();
  }
  w.end_array();
}
}  // namespace detail
""")
