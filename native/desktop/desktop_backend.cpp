#include "native/desktop/desktop_backend.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <system_error>
#include <utility>
#include <vector>

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

} // namespace

DesktopBackend::DesktopBackend(std::string dataPath)
    : m_dataPath(dataPath.empty() ? findAsset("demo.json", NUANXIN_DEMO_DATA) : std::move(dataPath)),
      m_fontPath(findAsset("nuanxin-cjk.ttf", NUANXIN_FONT_FILE)),
      m_settingsFile(settingsFile()) {}

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

} // namespace nuanxin
