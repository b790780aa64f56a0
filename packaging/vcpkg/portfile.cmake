# SPDX-License-Identifier: MIT
# vcpkg port of leadfeeder-cpp (header-only). As an overlay port it builds the checkout it lives in:
#   vcpkg install leadfeeder --overlay-ports=<repository>/packaging/vcpkg
# For a registry, replace SOURCE_PATH with vcpkg_from_github(OUT_SOURCE_PATH SOURCE_PATH
# REPO <owner>/leadfeeder-cpp REF "v${VERSION}" SHA512 <hash>).
set(VCPKG_BUILD_TYPE release)  # header-only: one configuration is enough
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DLEADFEEDER_BUILD_TESTS=OFF
        -DLEADFEEDER_BUILD_EXAMPLES=OFF
        -DLEADFEEDER_TEST_HEADERS=OFF
        -DLEADFEEDER_TEST_COMPILE_FAIL=OFF
        -DLEADFEEDER_INSTALL=ON
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(PACKAGE_NAME leadfeeder CONFIG_PATH share/leadfeeder/cmake)
vcpkg_fixup_pkgconfig()

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug")
if(EXISTS "${SOURCE_PATH}/LICENSE")
    vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
else()
    # The repository has no LICENSE file yet; the single header declares SPDX-License-Identifier: MIT.
    file(WRITE "${CURRENT_PACKAGES_DIR}/share/${PORT}/copyright" "SPDX-License-Identifier: MIT\n")
endif()
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
