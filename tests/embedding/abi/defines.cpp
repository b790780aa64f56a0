// SPDX-License-Identifier: MIT
// ABI test, unit B: built with the default configuration (exceptions on).
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>

int key_length(leadfeeder::client_options const& options) { return static_cast<int>(options.api_key.size()); }
