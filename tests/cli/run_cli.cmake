# Script mode: runs the nuanxin CLI once and checks its exit code and output.
#   RUNNER   optional program in front (node for the Emscripten build), "|"-separated
#   CLI      the nuanxin executable (or nuanxin.js)
#   ARGS     its arguments, "|"-separated
#   RC       expected exit code
#   MATCH1..MATCH4  optional regular expressions (not "|"-separated: they may use "|"),
#            each must match stdout+stderr
#   NOMATCH  optional regular expression that must not match
#   WORKDIR  folder to run in
string(REPLACE "|" ";" runner "${RUNNER}")
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${runner} ${CLI} ${args}
  WORKING_DIRECTORY "${WORKDIR}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
message("exit ${rc}\n--- output ---\n${all}")
if(NOT "${rc}" STREQUAL "${RC}")
  message(FATAL_ERROR "expected exit code ${RC}, got ${rc}")
endif()
foreach(i 1 2 3 4)
  if(DEFINED MATCH${i} AND NOT "${all}" MATCHES "${MATCH${i}}")
    message(FATAL_ERROR "output does not match: ${MATCH${i}}")
  endif()
endforeach()
if(DEFINED NOMATCH AND "${all}" MATCHES "${NOMATCH}")
  message(FATAL_ERROR "output must not match: ${NOMATCH}")
endif()
