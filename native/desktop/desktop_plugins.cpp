#include "native/desktop/desktop_plugins.h"

#include <filesystem>

#include "core/plugin/approvals.h"
#include "core/plugin/plugin_json.h"
#include "plugins/builtin_plugins.h"

namespace nuanxin {

std::string pluginFolderFor(const std::string& dataPath) {
    const std::filesystem::path data(dataPath);
    return (data.parent_path().empty() ? std::filesystem::path(".") : data.parent_path())
        .append("plugins")
        .string();
}

DesktopPlugins::DesktopPlugins(const std::string& dataPath) : m_folder(pluginFolderFor(dataPath)) {
    registerBuiltinPlugins(m_host); // refusals stay in the host's list
    // Always with an approvals record: a folder without approvals.sha256 loads nothing, and
    // each of its files is refused as not approved, by name.
    const PluginApprovals approvals =
        PluginApprovals::load(m_folder + "/" + kApprovalsFileName);
    m_host.loadDirectory(m_folder, &approvals);
}

std::string DesktopPlugins::fillTestHook(std::string hookJson, Lang lang) const {
    static const std::string kEmpty = "\"plugins\":[]";
    if (const auto at = hookJson.find(kEmpty); at != std::string::npos) {
        hookJson.replace(at, kEmpty.size(), "\"plugins\":" + activePluginIdsJson(m_host));
    }
    if (const auto end = hookJson.rfind('}'); end != std::string::npos) {
        hookJson.insert(end, ",\"plugin_refusals\":" + refusalsJson(m_host, lang));
    }
    return hookJson;
}

} // namespace nuanxin
