// The store's commands: checked against the state, journaled, applied; refusals change nothing;
// reopening gives the same state; indexes, merges and their undoing.
#include <map>

#include <boost/test/unit_test.hpp>

#include "core/model/equality.h"
#include "core/store/store.h"

#include "test_store_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

const DivisionRegistry& reg() {
    return DivisionRegistry::builtIn();
}

std::unique_ptr<Store> openStore(PosixFileSystem& fs, const std::string& dir) {
    auto s = Store::open(fs, dir, reg());
    const std::string why = s.ok() ? std::string() : s.errors().front().describe(Lang::En);
    BOOST_REQUIRE_MESSAGE(s.ok(), why);
    return std::move(s.value());
}

Submission sub(std::vector<Command> commands, std::string who = "张老师") {
    return Submission{std::move(who), kNow, std::move(commands)};
}

Need coalNeed(NeedId id, HouseholdId h) {
    Need n;
    n.id = id;
    n.household = h;
    n.kind = Kind::Coal;
    n.unit = Unit::Kg;
    n.quantity = 300;
    n.deadline = Date{2024, 12, 20};
    return n;
}

bool hasReason(const FieldErrors& errors, Str reason) {
    for (const auto& e : errors) {
        if (e.reason == reason) return true;
    }
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(store)

BOOST_AUTO_TEST_CASE(commands_survive_reopening) {
    PosixFileSystem fs;
    const std::string dir = freshDir("reopen");
    {
        auto s = openStore(fs, dir);
        BOOST_TEST(s->report().created);
        auto r =
            s->submit(sub({cmd::RegisterHousehold{household(1, 1)}, cmd::AddNeed{coalNeed(1, 1)}}));
        BOOST_REQUIRE(r.ok());
        BOOST_TEST(r.value() == 1U);
        BOOST_TEST(s->submit(sub({cmd::ChangeSetting{"region", "510000"}})).value() == 2U);
    }
    auto s = openStore(fs, dir);
    BOOST_TEST(!s->report().created);
    BOOST_TEST(s->report().replayed == 2U);
    BOOST_TEST(!s->report().tailCut());
    BOOST_TEST(s->state().sequence() == 2U);
    BOOST_REQUIRE(s->state().household(1));
    BOOST_TEST((*s->state().household(1) == household(1, 1)));
    BOOST_TEST((*s->state().need(1) == coalNeed(1, 1)));
    BOOST_TEST(s->state().data().settings.at("region") == "510000");
}

BOOST_AUTO_TEST_CASE(refused_transaction_changes_nothing) {
    PosixFileSystem fs;
    const std::string dir = freshDir("refused");
    auto s = openStore(fs, dir);
    BOOST_REQUIRE(s->submit(sub({cmd::RegisterHousehold{household(1, 1)}})).ok());
    const auto sizeBefore = s->journalSize();
    const StoreData before = s->state().data();

    // Second command refers to a household that does not exist: the first must not stay.
    auto r =
        s->submit(sub({cmd::RegisterHousehold{household(2, 2)}, cmd::AddNeed{coalNeed(1, 99)}}));
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.errors().front().field == "commands[1].household");
    BOOST_TEST((r.errors().front().reason == Str::ErrUnknownHousehold));
    BOOST_TEST(s->journalSize() == sizeBefore);
    BOOST_TEST(s->state().sequence() == 1U);
    BOOST_TEST(!s->state().household(2));
    BOOST_TEST(s->state().householdOfPerson(household(2, 2).members[0].idNumber) == 0U);
    BOOST_TEST(s->state().nextIds().household == 2U);
    BOOST_TEST((s->state().dataset() == before.data));

    // A wrong check character: refused by validate(), masked in the error.
    Household bad = household(3, 3);
    bad.members[0].idNumber.back() = bad.members[0].idNumber.back() == '1' ? '2' : '1';
    r = s->submit(sub({cmd::RegisterHousehold{bad}}));
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasReason(r.errors(), Str::ErrIdCheckChar));
    for (const auto& e : r.errors())
        BOOST_TEST(e.value.find(bad.members[0].idNumber) == std::string::npos);
    // No user name: refused too.
    BOOST_TEST(!s->submit(sub({cmd::ChangeSetting{"a", "b"}}, "")).ok());
    BOOST_TEST(s->journalSize() == sizeBefore);
}

BOOST_AUTO_TEST_CASE(same_id_number_is_the_same_person) {
    PosixFileSystem fs;
    auto s = openStore(fs, freshDir("person"));
    BOOST_REQUIRE(s->submit(sub({cmd::RegisterHousehold{household(1, 1)}})).ok());
    Household again = household(2, 1, "另一慈善会"); // same member as household 1
    auto r = s->submit(sub({cmd::RegisterHousehold{again}}));
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.errors().front().reason == Str::StoreErrPersonRegistered));
    BOOST_TEST(r.errors().front().detail == "1");
    BOOST_TEST(s->state().householdOfPerson(household(1, 1).members[0].idNumber) == 1U);
    BOOST_TEST(s->state().householdOfPerson(idNumber("510104", "19600101", 4)) == 0U);
    // A lower-case x is the same number (11010519491231002X is checked by hand in tests/cli).
    BOOST_TEST((packedPersonKey("11010519491231002x") == packedPersonKey("11010519491231002X")));
    BOOST_TEST(packedPersonKey("11010519491231002X").has_value());
    BOOST_TEST(!packedPersonKey("1101051949123100").has_value());
    BOOST_TEST(!packedPersonKey("11010519491231002Y").has_value());
    BOOST_TEST((packedPersonKey("110105194912310020") != packedPersonKey("11010519491231002X")));
}

BOOST_AUTO_TEST_CASE(allocation_lifecycle) {
    PosixFileSystem fs;
    auto s = openStore(fs, freshDir("alloc"));
    Offer o;
    o.id = 1;
    o.donor = 1;
    o.kind = Kind::Coal;
    o.unit = Unit::Kg;
    o.capacity = 1000;
    o.coverage = {"51"};
    o.windowStart = Date{2024, 11, 1};
    o.windowEnd = Date{2025, 2, 28};
    o.title = "过冬煤炭";
    Allocation a;
    a.id = 1;
    a.need = 1;
    a.offer = 1;
    a.quantity = 300;
    BOOST_REQUIRE(
        s->submit(sub({cmd::RegisterHousehold{household(1, 1)}, cmd::AddNeed{coalNeed(1, 1)},
                       cmd::AddDonor{Donor{1, "示例基金会", DonorType::Charity, "51", ""}},
                       cmd::AddOffer{o}, cmd::ProposeAllocation{a}}))
            .ok());
    BOOST_TEST(!s->submit(sub({cmd::SetAllocationStatus{1, AllocationStatus::Delivered}})).ok());
    for (auto st :
         {AllocationStatus::Approved, AllocationStatus::Assigned, AllocationStatus::Delivered}) {
        BOOST_TEST(s->submit(sub({cmd::SetAllocationStatus{1, st}})).ok());
    }
    BOOST_TEST((s->state().allocation(1)->status == AllocationStatus::Delivered));
    BOOST_TEST(!s->submit(sub({cmd::SetAllocationStatus{1, AllocationStatus::Cancelled}})).ok());
    BOOST_TEST(s->submit(sub({cmd::CloseNeed{1, NeedStatus::Met}})).ok());
    BOOST_TEST(!s->submit(sub({cmd::CloseNeed{1, NeedStatus::Closed}})).ok());
    BOOST_TEST(s->state().needsWith(Kind::Coal, NeedStatus::Met) == std::vector<NeedId>{1});
    BOOST_TEST(s->state().needsWith(Kind::Coal, NeedStatus::Open).empty());
    BOOST_TEST(s->state().offersWith(Kind::Coal, OfferStatus::Open) == std::vector<OfferId>{1});
}

BOOST_AUTO_TEST_CASE(indexes_by_division) {
    PosixFileSystem fs;
    auto s = openStore(fs, freshDir("index"));
    Household other = household(2, 2);
    other.divisionCode = "130102";
    other.members[0].idNumber = idNumber("130102", "19600101", 4);
    BOOST_REQUIRE(
        s->submit(sub({cmd::RegisterHousehold{household(1, 1)}, cmd::RegisterHousehold{other},
                       cmd::RegisterHousehold{household(3, 3)}}))
            .ok());
    BOOST_TEST(s->state().householdsIn("51") == (std::vector<HouseholdId>{1, 3}));
    BOOST_TEST(s->state().householdsIn("5101") == (std::vector<HouseholdId>{1, 3}));
    BOOST_TEST(s->state().householdsIn("130000") == (std::vector<HouseholdId>{2}));
    BOOST_TEST(s->state().householdsIn("14").empty());
}

BOOST_AUTO_TEST_CASE(merge_and_unmerge_registered_households) {
    PosixFileSystem fs;
    const std::string dir = freshDir("merge");
    auto s = openStore(fs, dir);
    Household b = household(2, 2);
    b.categories = {Category::Tekun};
    BOOST_REQUIRE(s->submit(sub({cmd::RegisterHousehold{household(1, 1)}, cmd::RegisterHousehold{b},
                                 cmd::AddNeed{coalNeed(1, 2)}}))
                      .ok());
    const StoreData before = s->state().data();
    BOOST_REQUIRE(s->submit(sub({cmd::MergeHouseholds{1, 1, 2, 0}})).ok());
    BOOST_TEST(!s->state().household(2));
    BOOST_TEST(s->state().household(1)->members.size() == 2U);
    BOOST_TEST(s->state().household(1)->categories.has(Category::Tekun));
    BOOST_TEST(s->state().need(1)->household == 1U);
    BOOST_TEST(s->state().householdOfPerson(b.members[0].idNumber) == 1U);

    BOOST_REQUIRE(s->submit(sub({cmd::Unmerge{1}})).ok());
    BOOST_TEST(!s->submit(sub({cmd::Unmerge{1}})).ok()); // already undone
    BOOST_TEST((s->state().dataset() == before.data));
    BOOST_TEST(s->state().householdOfPerson(b.members[0].idNumber) == 2U);
    s.reset();
    auto again = openStore(fs, dir);
    BOOST_TEST((again->state().dataset() == before.data));
    BOOST_TEST(again->state().merge(1)->undone);
}

BOOST_AUTO_TEST_CASE(held_duplicate_merged_and_unmerged) {
    PosixFileSystem fs;
    auto s = openStore(fs, freshDir("held"));
    BOOST_REQUIRE(s->submit(sub({cmd::RegisterHousehold{household(1, 1)}})).ok());
    Household incoming = household(2, 1, "另一慈善会"); // id reserved for it
    Member child;
    child.name = "王小红";
    child.idNumber = idNumber("510104", "20120305", 22);
    child.birth = Date{2012, 3, 5};
    incoming.members.push_back(child);
    BOOST_REQUIRE(s->submit(sub({cmd::HoldDuplicate{1, incoming, 1}})).ok());
    BOOST_TEST(s->state().data().pending.size() == 1U);
    BOOST_REQUIRE(s->submit(sub({cmd::MergeHouseholds{1, 1, 0, 1}})).ok());
    BOOST_TEST(s->state().data().pending.empty());
    // The shared member stays once; the child is added.
    BOOST_TEST(s->state().household(1)->members.size() == 2U);
    BOOST_TEST(s->state().householdOfPerson(child.idNumber) == 1U);
    BOOST_REQUIRE(s->submit(sub({cmd::Unmerge{1}})).ok());
    BOOST_TEST(s->state().household(1)->members.size() == 1U);
    BOOST_TEST(s->state().data().pending.size() == 1U);
    BOOST_TEST(s->state().householdOfPerson(child.idNumber) == 0U);
}

BOOST_AUTO_TEST_CASE(group_commit_refuses_one_keeps_others) {
    PosixFileSystem fs;
    auto s = openStore(fs, freshDir("group"));
    std::vector<Submission> group;
    group.push_back(sub({cmd::RegisterHousehold{household(1, 1)}}));
    group.push_back(sub({cmd::RegisterHousehold{household(2, 1)}})); // same person: refused
    group.push_back(sub({cmd::RegisterHousehold{household(3, 3)}}));
    auto results = s->submitGroup(std::move(group));
    BOOST_REQUIRE(results.size() == 3U);
    BOOST_TEST(results[0].value() == 1U);
    BOOST_TEST(!results[1].ok());
    BOOST_TEST(results[2].value() == 2U);
    BOOST_TEST(s->state().sequence() == 2U);
}

BOOST_AUTO_TEST_CASE(id_index_agrees_with_a_standard_map) {
    // Random inserts, replacements and erasures (many keys sharing probe runs), checked after
    // every step against std::map; the keys include 0 and the all-ones value.
    IdIndex index;
    std::map<std::uint64_t, std::uint64_t> expected;
    std::uint64_t x = 88172645463325252ULL; // xorshift64
    auto rnd = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    for (int step = 0; step < 20000; ++step) {
        const std::uint64_t r = rnd();
        std::uint64_t key = r % 700; // dense: long probe runs and wrap-around
        if (r % 97 == 0) key = ~std::uint64_t{0};
        if (r % 89 == 0) key = rnd();
        if ((r >> 20) % 3 == 0) {
            index.erase(key);
            expected.erase(key);
        } else {
            index.set(key, step);
            expected[key] = static_cast<std::uint64_t>(step);
        }
        if (step % 500 == 0 || step > 19900) {
            BOOST_REQUIRE(index.size() == expected.size());
            for (std::uint64_t k = 0; k < 700; ++k) {
                const auto it = expected.find(k);
                const auto got = index.find(k);
                BOOST_REQUIRE(got.has_value() == (it != expected.end()));
                if (got) BOOST_REQUIRE(*got == it->second);
            }
            for (const auto& [k, v] : expected) BOOST_REQUIRE(index.find(k) == std::optional(v));
        }
    }
}

BOOST_AUTO_TEST_CASE(snapshot_then_tail_replay) {
    PosixFileSystem fs;
    const std::string dir = freshDir("snapshot");
    {
        auto s = openStore(fs, dir);
        for (int i = 1; i <= 5; ++i) {
            BOOST_REQUIRE(
                s->submit(sub({cmd::RegisterHousehold{household(static_cast<HouseholdId>(i), i)}}))
                    .ok());
        }
        std::string error;
        BOOST_REQUIRE(s->writeSnapshot(&error));
        BOOST_REQUIRE(s->submit(sub({cmd::ApprovePlugin{"sichuan", std::string(64, 'a')}})).ok());
    }
    auto s = openStore(fs, dir);
    BOOST_TEST(s->report().snapshotUsed);
    BOOST_TEST(s->report().snapshotSequence == 5U);
    BOOST_TEST(s->report().replayed == 1U);
    BOOST_TEST(s->state().dataset().households.size() == 5U);
    BOOST_TEST(s->state().data().approvedPlugins.at("sichuan") == std::string(64, 'a'));
    const CheckReport check = verifyStore(fs, dir);
    BOOST_TEST(check.ok());
    BOOST_TEST(check.records == 6U);
    BOOST_TEST(check.snapshotMatches);
}

BOOST_AUTO_TEST_SUITE_END()
