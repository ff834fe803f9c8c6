// nuanxin export distribution --offer ID --store DIR --out FILE
// nuanxin export json --store DIR --out FILE
#include <filesystem>
#include <iostream>

#include "core/io/export.h"
#include "native/cli/cmd_store_common.h"

namespace nuanxin::cli {

int runExport(Args& args) {
    const Lang lang = args.lang();
    const std::string what = args.positional("distribution|json");
    const std::string dir = storeOption(args);
    const auto out = args.option("--out");
    if (!out) throw UsageError{Str::CliMissingArgument, "--out FILE"};
    std::optional<std::uint64_t> offer;
    if (auto v = args.option("--offer")) offer = parseCount("--offer", *v);
    auto passphrase = passphraseOption(args);
    args.finish();
    if (what != "distribution" && what != "json") throw UsageError{Str::CliBadTarget, what};
    if (what == "distribution" && !offer) throw UsageError{Str::CliMissingArgument, "--offer ID"};

    PosixFileSystem fs;
    askIfEncrypted(passphrase, fs, dir, lang);
    auto store = openStoreOrSay(fs, dir, lang, Store::Mode::ReadOnly, passphrase ? &*passphrase : nullptr);
    if (!store) return kFailed;
    // The CLI reads the clock, not the core: the export is dated today (UTC). A store that was
    // never given a title is named after its folder.
    std::filesystem::path folder = std::filesystem::path(dir).lexically_normal();
    if (folder.filename().empty()) folder = folder.parent_path(); // "dir/"
    const auto bytes =
        what == "json"
            ? exportJson(store->state(), JsonExportInfo{Date::today(), folder.filename().string()})
            : distributionListCsv(store->state(), *offer, store->divisions(), lang);
    if (!bytes.ok()) {
        for (const auto& e : bytes.errors()) std::cerr << "nuanxin: " << e.describe(lang) << '\n';
        return kFailed;
    }
    if (!writeWholeFile(*out, bytes.value(), lang)) return kFailed;
    std::cout << tr(Str::CliExported, lang) << ' ' << *out << '\n';
    return kOk;
}

} // namespace nuanxin::cli
