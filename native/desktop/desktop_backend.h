#pragma once
#include <filesystem>
#include <string>

#include "core/store/file_system.h"
#include "native/desktop/desktop_plugins.h"
#include "native/desktop/store_menu.h"
#include "ui/backend.h"

namespace nuanxin {

/// @brief The desktop's Backend: real files, settings in a small key=value file under
/// $XDG_CONFIG_HOME/nuanxin (or ~/.config/nuanxin), the store in a folder (the last one used,
/// else $XDG_DATA_HOME/nuanxin/store), plugins from `plugins/` beside the store folder.
class DesktopBackend final : public Backend {
public:
    /// @brief `demoPath` empty: the demo data set found next to the executable or in the source
    /// tree this build came from. `storeDir` empty: the remembered store, else the default.
    DesktopBackend(std::string demoPath, std::string storeDir);

    [[nodiscard]] std::string dataPath() const override { return m_dataPath; }
    [[nodiscard]] std::string fontPath() const override { return m_fontPath; }
    [[nodiscard]] std::optional<std::string> loadSetting(std::string_view key) const override;
    void saveSetting(std::string_view key, std::string_view value) override;
    [[nodiscard]] FileSystem& fileSystem() override { return m_fs; }
    [[nodiscard]] std::string storeDir() const override { return m_storeDir; }
    [[nodiscard]] PluginAdmin& plugins() override { return m_plugins; }
    [[nodiscard]] const DesktopPlugins& desktopPlugins() const { return m_plugins; }
    [[nodiscard]] bool platformFiles() const override { return false; }
    /// @brief The desktop's menu entry: open another store folder.
    void drawMenu(App& app) override { m_storeMenu.draw(app, *this); }

    /// @brief Opens the store in `dir` in place of the current one, with the plugins of the
    /// `plugins/` folder beside it; the current store's snapshot is brought up to date first.
    /// False (nothing changed, app.storeError() says why) when it cannot be opened.
    bool switchStore(App& app, const std::string& dir);
    /// @brief A clean close: a running matching is cancelled (nothing half-journaled) and a
    /// snapshot is written when the journal grew since the last one, so the next start opens
    /// fast. The journal itself is already durable after every commit.
    void saveStore(App& app);

private:
    std::filesystem::path m_settingsFile;
    std::string m_dataPath;
    std::string m_fontPath;
    std::string m_storeDir;
    PosixFileSystem m_fs;
    DesktopPlugins m_plugins;
    StoreMenu m_storeMenu;
};

/// @brief A folder as the user typed it ("~/x", relative, trailing "/", spaces around) as the
/// absolute, normalised path it names: the remembered store is then the same whatever the next
/// start's working directory. Empty stays empty.
[[nodiscard]] std::string absoluteFolder(std::string typed);

} // namespace nuanxin
