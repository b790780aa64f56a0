// SPDX-License-Identifier: MIT
// send() must return std::error_code: a bool-returning send is refused with the same sentence.
// expect-error: leadfeeder::client<Transport>: Transport must have a member function
#include <leadfeeder/leadfeeder.hpp>

namespace lf = leadfeeder;

struct good_transport {
  std::error_code send(lf::http_request const&, lf::http_response&) { return {}; }
};
struct bool_send {
  bool send(lf::http_request const&, lf::http_response&) { return true; }
};

#ifdef LEADFEEDER_COMPILE_FAIL
lf::client<bool_send> client{bool_send{}};
#else
lf::client<good_transport> client{good_transport{}};
#endif
