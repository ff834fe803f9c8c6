#include "wasm/web_plugins.h"

#include <cstdio>
#include <map>
#include <string>

#include <emscripten.h>

#include "core/match/match.h"
#include "core/plugin/approvals.h"
#include "core/plugin/library.h"
#include "core/plugin/plugin_json.h"
#include "core/plugin/plugin_policy.h"
#include "plugins/builtin_plugins.h"
#include "ui/app.h"

namespace nuanxin {
namespace {

struct WebPlugins {
    PluginHost host;
    const App* app = nullptr;
    std::string json; // the last hook's answer (valid until the next call)
};

WebPlugins& state() {
    static WebPlugins s;
    return s;
}

std::string counts(const std::map<std::string, std::size_t>& m) {
    std::string out = "{";
    for (const auto& [key, n] : m) {
        if (out.size() > 1) out += ',';
        out += jsonQuoted(key) + ":" + std::to_string(n);
    }
    return out + "}";
}

} // namespace

PluginHost& webPluginHost() {
    return state().host;
}

Lang webPluginLang() {
    return state().app != nullptr ? state().app->lang() : Lang::Zh;
}

void attachWebPlugins(const App& app) {
    setDynamicLoading(true);
    for (const PluginRefusal& r : registerBuiltinPlugins(state().host)) {
        std::fprintf(stderr, "nuanxin: %s\n", r.describe(Lang::En).c_str());
    }
    state().app = &app;
}

} // namespace nuanxin

using namespace nuanxin;

namespace {

/// {"ok":true,"id":<the plugin just added>} or {"ok":false,"refusal":"<file>: plugin refused: ..."}.
const char* answer(const std::optional<PluginRefusal>& refused) {
    WebPlugins& s = state();
    const Lang lang = webPluginLang();
    if (refused) {
        s.json = "{\"ok\":false,\"refusal\":" + jsonQuoted(refused->describe(lang)) + "}";
    } else {
        s.json = "{\"ok\":true,\"id\":" + jsonQuoted(s.host.plugins().back()->id()) + "}";
    }
    return s.json.c_str();
}

} // namespace

/// @brief Loads a side module already compiled by the page (see nuanxin_glue.js), as uploaded by
/// an administrator (the upload is the approval): {"ok":true,"id":...} or {"ok":false,"refusal"}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_load(const char* path) {
    return answer(state().host.loadFile(path));
}

/// @brief Preloaded side modules, step 1 of 2: the checks before any code of the file is set
/// up (readable, a wasm module, approved with this SHA-256 in the file `approvals`, written
/// by the page from the site's plugins/approvals.sha256). {"ok":true} or {"ok":false,"refusal"}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_check(const char* path,
                                                                 const char* approvals) {
    WebPlugins& s = state();
    const PluginApprovals approved = PluginApprovals::load(approvals);
    if (const auto refused = s.host.check(path, &approved)) return answer(refused);
    s.json = "{\"ok\":true}";
    return s.json.c_str();
}

/// @brief Preloaded side modules, step 2: after the page compiled the checked file, the same
/// path as an upload, with the approval checked once more (the file must not have changed).
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_load_approved(const char* path,
                                                                         const char* approvals) {
    const PluginApprovals approved = PluginApprovals::load(approvals);
    return answer(state().host.loadFile(path, &approved));
}

/// @brief Records a refusal the page found before the host could look (a file listed in the
/// manifest it could not fetch, a bad manifest entry); `reason` is a key of plugin.inc.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_refuse(const char* file,
                                                                  const char* reason,
                                                                  const char* detail) {
    PluginRefusal r{file, keyFromName(reason).value_or(Str::PluginCannotRead), detail};
    state().host.recordRefusal(r);
    return answer(r);
}

/// @brief Every refusal so far (built-ins, preloads, uploads): [{"file","reason","text"}].
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_refusals_json() {
    WebPlugins& s = state();
    s.json = refusalsJson(s.host, webPluginLang());
    return s.json.c_str();
}

/// @brief The plugins as [{"id","version","abi","regions":[...],"builtin","sha256","shadowed"}].
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugins_json() {
    WebPlugins& s = state();
    s.json = pluginsJson(s.host);
    return s.json.c_str();
}

/// @brief Runs a matching of the loaded data set through the plugins: {"allocations":n,
/// "governed":{plugin id: allocations of households it governs},"reasons":{plugin id: reasons}}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_match_json() {
    WebPlugins& s = state();
    if (s.app == nullptr) return "{\"error\":\"starting\"}";
    const Dataset& data = s.app->dataset();
    const NationalDefaultPolicy root;
    const PluginPolicy policy(s.host, root, s.app->lang(), data.donors);
    const auto result = match(data, policy);
    if (!result.ok()) {
        s.json = "{\"error\":" + jsonQuoted(result.errors().front().describe(Lang::En)) + "}";
        return s.json.c_str();
    }
    std::map<HouseholdId, std::string> governor;
    for (const Household& h : data.households) {
        const Plugin* p = s.host.governing(h.divisionCode);
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
    s.json = "{\"allocations\":" + std::to_string(result.value().allocations.size()) +
             ",\"governed\":" + counts(governed) + ",\"reasons\":" + counts(reasons) + "}";
    return s.json.c_str();
}
