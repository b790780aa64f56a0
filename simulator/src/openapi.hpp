// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the OpenAPI document it serves at /openapi.yaml (behind the key, as the
// live host does). Both documents are written at build time by tools/openapi_document.py from
// api/leadfeeder-v1.json into openapi_documents.cpp in the build tree: the description as an
// OpenAPI 3 document, and a perturbed copy (--openapi-perturbed) with a moved path, a renamed
// parameter, a required flag flipped, an added enum value, a new operation and a removed one.
#pragma once

#include "http_server.hpp"

#include <string>

namespace lfsim {

/// The YAML text of the document, or of its perturbed copy.
std::string const& openapi_document(bool perturbed);
/// The date both documents carry (YYYY-MM-DD).
char const* openapi_release_date();

/// The 200 answer to GET /openapi.yaml: the document as application/yaml, with Last-Modified.
http_response openapi_response(bool perturbed, std::string const& request_id);

}  // namespace lfsim
