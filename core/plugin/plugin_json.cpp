#include "core/plugin/plugin_json.h"

#include <cstdio>

#include "core/i18n/tr.h"

namespace nuanxin {


std::string pluginsJson(const PluginHost& host) {
    std::string json = "[";
    for (const Plugin* p : host.plugins()) {
        if (json.size() > 1) json += ',';
        std::string regions = "[";
        for (const std::string& code : p->divisions()) {
            if (regions.size() > 1) regions += ',';
            regions += jsonQuoted(code);
        }
        json += "{\"id\":" + jsonQuoted(p->id()) + ",\"version\":" + jsonQuoted(p->version()) +
                ",\"abi\":" + jsonQuoted(p->abiText()) + ",\"regions\":" + regions + "]" +
                ",\"builtin\":" + (p->builtIn() ? "true" : "false") +
                ",\"origin\":" + jsonQuoted(p->origin()) +
                ",\"sha256\":" + jsonQuoted(p->sha256()) +
                ",\"shadowed\":" + (p->shadowed() ? "true" : "false") + "}";
    }
    return json + "]";
}

std::string activePluginIdsJson(const PluginHost& host) {
    std::string json = "[";
    for (const Plugin* p : host.plugins()) {
        if (p->shadowed()) continue;
        if (json.size() > 1) json += ',';
        json += jsonQuoted(p->id());
    }
    return json + "]";
}

std::string refusalsJson(const PluginHost& host, Lang lang) {
    std::string json = "[";
    for (const PluginRefusal& r : host.refusals()) {
        if (json.size() > 1) json += ',';
        json += "{\"file\":" + jsonQuoted(r.file) + ",\"reason\":" + jsonQuoted(keyName(r.reason)) +
                ",\"text\":" + jsonQuoted(r.describe(lang)) + "}";
    }
    return json + "]";
}

} // namespace nuanxin
