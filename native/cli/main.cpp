// nuanxin command-line tool: global options (--lang, --help), then one subcommand.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "native/cli/cli.h"
#include "native/cli/load_run.h"

namespace nuanxin::cli {
namespace {

/// The language from NUANXIN_LANG, then from any --lang on the command line (which wins).
/// Takes --lang out of the arguments. A bad code is a usage error.
Lang takeLang(std::vector<std::string>& args) {
    Lang lang = Lang::Zh;
    if (const char* env = std::getenv("NUANXIN_LANG")) {
        if (auto parsed = parseLang(env)) lang = *parsed;
    }
    for (std::size_t i = 0; i < args.size();) {
        std::string code;
        if (args[i] == "--lang") {
            if (i + 1 >= args.size()) throw UsageError{Str::CliMissingValue, "--lang"};
            code = args[i + 1];
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
                       args.begin() + static_cast<std::ptrdiff_t>(i + 2));
        } else if (args[i].compare(0, 7, "--lang=") == 0) {
            code = args[i].substr(7);
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
            continue;
        }
        const auto parsed = parseLang(code);
        if (!parsed) throw UsageError{Str::CliBadLang, code};
        lang = *parsed;
    }
    return lang;
}

int usageError(const UsageError& e, Lang lang) {
    std::cerr << "nuanxin: " << tr(Str::CliUsageError, lang) << ": " << tr(e.reason, lang);
    if (!e.detail.empty()) std::cerr << " (" << e.detail << ")";
    std::cerr << '\n' << tr(Str::CliSeeHelp, lang) << '\n';
    return kUsage;
}

int run(std::vector<std::string> args) {
    Lang lang = Lang::Zh;
    try {
        lang = takeLang(args);
        for (const auto& a : args) {
            if (a == "--help" || a == "-h") {
                std::cout << tr(Str::CliUsage, lang);
                return kOk;
            }
        }
        if (args.empty()) throw UsageError{Str::CliMissingArgument, "command"};
        const std::string command = args.front();
        Args rest(std::vector<std::string>(args.begin() + 1, args.end()), lang);
        if (command == "demo") return runDemo(rest);
        if (command == "validate-id") return runValidateId(rest);
        if (command == "info") return runInfo(rest);
        if (command == "plugin") return runPlugin(rest);
        if (command == "match") return runMatch(rest);
        if (command == "solve-assignment") return runSolveAssignment(rest);
        if (command == "bench" && args.size() > 1 && args[1] == "match") return runBenchMatch(rest);
        if (command == "import") return runImport(rest);
        if (command == "export") return runExport(rest);
        if (command == "check") return runCheck(rest);
        if (command == "backup") return runBackup(rest);
        if (command == "restore") return runRestore(rest);
        if (command == "store") return runStoreCrypto(rest);
        if (command == "bench" && args.size() > 1 && args[1] == "store") return runBenchStore(rest);
        if (command == "load-run") return runLoadRun(rest);
        if (command.compare(0, 1, "-") == 0) throw UsageError{Str::CliUnknownOption, command};
        throw UsageError{Str::CliUnknownCommand, command};
    } catch (const UsageError& e) {
        return usageError(e, lang);
    }
}

} // namespace
} // namespace nuanxin::cli

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return nuanxin::cli::run(std::move(args));
}
