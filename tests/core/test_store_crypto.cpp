// Encrypted stores (core/store/crypto.*): round trip, wrong passphrase, no personal data in clear
// on disk or in a backup, tampering, encrypting a plain store in place, a new passphrase, and
// plain stores opening as before. Argon2id runs at libsodium's minimum limits here (the limits
// are kept in each key file) except in the one case that measures the default level.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include <boost/test/unit_test.hpp>

#include "core/io/export.h"
#include "core/store/crc32.h"
#include "core/store/store.h"

#include "test_store_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

const DivisionRegistry& reg() {
    return DivisionRegistry::builtIn();
}

const Secret& pass() {
    static const Secret s("冬日暖阳 correct horse");
    return s;
}

Store::Options encrypted(const Secret& passphrase = pass()) {
    return {Store::Mode::ReadWrite, &passphrase, KdfLimits::minimum()};
}

/// A household with personal data that appears nowhere else: names, ID numbers (check character
/// computed by the test), phone and address, each long enough not to occur by chance.
Household secretHousehold(HouseholdId id, int n) {
    Household h = household(id, n);
    h.members.front().name = "甄秘玥" + std::to_string(n);
    h.members.front().idNumber = idNumber("510104", "19580214", 500 + 2 * n); // even: female
    h.members.front().birth = Date{1958, 2, 14};
    h.phone = "1391234" + std::to_string(5670 + n);
    h.address = "四川省成都市锦江区隐秘巷" + std::to_string(70 + n) + "号";
    return h;
}

/// The strings no file of an encrypted store may contain (UTF-8 bytes, as the journal would).
std::vector<std::string> personalStrings(int households) {
    std::vector<std::string> out;
    for (int n = 1; n <= households; ++n) {
        const Household h = secretHousehold(static_cast<HouseholdId>(n), n);
        out.push_back(h.members.front().name);
        out.push_back(h.members.front().idNumber);
        out.push_back(h.phone);
        out.push_back(h.address);
    }
    out.emplace_back("隐秘巷"); // part of every address
    return out;
}

Submission registration(int n) {
    return Submission{"tester", kNow + n, {cmd::RegisterHousehold{secretHousehold(static_cast<HouseholdId>(n), n)}}};
}

/// The clear strings found in any file under `dir` (recursively), as "file: string".
std::vector<std::string> clearStrings(const std::string& dir, const std::vector<std::string>& secrets) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const std::string bytes = readFile(entry.path().string());
        for (const std::string& s : secrets) {
            if (bytes.find(s) != std::string::npos) found.push_back(entry.path().filename().string() + ": " + s);
        }
    }
    return found;
}

std::map<std::string, std::string> filesOf(const std::string& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        out[entry.path().filename().string()] = readFile(entry.path().string());
    }
    return out;
}

PosixFileSystem& disk() {
    static PosixFileSystem fs;
    return fs;
}

std::unique_ptr<Store> openOk(const std::string& dir, const Store::Options& options) {
    auto s = Store::open(disk(), dir, reg(), options);
    BOOST_REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.errors().front().describe(Lang::En)));
    return std::move(s.value());
}

/// Three households, a snapshot after the second, the third only in the journal.
void fill(Store& s) {
    const auto first = s.submit(registration(1));
    BOOST_REQUIRE_MESSAGE(first.ok(), (first.ok() ? "" : first.errors().front().describe(Lang::En)));
    BOOST_REQUIRE(s.submit(registration(2)).ok());
    BOOST_REQUIRE(s.writeSnapshot(nullptr));
    BOOST_REQUIRE(s.submit(registration(3)).ok());
}

std::vector<std::string> names(const State& s) {
    std::vector<std::string> out;
    for (const Household& h : s.dataset().households) out.push_back(h.members.front().name);
    return out;
}

const std::vector<std::string> kThreeNames{"甄秘玥1", "甄秘玥2", "甄秘玥3"};

} // namespace

BOOST_AUTO_TEST_SUITE(store_crypto)

BOOST_AUTO_TEST_CASE(round_trip_with_the_right_passphrase) {
    const std::string dir = freshDir("crypto-round") + "/store";
    {
        auto s = openOk(dir, encrypted());
        BOOST_TEST(s->encrypted());
        BOOST_TEST(s->report().created);
        fill(*s);
    }
    BOOST_TEST(Store::isEncrypted(disk(), dir));
    auto s = openOk(dir, encrypted());
    BOOST_TEST(s->report().snapshotUsed); // the sealed snapshot was read...
    BOOST_TEST(s->report().replayed == 1U); // ...and the one record after it
    BOOST_TEST(names(s->state()) == kThreeNames);
    BOOST_TEST(s->state().dataset().households[2].members.front().idNumber ==
               idNumber("510104", "19580214", 506));
    // The audit trail reads the sealed records too.
    std::vector<std::uint64_t> sequences;
    BOOST_TEST(s->readJournal([&](Transaction&& t) {
                    sequences.push_back(t.sequence);
                    return true;
                }).ok());
    BOOST_TEST(sequences == (std::vector<std::uint64_t>{1, 2, 3}));
    const CheckReport check = verifyStore(disk(), dir, &pass());
    BOOST_TEST(check.ok());
    BOOST_TEST(check.records == 3U);
    BOOST_TEST(check.snapshotMatches);
}

BOOST_AUTO_TEST_CASE(wrong_or_missing_passphrase_is_refused_and_changes_nothing) {
    const std::string dir = freshDir("crypto-wrong") + "/store";
    fill(*openOk(dir, encrypted()));
    // A torn tail, which an opening for writing would cut: a refused opening must not.
    {
        std::ofstream out(Store::journalPath(dir), std::ios::binary | std::ios::app);
        out << std::string("\x30\x00\x00\x00\x01\x02", 6);
    }
    const auto before = filesOf(dir);
    const Secret wrong("冬日暖阳 correct horsf");
    auto refused = Store::open(disk(), dir, reg(), encrypted(wrong));
    BOOST_REQUIRE(!refused.ok());
    BOOST_TEST((refused.errors().front().reason == Str::StoreWrongPassphrase));
    const std::string text = refused.errors().front().describe(Lang::En);
    BOOST_TEST(text == dir + ": wrong passphrase");
    auto none = Store::open(disk(), dir, reg());
    BOOST_REQUIRE(!none.ok());
    BOOST_TEST((none.errors().front().reason == Str::StoreEncrypted));
    BOOST_TEST(none.errors().front().describe(Lang::En).find(dir) == 0U);
    BOOST_TEST(!verifyStore(disk(), dir, &wrong).ok());
    BOOST_TEST(filesOf(dir) == before, "a refused opening changed the store's files");
}

BOOST_AUTO_TEST_CASE(no_personal_data_in_clear_in_any_file) {
    const std::vector<std::string> secrets = personalStrings(3);
    // The scan must be able to fail: a plain store holds every one of the strings.
    const std::string plainDir = freshDir("crypto-clear-plain") + "/store";
    fill(*openOk(plainDir, Store::Options{Store::Mode::ReadWrite, nullptr, KdfLimits::minimum()}));
    BOOST_TEST(clearStrings(plainDir, secrets).size() >= secrets.size());

    const std::string root = freshDir("crypto-clear");
    const std::string dir = root + "/store";
    fill(*openOk(dir, encrypted()));
    // A torn record at the end: the next opening cuts it and keeps it beside the journal.
    {
        const std::string record = encodeRecord(Transaction{4, "tester", kNow, registration(4).commands});
        std::ofstream out(Store::journalPath(dir), std::ios::binary | std::ios::app);
        out << record.substr(0, record.size() - 5);
    }
    auto s = openOk(dir, encrypted());
    BOOST_TEST(s->report().tailCut());
    BOOST_TEST(isSealedFile(readFile(s->report().droppedCopy)));
    BOOST_TEST(s->submit(registration(5)).ok());
    const auto backup = backupStore(disk(), dir);
    BOOST_REQUIRE(backup.ok());
    writeFile(root + "/store.bak", backup.value());
    const auto found = clearStrings(root, personalStrings(5));
    BOOST_TEST(found.empty(), "in clear: " << (found.empty() ? "" : found.front()));
}

BOOST_AUTO_TEST_CASE(a_tampered_record_is_refused_as_damage) {
    const std::string dir = freshDir("crypto-tamper") + "/store";
    {
        auto s = openOk(dir, encrypted());
        BOOST_REQUIRE(s->submit(registration(1)).ok());
        BOOST_REQUIRE(s->submit(registration(2)).ok());
    }
    const std::string journal = readFile(Store::journalPath(dir));
    const std::size_t second = kJournalHeaderSize + kRecordHeaderSize + getU32(journal, kJournalHeaderSize);
    const std::size_t length = getU32(journal, second);
    // One byte of the second record's ciphertext changed, its CRC-32 made to fit again (a
    // deliberate change, not noise): the checksum passes, the Poly1305 tag does not.
    std::string tampered = journal;
    tampered[second + kRecordHeaderSize + 50] ^= 0x01;
    std::string crc;
    putU32(crc, crc32(std::string_view(tampered).substr(second + kRecordHeaderSize, length)));
    tampered.replace(second + 4, 4, crc);
    writeFile(Store::journalPath(dir), tampered);
    const CheckReport check = verifyStore(disk(), dir, &pass());
    BOOST_TEST(!check.journalOk);
    BOOST_TEST((check.scan.end == ScanEnd::BadPayload));
    BOOST_TEST(check.scan.detail == "sealed payload fails authentication");
    BOOST_TEST(check.records == 1U);
    auto s = openOk(dir, encrypted());
    BOOST_TEST(s->report().tailCut());
    BOOST_TEST(s->report().cutOffset == second);
    BOOST_TEST(names(s->state()) == (std::vector<std::string>{"甄秘玥1"}));

    // Noise in a record (CRC not fixed) is found before any decryption, as in a plain store.
    const std::string dir2 = freshDir("crypto-tamper2") + "/store";
    fill(*openOk(dir2, encrypted()));
    std::string noisy = readFile(Store::journalPath(dir2));
    noisy[kJournalHeaderSize + kRecordHeaderSize + 30] ^= 0x40;
    writeFile(Store::journalPath(dir2), noisy);
    BOOST_TEST((verifyStore(disk(), dir2, &pass()).scan.end == ScanEnd::BadChecksum));
}

BOOST_AUTO_TEST_CASE(a_tampered_snapshot_is_refused_and_the_journal_replayed) {
    const std::string dir = freshDir("crypto-snap") + "/store";
    fill(*openOk(dir, encrypted()));
    std::string snap = readFile(Store::snapshotPath(dir));
    snap[kSnapshotHeaderSize + 60] ^= 0x02;
    std::string crc;
    putU32(crc, crc32(std::string_view(snap).substr(kSnapshotHeaderSize)));
    snap.replace(28, 4, crc);
    std::string headerCrc; // covers the payload's CRC: made to fit too
    putU32(headerCrc, crc32(std::string_view(snap).substr(0, 32)));
    snap.replace(32, 4, headerCrc);
    writeFile(Store::snapshotPath(dir), snap);
    auto s = openOk(dir, encrypted());
    BOOST_REQUIRE(s->report().snapshotProblem.has_value());
    BOOST_TEST((s->report().snapshotProblem->reason == Str::StoreSealBroken));
    BOOST_TEST(s->report().replayed == 3U);
    BOOST_TEST(names(s->state()) == kThreeNames);
}

BOOST_AUTO_TEST_CASE(a_plain_store_opens_as_before_and_can_be_encrypted_in_place) {
    const std::string root = freshDir("crypto-inplace");
    const std::string dir = root + "/store";
    {
        auto s = openOk(dir, Store::Options{Store::Mode::ReadWrite, nullptr, KdfLimits::minimum()});
        fill(*s);
    }
    // The plain journal's header is the one of every store written before encryption existed.
    BOOST_TEST(readFile(Store::journalPath(dir)).substr(0, 12) == std::string("NXJRNL\r\n\x01\0\0\0", 12));
    BOOST_TEST(!Store::isEncrypted(disk(), dir));
    // A clear leftover of a crashed snapshot write and a kept tail in clear.
    writeFile(Store::snapshotPath(dir) + ".tmp", "甄秘玥1");
    writeFile(dir + "/journal.dropped-999", "甄秘玥2");
    {
        auto s = openOk(dir, encrypted()); // a passphrase for a plain store: it opens plain
        BOOST_TEST(!s->encrypted());
        BOOST_TEST(names(s->state()) == kThreeNames);
        const auto problem = s->encrypt(pass(), KdfLimits::minimum());
        BOOST_REQUIRE_MESSAGE(!problem, (problem ? problem->describe(Lang::En) : ""));
        BOOST_TEST(s->encrypted());
        BOOST_TEST((s->encrypt(pass(), KdfLimits::minimum())->reason == Str::StoreAlreadyEncrypted));
        BOOST_TEST(s->submit(registration(4)).ok()); // goes on writing, sealed
    }
    BOOST_TEST(clearStrings(root, personalStrings(4)).empty());
    BOOST_TEST(!std::filesystem::exists(Store::snapshotPath(dir) + ".tmp"));
    BOOST_TEST(isSealedFile(readFile(dir + "/journal.dropped-999")));
    auto s = openOk(dir, encrypted());
    BOOST_TEST(s->report().snapshotUsed);
    BOOST_TEST(names(s->state()).size() == 4U);
    BOOST_TEST(verifyStore(disk(), dir, &pass()).ok());
}

BOOST_AUTO_TEST_CASE(an_interrupted_encryption_leaves_the_plain_store) {
    // The key file is written first; a crash before the journal's replacement leaves it beside
    // a plain journal, which ignores it.
    const std::string dir = freshDir("crypto-interrupted") + "/store";
    const std::string other = freshDir("crypto-interrupted-key") + "/store";
    fill(*openOk(dir, Store::Options{Store::Mode::ReadWrite, nullptr, KdfLimits::minimum()}));
    (void)openOk(other, encrypted());
    writeFile(Store::keyPath(dir), readFile(Store::keyPath(other)));
    auto s = openOk(dir, Store::Options{Store::Mode::ReadWrite, nullptr, KdfLimits::minimum()});
    BOOST_TEST(!s->encrypted());
    BOOST_TEST(names(s->state()) == kThreeNames);
}

BOOST_AUTO_TEST_CASE(a_new_passphrase_rewraps_the_key_only) {
    const std::string dir = freshDir("crypto-newpass") + "/store";
    const Secret fresh("second winter passphrase");
    fill(*openOk(dir, encrypted()));
    const std::string journal = readFile(Store::journalPath(dir));
    {
        auto s = openOk(dir, encrypted());
        BOOST_TEST(!s->changePassphrase(fresh, KdfLimits::minimum()).has_value());
    }
    BOOST_TEST(readFile(Store::journalPath(dir)) == journal);
    auto old = Store::open(disk(), dir, reg(), encrypted());
    BOOST_REQUIRE(!old.ok());
    BOOST_TEST((old.errors().front().reason == Str::StoreWrongPassphrase));
    BOOST_TEST(names(openOk(dir, encrypted(fresh))->state()) == kThreeNames);
}

BOOST_AUTO_TEST_CASE(a_backup_of_an_encrypted_store_stays_sealed) {
    const std::string root = freshDir("crypto-backup");
    const std::string dir = root + "/store";
    fill(*openOk(dir, encrypted()));
    const auto backup = backupStore(disk(), dir);
    BOOST_REQUIRE(backup.ok());
    BOOST_TEST(getU32(backup.value(), 8) == 2U); // the sealed backup format
    // A wrong passphrase: refused, nothing written.
    const Secret wrong("not it");
    auto refused = restoreStore(disk(), backup.value(), root + "/wrong", reg(), &wrong);
    BOOST_REQUIRE(!refused.ok());
    BOOST_TEST((refused.errors().front().reason == Str::StoreWrongPassphrase));
    BOOST_TEST(!std::filesystem::exists(root + "/wrong/journal.nxj"));
    // Without a passphrase: written whole, not opened; it opens with its passphrase afterwards.
    auto locked = restoreStore(disk(), backup.value(), root + "/locked", reg());
    BOOST_REQUIRE(locked.ok());
    BOOST_TEST(locked.value().locked);
    BOOST_TEST(names(openOk(root + "/locked", encrypted())->state()) == kThreeNames);
    auto opened = restoreStore(disk(), backup.value(), root + "/opened", reg(), &pass());
    BOOST_REQUIRE(opened.ok());
    BOOST_TEST(opened.value().encrypted);
    BOOST_TEST(clearStrings(root, personalStrings(3)).empty());
}

BOOST_AUTO_TEST_CASE(a_damaged_key_file_is_not_a_wrong_passphrase) {
    const std::string dir = freshDir("crypto-keyfile") + "/store";
    (void)openOk(dir, encrypted());
    const std::string good = readFile(Store::keyPath(dir));
    BOOST_TEST(good.size() == 124U);
    std::string damaged = good;
    damaged[40] ^= 0x10; // inside the salt: the CRC-32 no longer fits
    writeFile(Store::keyPath(dir), damaged);
    auto r = Store::open(disk(), dir, reg(), encrypted());
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.errors().front().reason == Str::StoreKeyFileDamaged));
    // Limits beyond libsodium's "sensitive" level (4 passes, 1 GiB) are refused before Argon2id.
    std::string greedy = good;
    std::string mem;
    putU64(mem, std::uint64_t{1} << 40);
    greedy.replace(24, 8, mem);
    std::string crc;
    putU32(crc, crc32(std::string_view(greedy).substr(0, 120)));
    greedy.replace(120, 4, crc);
    writeFile(Store::keyPath(dir), greedy);
    r = Store::open(disk(), dir, reg(), encrypted());
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.errors().front().reason == Str::StoreKeyLimits));
    std::filesystem::remove(Store::keyPath(dir));
    r = Store::open(disk(), dir, reg(), encrypted());
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.errors().front().reason == Str::StoreKeyMissing));
}

BOOST_AUTO_TEST_CASE(default_argon2id_limits_and_their_time) {
    const KdfLimits limits = KdfLimits::interactive();
    BOOST_TEST(limits.ops == 2U);                       // libsodium's interactive level
    BOOST_TEST(limits.mem == 64U * 1024U * 1024U);      // 64 MiB
    const std::string dir = freshDir("crypto-default") + "/store";
    const auto start = std::chrono::steady_clock::now();
    (void)openOk(dir, Store::Options{Store::Mode::ReadWrite, &pass(), limits});
    const auto created = std::chrono::steady_clock::now();
    auto s = openOk(dir, Store::Options{Store::Mode::ReadWrite, &pass(), limits});
    const auto opened = std::chrono::steady_clock::now();
    BOOST_TEST(KeyFileCodec::limits(readFile(Store::keyPath(dir)))->mem == limits.mem);
    using Ms = std::chrono::duration<double, std::milli>;
    std::cout << "store_crypto: Argon2id (2 passes, 64 MiB): creating " << Ms(created - start).count()
              << " ms, opening " << Ms(opened - created).count() << " ms" << std::endl;
}

BOOST_AUTO_TEST_SUITE_END()
