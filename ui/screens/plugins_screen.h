#pragma once
// The plugins screen's parts (ui/screens/plugins*.cpp), for regional administrators: the plugin
// files (load, approve their hash, remove), the plugins in force, the refusals, one plugin's
// settings form made from its schema, and which plugins govern a division.
#include <map>
#include <string>
#include <vector>

#include "core/view/plugin_admin.h"
#include "ui/screens/screen.h"

namespace nuanxin {

class PluginsScreen final : public Screen {
public:
    void draw(App& app) override;

private:
    // plugins_files.cpp
    void refreshFiles(App& app, bool now);
    void drawFiles(App& app);
    void drawApproveModal(App& app);
    // plugins.cpp
    void drawPlugins(App& app);
    void drawRefusals(App& app);
    // plugins_settings.cpp
    void drawDetail(App& app);
    void drawSettings(App& app, const Plugin& plugin);
    void drawSettingField(App& app, const Plugin& plugin, const SettingRow& row);
    void applySetting(App& app, const Plugin& plugin, const std::string& key, const std::string& text);
    void drawGovernance(App& app);

    std::vector<PluginFileInfo> m_files;
    double m_filesAt = -1.0;      ///< ImGui time of the last files() call
    std::string m_approving;      ///< the file whose approval is being confirmed
    std::string m_approvingHash;  ///< its SHA-256 when the dialog opened
    bool m_openApprove = false;
    std::string m_selected;       ///< id of the plugin whose details are shown
    std::map<std::string, std::string> m_fieldText;  ///< "<plugin>/<key>" → text being typed
    std::map<std::string, std::string> m_fieldError; ///< "<plugin>/<key>" → why the value was refused
    std::string m_activeField;    ///< the field being typed in
    char m_county[16] = "510104"; ///< the division asked about
};

} // namespace nuanxin
