# Script mode: `nuanxin demo --households 2000 --seed 7` natively and under Node, in binary
# and in JSON; the files must be byte for byte the same.
if(NOT EXISTS "${WASM}")
  message(FATAL_ERROR "${WASM} is missing: build the Emscripten tree first")
endif()
foreach(ext nxd json)
  file(REMOVE "${WORKDIR}/a.${ext}" "${WORKDIR}/b.${ext}")
  execute_process(COMMAND "${NATIVE}" demo --households 2000 --seed 7 --out a.${ext}
    WORKING_DIRECTORY "${WORKDIR}" RESULT_VARIABLE rc_a OUTPUT_VARIABLE out_a ERROR_VARIABLE err_a)
  execute_process(COMMAND node --no-experimental-fetch "${WASM}"
                          demo --households 2000 --seed 7 --out b.${ext}
    WORKING_DIRECTORY "${WORKDIR}" RESULT_VARIABLE rc_b OUTPUT_VARIABLE out_b ERROR_VARIABLE err_b)
  if(NOT rc_a EQUAL 0 OR NOT rc_b EQUAL 0)
    message(FATAL_ERROR "demo failed: native ${rc_a} ${out_a}${err_a}; node ${rc_b} ${out_b}${err_b}")
  endif()
  file(SIZE "${WORKDIR}/a.${ext}" size_a)
  file(SIZE "${WORKDIR}/b.${ext}" size_b)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORKDIR}/a.${ext}" "${WORKDIR}/b.${ext}"
    RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    message(FATAL_ERROR ".${ext}: native (${size_a} bytes) and Node (${size_b} bytes) files differ")
  endif()
  message(".${ext}: identical, ${size_a} bytes")
endforeach()
