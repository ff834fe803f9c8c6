// nuanxin store encrypt --store DIR | store passphrase --store DIR
// The passphrases come from files or the environment (cmd_store_common.h), or are typed on a
// terminal (a new one twice), never from argv.
#include <chrono>
#include <iostream>

#include "native/cli/cmd_store_common.h"

namespace nuanxin::cli {
namespace {

/// "2 passes over 64 MiB, 152 ms": what the key derivation cost, for the user's information.
std::string kdfFigure(const KdfLimits& limits, std::chrono::steady_clock::duration took) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
    return std::to_string(limits.ops) + " x " + std::to_string(limits.mem >> 20) + " MiB, " +
           std::to_string(ms) + " ms";
}

int say(const FieldError& e, Lang lang) {
    std::cerr << "nuanxin: " << e.describe(lang) << '\n';
    return kFailed;
}

/// Encrypts an existing plain store in place (or creates an empty encrypted one).
int encrypt(Args& args) {
    const Lang lang = args.lang();
    const std::string dir = storeOption(args);
    auto passphrase = passphraseOption(args);
    args.finish();
    PosixFileSystem fs;
    const KdfLimits limits = KdfLimits::interactive();
    if (Store::isEncrypted(fs, dir)) return say({dir, "", Str::StoreAlreadyEncrypted, ""}, lang);
    askNewPassphrase(passphrase, dir, lang);
    if (!passphrase) throw UsageError{Str::CliNeedPassphrase, ""};
    const bool exists = fs.exists(Store::journalPath(dir));
    const auto start = std::chrono::steady_clock::now();
    // A missing store is created encrypted; an existing one is opened plain, then sealed.
    auto store = openStoreOrSay(fs, dir, lang, Store::Mode::ReadWrite, exists ? nullptr : &*passphrase);
    if (!store) return kFailed;
    if (exists) {
        if (auto problem = store->encrypt(*passphrase, limits)) return say(*problem, lang);
    }
    const auto took = std::chrono::steady_clock::now() - start;
    std::cout << tr(Str::CliStoreEncrypted, lang) << ": " << dir << '\n'
              << tr(Str::CliKdfFigure, lang) << " (" << kdfFigure(limits, took) << ")\n";
    return kOk;
}

/// Wraps the data key under a new passphrase (the data is not rewritten).
int changePassphrase(Args& args) {
    const Lang lang = args.lang();
    const std::string dir = storeOption(args);
    auto passphrase = passphraseOption(args);
    auto fresh = passphraseOption(args, "new-");
    args.finish();
    PosixFileSystem fs;
    if (!Store::isEncrypted(fs, dir)) return say({dir, "", Str::StoreNotEncrypted, ""}, lang);
    askIfEncrypted(passphrase, fs, dir, lang);
    if (!passphrase) throw UsageError{Str::CliNeedPassphrase, ""};
    askNewPassphrase(fresh, dir, lang);
    if (!fresh) throw UsageError{Str::CliNeedNewPassphrase, ""};
    auto store = openStoreOrSay(fs, dir, lang, Store::Mode::ReadWrite, &*passphrase);
    if (!store) return kFailed;
    if (auto problem = store->changePassphrase(*fresh, KdfLimits::interactive())) {
        return say(*problem, lang);
    }
    std::cout << tr(Str::CliPassphraseChanged, lang) << ": " << dir << '\n';
    return kOk;
}

} // namespace

int runStoreCrypto(Args& args) {
    const std::string what = args.positional("encrypt|passphrase");
    if (what == "encrypt") return encrypt(args);
    if (what == "passphrase") return changePassphrase(args);
    throw UsageError{Str::CliUnknownCommand, "store " + what};
}

} // namespace nuanxin::cli
