// Fault injection in the store. Every file operation of a commit, a group commit, a snapshot
// write, the creation of a store and an opening that cuts a torn tail is made to fail, one at a
// time (and a failed write followed by a failed rollback), in each way FaultyFileSystem knows:
// an I/O error, a short write, a full disk, and a crash followed by a power cut that keeps none,
// half or all of the unsynced bytes. Each time the store must
// - report the failure with the file and the reason (never acknowledge what is not durable);
// - keep in memory exactly the acknowledged transactions, and keep working once the disk does
//   (or refuse further writes clearly when it could not take a failed write back);
// - reopen with a healthy file system to the acknowledged transactions, plus at most the ones
//   in flight, each whole or not at all, with a journal and snapshot that verify.
// The memory disk models power cuts; the same points also run on the real disk (a crash there
// is a process crash: the kernel keeps what was written). The suite prints how many fault
// points it tried. The memory-disk points run again on an encrypted store (sealed records and
// snapshot, key file written at creation; Argon2id at its minimum limits to keep them quick).
#include <iostream>
#include <map>

#include <boost/test/unit_test.hpp>

#include "core/store/crypto.h"
#include "core/store/store.h"

#include "faulty_file_system.h"
#include "memory_file_system.h"
#include "sample_commands.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

using Keep = MemoryFileSystem::Keep;

constexpr std::size_t kHistory = 6;   // transactions acknowledged before the operation
constexpr std::size_t kSnapshotAt = 4; // the snapshot on disk covers the first ones
constexpr std::size_t kGroup = 3;      // transactions of the group commit

enum class Action { Commit, Group, Snapshot, OpenTorn, Create };
const char* actionName(Action a) {
    static constexpr const char* kNames[] = {"commit", "group commit", "snapshot write",
                                             "opening with a torn tail", "creation"};
    return kNames[static_cast<int>(a)];
}

const DivisionRegistry& reg() {
    return DivisionRegistry::builtIn();
}

/// Set while the points run on an encrypted store.
const Secret* g_passphrase = nullptr;

Store::Options options() {
    return {Store::Mode::ReadWrite, g_passphrase, KdfLimits::minimum()};
}

const std::vector<Submission>& campaign() {
    static const std::vector<Submission> c = sampleCampaign();
    return c;
}

std::string fingerprint(const State& s) {
    return encodeSnapshot(s.data(), 0);
}

/// The state after the first k transactions of the campaign (the model), k = 0..size.
const std::vector<std::string>& model() {
    static const std::vector<std::string> states = [] {
        MemoryFileSystem fs;
        auto store = Store::open(fs, "model", reg());
        std::vector<std::string> out{fingerprint(store.value()->state())};
        for (const Submission& s : campaign()) {
            const auto r = store.value()->submit(s);
            if (!r.ok()) throw std::runtime_error(r.errors().front().describe(Lang::En));
            out.push_back(fingerprint(store.value()->state()));
        }
        return out;
    }();
    return states;
}

/// A memory disk (power cuts modelled) or a folder on the real one.
struct Disk {
    std::unique_ptr<MemoryFileSystem> memory;
    PosixFileSystem posix;
    std::string dir;
    FileSystem& base() { return memory ? static_cast<FileSystem&>(*memory) : posix; }
};

std::unique_ptr<Disk> makeDisk(bool real) {
    auto d = std::make_unique<Disk>();
    if (real) {
        d->dir = freshDir("faults") + "/store";
    } else {
        d->memory = std::make_unique<MemoryFileSystem>();
        d->dir = "store";
    }
    return d;
}

std::unique_ptr<Store> open(FileSystem& fs, const std::string& dir) {
    auto s = Store::open(fs, dir, reg(), options());
    BOOST_REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.errors().front().describe(Lang::En)));
    return std::move(s.value());
}

std::vector<Submission> slice(std::size_t from, std::size_t count) {
    return {campaign().begin() + static_cast<std::ptrdiff_t>(from),
            campaign().begin() + static_cast<std::ptrdiff_t>(from + count)};
}

/// The history every point starts from: a snapshot after kSnapshotAt, journal up to kHistory.
void writeHistory(Disk& d) {
    auto s = open(d.base(), d.dir);
    for (std::size_t i = 0; i < kHistory; ++i) {
        BOOST_REQUIRE(s->submit(campaign()[i]).ok());
        if (i + 1 == kSnapshotAt) BOOST_REQUIRE(s->writeSnapshot(nullptr));
    }
}

/// Half of the record of the next transaction, as a crash in the middle of its write leaves it.
std::string tornRecord() {
    const Submission& s = campaign()[kHistory];
    const std::string record = encodeRecord(Transaction{kHistory + 1, s.who, s.when, s.commands});
    return record.substr(0, record.size() / 2);
}

struct Tally {
    std::map<std::string, std::uint64_t> points; ///< per action
    std::uint64_t retried = 0;      ///< commit refused, rolled back, then went in once retried
    std::uint64_t lostInFlight = 0; ///< crash or failed rollback: the transactions absent after
    std::uint64_t keptInFlight = 0; ///< crash or failed rollback: some whole after reopening
    std::uint64_t acknowledged = 0; ///< commit acknowledged although a fault happened
};

/// A failure of the operation under test must name the file and say why.
void checkError(const FieldError& e, Action action) {
    const std::string text = e.describe(Lang::En);
    BOOST_TEST_INFO(actionName(action) << ": " << text);
    BOOST_TEST((e.reason == Str::SerialFileWrite || e.reason == Str::SerialFileOpen));
    BOOST_TEST(text.find("store/") != std::string::npos); // the file (or the folder)
    BOOST_TEST(text.find("(injected)") != std::string::npos);
}

/// Reopens healthily and checks the state is the model after `acked` plus at most `inFlight`
/// more (only when the outcome was unknown to the caller); returns the transactions found.
std::size_t reopenAndCheck(Disk& d, std::size_t acked, std::size_t inFlight, bool expectClean) {
    auto s = open(d.base(), d.dir);
    // Without a crash or a failed rollback nothing damaged may be left behind.
    if (expectClean) BOOST_TEST(!s->report().tailCut());
    const std::string found = fingerprint(s->state());
    std::size_t k = acked;
    while (k < acked + inFlight && model()[k] != found) ++k;
    BOOST_TEST((model()[k] == found), "reopened state is not the model after " << acked
                                                                               << " transactions");
    const CheckReport check = verifyStore(d.base(), d.dir, g_passphrase);
    BOOST_TEST(Store::isEncrypted(d.base(), d.dir) == (g_passphrase != nullptr));
    BOOST_TEST(check.journalOk);
    BOOST_TEST((!check.snapshotPresent || (!check.snapshotProblem && check.snapshotMatches)));
    // Still writable: the next transaction of the campaign goes in.
    if (k < campaign().size()) BOOST_TEST(s->submit(campaign()[k]).ok());
    return k;
}

/// One fault point; false when a planned fault never happened (the operation has fewer points).
bool runPoint(Action action, const std::vector<Fault>& faults, bool real, Keep keep, Tally& tally) {
    auto disk = makeDisk(real);
    Disk& d = *disk;
    std::string torn;
    std::uint64_t tornAt = 0;
    if (action != Action::Create) writeHistory(d);
    if (action == Action::OpenTorn) {
        torn = tornRecord();
        auto f = d.base().openAppend(Store::journalPath(d.dir));
        tornAt = f->size();
        BOOST_REQUIRE(f->append(torn) && f->sync());
    }
    FaultyFileSystem faulty(d.base());
    std::size_t acked = action == Action::Create ? 0 : kHistory;
    std::size_t inFlight = 0;
    bool broken = false;

    if (action == Action::Commit || action == Action::Group) {
        const std::size_t count = action == Action::Group ? kGroup : 1;
        auto store = open(faulty, d.dir);
        faulty.arm(faults);
        const auto results = store->submitGroup(slice(acked, count));
        if (!faulty.allFired()) return false;
        const bool ok = results.front().ok();
        for (const auto& r : results) BOOST_TEST(r.ok() == ok); // one record write: all or none
        if (ok) {
            acked += count;
            ++tally.acknowledged;
        } else {
            checkError(results.front().errors().front(), action);
            inFlight = count;
        }
        if (!faulty.crashed()) {
            BOOST_TEST((fingerprint(store->state()) == model()[acked]), "rollback incomplete");
            if (faulty.full()) { // still full: refused again, cleanly
                BOOST_TEST(!store->submitGroup(slice(acked, count)).front().ok());
                BOOST_TEST((fingerprint(store->state()) == model()[acked]));
            }
            faulty.disarm();
            faulty.freeSpace();
            if (!ok) {
                const auto retry = store->submitGroup(slice(acked, count));
                broken = !retry.front().ok();
                if (broken) {
                    // It could not take the failed write back: it refuses, and says so.
                    BOOST_TEST((retry.front().errors().front().reason == Str::StoreReadOnly));
                } else {
                    acked += count;
                    inFlight = 0;
                    ++tally.retried;
                }
            }
            BOOST_TEST((fingerprint(store->state()) == model()[acked]));
        }
    } else if (action == Action::Snapshot) {
        auto store = open(faulty, d.dir);
        faulty.arm(faults);
        std::string error;
        const bool ok = store->writeSnapshot(&error);
        if (!faulty.allFired()) return false;
        if (!ok) {
            BOOST_TEST_INFO("snapshot: " << error);
            BOOST_TEST(error.find("snapshot.nxs") != std::string::npos);
            BOOST_TEST(error.find("(injected)") != std::string::npos);
        }
        BOOST_TEST((fingerprint(store->state()) == model()[acked]));
        if (!faulty.crashed()) {
            faulty.disarm();
            faulty.freeSpace();
            BOOST_TEST(store->writeSnapshot(nullptr)); // a temporary file left over is no obstacle
        }
    } else {
        faulty.arm(faults);
        auto opened = Store::open(faulty, d.dir, reg(), options());
        if (!faulty.allFired()) return false;
        if (opened.ok()) {
            const OpenReport& r = opened.value()->report();
            BOOST_TEST(fingerprint(opened.value()->state()) == model()[acked]);
            if (action == Action::OpenTorn) {
                BOOST_TEST(r.tailCut());
                BOOST_TEST(r.cutOffset == tornAt);
                BOOST_TEST(r.droppedBytes == torn.size());
                // Cut only once the bytes are kept beside the journal: nothing lost silently.
                BOOST_TEST(!r.droppedCopy.empty());
            }
        } else {
            checkError(opened.errors().front(), action);
        }
    }
    if (faulty.crashed() && d.memory) d.memory->powerCut(keep);
    const std::size_t found = reopenAndCheck(
        d, acked, inFlight, !faulty.crashed() && !broken && action != Action::OpenTorn);
    if (found > acked) {
        ++tally.keptInFlight;
    } else if (inFlight > 0) {
        ++tally.lostInFlight;
    }
    if (action == Action::OpenTorn) {
        // Whichever opening cut the tail kept the cut bytes in journal.dropped-<offset>.
        const auto copy = d.base().read(d.dir + "/journal.dropped-" + std::to_string(tornAt), 0,
                                        ~std::uint64_t{0});
        // An encrypted store keeps it sealed as a whole.
        BOOST_TEST((copy && (g_passphrase ? isSealedFile(*copy) : *copy == torn)));
    }
    return true;
}

std::vector<FaultMode> modesFor(FaultOp op) {
    if (op == FaultOp::Append) {
        return {FaultMode::Error, FaultMode::Short, FaultMode::DiskFull, FaultMode::Crash};
    }
    if (op == FaultOp::AtomicWrite) return {FaultMode::Error, FaultMode::DiskFull, FaultMode::Crash};
    return {FaultMode::Error, FaultMode::Crash};
}

/// Every point of `action`: each kind of operation, each way to fail, each occurrence.
void everyPoint(Action action, bool real, Tally& tally) {
    for (int o = 0; o < static_cast<int>(FaultOp::Count_); ++o) {
        const auto op = static_cast<FaultOp>(o);
        for (FaultMode mode : modesFor(op)) {
            std::vector<Keep> keeps{Keep::All};
            if (mode == FaultMode::Crash && !real) keeps = {Keep::None, Keep::Half, Keep::All};
            for (Keep keep : keeps) {
                for (std::uint64_t n = 1;; ++n) {
                    BOOST_TEST_CONTEXT(actionName(action) << (real ? ", real disk" : ", memory")
                                                          << ": " << faultOpName(op) << " #" << n
                                                          << " " << faultModeName(mode)) {
                        if (!runPoint(action, {Fault{op, n, mode}}, real, keep, tally)) break;
                    }
                    ++tally.points[actionName(action)];
                }
            }
        }
    }
}

void print(const Tally& t, const char* what) {
    std::uint64_t total = 0;
    for (const auto& [name, n] : t.points) total += n;
    std::cout << "store_faults " << what << ": " << total << " fault points tried (";
    const char* sep = "";
    for (const auto& [name, n] : t.points) {
        std::cout << sep << name << " " << n;
        sep = ", ";
    }
    std::cout << "); commits refused, rolled back and accepted when retried: " << t.retried
              << "; after a crash or failed rollback, in-flight transactions absent: "
              << t.lostInFlight << ", present whole: " << t.keptInFlight
              << "; acknowledged despite the fault: " << t.acknowledged << std::endl;
}

} // namespace

BOOST_AUTO_TEST_SUITE(store_faults)

BOOST_AUTO_TEST_CASE(every_point_on_a_memory_disk_with_power_cuts) {
    Tally tally;
    for (Action a : {Action::Commit, Action::Group, Action::Snapshot, Action::OpenTorn,
                     Action::Create}) {
        everyPoint(a, false, tally);
    }
    print(tally, "memory disk");
    BOOST_TEST(tally.points["commit"] > 0U);
    BOOST_TEST(tally.points["opening with a torn tail"] > 0U);
}

BOOST_AUTO_TEST_CASE(every_point_on_a_memory_disk_encrypted) {
    const Secret passphrase("fault points");
    g_passphrase = &passphrase;
    Tally tally;
    for (Action a : {Action::Commit, Action::Group, Action::Snapshot, Action::OpenTorn,
                     Action::Create}) {
        everyPoint(a, false, tally);
    }
    g_passphrase = nullptr;
    print(tally, "memory disk, encrypted store");
    BOOST_TEST(tally.points["commit"] > 0U);
    BOOST_TEST(tally.points["creation"] > 0U);
}

BOOST_AUTO_TEST_CASE(every_point_on_the_real_disk) {
    Tally tally;
    for (Action a : {Action::Commit, Action::Group, Action::Snapshot, Action::OpenTorn}) {
        everyPoint(a, true, tally);
    }
    print(tally, "real disk");
    BOOST_TEST(tally.points["commit"] > 0U);
}

// A failed write whose rollback fails too: the store refuses further writes (it cannot know
// what the journal ends with), and reopening settles it: the transaction whole or absent.
BOOST_AUTO_TEST_CASE(failed_write_then_failed_rollback) {
    Tally tally;
    for (const Fault& first : {Fault{FaultOp::Append, 1, FaultMode::Error},
                               Fault{FaultOp::Append, 1, FaultMode::Short},
                               Fault{FaultOp::Sync, 1, FaultMode::Error}}) {
        for (const Fault& second : {Fault{FaultOp::Truncate, 1, FaultMode::Error},
                                    Fault{FaultOp::OpenAppend, 1, FaultMode::Error}}) {
            for (Action a : {Action::Commit, Action::Group}) {
                BOOST_TEST_CONTEXT(actionName(a) << ": " << faultOpName(first.op) << " "
                                                 << faultModeName(first.mode) << ", then "
                                                 << faultOpName(second.op)) {
                    BOOST_TEST(runPoint(a, {first, second}, false, Keep::All, tally));
                }
                ++tally.points[std::string(actionName(a)) + " with failed rollback"];
            }
        }
    }
    print(tally, "double faults");
}

BOOST_AUTO_TEST_SUITE_END()
