// SPDX-License-Identifier: MIT
// A type without send() is not a transport, and the message says what member is expected.
// expect-error: leadfeeder::client<Transport>: Transport must have a member function 'std::error_code send(leadfeeder::http_request const&, leadfeeder::http_response&)'
#include <leadfeeder/leadfeeder.hpp>

namespace lf = leadfeeder;

struct good_transport {
  std::error_code send(lf::http_request const&, lf::http_response& res) {
    res.status = 204;
    return {};
  }
};
struct no_send {
  void post(lf::http_request const&) {}
};

#ifdef LEADFEEDER_COMPILE_FAIL
lf::client<no_send> client{no_send{}};
#else
lf::client<good_transport> client{good_transport{}};
#endif
