// SPDX-License-Identifier: MIT
// leadfeeder-simulator: the answer to an operation that has no hand-written handler, built from
// the description alone. Its query parameters are checked as described (required ones present;
// integers, booleans, dates, months and enum values well-formed), then `data` is built from the
// response schema: a resource {type, id, attributes, relationships} or a plain object, with a
// plausible value per field (by type, and by name: strings *_at a date-time, *_on and *date a
// date, *url a URL, *email an address, ...; integers *year a year) derived from the seed, the
// operation and the field, so the same request gets the same answer. Lists hold 3 items, or 25
// over pages when the operation is paginated (page-number or cursor, as described). A DELETE whose
// response is not described answers 204; a POST whose id is a `create...` verb answers 201.
#pragma once

#include "request.hpp"

namespace lfsim {

struct world;

/// The answer to c.op from the description (c.op and c.desc set; account checked by the caller).
reply answer_from_description(world const& w, request_ctx& c);

}  // namespace lfsim
