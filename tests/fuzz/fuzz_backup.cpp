// Backup restore (core/io/export.h restoreStore) into a fresh folder in memory.
// Byte 0 (mod 3) picks the form of the rest:
//  0: a backup file as it is;
//  1: "u16 journal length, journal bytes, snapshot bytes", put behind a backup header with the
//     right sizes and CRC-32 here, so that the search reaches the restored store's opening
//     (journal and snapshot readers) instead of stopping at the checksum;
//  2: "u64 journal size, u64 snapshot size, payload": sizes as a forger writes them, with the
//     CRC-32 made right here (a checksum is no defence against a crafted file).
// Properties: a restored store reopens to the same state, verifyStore reads it, and a backup of
// it restores again to the same state.
#include <algorithm>
#include <cstdint>

#include "core/io/export.h"
#include "core/store/crc32.h"
#include "fuzz_support.h"
#include "memory_file_system.h"

using namespace nuanxin;

namespace {

/// The layout of core/io/export.cpp: magic, version, journal size, snapshot size, CRC-32.
std::string frame(std::uint64_t journalSize, std::uint64_t snapshotSize, std::string_view payload) {
    std::string out("NXBACKUP", 8);
    putU32(out, 1);
    putU64(out, journalSize);
    putU64(out, snapshotSize);
    putU32(out, crc32(payload, crc32(out)));
    out += payload;
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view rest = fuzz::bytesOf(data + 1, size - 1);
    std::string backup;
    if (data[0] % 3 == 0) {
        backup.assign(rest);
    } else if (data[0] % 3 == 1) {
        if (rest.size() < 2) return 0;
        const std::size_t journalLength =
            static_cast<unsigned char>(rest[0]) |
            (static_cast<std::size_t>(static_cast<unsigned char>(rest[1])) << 8);
        const std::string_view body = rest.substr(2);
        const std::size_t journal = std::min(journalLength, body.size());
        backup = frame(journal, body.size() - journal, body);
    } else {
        if (rest.size() < 16) return 0;
        backup = frame(getU64(rest, 0), getU64(rest, 8), rest.substr(16));
    }
    const DivisionRegistry& divisions = DivisionRegistry::builtIn();
    test::MemoryFileSystem fs;
    const auto restored = restoreStore(fs, backup, "restored", divisions);
    if (!restored.ok()) return 0;
    // An encrypted store's backup (format 2) is restored whole but, without its passphrase,
    // not opened; no input can know a passphrase, so what follows is for plain stores.
    if (restored.value().locked) {
        fuzz::require(restored.value().encrypted, "a locked restore that is not encrypted");
        return 0;
    }

    auto opened = Store::open(fs, "restored", divisions);
    fuzz::require(opened.ok(), "restored store does not reopen");
    fuzz::require(!opened.value()->report().tailCut(), "tail cut twice");
    const std::string state = fuzz::fingerprint(opened.value()->state().data());
    (void)verifyStore(fs, "restored");

    const auto again = backupStore(fs, "restored");
    fuzz::require(again.ok(), "restored store cannot be backed up");
    test::MemoryFileSystem other;
    fuzz::require(restoreStore(other, again.value(), "copy", divisions).ok(),
                  "backup of a restored store does not restore");
    auto copy = Store::open(other, "copy", divisions);
    fuzz::require(copy.ok(), "second restore does not open");
    fuzz::require(fuzz::fingerprint(copy.value()->state().data()) == state,
                  "second restore differs from the first");
    return 0;
}
