// The calls from C++ into the page (wasm/web_store.js, wasm/nuanxin_plugins.js). Alone in a file
// compiled without exceptions: in a -sMAIN_MODULE program, Emscripten 3.1.6 routes a call where an
// exception may pass through invoke_* by address, which EM_JS functions cannot give.
#include "wasm/web_store_js.h"

#include <emscripten.h>

EM_JS(void, nx_store_persist, (), {
    if (Module.nuanxinStore) Module.nuanxinStore.persist();
});

EM_JS(int, nx_store_persistent, (), {
    return Module.nuanxinStore && Module.nuanxinStore.persistent() ? 1 : 0;
});

EM_JS(void, nx_plugin_compile_kept, (const char* path), {
    if (Module.nuanxinPluginLoader) Module.nuanxinPluginLoader.loadKept(UTF8ToString(path));
});

namespace nuanxin::webjs {

void persistStore() {
    nx_store_persist();
}

bool storePersistent() {
    return nx_store_persistent() != 0;
}

void compileKeptPlugin(const std::string& keptPath) {
    nx_plugin_compile_kept(keptPath.c_str());
}

} // namespace nuanxin::webjs
