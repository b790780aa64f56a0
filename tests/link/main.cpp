// SPDX-License-Identifier: MIT
// Multi-TU link test, unit 3 of 3: calls into the other two and checks what they decoded.
#include <leadfeeder/leadfeeder.hpp>

#include <cstdio>
#include <string>

std::string first_contact_name(std::string body);
std::string account_name(std::string body);

int main() {
  std::string const contact =
      first_contact_name(R"({"data":[{"type":"contact","id":"2","attributes":{"first_name":"Ada"}}],"meta":{}})");
  std::string const account =
      account_name(R"({"data":[{"type":"account_summary","id":7,"attributes":{"name":"Acme"}}]})");
  auto const code = leadfeeder::make_error_code(leadfeeder::errc::rate_limited);
  bool const ok = contact == "Ada" && account == "Acme" && code == leadfeeder::errc::rate_limited;
  std::printf("multi-TU: contact=%s account=%s -> %s\n", contact.c_str(), account.c_str(), ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
