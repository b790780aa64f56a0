// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the conversions between the tape and Boost.JSON values behind
// leadfeeder/boost_json.hpp: a DOM built from a view, a json_fragment made from a value.
#pragma once

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/detail/encoding.hpp>
#include <leadfeeder/json_fragment.hpp>
#include <leadfeeder/view.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

inline boost::json::value to_boost_json(json_value const* v, boost::json::storage_ptr const& sp) {
  v = resolve(v);
  if (v == nullptr) return boost::json::value(nullptr, sp);
  switch (v->kind()) {
    case node_kind::null: return boost::json::value(nullptr, sp);
    case node_kind::false_: return boost::json::value(false, sp);
    case node_kind::true_: return boost::json::value(true, sp);
    case node_kind::int64: return boost::json::value(static_cast<std::int64_t>(v->word()), sp);
    case node_kind::uint64: return boost::json::value(static_cast<std::uint64_t>(v->word()), sp);
    case node_kind::double_: return boost::json::value(double_of(v), sp);
    case node_kind::string:
    case node_kind::key:
    case node_kind::short_key: return boost::json::value(boost::json::string_view(v->chars(), v->length()), sp);
    case node_kind::array: {
      boost::json::array a(sp);
      a.reserve(static_cast<std::size_t>(v->word()));
      for (json_value const* e = v->first_child(); e < v->end(); e = e->next()) a.push_back(to_boost_json(e, sp));
      return boost::json::value(std::move(a));
    }
    case node_kind::object: {
      boost::json::object o(sp);
      o.reserve(static_cast<std::size_t>(v->word()));
      for (json_value const* k = v->first_child(); k < v->end(); k = value_of_key(k)->next()) {
        // The first of repeated keys counts, as for the views.
        o.emplace(boost::json::string_view(k->chars(), k->length()), to_boost_json(value_of_key(k), sp));
      }
      return boost::json::value(std::move(o));
    }
    case node_kind::link: break;
  }
  return boost::json::value(nullptr, sp);
}

// Why a value cannot go out as JSON, or nullptr; its depth of nested containers.
inline char const* unsendable(boost::json::value const& v, unsigned& depth) noexcept {
  depth = 0;
  switch (v.kind()) {
    case boost::json::kind::string:
      return is_valid_utf8(std::string_view(v.get_string().data(), v.get_string().size()))
                 ? nullptr
                 : "holds text that is not valid UTF-8";
    case boost::json::kind::double_:
      return std::isfinite(v.get_double()) ? nullptr : "holds a number JSON cannot carry (NaN or infinity)";
    case boost::json::kind::array: {
      unsigned deepest = 0;
      for (boost::json::value const& element : v.get_array()) {
        unsigned d = 0;
        if (char const* problem = unsendable(element, d)) return problem;
        if (d > deepest) deepest = d;
      }
      depth = deepest + 1;
      return nullptr;
    }
    case boost::json::kind::object: {
      unsigned deepest = 0;
      for (boost::json::key_value_pair const& m : v.get_object()) {
        if (!is_valid_utf8(std::string_view(m.key().data(), m.key().size())))
          return "has a key that is not valid UTF-8";
        unsigned d = 0;
        if (char const* problem = unsendable(m.value(), d)) return problem;
        if (d > deepest) deepest = d;
      }
      depth = deepest + 1;
      return nullptr;
    }
    default: return nullptr;
  }
}

inline fragment_data fragment_of(boost::json::value const& v) {
  fragment_data f;
  f.set = true;
  f.is_object = v.is_object();
  f.problem = unsendable(v, f.depth);
  if (f.problem != nullptr) return f;
  f.text = boost::json::serialize(v);
  if (boost::json::object const* o = v.if_object()) {
    f.members.reserve(o->size());
    for (boost::json::key_value_pair const& m : *o) {
      f.members.emplace_back(std::string(m.key().data(), m.key().size()), boost::json::serialize(m.value()));
    }
  }
  return f;
}

template <>
struct json_adapter<boost::json::value> {
  static constexpr bool enabled = true;
  static fragment_data make(boost::json::value const& v) { return fragment_of(v); }
};
template <>
struct json_adapter<boost::json::object> {
  static constexpr bool enabled = true;
  static fragment_data make(boost::json::object const& o) { return fragment_of(boost::json::value(o)); }
};
template <>
struct json_adapter<boost::json::array> {
  static constexpr bool enabled = true;
  static fragment_data make(boost::json::array const& a) { return fragment_of(boost::json::value(a)); }
};

}  // namespace detail

LEADFEEDER_END_NAMESPACE
