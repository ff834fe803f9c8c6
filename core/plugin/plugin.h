#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/plugin/settings.h"
#include "plugins/api/nuanxin_plugin.h"

namespace nuanxin {

/// @brief Why the host did not take a plugin. Every refusal names the file (or the built-in).
struct PluginRefusal {
    std::string file; ///< path as given, or "built-in:<name>"
    Str reason = Str::PluginNotModule;
    std::string detail; ///< language-neutral facts: a symbol, versions, sizes, an id, hashes

    /// @brief "<file>: plugin refused: <reason> (<detail>)" in `lang`.
    [[nodiscard]] std::string describe(Lang lang) const;
};

/// @brief An open shared library or side module; closes it when the last owner lets go.
class LoadedLibrary;

/// @brief One accepted plugin: its description (owned by the plugin's code), where it came
/// from, and its current settings.
class Plugin {
public:
    Plugin(const nx_plugin_info* info, std::uint32_t abi, std::string origin, std::string sha256,
           std::vector<SettingDecl> schema, std::shared_ptr<LoadedLibrary> library);

    [[nodiscard]] const nx_plugin_info& info() const { return *m_info; }
    [[nodiscard]] std::string id() const { return m_info->id; }
    [[nodiscard]] std::string name(Lang lang) const;
    [[nodiscard]] std::string version() const;
    [[nodiscard]] std::string extends() const;
    /// @brief Governed codes as declared (e.g. "510000", "100000").
    [[nodiscard]] std::vector<std::string> divisions() const;
    /// @brief ABI the plugin was built with, as "major.minor".
    [[nodiscard]] std::string abiText() const;
    [[nodiscard]] std::uint32_t abi() const { return m_abi; }
    /// @brief "built-in:<id>" or the file's path.
    [[nodiscard]] const std::string& origin() const { return m_origin; }
    [[nodiscard]] bool builtIn() const { return m_library == nullptr; }
    /// @brief SHA-256 of the file (empty for built-ins).
    [[nodiscard]] const std::string& sha256() const { return m_sha256; }
    [[nodiscard]] const std::vector<SettingDecl>& schema() const { return m_schema; }
    /// @brief Current values, in schema order (what nx_context.settings points to).
    [[nodiscard]] const std::vector<std::int64_t>& settings() const { return m_values; }
    /// @brief Sets one value from text; an error names the key and the reason.
    [[nodiscard]] std::optional<FieldError> setSetting(const std::string& key,
                                                       const std::string& text);
    /// @brief Back to the schema's defaults.
    void resetSettings();
    /// @brief A file plugin with the same id replaced this built-in one.
    [[nodiscard]] bool shadowed() const { return m_shadowed; }
    void setShadowed(bool on) { m_shadowed = on; }

private:
    const nx_plugin_info* m_info;
    std::uint32_t m_abi;
    std::string m_origin;
    std::string m_sha256;
    std::vector<SettingDecl> m_schema;
    std::vector<std::int64_t> m_values;
    std::shared_ptr<LoadedLibrary> m_library;
    bool m_shadowed = false;
};

} // namespace nuanxin
