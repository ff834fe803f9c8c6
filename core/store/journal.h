#pragma once
// The journal file and the snapshot file, as bytes: encoding, decoding and scanning. No file
// access here (core/store/store.cpp does that), so the codec is tested on strings alone.
//
// Journal: header (16 bytes) = magic "NXJRNL\r\n", format version (u32 LE), CRC-32 of the first
// 12 bytes (u32 LE); then records, each = payload length (u32 LE), CRC-32 of the payload
// (u32 LE), payload = cereal portable binary of one Transaction.
// Snapshot: magic "NXSNAP\r\n", version (u32), payload length (u64), journal offset (u64),
// CRC-32 of the payload (u32), CRC-32 of the first 32 header bytes (u32), reserved (u32);
// payload = StoreData in the compact form of core/store/snapshot_cereal.h (format 2). A snapshot
// of another format version is refused (the store then replays the journal).
// The "\r\n" in the magics catches files mangled by text-mode transfers.
//
// Encrypted stores (core/store/crypto.h) keep this framing and seal what is inside it, so that
// torn tails, checksums and cutting work the same on ciphertext: a journal of format version 2
// holds records whose payload is SealKey::seal(cereal bytes); the CRC-32 covers the sealed
// bytes (damage is found before any decryption), the Poly1305 tag then refuses anything changed
// on purpose. A snapshot whose flags word (the last header word, 0 before) has bit 0 set holds
// SealKey::seal(journal offset (u64) ‖ compact payload): the offset inside the seal ties the
// sealed state to the journal position its clear header names.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/store/command.h"
#include "core/store/state.h"
#include "core/util/error.h"

namespace nuanxin {

constexpr std::uint32_t kJournalVersion = 1;
/// The same framing with sealed payloads (an encrypted store); older readers refuse it as newer.
constexpr std::uint32_t kJournalSealedVersion = 2;
constexpr std::size_t kJournalHeaderSize = 16;
constexpr std::size_t kRecordHeaderSize = 8;
/// 2: compact payload (enum indexes, day numbers); 3: held duplicates keep their needs;
/// 4: allocations' lifecycle detail, tasks and user roles
constexpr std::uint32_t kSnapshotVersion = 4;
constexpr std::size_t kSnapshotHeaderSize = 40;

class SealKey;

/// @brief The header of a plain journal, or (sealed) of an encrypted store's journal.
[[nodiscard]] std::string encodeJournalHeader(bool sealed = false);
/// @brief Empty when the header is good, else the reason (bad magic, newer version, checksum).
[[nodiscard]] std::optional<FieldError> checkJournalHeader(std::string_view bytes);
/// @brief True for a good header of an encrypted store's journal (format version 2).
[[nodiscard]] bool journalSealed(std::string_view header);

/// @brief One framed record (length, checksum, payload), its payload sealed when `key` is given.
[[nodiscard]] std::string encodeRecord(const Transaction& t, const SealKey* key = nullptr);

/// @brief How a scan of journal records ended.
enum class ScanEnd : std::uint8_t {
    Clean,       ///< every byte belonged to a good record
    Torn,        ///< the last record is incomplete (a crash during its write)
    BadChecksum, ///< a record's bytes do not match its checksum (damage)
    BadPayload,  ///< checksum right but the payload does not decode (or out of sequence)
};

/// @brief Stable short name of a scan's end ("clean", "torn", "checksum", "payload") for
/// reports; language-neutral like a file format word.
[[nodiscard]] const char* endName(ScanEnd e);

/// @brief What scanJournal() found.
struct ScanResult {
    std::uint64_t records = 0; ///< good records handed to the callback
    std::uint64_t goodEnd = 0; ///< offset after the last good record (where to cut)
    ScanEnd end = ScanEnd::Clean;
    std::uint64_t droppedBytes = 0;   ///< bytes from goodEnd to the end
    std::uint64_t droppedRecords = 0; ///< records (as far as their lengths tell) in those bytes
    std::string detail;               ///< decode error, language-neutral
};

/// @brief Walks records in `bytes` (which start at file offset `base`), decoding each and
/// calling `onRecord` in order; stops at the first record that is torn, damaged or out of
/// sequence (its sequence must be the previous one + 1, starting at `firstSequence`).
/// The callback returns false to stop as BadPayload (e.g. a command the state refuses).
/// With `key`, payloads are sealed: one that fails authentication ends the scan as BadPayload.
[[nodiscard]] ScanResult scanJournal(std::string_view bytes, std::uint64_t base,
                                     std::uint64_t firstSequence,
                                     const std::function<bool(Transaction&&)>& onRecord,
                                     const SealKey* key = nullptr);

/// @brief A snapshot file; its payload sealed when `key` is given.
[[nodiscard]] std::string encodeSnapshot(const StoreData& data, std::uint64_t journalOffset,
                                         const SealKey* key = nullptr);
/// @brief A decoded snapshot: the state and the journal offset it covers.
struct Snapshot {
    StoreData data;
    std::uint64_t journalOffset = 0;
};
/// @brief With `key` only a sealed snapshot is accepted, without one only a plain one (each
/// refusal says which); the store then replays the journal.
[[nodiscard]] Result<Snapshot> decodeSnapshot(std::string_view bytes, const SealKey* key = nullptr);
/// @brief True when the snapshot file's flags say its payload is sealed.
[[nodiscard]] bool snapshotSealed(std::string_view bytes);

/// @brief Little-endian helpers (files are the same on every platform).
void putU32(std::string& out, std::uint32_t v);
void putU64(std::string& out, std::uint64_t v);
[[nodiscard]] std::uint32_t getU32(std::string_view in, std::size_t at);
[[nodiscard]] std::uint64_t getU64(std::string_view in, std::size_t at);

} // namespace nuanxin
