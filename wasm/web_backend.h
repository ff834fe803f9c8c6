#pragma once
#include "ui/backend.h"

namespace nuanxin {

/// @brief The browser's Backend: assets preloaded into Emscripten's virtual file system under
/// /assets (see wasm/CMakeLists.txt), settings in the page's localStorage.
class WebBackend final : public Backend {
public:
    [[nodiscard]] std::string dataPath() const override { return "/assets/demo.json"; }
    [[nodiscard]] std::string fontPath() const override { return "/assets/nuanxin-cjk.ttf"; }
    [[nodiscard]] std::optional<std::string> loadSetting(std::string_view key) const override;
    void saveSetting(std::string_view key, std::string_view value) override;
};

} // namespace nuanxin
