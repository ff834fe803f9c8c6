#pragma once
// The store in the browser: a store folder inside Emscripten's IDBFS mount, which
// wasm/web_store.js fills from IndexedDB before main() runs and writes back to IndexedDB after
// every durable commit. Households CSV files come in through the page's file input and go
// through the same import code as the CLI (core/io).
//
// What the page shows: the store's data as soon as it holds any record; while it is empty (a
// first visit, a fresh browser profile) the preloaded demo data set, so the dashboard is never
// blank. The dashboard's "data file" line names which of the two is shown.
#include "core/i18n/tr.h"

namespace nuanxin {

class App;

/// @brief Where IDBFS is mounted (wasm/web_store.js mounts and loads it) and the store in it.
inline constexpr const char* kWebStoreMount = "/nuanxin-store";
inline constexpr const char* kWebStoreDir = "/nuanxin-store/store";

/// @brief Opens (creating) the store and shows its data when it holds any. Call once from
/// main() after App::init(); the page's import then works.
void attachWebStore(App& app);
/// @brief Puts the page's import texts in `lang` (at the first frame and on a language switch).
void webStoreTexts(Lang lang);

} // namespace nuanxin
