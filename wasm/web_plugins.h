#pragma once
// Region plugins in the browser: the built-ins; side modules deployed with the page (the site's
// plugins/manifest.json, approved in plugins/approvals.sha256), which the page checks with
// nuanxin_plugin_check() before compiling them; and side modules an administrator uploads at run
// time, which the page keeps in IndexedDB and loads again at the next start (web_plugins_kept.cpp).
// nuanxin_glue.js compiles every kind asynchronously with FS.createPreloadedFile, then asks
// the host to dlopen the compiled module (TOOLCHAIN.md quirk 7).
#include "core/i18n/tr.h"

namespace nuanxin {

class App;
class PluginHost;

/// @brief Registers the built-in plugins and lets the hooks read the app's data set.
/// Call once from main(); the program is linked -sMAIN_MODULE, so dlopen may be used.
void attachWebPlugins(const App& app);
/// @brief The page's one plugin host (web_plugins_kept.cpp adds and removes uploads in it).
PluginHost& webPluginHost();
/// @brief The language the page shows (Chinese until the app is attached).
Lang webPluginLang();

} // namespace nuanxin
