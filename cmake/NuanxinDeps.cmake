# Third-party code, all from Debian packages (see scripts/setup.sh):
#  nuanxin::headers  cereal, rapidjson, Boost, LEMON (header-only). Natively they are found in
#                    /usr/include; em++ gets a folder of links to them instead, because adding
#                    /usr/include itself would pull glibc's headers into the browser build.
#  nuanxin::imgui    Dear ImGui 1.86 compiled from Debian's source package (same sources both ways).
add_library(nuanxin_headers INTERFACE)
add_library(nuanxin::headers ALIAS nuanxin_headers)
if(EMSCRIPTEN)
  if(NOT EXISTS "${NUANXIN_DEPS_DIR}/include/cereal")
    message(FATAL_ERROR "${NUANXIN_DEPS_DIR}/include/cereal is missing: run scripts/setup.sh first")
  endif()
  target_include_directories(nuanxin_headers SYSTEM INTERFACE "${NUANXIN_DEPS_DIR}/include")
else()
  foreach(header cereal/cereal.hpp rapidjson/document.h lemon/network_simplex.h boost/version.hpp)
    if(NOT EXISTS "/usr/include/${header}")
      message(FATAL_ERROR "/usr/include/${header} is missing: run scripts/setup.sh first")
    endif()
  endforeach()
endif()
# cereal's JSON archive uses Debian's unbundled rapidjson; say so explicitly.
target_compile_definitions(nuanxin_headers INTERFACE CEREAL_RAPIDJSON_NAMESPACE=rapidjson)

if(NUANXIN_BUILD_UI)
  set(NUANXIN_IMGUI_DIR "${NUANXIN_DEPS_DIR}/imgui-1.86")
  if(NOT EXISTS "${NUANXIN_IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "${NUANXIN_IMGUI_DIR}/imgui.cpp is missing: run scripts/setup.sh first")
  endif()
  add_library(nuanxin_imgui STATIC
    "${NUANXIN_IMGUI_DIR}/imgui.cpp"
    "${NUANXIN_IMGUI_DIR}/imgui_draw.cpp"
    "${NUANXIN_IMGUI_DIR}/imgui_tables.cpp"
    "${NUANXIN_IMGUI_DIR}/imgui_widgets.cpp"
    "${NUANXIN_IMGUI_DIR}/backends/imgui_impl_glfw.cpp")
  add_library(nuanxin::imgui ALIAS nuanxin_imgui)
  target_include_directories(nuanxin_imgui SYSTEM PUBLIC
    "${NUANXIN_IMGUI_DIR}" "${NUANXIN_IMGUI_DIR}/backends")
  # No obsolete API: the project must compile against the current names only.
  target_compile_definitions(nuanxin_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
  if(EMSCRIPTEN)
    target_link_options(nuanxin_imgui PUBLIC "SHELL:-s USE_GLFW=3" "SHELL:-s USE_WEBGL2=1"
      "SHELL:-s FULL_ES3=1" "SHELL:-s MIN_WEBGL_VERSION=2" "SHELL:-s MAX_WEBGL_VERSION=2")
  else()
    find_package(glfw3 REQUIRED)
    find_package(OpenGL REQUIRED)
    target_link_libraries(nuanxin_imgui PUBLIC glfw OpenGL::GL ${CMAKE_DL_LIBS})
  endif()
endif()

#  nuanxin::sodium   libsodium (Debian's natively, its source package compiled for the browser).
include(NuanxinSodium)
