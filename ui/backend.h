#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace nuanxin {

/// @brief What the screens need from the platform they run on. One implementation per front
/// end (native/desktop, wasm), chosen by CMake; the screens never ask which one they have.
class Backend {
public:
    virtual ~Backend() = default;

    /// @brief Path, in the platform's file system, of the data set shown at start
    /// (the desktop: a real file; the browser: Emscripten's preloaded virtual file).
    [[nodiscard]] virtual std::string dataPath() const = 0;
    /// @brief Path of the CJK font subset (assets/nuanxin-cjk.ttf of the build).
    [[nodiscard]] virtual std::string fontPath() const = 0;
    /// @brief A small user setting (e.g. "lang") kept between runs; nullopt when never saved.
    [[nodiscard]] virtual std::optional<std::string> loadSetting(std::string_view key) const = 0;
    /// @brief Stores a small setting; failures are ignored (settings are a convenience).
    virtual void saveSetting(std::string_view key, std::string_view value) = 0;
};

} // namespace nuanxin
