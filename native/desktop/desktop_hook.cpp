#include "native/desktop/desktop_hook.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <unistd.h>

#include "core/session/workspace.h"
#include "core/util/json.h"
#include "native/desktop/desktop_plugins.h"
#include "ui/app.h"
#include "ui/locator.h"

namespace nuanxin {

std::string desktopHookJson(const App& app, const DesktopPlugins& plugins, int windowWidth,
                            int windowHeight) {
    std::string summary = plugins.fillTestHook(app.testHookJson(), app.lang());
    char window[64];
    std::snprintf(window, sizeof window, ",\"window\":[%d,%d]", windowWidth, windowHeight);
    const Workspace* workspace = app.workspace();
    const std::string store = ",\"store_dir\":" + (workspace ? jsonQuoted(workspace->store().dir())
                                                             : std::string("null"));
    if (const auto end = summary.rfind('}'); end != std::string::npos) {
        summary.insert(end, std::string(window) + store);
    }
    return "{\"summary\":" + summary + ",\"locate\":" + locatorJson() + "}";
}

bool writeFileAtomically(const std::string& path, const std::string& text) {
    // The pid in the temporary name: two apps given the same hook path never share one.
    const std::string tmp = path + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text << '\n';
        if (!out.flush()) return false;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) std::filesystem::remove(tmp, ec);
    return !ec;
}

void HookFile::update(const App& app, const DesktopPlugins& plugins, int width, int height,
                      bool force) {
    if (!enabled()) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && m_written && now - m_last < m_period) return;
    if (!writeFileAtomically(m_path, desktopHookJson(app, plugins, width, height)) && !m_written) {
        std::fprintf(stderr, "nuanxin-desktop: cannot write the hook file %s\n", m_path.c_str());
    }
    m_last = now;
    m_written = true;
}

} // namespace nuanxin
