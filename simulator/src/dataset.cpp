// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the deterministic data set (see dataset.hpp).
#include "dataset.hpp"

#include "util.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace lfsim {

namespace json = boost::json;

std::int64_t now_day() noexcept { return days_from_civil(2026, 11, 1); }
std::int64_t now_epoch() noexcept { return now_day() * 86400; }

std::vector<city_info> const& cities() {
  static std::vector<city_info> const table = {
      {"Karlsruhe", "Baden-Württemberg", "Germany", "DE", "76131", "+49 721", "EUR", 1.0, "DE"},
      {"Berlin", "Berlin", "Germany", "DE", "10115", "+49 30", "EUR", 1.0, "DE"},
      {"Munich", "Bavaria", "Germany", "DE", "80331", "+49 89", "EUR", 1.0, "DE"},
      {"Hamburg", "Hamburg", "Germany", "DE", "20095", "+49 40", "EUR", 1.0, "DE"},
      {"Vienna", "Vienna", "Austria", "AT", "1010", "+43 1", "EUR", 1.0, "DE"},
      {"Zurich", "Zurich", "Switzerland", "CH", "8001", "+41 44", "CHF", 1.05, "DE"},
      {"Helsinki", "Uusimaa", "Finland", "FI", "00100", "+358 9", "EUR", 1.0, "FI"},
      {"Tampere", "Pirkanmaa", "Finland", "FI", "33100", "+358 3", "EUR", 1.0, "FI"},
      {"Stockholm", "Stockholm County", "Sweden", "SE", "111 20", "+46 8", "SEK", 0.088, "SV"},
      {"Tallinn", "Harju County", "Estonia", "EE", "10111", "+372 6", "EUR", 1.0, "ET"},
      {"London", "England", "United Kingdom", "GB", "EC1A 1BB", "+44 20", "GBP", 1.17, "EN"},
      {"Manchester", "England", "United Kingdom", "GB", "M1 1AE", "+44 161", "GBP", 1.17, "EN"},
      {"Paris", "Île-de-France", "France", "FR", "75001", "+33 1", "EUR", 1.0, "FR"},
      {"Amsterdam", "North Holland", "Netherlands", "NL", "1012 AB", "+31 20", "EUR", 1.0, "NL"},
      {"New York", "New York", "United States", "US", "10001", "+1 212", "USD", 0.92, "EN"},
      {"San Francisco", "California", "United States", "US", "94105", "+1 415", "USD", 0.92, "EN"},
      {"Austin", "Texas", "United States", "US", "73301", "+1 512", "USD", 0.92, "EN"},
      {"Toronto", "Ontario", "Canada", "CA", "M5H 2N2", "+1 416", "CAD", 0.68, "EN"},
  };
  return table;
}

std::vector<industry_info> const& industries() {
  static std::vector<industry_info> const table = {
      {"software", "Software", "62.01", "Programmierungstätigkeiten"},
      {"it_services", "IT Services", "62.02", "Erbringung von Beratungsleistungen auf dem Gebiet der IT"},
      {"marketing_advertising", "Marketing & Advertising", "73.11", "Werbeagenturen"},
      {"management_consulting", "Management Consulting", "70.22", "Unternehmensberatung"},
      {"logistics", "Logistics & Supply Chain", "52.29", "Sonstige Dienstleistungen für den Verkehr"},
      {"machinery", "Industrial Machinery", "28.99", "Herstellung von Maschinen für bestimmte Wirtschaftszweige"},
      {"food_beverages", "Food & Beverages", "10.89", "Herstellung von sonstigen Nahrungsmitteln"},
      {"renewables", "Renewable Energy", "35.11", "Elektrizitätserzeugung"},
      {"financial_services", "Financial Services", "64.19", "Kreditinstitute"},
      {"health_care", "Hospital & Health Care", "86.10", "Krankenhäuser"},
      {"retail", "Retail", "47.91", "Versand- und Internet-Einzelhandel"},
      {"automotive", "Automotive", "29.10", "Herstellung von Kraftwagen und Kraftwagenmotoren"},
      {"education", "Education", "85.59", "Sonstiger Unterricht"},
      {"online_media", "Online Media", "63.12", "Webportale"},
  };
  return table;
}

std::vector<char const*> const& employee_ranges() {
  static std::vector<char const*> const table = {"1-10",     "11-50",     "51-200",     "201-500",
                                                 "501-1000", "1001-5000", "5001-10000", "10001+"};
  return table;
}

namespace {

char const* const company_prefixes[] = {
    "Acme",     "Globex", "Initech", "Umbrella", "Hooli",  "Vandelay", "Soylent",  "Tyrell", "Cyberdyne", "Aperture",
    "Nordwind", "Alpen",  "Baltic",  "Blau",     "Bright", "Delta",    "Eagle",    "Falcon", "Green",     "Helix",
    "Iron",     "Jade",   "Kite",    "Lumen",    "Metro",  "Nova",     "Omni",     "Pixel",  "Quantum",   "Rapid",
    "Silver",   "Terra",  "Unity",   "Vector",   "Zen",    "Aurora",   "Borealis", "Kraft",  "Sonnen",    "Polar"};

// Per industry (same order as industries()), words that make a plausible company name.
char const* const industry_words[][3] = {{"Software", "Labs", "Cloud"},
                                         {"IT", "Systems", "Digital"},
                                         {"Media Group", "Marketing", "Creative"},
                                         {"Consulting", "Advisors", "Partners"},
                                         {"Logistics", "Freight", "Transport"},
                                         {"Maschinenbau", "Engineering", "Industries"},
                                         {"Foods", "Bakery", "Beverages"},
                                         {"Energy", "Solar", "Wind"},
                                         {"Capital", "Finance", "Bank"},
                                         {"Health", "Care", "Medical"},
                                         {"Store", "Retail", "Shop"},
                                         {"Motors", "Automotive", "Mobility"},
                                         {"Academy", "Learning", "Education"},
                                         {"News", "Media", "Publishing"}};

char const* const keyword_pool[] = {"b2b",           "saas",      "analytics",  "consulting",
                                    "manufacturing", "logistics", "e-commerce", "sustainability",
                                    "automation",    "ai",        "cloud",      "security"};

char const* const male_first[] = {"John",   "Matti",  "Lukas",   "Jonas", "Oliver", "James",    "Erik",
                                  "Pierre", "Daan",   "Mikko",   "Felix", "Noah",   "Liam",     "Henrik",
                                  "Juha",   "Thomas", "Michael", "David", "Jan",    "Sebastian"};
char const* const female_first[] = {"Anna",  "Laura", "Emma",   "Sofia",     "Hanna",    "Julia",   "Maria",
                                    "Elina", "Sarah", "Emily",  "Chloé",     "Lotte",    "Aino",    "Ingrid",
                                    "Lea",   "Mia",   "Olivia", "Charlotte", "Jennifer", "Katarina"};
char const* const last_names[] = {"Doe",       "Müller",   "Schmidt",   "Virtanen", "Korhonen", "Smith",   "Johnson",
                                  "Andersson", "Dubois",   "de Vries",  "Tamm",     "Weber",    "Fischer", "Nieminen",
                                  "Brown",     "Taylor",   "Nilsson",   "Martin",   "Jansen",   "Meyer",   "Wagner",
                                  "Mäkinen",   "Williams", "Lindqvist", "Bernard"};

struct position_info {
  char const* title;
  char const* language;
  char const* department;
  char const* second_department;  // or nullptr
  char const* hierarchy;
};

position_info const positions[] = {
    {"Chief Executive Officer", "EN", "management_department", nullptr, "c_level"},
    {"Chief Technology Officer", "EN", "it_department", nullptr, "c_level"},
    {"Chief Financial Officer", "EN", "finance_department", nullptr, "c_level"},
    {"Head of Marketing", "EN", "marketing_department", nullptr, "director"},
    {"Marketing Manager", "EN", "marketing_department", nullptr, "manager"},
    {"Content Marketing Specialist", "EN", "marketing_department", nullptr, "employees"},
    {"Sales Director", "EN", "sales_department", nullptr, "director"},
    {"Sales Manager", "EN", "sales_department", nullptr, "manager"},
    {"Account Executive", "EN", "sales_department", nullptr, "employees"},
    {"Software Engineer", "EN", "it_department", nullptr, "employees"},
    {"IT Manager", "EN", "it_department", nullptr, "manager"},
    {"HR Business Partner", "EN", "hr_department", nullptr, "employees"},
    {"Operations Manager", "EN", "operations_department", nullptr, "manager"},
    {"Marketing Intern", "EN", "marketing_department", "students_apprentices", "employees"},
    {"Geschäftsführer", "DE", "management_department", nullptr, "c_level"},
    {"Vertriebsleiter", "DE", "sales_department", nullptr, "director"},
    {"Leiter Marketing", "DE", "marketing_department", nullptr, "director"},
    {"Werkstudent Marketing", "DE", "marketing_department", "students_apprentices", "employees"},
    {"Softwareentwickler", "DE", "it_department", nullptr, "employees"},
    {"Toimitusjohtaja", "FI", "management_department", nullptr, "c_level"},
    {"Myyntipäällikkö", "FI", "sales_department", nullptr, "manager"},
    {"Markkinointipäällikkö", "FI", "marketing_department", nullptr, "manager"},
    {"Försäljningschef", "SV", "sales_department", nullptr, "manager"},
    {"Directeur commercial", "FR", "sales_department", nullptr, "director"},
    {"Marketingmanager", "NL", "marketing_department", nullptr, "manager"},
};
constexpr std::size_t english_positions = 14;  // the first 14 entries are in English

struct traffic_info {
  char const* source;
  char const* medium;
  char const* referring_url;  // or nullptr
  char const* campaign;       // or nullptr
  char const* keyword;        // or nullptr
};
traffic_info const traffic[] = {
    {"google", "organic", "https://www.google.com/", nullptr, nullptr},
    {"google", "cpc", "https://www.google.com/", "autumn_launch", "b2b lead generation"},
    {"linkedin", "social", "https://www.linkedin.com/", "abm_q4", nullptr},
    {"newsletter", "email", nullptr, "november_newsletter", nullptr},
    {"(direct)", "(none)", nullptr, nullptr, nullptr},
    {"bing", "organic", "https://www.bing.com/", nullptr, nullptr},
    {"partner-site.example", "referral", "https://partner-site.example/blog/tools", nullptr, nullptr},
};

struct page_info {
  char const* path;
  char const* title;
};
page_info const pages[] = {
    {"/", "Simulated Customer - Home"},
    {"/pricing", "Pricing"},
    {"/product", "Product overview"},
    {"/product/integrations", "Integrations"},
    {"/blog/lead-generation-guide", "The lead generation guide"},
    {"/blog/b2b-website-visitors", "Who visits your B2B website?"},
    {"/contact", "Contact us"},
    {"/careers", "Careers"},
    {"/docs/api", "API documentation"},
    {"/case-studies/acme", "Case study: Acme"},
};
char const* const customer_host = "www.simulated-customer.example";

/// ASCII for e-mail local parts and URL slugs ("Müller" -> "mueller").
std::string ascii_slug(std::string_view s, char space) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto const c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        out.push_back(static_cast<char>(c - 'A' + 'a'));
      } else if ((c == ' ' || c == '-') && space != '\0' && !out.empty() && out.back() != space) {
        out.push_back(space);
      }
      continue;
    }
    if (c == 0xC3 && i + 1 < s.size()) {
      auto const d = static_cast<unsigned char>(s[i + 1]);
      ++i;
      switch (d) {
        case 0xA4:
        case 0x84: out += "ae"; break;  // ä Ä
        case 0xB6:
        case 0x96: out += "oe"; break;  // ö Ö
        case 0xBC:
        case 0x9C: out += "ue"; break;  // ü Ü
        case 0x9F: out += "ss"; break;  // ß
        case 0xA9:
        case 0xA8:
        case 0x89: out += "e"; break;
        case 0x8E:
        case 0xAE: out += "i"; break;
        case 0xA5:
        case 0x85: out += "a"; break;  // å Å
        default: break;
      }
    }
  }
  while (!out.empty() && out.back() == space) out.pop_back();
  return out;
}

std::string digits(rng& r, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + r.below(10)));
  return out;
}

std::string vat_id_for(rng& r, std::string_view country_code) {
  if (country_code == "DE") return "DE" + digits(r, 9);
  if (country_code == "AT") return "ATU" + digits(r, 8);
  if (country_code == "CH") return "CHE-" + digits(r, 3) + "." + digits(r, 3) + "." + digits(r, 3);
  if (country_code == "FI") return "FI" + digits(r, 8);
  if (country_code == "SE") return "SE" + digits(r, 10) + "01";
  if (country_code == "EE") return "EE" + digits(r, 9);
  if (country_code == "GB") return "GB" + digits(r, 9);
  if (country_code == "FR") return "FR" + digits(r, 11);
  if (country_code == "NL") return "NL" + digits(r, 9) + "B01";
  return {};
}

char const* legal_form(rng& r, std::string_view country_code) {
  if (country_code == "DE") return r.chance(0.8) ? "GmbH" : "AG";
  if (country_code == "AT") return "GmbH";
  if (country_code == "CH") return "AG";
  if (country_code == "FI") return "Oy";
  if (country_code == "SE") return "AB";
  if (country_code == "EE") return "OÜ";
  if (country_code == "GB") return "Ltd";
  if (country_code == "FR") return "SAS";
  if (country_code == "NL") return "B.V.";
  return r.chance(0.7) ? "Inc." : "LLC";
}

std::string street_for(rng& r, city_info const& city) {
  static char const* const de[] = {"Hauptstraße", "Kaiserstraße", "Bahnhofstraße", "Lindenweg"};
  static char const* const fi[] = {"Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu"};
  static char const* const sv[] = {"Drottninggatan", "Kungsgatan"};
  static char const* const et[] = {"Narva mnt", "Pärnu mnt"};
  static char const* const nl[] = {"Damrak", "Keizersgracht"};
  static char const* const en[] = {"Main Street", "High Street", "Market Street", "Queen Street"};
  static char const* const fr[] = {"Rue de Rivoli", "Avenue des Champs-Élysées"};
  std::string const number = std::to_string(r.between(1, 180));
  std::string_view const lang = city.language;
  if (lang == "DE") return std::string(r.pick(de)) + " " + number;
  if (lang == "FI") return std::string(r.pick(fi)) + " " + number;
  if (lang == "SV") return std::string(r.pick(sv)) + " " + number;
  if (lang == "ET") return std::string(r.pick(et)) + " " + number;
  if (lang == "NL") return std::string(r.pick(nl)) + " " + number;
  if (lang == "FR") return number + " " + r.pick(fr);
  return number + " " + r.pick(en);
}

std::string employee_range_for(int count) {
  auto const& ranges = employee_ranges();
  if (count <= 10) return ranges[0];
  if (count <= 50) return ranges[1];
  if (count <= 200) return ranges[2];
  if (count <= 500) return ranges[3];
  if (count <= 1000) return ranges[4];
  if (count <= 5000) return ranges[5];
  if (count <= 10000) return ranges[6];
  return ranges[7];
}

json::array profile(std::string url, json::value source) {
  json::array a;
  a.push_back(json::object{{"url", std::move(url)}, {"source", std::move(source)}});
  return a;
}

json::value nullable(char const* s) { return s == nullptr ? json::value(nullptr) : json::value(s); }

void generate_companies(dataset& d, rng& r) {
  constexpr std::size_t count = 1200;
  auto const& city_table = cities();
  auto const& industry_table = industries();
  std::unordered_set<std::string> domains;
  std::uint64_t next_previous_id = 900001;
  d.companies.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    company_rec c;
    c.id = std::to_string(129011 + i);
    c.city = r.below(city_table.size());
    c.industry = r.below(industry_table.size());
    city_info const& city = city_table[c.city];
    industry_info const& industry = industry_table[c.industry];
    std::string const prefix = i < 40 ? company_prefixes[i] : r.pick(company_prefixes);
    std::string const word = industry_words[c.industry][r.below(3)];
    std::string const trade_name = prefix + " " + word;
    c.name = trade_name + " " + legal_form(r, city.country_code);

    std::string const slug = ascii_slug(trade_name, '-');
    std::string domain = slug + ".example";
    for (int n = 2; domains.count(domain) != 0; ++n) domain = slug + "-" + std::to_string(n) + ".example";
    domains.insert(domain);
    c.domain = domain;
    c.search_keys = {to_lower(c.name), to_lower(trade_name), domain};

    double const log_count = r.unit() * std::log(20000.0);
    c.employee_count = std::max(1, static_cast<int>(std::exp(log_count)));
    c.employee_range = employee_range_for(c.employee_count);

    c.has_revenue = r.chance(0.85);
    c.revenue_eur =
        std::round(static_cast<double>(c.employee_count) * static_cast<double>(r.between(60, 250)) * 1000.0);
    c.has_earnings = c.has_revenue && r.chance(0.6);
    c.has_net_worth = c.has_revenue && r.chance(0.5);
    c.do_not_contact = r.chance(0.05);
    c.vat_id = vat_id_for(r, city.country_code);

    // Merged duplicates (docs/api-reference.md, 1.13): their ids still resolve to this company.
    if (i % 20 == 7) c.previous_ids.push_back(std::to_string(next_previous_id++));
    if (i % 100 == 7) c.previous_ids.push_back(std::to_string(next_previous_id++));
    if (i >= 50 && r.chance(0.08)) c.group_parent = r.below(50);

    std::uint64_t const n = i + 1;
    c.ips.push_back("198.18." + std::to_string(n / 256) + "." + std::to_string(n % 256));
    if (r.chance(0.4)) c.ips.push_back("2001:db8::" + to_hex(n, 1 + (n >= 16) + (n >= 256) + (n >= 4096)));
    if (r.chance(0.2)) c.ips.push_back("198.19." + std::to_string(n / 256) + "." + std::to_string(n % 256));

    json::array phones;
    if (r.chance(0.8)) {
      std::size_t const phone_count = 1 + r.below(2);
      for (std::size_t p = 0; p < phone_count; ++p) {
        std::string const local = digits(r, 7);
        phones.push_back(json::object{{"number", std::string(city.phone_prefix) + " " + local}});
        std::string digits_only;
        for (char ch : std::string(city.phone_prefix) + local) {
          if (ch >= '0' && ch <= '9') digits_only.push_back(ch);
        }
        c.phone_digits.push_back(digits_only);
      }
    }
    c.has_phone = !phones.empty();

    std::string const compact = ascii_slug(trade_name, '\0');
    json::object social{{"facebook", json::array{}},  {"instagram", json::array{}}, {"linkedin", json::array{}},
                        {"pinterest", json::array{}}, {"twitter", json::array{}},   {"xing", json::array{}},
                        {"youtube", json::array{}}};
    if (r.chance(0.85)) {
      social["linkedin"] = profile("https://www.linkedin.com/company/" + slug, nullptr);
      if (r.chance(0.4)) social["twitter"] = profile("https://twitter.com/" + compact, nullptr);
      if (r.chance(0.4)) social["facebook"] = profile("https://www.facebook.com/" + compact, "fullenrich");
      if (r.chance(0.2)) social["instagram"] = profile("https://instagram.com/" + compact, nullptr);
      if ((std::string_view(city.country_code) == "DE" || std::string_view(city.country_code) == "AT" ||
           std::string_view(city.country_code) == "CH") &&
          r.chance(0.5)) {
        social["xing"] = profile("https://www.xing.com/pages/" + slug, nullptr);
      }
      if (r.chance(0.1)) social["youtube"] = profile("https://www.youtube.com/@" + compact, nullptr);
    }
    c.has_social = !social["linkedin"].as_array().empty();

    json::array keywords;
    std::size_t const keyword_count = 2 + r.below(3);
    for (std::size_t k = 0; k < keyword_count; ++k) {
      json::string const kw = r.pick(keyword_pool);
      if (std::find(keywords.begin(), keywords.end(), json::value(kw)) == keywords.end()) keywords.push_back(kw);
    }

    json::value revenue = nullptr;
    if (c.has_revenue) {
      revenue = json::object{{"value", static_cast<std::int64_t>(std::llround(c.revenue_eur / city.eur_per_unit))},
                             {"value_eur", static_cast<std::int64_t>(std::llround(c.revenue_eur))},
                             {"currency", city.currency},
                             {"year", r.chance(0.5) ? 2024 : 2025},
                             {"estimated", r.chance(0.4)}};
    }
    int const score = static_cast<int>(r.below(101));
    json::array alternative_urls;
    if (r.chance(0.3))
      alternative_urls.push_back(json::string("https://" + slug + "." + to_lower(city.country_code) + ".example"));

    json::object industries_object{
        {"industry", json::array{json::object{{"code", industry.code}, {"name", industry.name}}}},
        {"wz", json::array{json::object{{"code", industry.wz_code}, {"name", industry.wz_name}}}}};
    json::object address{{"street_address", street_for(r, city)},
                         {"postal_code", city.postal_code},
                         {"city", city.city},
                         {"region", city.region},
                         {"country", city.country},
                         {"country_code", city.country_code}};
    json::array previous;
    for (auto const& p : c.previous_ids) previous.push_back(json::string(p));

    c.attributes = json::object{
        {"name", c.name},
        {"alternative_names", json::array{json::string(trade_name)}},
        {"url", "https://www." + domain},
        {"alternative_urls", std::move(alternative_urls)},
        {"logo_url", "https://logos.simulator.example/" + slug + ".png"},
        {"description", c.name + " (" + industry.name + ") is based in " + city.city + ", " + city.country + "."},
        {"keywords", std::move(keywords)},
        {"founded_year", r.between(1950, 2022)},
        {"vat_id", c.vat_id.empty() ? json::value(nullptr) : json::value(c.vat_id)},
        {"employee_count", c.employee_count},
        {"employee_range", c.employee_range},
        {"address", address},
        {"industries", industries_object},
        {"revenue", revenue},
        {"phones", std::move(phones)},
        {"social_media_profiles", std::move(social)},
        {"intent", json::object{{"score", score},
                                {"score_tier", score >= 70   ? "high"
                                               : score >= 40 ? "medium"
                                                             : "low"},
                                {"last_updated_at", format_datetime(now_epoch() - r.between(3600, 30 * 86400))}}},
        {"web_engagement", json::object{{"last_visit_date", nullptr}}},
        {"meta", json::object{{"do_not_contact", c.do_not_contact}, {"num_contacts", 0}, {"has_mail", false}}},
        {"previous_ids", std::move(previous)},
    };
    json::object summary_revenue;
    if (c.has_revenue) {
      json::object const& rev = revenue.as_object();
      summary_revenue = json::object{{"currency", rev.at("currency")},
                                     {"estimated", rev.at("estimated")},
                                     {"value", rev.at("value")},
                                     {"year", rev.at("year")}};
    }
    c.summary = json::object{
        {"name", c.name},
        {"url", "https://www." + domain},
        {"employee_range", c.employee_range},
        {"industries", industries_object},
        {"address", json::object{{"street_address", address.at("street_address")},
                                 {"postal_code", city.postal_code},
                                 {"city", city.city},
                                 {"country", city.country},
                                 {"country_code", city.country_code}}},
        {"revenue", c.has_revenue ? json::value(std::move(summary_revenue)) : json::value(nullptr)},
        {"meta", json::object{{"do_not_contact", c.do_not_contact}, {"has_mail", false}}},
    };

    d.company_by_id.emplace(c.id, i);
    for (auto const& p : c.previous_ids) d.company_by_id.emplace(p, i);
    for (auto const& ip : c.ips) d.company_by_ip.emplace(ip, i);
    d.companies.push_back(std::move(c));
  }
}

void generate_contacts(dataset& d, rng& r) {
  constexpr std::size_t count = 5000;
  auto const& city_table = cities();
  d.contacts.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    contact_rec c;
    c.id = std::to_string(3219787601ULL + 34ULL * i);
    c.company = r.chance(0.25) ? r.below(100) : r.below(d.companies.size());
    company_rec& company = d.companies[c.company];
    city_info const& city = city_table[r.chance(0.9) ? company.city : r.below(city_table.size())];

    bool const male = r.chance(0.5);
    std::string const first = male ? r.pick(male_first) : r.pick(female_first);
    std::string const last = r.pick(last_names);
    c.full_name_lower = to_lower(first + " " + last);

    position_info const* pos = &positions[r.below(english_positions)];
    if (std::string_view(city.language) != "EN" && r.chance(0.4)) {
      std::vector<position_info const*> local;
      for (auto const& p : positions) {
        if (std::string_view(p.language) == city.language) local.push_back(&p);
      }
      if (!local.empty()) pos = local[r.below(local.size())];
    }
    c.title_lower = to_lower(pos->title);
    c.departments.push_back(pos->department);
    if (pos->second_department != nullptr) c.departments.push_back(pos->second_department);
    c.hierarchy_level = pos->hierarchy;
    double const a = r.unit();
    c.affiliation = a < 0.85 ? "employee" : a < 0.9 ? "owner" : a < 0.95 ? "board_member" : "freelancer";
    c.country_code = city.country_code;

    std::string const local_part = ascii_slug(first, '-') + "." + ascii_slug(last, '-');
    json::array emails;
    if (r.chance(0.85)) {
      std::string const address = local_part + "@" + company.domain;
      emails.push_back(json::object{{"address", address}, {"source", r.chance(0.7) ? "fullenrich" : "leadfeeder"}});
      c.emails_lower.push_back(to_lower(address));
      if (r.chance(0.1)) {
        std::string const second = ascii_slug(first, '-').substr(0, 1) + ascii_slug(last, '-') + "@" + company.domain;
        emails.push_back(json::object{{"address", second}, {"source", nullptr}});
        c.emails_lower.push_back(to_lower(second));
      }
    }
    json::array phones;
    if (r.chance(0.6)) {
      bool const mobile = r.chance(0.4);
      phones.push_back(json::object{{"number", std::string(city.phone_prefix) + " " + digits(r, mobile ? 8 : 7)},
                                    {"type", mobile ? "mobile" : "landline"},
                                    {"blacklisted", r.chance(0.08)},
                                    {"source", "fullenrich"}});
    }
    json::array public_sources;
    if (r.chance(0.3)) {
      public_sources.push_back(json::object{{"type", "homepage"}, {"url", "https://www." + company.domain + "/team"}});
    }
    std::string const handle = ascii_slug(first + " " + last, '-');
    json::object social{{"facebook", json::array{}},  {"instagram", json::array{}}, {"linkedin", json::array{}},
                        {"pinterest", json::array{}}, {"twitter", json::array{}},   {"xing", json::array{}},
                        {"youtube", json::array{}}};
    if (r.chance(0.8)) {
      social["linkedin"] = profile("https://www.linkedin.com/in/" + handle + "-" + to_hex(r.next() & 0xFFFF, 4),
                                   r.chance(0.6) ? json::value("fullenrich") : json::value(nullptr));
    }
    if (std::string_view(city.language) == "DE" && r.chance(0.4)) {
      social["xing"] = profile("https://www.xing.com/profile/" + handle, nullptr);
    }
    if (r.chance(0.2)) social["twitter"] = profile("https://twitter.com/" + ascii_slug(first + last, '\0'), nullptr);
    if (r.chance(0.1)) social["facebook"] = profile("https://www.facebook.com/" + handle, "fullenrich");
    if (r.chance(0.05)) social["instagram"] = profile("https://instagram.com/" + handle, nullptr);

    double const t = r.unit();
    json::array departments;
    for (auto const& dep : c.departments) departments.push_back(json::string(dep));
    c.attributes = json::object{
        {"address", json::object{{"city", city.city}, {"country_code", city.country_code}, {"country", city.country}}},
        {"affiliation", c.affiliation},
        {"departments", std::move(departments)},
        {"emails", std::move(emails)},
        {"first_name", first},
        {"gender", male ? "male" : "female"},
        {"hierarchy_level", c.hierarchy_level},
        {"last_name", last},
        {"phones", std::move(phones)},
        {"position", json::object{{"title", pos->title}, {"language_code", pos->language}}},
        {"public_sources", std::move(public_sources)},
        {"social_media_profiles", std::move(social)},
        {"title", t < 0.08  ? json::value("Dr.")
                  : t < 0.1 ? json::value("Prof.")
                            : json::value(nullptr)},
    };
    company.contacts.push_back(i);
    if (!c.emails_lower.empty()) company.has_email = true;
    d.contact_by_id.emplace(c.id, i);
    d.contacts.push_back(std::move(c));
  }
  for (auto& company : d.companies) {
    json::object& meta = company.attributes["meta"].as_object();
    meta["num_contacts"] = company.contacts.size();
    meta["has_mail"] = company.has_email;
    company.summary["meta"].as_object()["has_mail"] = company.has_email;
  }
}

void generate_visits(dataset& d, rng& r) {
  auto const& city_table = cities();
  std::uint64_t next_id = 7000000001ULL;
  std::vector<std::int64_t> last_visit(d.companies.size(), -1);
  d.visits.resize(d.accounts.size());
  for (std::size_t a = 0; a < d.accounts.size(); ++a) {
    // Each account's website is visited by its own subset of companies, some far more often.
    std::vector<std::size_t> pool;
    for (std::size_t i = 0; i < d.companies.size(); ++i) {
      if (mix64(r.next() ^ i) % 100 < 55) pool.push_back(i);
    }
    std::vector<visit_rec>& visits = d.visits[a];
    visits.reserve(d.accounts[a].visit_count);
    for (std::size_t v = 0; v < d.accounts[a].visit_count; ++v) {
      visit_rec visit;
      visit.id = std::to_string(next_id++);
      std::size_t const skewed = r.chance(0.5) ? r.below(r.below(pool.size()) + 1) : r.below(pool.size());
      visit.company = pool[skewed];
      company_rec const& company = d.companies[visit.company];
      visit.city = r.chance(0.75) ? company.city : r.below(city_table.size());
      visit.started_at = now_epoch() - r.between(1, 90 * 86400);
      visit.day = visit.started_at / 86400;
      last_visit[visit.company] = std::max(last_visit[visit.company], visit.day);

      traffic_info const& tr = r.pick(traffic);
      page_info const& landing = r.pick(pages);
      double const dev = r.unit();
      json::array ga;
      if (r.chance(0.7)) {
        ga.push_back(json::string("GA1.2." + std::to_string(r.between(100000000, 999999999)) + "." +
                                  std::to_string(visit.started_at - r.between(0, 86400 * 300))));
      }
      json::value visitor = nullptr;
      if (r.chance(0.12) && !company.contacts.empty()) {
        contact_rec const& person = d.contacts[company.contacts[r.below(company.contacts.size())]];
        json::array const& emails = person.attributes.at("emails").as_array();
        if (!emails.empty()) {
          visitor = json::object{{"email", emails[0].as_object().at("address")},
                                 {"first_name", person.attributes.at("first_name")},
                                 {"last_name", person.attributes.at("last_name")}};
        }
      }
      json::array engagements;
      if (r.chance(0.3)) {
        std::size_t const n = 1 + r.below(3);
        char const* previous = nullptr;
        for (std::size_t e = 0; e < n; ++e) {
          page_info const& page = e == 0 ? landing : r.pick(pages);
          double const kind = r.unit();
          engagements.push_back(json::object{
              {"event_type", kind < 0.8   ? "page_view"
                             : kind < 0.9 ? "form_submission"
                                          : "file_download"},
              {"hostname", customer_host},
              {"page", json::object{{"path", page.path},
                                    {"title", page.title},
                                    {"url", std::string("https://") + customer_host + page.path}}},
              {"previous_page_path", nullable(previous)},
              {"time_on_page", r.between(5, 600)},
              {"has_met_goals", kind >= 0.8}});
          previous = page.path;
        }
      }
      visit.attributes = json::object{
          {"started_at", format_datetime(visit.started_at)},
          {"visit_length", r.between(5, 1800)},
          {"page_depth", r.between(1, 12)},
          {"landing_page_path", landing.path},
          {"referring_url", nullable(tr.referring_url)},
          {"source", tr.source},
          {"medium", tr.medium},
          {"campaign", nullable(tr.campaign)},
          {"keyword", nullable(tr.keyword)},
          {"device_type", dev < 0.7    ? "desktop"
                          : dev < 0.95 ? "mobile"
                                       : "tablet"},
          {"identifiers",
           json::object{{"lf_client_id", "LF1.1." + to_hex(r.next(), 16) + "." + std::to_string(visit.started_at)},
                        {"ga_client_ids", std::move(ga)}}},
          {"visitor", std::move(visitor)},
          {"engagements", std::move(engagements)},
      };
      visits.push_back(std::move(visit));
    }
    std::sort(visits.begin(), visits.end(), [](visit_rec const& x, visit_rec const& y) {
      if (x.started_at != y.started_at) return x.started_at > y.started_at;
      return x.id < y.id;
    });
  }
  for (std::size_t i = 0; i < d.companies.size(); ++i) {
    if (last_visit[i] >= 0) {
      d.companies[i].attributes["web_engagement"].as_object()["last_visit_date"] = format_date(last_visit[i]);
    }
  }
}

filter_item item(char const* search, char const* display, bool negated = false) {
  return filter_item{search, display, negated};
}

void generate_reference(dataset& d) {
  d.accounts = {
      {"123456", "Simulated Account 1", 1000, 200, 16000},
      {"789012", "Simulated Account 2", 0, 0, 3000},
      {"345678", "Simulated Account 3", 0, 0, 1000},
  };
  d.users = {
      {"12345", "alex.admin@simulated-customer.example", "Alex", "Admin", "admin", {"123456", "789012", "345678"}},
      {"12346", "robin.member@simulated-customer.example", "Robin", "Member", "member", {"123456", "789012"}},
  };
  d.personas = {
      {"7421",
       "Sales Managers",
       "2024-12-10T15:57:25Z",
       {{"department", {item("sales_department", "Sales")}},
        {"job_title", {}},
        {"location", {}},
        {"seniority", {item("manager", "Manager"), item("director", "Director")}}}},
      {"7422",
       "Marketing Leaders",
       "2025-02-03T09:12:00Z",
       {{"department", {item("marketing_department", "Marketing")}},
        {"job_title", {}},
        {"location", {}},
        {"seniority", {item("director", "Director"), item("c_level", "C-Level")}}}},
      {"7423",
       "DACH Decision Makers",
       "2025-04-22T13:30:00Z",
       {{"department", {}},
        {"job_title", {}},
        {"location", {item("DE", "Germany"), item("AT", "Austria"), item("CH", "Switzerland")}},
        {"seniority", {item("c_level", "C-Level")}}}},
      {"7424",
       "Engineers",
       "2025-06-15T08:00:00Z",
       {{"department", {item("it_department", "IT"), item("students_apprentices", "Students & apprentices", true)}},
        {"job_title", {item("engineer", "Engineer"), item("entwickler", "Entwickler")}},
        {"location", {}},
        {"seniority", {}}}},
      {"7425",
       "Nordic Finance",
       "2025-09-01T10:45:00Z",
       {{"department", {item("finance_department", "Finance"), item("management_department", "Management")}},
        {"job_title", {}},
        {"location", {item("FI", "Finland"), item("SE", "Sweden"), item("EE", "Estonia")}},
        {"seniority", {}}}},
  };
  d.icps = {
      {"301",
       "DACH Mid-Market",
       "2025-01-15T12:00:00Z",
       "2025-08-01T09:00:00Z",
       {"DE", "AT", "CH"},
       {"51-200", "201-500", "501-1000"},
       {}},
      {"302",
       "Nordic Software",
       "2025-03-10T12:00:00Z",
       "2025-03-10T12:00:00Z",
       {"FI", "SE", "EE"},
       {},
       {"software", "it_services"}},
      {"303",
       "Enterprise",
       "2025-05-20T12:00:00Z",
       "2025-10-02T16:20:00Z",
       {},
       {"1001-5000", "5001-10000", "10001+"},
       {}},
  };
}

}  // namespace

dataset generate_dataset(std::uint64_t seed) {
  dataset d;
  rng r(mix64(seed ^ 0x6c65616466656564ULL));  // "leadfeed"
  generate_reference(d);
  generate_companies(d, r);
  generate_contacts(d, r);
  generate_visits(d, r);
  return d;
}

bool persona_matches(persona_rec const& persona, contact_rec const& contact) {
  for (auto const& [key, items] : persona.filters) {
    bool any_positive = false;
    bool positive_hit = false;
    for (filter_item const& f : items) {
      bool hit = false;
      if (key == "department") {
        hit = std::find(contact.departments.begin(), contact.departments.end(), f.search_value) !=
              contact.departments.end();
      } else if (key == "seniority") {
        hit = contact.hierarchy_level == f.search_value;
      } else if (key == "location") {
        hit = contact.country_code == f.search_value;
      } else if (key == "job_title") {
        hit = contact.title_lower.find(to_lower(f.search_value)) != std::string::npos;
      }
      if (f.negated) {
        if (hit) return false;
      } else {
        any_positive = true;
        positive_hit = positive_hit || hit;
      }
    }
    if (any_positive && !positive_hit) return false;
  }
  return true;
}

bool icp_matches(icp_rec const& icp, company_rec const& company) {
  auto has = [](std::vector<std::string> const& values, std::string_view v) {
    return values.empty() || std::find(values.begin(), values.end(), v) != values.end();
  };
  return has(icp.country_codes, cities()[company.city].country_code) &&
         has(icp.employee_ranges, company.employee_range) &&
         has(icp.industry_codes, industries()[company.industry].code);
}

}  // namespace lfsim
