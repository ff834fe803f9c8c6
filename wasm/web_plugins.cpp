#include "wasm/web_plugins.h"

#include <cstdio>
#include <map>
#include <string>

#include <emscripten.h>

#include "core/match/match.h"
#include "core/plugin/library.h"
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

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string counts(const std::map<std::string, std::size_t>& m) {
    std::string out = "{";
    for (const auto& [key, n] : m) {
        if (out.size() > 1) out += ',';
        out += quoted(key) + ":" + std::to_string(n);
    }
    return out + "}";
}

} // namespace

void attachWebPlugins(const App& app) {
    setDynamicLoading(true);
    for (const PluginRefusal& r : registerBuiltinPlugins(state().host)) {
        std::fprintf(stderr, "nuanxin: %s\n", r.describe(Lang::En).c_str());
    }
    state().app = &app;
}

} // namespace nuanxin

using namespace nuanxin;

/// @brief Loads a side module already compiled by the page (see nuanxin_glue.js):
/// {"ok":true,"id":...} or {"ok":false,"refusal":"<file>: plugin refused: ..."}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_load(const char* path) {
    WebPlugins& s = state();
    const Lang lang = s.app != nullptr ? s.app->lang() : Lang::Zh;
    if (const auto refused = s.host.loadFile(path)) {
        s.json = "{\"ok\":false,\"refusal\":" + quoted(refused->describe(lang)) + "}";
    } else {
        s.json = "{\"ok\":true,\"id\":" + quoted(s.host.plugins().back()->id()) + "}";
    }
    return s.json.c_str();
}

/// @brief The plugins as [{"id","version","abi","regions":[...],"builtin","sha256","shadowed"}].
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugins_json() {
    WebPlugins& s = state();
    s.json = "[";
    for (const Plugin* p : s.host.plugins()) {
        if (s.json.size() > 1) s.json += ',';
        std::string regions = "[";
        for (const std::string& code : p->divisions()) {
            if (regions.size() > 1) regions += ',';
            regions += quoted(code);
        }
        s.json += "{\"id\":" + quoted(p->id()) + ",\"version\":" + quoted(p->version()) +
                  ",\"abi\":" + quoted(p->abiText()) + ",\"regions\":" + regions + "]" +
                  ",\"builtin\":" + (p->builtIn() ? "true" : "false") +
                  ",\"sha256\":" + quoted(p->sha256()) +
                  ",\"shadowed\":" + (p->shadowed() ? "true" : "false") + "}";
    }
    s.json += "]";
    return s.json.c_str();
}

/// @brief Runs a matching of the loaded data set through the plugins: {"allocations":n,
/// "governed":{plugin id: allocations of households it governs},"reasons":{plugin id: reasons}}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* nuanxin_plugin_match_json() {
    WebPlugins& s = state();
    if (s.app == nullptr) return "{\"error\":\"starting\"}";
    const Dataset& data = s.app->dataset();
    const NationalDefaultPolicy root;
    const PluginPolicy policy(s.host, root, s.app->lang());
    const auto result = match(data, policy);
    if (!result.ok()) {
        s.json = "{\"error\":" + quoted(result.errors().front().describe(Lang::En)) + "}";
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
