#include "native/cli/cmd_store_common.h"

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

#ifndef __EMSCRIPTEN__
#include <termios.h>
#include <unistd.h>
#endif

namespace nuanxin::cli {
namespace {

#ifndef __EMSCRIPTEN__
/// Shows `prompt` and reads one line from the terminal, not echoed. Only when standard input is
/// a terminal: a script gets the refusal at once instead of a prompt that waits. nullopt when it
/// is not one, or nothing was typed.
std::optional<Secret> promptSecret(const std::string& prompt) {
    if (isatty(STDIN_FILENO) == 0) return std::nullopt;
    termios saved{};
    if (tcgetattr(STDIN_FILENO, &saved) != 0) return std::nullopt;
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    // Echo off before the prompt shows: TCSAFLUSH drops what was typed ahead, never the answer.
    (void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    std::cerr << prompt << ' ' << std::flush;
    std::string line;
    std::getline(std::cin, line);
    (void)tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << '\n';
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::optional<Secret> typed;
    if (!line.empty()) typed.emplace(line);
    wipe(line);
    return typed;
}
#endif

} // namespace

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

void askIfEncrypted(std::optional<Secret>& passphrase, const FileSystem& fs, const std::string& dir,
                    Lang lang) {
#ifndef __EMSCRIPTEN__
    if (!passphrase && Store::isEncrypted(fs, dir)) {
        passphrase = promptSecret(fillSlots(tr(Str::UiPassPrompt, lang), {dir}));
    }
#else
    (void)passphrase;
    (void)fs;
    (void)dir;
    (void)lang;
#endif
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

void askNewPassphrase(std::optional<Secret>& passphrase, const std::string& dir, Lang lang) {
#ifndef __EMSCRIPTEN__
    if (passphrase) return;
    auto first = promptSecret(fillSlots(tr(Str::CliNewPassPrompt, lang), {dir}));
    if (!first) return;
    // Typed twice: a slip of the finger here would lock the store for good.
    const auto again = promptSecret(std::string(tr(Str::UiPassRepeat, lang)) + ":");
    if (!again || again->view() != first->view()) throw UsageError{Str::UiPassMismatch, ""};
    passphrase = std::move(first);
#else
    (void)passphrase;
    (void)dir;
    (void)lang;
#endif
}

} // namespace nuanxin::cli
