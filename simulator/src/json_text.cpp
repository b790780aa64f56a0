// SPDX-License-Identifier: MIT
// leadfeeder-simulator: JSON text for responses (see json_text.hpp).
#include "json_text.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace lfsim {

namespace {

void write_string(std::string& out, boost::json::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    auto const c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 0xF]);
        } else {
          out.push_back(ch);  // UTF-8 passes through (bodies are validated on the way in)
        }
    }
  }
  out.push_back('"');
}

void write(std::string& out, boost::json::value const& v) {
  switch (v.kind()) {
    case boost::json::kind::null: out += "null"; break;
    case boost::json::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
    case boost::json::kind::int64: out += std::to_string(v.get_int64()); break;
    case boost::json::kind::uint64: out += std::to_string(v.get_uint64()); break;
    case boost::json::kind::double_: {
      double const d = v.get_double();
      if (!std::isfinite(d)) {
        out += "null";
        break;
      }
      char buf[64];
      auto const res = std::to_chars(buf, buf + sizeof buf, d);
      std::string_view const text(buf, static_cast<std::size_t>(res.ptr - buf));
      out.append(text);
      // Keep it a floating-point number for parsers that tell 1 from 1.0.
      if (text.find_first_of(".eE") == std::string_view::npos) out += ".0";
      break;
    }
    case boost::json::kind::string: write_string(out, v.get_string()); break;
    case boost::json::kind::array: {
      out.push_back('[');
      bool first = true;
      for (auto const& item : v.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        write(out, item);
      }
      out.push_back(']');
      break;
    }
    case boost::json::kind::object: {
      out.push_back('{');
      bool first = true;
      for (auto const& kv : v.get_object()) {
        if (!first) out.push_back(',');
        first = false;
        write_string(out, kv.key());
        out.push_back(':');
        write(out, kv.value());
      }
      out.push_back('}');
      break;
    }
  }
}

}  // namespace

std::string to_json(boost::json::value const& v) {
  std::string out;
  out.reserve(1024);
  write(out, v);
  return out;
}

}  // namespace lfsim
