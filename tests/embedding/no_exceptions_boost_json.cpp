// SPDX-License-Identifier: MIT
// The implementation unit of the -fno-exceptions program, compiled WITH exceptions: Boost 1.81 and
// 1.82 need them for src.hpp (1.83 builds it without). It is configured like the program's other
// units (LEADFEEDER_HAS_EXCEPTIONS 0, as docs/embedding.md asks of every unit), so the library's compiled
// part here (the response parser) is the one the -fno-exceptions unit calls: leadfeeder::v0_noexcept.
#define LEADFEEDER_HAS_EXCEPTIONS 0
#define LEADFEEDER_IMPLEMENTATION
#include <leadfeeder/leadfeeder.hpp>

static_assert(LEADFEEDER_HAS_EXCEPTIONS == 0, "configured as the -fno-exceptions units are");
