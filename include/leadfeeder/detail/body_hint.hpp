// SPDX-License-Identifier: MIT
// leadfeeder-cpp: what a 2xx answer carried when it is not JSON (an HTML page from a proxy or a
// login wall, plain text, a compressed body the transport did not decode), for the error message.
#pragma once

#include <leadfeeder/config.hpp>

#include <cstddef>
#include <string>
#include <string_view>

LEADFEEDER_BEGIN_NAMESPACE
namespace detail {

/// The text between <title> and </title>, case-insensitively, trimmed; empty when there is none.
inline std::string_view html_title(std::string_view body) noexcept {
  auto find_ci = [&body](std::string_view needle, std::size_t from) {
    for (std::size_t i = from; i + needle.size() <= body.size(); ++i) {
      std::size_t k = 0;
      while (k < needle.size()) {
        char c = body[i + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != needle[k]) break;
        ++k;
      }
      if (k == needle.size()) return i;
    }
    return std::string_view::npos;
  };
  std::size_t const open = find_ci("<title", 0);
  if (open == std::string_view::npos) return {};
  std::size_t const start = body.find('>', open);
  if (start == std::string_view::npos) return {};
  std::size_t const close = find_ci("</title", start);
  if (close == std::string_view::npos) return {};
  std::string_view title = body.substr(start + 1, close - start - 1);
  while (!title.empty() && static_cast<unsigned char>(title.front()) <= 0x20) title.remove_prefix(1);
  while (!title.empty() && static_cast<unsigned char>(title.back()) <= 0x20) title.remove_suffix(1);
  return title;
}

/// `text` cut to `limit` bytes, with control and non-ASCII bytes as '?' and runs of white space as
/// one space; "..." when cut.
inline std::string printable_excerpt(std::string_view text, std::size_t limit) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size() && i < limit; ++i) {
    auto const u = static_cast<unsigned char>(text[i]);
    if (u == ' ' || u == '\t' || u == '\r' || u == '\n') {
      if (!space && !out.empty()) out.push_back(' ');
      space = true;
      continue;
    }
    space = false;
    out.push_back(u > 0x20 && u < 0x7F ? text[i] : '?');
  }
  if (text.size() > limit) out += "...";
  return out;
}

/// For a 2xx answer: a sentence saying what arrived when the body cannot be the JSON of an answer
/// (HTML or another non-JSON content type with a body that does not start like JSON, or bytes no
/// JSON starts with), naming the status, the content type and the page title or the first bytes.
/// Empty when the body may be JSON (or is empty): the parser then decides.
inline std::string body_hint(int status, std::string_view content_type, std::string_view body) {
  std::size_t first = 0;
  while (first < body.size() &&
         (body[first] == ' ' || body[first] == '\t' || body[first] == '\r' || body[first] == '\n')) {
    ++first;
  }
  if (first == body.size()) return {};
  char const c = body[first];
  bool const json_start = c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' ||
                          c == 'f' || c == 'n';
  if (json_start && c != '{' && c != '[') {
    // A scalar, or text that happens to start like one: JSON only when labelled so, or unlabelled.
    if (content_type.empty() || content_type.find("json") != std::string_view::npos) return {};
  } else if (json_start) {
    return {};
  }
  std::string out = "HTTP " + std::to_string(status) + " with ";
  std::string_view type = content_type;
  std::size_t const semicolon = type.find(';');
  if (semicolon != std::string_view::npos) type = type.substr(0, semicolon);
  out += type.empty() ? std::string("no Content-Type") : "Content-Type " + printable_excerpt(type, 80);
  out += " instead of JSON";
  auto const b0 = static_cast<unsigned char>(body[0]);
  if (body.size() >= 2 && b0 == 0x1F && static_cast<unsigned char>(body[1]) == 0x8B) {
    out += ": a gzip-compressed body that the transport did not decode (" + std::to_string(body.size()) + " bytes)";
    return out;
  }
  std::string_view const title = html_title(body.substr(0, 64 * 1024));
  if (!title.empty()) {
    out += ": an HTML page titled \"" + printable_excerpt(title, 120) + "\"";
  } else {
    out += ", starting \"" + printable_excerpt(body.substr(first), 120) + "\"";
  }
  out += " (" + std::to_string(body.size()) + " bytes)";
  return out;
}

}  // namespace detail
LEADFEEDER_END_NAMESPACE
