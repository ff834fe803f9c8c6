#pragma once
// A region plugin's description (nx_plugin_info) for the suites that write a plugin against
// the C ABI themselves: the fields every description fills, the rest left to the test.
#include <cstdint>

#include "plugins/api/nuanxin_plugin.h"

namespace nuanxin::test {

/// @brief A description with `id` as its names, version 1.0, governing the first `count` of
/// `divisions` (which, like the description, must live as long as the plugin: static).
inline nx_plugin_info pluginInfo(const char* id, const char* const* divisions, std::uint32_t count = 1,
                                 const char* extends = nullptr) {
    nx_plugin_info i{};
    i.struct_size = sizeof(nx_plugin_info);
    i.id = id;
    i.name_zh = id;
    i.name_en = id;
    i.version = "1.0";
    i.divisions = divisions;
    i.division_count = count;
    i.extends = extends;
    return i;
}

} // namespace nuanxin::test
