#pragma once
#include "ui/backend.h"
#include "wasm/web_plugins.h"
#include "wasm/web_store.h"

namespace nuanxin {

/// @brief The browser's Backend: assets preloaded into Emscripten's virtual file system under
/// /assets (see wasm/CMakeLists.txt), settings in the page's localStorage, the store in IndexedDB
/// (IDBFS), the browser's own file picker and downloads.
class WebBackend final : public Backend {
public:
    [[nodiscard]] std::string dataPath() const override { return "/assets/demo.json"; }
    [[nodiscard]] std::string fontPath() const override { return "/assets/nuanxin-cjk.ttf"; }
    [[nodiscard]] std::optional<std::string> loadSetting(std::string_view key) const override;
    void saveSetting(std::string_view key, std::string_view value) override;

    [[nodiscard]] FileSystem& fileSystem() override { return m_fs; }
    [[nodiscard]] std::string storeDir() const override { return kWebStoreDir; }
    /// @brief The page's address has `?demo` (or `&demo`) in its query.
    [[nodiscard]] bool demoRequested() const override;

    [[nodiscard]] PluginAdmin& plugins() override { return m_plugins; }

    [[nodiscard]] bool platformFiles() const override { return true; }
    /// @brief Clicks the page's hidden <input type="file"> for `purpose` with this `accept`; the
    /// page reads the chosen file and hands it to nuanxin_receive_file() (wasm/main.cpp).
    void pickFile(FilePurpose purpose, std::string_view accept) override;
    /// @brief A Blob, an object URL and a click on an <a download>.
    void download(std::string_view name, std::string_view bytes, std::string_view mime) override;

private:
    WebFileSystem m_fs;
    WebPlugins m_plugins;
};

} // namespace nuanxin
