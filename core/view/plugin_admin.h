#pragma once
// What the plugins screen shows of the region plugins, as plain data: the rows of the plugin
// table, the settings form made from a plugin's schema, the names of the divisions it governs,
// and the county an administrator types to ask which plugin chain governs it. No ImGui here:
// tested in tests/core/test_view_plugins.cpp.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/divisions.h"
#include "core/plugin/plugin.h"

namespace nuanxin {

/// @brief The first `digits` hex digits of a SHA-256 followed by "…"; the whole text when it is
/// not longer; "" for none (built-ins have no file hash).
[[nodiscard]] std::string shortHash(std::string_view sha256, std::size_t digits = 12);

/// @brief A governed code as a person reads it: "四川省 (510000)", "成都市 (510100)", the
/// whole country for NX_DIVISION_NATIONAL, the bare code when the registry does not know it.
[[nodiscard]] std::string governedDivisionName(std::string_view code,
                                               const DivisionRegistry& divisions, Lang lang);

/// @brief One row of the plugin table.
struct PluginRow {
    std::string id;
    std::string name;    ///< in the screen's language
    std::string version;
    std::string abi;     ///< "major.minor"
    std::string extends; ///< the base plugin's id, "" for none
    std::vector<std::string> governs; ///< governedDivisionName() of each declared code
    std::string origin;  ///< "built-in" (translated) or the file's path
    std::string hash;    ///< shortHash() of the file, "" for a built-in
    bool builtIn = false;
    bool shadowed = false; ///< a file with the same id replaced it
};

[[nodiscard]] PluginRow pluginRow(const Plugin& plugin, const DivisionRegistry& divisions, Lang lang);

/// @brief A setting's label in `lang`, else in the other language, else its key.
[[nodiscard]] std::string settingLabel(const SettingDecl& decl, Lang lang);

/// @brief One field of a plugin's settings form.
struct SettingRow {
    std::string key;
    std::string label;
    SettingType type = SettingType::Int;
    std::string text;        ///< current value as a person writes it ("600", "2026-01-05", "null")
    std::string defaultText; ///< the schema's default, written the same way
    bool changed = false;    ///< differs from the default
    bool on = false;         ///< Bool: the current value
};

/// @brief The form rows of a schema and its current values (schema order; a value missing from
/// `values` reads as the default).
[[nodiscard]] std::vector<SettingRow> settingRows(const std::vector<SettingDecl>& schema,
                                                  const std::vector<std::int64_t>& values, Lang lang);

/// @brief What a person may type for a setting of `type` (a hint under the field).
[[nodiscard]] Str settingHint(SettingType type);

/// @brief The division code an administrator typed to ask who governs it, in the short form the
/// host compares ("510104", "5101", "51"); spaces around it are ignored. Nullopt when it is not
/// a code of the registry.
[[nodiscard]] std::optional<std::string> divisionQuery(std::string_view text,
                                                       const DivisionRegistry& divisions);

} // namespace nuanxin
