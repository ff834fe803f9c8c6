// Exports: the distribution list (BOM, masked ID numbers and phones, consent respected), the
// JSON export, and backup/restore of a whole store.
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "core/io/export.h"
#include "core/model/equality.h"
#include "core/serial/archive.h"

#include "test_store_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

const DivisionRegistry& reg() {
    return DivisionRegistry::builtIn();
}

/// Two households (the second without consent), one coal offer allocated to both.
std::unique_ptr<Store> allocatedStore(PosixFileSystem& fs, const std::string& name) {
    auto s = Store::open(fs, freshDir(name), reg());
    BOOST_REQUIRE(s.ok());
    Household shy = household(2, 2);
    shy.consentToShare = false;
    shy.members[0].name = "欧阳娜娜";
    std::vector<Command> c = {cmd::RegisterHousehold{household(1, 1)}, cmd::RegisterHousehold{shy},
                              cmd::AddDonor{Donor{1, "示例基金会", DonorType::Charity, "51", ""}}};
    Offer o;
    o.id = 1;
    o.donor = 1;
    o.capacity = 1000;
    o.coverage = {"51"};
    o.windowStart = Date{2024, 11, 1};
    o.windowEnd = Date{2025, 2, 28};
    o.title = "过冬煤炭";
    c.push_back(cmd::AddOffer{o});
    for (HouseholdId h : {1, 2}) {
        Need n;
        n.id = h;
        n.household = h;
        n.quantity = 200;
        n.deadline = Date{2024, 12, 31};
        c.push_back(cmd::AddNeed{n});
        Allocation a;
        a.id = h;
        a.need = h;
        a.offer = 1;
        a.quantity = 200;
        c.push_back(cmd::ProposeAllocation{a});
    }
    BOOST_REQUIRE(s.value()->submit(Submission{"李", kNow, std::move(c)}).ok());
    return std::move(s.value());
}

} // namespace

BOOST_AUTO_TEST_SUITE(export_)

BOOST_AUTO_TEST_CASE(distribution_list_masks_personal_data) {
    PosixFileSystem fs;
    auto store = allocatedStore(fs, "export-list");
    const auto csv = distributionListCsv(store->state(), 1, reg(), Lang::Zh);
    BOOST_REQUIRE(csv.ok());
    const std::string& text = csv.value();
    BOOST_TEST(text.substr(0, 3) == "\xEF\xBB\xBF");
    // Header + two rows, CRLF line ends.
    std::size_t lines = 0;
    for (std::size_t p = 0; (p = text.find("\r\n", p)) != std::string::npos; p += 2) ++lines;
    BOOST_TEST(lines == 3U);
    const std::string id1 = household(1, 1).members[0].idNumber; // 510104196001010023
    BOOST_TEST(text.find(id1) == std::string::npos);
    BOOST_TEST(text.find("\"5101**********0023\"") != std::string::npos);
    BOOST_TEST(text.find("13910000001") == std::string::npos);
    BOOST_TEST(text.find("\"139****0001\"") != std::string::npos);
    BOOST_TEST(text.find("\"王秀兰\"") != std::string::npos); // consented
    BOOST_TEST(text.find("欧阳娜娜") == std::string::npos);   // not consented
    BOOST_TEST(text.find("\"欧阳**\"") != std::string::npos);
    BOOST_TEST(text.find("某某街道2号") == std::string::npos);
    BOOST_TEST(text.find("某某街道1号") != std::string::npos);
    BOOST_TEST(text.find("成都市") != std::string::npos);
    BOOST_TEST(text.find("\"煤炭\",\"200\",\"千克\",\"拟分配\"") != std::string::npos);
    BOOST_TEST(!distributionListCsv(store->state(), 9, reg(), Lang::Zh).ok());
}

BOOST_AUTO_TEST_CASE(json_export_reads_back) {
    PosixFileSystem fs;
    auto store = allocatedStore(fs, "export-json");
    const JsonExportInfo info{Date{2024, 12, 1}, "export-json"};
    const auto json = exportJson(store->state(), info);
    BOOST_REQUIRE(json.ok());
    std::istringstream in(json.value());
    const auto back = readDataset(in, Format::Json);
    BOOST_REQUIRE(back.ok());
    // Every record as the store holds it; the title and the date are what the caller gave,
    // since the store has no "title" setting.
    Dataset expected = store->state().dataset();
    expected.title = "export-json";
    expected.asOf = Date{2024, 12, 1};
    BOOST_TEST((back.value() == expected));
    BOOST_TEST(json.value().find("\"as_of\": \"2024-12-01\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_export_takes_the_store_title) {
    PosixFileSystem fs;
    auto store = allocatedStore(fs, "export-json-title");
    BOOST_REQUIRE(
        store->submit(Submission{"李", kNow, {cmd::ChangeSetting{"title", "锦江区2024冬季帮扶"}}})
            .ok());
    BOOST_TEST(storeTitle(store->state()) == "锦江区2024冬季帮扶");
    const auto json = exportJson(store->state(), JsonExportInfo{Date{2025, 1, 31}, "folder"});
    BOOST_REQUIRE(json.ok());
    std::istringstream in(json.value());
    const auto back = readDataset(in, Format::Json);
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(back.value().title == "锦江区2024冬季帮扶");
    BOOST_TEST((back.value().asOf == Date{2025, 1, 31}));
    // An impossible date is refused rather than written.
    BOOST_TEST(!exportJson(store->state(), JsonExportInfo{Date{2025, 2, 30}, ""}).ok());
}

BOOST_AUTO_TEST_CASE(backup_and_restore) {
    PosixFileSystem fs;
    auto store = allocatedStore(fs, "export-backup");
    BOOST_REQUIRE(store->writeSnapshot(nullptr));
    BOOST_REQUIRE(store
                      ->submit(Submission{
                          "李", kNow, {cmd::SetAllocationStatus{1, AllocationStatus::Approved}}})
                      .ok());
    const auto backup = backupStore(fs, store->dir());
    BOOST_REQUIRE(backup.ok());
    BOOST_TEST(backup.value().substr(0, 8) == "NXBACKUP");

    const std::string target = freshDir("export-restored");
    const auto report = restoreStore(fs, backup.value(), target, reg());
    BOOST_REQUIRE(report.ok());
    BOOST_TEST(report.value().snapshotUsed);
    BOOST_TEST(report.value().replayed == 1U);
    auto restored = Store::open(fs, target, reg());
    BOOST_REQUIRE(restored.ok());
    BOOST_TEST((restored.value()->state().dataset() == store->state().dataset()));
    BOOST_TEST(verifyStore(fs, target).ok());

    // Never over an existing store; a damaged or cut backup is refused before anything is written.
    BOOST_TEST(!restoreStore(fs, backup.value(), target, reg()).ok());
    std::string flipped = backup.value();
    flipped[flipped.size() / 2] ^= 0x01;
    const std::string other = freshDir("export-restored-2");
    BOOST_TEST(!restoreStore(fs, flipped, other, reg()).ok());
    BOOST_TEST(
        !restoreStore(fs, backup.value().substr(0, backup.value().size() - 1), other, reg()).ok());
    BOOST_TEST(!fs.exists(Store::journalPath(other)));
}

BOOST_AUTO_TEST_SUITE_END()
