# SPDX-License-Identifier: MIT
# leadfeeder_cli_catalogue.hpp, the operations of api/leadfeeder-v1.json that `leadfeeder doctor`
# checks (examples/cli/doctor.hpp), written at build time by tools/openapi_document.py so that it
# always follows the description. Included by examples/cli and tests (test_cli.cpp); the target
# leadfeeder_cli_catalogue writes it, LEADFEEDER_CLI_CATALOGUE_DIR is the folder to include.
include_guard(GLOBAL)
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(LEADFEEDER_CLI_CATALOGUE_DIR ${PROJECT_BINARY_DIR}/cli_catalogue CACHE INTERNAL "")
add_custom_command(
  OUTPUT ${LEADFEEDER_CLI_CATALOGUE_DIR}/leadfeeder_cli_catalogue.hpp
  COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/openapi_document.py
          --description ${PROJECT_SOURCE_DIR}/api/leadfeeder-v1.json
          --catalogue-hpp ${LEADFEEDER_CLI_CATALOGUE_DIR}/leadfeeder_cli_catalogue.hpp
  DEPENDS ${PROJECT_SOURCE_DIR}/tools/openapi_document.py ${PROJECT_SOURCE_DIR}/api/leadfeeder-v1.json
  COMMENT "Writing the CLI's operation catalogue from api/leadfeeder-v1.json"
  VERBATIM)
add_custom_target(leadfeeder_cli_catalogue DEPENDS ${LEADFEEDER_CLI_CATALOGUE_DIR}/leadfeeder_cli_catalogue.hpp)
