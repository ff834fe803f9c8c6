// verifyStore: the read-only full check behind `nuanxin check`.
#include "core/store/store.h"

namespace nuanxin {

CheckReport verifyStore(const FileSystem& fs, const std::string& dir) {
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
    State state;
    r.scan = scanJournal(std::string_view(*bytes).substr(kJournalHeaderSize), kJournalHeaderSize, 1,
                         [&](Transaction&& t) { return replayTransaction(state, t); });
    r.records = r.scan.records;
    r.journalOk = r.scan.end == ScanEnd::Clean;

    const std::string snapshot = Store::snapshotPath(dir);
    if (fs.exists(snapshot)) {
        r.snapshotPresent = true;
        const auto snap = fs.read(snapshot, 0, ~std::uint64_t{0});
        auto decoded =
            snap ? decodeSnapshot(*snap)
                 : Result<Snapshot>(FieldError{snapshot, "", Str::SerialFileOpen, fs.lastError()});
        if (!decoded.ok()) {
            r.snapshotProblem = decoded.errors().front();
        } else {
            r.snapshotSequence = decoded.value().data.sequence;
            // Replay the journal up to the snapshot's offset and compare the encoded states:
            // equal bytes mean equal states, whatever the types hold.
            State upTo;
            const auto offset = decoded.value().journalOffset;
            if (offset >= kJournalHeaderSize && offset <= bytes->size()) {
                const auto length = static_cast<std::size_t>(offset - kJournalHeaderSize);
                (void)scanJournal(std::string_view(*bytes).substr(kJournalHeaderSize, length),
                                  kJournalHeaderSize, 1,
                                  [&](Transaction&& t) { return replayTransaction(upTo, t); });
                r.snapshotMatches = encodeSnapshot(upTo.data(), offset) == *snap;
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
