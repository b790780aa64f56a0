# SPDX-License-Identifier: MIT
# Writes OUTPUT, a C++ file whose lfsim::embedded_description() returns the bytes of INPUT (the API
# description), so that the simulator never reads the repository at run time.
#   cmake -DINPUT=api/leadfeeder-v1.json -DOUTPUT=description_embedded.cpp -P embed_description.cmake
file(READ "${INPUT}" _hex HEX)
string(LENGTH "${_hex}" _hex_length)
math(EXPR _size "${_hex_length} / 2")
# 24 bytes a line (CMake's regular expressions have no {n}).
string(REPEAT "[0-9a-f]" 48 _line)
string(REGEX REPLACE "(${_line})" "\\1\n" _hex "${_hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," _bytes "${_hex}")
file(WRITE "${OUTPUT}.tmp"
"// Written by simulator/embed_description.cmake from api/leadfeeder-v1.json. Do not edit.
#include \"description.hpp\"

namespace lfsim {
namespace {
char const bytes[${_size} + 1] = {
${_bytes}'\\0'};
}  // namespace

std::string_view embedded_description() { return std::string_view(bytes, ${_size}); }

}  // namespace lfsim
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
