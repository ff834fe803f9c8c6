#include "native/cli/cmd_store_common.h"

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

std::unique_ptr<Store> openStoreOrSay(FileSystem& fs, const std::string& dir, Lang lang,
                                      Store::Mode mode) {
    auto store = Store::open(fs, dir, DivisionRegistry::builtIn(), mode);
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
