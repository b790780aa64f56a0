// SPDX-License-Identifier: MIT
// leadfeeder-cpp: declarations only, for headers that name the library's types without using
// them (a member `leadfeeder::client<my_transport>* client_;`, a function taking
// `leadfeeder::error const&`). Cheap to include: no Boost, no templates defined.
#pragma once

#include <leadfeeder/config.hpp>

LEADFEEDER_BEGIN_NAMESPACE

enum class http_method;
enum class errc;
enum class pagination_style;
struct http_header;
struct http_request;
struct http_response;
class header_list;
class response_headers;
struct error;
template <class T>
class result;
struct client_options;
struct call_options;
struct retry_policy;
struct rate_limit_policy;
class cancellation_token;
struct memory_block;
using document_buffer = memory_block;
using call_memory = memory_block;
class document;
template <class Data>
class response;
class json_view;
template <class View>
class array_view;
class string_array_view;
template <class View>
class map_view;
class string_list;
class raw_request;
template <class Transport>
class client;

LEADFEEDER_END_NAMESPACE

// Every generated view (contact_view, company_view, ...), from the API description.
#include <leadfeeder/generated/views_fwd.hpp>
