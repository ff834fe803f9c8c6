#pragma once
// Calls from C++ into the page's JavaScript (wasm/web_store.js, wasm/nuanxin_plugins.js), implemented
// in web_store_js.cpp, a file compiled without exceptions (see there).
#include <cstdint>
#include <string>

namespace nuanxin::webjs {

/// @brief Asks the page to copy the IndexedDB mount to IndexedDB (FS.syncfs; coalesced there).
void persistStore();
/// @brief False when IndexedDB could not be loaded: the store then lives in memory only.
[[nodiscard]] bool storePersistent();
/// @brief Asks the page to compile the approved plugin file `keptPath` asynchronously and then
/// load it (nuanxin_plugins.js, which calls nuanxin_plugin_load_kept when the module is ready).
void compileKeptPlugin(const std::string& keptPath);

} // namespace nuanxin::webjs
