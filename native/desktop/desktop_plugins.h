#pragma once
// The desktop's region plugins: the built-ins (the same generated registry as the CLI and the
// browser) and the plugin files of a `plugins/` folder next to the data set, loaded only when
// approved in that folder's approvals.sha256 (loading runs a file's code).
#include <string>

#include "core/plugin/host.h"

namespace nuanxin {

class DesktopPlugins {
public:
    /// @brief Registers the built-ins, then loads the approved *.so of pluginFolderFor(dataPath).
    /// Refusals are kept (refusals()), never thrown: a bad file never stops the app.
    explicit DesktopPlugins(const std::string& dataPath);

    [[nodiscard]] const PluginHost& host() const { return m_host; }
    /// @brief The folder that was looked at (it need not exist).
    [[nodiscard]] const std::string& folder() const { return m_folder; }
    /// @brief The test hook's JSON with "plugins" filled in (the ids in force) and
    /// "plugin_refusals" added (the texts in `lang`).
    [[nodiscard]] std::string fillTestHook(std::string hookJson, Lang lang) const;

private:
    PluginHost m_host;
    std::string m_folder;
};

/// @brief "<folder of the data file>/plugins".
[[nodiscard]] std::string pluginFolderFor(const std::string& dataPath);

} // namespace nuanxin
