# nuanxin_cjk_font(TARGET name)
# Builds <build>/assets/nuanxin-cjk.ttf: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei) cut
# down to the characters nuanxin can show. The full TTC is 5 MB; the browser downloads the subset.
# The characters come from the sources themselves (cmake/collect_glyphs.py), so a new string,
# division name or built-in plugin's name is covered by the next build. Creates the custom
# target `name` with the property NUANXIN_FONT_FILE; both front ends read that one file.
set(NUANXIN_CJK_SOURCE_FONT "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc" CACHE FILEPATH
    "TrueType collection the CJK subset is cut from (face 0)")
# Debian's fonttools belongs to Debian's Python: call both by their absolute paths so that a
# different python3 first on PATH (a venv, emsdk's) cannot break the build.
find_program(NUANXIN_PYFTSUBSET pyftsubset PATHS /usr/bin NO_DEFAULT_PATH)
find_program(NUANXIN_SYSTEM_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)

function(nuanxin_cjk_font)
  cmake_parse_arguments(F "" "TARGET" "" ${ARGN})
  if(NOT NUANXIN_PYFTSUBSET OR NOT NUANXIN_SYSTEM_PYTHON OR NOT EXISTS "${NUANXIN_CJK_SOURCE_FONT}")
    message(FATAL_ERROR "CJK font subset needs /usr/bin/pyftsubset (fonttools), /usr/bin/python3 "
      "and ${NUANXIN_CJK_SOURCE_FONT} (fonts-wqy-microhei): run scripts/setup.sh")
  endif()
  file(GLOB glyph_sources CONFIGURE_DEPENDS
    "${CMAKE_SOURCE_DIR}/core/i18n/strings/*.inc"
    "${CMAKE_SOURCE_DIR}/assets/divisions/*.csv"
    "${CMAKE_SOURCE_DIR}/plugins/*/*.c"
    "${CMAKE_SOURCE_DIR}/core/demo/*.cpp"
    "${CMAKE_SOURCE_DIR}/core/demo/*.h"
    "${CMAKE_SOURCE_DIR}/ui/*.cpp"
    "${CMAKE_SOURCE_DIR}/ui/*/*.cpp")
  set(chars "${CMAKE_BINARY_DIR}/assets/nuanxin-cjk-chars.txt")
  set(font "${CMAKE_BINARY_DIR}/assets/nuanxin-cjk.ttf")
  file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/assets")
  add_custom_command(OUTPUT "${chars}"
    COMMAND "${NUANXIN_SYSTEM_PYTHON}" "${CMAKE_SOURCE_DIR}/cmake/collect_glyphs.py"
            "${chars}" ${glyph_sources}
    DEPENDS ${glyph_sources} "${CMAKE_SOURCE_DIR}/cmake/collect_glyphs.py"
    COMMENT "Collecting the characters of the CJK font subset" VERBATIM)
  # --no-hinting: ImGui's stb_truetype rasteriser ignores hints, they only cost bytes.
  add_custom_command(OUTPUT "${font}"
    COMMAND "${NUANXIN_PYFTSUBSET}" "${NUANXIN_CJK_SOURCE_FONT}" --font-number=0
            --text-file=${chars} --output-file=${font} --no-hinting --drop-tables+=FFTM
    DEPENDS "${chars}" "${NUANXIN_CJK_SOURCE_FONT}"
    COMMENT "Subsetting the CJK font to assets/nuanxin-cjk.ttf" VERBATIM)
  add_custom_target(${F_TARGET} DEPENDS "${font}")
  set_target_properties(${F_TARGET} PROPERTIES NUANXIN_FONT_FILE "${font}")
endfunction()
