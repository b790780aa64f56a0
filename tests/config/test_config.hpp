// SPDX-License-Identifier: MIT
// A user configuration file, named by LEADFEEDER_CONFIG_FILE on the command line.
#pragma once
#define LEADFEEDER_MAX_JSON_DEPTH 4
#define LEADFEEDER_HAS_EXCEPTIONS 0
