#include "core/view/plugin_admin.h"

#include <algorithm>

#include "plugins/api/nuanxin_plugin.h"

namespace nuanxin {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

} // namespace

std::string shortHash(std::string_view sha256, std::size_t digits) {
    if (sha256.size() <= digits) return std::string(sha256);
    return std::string(sha256.substr(0, digits)) + "\xE2\x80\xA6"; // "…"
}

std::string governedDivisionName(std::string_view code, const DivisionRegistry& divisions,
                                 Lang lang) {
    if (code == NX_DIVISION_NATIONAL) return tr(Str::UiPlugWholeCountry, lang);
    const Division* division = divisions.find(code);
    if (division == nullptr) return std::string(code);
    return division->name + " (" + std::string(code) + ')';
}

PluginRow pluginRow(const Plugin& plugin, const DivisionRegistry& divisions, Lang lang) {
    PluginRow row;
    row.id = plugin.id();
    row.name = plugin.name(lang);
    row.version = plugin.version();
    row.abi = plugin.abiText();
    row.extends = plugin.extends();
    for (const std::string& code : plugin.divisions()) {
        row.governs.push_back(governedDivisionName(code, divisions, lang));
    }
    row.builtIn = plugin.builtIn();
    row.origin = row.builtIn ? std::string(tr(Str::UiPlugBuiltIn, lang)) : plugin.origin();
    row.hash = shortHash(plugin.sha256());
    row.shadowed = plugin.shadowed();
    return row;
}

std::string settingLabel(const SettingDecl& decl, Lang lang) {
    const std::string& mine = lang == Lang::Zh ? decl.labelZh : decl.labelEn;
    const std::string& other = lang == Lang::Zh ? decl.labelEn : decl.labelZh;
    if (!mine.empty()) return mine;
    if (!other.empty()) return other;
    return decl.key;
}

std::vector<SettingRow> settingRows(const std::vector<SettingDecl>& schema,
                                    const std::vector<std::int64_t>& values, Lang lang) {
    std::vector<SettingRow> rows;
    rows.reserve(schema.size());
    for (std::size_t i = 0; i < schema.size(); ++i) {
        const SettingDecl& decl = schema[i];
        const std::int64_t value = i < values.size() ? values[i] : decl.defaultValue;
        SettingRow row;
        row.key = decl.key;
        row.label = settingLabel(decl, lang);
        row.type = decl.type;
        row.text = formatSettingValue(decl.type, value);
        row.defaultText = formatSettingValue(decl.type, decl.defaultValue);
        row.changed = value != decl.defaultValue;
        row.on = decl.type == SettingType::Bool && value != 0;
        rows.push_back(std::move(row));
    }
    return rows;
}

Str settingHint(SettingType type) {
    switch (type) {
    case SettingType::Bool:
        return Str::UiPlugHintBool;
    case SettingType::Int:
        return Str::UiPlugHintInt;
    case SettingType::Yuan:
        return Str::UiPlugHintYuan;
    case SettingType::Date:
        return Str::UiPlugHintDate;
    }
    return Str::UiPlugHintInt;
}

std::optional<std::string> divisionQuery(std::string_view text, const DivisionRegistry& divisions) {
    const std::string_view code = trimmed(text);
    if (code.empty() || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    if (divisions.find(code) == nullptr) return std::nullopt;
    return DivisionRegistry::normalize(code);
}

} // namespace nuanxin
