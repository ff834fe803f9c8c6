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

} // namespace nuanxin
