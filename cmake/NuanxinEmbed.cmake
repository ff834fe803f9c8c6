# nuanxin_embed(TARGET target SYMBOL name FILE path)
# Compiles a text file into `target` as `extern const char name[]` (NUL-terminated) plus
# `extern const unsigned long name_size`. Data the core needs everywhere (divisions) is embedded
# so that the desktop, the CLI, the tests and the browser read exactly the same bytes.
function(nuanxin_embed)
  cmake_parse_arguments(E "" "TARGET;SYMBOL;FILE" "" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embed_${E_SYMBOL}.cpp")
  add_custom_command(OUTPUT "${out}"
    COMMAND "${CMAKE_COMMAND}" -DIN=${E_FILE} -DOUT=${out} -DSYMBOL=${E_SYMBOL}
            -P "${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake"
    DEPENDS "${E_FILE}" "${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake"
    COMMENT "Embedding ${E_FILE}" VERBATIM)
  target_sources(${E_TARGET} PRIVATE "${out}")
endfunction()
