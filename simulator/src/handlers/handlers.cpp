// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the table of hand-written handlers (see handlers.hpp).
#include "handlers/handlers.hpp"

namespace lfsim {

handler_table const& hand_written_handlers() {
  static handler_table const table = [] {
    handler_table t;
    add_account_handlers(t);
    add_company_handlers(t);
    add_contact_handlers(t);
    add_web_visit_handlers(t);
    add_reference_data_handlers(t);
    add_tag_handlers(t);
    add_list_handlers(t);
    add_custom_field_handlers(t);
    add_campaign_handlers(t);
    return t;
  }();
  return table;
}

}  // namespace lfsim
