// verifyStore: the read-only full check behind `nuanxin check`.
#include "core/store/store.h"

namespace nuanxin {

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
    State state;
    r.scan = scanJournal(
        std::string_view(*bytes).substr(kJournalHeaderSize), kJournalHeaderSize, 1,
        [&](Transaction&& t) { return replayTransaction(state, t); }, key.get());
    r.records = r.scan.records;
    r.journalOk = r.scan.end == ScanEnd::Clean;

    const std::string snapshot = Store::snapshotPath(dir);
    if (fs.exists(snapshot)) {
        r.snapshotPresent = true;
        const auto snap = fs.read(snapshot, 0, ~std::uint64_t{0});
        auto decoded =
            snap ? decodeSnapshot(*snap, key.get())
                 : Result<Snapshot>(FieldError{snapshot, "", Str::SerialFileOpen, fs.lastError()});
        if (!decoded.ok()) {
            r.snapshotProblem = decoded.errors().front();
        } else {
            r.snapshotSequence = decoded.value().data.sequence;
            // Replay the journal up to the snapshot's offset and compare the encoded states (in
            // clear: sealing draws a fresh nonce each time): equal bytes mean equal states.
            State upTo;
            const auto offset = decoded.value().journalOffset;
            if (offset >= kJournalHeaderSize && offset <= bytes->size()) {
                const auto length = static_cast<std::size_t>(offset - kJournalHeaderSize);
                (void)scanJournal(
                    std::string_view(*bytes).substr(kJournalHeaderSize, length), kJournalHeaderSize,
                    1, [&](Transaction&& t) { return replayTransaction(upTo, t); }, key.get());
                r.snapshotMatches = encodeSnapshot(upTo.data(), offset) ==
                                    encodeSnapshot(decoded.value().data, offset);
            }
        }
    }
    const Dataset& d = state.dataset();
    r.households = d.households.size();
    r.needs = d.needs.size();
    r.offers = d.offers.size();
    r.donors = d.donors.size();
    r.allocations = d.allocations.size();
    return r;
}

} // namespace nuanxin
