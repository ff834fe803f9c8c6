#pragma once
// The plugins compiled into every build, listed by a file CMake generates from the
// add_nuanxin_plugin() calls of plugins/CMakeLists.txt.
#include <vector>

#include "core/plugin/host.h"

namespace nuanxin {

/// @brief Every built-in plugin, in the order plugins/CMakeLists.txt adds them (base first).
[[nodiscard]] const std::vector<BuiltinPlugin>& builtinPlugins();

/// @brief Registers every built-in plugin with `host`; returns the refusals (normally none).
std::vector<PluginRefusal> registerBuiltinPlugins(PluginHost& host);

} // namespace nuanxin
