# Deploys plugin files into a served site's plugins/ folder as an administrator would: copies each
# file, lists it in manifest.json (a page cannot list a folder; nuanxin_glue.js loads the files in
# this order) and approves it with its SHA-256 in approvals.sha256 (sha256sum's format, read by
# core/plugin/approvals.cpp, as on the desktop).
#   cmake -DOUT=<site>/plugins "-DFILES=a.so;b.so" -P site_plugins.cmake
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(names "")
set(approvals "")
foreach(f IN LISTS FILES)
  get_filename_component(name "${f}" NAME)
  file(COPY_FILE "${f}" "${OUT}/${name}")
  file(SHA256 "${f}" hash)
  list(APPEND names "\"${name}\"")
  string(APPEND approvals "${hash}  ${name}\n")
endforeach()
list(JOIN names ", " listed)
file(WRITE "${OUT}/approvals.sha256" "${approvals}")
file(WRITE "${OUT}/manifest.json" "{\"plugins\": [${listed}]}\n")
