#pragma once
// The desktop's region plugins: the built-ins (the same generated registry as the CLI and the
// browser) and the plugin files of a `plugins/` folder next to the store, loaded only when
// approved in that folder's approvals.sha256 (loading runs a file's code).
#include <string>

#include "core/plugin/host.h"
#include "ui/backend.h"

namespace nuanxin {

class DesktopPlugins final : public PluginAdmin {
public:
    /// @brief Registers the built-ins, then loads the approved *.so of `folder`. Refusals are
    /// kept (host().refusals()), never thrown: a bad file never stops the app.
    explicit DesktopPlugins(std::string folder);

    [[nodiscard]] PluginHost& host() override { return m_host; }
    [[nodiscard]] const PluginHost& host() const { return m_host; }
    [[nodiscard]] std::vector<PluginFileInfo> files() const override;
    void add(const std::string& name, std::string bytes) override;
    void approve(const std::string& file) override;
    void remove(const std::string& file) override;

    /// @brief The folder that was looked at (it need not exist).
    [[nodiscard]] const std::string& folder() const { return m_folder; }
    /// @brief Another store was opened: unloads the files of the old folder (the built-ins they
    /// replaced are in force again) and loads the approved files of `folder`. The host object
    /// stays the same, so a Workspace holding it keeps a valid reference.
    void setFolder(std::string folder);
    /// @brief The test hook's JSON with "plugin_refusals" added (the texts in `lang`).
    [[nodiscard]] std::string fillTestHook(std::string hookJson, Lang lang) const;

private:
    void loadFolder();
    [[nodiscard]] std::string pathOf(const std::string& file) const;
    [[nodiscard]] std::string approvalsPath() const;

    PluginHost m_host;
    std::string m_folder;
};

/// @brief "<folder holding the store folder>/plugins": plugins sit beside the data they serve.
[[nodiscard]] std::string pluginFolderFor(const std::string& storeDir);

} // namespace nuanxin
