// The calls from the browser store into the page (wasm/web_store.js) and the browser's clock.
// Alone in a file compiled without exceptions: in a -sMAIN_MODULE program, Emscripten 3.1.6
// routes a call where an exception may pass through invoke_* by address, which EM_JS functions
// and some library functions (emscripten_date_now: "reading 'slice'" at start) cannot give.
#include "wasm/web_store_js.h"

#include <emscripten.h>
#include <emscripten/html5.h>

EM_JS(void, nx_store_persist, (), {
    if (Module.nuanxinStore) Module.nuanxinStore.persist();
});

EM_JS(void, nx_store_texts, (const char* button, const char* busy), {
    if (Module.nuanxinStore) Module.nuanxinStore.texts(UTF8ToString(button), UTF8ToString(busy));
});

EM_JS(int, nx_store_persistent, (), {
    return Module.nuanxinStore && Module.nuanxinStore.persistent() ? 1 : 0;
});

namespace nuanxin::webjs {

void persistStore() {
    nx_store_persist();
}

void setImportTexts(const char* button, const char* busy) {
    nx_store_texts(button, busy);
}

bool storePersistent() {
    return nx_store_persistent() != 0;
}

std::int64_t nowSeconds() {
    return static_cast<std::int64_t>(emscripten_date_now() / 1000.0);
}

} // namespace nuanxin::webjs
