#pragma once
// Region plugins in the browser: the built-ins; side modules deployed with the page (the site's
// plugins/manifest.json, approved in plugins/approvals.sha256), which the page checks with
// nuanxin_plugin_check() before compiling them; and side modules an administrator uploads, which
// the page keeps in IndexedDB (the folder plugins/ of the mount, with its approvals.sha256) and
// loads again at the next start (web_plugins_kept.cpp). nuanxin_glue.js compiles every kind
// asynchronously with FS.createPreloadedFile, then asks the host to dlopen the compiled module
// (TOOLCHAIN.md quirk 7).
#include <string>
#include <vector>

#include "core/i18n/tr.h"
#include "core/plugin/host.h"
#include "ui/backend.h"

namespace nuanxin {

class App;

/// @brief The browser's plugin administration (the plugins screen and window.nuanxinPlugins act
/// on the same host). files() lists the deployed side modules (as "/preloaded/<name>", the site's
/// to change: approve and remove do nothing to them) and the kept uploads (by file name).
class WebPlugins final : public PluginAdmin {
public:
    /// @brief Registers the built-ins and allows dlopen (the program is linked -sMAIN_MODULE).
    /// One per page: the page's exported functions reach it through webPlugins().
    WebPlugins();
    ~WebPlugins() override;
    WebPlugins(const WebPlugins&) = delete;
    WebPlugins& operator=(const WebPlugins&) = delete;

    [[nodiscard]] PluginHost& host() override { return m_host; }
    [[nodiscard]] const PluginHost& host() const { return m_host; }
    [[nodiscard]] std::vector<PluginFileInfo> files() const override;
    /// @brief Keeps an upload in the IndexedDB folder, unapproved (never over another file).
    void add(const std::string& name, std::string bytes) override;
    /// @brief Records the kept file's hash as approved, then the page compiles it and loads it.
    void approve(const std::string& file) override;
    void remove(const std::string& file) override;

    /// @brief Lets the hooks read the app's language and data. Call once, after App::init().
    void attach(const App& app) { m_app = &app; }
    [[nodiscard]] const App* app() const { return m_app; }
    /// @brief The language the page shows (Chinese until the app is attached).
    [[nodiscard]] Lang lang() const;

private:
    PluginHost m_host;
    const App* m_app = nullptr;
};

/// @brief The page's one WebPlugins (made by WebBackend before main() opens the app).
[[nodiscard]] WebPlugins& webPlugins();

/// @brief Where the page writes the deployed side modules it fetched (nuanxin_glue.js).
inline constexpr const char* kPreloadedPluginDir = "/preloaded";

/// @brief The deployed files the page wrote into kPreloadedPluginDir (web_plugins.cpp).
[[nodiscard]] std::vector<PluginFileInfo> deployedPluginFiles(const PluginHost& host, Lang lang);
/// @brief The kept uploads in the IndexedDB folder (web_plugins_kept.cpp).
[[nodiscard]] std::vector<PluginFileInfo> keptPluginFiles(const PluginHost& host, Lang lang);
/// @brief What PluginFileInfo::problem says for a file: the newest refusal naming it.
[[nodiscard]] std::string newestRefusal(const PluginHost& host, const std::string& path, Lang lang);

} // namespace nuanxin
