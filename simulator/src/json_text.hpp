// SPDX-License-Identifier: MIT
// leadfeeder-simulator: JSON text for responses. Boost.JSON's serializer writes 0.95 as 9.5E-1;
// this writer gives the shortest plain form (0.95) so that bodies read like the API's examples.
#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace lfsim {

std::string to_json(boost::json::value const& v);

}  // namespace lfsim
