#include "core/store/journal.h"

#include <algorithm>
#include <cstring>
#include <sstream>

#include "core/store/crc32.h"
#include "core/store/crypto.h"
#include "core/store/snapshot_cereal.h"
#include "core/store/store_cereal.h"

namespace nuanxin {
namespace {

constexpr std::string_view kJournalMagic{"NXJRNL\r\n", 8};
constexpr std::string_view kSnapshotMagic{"NXSNAP\r\n", 8};
constexpr std::uint32_t kSnapshotSealedFlag = 1;
constexpr std::size_t kSnapshotFlagsAt = 36;
/// What scanJournal and decodeSnapshot say of a sealed piece whose tag does not verify.
constexpr const char* kNotAuthentic = "sealed payload fails authentication";

/// Reads bytes in place (no copy of a snapshot that may be hundreds of megabytes).
class MemoryBuffer : public std::streambuf {
public:
    explicit MemoryBuffer(std::string_view bytes) {
        char* p = const_cast<char*>(bytes.data()); // a get area is never written through
        setg(p, p, p + bytes.size());
    }

protected:
    // cereal reads every value through sgetn: copy straight from the bytes instead of the
    // generic loop (a million-household snapshot makes tens of millions of these calls).
    std::streamsize xsgetn(char* out, std::streamsize n) override {
        const std::streamsize k = std::min<std::streamsize>(n, egptr() - gptr());
        std::memcpy(out, gptr(), static_cast<std::size_t>(k));
        setg(eback(), gptr() + k, egptr());
        return k;
    }
};

/// Decodes one cereal payload; every failure (cereal's or ours) becomes a message.
template <class T> bool decode(std::string_view payload, T& out, std::string& error) {
    struct LimitGuard {
        std::uint64_t saved = serial::maxCount();
        ~LimitGuard() { serial::maxCount() = saved; }
    } guard;
    serial::maxCount() = payload.size();
    try {
        MemoryBuffer buffer(payload);
        std::istream in(&buffer);
        cereal::PortableBinaryInputArchive ar(in);
        serial::io(ar, "record", out);
        // Trailing bytes mean the writer and reader disagree on the layout.
        if (in.peek() != std::char_traits<char>::eof()) {
            error = "trailing bytes";
            return false;
        }
        return true;
    } catch (const serial::LoadError& e) {
        error = e.path + ": " + keyName(e.reason) + (e.detail.empty() ? "" : " " + e.detail);
    } catch (const std::exception& e) {
        error = e.what();
    }
    return false;
}

template <class T> std::string encode(const T& value) {
    std::ostringstream out;
    {
        cereal::PortableBinaryOutputArchive ar(out);
        serial::io(ar, "record", const_cast<T&>(value)); // saving never modifies it
    }
    return std::move(out).str();
}

} // namespace

const char* endName(ScanEnd e) {
    switch (e) {
    case ScanEnd::Clean:
        return "clean";
    case ScanEnd::Torn:
        return "torn";
    case ScanEnd::BadChecksum:
        return "checksum";
    case ScanEnd::BadPayload:
        return "payload";
    }
    return "?";
}

void putU32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFFU);
}

void putU64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFFU);
}

std::uint32_t getU32(std::string_view in, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) {
        v = (v << 8) | static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)]);
    }
    return v;
}

std::uint64_t getU64(std::string_view in, std::size_t at) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) {
        v = (v << 8) | static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)]);
    }
    return v;
}

std::string encodeJournalHeader(bool sealed) {
    std::string out(kJournalMagic);
    putU32(out, sealed ? kJournalSealedVersion : kJournalVersion);
    putU32(out, crc32(out));
    return out;
}

std::optional<FieldError> checkJournalHeader(std::string_view bytes) {
    if (bytes.size() < kJournalHeaderSize || bytes.substr(0, 8) != kJournalMagic) {
        return FieldError{"journal", "", Str::StoreNotJournal, ""};
    }
    if (getU32(bytes, 12) != crc32(bytes.substr(0, 12))) {
        return FieldError{"journal", "", Str::StoreBadChecksum, "header"};
    }
    const std::uint32_t version = getU32(bytes, 8);
    if (version > kJournalSealedVersion || version == 0) {
        return FieldError{"journal", std::to_string(version), Str::SerialNewerVersion,
                          "supported " + std::to_string(kJournalSealedVersion)};
    }
    return std::nullopt;
}

bool journalSealed(std::string_view header) {
    return !checkJournalHeader(header) && getU32(header, 8) == kJournalSealedVersion;
}

std::string encodeRecord(const Transaction& t, const SealKey* key) {
    std::string payload = encode(t);
    if (key) {
        std::string sealed = key->seal(payload);
        wipe(payload);
        payload = std::move(sealed);
    }
    std::string out;
    out.reserve(kRecordHeaderSize + payload.size());
    putU32(out, static_cast<std::uint32_t>(payload.size()));
    putU32(out, crc32(payload));
    out += payload;
    return out;
}

ScanResult scanJournal(std::string_view bytes, std::uint64_t base, std::uint64_t firstSequence,
                       const std::function<bool(Transaction&&)>& onRecord, const SealKey* key) {
    ScanResult r;
    std::size_t pos = 0;
    std::uint64_t expected = firstSequence;
    while (pos < bytes.size()) {
        if (bytes.size() - pos < kRecordHeaderSize) {
            r.end = ScanEnd::Torn;
            break;
        }
        const std::uint32_t length = getU32(bytes, pos);
        if (length > bytes.size() - pos - kRecordHeaderSize) {
            r.end = ScanEnd::Torn; // a length beyond the end: torn write or damaged length
            break;
        }
        const std::string_view payload = bytes.substr(pos + kRecordHeaderSize, length);
        if (crc32(payload) != getU32(bytes, pos + 4)) {
            r.end = ScanEnd::BadChecksum;
            break;
        }
        Transaction t;
        std::optional<std::string> opened;
        if (key && !(opened = key->open(payload))) {
            r.end = ScanEnd::BadPayload;
            r.detail = kNotAuthentic;
            break;
        }
        const bool decoded = decode(opened ? std::string_view(*opened) : payload, t, r.detail);
        if (opened) wipe(*opened);
        if (!decoded) {
            r.end = ScanEnd::BadPayload;
            break;
        }
        if (t.sequence != expected) {
            r.end = ScanEnd::BadPayload;
            r.detail =
                "sequence " + std::to_string(t.sequence) + ", expected " + std::to_string(expected);
            break;
        }
        if (!onRecord(std::move(t))) {
            r.end = ScanEnd::BadPayload;
            r.detail = "refused by the state, sequence " + std::to_string(expected);
            break;
        }
        ++expected;
        ++r.records;
        pos += kRecordHeaderSize + length;
    }
    r.goodEnd = base + pos;
    r.droppedBytes = bytes.size() - pos;
    // Count what is being dropped by following the length fields as far as they stay inside
    // the file: an estimate when a length itself is damaged, exact for a clean cut.
    for (std::size_t p = pos; p < bytes.size();) {
        ++r.droppedRecords;
        if (bytes.size() - p < kRecordHeaderSize) break;
        const std::uint64_t step = std::uint64_t{kRecordHeaderSize} + getU32(bytes, p);
        if (step > bytes.size() - p) break;
        p += static_cast<std::size_t>(step);
    }
    return r;
}

std::string encodeSnapshot(const StoreData& data, std::uint64_t journalOffset,
                           const SealKey* key) {
    std::string payload;
    if (key) putU64(payload, journalOffset);
    payload += encode(snapshot::Compact{const_cast<StoreData*>(&data)});
    if (key) {
        std::string sealed = key->seal(payload);
        wipe(payload);
        payload = std::move(sealed);
    }
    std::string out(kSnapshotMagic);
    putU32(out, kSnapshotVersion);
    putU64(out, payload.size());
    putU64(out, journalOffset);
    putU32(out, crc32(payload));
    putU32(out, crc32(out)); // over the 32 bytes before it
    putU32(out, key ? kSnapshotSealedFlag : 0); // flags; also keeps the header 8-byte aligned
    out += payload;
    return out;
}

bool snapshotSealed(std::string_view bytes) {
    return bytes.size() >= kSnapshotHeaderSize && bytes.substr(0, 8) == kSnapshotMagic &&
           (getU32(bytes, kSnapshotFlagsAt) & kSnapshotSealedFlag) != 0;
}

Result<Snapshot> decodeSnapshot(std::string_view bytes, const SealKey* key) {
    if (bytes.size() < kSnapshotHeaderSize || bytes.substr(0, 8) != kSnapshotMagic) {
        return FieldError{"snapshot", "", Str::StoreNotSnapshot, ""};
    }
    if (getU32(bytes, 32) != crc32(bytes.substr(0, 32))) {
        return FieldError{"snapshot", "", Str::StoreBadChecksum, "header"};
    }
    const std::uint32_t version = getU32(bytes, 8);
    if (version > kSnapshotVersion) {
        return FieldError{"snapshot", std::to_string(version), Str::SerialNewerVersion,
                          "supported " + std::to_string(kSnapshotVersion)};
    }
    // An older payload layout is not read at all (format 1 would decode as garbage or fail
    // half-way); the snapshot is only a cache, so the caller replays the journal instead.
    if (version < kSnapshotVersion) {
        return FieldError{"snapshot", std::to_string(version), Str::StoreSnapshotOldFormat,
                          "supported " + std::to_string(kSnapshotVersion)};
    }
    const std::uint64_t length = getU64(bytes, 12);
    if (length != bytes.size() - kSnapshotHeaderSize) {
        return FieldError{"snapshot", std::to_string(bytes.size()), Str::StoreTruncated,
                          "expected " + std::to_string(length + kSnapshotHeaderSize)};
    }
    std::string_view payload = bytes.substr(kSnapshotHeaderSize);
    if (crc32(payload) != getU32(bytes, 28)) {
        return FieldError{"snapshot", "", Str::StoreBadChecksum, "payload"};
    }
    // A sealed snapshot in a plain store, or a plain one in an encrypted store (left by an
    // interrupted encryption): neither is read.
    if (snapshotSealed(bytes) != (key != nullptr)) {
        return FieldError{"snapshot", "", key ? Str::StoreSnapshotNotSealed : Str::StoreEncrypted,
                          ""};
    }
    Snapshot s;
    s.journalOffset = getU64(bytes, 20);
    std::optional<std::string> opened;
    if (key) {
        opened = key->open(payload);
        if (!opened || opened->size() < 8) {
            return FieldError{"snapshot", "", Str::StoreSealBroken, kNotAuthentic};
        }
        if (getU64(*opened, 0) != s.journalOffset) {
            wipe(*opened);
            return FieldError{"snapshot", "", Str::StoreSnapshotAhead, "sealed offset"};
        }
        payload = std::string_view(*opened).substr(8);
    }
    std::string error;
    snapshot::Compact compact{&s.data};
    const bool decoded = decode(payload, compact, error);
    if (opened) wipe(*opened);
    if (!decoded) return FieldError{"snapshot", "", Str::SerialMalformed, error};
    return s;
}

} // namespace nuanxin
