// SPDX-License-Identifier: MIT
// leadfeeder-cpp benchmarks: the generated Retrieve Contacts response.
//
// The shape is the docs' example (tests/fixtures/contacts_retrieve.response.json: one ContactV1
// with every field, in that key order); the values vary from contact to contact, driven by a
// fixed-seed generator so that every run and every machine sees the same bytes. Table entries are
// JSON text: some carry escapes (\", \\, \/, \n, \t, \u00e9, a surrogate pair), some raw UTF-8.
#include "common.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace bench {
namespace {

// xorshift64*: small, fast, and the same everywhere.
class rng {
 public:
  explicit rng(std::uint64_t seed) noexcept : s_(seed) {}
  std::uint64_t next() noexcept {
    s_ ^= s_ >> 12;
    s_ ^= s_ << 25;
    s_ ^= s_ >> 27;
    return s_ * 2685821657736338717ull;
  }
  /// 0 .. n-1
  std::size_t below(std::size_t n) noexcept { return static_cast<std::size_t>(next() % n); }
  /// index into weights (a small discrete distribution)
  template <std::size_t N>
  std::size_t pick(std::array<unsigned, N> const& weights) noexcept {
    unsigned total = 0;
    for (unsigned w : weights) total += w;
    unsigned r = static_cast<unsigned>(below(total));
    for (std::size_t i = 0; i < N; ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return N - 1;
  }
  template <class T, std::size_t N>
  T const& of(std::array<T, N> const& table) noexcept {
    return table[below(N)];
  }

 private:
  std::uint64_t s_;
};

// A compact JSON writer over pre-escaped string text.
class writer {
 public:
  explicit writer(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k) {
    separate();
    out_ += '"';
    out_ += k;
    out_ += "\":";
    after_key_ = true;
  }
  /// A string whose JSON text (escapes included) is `text`.
  void string(std::string_view text) {
    separate();
    out_ += '"';
    out_ += text;
    out_ += '"';
  }
  void null() {
    separate();
    out_ += "null";
  }
  void boolean(bool b) {
    separate();
    out_ += b ? "true" : "false";
  }
  void integer(long long v) {
    separate();
    out_ += std::to_string(v);
  }
  void member(std::string_view k, std::string_view text) {
    key(k);
    string(text);
  }
  /// A string, or null when text is empty and nullable.
  void member_or_null(std::string_view k, std::string_view text) {
    key(k);
    if (text.empty()) {
      null();
    } else {
      string(text);
    }
  }

 private:
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_ += ',';
      first_.back() = false;
    }
  }
  void open(char c) {
    separate();
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    out_ += c;
    first_.pop_back();
  }

  std::string& out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

using sv = std::string_view;

// JSON text: a backslash below is a JSON escape.
constexpr std::array<sv, 16> first_names = {"John",       "Jane",        "José",    "Zoë",      "Łukasz", "Søren",
                                            "Björk",      "François",    "Дмитрий", "李",       "Ólafur", "Mary-Ann",
                                            "Jos\\u00e9", "Ren\\u00e9e", "Aino",    "Siddharth"};
constexpr std::array<sv, 16> last_names = {
    "Doe",    "Müller", "Nowak",    "Smith",        "García", "O'Brien",  "D\\\"Angelo", "van der Berg",
    "Åström", "山田",   "Kowalski", "M\\u00fcller", "Ng",     "Virtanen", "Tamm",        "Fernández-López"};
constexpr std::array<std::array<sv, 3>, 10> cities = {{
    {"Karlsruhe", "DE", "Germany"},
    {"München", "DE", "Germany"},
    {"Z\\u00fcrich", "CH", "Switzerland"},
    {"Kraków", "PL", "Poland"},
    {"São Paulo", "BR", "Brazil"},
    {"Helsinki", "FI", "Finland"},
    {"Tallinn", "EE", "Estonia"},
    {"New York", "US", "United States"},
    {"Malmö", "SE", "Sweden"},
    {"Reykjavík", "IS", "Iceland"},
}};
constexpr std::array<std::array<sv, 2>, 10> positions = {{
    {"Geschäftsführer", "DE"},
    {"Chief Executive Officer", "EN"},
    {"Head of Sales", "EN"},
    {"Directeur g\\u00e9n\\u00e9ral", "FR"},
    {"Software Engineer", "EN"},
    {"VP \\\"Growth\\\"", "EN"},
    {"販売マネージャー", "JA"},
    {"Ingeniero de ventas \\/ Sales engineer", "ES"},
    {"Myyntipäällikkö", "FI"},
    {"Marketing Manager\\tEMEA", "EN"},
}};
constexpr std::array<sv, 6> reasons = {
    "The company provides API-driven identity management and security solutions. While it operates "
    "in a sector relevant to digital footprint and market activity, it does not explicitly analyze "
    "growth trajectories, headcount trends, or market momentum as described in the search query.",
    "Matches the ideal customer profile: B2B software, 50-200 employees, EU headquarters.",
    "The description says \\\"we help sales teams\\\", which fits.\\nSecond line of the rationale.",
    "Keine eindeutige Aussage zur Wachstumsstrategie; Quelle: https:\\/\\/example.com\\/about",
    "Launch-ready \\ud83d\\ude80 and hiring: 12 open positions in sales.",
    "No signal.",
};
constexpr std::array<sv, 6> field_strings = {
    "Germany", "yes", "Tier 1", "Gr\\u00f6\\u00dfe: mittel", "n/a", "Enterprise \\\"A\\\""};
constexpr std::array<sv, 8> departments = {"marketing_department", "students_apprentices", "sales_department",
                                           "it_department",        "management",           "finance_department",
                                           "hr_department",        "customer_service"};
constexpr std::array<sv, 4> affiliations = {"employee", "owner", "freelancer", "board_member"};
constexpr std::array<sv, 3> genders = {"male", "female", "unknown"};
constexpr std::array<sv, 5> hierarchy_levels = {"employees", "managers", "directors", "c_level", "owners"};
constexpr std::array<sv, 4> email_domains = {"leadfeeder.com", "example.com", "dealfront.com", "firma.de"};
constexpr std::array<sv, 4> sources = {"fullenrich", "hunter", "", "dealfront"};  // "" is null
constexpr std::array<sv, 4> titles = {"Dr.", "", "Prof.", "Mag."};
constexpr std::array<sv, 6> list_names = {
    "US Prospects", "Hot leads \\u2013 Q4", "Kunden München", "Re-engage \\\"cold\\\"", "Partners", "Ålands företag"};
constexpr std::array<std::array<sv, 2>, 6> filter_values = {{
    {"US", "United States"},
    {"DE", "Germany"},
    {"vp", "Vice President"},
    {"cxo", "C-level \\/ Executive"},
    {"sales", "Sales"},
    {"FI", "Suomi \\u2013 Finland"},
}};
constexpr std::array<sv, 5> persona_names = {"Sales Managers", "IT Decision Makers", "Gründer", "Marketing \\\"Ops\\\"",
                                             "Finance"};
constexpr std::array<sv, 7> networks = {"facebook", "instagram", "linkedin", "pinterest", "twitter", "xing", "youtube"};
constexpr std::array<sv, 7> network_hosts = {"https://www.facebook.com/",    "https://instagram.com/",
                                             "https://www.linkedin.com/in/", "https://pinterest.com/",
                                             "https:\\/\\/twitter.com\\/",   "https://www.xing.com/profile/",
                                             "https://youtube.com/@"};

std::string timestamp(rng& r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "202%u-%02u-%02uT%02u:%02u:%02uZ", static_cast<unsigned>(r.below(5)),
                static_cast<unsigned>(1 + r.below(12)), static_cast<unsigned>(1 + r.below(28)),
                static_cast<unsigned>(r.below(24)), static_cast<unsigned>(r.below(60)),
                static_cast<unsigned>(r.below(60)));
  return buf;
}

void write_contact(writer& w, rng& r, std::size_t i) {
  std::string const n = std::to_string(i);
  w.begin_object();
  w.member("type", "contact");
  w.member("id", std::to_string(435834 + i * 7919));
  w.key("attributes");
  w.begin_object();
  {
    auto const& city = r.of(cities);
    w.key("address");
    w.begin_object();
    w.member("city", city[0]);
    w.member("country_code", city[1]);
    w.member("country", city[2]);
    w.end_object();
  }
  w.member("affiliation", r.of(affiliations));
  w.key("custom_fields");
  w.begin_object();
  for (std::size_t k = 0, count = r.pick(std::array<unsigned, 4>{1, 2, 4, 3}); k < count; ++k) {
    w.key("property" + std::to_string(k + 1));
    w.begin_object();
    switch (r.below(3)) {
      case 0:
        w.member("type", "ai_boolean");
        w.key("value");
        w.string(r.of(field_strings));
        break;
      case 1:
        w.member("type", "boolean");
        w.key("value");
        w.boolean(r.below(2) == 0);
        break;
      default:
        w.member("type", "number");
        w.key("value");
        w.integer(static_cast<long long>(r.below(100000)));
        break;
    }
    w.member("reason", r.of(reasons));
    w.end_object();
  }
  w.end_object();
  w.key("departments");
  w.begin_array();
  for (std::size_t k = 0, count = r.below(4); k < count; ++k) w.string(r.of(departments));
  w.end_array();
  w.key("emails");
  w.begin_array();
  for (std::size_t k = 0, count = r.pick(std::array<unsigned, 4>{1, 5, 3, 1}); k < count; ++k) {
    w.begin_object();
    w.member("address", "contact" + n + ".e" + std::to_string(k) + "@" + std::string(r.of(email_domains)));
    w.member_or_null("source", r.of(sources));
    w.end_object();
  }
  w.end_array();
  w.member("first_name", r.of(first_names));
  w.member("gender", r.of(genders));
  w.member("hierarchy_level", r.of(hierarchy_levels));
  w.member("last_name", r.of(last_names));
  w.key("phones");
  w.begin_array();
  for (std::size_t k = 0, count = r.pick(std::array<unsigned, 3>{2, 5, 2}); k < count; ++k) {
    w.begin_object();
    w.member("number", "+49 721 " + std::to_string(50057501 + i * 3 + k));
    w.member("type", r.below(2) == 0 ? "landline" : "mobile");
    w.key("blacklisted");
    w.boolean(r.below(5) == 0);
    w.member_or_null("source", r.of(sources));
    w.end_object();
  }
  w.end_array();
  {
    auto const& pos = r.of(positions);
    w.key("position");
    w.begin_object();
    w.member("title", pos[0]);
    w.member("language_code", pos[1]);
    w.end_object();
  }
  w.key("public_sources");
  w.begin_array();
  for (std::size_t k = 0, count = r.below(3); k < count; ++k) {
    w.begin_object();
    w.member("type", k == 0 ? "homepage" : "news");
    w.member("url", "https://crowdfunding.dossier.at/unterstuetzerinnen/" + n + "/" + std::to_string(k));
    w.end_object();
  }
  w.end_array();
  w.key("social_media_profiles");
  w.begin_object();
  for (std::size_t net = 0; net < networks.size(); ++net) {
    w.key(networks[net]);
    w.begin_array();
    for (std::size_t k = 0, count = r.pick(std::array<unsigned, 3>{3, 5, 2}); k < count; ++k) {
      w.begin_object();
      w.member("url", std::string(network_hosts[net]) + "contact-" + n + (k ? "-" + std::to_string(k) : ""));
      w.member_or_null("source", r.of(sources));
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  w.member("title", r.of(titles));
  w.end_object();  // attributes

  w.key("relationships");
  w.begin_object();
  w.key("company");
  w.begin_object();
  w.member("id", std::to_string(129011 + i % 250));
  w.member("type", "company");
  w.end_object();
  w.key("lists");
  w.begin_array();
  for (std::size_t k = 0, count = r.pick(std::array<unsigned, 4>{1, 4, 3, 2}); k < count; ++k) {
    bool const company_scope = r.below(2) == 0;
    w.begin_object();
    w.member("type", "list");
    w.member("id", std::string(company_scope ? "company_" : "contact_") + std::to_string(100 + r.below(50)));
    w.key("attributes");
    w.begin_object();
    w.member("name", r.of(list_names));
    w.member("scope", company_scope ? "company" : "contact");
    w.member("created_at", timestamp(r));
    w.member("updated_at", timestamp(r));
    w.end_object();
    w.key("relationships");
    w.begin_object();
    w.key("created_by");
    w.begin_object();
    w.member("id", std::to_string(12345 + r.below(20)));
    w.member("type", "user");
    w.end_object();
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.key("buyer_personas");
  w.begin_array();
  for (std::size_t k = 0, count = r.pick(std::array<unsigned, 3>{1, 4, 3}); k < count; ++k) {
    w.begin_object();
    w.member("type", "buyer_persona");
    w.member("id", std::to_string(7421 + r.below(30)));
    w.key("attributes");
    w.begin_object();
    w.member("name", r.of(persona_names));
    w.member("created_at", timestamp(r));
    w.key("filters");
    w.begin_object();
    for (sv filter : {sv("department"), sv("job_title"), sv("location"), sv("seniority")}) {
      w.key(filter);
      w.begin_array();
      for (std::size_t f = 0, fcount = r.pick(std::array<unsigned, 3>{1, 5, 2}); f < fcount; ++f) {
        auto const& value = r.of(filter_values);
        w.begin_object();
        w.member("search_value", value[0]);
        w.member("display_value", value[1]);
        w.key("negated");
        w.boolean(r.below(4) == 0);
        w.end_object();
      }
      w.end_array();
    }
    w.end_object();  // filters
    w.end_object();  // attributes
    w.end_object();
  }
  w.end_array();
  w.end_object();  // relationships
  w.end_object();  // contact
}

}  // namespace

std::string make_contacts_body(std::size_t contacts) {
  std::string out;
  out.reserve(contacts * 2800 + 256);
  writer w(out);
  rng r(0x1eadfeedULL);
  w.begin_object();
  w.key("data");
  w.begin_array();
  for (std::size_t i = 0; i < contacts; ++i) write_contact(w, r, i);
  w.end_array();
  w.key("meta");
  w.begin_object();
  w.key("credits");
  w.begin_object();
  w.key("charged");
  w.integer(static_cast<long long>(contacts));
  w.end_object();
  w.member("request_id", "cf054205-dd8c-4473-8689-07c30fe0789f");
  w.end_object();
  w.end_object();
  return out;
}

std::string to_string(checksum const& c) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "strings=%llu string_bytes=%llu items=%llu trues=%llu falses=%llu numbers=%lld digest=%016llx",
                static_cast<unsigned long long>(c.strings), static_cast<unsigned long long>(c.string_bytes),
                static_cast<unsigned long long>(c.items), static_cast<unsigned long long>(c.trues),
                static_cast<unsigned long long>(c.falses), static_cast<long long>(c.numbers),
                static_cast<unsigned long long>(c.digest()));
  return buf;
}

}  // namespace bench
