#include "core/plugin/plugin.h"

#include "core/plugin/library.h"

namespace nuanxin {

std::string PluginRefusal::describe(Lang lang) const {
    std::string out = file + ": " + tr(Str::PluginRefused, lang) + ": " + tr(reason, lang);
    if (!detail.empty()) out += " (" + detail + ")";
    return out;
}

Plugin::Plugin(const nx_plugin_info* info, std::uint32_t abi, std::string origin,
               std::string sha256, std::vector<SettingDecl> schema,
               std::shared_ptr<LoadedLibrary> library)
    : m_info(info), m_abi(abi), m_origin(std::move(origin)), m_sha256(std::move(sha256)),
      m_schema(std::move(schema)), m_library(std::move(library)) {
    resetSettings();
}

std::string Plugin::name(Lang lang) const {
    const char* text = lang == Lang::En ? m_info->name_en : m_info->name_zh;
    if (text == nullptr) text = m_info->name_zh != nullptr ? m_info->name_zh : m_info->id;
    return text;
}

std::string Plugin::version() const {
    return m_info->version != nullptr ? m_info->version : "";
}

std::string Plugin::extends() const {
    return m_info->extends != nullptr ? m_info->extends : "";
}

std::vector<std::string> Plugin::divisions() const {
    std::vector<std::string> out;
    for (std::uint32_t i = 0; i < m_info->division_count; ++i)
        out.emplace_back(m_info->divisions[i]);
    return out;
}

std::string Plugin::abiText() const {
    return std::to_string(m_abi >> 16) + "." + std::to_string(m_abi & 0xFFFFU);
}

std::optional<FieldError> Plugin::setSetting(const std::string& key, const std::string& text) {
    for (std::size_t i = 0; i < m_schema.size(); ++i) {
        if (m_schema[i].key != key) continue;
        const auto value = parseSettingValue(m_schema[i].type, text);
        if (!value) {
            return FieldError{id() + "." + key, text, Str::PluginBadSettingValue,
                              "expected " + std::string(nuanxin::name(m_schema[i].type))};
        }
        m_values[i] = *value;
        return std::nullopt;
    }
    return FieldError{id() + "." + key, text, Str::PluginUnknownSetting, {}};
}

void Plugin::resetSettings() {
    m_values.clear();
    for (const SettingDecl& d : m_schema) m_values.push_back(d.defaultValue);
}

} // namespace nuanxin
