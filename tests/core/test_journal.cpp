// The journal and snapshot codecs, and what opening does with damaged files: truncated and
// bit-flipped journals and snapshots are cut or refused and always reported.
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

/// A store with `n` one-household transactions; returns the journal offset after each record.
std::vector<std::size_t> makeStore(const std::string& dir, int n, bool snapshotAtEnd = false) {
    PosixFileSystem fs;
    auto s = Store::open(fs, dir, reg());
    BOOST_REQUIRE(s.ok());
    std::vector<std::size_t> ends;
    for (int i = 1; i <= n; ++i) {
        auto r = s.value()->submit(Submission{
            "李", kNow, {cmd::RegisterHousehold{household(static_cast<HouseholdId>(i), i)}}});
        BOOST_REQUIRE(r.ok());
        ends.push_back(static_cast<std::size_t>(s.value()->journalSize()));
    }
    if (snapshotAtEnd) BOOST_REQUIRE(s.value()->writeSnapshot(nullptr));
    return ends;
}

} // namespace

BOOST_AUTO_TEST_SUITE(journal)

BOOST_AUTO_TEST_CASE(crc32_check_values) {
    // The catalogue check value of CRC-32/ISO-HDLC, and two more computed with zlib's crc32().
    BOOST_TEST(crc32("123456789") == 0xCBF43926U);
    BOOST_TEST(crc32("") == 0U);
    BOOST_TEST(crc32("The quick brown fox jumps over the lazy dog") == 0x414FA339U);
    BOOST_TEST(crc32("56789", crc32("1234")) == 0xCBF43926U);
}

BOOST_AUTO_TEST_CASE(header_layout) {
    const std::string h = encodeJournalHeader();
    BOOST_TEST(h.size() == 16U);
    BOOST_TEST(h.substr(0, 8) == std::string("NXJRNL\r\n", 8));
    BOOST_TEST(getU32(h, 8) == 1U); // format version, little-endian
    BOOST_TEST(!checkJournalHeader(h));
    std::string flipped = h;
    flipped[9] = '\x01';
    BOOST_TEST(checkJournalHeader(flipped).has_value());
    BOOST_TEST(checkJournalHeader("not a journal at all").has_value());
}

BOOST_AUTO_TEST_CASE(record_round_trip_every_command) {
    Transaction t;
    t.sequence = 1;
    t.who = "王";
    t.when = kNow;
    t.commands = {cmd::RegisterHousehold{household(1, 1)},
                  cmd::AddMember{1, household(2, 2).members[0]},
                  cmd::CloseNeed{3, NeedStatus::Cancelled},
                  cmd::SetAllocationStatus{4, AllocationStatus::Assigned},
                  cmd::HoldDuplicate{1, household(2, 5), 1},
                  cmd::MergeHouseholds{1, 1, 0, 1},
                  cmd::Unmerge{1},
                  cmd::ApprovePlugin{"hebei", "ab"},
                  cmd::ChangeSetting{"k", "v"}};
    const std::string rec = encodeRecord(t);
    BOOST_TEST(getU32(rec, 0) == rec.size() - 8);
    BOOST_TEST(getU32(rec, 4) == crc32(std::string_view(rec).substr(8)));
    std::vector<Transaction> seen;
    const auto r =
        scanJournal(rec + encodeRecord(Transaction{2, "x", 5, {}}), 16, 1, [&](Transaction&& x) {
            seen.push_back(std::move(x));
            return true;
        });
    BOOST_TEST((r.end == ScanEnd::Clean));
    BOOST_REQUIRE(seen.size() == 2U);
    BOOST_TEST(seen[0].who == "王");
    BOOST_TEST(seen[0].when == kNow);
    BOOST_REQUIRE(seen[0].commands.size() == t.commands.size());
    for (std::size_t i = 0; i < t.commands.size(); ++i) {
        BOOST_TEST(std::string(commandName(seen[0].commands[i])) == commandName(t.commands[i]));
    }
    BOOST_TEST(
        (std::get<cmd::RegisterHousehold>(seen[0].commands[0]).household == household(1, 1)));
    BOOST_TEST(std::get<cmd::ChangeSetting>(seen[0].commands[8]).value == "v");
}

BOOST_AUTO_TEST_CASE(out_of_sequence_record_is_refused) {
    const std::string bytes =
        encodeRecord(Transaction{1, "a", 0, {}}) + encodeRecord(Transaction{3, "a", 0, {}});
    const auto r = scanJournal(bytes, 16, 1, [](Transaction&&) { return true; });
    BOOST_TEST(r.records == 1U);
    BOOST_TEST((r.end == ScanEnd::BadPayload));
    BOOST_TEST(r.droppedRecords == 1U);
}

BOOST_AUTO_TEST_CASE(a_bool_byte_other_than_0_or_1_is_refused) {
    // SetAllocationLock's flag is the last byte of this record's payload. A damaged byte with a
    // valid checksum (a bad writer, not the disk) must be refused, never loaded into a bool.
    const Transaction t{1, "a", 0, {cmd::SetAllocationLock{4, true}}};
    const std::string good = encodeRecord(t);
    BOOST_REQUIRE(good.back() == '\x01');
    auto reframed = [](std::string payload) {
        std::string out;
        putU32(out, static_cast<std::uint32_t>(payload.size()));
        putU32(out, crc32(payload));
        return out + payload;
    };
    BOOST_REQUIRE(reframed(good.substr(8)) == good);
    const auto accept = [](Transaction&&) { return true; };
    BOOST_TEST((scanJournal(good, 16, 1, accept).end == ScanEnd::Clean));
    std::string payload = good.substr(8);
    payload.back() = '\x02';
    const auto r = scanJournal(reframed(payload), 16, 1, accept);
    BOOST_TEST((r.end == ScanEnd::BadPayload));
    BOOST_TEST(r.records == 0U);
}

BOOST_AUTO_TEST_CASE(truncated_journal_every_length) {
    const std::string dir = freshDir("truncated");
    const auto ends = makeStore(dir, 3);
    const std::string journal = Store::journalPath(dir);
    const std::string full = readFile(journal);
    BOOST_REQUIRE(full.size() == ends.back());
    // Cut inside the third record at every byte: two records stay, the rest is reported.
    for (std::size_t cut = ends[1] + 1; cut < ends[2]; cut += 7) {
        const std::string sub = freshDir("truncated-" + std::to_string(cut));
        writeFile(Store::journalPath(sub), full.substr(0, cut));
        PosixFileSystem fs;
        auto s = Store::open(fs, sub, reg());
        BOOST_REQUIRE(s.ok());
        const OpenReport& rep = s.value()->report();
        BOOST_TEST(rep.tailCut());
        BOOST_TEST((rep.journalEnd == ScanEnd::Torn));
        BOOST_TEST(rep.cutOffset == ends[1]);
        BOOST_TEST(rep.droppedBytes == cut - ends[1]);
        BOOST_TEST(rep.droppedRecords == 1U);
        BOOST_TEST(s.value()->state().sequence() == 2U);
        BOOST_TEST(readFile(journal).size() == full.size()); // the source is untouched
        BOOST_TEST(readFile(Store::journalPath(sub)).size() == ends[1]);
        BOOST_TEST(readFile(rep.droppedCopy) == full.substr(ends[1], cut - ends[1]));
        // Appending after the cut continues the sequence.
        auto r = s.value()->submit(Submission{"李", kNow, {cmd::ChangeSetting{"a", "b"}}});
        BOOST_TEST(r.value() == 3U);
    }
}

BOOST_AUTO_TEST_CASE(bit_flips_in_journal) {
    const std::string dir = freshDir("flips");
    const auto ends = makeStore(dir, 3);
    const std::string full = readFile(Store::journalPath(dir));
    // One flipped bit in each of a few places of the second record's payload.
    for (std::size_t at : {ends[0] + 8, ends[0] + 20, ends[1] - 1}) {
        std::string bytes = full;
        bytes[at] = static_cast<char>(bytes[at] ^ 0x10);
        const std::string sub = freshDir("flip-" + std::to_string(at));
        writeFile(Store::journalPath(sub), bytes);
        PosixFileSystem fs;
        auto s = Store::open(fs, sub, reg());
        BOOST_REQUIRE(s.ok());
        const OpenReport& rep = s.value()->report();
        BOOST_TEST((rep.journalEnd == ScanEnd::BadChecksum));
        BOOST_TEST(rep.cutOffset == ends[0]);
        BOOST_TEST(rep.droppedRecords == 2U); // the damaged one and the good one after it
        BOOST_TEST(s.value()->state().sequence() == 1U);
        BOOST_TEST(!rep.describe(Lang::En).empty());
    }
    // A flipped length field: the record seems to run past the end.
    std::string bytes = full;
    bytes[ends[0] + 3] = '\x7F';
    const std::string sub = freshDir("flip-length");
    writeFile(Store::journalPath(sub), bytes);
    PosixFileSystem fs;
    auto s = Store::open(fs, sub, reg());
    BOOST_REQUIRE(s.ok());
    BOOST_TEST((s.value()->report().journalEnd == ScanEnd::Torn));
    BOOST_TEST(s.value()->report().cutOffset == ends[0]);
    // A damaged header is refused outright (nothing can be trusted).
    bytes = full;
    bytes[2] = 'x';
    const std::string bad = freshDir("flip-header");
    writeFile(Store::journalPath(bad), bytes);
    BOOST_TEST(!Store::open(fs, bad, reg()).ok());
}

BOOST_AUTO_TEST_CASE(damaged_snapshot_falls_back_to_journal) {
    const std::string dir = freshDir("snapdamage");
    makeStore(dir, 4, true);
    const std::string snap = readFile(Store::snapshotPath(dir));
    const std::string journal = readFile(Store::journalPath(dir));
    PosixFileSystem fs;
    auto good = Store::open(fs, dir, reg(), Store::Mode::ReadOnly);
    BOOST_REQUIRE(good.ok());
    BOOST_TEST(good.value()->report().snapshotUsed);
    BOOST_TEST(good.value()->report().replayed == 0U);
    const Dataset expected = good.value()->state().dataset();

    const std::vector<std::string> damaged = {
        snap.substr(0, snap.size() / 2), // truncated
        snap.substr(0, 30),              // truncated header
        [&] {
            std::string s = snap;
            s[snap.size() - 5] ^= 1;
            return s;
        }(), // payload bit
        [&] {
            std::string s = snap;
            s[21] ^= 4;
            return s;
        }(), // journal offset bit
    };
    int n = 0;
    for (const auto& bytes : damaged) {
        const std::string sub = freshDir("snapdamage-" + std::to_string(n++));
        writeFile(Store::journalPath(sub), journal);
        writeFile(Store::snapshotPath(sub), bytes);
        auto s = Store::open(fs, sub, reg());
        BOOST_REQUIRE(s.ok());
        BOOST_TEST(!s.value()->report().snapshotUsed);
        BOOST_TEST(s.value()->report().snapshotProblem.has_value());
        BOOST_TEST(s.value()->report().replayed == 4U);
        BOOST_TEST((s.value()->state().dataset() == expected));
        BOOST_TEST(!verifyStore(fs, sub).ok());
    }
}

BOOST_AUTO_TEST_CASE(check_reports_a_bad_journal_without_changing_it) {
    const std::string dir = freshDir("check");
    const auto ends = makeStore(dir, 2);
    std::string bytes = readFile(Store::journalPath(dir));
    bytes.resize(bytes.size() - 3);
    writeFile(Store::journalPath(dir), bytes);
    PosixFileSystem fs;
    const CheckReport r = verifyStore(fs, dir);
    BOOST_TEST(!r.ok());
    BOOST_TEST(r.records == 1U);
    BOOST_TEST(r.scan.goodEnd == ends[0]);
    BOOST_TEST(readFile(Store::journalPath(dir)) == bytes);
}

BOOST_AUTO_TEST_CASE(check_compares_the_snapshot_on_its_way_through_the_journal) {
    // Three records, a snapshot after them, two more: the check replays once, comparing the
    // state at the snapshot's offset, and counts all five records.
    const std::string dir = freshDir("check_snapshot");
    std::uint64_t snapshotOffset = 0;
    {
        PosixFileSystem fs;
        auto s = Store::open(fs, dir, reg());
        BOOST_REQUIRE(s.ok());
        for (int i = 1; i <= 5; ++i) {
            BOOST_REQUIRE(s.value()
                              ->submit(Submission{"李", kNow,
                                                  {cmd::RegisterHousehold{household(static_cast<HouseholdId>(i), i)}}})
                              .ok());
            if (i == 3) {
                BOOST_REQUIRE(s.value()->writeSnapshot(nullptr));
                snapshotOffset = s.value()->journalSize();
            }
        }
    }
    PosixFileSystem fs;
    CheckReport r = verifyStore(fs, dir);
    BOOST_TEST(r.ok());
    BOOST_TEST(r.records == 5U);
    BOOST_TEST(r.snapshotSequence == 3U);
    BOOST_TEST(r.snapshotMatches);
    BOOST_TEST(r.households == 5U);

    // A snapshot at the same offset holding another state (four households) does not match.
    const std::string good = readFile(Store::snapshotPath(dir));
    auto decoded = decodeSnapshot(good);
    BOOST_REQUIRE(decoded.ok());
    StoreData other = decoded.value().data;
    other.data.households.push_back(household(9, 9));
    writeFile(Store::snapshotPath(dir), encodeSnapshot(other, snapshotOffset));
    r = verifyStore(fs, dir);
    BOOST_TEST(!r.ok());
    BOOST_TEST(r.journalOk);
    BOOST_TEST(!r.snapshotMatches);
    BOOST_TEST(r.records == 5U);

    // A damaged first record: the journal is read from the start as far as it goes (nothing),
    // and the snapshot cannot match.
    writeFile(Store::snapshotPath(dir), good);
    std::string journal = readFile(Store::journalPath(dir));
    journal[kJournalHeaderSize + 10] = static_cast<char>(journal[kJournalHeaderSize + 10] ^ 0x40);
    writeFile(Store::journalPath(dir), journal);
    r = verifyStore(fs, dir);
    BOOST_TEST(!r.journalOk);
    BOOST_TEST(!r.snapshotMatches);
    BOOST_TEST(r.records == 0U);
    BOOST_TEST(r.scan.goodEnd == kJournalHeaderSize);
}

BOOST_AUTO_TEST_SUITE_END()
