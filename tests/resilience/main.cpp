// SPDX-License-Identifier: MIT
// The resilience suite's main: doctest's runner, and Boost.JSON's implementation compiled once.
// Suites: resilience_fault_memory, resilience_fault_simulator, resilience_rate_limit,
// resilience_tls (see tests/CMakeLists.txt, section "Resilience"). Environment:
//   LEADFEEDER_RESILIENCE_BASE_SEED      base seed of the scenario runs (printed by each run)
//   LEADFEEDER_RESILIENCE_SEED           replay one scenario by its seed (printed when it fails)
//   LEADFEEDER_RESILIENCE_SCENARIOS      scenarios of the in-memory run (default 3000)
//   LEADFEEDER_RESILIENCE_SIM_SCENARIOS  scenarios of the simulator run (default 1000)
//   LEADFEEDER_RESILIENCE_VERBOSE=1      print every scenario's seed and description
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#define LEADFEEDER_BOOST_JSON_IMPL
#include <leadfeeder/leadfeeder.hpp>
