#include "core/plugin/library.h"

#include <dlfcn.h>

namespace nuanxin {

namespace {
#ifdef __EMSCRIPTEN__
bool g_dynamicLoading = false;
#else
bool g_dynamicLoading = true;
#endif
} // namespace

bool dynamicLoading() {
    return g_dynamicLoading;
}
void setDynamicLoading(bool available) {
    g_dynamicLoading = available;
}

std::shared_ptr<LoadedLibrary> LoadedLibrary::open(const std::string& path, std::string& error) {
    if (!g_dynamicLoading) {
        error = "this program was not linked for dynamic loading (-sMAIN_MODULE)";
        return nullptr;
    }
    // A path without a slash would make dlopen search the library path instead of this file.
    const std::string name = path.find('/') == std::string::npos ? "./" + path : path;
    void* handle = dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = dlerror();
        error = why != nullptr ? why : "dlopen failed";
        return nullptr;
    }
    return std::shared_ptr<LoadedLibrary>(new LoadedLibrary(handle));
}

LoadedLibrary::~LoadedLibrary() {
    if (m_handle != nullptr) dlclose(m_handle);
}

void* LoadedLibrary::symbol(const char* name) const {
    return dlsym(m_handle, name);
}

ModuleFormat sniffModuleFormat(const std::string& header) {
    if (header.size() >= 4 && header.compare(0, 4, std::string("\0asm", 4)) == 0) {
        return ModuleFormat::Wasm;
    }
    if (header.size() >= 18 && header.compare(0, 4,
                                              "\x7f"
                                              "ELF") == 0) {
        // e_type at offset 16, in the byte order of e_ident[EI_DATA] (1 little, 2 big); 3 = ET_DYN.
        const auto lo = static_cast<unsigned char>(header[header[5] == 2 ? 17 : 16]);
        const auto hi = static_cast<unsigned char>(header[header[5] == 2 ? 16 : 17]);
        return (lo == 3 && hi == 0) ? ModuleFormat::ElfSharedObject : ModuleFormat::ElfOther;
    }
    return ModuleFormat::Unknown;
}

ModuleFormat loadableFormat() {
#ifdef __EMSCRIPTEN__
    return ModuleFormat::Wasm;
#else
    return ModuleFormat::ElfSharedObject;
#endif
}

} // namespace nuanxin
