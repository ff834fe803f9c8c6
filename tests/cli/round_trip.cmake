# Script mode: `nuanxin demo` writes a data set in both formats, `nuanxin info --json` reads
# each back, and the counts must be the ones asked for (households) and equal between formats.
string(REPLACE "|" ";" runner "${RUNNER}")
foreach(ext json nxd)
  file(REMOVE "${WORKDIR}/round_trip.${ext}")
  execute_process(COMMAND ${runner} ${CLI} --lang en demo --households 120 --seed 5
                          --out round_trip.${ext}
    WORKING_DIRECTORY "${WORKDIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT EXISTS "${WORKDIR}/round_trip.${ext}")
    message(FATAL_ERROR "demo .${ext} failed (${rc}): ${out}${err}")
  endif()
  if(EXISTS "${WORKDIR}/round_trip.${ext}.tmp")
    message(FATAL_ERROR "demo left round_trip.${ext}.tmp behind")
  endif()
  execute_process(COMMAND ${runner} ${CLI} info round_trip.${ext} --json
    WORKING_DIRECTORY "${WORKDIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE info_${ext} ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "info .${ext} failed (${rc}): ${info_${ext}}${err}")
  endif()
  if(NOT info_${ext} MATCHES "^{\"households\":120,")
    message(FATAL_ERROR "info .${ext} does not report 120 households: ${info_${ext}}")
  endif()
  # 120 households spread over three provinces: each province key is present.
  foreach(p 13 14 51)
    if(NOT info_${ext} MATCHES "\"households_by_province\":{[^}]*\"${p}\":[1-9]")
      message(FATAL_ERROR "info .${ext}: no households in province ${p}: ${info_${ext}}")
    endif()
  endforeach()
endforeach()
if(NOT info_json STREQUAL info_nxd)
  message(FATAL_ERROR "JSON and binary files differ in content:\n${info_json}\n${info_nxd}")
endif()
message("${info_json}")
