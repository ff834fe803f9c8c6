#include "wasm/web_plugins.h"

#include <algorithm>
#include <cstdio>
#include <dirent.h>
#include <map>
#include <string>

#include <emscripten.h>

#include "core/match/match.h"
#include "core/plugin/approvals.h"
#include "core/plugin/library.h"
#include "core/plugin/plugin_json.h"
#include "core/plugin/plugin_policy.h"
#include "core/plugin/sha256.h"
#include "core/session/workspace.h"
#include "core/store/command.h"
#include "plugins/builtin_plugins.h"
#include "ui/app.h"

namespace nuanxin {
namespace {

WebPlugins* g_plugins = nullptr;
std::string g_json; // the last hook's answer (valid until the next call)

std::string counts(const std::map<std::string, std::size_t>& m) {
    std::string out = "{";
    for (const auto& [key, n] : m) {
        if (out.size() > 1) out += ',';
        out += jsonQuoted(key) + ":" + std::to_string(n);
    }
    return out + "}";
}

bool endsWithSo(const std::string& name) {
    return name.size() > 3 && name.compare(name.size() - 3, 3, ".so") == 0;
}

} // namespace

WebPlugins::WebPlugins() {
    setDynamicLoading(true);
    for (const PluginRefusal& r : registerBuiltinPlugins(m_host)) {
        std::fprintf(stderr, "nuanxin: %s\n", r.describe(Lang::En).c_str());
    }
    g_plugins = this;
}

WebPlugins::~WebPlugins() {
    if (g_plugins == this) g_plugins = nullptr;
}

WebPlugins& webPlugins() {
    return *g_plugins;
}

Lang WebPlugins::lang() const {
    return m_app != nullptr ? m_app->lang() : Lang::Zh;
}

std::vector<PluginFileInfo> WebPlugins::files() const {
    std::vector<PluginFileInfo> out = deployedPluginFiles(m_host, lang());
    std::vector<PluginFileInfo> kept = keptPluginFiles(m_host, lang());
    out.insert(out.end(), kept.begin(), kept.end());
    return out;
}

std::string newestRefusal(const PluginHost& host, const std::string& path, Lang lang) {
    std::string text;
    for (const PluginRefusal& r : host.refusals()) {
        if (r.file == path) text = r.describe(lang);
    }
    return text;
}

std::vector<PluginFileInfo> deployedPluginFiles(const PluginHost& host, Lang lang) {
    std::vector<std::string> names;
    if (DIR* d = opendir(kPreloadedPluginDir)) {
        while (const dirent* e = readdir(d)) {
            if (endsWithSo(e->d_name)) names.emplace_back(e->d_name);
        }
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    const PluginApprovals approvals =
        PluginApprovals::load(std::string(kPreloadedPluginDir) + "/" + kApprovalsFileName);
    std::vector<PluginFileInfo> out;
    for (const std::string& name : names) {
        PluginFileInfo info;
        info.file = std::string(kPreloadedPluginDir) + "/" + name;
        info.sha256 = sha256OfFile(info.file);
        info.approved = !info.sha256.empty() && approvals.approved(name) == info.sha256;
        for (const Plugin* p : host.plugins()) {
            if (!p->builtIn() && p->origin() == info.file) {
                info.loaded = true;
                info.pluginId = p->id();
            }
        }
        if (!info.loaded) info.problem = newestRefusal(host, info.file, lang);
        out.push_back(std::move(info));
    }
    return out;
}

} // namespace nuanxin

using namespace nuanxin;

namespace {

/// {"ok":true,"id":<the plugin just added>} or {"ok":false,"refusal":"<file>: plugin refused: ..."}.
const char* answer(const std::optional<PluginRefusal>& refused) {
    const Lang lang = webPlugins().lang();
    if (refused) {
        g_json = "{\"ok\":false,\"refusal\":" + jsonQuoted(refused->describe(lang)) + "}";
    } else {
        g_json = "{\"ok\":true,\"id\":" + jsonQuoted(webPlugins().host().plugins().back()->id()) + "}";
    }
    return g_json.c_str();
}

} // namespace

/// @brief Loads a side module already compiled by the page (see nuanxin_glue.js), as uploaded by
/// an administrator (the upload is the approval): {"ok":true,"id":...} or {"ok":false,"refusal"}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_load(const char* path) {
    return answer(webPlugins().host().loadFile(path));
}

/// @brief Preloaded side modules, step 1 of 2: the checks before any code of the file is set
/// up (readable, a wasm module, approved with this SHA-256 in the file `approvals`, written
/// by the page from the site's plugins/approvals.sha256). {"ok":true} or {"ok":false,"refusal"}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_check(const char* path,
                                                                 const char* approvals) {
    const PluginApprovals approved = PluginApprovals::load(approvals);
    if (const auto refused = webPlugins().host().check(path, &approved)) return answer(refused);
    g_json = "{\"ok\":true}";
    return g_json.c_str();
}

/// @brief Preloaded side modules, step 2: after the page compiled the checked file, the same
/// path as an upload, with the approval checked once more (the file must not have changed).
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_load_approved(const char* path,
                                                                         const char* approvals) {
    const PluginApprovals approved = PluginApprovals::load(approvals);
    return answer(webPlugins().host().loadFile(path, &approved));
}

/// @brief Records a refusal the page found before the host could look (a file listed in the
/// manifest it could not fetch, a bad manifest entry); `reason` is a key of plugin.inc.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_refuse(const char* file,
                                                                  const char* reason,
                                                                  const char* detail) {
    PluginRefusal r{file, keyFromName(reason).value_or(Str::PluginCannotRead), detail};
    webPlugins().host().recordRefusal(r);
    return answer(r);
}

/// @brief Every refusal so far (built-ins, preloads, uploads): [{"file","reason","text"}].
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_refusals_json() {
    g_json = refusalsJson(webPlugins().host(), webPlugins().lang());
    return g_json.c_str();
}

/// @brief The plugins as [{"id","version","abi","regions":[...],"builtin","sha256","shadowed"}].
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugins_json() {
    g_json = pluginsJson(webPlugins().host());
    return g_json.c_str();
}

/// @brief Runs a matching of the store's data through the plugins, without journaling it:
/// {"allocations":n,"governed":{plugin id: allocations of households it governs},
/// "reasons":{plugin id: reasons}}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_match_json() {
    const App* app = webPlugins().app();
    if (app == nullptr || app->workspace() == nullptr) return "{\"error\":\"starting\"}";
    const PluginHost& host = webPlugins().host();
    Dataset data = app->workspace()->data();
    data.asOf = dateOf(app->workspace()->now()); // as the workspace's own runs: today
    const NationalDefaultPolicy root;
    const PluginPolicy policy(host, root, app->lang(), data.donors);
    const auto result = match(data, policy);
    if (!result.ok()) {
        g_json = "{\"error\":" + jsonQuoted(result.errors().front().describe(Lang::En)) + "}";
        return g_json.c_str();
    }
    std::map<HouseholdId, std::string> governor;
    for (const Household& h : data.households) {
        const Plugin* p = host.governing(h.divisionCode);
        governor[h.id] = p != nullptr ? p->id() : "";
    }
    std::map<NeedId, HouseholdId> owner;
    for (const Need& n : data.needs) owner[n.id] = n.household;
    std::map<std::string, std::size_t> governed;
    std::map<std::string, std::size_t> reasons;
    for (const Allocation& a : result.value().allocations) {
        ++governed[governor[owner[a.need]]];
        for (const Reason& r : a.reasons) {
            if (r.code == Str::PluginRule) ++reasons[r.detail.substr(0, r.detail.find('#'))];
        }
    }
    g_json = "{\"allocations\":" + std::to_string(result.value().allocations.size()) +
             ",\"governed\":" + counts(governed) + ",\"reasons\":" + counts(reasons) + "}";
    return g_json.c_str();
}
