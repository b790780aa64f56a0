// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the library and Boost.JSON's DOM, both ways. lf::to_boost_json builds a
// boost::json::value of any part of a response on demand (views read the tape directly; this is
// for code that wants a DOM: to serialize it, to keep it past the result). And a boost::json::value,
// object or array converts to lf::json_fragment, what builders take as caller-built JSON. Include
// it where needed: the rest of the library does not, so that other units need no Boost.JSON header.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/detail/access.hpp>
#include <leadfeeder/detail/boost_json_bridge.hpp>
#include <leadfeeder/detail/encoding.hpp>
#include <leadfeeder/json_fragment.hpp>
#include <leadfeeder/view.hpp>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cmath>

LEADFEEDER_BEGIN_NAMESPACE

/// A boost::json::value equal to what the view reads (null when the view is empty). The copy is
/// independent of the response. Integer ids read as strings, as through the views.
inline boost::json::value to_boost_json(json_view v, boost::json::storage_ptr sp = {}) {
  return detail::to_boost_json(v.raw(), sp);
}

LEADFEEDER_END_NAMESPACE
