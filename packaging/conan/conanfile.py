# SPDX-License-Identifier: MIT
# Conan 2 recipe of leadfeeder-cpp (header-only). From the repository:
#   conan create packaging/conan --build=missing
# The sources are the checkout the recipe lives in; the package is what `cmake --install` puts in
# place (headers, CMake package, pkg-config file), with tests and examples off.
import os

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, rmdir

required_conan_version = ">=2.0"


class LeadfeederConan(ConanFile):
    name = "leadfeeder"
    version = "0.1.0"
    description = "Header-only C++17 client for the Leadfeeder public API (v1) over the host's own HTTP transport"
    license = "MIT"
    topics = ("leadfeeder", "api-client", "header-only", "boost-json")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    no_copy_source = True

    def export_sources(self):
        root = os.path.join(self.recipe_folder, os.pardir, os.pardir)
        for pattern in ("CMakeLists.txt", "LICENSE*", "cmake/*", "include/*"):
            copy(self, pattern, root, self.export_sources_folder)

    def layout(self):
        cmake_layout(self)

    def requirements(self):
        # Boost.JSON, used header-only (LEADFEEDER_BOOST_JSON_IMPL in one .cpp): Boost's headers are
        # all that is needed, whether or not the consumer builds Boost's libraries.
        self.requires("boost/[>=1.81.0]", transitive_headers=True)

    def validate(self):
        check_min_cppstd(self, 17)

    def package_id(self):
        self.info.clear()

    def generate(self):
        toolchain = CMakeToolchain(self)
        toolchain.cache_variables["LEADFEEDER_BUILD_TESTS"] = False
        toolchain.cache_variables["LEADFEEDER_BUILD_EXAMPLES"] = False
        toolchain.cache_variables["LEADFEEDER_TEST_HEADERS"] = False
        toolchain.cache_variables["LEADFEEDER_TEST_COMPILE_FAIL"] = False
        toolchain.cache_variables["LEADFEEDER_INSTALL"] = True
        toolchain.generate()
        CMakeDeps(self).generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()

    def package(self):
        copy(self, "LICENSE*", self.source_folder, os.path.join(self.package_folder, "licenses"))
        cmake = CMake(self)
        cmake.install()
        # Conan writes the consumers' CMake and pkg-config files from package_info(); the project's
        # own would compete with them.
        rmdir(self, os.path.join(self.package_folder, "share"))

    def package_info(self):
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        self.cpp_info.requires = ["boost::headers"]
        self.cpp_info.set_property("cmake_file_name", "leadfeeder")
        self.cpp_info.set_property("cmake_target_name", "leadfeeder::leadfeeder")
        self.cpp_info.set_property("pkg_config_name", "leadfeeder")
