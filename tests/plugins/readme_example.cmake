# Compiles the example plugin of plugins/README.md (its one ```c block) in an empty folder with
# only nuanxin_plugin.h beside it, as a region's vendor would, then runs the example suite of
# plugin_tests on the result. WORLD native: the system C compiler, a .so; node: emcc, a side module.
file(REMOVE_RECURSE "${WORKDIR}")
file(MAKE_DIRECTORY "${WORKDIR}")
file(READ "${README}" text)
string(REGEX MATCH "```c\n(.*)\n```" found "${text}")
if(NOT found)
  message(FATAL_ERROR "no ```c block in ${README}")
endif()
file(WRITE "${WORKDIR}/example_plugin.c" "${CMAKE_MATCH_1}\n")
file(COPY "${HEADER_DIR}/nuanxin_plugin.h" DESTINATION "${WORKDIR}")

if(WORLD STREQUAL "node")
  set(compile "${CC}" -O2 -sSIDE_MODULE=1 -I. example_plugin.c -o example_plugin.so)
  set(run node --no-experimental-fetch "${TEST_PROGRAM}")
else()
  set(compile "${CC}" -std=c99 -Wall -Wextra -Werror -O2 -shared -fPIC -I. example_plugin.c -o example_plugin.so)
  set(run "${TEST_PROGRAM}")
endif()
execute_process(COMMAND ${compile} WORKING_DIRECTORY "${WORKDIR}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling the README example failed (${rc}): ${compile}")
endif()
string(REPLACE "|" ";" args "${TEST_ARGS}")
execute_process(COMMAND ${run} --run_test=plugin_example --report_level=short --
                        ${args} "--example=${WORKDIR}/example_plugin.so"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the example suite failed (${rc})")
endif()
