// Boost.JSON's implementation for the -fno-exceptions program, compiled WITH exceptions: Boost
// 1.81 and 1.82 need them for src.hpp (1.83 builds it without). Only Boost.JSON's own functions
// come from here; the leadfeeder code of the program is all in the -fno-exceptions unit.
#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>
