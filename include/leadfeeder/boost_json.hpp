// leadfeeder-cpp: a Boost.JSON DOM of any part of a response, built on demand. Views read the
// tape directly; this is for code that wants a boost::json::value (to serialize it, to keep it
// past the result, to hand it to code written for Boost.JSON). Include it where needed: the rest
// of the library does not.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/view.hpp>

#include <boost/json/value.hpp>

LEADFEEDER_BEGIN_NAMESPACE

namespace detail {

inline boost::json::value to_boost_json(json_value const* v, boost::json::storage_ptr const& sp) {
  v = resolve(v);
  if (v == nullptr) return boost::json::value(nullptr, sp);
  switch (v->kind()) {
    case node_kind::null: return boost::json::value(nullptr, sp);
    case node_kind::false_: return boost::json::value(false, sp);
    case node_kind::true_: return boost::json::value(true, sp);
    case node_kind::int64: return boost::json::value(static_cast<std::int64_t>(v->word), sp);
    case node_kind::uint64: return boost::json::value(static_cast<std::uint64_t>(v->word), sp);
    case node_kind::double_: return boost::json::value(double_of(v), sp);
    case node_kind::string:
    case node_kind::key: return boost::json::value(boost::json::string_view(v->chars(), v->length()), sp);
    case node_kind::array: {
      boost::json::array a(sp);
      a.reserve(static_cast<std::size_t>(v->word));
      for (json_value const* e = v + 1; e < v->end(); e = e->next()) a.push_back(to_boost_json(e, sp));
      return boost::json::value(std::move(a));
    }
    case node_kind::object: {
      boost::json::object o(sp);
      o.reserve(static_cast<std::size_t>(v->word));
      for (json_value const* k = v + 1; k < v->end(); k = (k + 1)->next()) {
        // The first of repeated keys counts, as for the views.
        o.emplace(boost::json::string_view(k->chars(), k->length()), to_boost_json(k + 1, sp));
      }
      return boost::json::value(std::move(o));
    }
    case node_kind::link: break;
  }
  return boost::json::value(nullptr, sp);
}

}  // namespace detail

/// A boost::json::value equal to what the view reads (null when the view is empty). The copy is
/// independent of the response. Integer ids read as strings, as through the views.
inline boost::json::value to_boost_json(json_view v, boost::json::storage_ptr sp = {}) {
  return detail::to_boost_json(v.raw(), sp);
}

LEADFEEDER_END_NAMESPACE
