// SPDX-License-Identifier: MIT
// leadfeeder-cpp: the one documented include. A header-only client for the Leadfeeder public API
// (v1) over the host's own HTTP transport. See README.md.
//
// Define LEADFEEDER_IMPLEMENTATION (its older name LEADFEEDER_BOOST_JSON_IMPL works too) in exactly
// one .cpp of the program before including this header: that unit compiles the library's response
// parser and Boost.JSON's implementation, once for the program. With LEADFEEDER_HEADER_ONLY the
// parser is inline in every unit instead (Boost.JSON's implementation then still comes from one
// unit with LEADFEEDER_IMPLEMENTATION, or from linking Boost::json).
#pragma once

#include <leadfeeder/config.hpp>
#include <leadfeeder/version.hpp>

#include <leadfeeder/chunks.hpp>
#include <leadfeeder/client.hpp>
#include <leadfeeder/document.hpp>
#include <leadfeeder/error.hpp>
#include <leadfeeder/fwd.hpp>
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

#if defined(LEADFEEDER_BOOST_JSON_IMPL) && !defined(LEADFEEDER_IMPLEMENTATION)
#define LEADFEEDER_IMPLEMENTATION
#endif
#if defined(LEADFEEDER_IMPLEMENTATION) || defined(LEADFEEDER_HEADER_ONLY)
#include <leadfeeder/impl/document.ipp>
#include <leadfeeder/impl/error.ipp>
#include <leadfeeder/impl/request.ipp>
#include <leadfeeder/impl/session.ipp>
#endif
// The bridge to Boost.JSON's DOM (lf::to_boost_json, Boost.JSON values as caller-built JSON):
// include <leadfeeder/boost_json.hpp> where it is used, or define LEADFEEDER_BOOST_JSON_DOM (the
// single header holds it too, behind that macro).
#if defined(LEADFEEDER_BOOST_JSON_DOM)
#include <leadfeeder/boost_json.hpp>
#endif
#if defined(LEADFEEDER_IMPLEMENTATION) && !defined(LEADFEEDER_DETAIL_BOOST_JSON_IMPL_DONE)
#define LEADFEEDER_DETAIL_BOOST_JSON_IMPL_DONE
#include <boost/json/src.hpp>
#endif
