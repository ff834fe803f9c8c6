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

# nuanxin_cli_test(NAME name RC code ARGS a|b|c [MATCH regex...] [NOMATCH regex])
# Registers cli.<name>: runs the built `nuanxin` (under Node in an Emscripten build) with the
# '|'-separated ARGS in the calling folder's build-tree "work" folder and checks its exit code
# and output (tests/cli/run_cli.cmake).
function(nuanxin_cli_test)
  cmake_parse_arguments(T "" "NAME;RC;ARGS;NOMATCH" "MATCH" ${ARGN})
  set(defs)
  set(i 1)
  foreach(m ${T_MATCH})
    list(APPEND defs "-DMATCH${i}=${m}")
    math(EXPR i "${i} + 1")
  endforeach()
  if(T_NOMATCH)
    list(APPEND defs "-DNOMATCH=${T_NOMATCH}")
  endif()
  set(workdir "${CMAKE_CURRENT_BINARY_DIR}/work")
  file(MAKE_DIRECTORY "${workdir}")
  set(runner "")
  if(EMSCRIPTEN)
    set(runner "node|--no-experimental-fetch")
  endif()
  add_test(NAME cli.${T_NAME}
    COMMAND "${CMAKE_COMMAND}" "-DRUNNER=${runner}" "-DCLI=$<TARGET_FILE:nuanxin>"
            "-DARGS=${T_ARGS}" "-DRC=${T_RC}" "-DWORKDIR=${workdir}" ${defs}
            -P "${CMAKE_SOURCE_DIR}/tests/cli/run_cli.cmake")
endfunction()
