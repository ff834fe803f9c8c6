# nuanxin::sodium: libsodium 1.0.18, which seals the store's files (core/store/crypto.*).
#  - natively: Debian's libsodium-dev (shared library and headers);
#  - with Emscripten: the same release compiled here from Debian's source package, which
#    scripts/setup.sh unpacks (with Debian's patches) into ${NUANXIN_DEPS_DIR}/libsodium-1.0.18.
#    Its autotools build needs a generated `configure` that the source package does not ship
#    (and autoconf/automake/libtool for em++), so CMake compiles the sources of libsodium's
#    `--enable-minimal` build itself, taking their list from the release's own
#    src/libsodium/Makefile.am: the browser gets exactly what upstream builds, nothing hand-picked.
#    The choices upstream's dist-build/emscripten.sh makes are kept: no assembly, no threads,
#    portable C implementations (the SIMD variants compile to empty objects without the
#    HAVE_*INTRIN_H switches), randomness from the browser's crypto.getRandomValues (Node:
#    crypto.randomBytes) through randombytes.c's own Emscripten path.
add_library(nuanxin_sodium INTERFACE)
add_library(nuanxin::sodium ALIAS nuanxin_sodium)

if(NOT EMSCRIPTEN)
  find_path(NUANXIN_SODIUM_INCLUDE sodium.h)
  find_library(NUANXIN_SODIUM_LIBRARY sodium)
  if(NOT NUANXIN_SODIUM_INCLUDE OR NOT NUANXIN_SODIUM_LIBRARY)
    message(FATAL_ERROR "libsodium is missing (Debian: libsodium-dev): run scripts/setup.sh first")
  endif()
  target_include_directories(nuanxin_sodium SYSTEM INTERFACE "${NUANXIN_SODIUM_INCLUDE}")
  target_link_libraries(nuanxin_sodium INTERFACE "${NUANXIN_SODIUM_LIBRARY}")
  return()
endif()

set(sodium_root "${NUANXIN_DEPS_DIR}/libsodium-1.0.18")
set(sodium_src "${sodium_root}/src/libsodium")
if(NOT EXISTS "${sodium_src}/Makefile.am")
  message(FATAL_ERROR "${sodium_src} is missing: run scripts/setup.sh first")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  "${sodium_src}/Makefile.am" "${sodium_root}/configure.ac")

# The first `libsodium_la_SOURCES = \ ...` block is what every build compiles (the minimal one
# adds nothing); of the conditional blocks only the portable Salsa20 applies (no amd64 assembly).
file(READ "${sodium_src}/Makefile.am" sodium_makefile)
string(REGEX MATCH "libsodium_la_SOURCES = \\\\\n([^\n]*\\\\\n)*[^\n]*\n" sodium_block
  "${sodium_makefile}")
string(REGEX MATCHALL "[A-Za-z0-9_./-]+\\.c" sodium_files "${sodium_block}")
list(LENGTH sodium_files sodium_count)
if(sodium_count LESS 40)
  message(FATAL_ERROR "${sodium_src}/Makefile.am: found ${sodium_count} sources, expected the "
    "release's list (about 60): the file's layout changed")
endif()
list(APPEND sodium_files crypto_stream/salsa20/ref/salsa20_ref.c)
list(TRANSFORM sodium_files PREPEND "${sodium_src}/")

# version.h from its template, with the numbers of the release's configure.ac.
file(READ "${sodium_root}/configure.ac" sodium_configure)
string(REGEX MATCH "AC_INIT\\(\\[libsodium\\],\\[([0-9.]+)\\]" _ "${sodium_configure}")
set(VERSION "${CMAKE_MATCH_1}")
string(REGEX MATCH "SODIUM_LIBRARY_VERSION_MAJOR=([0-9]+)" _ "${sodium_configure}")
set(SODIUM_LIBRARY_VERSION_MAJOR "${CMAKE_MATCH_1}")
string(REGEX MATCH "SODIUM_LIBRARY_VERSION_MINOR=([0-9]+)" _ "${sodium_configure}")
set(SODIUM_LIBRARY_VERSION_MINOR "${CMAKE_MATCH_1}")
set(SODIUM_LIBRARY_MINIMAL_DEF "#define SODIUM_LIBRARY_MINIMAL 1")
# The public headers are copied beside it: version.h includes "export.h" by its bare name.
set(sodium_generated "${CMAKE_BINARY_DIR}/libsodium/include")
file(COPY "${sodium_src}/include/sodium.h" "${sodium_src}/include/sodium"
  DESTINATION "${sodium_generated}" FILES_MATCHING PATTERN "*.h")
configure_file("${sodium_src}/include/sodium/version.h.in"
  "${sodium_generated}/sodium/version.h" @ONLY)

add_library(nuanxin_sodium_wasm STATIC ${sodium_files})
target_include_directories(nuanxin_sodium_wasm SYSTEM PUBLIC "${sodium_generated}")
# The library's own sources include "version.h" and "core.h" by their bare names.
target_include_directories(nuanxin_sodium_wasm PRIVATE "${sodium_generated}/sodium"
  "${sodium_src}/include/sodium")
# What libsodium's configure finds for this target: wasm is little-endian, has variable-length
# arrays and posix_memalign (musl); CONFIGURED says the switches were set on purpose.
target_compile_definitions(nuanxin_sodium_wasm PRIVATE CONFIGURED=1 NATIVE_LITTLE_ENDIAN=1
  HAVE_C_VARARRAYS=1 HAVE_POSIX_MEMALIGN=1 SODIUM_STATIC=1)
target_compile_options(nuanxin_sodium_wasm PRIVATE -O2 -w)
# Linked into the page, a -sMAIN_MODULE program (region plugins are side modules).
set_target_properties(nuanxin_sodium_wasm PROPERTIES POSITION_INDEPENDENT_CODE ON
  C_VISIBILITY_PRESET hidden)
target_link_libraries(nuanxin_sodium INTERFACE nuanxin_sodium_wasm)
