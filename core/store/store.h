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
#include "core/store/crypto.h"
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
    bool encrypted = false;  ///< the store's files are sealed (core/store/crypto.h)
    bool locked = false;     ///< encrypted and not opened: no passphrase was given (a restore)

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

    /// @brief How to open: an encrypted store needs its passphrase; a store created (ReadWrite,
    /// folder without a journal) while a passphrase is given is created encrypted, with
    /// `limits` for Argon2id. A plain store opens as it is, passphrase or not.
    struct Options {
        Mode mode;
        const Secret* passphrase;
        KdfLimits limits;
    };

    /// @brief Opens (ReadWrite: creates when missing) the store in folder `dir`. A torn or
    /// damaged journal tail is cut off (ReadWrite) and reported in report().
    [[nodiscard]] static Result<std::unique_ptr<Store>> open(FileSystem& fs, const std::string& dir,
                                                             const DivisionRegistry& divisions,
                                                             Mode mode = Mode::ReadWrite);
    /// @brief The same with a passphrase. An encrypted store opened without one is refused with
    /// Str::StoreEncrypted, with a wrong one with Str::StoreWrongPassphrase (naming the store),
    /// before anything is read or changed.
    [[nodiscard]] static Result<std::unique_ptr<Store>> open(FileSystem& fs, const std::string& dir,
                                                             const DivisionRegistry& divisions,
                                                             const Options& options);
    /// @brief True when `dir` holds an encrypted store (its journal says so).
    [[nodiscard]] static bool isEncrypted(const FileSystem& fs, const std::string& dir);

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
    [[nodiscard]] static std::string keyPath(const std::string& dir);

    [[nodiscard]] bool encrypted() const { return m_key != nullptr; }
    /// @brief Seals this plain store in place under `passphrase`: key file first, then the
    /// journal rewritten with sealed records (atomically replaced: the commit point), a sealed
    /// snapshot, and the kept journal tails sealed. A crash before the journal's replacement
    /// leaves the plain store as it was; after it, the encrypted one. Empty on success.
    [[nodiscard]] std::optional<FieldError> encrypt(const Secret& passphrase, KdfLimits limits);
    /// @brief Wraps the data key under a new passphrase (the key file is replaced atomically;
    /// the data stays as it is, sealed with the same data key).
    [[nodiscard]] std::optional<FieldError> changePassphrase(const Secret& passphrase,
                                                             KdfLimits limits);

private:
    Store(FileSystem& fs, std::string dir, const DivisionRegistry& divisions);
    /// Unlocks an existing encrypted store (its key file) or creates the key of a new one.
    [[nodiscard]] std::optional<FieldError> unlock(const Options& options, bool creating);
    /// In an encrypted store: seals kept journal tails still in clear, removes temporary files
    /// and a snapshot in clear (what an interrupted encryption or write may leave behind).
    void sealLeftovers();
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
    std::unique_ptr<SealKey> m_key; ///< the data key of an encrypted store
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
/// checksum and decoding, and whether the snapshot equals the replayed state. An encrypted
/// store needs its passphrase (else headerProblem says so).
[[nodiscard]] CheckReport verifyStore(const FileSystem& fs, const std::string& dir,
                                      const Secret* passphrase = nullptr);

/// @brief Applies a journal record without checks (replay: the checks ran when it was written,
/// and rules may have tightened since). False, with the state unchanged, when it cannot apply.
bool replayTransaction(State& state, const Transaction& t);

} // namespace nuanxin
