// nuanxin import households|offers|donors FILE --store DIR [--encoding auto|utf8|gb18030]
//   [--all-or-nothing] [--org NAME] [--user NAME] [--rejects FILE] [--map HEADER=FIELD,...]
#include <algorithm>
#include <csignal>
#include <iostream>

#include "core/io/import.h"
#include "native/cli/cmd_store_common.h"

namespace nuanxin::cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;
std::atomic<bool> g_cancel{false};

extern "C" void onImportInterrupt(int) {
    g_stop = 1;
}

ImportTarget parseTarget(const std::string& text) {
    if (text == "households") return ImportTarget::Households;
    if (text == "offers") return ImportTarget::Offers;
    if (text == "donors") return ImportTarget::Donors;
    throw UsageError{Str::CliBadTarget, text};
}

void printSummary(const ImportReport& r, Lang lang) {
    std::cout << tr(Str::CliEncodingUsed, lang) << ": " << encodingName(r.encoding) << '\n'
              << tr(Str::CliRowsRead, lang) << ": " << r.rows << '\n'
              << tr(Str::CliRowsAccepted, lang) << ": " << r.rowsAccepted << '\n'
              << tr(Str::CliRecordsAdded, lang) << ": " << r.recordsAdded << '\n'
              << tr(Str::CliRowsRejected, lang) << ": " << r.rejects.size() << '\n';
    if (!r.held.empty()) {
        std::cout << tr(Str::CliHeldDuplicates, lang) << ": " << r.held.size() << '\n';
        for (const auto& h : r.held) {
            std::cout << "  line " << h.line << " -> " << tr(Str::ExpColHousehold, lang) << ' '
                      << h.existing << " (pending " << h.pendingId << ")\n";
        }
    }
    if (!r.likely.empty()) {
        std::cout << tr(Str::CliLikelyDuplicates, lang) << ": " << r.likely.size() << '\n';
        for (const auto& d : r.likely) {
            std::cout << "  " << d.a << " ~ " << d.b << ": " << tr(d.reason, lang) << '\n';
        }
    }
}

/// `--map 户主姓名=name,联系电话=phone`: an office's own headers on top of the usual ones.
HeaderMap parseMapping(const std::string& text, ImportTarget target) {
    HeaderMap map = HeaderMap::defaults(target);
    const std::vector<std::string> fields = HeaderMap::fields(target);
    std::string known;
    for (const std::string& f : fields) known += (known.empty() ? "" : ", ") + f;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string pair = text.substr(start, end - start);
        const std::size_t eq = pair.find('=');
        const std::string field = eq == std::string::npos ? std::string() : pair.substr(eq + 1);
        if (eq == 0 || eq == std::string::npos ||
            std::find(fields.begin(), fields.end(), field) == fields.end()) {
            throw UsageError{Str::CliBadMapping, pair + ": " + known};
        }
        map.set(pair.substr(0, eq), field);
        start = end + 1;
    }
    return map;
}

} // namespace

int runImport(Args& args) {
    const Lang lang = args.lang();
    const ImportTarget target = parseTarget(args.positional("households|offers|donors"));
    const std::string file = args.positional("FILE");
    const std::string dir = storeOption(args);
    ImportOptions options;
    if (auto e = args.option("--encoding")) {
        const auto parsed = parseEncoding(*e);
        if (!parsed) throw UsageError{Str::CliBadEncoding, *e};
        options.encoding = *parsed;
    }
    options.allOrNothing = args.flag("--all-or-nothing");
    options.who = userName(args);
    options.organisation = args.option("--org").value_or(options.who);
    if (auto m = args.option("--map")) options.headers = parseMapping(*m, target);
    // By default beside the working folder, never beside the input (which may be read-only).
    const std::string base =
        file.substr(file.find_last_of('/') == std::string::npos ? 0 : file.find_last_of('/') + 1);
    const std::string rejectsPath = args.option("--rejects").value_or(base + ".rejects.csv");
    auto passphrase = passphraseOption(args);
    args.finish();
    options.when = now();

    const auto bytes = readWholeFile(file);
    if (!bytes) {
        std::cerr << "nuanxin: " << file << ": " << tr(Str::SerialFileOpen, lang) << '\n';
        return kFailed;
    }
    PosixFileSystem fs;
    askIfEncrypted(passphrase, fs, dir, lang);
    auto store = openStoreOrSay(fs, dir, lang, Store::Mode::ReadWrite, passphrase ? &*passphrase : nullptr);
    if (!store) return kFailed;

    std::signal(SIGINT, onImportInterrupt);
    options.cancel = &g_cancel;
    options.progress = [&](std::size_t done, std::size_t total) {
        if (g_stop) g_cancel = true;
        std::cerr << '\r' << tr(Str::CliImportProgress, lang) << ' ' << done << " / ~" << total
                  << std::flush;
    };
    const ImportReport report = importCsv(*store, *bytes, target, options, file);
    std::cerr << '\n';
    if (report.fatal) {
        std::cerr << "nuanxin: " << report.fatal->describe(lang) << '\n'
                  << tr(Str::CliNothingCommitted, lang) << '\n';
        return kFailed;
    }
    printSummary(report, lang);
    if (!report.rejects.empty()) {
        if (writeWholeFile(rejectsPath, rejectsCsv(report, lang), lang)) {
            std::cout << tr(Str::CliRejectsWritten, lang) << ' ' << rejectsPath << '\n';
        }
    }
    if (!report.committed) std::cout << tr(Str::CliNothingCommitted, lang) << '\n';
    // A snapshot after a large import keeps the next opening fast.
    if (report.committed && store->bytesSinceSnapshot() > (1U << 20)) {
        std::string error;
        if (!store->writeSnapshot(&error)) std::cerr << "nuanxin: snapshot: " << error << '\n';
    }
    if (report.cancelled) {
        std::cerr << tr(Str::CliImportCancelled, lang) << '\n';
        return kInterrupted;
    }
    return report.clean() ? kOk : kFailed;
}

} // namespace nuanxin::cli
