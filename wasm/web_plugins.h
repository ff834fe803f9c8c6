#pragma once
// Region plugins in the browser: the built-ins, plus side modules an administrator uploads at run
// time (nuanxin_glue.js compiles them asynchronously with FS.createPreloadedFile, then asks
// nuanxin_plugin_load() to dlopen the compiled module; TOOLCHAIN.md quirk 7).
namespace nuanxin {

class App;

/// @brief Registers the built-in plugins and lets the hooks read the app's data set.
/// Call once from main(); the program is linked -sMAIN_MODULE, so dlopen may be used.
void attachWebPlugins(const App& app);

} // namespace nuanxin
