#pragma once
// A store: a folder with the journal (the audit trail and the source of truth) and a snapshot
// (so that opening does not replay everything). All changes go through submit().
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/divisions.h"
#include "core/store/command.h"
#include "core/store/file_system.h"
#include "core/store/journal.h"
#include "core/store/state.h"
#include "core/util/error.h"

namespace nuanxin {

/// @brief What opening found; damage is always reported here, never repaired silently.
struct OpenReport {
    bool created = false;
    bool snapshotUsed = false;
    std::uint64_t snapshotSequence = 0;
    std::optional<FieldError> snapshotProblem; ///< snapshot refused: state rebuilt from the journal
    std::uint64_t replayed = 0;                ///< journal records applied after the snapshot
    ScanEnd journalEnd = ScanEnd::Clean;
    std::uint64_t cutOffset = 0; ///< where a damaged tail was cut off
    std::uint64_t droppedBytes = 0;
    std::uint64_t droppedRecords = 0;
    std::string detail;      ///< why the tail was refused
    std::string droppedCopy; ///< file keeping the dropped bytes (nothing lost)

    [[nodiscard]] bool tailCut() const { return journalEnd != ScanEnd::Clean; }
    /// @brief One line per finding, in the user's language (no personal data in it).
    [[nodiscard]] std::vector<std::string> describe(Lang lang) const;
};

/// @brief A transaction not yet numbered: who, when and its commands.
struct Submission {
    std::string who;
    Timestamp when = 0;
    std::vector<Command> commands;
};

class Store {
public:
    enum class Mode : std::uint8_t { ReadWrite, ReadOnly };

    /// @brief Opens (ReadWrite: creates when missing) the store in folder `dir`. A torn or
    /// damaged journal tail is cut off (ReadWrite) and reported in report().
    [[nodiscard]] static Result<std::unique_ptr<Store>> open(FileSystem& fs, const std::string& dir,
                                                             const DivisionRegistry& divisions,
                                                             Mode mode = Mode::ReadWrite);

    /// @brief Checks the commands in order against the state (each sees the ones before it),
    /// then appends them as one record and makes it durable, then keeps them applied. Returns
    /// the transaction's sequence number, or every reason it was refused (state unchanged).
    Result<std::uint64_t> submit(Submission s);
    /// @brief Group commit: each submission is checked and refused on its own, the accepted ones
    /// are written together and made durable with one sync.
    std::vector<Result<std::uint64_t>> submitGroup(std::vector<Submission> group);
    /// @brief Writes a snapshot of the current state (atomically replacing the previous one).
    bool writeSnapshot(std::string* error);

    [[nodiscard]] const State& state() const { return m_state; }
    [[nodiscard]] const OpenReport& report() const { return m_report; }
    [[nodiscard]] const std::string& dir() const { return m_dir; }
    [[nodiscard]] const DivisionRegistry& divisions() const { return m_divisions; }
    [[nodiscard]] std::uint64_t journalSize() const;
    /// @brief Journal bytes written since the last snapshot (for a caller's snapshot policy).
    [[nodiscard]] std::uint64_t bytesSinceSnapshot() const;
    /// @brief Reads the journal as it is now (the audit trail), without changing anything: the
    /// records from byte `offset` on, whose first sequence is `firstSequence`, each handed to
    /// `onRecord` in order (returning false stops there). Returns the offset after the last
    /// record onRecord accepted, so that a later call can go on from there; a damaged record is
    /// an error (opening the store would have cut it off).
    [[nodiscard]] Result<std::uint64_t>
    readJournal(const std::function<bool(Transaction&&)>& onRecord,
                std::uint64_t offset = kJournalHeaderSize, std::uint64_t firstSequence = 1) const;

    [[nodiscard]] static std::string journalPath(const std::string& dir);
    [[nodiscard]] static std::string snapshotPath(const std::string& dir);

private:
    Store(FileSystem& fs, std::string dir, const DivisionRegistry& divisions);
    /// Applies one submission with its checks; on refusal the state is as before.
    Result<std::vector<std::function<void(State&)>>> stage(const Submission& s);
    void unstage(std::vector<std::function<void(State&)>>& undo, const StoreData& countersBefore);
    bool appendDurably(const std::string& bytes, FieldError& error);

    FileSystem& m_fs;
    std::string m_dir;
    const DivisionRegistry& m_divisions;
    State m_state;
    OpenReport m_report;
    std::unique_ptr<AppendFile> m_journal;
    std::uint64_t m_snapshotOffset = 0;
    bool m_broken = false; ///< a failed write could not be rolled back: refuse further writes
};

/// @brief What a full verification of a store found (`nuanxin check`).
struct CheckReport {
    bool journalOk = false;
    std::optional<FieldError> headerProblem;
    std::uint64_t records = 0;
    std::uint64_t journalBytes = 0;
    ScanResult scan;
    bool snapshotPresent = false;
    std::optional<FieldError> snapshotProblem;
    std::uint64_t snapshotSequence = 0;
    bool snapshotMatches = false; ///< replaying the journal gives exactly the snapshot's state
    std::uint64_t households = 0, needs = 0, offers = 0, donors = 0, allocations = 0;
    [[nodiscard]] bool ok() const {
        return journalOk && (!snapshotPresent || (!snapshotProblem && snapshotMatches));
    }
};

/// @brief Reads everything from the start without changing any file: header, every record's
/// checksum and decoding, and whether the snapshot equals the replayed state.
[[nodiscard]] CheckReport verifyStore(const FileSystem& fs, const std::string& dir);

/// @brief Applies a journal record without checks (replay: the checks ran when it was written,
/// and rules may have tightened since). False, with the state unchanged, when it cannot apply.
bool replayTransaction(State& state, const Transaction& t);

} // namespace nuanxin
