// nuanxin check --store DIR | backup --store DIR --out FILE | restore FILE --store DIR
// (an encrypted store's passphrase: --passphrase-file FILE or NUANXIN_PASSPHRASE; a backup
// copies its files sealed, so none is needed there)
#include <iostream>

#include "core/io/export.h"
#include "native/cli/cmd_store_common.h"

namespace nuanxin::cli {
int runCheck(Args& args) {
    const Lang lang = args.lang();
    const std::string dir = storeOption(args);
    auto passphrase = passphraseOption(args);
    args.finish();
    PosixFileSystem fs;
    askIfEncrypted(passphrase, fs, dir, lang);
    const CheckReport r = verifyStore(fs, dir, passphrase ? &*passphrase : nullptr);
    if (r.headerProblem) {
        std::cout << tr(Str::CliCheckFailed, lang) << ": " << r.headerProblem->describe(lang)
                  << '\n';
        return kFailed;
    }
    std::cout << tr(Str::CliJournalBytes, lang) << ": " << r.journalBytes << '\n'
              << tr(Str::StoreRecords, lang) << ": " << r.records << '\n';
    if (!r.journalOk) {
        std::cout << tr(Str::StoreTailCut, lang) << "? offset " << r.scan.goodEnd << ", "
                  << r.scan.droppedBytes << " bytes, " << r.scan.droppedRecords << ' '
                  << tr(Str::StoreRecords, lang) << " (" << endName(r.scan.end)
                  << (r.scan.detail.empty() ? "" : ": " + r.scan.detail) << ")\n";
    }
    if (r.snapshotPresent) {
        if (r.snapshotProblem) {
            std::cout << tr(Str::StoreSnapshotRefused, lang) << ": "
                      << r.snapshotProblem->describe(lang) << '\n';
        } else {
            std::cout << tr(r.snapshotMatches ? Str::CliSnapshotMatches : Str::CliSnapshotMismatch,
                            lang)
                      << " (" << r.snapshotSequence << ")\n";
        }
    }
    std::cout << tr(Str::Households, lang) << ' ' << r.households << ", " << tr(Str::Needs, lang)
              << ' ' << r.needs << ", " << tr(Str::Donors, lang) << ' ' << r.donors << ", "
              << tr(Str::Offers, lang) << ' ' << r.offers << '\n'
              << tr(r.ok() ? Str::CliCheckOk : Str::CliCheckFailed, lang) << '\n';
    return r.ok() ? kOk : kFailed;
}

int runBackup(Args& args) {
    const Lang lang = args.lang();
    const std::string dir = storeOption(args);
    const auto out = args.option("--out");
    if (!out) throw UsageError{Str::CliMissingArgument, "--out FILE"};
    args.finish();
    PosixFileSystem fs;
    const auto bytes = backupStore(fs, dir);
    if (!bytes.ok()) {
        for (const auto& e : bytes.errors()) std::cerr << "nuanxin: " << e.describe(lang) << '\n';
        return kFailed;
    }
    if (!writeWholeFile(*out, bytes.value(), lang)) return kFailed;
    std::cout << tr(Str::CliBackupWrote, lang) << ' ' << *out << " (" << bytes.value().size()
              << " bytes)\n";
    return kOk;
}

int runRestore(Args& args) {
    const Lang lang = args.lang();
    const std::string file = args.positional("FILE");
    const std::string dir = storeOption(args);
    const auto passphrase = passphraseOption(args);
    args.finish();
    const auto bytes = readWholeFile(file);
    if (!bytes) {
        std::cerr << "nuanxin: " << file << ": " << tr(Str::SerialFileOpen, lang) << '\n';
        return kFailed;
    }
    PosixFileSystem fs;
    const auto report =
        restoreStore(fs, *bytes, dir, DivisionRegistry::builtIn(), passphrase ? &*passphrase : nullptr);
    if (!report.ok()) {
        for (const auto& e : report.errors()) std::cerr << "nuanxin: " << e.describe(lang) << '\n';
        return kFailed;
    }
    for (const auto& line : report.value().describe(lang)) std::cout << line << '\n';
    std::cout << tr(Str::CliRestored, lang) << ' ' << dir << '\n';
    return kOk;
}

} // namespace nuanxin::cli
