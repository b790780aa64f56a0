// SPDX-License-Identifier: MIT
// The program's one implementation unit.
#define LEADFEEDER_IMPLEMENTATION
#include <leadfeeder/leadfeeder.hpp>
