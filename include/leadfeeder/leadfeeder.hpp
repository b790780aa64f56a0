// leadfeeder-cpp: the one documented include. A header-only client for the Leadfeeder public API
// (v1) over the host's own HTTP transport. See README.md.
//
// Define LEADFEEDER_BOOST_JSON_IMPL in exactly one .cpp of the program before including this
// header (it compiles Boost.JSON's implementation there), or link Boost::json instead.
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/version.hpp>

#include <leadfeeder/client.hpp>
#include <leadfeeder/document.hpp>
#include <leadfeeder/fwd.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/generated/operations.hpp>
#include <leadfeeder/generated/schemas.hpp>
#include <leadfeeder/http.hpp>
#include <leadfeeder/pagination.hpp>
#include <leadfeeder/raw_request.hpp>
#include <leadfeeder/response.hpp>
#include <leadfeeder/result.hpp>
#include <leadfeeder/string_list.hpp>
#include <leadfeeder/transport.hpp>
#include <leadfeeder/view.hpp>

#if defined(LEADFEEDER_BOOST_JSON_IMPL) && !defined(LEADFEEDER_DETAIL_BOOST_JSON_IMPL_DONE)
#define LEADFEEDER_DETAIL_BOOST_JSON_IMPL_DONE
#include <boost/json/src.hpp>
#endif
