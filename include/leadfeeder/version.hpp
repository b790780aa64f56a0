// leadfeeder-cpp: the library version. CMake, the packaging files and the single header read it here.
#pragma once

#define LEADFEEDER_VERSION_MAJOR 0
#define LEADFEEDER_VERSION_MINOR 1
#define LEADFEEDER_VERSION_PATCH 0

#define LEADFEEDER_DETAIL_STRINGIFY2(x) #x
#define LEADFEEDER_DETAIL_STRINGIFY(x) LEADFEEDER_DETAIL_STRINGIFY2(x)

/// The version as text, e.g. "0.1.0".
#define LEADFEEDER_VERSION_STRING                                                                    \
  LEADFEEDER_DETAIL_STRINGIFY(LEADFEEDER_VERSION_MAJOR)                                              \
  "." LEADFEEDER_DETAIL_STRINGIFY(LEADFEEDER_VERSION_MINOR) "." LEADFEEDER_DETAIL_STRINGIFY(         \
      LEADFEEDER_VERSION_PATCH)

/// The version as one number: major * 10000 + minor * 100 + patch.
#define LEADFEEDER_VERSION                                                                           \
  (LEADFEEDER_VERSION_MAJOR * 10000 + LEADFEEDER_VERSION_MINOR * 100 + LEADFEEDER_VERSION_PATCH)
