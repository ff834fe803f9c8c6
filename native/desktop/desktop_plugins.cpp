#include "native/desktop/desktop_plugins.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include "core/plugin/approvals.h"
#include "core/plugin/plugin_json.h"
#include "core/plugin/sha256.h"
#include "plugins/builtin_plugins.h"

namespace nuanxin {
namespace {
namespace fs = std::filesystem;
} // namespace

std::string pluginFolderFor(const std::string& storeDir) {
    fs::path store = fs::path(storeDir).lexically_normal();
    if (!store.has_filename()) store = store.parent_path(); // "a/store/" names "a/store"
    const fs::path parent = store.parent_path();
    return ((parent.empty() ? fs::path(".") : parent) / "plugins").string();
}

DesktopPlugins::DesktopPlugins(std::string folder) : m_folder(std::move(folder)) {
    registerBuiltinPlugins(m_host); // refusals stay in the host's list
    loadFolder();
}

void DesktopPlugins::loadFolder() {
    // Always with an approvals record: a folder without approvals.sha256 loads nothing, and
    // each of its files is refused as not approved, by name.
    const PluginApprovals approvals = PluginApprovals::load(approvalsPath());
    m_host.loadDirectory(m_folder, &approvals);
}

void DesktopPlugins::setFolder(std::string folder) {
    if (folder == m_folder) return;
    std::vector<std::string> origins;
    for (const Plugin* p : m_host.plugins()) {
        if (!p->builtIn()) origins.push_back(p->origin());
    }
    for (const std::string& origin : origins) m_host.unloadFile(origin);
    m_folder = std::move(folder);
    loadFolder();
}

std::string DesktopPlugins::pathOf(const std::string& file) const {
    return (fs::path(m_folder) / fileNameOf(file)).string();
}

std::string DesktopPlugins::approvalsPath() const { return pathOf(kApprovalsFileName); }

std::vector<PluginFileInfo> DesktopPlugins::files() const {
    std::vector<PluginFileInfo> out;
    const PluginApprovals approvals = PluginApprovals::load(approvalsPath());
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_folder, ec)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".so") continue;
        PluginFileInfo info;
        info.file = entry.path().filename().string();
        info.sha256 = sha256OfFile(entry.path().string());
        info.approved = approvals.approved(info.file) == info.sha256 && !info.sha256.empty();
        for (const Plugin* p : m_host.plugins()) {
            if (p->origin() == entry.path().string()) {
                info.loaded = true;
                info.pluginId = p->id();
            }
        }
        if (!info.loaded) {
            // The newest refusal of this file says why it is not in force.
            for (const PluginRefusal& r : m_host.refusals()) {
                if (fileNameOf(r.file) == info.file) info.problem = r.describe(Lang::Zh);
            }
        }
        out.push_back(std::move(info));
    }
    std::sort(out.begin(), out.end(),
              [](const PluginFileInfo& a, const PluginFileInfo& b) { return a.file < b.file; });
    return out;
}

void DesktopPlugins::add(const std::string& name, std::string bytes) {
    std::error_code ec;
    fs::create_directories(m_folder, ec);
    std::ofstream out(pathOf(name), std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void DesktopPlugins::approve(const std::string& file) {
    PluginApprovals approvals = PluginApprovals::load(approvalsPath());
    if (!approvals.approve(pathOf(file)) || !approvals.save(approvalsPath())) return;
    m_host.unloadFile(pathOf(file)); // an approved replacement of a loaded file
    (void)m_host.loadFile(pathOf(file), &approvals);
}

void DesktopPlugins::remove(const std::string& file) {
    m_host.unloadFile(pathOf(file));
    PluginApprovals approvals = PluginApprovals::load(approvalsPath());
    approvals.revoke(fileNameOf(file));
    (void)approvals.save(approvalsPath());
    std::error_code ec;
    fs::remove(pathOf(file), ec);
}

std::string DesktopPlugins::fillTestHook(std::string hookJson, Lang lang) const {
    if (const auto end = hookJson.rfind('}'); end != std::string::npos) {
        hookJson.insert(end, ",\"plugin_refusals\":" + refusalsJson(m_host, lang));
    }
    return hookJson;
}

} // namespace nuanxin
