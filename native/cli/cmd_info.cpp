// nuanxin info FILE [--json]: counts per province, category and kind.
#include <iostream>

#include "core/report/summary.h"
#include "core/serial/archive.h"
#include "native/cli/cli.h"

namespace nuanxin::cli {

int runInfo(Args& args) {
    const Lang lang = args.lang();
    const bool json = args.flag("--json");
    const std::string path = args.positional("FILE");
    args.finish();
    const auto loaded = loadDatasetFile(path);
    if (!loaded) {
        std::cerr << "nuanxin: " << tr(Str::CliLoadFailed, lang) << '\n';
        for (const auto& e : loaded.errors()) std::cerr << "  " << e.describe(lang) << '\n';
        return kFailed;
    }
    const Summary summary = summarize(loaded.value());
    if (json)
        std::cout << summaryJson(summary) << '\n';
    else
        std::cout << summaryText(summary, DivisionRegistry::builtIn(), lang);
    return kOk;
}

} // namespace nuanxin::cli
