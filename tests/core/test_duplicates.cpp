// Duplicates: the same ID number is one person; a household another organisation registered is
// held on import and merged only by a journaled, reversible command; look-alikes are flagged.
#include <fstream>
#include <iterator>

#include <boost/test/unit_test.hpp>

#include "core/io/duplicates.h"
#include "core/io/import.h"
#include "core/model/equality.h"

#include "test_store_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

const DivisionRegistry& reg() {
    return DivisionRegistry::builtIn();
}

std::string fixture(const std::string& name) {
    std::ifstream in(dataDir() + "/import/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ImportOptions opts(const std::string& org) {
    ImportOptions o;
    o.who = "导入员";
    o.when = kNow;
    o.organisation = org;
    return o;
}

/// A store holding household 1 (王秀兰, 510104196001010023) of 示例慈善会.
std::unique_ptr<Store> seeded(PosixFileSystem& fs, const std::string& name) {
    auto s = Store::open(fs, freshDir(name), reg());
    BOOST_REQUIRE(s.ok());
    BOOST_REQUIRE(
        s.value()->submit(Submission{"李", kNow, {cmd::RegisterHousehold{household(1, 1)}}}).ok());
    return std::move(s.value());
}

} // namespace

BOOST_AUTO_TEST_SUITE(duplicates)

BOOST_AUTO_TEST_CASE(cross_organisation_household_held_then_merged_and_undone) {
    PosixFileSystem fs;
    auto store = seeded(fs, "dup-cross");
    const StoreData before = store->state().data();
    const auto r = importCsv(*store, fixture("cross_org.csv"), ImportTarget::Households,
                             opts("另一慈善会"), "x.csv");
    BOOST_TEST(r.rejects.empty());
    BOOST_REQUIRE(r.held.size() == 1U);
    BOOST_TEST(r.held[0].line == 2U);
    BOOST_TEST(r.held[0].existing == 1U);
    // Held, not registered: household 1 unchanged, nobody registered twice.
    BOOST_TEST((store->state().dataset() == before.data));
    BOOST_REQUIRE(store->state().data().pending.size() == 1U);
    BOOST_TEST(store->state().data().pending[0].incoming.members.size() == 2U);

    const auto mergeId = store->state().nextIds().merge;
    BOOST_REQUIRE(
        store
            ->submit(Submission{
                "审核员", kNow, {cmd::MergeHouseholds{mergeId, 1, 0, r.held[0].pendingId}}})
            .ok());
    const Household* merged = store->state().household(1);
    BOOST_TEST(merged->members.size() == 2U);
    BOOST_TEST(merged->members[1].name == "王小红");
    BOOST_TEST(merged->registeredBy == "示例慈善会");

    BOOST_REQUIRE(store->submit(Submission{"审核员", kNow, {cmd::Unmerge{mergeId}}}).ok());
    BOOST_TEST((store->state().dataset() == before.data));
    BOOST_TEST(store->state().data().pending.size() == 1U);
    // The journal says who merged and who undid it.
    const CheckReport check = verifyStore(fs, store->dir());
    BOOST_TEST(check.ok());
    BOOST_TEST(check.records == 4U);
}

BOOST_AUTO_TEST_CASE(needs_of_a_held_household_wait_for_the_merge) {
    PosixFileSystem fs;
    auto store = seeded(fs, "dup-needs");
    const StoreData before = store->state().data();
    const auto r = importCsv(*store, fixture("cross_org_needs.csv"), ImportTarget::Households,
                             opts("另一慈善会"), "x.csv");
    BOOST_TEST(r.rejects.empty());
    BOOST_REQUIRE(r.held.size() == 1U);
    // Held with the household, not in the data set: no matching can serve them twice.
    BOOST_TEST((store->state().dataset() == before.data));
    BOOST_REQUIRE(store->state().data().pending.size() == 1U);
    const std::vector<Need> held = store->state().data().pending[0].needs;
    BOOST_REQUIRE(held.size() == 2U);
    BOOST_TEST((held[0].kind == Kind::Coal));
    BOOST_TEST(held[0].quantity == 300);
    BOOST_TEST((held[1].kind == Kind::Quilt));
    BOOST_TEST(held[1].quantity == 2);
    // A snapshot keeps them; so does a replay of the journal.
    std::string error;
    BOOST_REQUIRE_MESSAGE(store->writeSnapshot(&error), error);
    {
        auto reopened = Store::open(fs, store->dir(), reg());
        BOOST_REQUIRE(reopened.ok());
        BOOST_TEST(reopened.value()->report().snapshotUsed);
        BOOST_TEST((reopened.value()->state().data().pending[0].needs == held));
    }

    const auto mergeId = store->state().nextIds().merge;
    const Submission merge{
        "审核员", kNow, {cmd::MergeHouseholds{mergeId, 1, 0, r.held[0].pendingId}}};
    BOOST_REQUIRE(store->submit(merge).ok());
    for (const Need& n : held) {
        const Need* registered = store->state().need(n.id);
        BOOST_REQUIRE(registered != nullptr);
        BOOST_TEST(registered->household == 1U);
        BOOST_TEST(registered->quantity == n.quantity);
    }
    BOOST_TEST(store->state().data().pending.empty());

    // Unmerge puts them back with the held household.
    BOOST_REQUIRE(store->submit(Submission{"审核员", kNow, {cmd::Unmerge{mergeId}}}).ok());
    BOOST_TEST((store->state().dataset() == before.data));
    BOOST_REQUIRE(store->state().data().pending.size() == 1U);
    BOOST_TEST((store->state().data().pending[0].needs == held));

    // Merged again and one need allocated: the merge can no longer be taken back.
    const auto again = store->state().nextIds().merge;
    BOOST_REQUIRE(store
                      ->submit(Submission{
                          "审核员", kNow, {cmd::MergeHouseholds{again, 1, 0, r.held[0].pendingId}}})
                      .ok());
    Donor donor;
    donor.id = store->state().nextIds().donor;
    donor.type = DonorType::Enterprise;
    donor.name = "某某热力公司";
    donor.divisionCode = "510104";
    Offer offer;
    offer.id = store->state().nextIds().offer;
    offer.donor = donor.id;
    offer.kind = Kind::Coal;
    offer.unit = kindInfo(Kind::Coal).unit;
    offer.capacity = 1000;
    offer.coverage = {"510104"};
    offer.windowStart = Date{2026, 11, 1};
    offer.windowEnd = Date{2027, 2, 28};
    offer.title = "冬季煤炭";
    Allocation a;
    a.id = store->state().nextIds().allocation;
    a.need = held[0].id;
    a.offer = offer.id;
    a.quantity = 300;
    BOOST_REQUIRE(
        store->submit(Submission{"李", kNow, {cmd::AddDonor{donor}, cmd::AddOffer{offer}}}).ok());
    BOOST_REQUIRE(store->submit(Submission{"李", kNow, {cmd::ProposeAllocation{a}}}).ok());
    const auto refused = store->submit(Submission{"审核员", kNow, {cmd::Unmerge{again}}});
    BOOST_REQUIRE(!refused.ok());
    BOOST_TEST((refused.errors().front().reason == Str::StoreErrUnmergeAllocated));
    BOOST_TEST(store->state().need(held[0].id)->household == 1U);

    // Everything above replays from the journal to the same state.
    const StoreData now = store->state().data();
    const std::string dir = store->dir();
    store.reset();
    std::filesystem::remove(Store::snapshotPath(dir));
    auto replayed = Store::open(fs, dir, reg());
    BOOST_REQUIRE(replayed.ok());
    BOOST_TEST((replayed.value()->state().dataset() == now.data));
    BOOST_TEST(replayed.value()->state().data().merges.size() == now.merges.size());
}

BOOST_AUTO_TEST_CASE(same_organisation_again_is_rejected) {
    PosixFileSystem fs;
    auto store = seeded(fs, "dup-same");
    const auto r = importCsv(*store, fixture("cross_org.csv"), ImportTarget::Households,
                             opts("示例慈善会"), "x.csv");
    BOOST_TEST(r.held.empty());
    BOOST_REQUIRE(r.rejects.size() == 2U);
    BOOST_TEST(r.rejects[0].line == 2U);
    BOOST_TEST((r.rejects[0].reason == Str::StoreErrPersonRegistered));
    BOOST_TEST(r.rejects[0].detail == "1");
    BOOST_TEST((r.rejects[1].reason == Str::IoHouseholdRejected));
    BOOST_TEST(store->state().sequence() == 1U);
}

BOOST_AUTO_TEST_CASE(likely_duplicates_flagged_never_merged) {
    PosixFileSystem fs;
    auto store = seeded(fs, "dup-likely");
    std::string csv = fixture("likely.csv");
    // Same phone as household 1 on the second row (139 + 10000001).
    const auto r = importCsv(*store, csv, ImportTarget::Households, opts("另一慈善会"), "l.csv");
    BOOST_TEST(r.rejects.empty());
    BOOST_TEST(r.recordsAdded == 2U);
    BOOST_REQUIRE(r.likely.size() == 2U);
    BOOST_TEST(r.likely[0].a == 1U);
    BOOST_TEST(r.likely[0].b == 2U);
    BOOST_TEST((r.likely[0].reason == Str::IoLikelySamePerson));
    BOOST_TEST(r.likely[1].a == 1U);
    BOOST_TEST(r.likely[1].b == 3U);
    BOOST_TEST((r.likely[1].reason == Str::IoLikelySamePhone));
    BOOST_TEST(store->state().dataset().households.size() == 3U);
    BOOST_TEST(store->state().data().merges.empty());
    const auto all = findLikelyDuplicates(store->state());
    BOOST_TEST(all.size() == 2U);
}

BOOST_AUTO_TEST_CASE(duplicate_rows_in_one_file) {
    PosixFileSystem fs;
    auto s = Store::open(fs, freshDir("dup-rows"), reg());
    BOOST_REQUIRE(s.ok());
    const std::string row =
        "王秀兰," + household(1, 1).members[0].idNumber + ",510104,低保对象,某街1号\n";
    const auto r = importCsv(*s.value(), "姓名,身份证号,所属区划,类别,住址\n" + row + row + row,
                             ImportTarget::Households, opts("示例慈善会"), "d.csv");
    BOOST_TEST(r.recordsAdded == 1U);
    BOOST_REQUIRE(r.rejects.size() == 2U);
    BOOST_TEST(r.rejects[0].line == 3U);
    BOOST_TEST(r.rejects[1].line == 4U);
    BOOST_TEST(r.rejects[1].detail == "line 2");
}

BOOST_AUTO_TEST_SUITE_END()
