# nuanxin_boost_suites(TARGET exe PREFIX name SOURCES files... [ARGS extra...])
# Registers one CTest test per Boost.Test suite found in SOURCES (BOOST_AUTO_TEST_SUITE(x)),
# so a suite is named once, in its source, and CTest's summary lists each of them.
# Natively the test runs the executable; in an Emscripten build CMake runs it through
# CMAKE_CROSSCOMPILING_EMULATOR (node). COMMAND_PREFIX replaces the executable (e.g. node and
# a .js file of another build tree). Extra ARGS go to the suites after "--".
function(nuanxin_boost_suites)
  cmake_parse_arguments(S "" "TARGET;PREFIX" "COMMAND_PREFIX;SOURCES;ARGS" ${ARGN})
  set(suites)
  foreach(src ${S_SOURCES})
    file(STRINGS "${src}" lines REGEX "^BOOST_AUTO_TEST_SUITE\\(")
    foreach(line ${lines})
      string(REGEX REPLACE "^BOOST_AUTO_TEST_SUITE\\(([A-Za-z0-9_]+).*" "\\1" suite "${line}")
      list(APPEND suites ${suite})
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES suites)
  foreach(suite ${suites})
    if(S_COMMAND_PREFIX)
      set(cmd ${S_COMMAND_PREFIX})
    else()
      # The bare target name (not $<TARGET_FILE>) lets CTest prepend the emulator (node).
      set(cmd ${S_TARGET})
    endif()
    add_test(NAME ${S_PREFIX}.${suite}
      COMMAND ${cmd} --run_test=${suite} --report_level=short -- ${S_ARGS})
  endforeach()
  set(NUANXIN_LAST_SUITES ${suites} PARENT_SCOPE)
endfunction()
