#pragma once
// Plugin settings an administrator chose on the plugins screen, kept in the store so that they
// survive a restart and travel with the store's files: each is a journaled ChangeSetting under
// "plugin_setting:<plugin id>:<key>" holding the value in its canonical text. The plugin host
// holds the values in force; these functions keep the two in step.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/plugin/host.h"
#include "core/session/workspace.h"

namespace nuanxin {

/// @brief The store setting's key of a plugin's setting.
[[nodiscard]] std::string pluginSettingKey(std::string_view pluginId, std::string_view key);

/// @brief Sets a plugin's setting in `host` from text and journals it in `ws`'s store: both or
/// neither (a value the plugin refuses is not journaled; a commit that fails puts the earlier
/// value back). Errors name the plugin or the setting, the value and the reason.
[[nodiscard]] std::optional<FieldError> setPluginSetting(Workspace& ws, PluginHost& host,
                                                         const std::string& pluginId,
                                                         const std::string& key,
                                                         const std::string& value);

/// @brief Puts every active plugin's settings to their defaults, then to the values kept in
/// `ws`'s store (a store switch must not inherit the last store's choices). Values of plugins
/// not loaded now stay in the store for when they are. Returns how many stored values it set.
std::size_t applyStoredPluginSettings(const Workspace& ws, PluginHost& host);

} // namespace nuanxin
