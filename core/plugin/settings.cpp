#include "core/plugin/settings.h"

#include <charconv>
#include <limits>

// cereal's JSON archive first: it makes rapidjson's assertions throw instead of abort.
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/util/date.h"

namespace nuanxin {
namespace {

constexpr std::int64_t kUnset = std::numeric_limits<std::int64_t>::min();
constexpr SettingType kTypes[] = {SettingType::Bool, SettingType::Int, SettingType::Yuan,
                                  SettingType::Date};

std::optional<SettingType> parseType(std::string_view text) {
    for (SettingType t : kTypes) {
        if (name(t) == text) return t;
    }
    return std::nullopt;
}

std::optional<std::int64_t> parseInteger(std::string_view text) {
    std::int64_t v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
    return v;
}

/// The schema's "default" of one entry as a value of its type.
std::optional<std::int64_t> defaultOf(SettingType type, const rapidjson::Value& v) {
    if (v.IsNull()) {
        // null = "not set": meaningful for dates and thresholds, not for a switch or an amount.
        if (type == SettingType::Date || type == SettingType::Int) return kUnset;
        return std::nullopt;
    }
    switch (type) {
    case SettingType::Bool:
        if (v.IsBool()) return v.GetBool() ? 1 : 0;
        return std::nullopt;
    case SettingType::Int:
        if (v.IsInt64()) return v.GetInt64();
        return std::nullopt;
    case SettingType::Yuan:
        if (v.IsInt64() && v.GetInt64() >= 0) return v.GetInt64();
        return std::nullopt;
    case SettingType::Date:
        if (v.IsString()) {
            return parseSettingValue(type, std::string_view(v.GetString(), v.GetStringLength()));
        }
        return std::nullopt;
    }
    return std::nullopt;
}

FieldError schemaError(std::string field, Str reason, std::string detail = {}) {
    return FieldError{std::move(field), {}, reason, std::move(detail)};
}

std::string stringMember(const rapidjson::Value& entry, const char* key) {
    const auto it = entry.FindMember(key);
    if (it == entry.MemberEnd() || !it->value.IsString()) return {};
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

} // namespace

std::string_view name(SettingType type) {
    switch (type) {
    case SettingType::Bool:
        return "bool";
    case SettingType::Int:
        return "int";
    case SettingType::Yuan:
        return "yuan";
    case SettingType::Date:
        return "date";
    }
    return "int";
}

Result<std::vector<SettingDecl>> parseSettingsSchema(std::string_view json) {
    std::vector<SettingDecl> out;
    if (json.empty()) return out;
    rapidjson::Document doc;
    try {
        doc.Parse(json.data(), json.size());
    } catch (const std::exception& e) {
        return schemaError("settings_schema", Str::PluginBadSchema, e.what());
    }
    if (doc.HasParseError()) {
        return schemaError("settings_schema", Str::PluginBadSchema,
                           std::string(rapidjson::GetParseError_En(doc.GetParseError())) +
                               " at byte " + std::to_string(doc.GetErrorOffset()));
    }
    if (!doc.IsObject())
        return schemaError("settings_schema", Str::PluginBadSchema, "not an object");
    const auto list = doc.FindMember("settings");
    if (list == doc.MemberEnd()) return out;
    if (!list->value.IsArray()) {
        return schemaError("settings_schema.settings", Str::PluginBadSchema, "not an array");
    }
    FieldErrors errors;
    rapidjson::SizeType index = 0;
    for (const auto& entry : list->value.GetArray()) {
        const std::string field = "settings_schema.settings[" + std::to_string(index++) + "]";
        if (!entry.IsObject()) {
            errors.push_back(schemaError(field, Str::PluginBadSchema, "not an object"));
            continue;
        }
        SettingDecl decl;
        decl.key = stringMember(entry, "key");
        if (decl.key.empty()) {
            errors.push_back(schemaError(field + ".key", Str::PluginBadSchema, "missing"));
            continue;
        }
        for (const SettingDecl& seen : out) {
            if (seen.key == decl.key) {
                errors.push_back(
                    schemaError(field + ".key", Str::PluginBadSchema, "duplicate " + decl.key));
            }
        }
        const auto type = parseType(stringMember(entry, "type"));
        if (!type) {
            errors.push_back(schemaError(field + ".type", Str::PluginBadSchema,
                                         "expected bool, int, yuan or date"));
            continue;
        }
        decl.type = *type;
        const auto def = entry.FindMember("default");
        if (def == entry.MemberEnd()) {
            errors.push_back(schemaError(field + ".default", Str::PluginBadSchema, "missing"));
            continue;
        }
        const auto value = defaultOf(decl.type, def->value);
        if (!value) {
            errors.push_back(schemaError(field + ".default", Str::PluginBadSchema,
                                         "not a " + std::string(name(decl.type))));
            continue;
        }
        decl.defaultValue = *value;
        decl.labelZh = stringMember(entry, "label_zh");
        decl.labelEn = stringMember(entry, "label_en");
        out.push_back(std::move(decl));
    }
    if (!errors.empty()) return errors;
    return out;
}

std::optional<std::int64_t> parseSettingValue(SettingType type, std::string_view text) {
    switch (type) {
    case SettingType::Bool:
        if (text == "true" || text == "1" || text == "on") return 1;
        if (text == "false" || text == "0" || text == "off") return 0;
        return std::nullopt;
    case SettingType::Int:
        if (text.empty() || text == "null") return kUnset;
        return parseInteger(text);
    case SettingType::Yuan: {
        const auto v = parseInteger(text);
        if (!v || *v < 0) return std::nullopt;
        return v;
    }
    case SettingType::Date: {
        if (text.empty() || text == "null") return kUnset;
        const auto d = Date::parse(text);
        if (!d) return std::nullopt;
        return d->daysSinceEpoch();
    }
    }
    return std::nullopt;
}

std::string formatSettingValue(SettingType type, std::int64_t value) {
    if (value == kUnset) return "null";
    switch (type) {
    case SettingType::Bool:
        return value != 0 ? "true" : "false";
    case SettingType::Date:
        return Date::fromDays(value).iso();
    case SettingType::Int:
    case SettingType::Yuan:
        break;
    }
    return std::to_string(value);
}

} // namespace nuanxin
