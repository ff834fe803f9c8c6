// nuanxin plugin info FILE | plugin list [--dir DIR] [--approvals FILE]: what a plugin file
// declares (or why it is refused), and every built-in and loaded plugin.
#include <iostream>

#include "core/geo/divisions.h"
#include "core/plugin/host.h"
#include "native/cli/cli.h"
#include "plugins/builtin_plugins.h"

namespace nuanxin::cli {
namespace {

/// "510000 四川省": the declared codes with their names.
std::string regions(const Plugin& p) {
    std::string out;
    for (const std::string& code : p.divisions()) {
        if (!out.empty()) out += ", ";
        out += code;
        const std::string name = code == NX_DIVISION_NATIONAL
                                     ? std::string()
                                     : DivisionRegistry::builtIn().fullName(code);
        if (!name.empty()) out += " " + name;
    }
    return out;
}

void printDetails(const Plugin& p, Lang lang) {
    const auto line = [lang](Str label, const std::string& value) {
        std::cout << tr(label, lang) << ": " << value << '\n';
    };
    line(Str::CliPluginFile, p.builtIn() ? tr(Str::CliPluginBuiltIn, lang) : p.origin());
    line(Str::CliPluginId, p.id());
    line(Str::CliPluginName, p.name(lang));
    line(Str::CliPluginVersion, p.version());
    line(Str::CliPluginAbi, p.abiText());
    line(Str::CliPluginRegions, regions(p));
    line(Str::CliPluginExtends, p.extends().empty() ? tr(Str::CliPluginNone, lang) : p.extends());
    if (!p.builtIn()) line(Str::CliPluginHash, p.sha256());
    std::cout << tr(Str::CliPluginSettings, lang) << ":";
    if (p.schema().empty()) std::cout << ' ' << tr(Str::CliPluginNone, lang);
    std::cout << '\n';
    for (std::size_t i = 0; i < p.schema().size(); ++i) {
        const SettingDecl& s = p.schema()[i];
        std::cout << "  " << s.key << " (" << name(s.type)
                  << ") = " << formatSettingValue(s.type, p.settings()[i]) << "  "
                  << (lang == Lang::En ? s.labelEn : s.labelZh) << '\n';
    }
}

int pluginInfo(Args& args) {
    const Lang lang = args.lang();
    const std::string path = args.positional("FILE");
    args.finish();
    PluginHost host;
    if (const auto refused = host.loadFile(path)) {
        std::cerr << "nuanxin: " << refused->describe(lang) << '\n';
        return kFailed;
    }
    printDetails(*host.plugins().front(), lang);
    return kOk;
}

int pluginList(Args& args) {
    const Lang lang = args.lang();
    const auto dir = args.option("--dir");
    const auto approvalsFile = args.option("--approvals");
    args.finish();
    PluginHost host;
    std::vector<PluginRefusal> refusals = registerBuiltinPlugins(host);
    if (dir) {
        const PluginApprovals approvals =
            approvalsFile ? PluginApprovals::load(*approvalsFile) : PluginApprovals{};
        const auto more = host.loadDirectory(*dir, approvalsFile ? &approvals : nullptr);
        refusals.insert(refusals.end(), more.begin(), more.end());
    }
    // id, version, ABI, regions, origin/hash: one plugin per line, tab-separated for tools.
    for (const Plugin* p : host.plugins()) {
        std::cout << p->id() << '\t' << p->version() << '\t' << p->abiText() << '\t' << regions(*p)
                  << '\t'
                  << (p->builtIn() ? tr(Str::CliPluginBuiltIn, lang)
                                   : p->origin() + " " + p->sha256());
        if (p->shadowed()) std::cout << ' ' << tr(Str::CliPluginShadowed, lang);
        std::cout << '\n';
    }
    for (const PluginRefusal& r : refusals) std::cerr << "nuanxin: " << r.describe(lang) << '\n';
    return kOk;
}

} // namespace

int runPlugin(Args& args) {
    const std::string sub = args.positional("info|list");
    if (sub == "info") return pluginInfo(args);
    if (sub == "list") return pluginList(args);
    throw UsageError{Str::CliUnknownCommand, "plugin " + sub};
}

} // namespace nuanxin::cli
