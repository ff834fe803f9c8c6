# Helpers of the CLI's script-mode tests (cli_store.cmake, cli_crypto.cmake): run the `nuanxin`
# command (CLI) in WORKDIR and check its exit status and output.
#   run(EXPECTED_RC args...): runs `CLI --lang en args...` with NUANXIN_PASSPHRASE unset (so the
#     caller's environment cannot open an encrypted store) plus the variables of ENVIRONMENT
#     ("NAME=value" items; empty: none); prints the command and its output; the output is kept
#     in `last` for expect().
#   expect(REGEX): the last output must match.
function(run expected_rc)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=NUANXIN_PASSPHRASE ${ENVIRONMENT}
    ${CLI} --lang en ${ARGN} WORKING_DIRECTORY "${WORKDIR}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
    # Never a terminal: on one, the CLI would ask for a missing passphrase and wait.
    INPUT_FILE /dev/null)
  set(last "${out}${err}" PARENT_SCOPE)
  message("$ ${ENVIRONMENT} nuanxin ${ARGN}\n${out}${err}(exit ${rc})")
  if(NOT rc EQUAL expected_rc)
    message(FATAL_ERROR "expected exit ${expected_rc}, got ${rc}")
  endif()
endfunction()
function(expect regex)
  if(NOT last MATCHES "${regex}")
    message(FATAL_ERROR "output does not match: ${regex}")
  endif()
endfunction()
