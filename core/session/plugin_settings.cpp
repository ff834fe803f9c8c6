#include "core/session/plugin_settings.h"

#include "core/plugin/settings.h"

namespace nuanxin {
namespace {

constexpr std::string_view kPrefix = "plugin_setting:";

/// The value in force of `key` as canonical text; nullopt when the plugin has no such setting.
std::optional<std::string> currentText(const Plugin& plugin, std::string_view key) {
    const auto& schema = plugin.schema();
    for (std::size_t i = 0; i < schema.size() && i < plugin.settings().size(); ++i) {
        if (schema[i].key == key) return formatSettingValue(schema[i].type, plugin.settings()[i]);
    }
    return std::nullopt;
}

} // namespace

std::string pluginSettingKey(std::string_view pluginId, std::string_view key) {
    std::string out(kPrefix);
    out += pluginId;
    out += ':';
    out += key;
    return out;
}

std::optional<FieldError> setPluginSetting(Workspace& ws, PluginHost& host, const std::string& pluginId,
                                           const std::string& key, const std::string& value) {
    const Plugin* plugin = host.find(pluginId);
    if (plugin == nullptr) return FieldError{pluginId, value, Str::PluginUnknown, {}};
    const std::optional<std::string> before = currentText(*plugin, key);
    if (auto refused = host.setSetting(pluginId, key, value)) return refused;
    // What the plugin took, written back the way the store keeps it ("0500" becomes "500").
    const std::string canonical = currentText(*host.find(pluginId), key).value_or(value);
    auto saved = ws.setStoreSetting(pluginSettingKey(pluginId, key), canonical);
    if (!saved.ok()) {
        if (before) (void)host.setSetting(pluginId, key, *before);
        return saved.errors().front();
    }
    return std::nullopt;
}

std::size_t applyStoredPluginSettings(const Workspace& ws, PluginHost& host) {
    for (const Plugin* p : host.plugins()) {
        if (host.find(p->id()) != p) continue; // a built-in an approved file replaced
        for (const SettingDecl& decl : p->schema()) {
            (void)host.setSetting(p->id(), decl.key, formatSettingValue(decl.type, decl.defaultValue));
        }
    }
    std::size_t applied = 0;
    const auto& settings = ws.state().data().settings;
    for (auto it = settings.lower_bound(std::string(kPrefix));
         it != settings.end() && it->first.compare(0, kPrefix.size(), kPrefix) == 0; ++it) {
        const std::string_view rest = std::string_view(it->first).substr(kPrefix.size());
        const auto colon = rest.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string id(rest.substr(0, colon));
        if (host.find(id) == nullptr) continue; // kept for when the plugin is loaded
        if (!host.setSetting(id, std::string(rest.substr(colon + 1)), it->second)) ++applied;
    }
    return applied;
}

} // namespace nuanxin
