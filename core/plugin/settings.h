#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/error.h"

namespace nuanxin {

/// @brief Types a plugin setting may have; values travel as int64 (nx_context.settings).
enum class SettingType : std::uint8_t {
    Bool, ///< 0 / 1
    Int,  ///< any integer (e.g. a temperature in °C)
    Yuan, ///< an amount in whole yuan, >= 0
    Date, ///< days since 1970-01-01; written "YYYY-MM-DD"
};

/// @brief One entry of a plugin's settings schema.
struct SettingDecl {
    std::string key;
    SettingType type = SettingType::Int;
    std::int64_t defaultValue = 0; ///< INT64_MIN (NX_UNSET) when the default is null
    std::string labelZh;
    std::string labelEn;
};

/// @brief Parses a schema {"settings":[{"key","type","default","label_zh","label_en"}, ...]}.
/// Empty or null text is an empty schema. Errors name the entry and field; never throws.
[[nodiscard]] Result<std::vector<SettingDecl>> parseSettingsSchema(std::string_view json);

/// @brief Parses a value written by a person ("true", "500", "-12", "2026-12-20", "" for unset
/// where allowed) for a setting of `type`; nullopt when it does not fit.
[[nodiscard]] std::optional<std::int64_t> parseSettingValue(SettingType type,
                                                            std::string_view text);

/// @brief The value as a person writes it ("true", "500", "2026-12-20", "null").
[[nodiscard]] std::string formatSettingValue(SettingType type, std::int64_t value);

/// @brief Stable name of a type as written in schemas ("bool", "int", "yuan", "date").
[[nodiscard]] std::string_view name(SettingType type);

} // namespace nuanxin
