// Snapshot decoding (core/store/journal.h decodeSnapshot, what opening a store reads first).
// Byte 0 picks the form of the rest:
//  even: a snapshot file as it is (header checks, lengths, checksums);
//  odd:  the payload alone, put behind a header with the right length and CRC-32 here, so that
//        the search reaches the compact decoder (name tables, enum indexes, day numbers).
// Properties: a decoded snapshot builds a State (its indexes) and encodes again to a snapshot
// that decodes to the same bytes once more (decode o encode is stable).
#include <cstdint>

#include "core/store/crc32.h"
#include "core/store/state.h"
#include "fuzz_support.h"

using namespace nuanxin;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view rest = fuzz::bytesOf(data + 1, size - 1);
    std::string file;
    if ((data[0] & 1U) == 0) {
        file.assign(rest);
    } else {
        file = "NXSNAP\r\n";
        putU32(file, kSnapshotVersion);
        putU64(file, rest.size());
        putU64(file, kJournalHeaderSize);
        putU32(file, crc32(rest));
        putU32(file, crc32(file));
        putU32(file, 0);
        file += rest;
    }
    auto decoded = decodeSnapshot(file);
    if (!decoded.ok()) return 0;
    const std::uint64_t offset = decoded.value().journalOffset;
    const State state(std::move(decoded.value().data));
    const std::string encoded = encodeSnapshot(state.data(), offset);
    auto again = decodeSnapshot(encoded);
    fuzz::require(again.ok(), "re-encoded snapshot does not decode",
                  again.ok() ? "" : again.errors().front().detail);
    fuzz::require(again.value().journalOffset == offset, "journal offset changed");
    fuzz::require(encodeSnapshot(again.value().data, offset) == encoded,
                  "snapshot round trip not stable");
    return 0;
}
