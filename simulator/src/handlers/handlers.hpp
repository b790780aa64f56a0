// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the hand-written handlers, one per operation that keeps state or needs
// real logic, by operation id. Every other operation of the description is answered from its
// response schema (generic.hpp). A group's handlers live in handlers/<group>.cpp; companies and
// contacts share what they mirror in records.hpp.
#pragma once

#include "request.hpp"

#include <map>
#include <string>

namespace lfsim {

struct world;

using handler = reply (*)(world&, request_ctx&);
using handler_table = std::map<std::string, handler, std::less<>>;

void add_account_handlers(handler_table& t);
void add_company_handlers(handler_table& t);
void add_contact_handlers(handler_table& t);
void add_web_visit_handlers(handler_table& t);
void add_reference_data_handlers(handler_table& t);
void add_tag_handlers(handler_table& t);
void add_list_handlers(handler_table& t);
void add_custom_field_handlers(handler_table& t);
void add_campaign_handlers(handler_table& t);

/// Every hand-written handler, by operation id ("contacts.retrieve").
handler_table const& hand_written_handlers();

}  // namespace lfsim
