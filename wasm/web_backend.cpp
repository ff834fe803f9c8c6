// Compiled without exceptions: it calls EM_JS functions (see wasm/CMakeLists.txt).
#include "wasm/web_backend.h"

#include <cstdlib>
#include <string>

#include <emscripten.h>

// localStorage can throw (storage disabled, private mode quotas): settings then simply are not
// kept, as the Backend contract allows. Keys get a prefix so other apps on the origin don't clash.
EM_JS(char*, nx_setting_get, (const char* key), {
    try {
        const value = window.localStorage.getItem('nuanxin.' + UTF8ToString(key));
        if (value === null) return 0;
        const size = lengthBytesUTF8(value) + 1;
        const out = _malloc(size);
        stringToUTF8(value, out, size);
        return out;
    } catch (e) {
        return 0;
    }
});

EM_JS(void, nx_setting_set, (const char* key, const char* value), {
    try {
        window.localStorage.setItem('nuanxin.' + UTF8ToString(key), UTF8ToString(value));
    } catch (e) {
    }
});

EM_JS(int, nx_demo_requested, (), {
    try {
        return new URLSearchParams(window.location.search).has('demo') ? 1 : 0;
    } catch (e) {
        return 0;
    }
});

// nuanxin_glue.js owns the inputs and the download link (Module.nuanxinFiles).
EM_JS(void, nx_pick_file, (int purpose, const char* accept), {
    if (Module.nuanxinFiles) Module.nuanxinFiles.pick(purpose, UTF8ToString(accept));
});

EM_JS(void, nx_download, (const char* name, const char* bytes, int size, const char* mime), {
    if (!Module.nuanxinFiles) return;
    // A copy: the heap may move (memory growth) before the browser reads the Blob.
    const data = HEAPU8.slice(bytes, bytes + size);
    Module.nuanxinFiles.download(UTF8ToString(name), data, UTF8ToString(mime));
});

namespace nuanxin {

std::optional<std::string> WebBackend::loadSetting(std::string_view key) const {
    char* raw = nx_setting_get(std::string(key).c_str());
    if (raw == nullptr) return std::nullopt;
    std::string value(raw);
    std::free(raw);
    return value;
}

void WebBackend::saveSetting(std::string_view key, std::string_view value) {
    nx_setting_set(std::string(key).c_str(), std::string(value).c_str());
}

bool WebBackend::demoRequested() const {
    return nx_demo_requested() != 0;
}

void WebBackend::pickFile(FilePurpose purpose, std::string_view accept) {
    nx_pick_file(static_cast<int>(purpose), std::string(accept).c_str());
}

void WebBackend::download(std::string_view name, std::string_view bytes, std::string_view mime) {
    nx_download(std::string(name).c_str(), bytes.data(), static_cast<int>(bytes.size()),
                std::string(mime).c_str());
}

} // namespace nuanxin
