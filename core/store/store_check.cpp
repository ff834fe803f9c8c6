// verifyStore: the read-only full check behind `nuanxin check`.
//
// One replay of the journal serves both checks: it stops at the snapshot's offset to compare
// the state there with the snapshot, then goes on to the end. The snapshot is kept meanwhile
// only as its encoding (the decoded copy is dropped at once), so a store of a million
// households is checked with one state in memory rather than three.
#include "core/store/store.h"

namespace nuanxin {
namespace {

/// The snapshot's journal offset and its state's clear encoding, or why it could not be read.
struct SnapshotImage {
    std::optional<FieldError> problem;
    std::uint64_t sequence = 0;
    std::uint64_t offset = 0;
    std::string encoded; ///< encodeSnapshot in clear (sealing draws a fresh nonce each time)
};

SnapshotImage readSnapshot(const FileSystem& fs, const std::string& path, const SealKey* key) {
    SnapshotImage image;
    auto decoded = [&]() -> Result<Snapshot> {
        const auto bytes = fs.read(path, 0, ~std::uint64_t{0});
        if (!bytes) return FieldError{path, "", Str::SerialFileOpen, fs.lastError()};
        return decodeSnapshot(*bytes, key);
    }();
    if (!decoded.ok()) {
        image.problem = decoded.errors().front();
        return image;
    }
    image.sequence = decoded.value().data.sequence;
    image.offset = decoded.value().journalOffset;
    image.encoded = encodeSnapshot(decoded.value().data, image.offset);
    return image;
}

} // namespace

CheckReport verifyStore(const FileSystem& fs, const std::string& dir, const Secret* passphrase) {
    CheckReport r;
    const std::string journal = Store::journalPath(dir);
    const auto bytes = fs.read(journal, 0, ~std::uint64_t{0});
    if (!bytes) {
        r.headerProblem = FieldError{journal, "", Str::SerialFileOpen, fs.lastError()};
        return r;
    }
    r.journalBytes = bytes->size();
    if (auto problem = checkJournalHeader(*bytes)) {
        r.headerProblem = problem;
        return r;
    }
    std::unique_ptr<SealKey> key;
    if (journalSealed(*bytes)) {
        const std::string keyFile = Store::keyPath(dir);
        const auto file = fs.read(keyFile, 0, ~std::uint64_t{0});
        if (!file) {
            r.headerProblem = FieldError{dir, "", Str::StoreKeyMissing, kKeyFileName};
            return r;
        }
        const Secret none;
        auto unwrapped = KeyFileCodec::unwrap(*file, passphrase ? *passphrase : none, dir);
        if (!unwrapped.ok()) {
            r.headerProblem = unwrapped.errors().front();
            return r;
        }
        key = std::move(unwrapped.value());
    }

    SnapshotImage snap;
    const std::string snapshot = Store::snapshotPath(dir);
    if (fs.exists(snapshot)) {
        r.snapshotPresent = true;
        snap = readSnapshot(fs, snapshot, key.get());
        r.snapshotProblem = snap.problem;
        r.snapshotSequence = snap.sequence;
    }

    const std::string_view all(*bytes);
    State state;
    const auto replay = [&](Transaction&& t) { return replayTransaction(state, t); };
    // Up to the snapshot's offset first, when it is one inside the journal.
    std::uint64_t split = kJournalHeaderSize;
    if (r.snapshotPresent && !snap.problem && snap.offset >= kJournalHeaderSize &&
        snap.offset <= all.size()) {
        const ScanResult first = scanJournal(
            all.substr(kJournalHeaderSize, static_cast<std::size_t>(snap.offset - kJournalHeaderSize)),
            kJournalHeaderSize, 1, replay, key.get());
        if (first.end == ScanEnd::Clean) {
            r.snapshotMatches = encodeSnapshot(state.data(), snap.offset) == snap.encoded;
            split = snap.offset;
            r.scan.records = first.records;
        } else {
            state = State(); // a damaged record before the snapshot: scan it all again below
        }
    }
    snap.encoded = std::string();
    const std::uint64_t before = r.scan.records;
    r.scan = scanJournal(all.substr(static_cast<std::size_t>(split)), split, before + 1, replay, key.get());
    r.scan.records += before;
    r.records = r.scan.records;
    r.journalOk = r.scan.end == ScanEnd::Clean;

    const Dataset& d = state.dataset();
    r.households = d.households.size();
    r.needs = d.needs.size();
    r.offers = d.offers.size();
    r.donors = d.donors.size();
    r.allocations = d.allocations.size();
    return r;
}

} // namespace nuanxin
