// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the API description it serves, read from api/leadfeeder-v1.json as built in
// (embedded_description()) or from the file given with --description. Only what the simulator
// needs is kept: operations (route, parameters, pagination style, response), schemas and enums.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lfsim {

struct param_info {
  std::string name;       // wire name: "account_id", "page[size]"
  std::string in;         // "query" or "path"
  std::string type;       // string, string_list, integer, boolean, enum, enum_set, date, month
  std::string enum_name;  // for enum and enum_set: a key of description::enums
  bool required = false;
};

/// A top-level field of an operation's JSON body ("industries.classification" for a nested one).
struct body_field_info {
  std::string name;
  std::string type;
  std::string enum_name;  // for enum and enum_set
  bool required = false;
  bool has_range = false;  // integers: min and max are described
  std::int64_t min = 0;
  std::int64_t max = 0;
};

enum class pagination_style { none, page_number, cursor };

struct operation_info {
  std::string id;  // "contacts.retrieve"
  std::string method;
  std::string path;  // "/v1/contacts/{contact_id}"
  std::vector<param_info> params;
  bool needs_account = false;  // the query parameter account_id is required
  pagination_style pagination = pagination_style::none;
  std::string response_data;    // "one", "list", "list_of_lists" or "raw"
  std::string response_schema;  // a key of description::schemas, or empty
  bool has_body = false;
  std::vector<body_field_info> body_fields;

  param_info const* param(std::string_view name) const;
  body_field_info const* body_field(std::string_view name) const;
};

struct field_info {
  std::string name;
  std::string type;    // string, integer, number, boolean, string_list, object, array, map, json
  std::string schema;  // for object and array: the schema of the value or of the items
};

struct relationship_info {
  std::string name;
  bool to_many = false;
  std::string schema;  // a schema name, or "json" when the shape is unknown
};

struct schema_info {
  std::string name;
  bool resource = false;           // {type, id, attributes, relationships}; else a plain object
  std::string type;                // the JSON:API type of a resource
  std::vector<field_info> fields;  // attributes of a resource, fields of an object
  std::vector<relationship_info> relationships;
};

struct description {
  std::vector<operation_info> operations;  // in the description's order
  std::map<std::string, schema_info, std::less<>> schemas;
  std::map<std::string, std::vector<std::string>, std::less<>> enums;  // name -> wire values

  operation_info const* operation(std::string_view id) const;
  schema_info const* schema(std::string_view name) const;
  /// The wire values of an enum; empty when it is not described.
  std::vector<std::string> const& enum_values(std::string_view name) const;
};

/// Reads a description; throws std::runtime_error saying what is missing or malformed.
description parse_description(std::string_view json_text);

/// api/leadfeeder-v1.json as it was when the simulator was built (written by
/// embed_description.cmake into the build tree).
std::string_view embedded_description();

}  // namespace lfsim
