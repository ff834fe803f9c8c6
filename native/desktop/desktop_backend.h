#pragma once
#include <filesystem>
#include <string>

#include "ui/backend.h"

namespace nuanxin {

/// @brief The desktop's Backend: real files, settings in a small key=value file under
/// $XDG_CONFIG_HOME/nuanxin (or ~/.config/nuanxin).
class DesktopBackend final : public Backend {
public:
    /// @brief `dataPath` empty: the demo data set found next to the executable or in the
    /// source tree this build came from.
    explicit DesktopBackend(std::string dataPath);

    [[nodiscard]] std::string dataPath() const override { return m_dataPath; }
    [[nodiscard]] std::string fontPath() const override { return m_fontPath; }
    [[nodiscard]] std::optional<std::string> loadSetting(std::string_view key) const override;
    void saveSetting(std::string_view key, std::string_view value) override;

private:
    std::string m_dataPath;
    std::string m_fontPath;
    std::filesystem::path m_settingsFile;
};

} // namespace nuanxin
