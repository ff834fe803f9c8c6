#include "native/desktop/desktop_backend.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <system_error>
#include <utility>
#include <vector>

#include "core/session/workspace.h"
#include "ui/app.h"

namespace nuanxin {
namespace {

namespace fs = std::filesystem;

fs::path executableDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path() : exe.parent_path();
}

/// The first existing file of: next to the executable (a copied bundle), an installed share
/// folder, then the path this build tree was configured with.
std::string findAsset(const std::string& name, const char* buildTreePath) {
    const fs::path dir = executableDir();
    const std::vector<fs::path> candidates = {dir / "assets" / name,
                                              dir / ".." / "share" / "nuanxin" / name,
                                              fs::path(buildTreePath)};
    std::error_code ec;
    for (const auto& candidate : candidates) {
        if (fs::is_regular_file(candidate, ec)) return candidate.lexically_normal().string();
    }
    return buildTreePath; // missing: the App reports it by name
}

fs::path settingsFile() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
        return fs::path(xdg) / "nuanxin" / "settings.txt";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return fs::path(home) / ".config" / "nuanxin" / "settings.txt";
    }
    return {};
}

fs::path defaultStoreDir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
        return fs::path(xdg) / "nuanxin" / "store";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return fs::path(home) / ".local" / "share" / "nuanxin" / "store";
    }
    return fs::current_path() / "nuanxin-store";
}

std::map<std::string, std::string> readSettings(const fs::path& file) {
    std::map<std::string, std::string> out;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq != std::string::npos) out[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return out;
}

/// The store to open: the one asked for, else the one used last, else the default folder.
std::string chooseStore(const std::string& asked, const fs::path& settings) {
    if (!asked.empty()) return absoluteFolder(asked);
    if (!settings.empty()) {
        const auto saved = readSettings(settings);
        if (const auto it = saved.find("store"); it != saved.end() && !it->second.empty()) return it->second;
    }
    return defaultStoreDir().string();
}

} // namespace

std::string absoluteFolder(std::string typed) {
    while (!typed.empty() && (typed.back() == ' ' || typed.back() == '\n')) typed.pop_back();
    while (!typed.empty() && typed.front() == ' ') typed.erase(typed.begin());
    if (typed.empty()) return typed;
    if (typed.rfind("~/", 0) == 0) {
        if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
            typed = std::string(home) + typed.substr(1);
        }
    }
    std::error_code ec;
    const fs::path abs = fs::absolute(fs::path(typed), ec);
    std::string out = ec ? typed : abs.lexically_normal().string();
    while (out.size() > 1 && out.back() == '/') out.pop_back(); // "a/store/" names "a/store"
    return out;
}

DesktopBackend::DesktopBackend(std::string demoPath, std::string storeDir)
    : m_settingsFile(settingsFile()),
      m_dataPath(demoPath.empty() ? findAsset("demo.json", NUANXIN_DEMO_DATA) : std::move(demoPath)),
      m_fontPath(findAsset("nuanxin-cjk.ttf", NUANXIN_FONT_FILE)),
      m_storeDir(chooseStore(storeDir, m_settingsFile)),
      m_plugins(pluginFolderFor(m_storeDir)) {}

std::optional<std::string> DesktopBackend::loadSetting(std::string_view key) const {
    if (m_settingsFile.empty()) return std::nullopt;
    const auto settings = readSettings(m_settingsFile);
    const auto it = settings.find(std::string(key));
    if (it == settings.end()) return std::nullopt;
    return it->second;
}

void DesktopBackend::saveSetting(std::string_view key, std::string_view value) {
    if (m_settingsFile.empty()) return;
    auto settings = readSettings(m_settingsFile);
    settings[std::string(key)] = std::string(value);
    std::error_code ec;
    fs::create_directories(m_settingsFile.parent_path(), ec);
    // Write then rename: a crash never leaves a truncated settings file behind.
    const fs::path tmp = m_settingsFile.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        for (const auto& [k, v] : settings) out << k << '=' << v << '\n';
        if (!out) return;
    }
    fs::rename(tmp, m_settingsFile, ec);
}

bool DesktopBackend::switchStore(App& app, const std::string& dir) {
    saveStore(app);
    const std::string before = m_plugins.folder();
    m_plugins.setFolder(pluginFolderFor(dir));
    if (!app.openStore(dir)) {
        m_plugins.setFolder(before); // the old store stays open with its own plugins
        return false;
    }
    m_storeDir = dir;
    return true;
}

void DesktopBackend::saveStore(App& app) {
    Workspace* workspace = app.workspace();
    if (workspace == nullptr) return;
    if (workspace->matching()) workspace->cancelMatching();
    if (workspace->store().bytesSinceSnapshot() == 0) return;
    std::string error;
    if (!workspace->store().writeSnapshot(&error)) {
        // Not fatal: the journal holds every change; the next start replays it.
        std::fprintf(stderr, "nuanxin-desktop: snapshot not written: %s\n", error.c_str());
    }
}

} // namespace nuanxin
