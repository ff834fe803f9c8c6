#include "native/cli/cmd_store_common.h"

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

namespace nuanxin::cli {

std::string storeOption(Args& args) {
    auto dir = args.option("--store");
    if (!dir) throw UsageError{Str::CliMissingArgument, "--store DIR"};
    return *dir;
}

std::string userName(Args& args) {
    if (auto u = args.option("--user")) return *u;
    if (const char* env = std::getenv("USER")) {
        if (*env) return env;
    }
    return "cli";
}

Timestamp now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::optional<std::string> readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool writeWholeFile(const std::string& path, const std::string& bytes, Lang lang) {
    PosixFileSystem fs;
    if (fs.writeAtomic(path, bytes)) return true;
    std::cerr << "nuanxin: " << path << ": " << tr(Str::SerialFileWrite, lang) << " ("
              << fs.lastError() << ")\n";
    return false;
}

std::optional<Secret> passphraseOption(Args& args, const std::string& prefix) {
    for (const char* argv : {"--passphrase", "--new-passphrase"}) {
        if (args.option(argv)) throw UsageError{Str::CliPassphraseArgv, argv};
    }
    if (auto file = args.option("--" + prefix + "passphrase-file")) {
        auto bytes = readWholeFile(*file);
        if (!bytes) throw UsageError{Str::CliPassphraseFile, *file};
        // The first line: a file written by `echo` ends with a line break that is not part of it.
        std::string_view line(*bytes);
        line = line.substr(0, line.find('\n'));
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        Secret secret(line);
        wipe(*bytes);
        return secret;
    }
    std::string variable = "NUANXIN_" + prefix + "PASSPHRASE";
    for (char& c : variable) c = c == '-' ? '_' : static_cast<char>(std::toupper(c));
    if (const char* env = std::getenv(variable.c_str())) return Secret(env);
    return std::nullopt;
}

std::unique_ptr<Store> openStoreOrSay(FileSystem& fs, const std::string& dir, Lang lang,
                                      Store::Mode mode, const Secret* passphrase) {
    auto store = Store::open(fs, dir, DivisionRegistry::builtIn(),
                             Store::Options{mode, passphrase, KdfLimits::interactive()});
    if (!store.ok()) {
        std::cerr << "nuanxin: " << dir << '\n';
        for (const auto& e : store.errors()) std::cerr << "  " << e.describe(lang) << '\n';
        return nullptr;
    }
    const OpenReport& r = store.value()->report();
    if (r.tailCut() || r.snapshotProblem) {
        for (const auto& line : r.describe(lang)) std::cerr << "nuanxin: " << line << '\n';
    }
    return std::move(store.value());
}

} // namespace nuanxin::cli
