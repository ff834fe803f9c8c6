#pragma once
// Region plugins in the browser: the built-ins; side modules deployed with the page (the site's
// plugins/manifest.json, approved in plugins/approvals.sha256), which the page checks with
// nuanxin_plugin_check() before compiling them; and side modules an administrator uploads at run
// time. nuanxin_glue.js compiles both kinds asynchronously with FS.createPreloadedFile, then asks
// the host to dlopen the compiled module (TOOLCHAIN.md quirk 7).
namespace nuanxin {

class App;

/// @brief Registers the built-in plugins and lets the hooks read the app's data set.
/// Call once from main(); the program is linked -sMAIN_MODULE, so dlopen may be used.
void attachWebPlugins(const App& app);

} // namespace nuanxin
