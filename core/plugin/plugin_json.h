#pragma once
// The plugin host as JSON, for the front ends' read-only test hooks and the browser page
// (window.nuanxinPlugins): one writer, so the desktop and the browser report alike.
#include <string>
#include <string_view>

#include "core/plugin/host.h"
#include "core/util/json.h"

namespace nuanxin {

/// @brief Every accepted plugin: [{"id","version","abi","regions":[...],"builtin","origin",
/// "sha256","shadowed"}], in registration order; origin is the file's path or "built-in:<name>".
[[nodiscard]] std::string pluginsJson(const PluginHost& host);

/// @brief The ids of the plugins in force (built-ins a file replaced left out): ["national",...].
[[nodiscard]] std::string activePluginIdsJson(const PluginHost& host);

/// @brief Every refusal so far: [{"file","reason":<translation key>,"text":<describe(lang)>}].
[[nodiscard]] std::string refusalsJson(const PluginHost& host, Lang lang);

} // namespace nuanxin
