#include "plugins/builtin_plugins.h"

namespace nuanxin {

std::vector<PluginRefusal> registerBuiltinPlugins(PluginHost& host) {
    std::vector<PluginRefusal> refusals;
    for (const BuiltinPlugin& p : builtinPlugins()) {
        if (auto r = host.addBuiltin(p)) refusals.push_back(*r);
    }
    return refusals;
}

} // namespace nuanxin
