# Warnings for project code only (third-party sources get their own, quieter flags).
add_library(nuanxin_warnings INTERFACE)
target_compile_options(nuanxin_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
