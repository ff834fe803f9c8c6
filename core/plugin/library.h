#pragma once
#include <memory>
#include <string>

namespace nuanxin {

/// @brief A shared library (natively) or side module (Emscripten) opened with dlopen; closed
/// when the last owner lets go. The loader's only platform-dependent part.
/// In Emscripten, dlopen exists only in programs linked with -sMAIN_MODULE (elsewhere it aborts
/// the program), so there open() refuses until such a program has called setDynamicLoading(true).
class LoadedLibrary {
public:
    /// @brief Opens `path` (RTLD_NOW | RTLD_LOCAL); null with the loader's message in `error`.
    [[nodiscard]] static std::shared_ptr<LoadedLibrary> open(const std::string& path,
                                                             std::string& error);
    ~LoadedLibrary();
    LoadedLibrary(const LoadedLibrary&) = delete;
    LoadedLibrary& operator=(const LoadedLibrary&) = delete;

    /// @brief Address of an exported symbol; null when absent.
    [[nodiscard]] void* symbol(const char* name) const;

private:
    explicit LoadedLibrary(void* handle) : m_handle(handle) {}
    void* m_handle;
};

/// @brief Whether this program can open modules: true natively; in Emscripten false until a
/// program linked with -sMAIN_MODULE says so.
[[nodiscard]] bool dynamicLoading();
void setDynamicLoading(bool available);

/// @brief What the first bytes of a file say it is.
enum class ModuleFormat { Unknown, ElfSharedObject, ElfOther, Wasm };

/// @brief Looks at a file's header: ELF (and whether it is a shared object) or WebAssembly.
[[nodiscard]] ModuleFormat sniffModuleFormat(const std::string& header);

/// @brief The format this build can load: ELF shared objects natively, wasm in Emscripten.
[[nodiscard]] ModuleFormat loadableFormat();

} // namespace nuanxin
