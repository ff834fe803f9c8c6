// The compact snapshot encoding (format 2): every field survives the round trip, judged against
// the state that replaying the journal alone rebuilds; older formats and enum tables in another
// order are handled by name, never by position.
#include <fstream>
#include <iterator>

#include <boost/test/unit_test.hpp>

#include "core/model/equality.h"
#include "core/store/crc32.h"
#include "core/store/store.h"

#include "test_store_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

const DivisionRegistry& reg() {
    return DivisionRegistry::builtIn();
}

/// Submits one transaction; a refusal fails the test with every reason.
void submit(Store& s, std::vector<Command> commands) {
    auto r = s.submit(Submission{"周会计", kNow, std::move(commands)});
    std::string why;
    if (!r.ok()) {
        for (const auto& e : r.errors()) why += e.describe(Lang::En) + "; ";
    }
    BOOST_REQUIRE_MESSAGE(r.ok(), why);
}

Need need(NeedId id, HouseholdId h, Kind kind, std::int64_t quantity, Urgency urgency) {
    Need n;
    n.id = id;
    n.household = h;
    n.kind = kind;
    n.unit = kindInfo(kind).unit;
    n.quantity = quantity;
    n.urgency = urgency;
    n.deadline = Date{2024, 12, 31 - static_cast<int>(id)};
    n.note = "备注 " + std::to_string(id);
    return n;
}

/// Every field of two StoreData values, one check each, so a failure names the field.
void requireSame(const StoreData& a, const StoreData& b) {
    BOOST_TEST(a.data.title == b.data.title);
    BOOST_TEST((a.data.asOf == b.data.asOf));
    BOOST_TEST(a.data.households.size() == b.data.households.size());
    for (std::size_t i = 0; i < a.data.households.size() && i < b.data.households.size(); ++i) {
        BOOST_TEST((a.data.households[i] == b.data.households[i]), "household " << i);
    }
    BOOST_TEST((a.data.needs == b.data.needs));
    BOOST_TEST((a.data.donors == b.data.donors));
    BOOST_TEST((a.data.offers == b.data.offers));
    BOOST_TEST((a.data.allocations == b.data.allocations));
    BOOST_TEST((a.data.volunteers == b.data.volunteers));
    BOOST_TEST((a.data == b.data));
    BOOST_TEST(a.pending.size() == b.pending.size());
    for (std::size_t i = 0; i < a.pending.size() && i < b.pending.size(); ++i) {
        BOOST_TEST(a.pending[i].id == b.pending[i].id);
        BOOST_TEST((a.pending[i].incoming == b.pending[i].incoming));
        BOOST_TEST(a.pending[i].existing == b.pending[i].existing);
    }
    BOOST_TEST(a.merges.size() == b.merges.size());
    for (std::size_t i = 0; i < a.merges.size() && i < b.merges.size(); ++i) {
        const MergeRecord& x = a.merges[i];
        const MergeRecord& y = b.merges[i];
        BOOST_TEST(x.id == y.id);
        BOOST_TEST(x.keep == y.keep);
        BOOST_TEST((x.source == y.source));
        BOOST_TEST(x.pendingId == y.pendingId);
        BOOST_TEST(x.membersBefore == y.membersBefore);
        BOOST_TEST(x.membersMoved == y.membersMoved);
        BOOST_TEST((x.categoriesBefore == y.categoriesBefore));
        BOOST_TEST(x.needsMoved == y.needsMoved);
        BOOST_TEST(x.undone == y.undone);
    }
    BOOST_TEST((a.settings == b.settings));
    BOOST_TEST((a.approvedPlugins == b.approvedPlugins));
    BOOST_TEST(a.sequence == b.sequence);
    BOOST_TEST(a.lastHousehold == b.lastHousehold);
    BOOST_TEST(a.lastNeed == b.lastNeed);
    BOOST_TEST(a.lastDonor == b.lastDonor);
    BOOST_TEST(a.lastOffer == b.lastOffer);
    BOOST_TEST(a.lastAllocation == b.lastAllocation);
    BOOST_TEST(a.lastPending == b.lastPending);
    BOOST_TEST(a.lastMerge == b.lastMerge);
}

/// A store whose journal uses every command type and sets every field a command can set:
/// several members, attributes, categories, statuses, a held duplicate, a merge still in force
/// and one taken back, plugin approvals and settings.
void fillStore(Store& s) {
    Household a = household(1, 1);
    a.categories = {Category::Dibao, Category::Monitored, Category::DisasterStranded};
    Member child;
    child.name = "王小军";
    child.idNumber = idNumber("510104", "20120305", 31); // odd: male
    child.birth = Date{2012, 3, 5};
    child.sex = Sex::Male;
    child.attributes = {Attribute::InSchool, Attribute::LeftBehind, Attribute::DisasterHit};
    a.members.push_back(child);
    Household b = household(2, 2, "另一慈善会");
    b.consentToShare = false;
    b.categories = {Category::Tekun};
    b.members[0].attributes = {Attribute::Disabled, Attribute::LivesAlone};
    b.members[0].birth = Date{1935, 2, 28};
    b.members[0].idNumber = idNumber("510104", "19350228", 4);
    Household c = household(3, 3);
    Household d = household(4, 4);
    d.phone = "028-86001234";
    d.address = "锦江区东大街下东大街段99号附3号";
    submit(s, {cmd::RegisterHousehold{a}, cmd::RegisterHousehold{b},
                                cmd::RegisterHousehold{c}, cmd::RegisterHousehold{d}});
    submit(s, {cmd::AddNeed{need(1, 1, Kind::Coal, 300, Urgency::Normal)},
                                cmd::AddNeed{need(2, 1, Kind::Quilt, 2, Urgency::Urgent)},
                                cmd::AddNeed{need(3, 2, Kind::HomeVisit, 4, Urgency::Critical)},
                                cmd::AddNeed{need(4, 3, Kind::OneTimeSubsidy, 500,
                                                  Urgency::Normal)}});
    submit(s, {cmd::CloseNeed{4, NeedStatus::Cancelled}});

    Offer coal;
    coal.id = 1;
    coal.donor = 1;
    coal.kind = Kind::Coal;
    coal.unit = Unit::Kg;
    coal.capacity = 5000;
    coal.unitValueFen = 125;
    coal.coverage = {"51", "130102"};
    coal.targetGroups = {Category::Dibao, Category::Tekun};
    coal.windowStart = Date{2024, 11, 1};
    coal.windowEnd = Date{2025, 2, 28};
    coal.perHouseholdCap = 400;
    coal.title = "过冬煤炭";
    Offer quilts = coal;
    quilts.id = 2;
    quilts.donor = 2;
    quilts.kind = Kind::Quilt;
    quilts.unit = Unit::Piece;
    quilts.capacity = 50;
    quilts.coverage = {"510104"};
    quilts.targetGroups = {};
    quilts.perHouseholdCap = 0;
    quilts.title = "棉被";
    Allocation first;
    first.id = 1;
    first.need = 1;
    first.offer = 1;
    first.quantity = 300;
    first.locked = true;
    first.reasons = {Reason{Str::ErrInvalid, "tier 0"}, Reason{Str::StoreErrHash, ""}};
    Allocation second;
    second.id = 2;
    second.need = 2;
    second.offer = 2;
    second.quantity = 2;
    submit(s, {cmd::AddDonor{Donor{1, "示例基金会", DonorType::Charity, "51", ""}},
                                cmd::AddDonor{Donor{2, "某公司", DonorType::Enterprise, "510104",
                                                    "13912345678"}},
                                cmd::AddOffer{coal}, cmd::AddOffer{quilts},
                                cmd::ProposeAllocation{first}, cmd::ProposeAllocation{second}});
    for (auto st : {AllocationStatus::Approved, AllocationStatus::Assigned}) {
        submit(s, {cmd::SetAllocationStatus{1, st}});
    }
    submit(s, {cmd::SetAllocationStatus{2, AllocationStatus::Rejected}});

    // A duplicate held for review, a merge in force, and a merge taken back.
    Household incoming = household(5, 3, "第三慈善会");
    Member grandchild;
    grandchild.name = "王小花";
    grandchild.idNumber = idNumber("510104", "20150610", 42);
    grandchild.birth = Date{2015, 6, 10};
    incoming.members.push_back(grandchild);
    submit(s, {cmd::HoldDuplicate{1, incoming, 3}});
    Household again = household(6, 1, "第四慈善会");
    submit(s, {cmd::HoldDuplicate{2, again, 1}});
    submit(s, {cmd::MergeHouseholds{1, 1, 2, 0}});
    // The held duplicate shares its person with household 1: it may join 1, not another one.
    const auto refused = s.submit(Submission{"周会计", kNow, {cmd::MergeHouseholds{2, 4, 0, 2}}});
    BOOST_REQUIRE(!refused.ok());
    BOOST_TEST((refused.errors().front().reason == Str::StoreErrPersonRegistered));
    submit(s, {cmd::MergeHouseholds{2, 1, 0, 2}});
    submit(s, {cmd::Unmerge{2}});

    submit(s, {cmd::ApprovePlugin{"sichuan", std::string(64, 'c')},
                                cmd::ChangeSetting{"title", "2024年冬季温暖行动"},
                                cmd::ChangeSetting{"region", "510000"}});
}

/// Opens `dir`, failing the test with the reason when it cannot.
std::unique_ptr<Store> openOrFail(PosixFileSystem& fs, const std::string& dir) {
    auto s = Store::open(fs, dir, reg());
    BOOST_REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.errors().front().describe(Lang::En)));
    return std::move(s.value());
}

/// Sets the header's version field and its header checksum (a well-formed file of that version).
std::string withVersion(std::string snap, std::uint32_t version) {
    std::string v;
    putU32(v, version);
    snap.replace(8, 4, v);
    std::string crc;
    putU32(crc, crc32(std::string_view(snap).substr(0, 32)));
    snap.replace(32, 4, crc);
    return snap;
}

/// Replaces the payload and fixes both checksums and the length.
std::string withPayload(const std::string& snap, const std::string& payload) {
    std::string out = snap.substr(0, kSnapshotHeaderSize) + payload;
    std::string len, crc;
    putU64(len, payload.size());
    out.replace(12, 8, len);
    putU32(crc, crc32(payload));
    out.replace(28, 4, crc);
    return withVersion(out, getU32(out, 8));
}

} // namespace

BOOST_AUTO_TEST_SUITE(store_snapshot)

BOOST_AUTO_TEST_CASE(every_field_round_trips_against_the_replayed_journal) {
    PosixFileSystem fs;
    const std::string dir = freshDir("snap-fields");
    {
        auto s = openOrFail(fs, dir);
        fillStore(*s);
        BOOST_REQUIRE(s->writeSnapshot(nullptr));
        BOOST_TEST(s->state().data().pending.size() == 2U); // the second was merged, then taken back
        BOOST_TEST(s->state().data().merges.size() == 2U);
    }
    // The same journal without the snapshot: the state replaying rebuilds.
    const std::string replayDir = freshDir("snap-fields-replay");
    writeFile(Store::journalPath(replayDir), readFile(Store::journalPath(dir)));
    auto replayed = openOrFail(fs, replayDir);
    BOOST_TEST(!replayed->report().snapshotUsed);
    BOOST_TEST(replayed->report().replayed == replayed->state().sequence());

    auto fromSnapshot = openOrFail(fs, dir);
    BOOST_TEST(fromSnapshot->report().snapshotUsed);
    BOOST_TEST(!fromSnapshot->report().snapshotProblem.has_value());
    BOOST_TEST(fromSnapshot->report().replayed == 0U);
    requireSame(fromSnapshot->state().data(), replayed->state().data());
    BOOST_TEST(verifyStore(fs, dir).ok());

    // The indexes rebuilt from the snapshot answer like the replayed ones.
    const State& a = fromSnapshot->state();
    const State& b = replayed->state();
    for (Kind k : allOf<Kind>()) {
        for (NeedStatus st : allOf<NeedStatus>()) BOOST_TEST(a.needsWith(k, st) == b.needsWith(k, st));
    }
    const std::string child = idNumber("510104", "20120305", 31);
    BOOST_TEST(a.householdOfPerson(child) == b.householdOfPerson(child));
    BOOST_TEST(a.householdsIn("510104") == b.householdsIn("510104"));
}

BOOST_AUTO_TEST_CASE(fields_no_command_sets_round_trip) {
    // Title, reference date and volunteers come from data sets, not commands: put them into a
    // replayed state and take them through the codec.
    PosixFileSystem fs;
    const std::string dir = freshDir("snap-extra");
    auto s = openOrFail(fs, dir);
    fillStore(*s);
    StoreData d = s->state().data();
    d.data.title = "演示 campaign";
    d.data.asOf = Date{1969, 12, 31}; // before the epoch: a negative day number
    Volunteer v;
    v.id = 7;
    v.name = "赵志愿";
    v.phone = "13700001111";
    v.divisionCode = "5101";
    v.kinds = {Kind::HomeVisit, Kind::SnowClearing, Kind::WiringRepair};
    v.active = false;
    d.data.volunteers = {v, Volunteer{}};
    auto decoded = decodeSnapshot(encodeSnapshot(d, 1234));
    BOOST_REQUIRE(decoded.ok());
    BOOST_TEST(decoded.value().journalOffset == 1234U);
    requireSame(decoded.value().data, d);
}

BOOST_AUTO_TEST_CASE(older_format_is_reported_and_the_journal_replayed) {
    PosixFileSystem fs;
    const std::string dir = freshDir("snap-old");
    {
        auto s = openOrFail(fs, dir);
        fillStore(*s);
        BOOST_REQUIRE(s->writeSnapshot(nullptr));
    }
    const std::string snap = readFile(Store::snapshotPath(dir));
    BOOST_REQUIRE(getU32(snap, 8) == kSnapshotVersion);
    const auto expected = openOrFail(fs, dir)->state().data();
    for (std::uint32_t version : {1U, kSnapshotVersion + 1}) {
        const std::string sub = freshDir("snap-old-" + std::to_string(version));
        writeFile(Store::journalPath(sub), readFile(Store::journalPath(dir)));
        writeFile(Store::snapshotPath(sub), withVersion(snap, version));
        auto s = openOrFail(fs, sub);
        BOOST_TEST(!s->report().snapshotUsed);
        BOOST_REQUIRE(s->report().snapshotProblem.has_value());
        BOOST_TEST((s->report().snapshotProblem->reason == (version == 1U
                                                                ? Str::StoreSnapshotOldFormat
                                                                : Str::SerialNewerVersion)));
        BOOST_TEST(s->report().replayed == expected.sequence);
        requireSame(s->state().data(), expected);
        const CheckReport check = verifyStore(fs, sub);
        BOOST_TEST(check.journalOk);
        BOOST_TEST(!check.ok());
    }
}

BOOST_AUTO_TEST_CASE(enum_values_are_read_by_name_not_position) {
    // A writer whose enum order differs: swap the two names of the sex table in the payload.
    // Every member's sex must then read as the other value; nothing else changes.
    PosixFileSystem fs;
    const std::string dir = freshDir("snap-names");
    auto s = openOrFail(fs, dir);
    fillStore(*s);
    const StoreData original = s->state().data();
    const std::string snap = encodeSnapshot(original, 16);
    std::string payload = snap.substr(kSnapshotHeaderSize);
    std::string table, swapped;
    putU32(table, 6);
    table += "female";
    putU32(table, 4);
    table += "male";
    putU32(swapped, 4);
    swapped += "male";
    putU32(swapped, 6);
    swapped += "female";
    // cereal's portable binary writes little-endian by default, like putU32.
    const auto at = payload.find(table);
    BOOST_REQUIRE(at != std::string::npos);
    BOOST_REQUIRE(payload.find(table, at + 1) == std::string::npos);
    payload.replace(at, table.size(), swapped);
    auto decoded = decodeSnapshot(withPayload(snap, payload));
    BOOST_REQUIRE(decoded.ok());
    StoreData flipped = original;
    auto flip = [](Household& h) {
        for (Member& m : h.members) m.sex = m.sex == Sex::Male ? Sex::Female : Sex::Male;
    };
    for (Household& h : flipped.data.households) flip(h);
    for (PendingDuplicate& p : flipped.pending) flip(p.incoming);
    for (MergeRecord& m : flipped.merges) flip(m.source);
    requireSame(decoded.value().data, flipped);

    // A name this program does not know refuses the snapshot, naming the table entry.
    std::string unknown = swapped;
    unknown.replace(4, 4, "mxle");
    payload.replace(at, swapped.size(), unknown);
    auto refused = decodeSnapshot(withPayload(snap, payload));
    BOOST_REQUIRE(!refused.ok());
    BOOST_TEST(refused.errors().front().detail.find("names.sex[0]") != std::string::npos,
               refused.errors().front().detail);
}

BOOST_AUTO_TEST_CASE(indexes_kept_in_step_equal_indexes_built_late) {
    // Indexes are built on first use: queried before the commands (kept in step by every edit)
    // and built afterwards from the data alone, they must answer alike.
    PosixFileSystem fs;
    auto s = openOrFail(fs, freshDir("snap-indexes"));
    const std::string someone = idNumber("510104", "19600101", 2);
    BOOST_TEST(s->state().householdOfPerson(someone) == 0U);
    BOOST_TEST(s->state().householdsIn("51").empty());
    BOOST_TEST(s->state().needsWith(Kind::Coal, NeedStatus::Open).empty());
    BOOST_TEST(s->state().offersWith(Kind::Coal, OfferStatus::Open).empty());
    fillStore(*s);
    const State& early = s->state();
    const State late(early.data());
    for (Kind k : allOf<Kind>()) {
        for (NeedStatus st : allOf<NeedStatus>()) BOOST_TEST(early.needsWith(k, st) == late.needsWith(k, st));
        for (OfferStatus st : allOf<OfferStatus>()) {
            BOOST_TEST(early.offersWith(k, st) == late.offersWith(k, st));
        }
    }
    BOOST_TEST(!late.needsWith(Kind::Coal, NeedStatus::Open).empty());
    for (const char* area : {"51", "5101", "510104", "13"}) {
        BOOST_TEST(early.householdsIn(area) == late.householdsIn(area), area);
    }
    std::size_t people = 0;
    auto samePeople = [&](const Household& h) {
        for (const Member& m : h.members) {
            ++people;
            BOOST_TEST(early.householdOfPerson(m.idNumber) == late.householdOfPerson(m.idNumber));
        }
    };
    for (const Household& h : early.dataset().households) samePeople(h);
    for (const PendingDuplicate& p : early.data().pending) samePeople(p.incoming);
    for (const MergeRecord& m : early.data().merges) samePeople(m.source);
    BOOST_TEST(people > 6U);
    BOOST_TEST(early.householdOfPerson(someone) == 1U);
}

BOOST_AUTO_TEST_SUITE_END()
