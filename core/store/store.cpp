#include "core/store/store.h"

#include <utility>

#include "core/store/state_editor.h"

namespace nuanxin {
namespace {

using UndoList = std::vector<std::function<void(State&)>>;

/// The highest ids used so far (a transaction refused half-way must not leave them raised).
void copyCounters(const StoreData& from, StoreData& to) {
    to.lastHousehold = from.lastHousehold;
    to.lastNeed = from.lastNeed;
    to.lastDonor = from.lastDonor;
    to.lastOffer = from.lastOffer;
    to.lastAllocation = from.lastAllocation;
    to.lastPending = from.lastPending;
    to.lastMerge = from.lastMerge;
}

void restoreCounters(State& s, const StoreData& before) {
    copyCounters(before, StateEditor::data(s));
}

StoreData countersOf(const State& s) {
    StoreData c;
    copyCounters(s.data(), c);
    return c;
}

} // namespace

bool replayTransaction(State& state, const Transaction& t) {
    const StoreData before = countersOf(state);
    UndoList undo;
    try {
        for (const Command& c : t.commands) undo.push_back(state.apply(c));
    } catch (const std::exception&) {
        // A record that does not fit the state (damage that passed the checksum, or a bug):
        // take back its first commands so that nothing of it stays half-applied.
        for (auto it = undo.rbegin(); it != undo.rend(); ++it) (*it)(state);
        restoreCounters(state, before);
        return false;
    }
    state.setSequence(t.sequence);
    return true;
}

std::vector<std::string> OpenReport::describe(Lang lang) const {
    std::vector<std::string> lines;
    if (created) lines.emplace_back(tr(Str::StoreCreated, lang));
    if (encrypted) lines.emplace_back(tr(Str::StoreIsEncrypted, lang));
    if (locked) {
        lines.emplace_back(tr(Str::StoreLocked, lang));
        return lines;
    }
    if (snapshotUsed) {
        lines.push_back(std::string(tr(Str::StoreSnapshotUsed, lang)) + ": " +
                        std::to_string(snapshotSequence));
    }
    if (snapshotProblem) {
        lines.push_back(std::string(tr(Str::StoreSnapshotRefused, lang)) + ": " +
                        snapshotProblem->describe(lang));
    }
    lines.push_back(std::string(tr(Str::StoreReplayed, lang)) + ": " + std::to_string(replayed));
    if (tailCut()) {
        std::string line = std::string(tr(Str::StoreTailCut, lang)) + ": offset " +
                           std::to_string(cutOffset) + ", " + std::to_string(droppedBytes) +
                           " bytes, " + std::to_string(droppedRecords) + " " +
                           tr(Str::StoreRecords, lang) + " (" + endName(journalEnd) +
                           (detail.empty() ? "" : ": " + detail) + ")";
        if (!droppedCopy.empty())
            line += "; " + std::string(tr(Str::StoreDroppedKept, lang)) + " " + droppedCopy;
        lines.push_back(line);
    }
    return lines;
}

std::string Store::journalPath(const std::string& dir) {
    return dir + "/journal.nxj";
}
std::string Store::snapshotPath(const std::string& dir) {
    return dir + "/snapshot.nxs";
}
std::string Store::keyPath(const std::string& dir) {
    return dir + "/" + kKeyFileName;
}

bool Store::isEncrypted(const FileSystem& fs, const std::string& dir) {
    const auto header = fs.read(journalPath(dir), 0, kJournalHeaderSize);
    return header && journalSealed(*header);
}

Store::Store(FileSystem& fs, std::string dir, const DivisionRegistry& divisions)
    : m_fs(fs), m_dir(std::move(dir)), m_divisions(divisions) {}

std::uint64_t Store::journalSize() const {
    return m_journal ? m_journal->size() : 0;
}

std::uint64_t Store::bytesSinceSnapshot() const {
    const std::uint64_t size = journalSize();
    return size > m_snapshotOffset ? size - m_snapshotOffset : 0;
}

Result<std::uint64_t> Store::readJournal(const std::function<bool(Transaction&&)>& onRecord,
                                         std::uint64_t offset, std::uint64_t firstSequence) const {
    const std::string journal = journalPath(m_dir);
    // Up to what this store wrote (a read-only store: the whole file).
    const auto size = m_journal ? std::optional<std::uint64_t>(m_journal->size())
                                : m_fs.fileSize(journal);
    if (!size) return FieldError{journal, "", Str::SerialFileOpen, m_fs.lastError()};
    if (offset < kJournalHeaderSize || offset >= *size) return offset;
    const auto bytes = m_fs.read(journal, offset, *size - offset);
    if (!bytes) return FieldError{journal, "", Str::SerialFileOpen, m_fs.lastError()};
    bool stopped = false;
    const ScanResult scan = scanJournal(
        *bytes, offset, firstSequence,
        [&](Transaction&& t) {
            stopped = !onRecord(std::move(t));
            return !stopped;
        },
        m_key.get());
    if (scan.end != ScanEnd::Clean && !stopped) {
        return FieldError{journal, std::to_string(scan.goodEnd), Str::StoreBadChecksum,
                          endName(scan.end)};
    }
    return scan.goodEnd;
}

Result<std::unique_ptr<Store>> Store::open(FileSystem& fs, const std::string& dir,
                                           const DivisionRegistry& divisions, Mode mode) {
    return open(fs, dir, divisions, Options{mode, nullptr, KdfLimits::interactive()});
}

std::optional<FieldError> Store::unlock(const Options& options, bool creating) {
    const std::string keyFile = keyPath(m_dir);
    const Secret none;
    const Secret& passphrase = options.passphrase ? *options.passphrase : none;
    if (creating) {
        // The key file goes first: a journal header saying "sealed" never exists without it.
        auto key = SealKey::generate();
        if (!key) return FieldError{m_dir, "", Str::StoreKdfFailed, ""};
        auto file = KeyFileCodec::wrap(*key, passphrase, options.limits);
        if (!file.ok()) return file.errors().front();
        if (!m_fs.writeAtomic(keyFile, file.value())) {
            return FieldError{keyFile, "", Str::SerialFileWrite, m_fs.lastError()};
        }
        m_key = std::move(key);
        return std::nullopt;
    }
    if (!m_fs.exists(keyFile)) return FieldError{m_dir, "", Str::StoreKeyMissing, kKeyFileName};
    const auto bytes = m_fs.read(keyFile, 0, ~std::uint64_t{0});
    if (!bytes) return FieldError{keyFile, "", Str::SerialFileOpen, m_fs.lastError()};
    auto key = KeyFileCodec::unwrap(*bytes, passphrase, m_dir);
    if (!key.ok()) return key.errors().front();
    m_key = std::move(key.value());
    return std::nullopt;
}

Result<std::unique_ptr<Store>> Store::open(FileSystem& fs, const std::string& dir,
                                           const DivisionRegistry& divisions,
                                           const Options& options) {
    const Mode mode = options.mode;
    std::unique_ptr<Store> store(new Store(fs, dir, divisions));
    OpenReport& report = store->m_report;
    const std::string journal = journalPath(dir);
    if (!fs.exists(journal)) {
        if (mode == Mode::ReadOnly) return FieldError{dir, "", Str::StoreMissing, ""};
        if (!fs.makeDirs(dir)) return FieldError{dir, "", Str::SerialFileWrite, fs.lastError()};
        const bool sealed = options.passphrase != nullptr;
        if (sealed) {
            if (auto problem = store->unlock(options, true)) return *problem;
        }
        if (!fs.writeAtomic(journal, encodeJournalHeader(sealed))) {
            return FieldError{dir, "", Str::SerialFileWrite, fs.lastError()};
        }
        report.created = true;
    }
    const auto header = fs.read(journal, 0, kJournalHeaderSize);
    if (!header) return FieldError{journal, "", Str::SerialFileOpen, fs.lastError()};
    if (auto problem = checkJournalHeader(*header)) {
        problem->field = journal;
        return *problem;
    }
    // An encrypted store is unlocked before anything else is read: a wrong or missing
    // passphrase is refused as such, and nothing on disk changes.
    if (journalSealed(*header) && !store->m_key) {
        if (auto problem = store->unlock(options, false)) return *problem;
    }
    report.encrypted = store->m_key != nullptr;
    const SealKey* key = store->m_key.get();
    const auto journalBytes = fs.fileSize(journal);
    if (!journalBytes) return FieldError{journal, "", Str::SerialFileOpen, fs.lastError()};

    // The snapshot, when good and consistent with the journal; otherwise replay from the start.
    std::uint64_t start = kJournalHeaderSize;
    const std::string snapshot = snapshotPath(dir);
    if (fs.exists(snapshot)) {
        const auto bytes = fs.read(snapshot, 0, ~std::uint64_t{0});
        auto decoded =
            bytes
                ? decodeSnapshot(*bytes, key)
                : Result<Snapshot>(FieldError{"snapshot", "", Str::SerialFileOpen, fs.lastError()});
        if (!decoded.ok()) {
            report.snapshotProblem = decoded.errors().front();
        } else if (decoded.value().journalOffset < kJournalHeaderSize ||
                   decoded.value().journalOffset > *journalBytes) {
            report.snapshotProblem = FieldError{"snapshot", "", Str::StoreSnapshotAhead,
                                                std::to_string(decoded.value().journalOffset)};
        } else {
            start = decoded.value().journalOffset;
            report.snapshotUsed = true;
            report.snapshotSequence = decoded.value().data.sequence;
            store->m_state = State(std::move(decoded.value().data));
        }
    }
    store->m_snapshotOffset = start;

    const auto tail = fs.read(journal, start, ~std::uint64_t{0});
    if (!tail) return FieldError{journal, "", Str::SerialFileOpen, fs.lastError()};
    State& state = store->m_state;
    const ScanResult scan = scanJournal(
        *tail, start, state.sequence() + 1,
        [&](Transaction&& t) { return replayTransaction(state, t); }, key);
    report.replayed = scan.records;
    report.journalEnd = scan.end;
    report.detail = scan.detail;
    if (scan.end != ScanEnd::Clean) {
        report.cutOffset = scan.goodEnd;
        report.droppedBytes = scan.droppedBytes;
        report.droppedRecords = scan.droppedRecords;
        if (mode == Mode::ReadWrite) {
            // Keep the refused bytes beside the journal before cutting them off.
            const std::string copy = dir + "/journal.dropped-" + std::to_string(scan.goodEnd);
            const std::string_view dropped =
                std::string_view(*tail).substr(static_cast<std::size_t>(scan.goodEnd - start));
            // Cut only once the copy is written: a tail that cannot be kept (a full disk) stays
            // where it is and the store does not open for writing, instead of losing it.
            // An encrypted store's tail is ciphertext already; it is sealed once more as a whole
            // so that every kept tail of an encrypted store has one form (sealLeftovers).
            if (!fs.writeAtomic(copy, key ? sealFile(*key, dropped) : std::string(dropped))) {
                return FieldError{copy, "", Str::SerialFileWrite, fs.lastError()};
            }
            report.droppedCopy = copy;
            if (!fs.truncate(journal, scan.goodEnd)) {
                return FieldError{journal, "", Str::SerialFileWrite, fs.lastError()};
            }
        }
    }
    if (mode == Mode::ReadWrite) {
        store->m_journal = fs.openAppend(journal);
        if (!store->m_journal) return FieldError{journal, "", Str::SerialFileOpen, fs.lastError()};
        if (key) store->sealLeftovers();
    }
    return store;
}

Result<UndoList> Store::stage(const Submission& s) {
    const Date today = dateOf(s.when);
    UndoList undo;
    const StoreData before = countersOf(m_state);
    for (std::size_t i = 0; i < s.commands.size(); ++i) {
        FieldErrors errors = m_state.check(s.commands[i], m_divisions, today);
        if (!errors.empty()) {
            unstage(undo, before);
            prefixFields(errors, "commands[" + std::to_string(i) + "].");
            return errors;
        }
        undo.push_back(m_state.apply(s.commands[i]));
    }
    if (s.who.empty()) {
        unstage(undo, before);
        return FieldError{"who", "", Str::ErrRequired, ""};
    }
    return undo;
}

void Store::unstage(UndoList& undo, const StoreData& countersBefore) {
    for (auto it = undo.rbegin(); it != undo.rend(); ++it) (*it)(m_state);
    undo.clear();
    restoreCounters(m_state, countersBefore);
}

bool Store::appendDurably(const std::string& bytes, FieldError& error) {
    const std::uint64_t before = m_journal->size();
    if (m_journal->append(bytes) && m_journal->sync()) return true;
    error = FieldError{journalPath(m_dir), "", Str::SerialFileWrite, m_fs.lastError()};
    // Leave no partial record behind: the next append would follow garbage.
    m_journal.reset();
    if (!m_fs.truncate(journalPath(m_dir), before)) {
        m_broken = true;
        return false;
    }
    m_journal = m_fs.openAppend(journalPath(m_dir));
    if (!m_journal) m_broken = true;
    return false;
}

Result<std::uint64_t> Store::submit(Submission s) {
    std::vector<Submission> one;
    one.push_back(std::move(s));
    auto results = submitGroup(std::move(one));
    return std::move(results.front());
}

std::vector<Result<std::uint64_t>> Store::submitGroup(std::vector<Submission> group) {
    std::vector<Result<std::uint64_t>> results;
    results.reserve(group.size());
    if (m_broken || !m_journal) {
        for (std::size_t i = 0; i < group.size(); ++i) {
            results.emplace_back(FieldError{m_dir, "", Str::StoreReadOnly, ""});
        }
        return results;
    }
    const StoreData before = countersOf(m_state);
    std::vector<UndoList> staged;
    std::string bytes;
    std::uint64_t sequence = m_state.sequence();
    for (Submission& s : group) {
        auto undo = stage(s);
        if (!undo.ok()) {
            results.emplace_back(undo.errors());
            continue;
        }
        Transaction t{++sequence, std::move(s.who), s.when, std::move(s.commands)};
        bytes += encodeRecord(t, m_key.get());
        staged.push_back(std::move(undo.value()));
        results.emplace_back(t.sequence);
    }
    if (staged.empty()) return results;
    FieldError error;
    if (!appendDurably(bytes, error)) {
        // Nothing was acknowledged: take every staged transaction back, newest first.
        for (auto it = staged.rbegin(); it != staged.rend(); ++it) unstage(*it, before);
        restoreCounters(m_state, before);
        for (auto& r : results) {
            if (r.ok()) r = Result<std::uint64_t>(error);
        }
        return results;
    }
    m_state.setSequence(sequence);
    return results;
}

bool Store::writeSnapshot(std::string* error) {
    if (!m_journal) {
        if (error) *error = tr(Str::StoreReadOnly, Lang::En);
        return false;
    }
    const std::uint64_t offset = m_journal->size();
    if (!m_fs.writeAtomic(snapshotPath(m_dir), encodeSnapshot(m_state.data(), offset, m_key.get()))) {
        if (error) *error = m_fs.lastError();
        return false;
    }
    m_snapshotOffset = offset;
    return true;
}

} // namespace nuanxin
