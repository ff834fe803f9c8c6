// CSV import (core/io/import.h) of any bytes into a fresh store in memory. Besides not crashing:
// the counts add up, the rejects file reads back as CSV, and the store reopened from its journal
// holds exactly the state the import left in memory (what was applied is what was journaled).
#include <cstdint>

#include "core/io/import.h"
#include "core/util/csv.h"
#include "fuzz_support.h"
#include "memory_file_system.h"
#include "test_store_support.h"

using namespace nuanxin;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    // Byte 0: target and options; the rest is the file.
    const std::uint8_t flags = data[0];
    static constexpr ImportTarget kTargets[] = {ImportTarget::Households, ImportTarget::Offers,
                                                ImportTarget::Donors, ImportTarget::Households};
    const ImportTarget target = kTargets[flags & 3U];
    ImportOptions options;
    options.allOrNothing = (flags & 4U) != 0;
    options.encoding = (flags & 8U) != 0 ? Encoding::Auto
                                          : ((flags & 16U) != 0 ? Encoding::Gb18030 : Encoding::Utf8);
    options.chunkRows = 1 + ((flags >> 5) & 3U); // small chunks: several journal records
    options.who = "fuzz";
    options.organisation = (flags & 128U) != 0 ? "示例慈善会" : "";
    options.when = fuzz::kNow;
    const std::string_view file = fuzz::bytesOf(data + 1, size - 1);

    test::MemoryFileSystem fs;
    const DivisionRegistry& divisions = DivisionRegistry::builtIn();
    auto opened = Store::open(fs, "store", divisions);
    fuzz::require(opened.ok(), "a new store in memory did not open");
    Store& store = *opened.value();
    // A household already registered, so that imports meet duplicates and references.
    if ((flags & 1U) != 0) {
        Household h;
        h.id = 1;
        h.divisionCode = "510104";
        h.address = "四川省成都市锦江区某某街道1号";
        h.categories = {Category::Dibao};
        h.registered = Date{2024, 10, 8};
        h.registeredBy = "其他慈善会";
        Member m;
        m.name = "王秀兰";
        m.idNumber = test::idNumber("510104", "19600101", 2);
        m.birth = Date{1960, 1, 1};
        m.sex = Sex::Female;
        h.members.push_back(m);
        fuzz::require(store.submit({"seed", fuzz::kNow, {cmd::RegisterHousehold{h}}}).ok(),
                      "seed household refused");
    }

    const ImportReport report = importCsv(store, file, target, options, "fuzz.csv");
    fuzz::require(report.rowsAccepted <= report.rows, "more rows accepted than read");
    fuzz::require(!report.fatal || !report.committed, "fatal error yet something committed");
    if (options.allOrNothing && !report.rejects.empty()) {
        fuzz::require(!report.committed, "all-or-nothing import committed despite rejects");
    }
    const auto rejects = readCsv(rejectsCsv(report, Lang::Zh), "rejects.csv");
    fuzz::require(rejects.ok(), "rejects file does not read back as CSV");

    const std::string live = fuzz::fingerprint(store.state().data());
    opened.value().reset();
    auto again = Store::open(fs, "store", divisions);
    fuzz::require(again.ok(), "store does not reopen after import");
    fuzz::require(!again.value()->report().tailCut(), "import left a damaged journal");
    fuzz::require(fuzz::fingerprint(again.value()->state().data()) == live,
                  "replayed journal differs from the state the import left");
    return 0;
}
