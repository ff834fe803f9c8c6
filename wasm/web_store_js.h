#pragma once
// Calls from the browser store into wasm/web_store.js (implemented in web_store_js.cpp).
#include <cstdint>

namespace nuanxin::webjs {

/// @brief Asks the page to copy the store folder to IndexedDB (FS.syncfs; coalesced there).
void persistStore();
/// @brief The texts of the page's import button and of its "busy" line.
void setImportTexts(const char* button, const char* busy);
/// @brief False when IndexedDB could not be loaded: the store then lives in memory only.
[[nodiscard]] bool storePersistent();
/// @brief The browser's clock, in seconds since 1970 (the core never reads a clock itself).
[[nodiscard]] std::int64_t nowSeconds();

} // namespace nuanxin::webjs
