# Script mode: writes OUT, a C++ file holding IN's bytes as a char array named SYMBOL.
# Hex bytes rather than a raw string literal: no length limits, no delimiter clashes.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){32})" "\\1\n" body "${body}")
file(WRITE "${OUT}" "// Generated from ${IN} by cmake/embed_file.cmake; do not edit.\n"
  "namespace nuanxin::embedded {\n"
  "extern const char ${SYMBOL}[];\nextern const unsigned long ${SYMBOL}_size;\n"
  "const char ${SYMBOL}[] = {\n${body}'\\0'};\n"
  "const unsigned long ${SYMBOL}_size = ${size};\n}\n")
