// nuanxin bench store --households N [--dir DIR] [--appends M]
// Figures for the README: CSV import (rows/s, peak memory), opening a store from its snapshot,
// durable appends per second. Each figure comes with a baseline measured in the same run on the
// same machine, so that the ratio means something on another machine too.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sys/resource.h>

#include "core/id/resident_id.h"
#include "core/io/import.h"
#include "core/util/csv.h"
#include "native/cli/cmd_store_common.h"

namespace nuanxin::cli {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Peak resident memory of this process so far, in MiB (0 where the platform does not say).
double peakMiB() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux: kilobytes
}

/// N synthetic one-person households over Sichuan's counties, each with a coal need.
std::string syntheticCsv(std::size_t n) {
    const auto counties = DivisionRegistry::builtIn().counties("51");
    std::string csv = "姓名,身份证号,所属区划,类别,电话,住址,需求,数量\n";
    csv.reserve(n * 110);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string& county = counties[i % counties.size()]->code;
        // Unique per row: county, a birth day from 1940 on, and a sequence number.
        const std::size_t k = i / counties.size();
        const Date birth = Date::fromDays(-10957 + static_cast<std::int64_t>(k / 999 % 20000));
        const std::string seq = std::to_string(1000 + k % 999 + 1).substr(1);
        char ymd[9];
        std::snprintf(ymd, sizeof ymd, "%04d%02d%02d", birth.year, birth.month, birth.day);
        std::string id = county + ymd + seq;
        id += residentIdCheckChar(id);
        csv += "居民" + std::to_string(i % 1000) + ',' + id + ',' + county + ",低保对象,139" +
               std::to_string(10000000 + i % 90000000) + ",某街道" + std::to_string(i) +
               "号,煤炭,300\n";
    }
    return csv;
}

Submission settingChange(std::uint64_t i) {
    return Submission{
        "bench", 1731672000, {cmd::ChangeSetting{"bench.counter", std::to_string(i)}}};
}

} // namespace

int runBenchStore(Args& args) {
    const Lang lang = args.lang();
    const std::string what = args.positional("store");
    if (what != "store") throw UsageError{Str::CliBadTarget, what};
    std::uint64_t n = 100000;
    if (auto v = args.option("--households")) n = parseCount("--households", *v);
    const std::string root = args.option("--dir").value_or("nuanxin-bench");
    std::uint64_t appends = 300;
    if (auto v = args.option("--appends")) appends = parseCount("--appends", *v);
    args.finish();
    const std::string dir = root + "/store-" + std::to_string(now());
    PosixFileSystem fs;
    if (fs.exists(Store::journalPath(dir))) throw UsageError{Str::IoStoreNotEmpty, dir};

    std::cout << "bench store: " << n << " households, store " << dir << '\n';
    const std::string csv = syntheticCsv(static_cast<std::size_t>(n));

    // Baseline: reading the same text with the CSV reader alone.
    auto t0 = Clock::now();
    std::size_t rows = 0;
    {
        CsvReader reader(csv);
        CsvRow row;
        while (reader.next(row)) ++rows;
    }
    const double parseSeconds = secondsSince(t0);

    auto store = openStoreOrSay(fs, dir, lang, Store::Mode::ReadWrite);
    if (!store) return kFailed;
    ImportOptions options;
    options.who = "bench";
    options.when = 1731672000;
    t0 = Clock::now();
    const ImportReport report =
        importCsv(*store, csv, ImportTarget::Households, options, "bench.csv");
    const double importSeconds = secondsSince(t0);
    const double importPeak = peakMiB();
    if (report.fatal || !report.rejects.empty()) {
        std::cerr << "bench: import refused rows: " << report.rejects.size() << '\n';
        for (std::size_t i = 0; i < report.rejects.size() && i < 5; ++i) {
            std::cerr << "  line " << report.rejects[i].line << ": "
                      << keyName(report.rejects[i].reason) << '\n';
        }
        return kFailed;
    }
    std::cout << "import: " << report.rowsAccepted << " rows in " << importSeconds
              << " s = " << static_cast<double>(report.rowsAccepted) / importSeconds
              << " rows/s; peak memory " << importPeak << " MiB; baseline CSV read alone "
              << static_cast<double>(rows) / parseSeconds << " rows/s (import/baseline time ratio "
              << importSeconds / parseSeconds << ")\n";

    t0 = Clock::now();
    std::string error;
    if (!store->writeSnapshot(&error)) {
        std::cerr << "bench: snapshot: " << error << '\n';
        return kFailed;
    }
    const double snapshotSeconds = secondsSince(t0);
    const auto snapshotBytes = fs.fileSize(Store::snapshotPath(dir)).value_or(0);
    std::cout << "snapshot: " << snapshotBytes << " bytes written in " << snapshotSeconds << " s\n";
    store.reset();

    // Baseline: reading the snapshot's bytes alone.
    t0 = Clock::now();
    const auto raw = fs.read(Store::snapshotPath(dir), 0, ~std::uint64_t{0});
    const double readSeconds = secondsSince(t0);
    t0 = Clock::now();
    store = openStoreOrSay(fs, dir, lang, Store::Mode::ReadWrite);
    const double openSeconds = secondsSince(t0);
    if (!store || !raw) return kFailed;
    std::cout << "open: " << store->state().dataset().households.size() << " households in "
              << openSeconds << " s (snapshot "
              << (store->report().snapshotUsed ? "used" : "NOT used")
              << "); baseline reading the snapshot file " << readSeconds << " s (ratio "
              << openSeconds / readSeconds << ")\n";
    // The person index is built by the first query that needs it (core/store/state.h): say
    // what that first query costs, so that the open figure hides nothing.
    const auto& households = store->state().dataset().households;
    if (!households.empty() && !households.back().members.empty()) {
        t0 = Clock::now();
        const HouseholdId found =
            store->state().householdOfPerson(households.back().members.front().idNumber);
        std::cout << "first lookup by ID number (builds the person index): " << secondsSince(t0)
                  << " s" << (found == households.back().id ? "" : " (WRONG household)") << '\n';
    }

    // Durable appends one by one, then in groups of 16 (group commit), then without durability
    // as the baseline (what the disk's fsync costs).
    t0 = Clock::now();
    for (std::uint64_t i = 0; i < appends; ++i) {
        if (!store->submit(settingChange(i)).ok()) return kFailed;
    }
    const double durable = static_cast<double>(appends) / secondsSince(t0);
    t0 = Clock::now();
    for (std::uint64_t i = 0; i < appends; i += 16) {
        std::vector<Submission> group;
        for (std::uint64_t k = i; k < i + 16 && k < appends; ++k) group.push_back(settingChange(k));
        for (const auto& r : store->submitGroup(std::move(group))) {
            if (!r.ok()) return kFailed;
        }
    }
    const double grouped = static_cast<double>(appends) / secondsSince(t0);
    auto file = fs.openAppend(dir + "/bench-baseline.bin");
    const std::string record =
        encodeRecord(Transaction{1, "bench", 0, {cmd::ChangeSetting{"bench.counter", "1"}}});
    t0 = Clock::now();
    for (std::uint64_t i = 0; i < appends; ++i) {
        if (!file || !file->append(record)) return kFailed;
    }
    const double unsynced = static_cast<double>(appends) / secondsSince(t0);
    t0 = Clock::now();
    for (std::uint64_t i = 0; i < appends; ++i) {
        if (!file->append(record) || !file->sync()) return kFailed;
    }
    const double rawSynced = static_cast<double>(appends) / secondsSince(t0);
    file.reset();
    fs.remove(dir + "/bench-baseline.bin");
    std::cout << "appends: " << durable << "/s durable one by one, " << grouped
              << "/s durable in groups of 16; baselines: raw write+fsync " << rawSynced
              << "/s, raw write without fsync " << unsynced << "/s (durable/raw fsync ratio "
              << durable / rawSynced << ")\n";
    return kOk;
}

} // namespace nuanxin::cli
