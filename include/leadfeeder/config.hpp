// SPDX-License-Identifier: MIT
// leadfeeder-cpp: configuration macros. Every macro a user may set is listed in docs/embedding.md
// ("Configuration macros"); all of them must be set the same way in every translation unit.
#pragma once

#ifdef LEADFEEDER_CONFIG_FILE
#include LEADFEEDER_CONFIG_FILE
#endif

#include <leadfeeder/version.hpp>

#if defined(__has_include)
#if __has_include(<version>)
#include <version>
#endif
#endif

// Exceptions: detected from the compiler unless the user decides. With 0 the library never throws
// and the throwing helpers (result::value()) are left out.
#ifndef LEADFEEDER_HAS_EXCEPTIONS
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
#define LEADFEEDER_HAS_EXCEPTIONS 1
#else
#define LEADFEEDER_HAS_EXCEPTIONS 0
#endif
#endif

// The inline namespace that versions every symbol: leadfeeder::v0::client, ... . A build whose
// layout differs (exceptions off) gets another name, so differently configured translation units
// cannot silently link against each other's inline functions.
#if LEADFEEDER_HAS_EXCEPTIONS
#define LEADFEEDER_ABI_NAMESPACE v0
#else
#define LEADFEEDER_ABI_NAMESPACE v0_noexcept
#endif

#define LEADFEEDER_BEGIN_NAMESPACE \
  namespace leadfeeder {           \
  inline namespace LEADFEEDER_ABI_NAMESPACE {
#define LEADFEEDER_END_NAMESPACE \
  }                              \
  }

// The deepest JSON nesting the response parser accepts; deeper bodies are invalid_response.
#ifndef LEADFEEDER_MAX_JSON_DEPTH
#define LEADFEEDER_MAX_JSON_DEPTH 64
#endif

// Where the library's compiled part (the response parser, see leadfeeder.hpp) lives: by default in
// the one translation unit that defines LEADFEEDER_IMPLEMENTATION (or LEADFEEDER_BOOST_JSON_IMPL);
// with LEADFEEDER_HEADER_ONLY, inline in every unit that includes leadfeeder.hpp.
#if defined(LEADFEEDER_HEADER_ONLY)
#define LEADFEEDER_IMPL_INLINE inline
#else
#define LEADFEEDER_IMPL_INLINE
#endif

// For the few small functions every view accessor is made of (a member lookup by a literal key):
// inlined into the accessor, the key's characters become immediate operands.
#if defined(__GNUC__) || defined(__clang__)
#define LEADFEEDER_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define LEADFEEDER_ALWAYS_INLINE inline
#endif

#if defined(__cpp_concepts) && __cpp_concepts >= 201907L && defined(__cpp_lib_concepts)
#define LEADFEEDER_HAS_CONCEPTS 1
#else
#define LEADFEEDER_HAS_CONCEPTS 0
#endif
