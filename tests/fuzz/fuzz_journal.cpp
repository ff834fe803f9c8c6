// Journal reading (core/store/journal.h scanJournal + replay, what opening a store does).
// Byte 0 picks the form of the rest:
//  even: a journal file as it is (header, then records): framing, torn and damaged tails;
//  odd:  payloads only, each "u16 length, bytes", framed here with their right length and
//        CRC-32, so that the search reaches the record decoder and the replay instead of
//        stopping at checksums it cannot forge.
//  bit 1 also set: the same payloads are sealed as well, as an encrypted store writes them (a
//        fixed key per run), and that journal must scan exactly as the clear one does.
// Properties: the scan accounts for every byte; records that replayed encode again to a journal
// that scans clean; the state they built survives a snapshot round trip (a store writes one
// after opening any journal, and must read it back).
#include <cstdint>
#include <vector>

#include "core/store/crc32.h"
#include "core/store/crypto.h"
#include "core/store/store.h"
#include "fuzz_support.h"

using namespace nuanxin;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view rest = fuzz::bytesOf(data + 1, size - 1);
    static const std::unique_ptr<SealKey> key = SealKey::generate();
    const bool sealedToo = (data[0] & 3U) == 3U;
    std::string journal;
    std::string sealedJournal = encodeJournalHeader(true);
    if ((data[0] & 1U) == 0) {
        journal.assign(rest);
    } else {
        journal = encodeJournalHeader();
        for (std::size_t p = 0; p + 2 <= rest.size();) {
            const std::size_t want = static_cast<unsigned char>(rest[p]) |
                                     (static_cast<std::size_t>(static_cast<unsigned char>(rest[p + 1])) << 8);
            p += 2;
            const std::string_view payload = rest.substr(p, want);
            p += payload.size();
            putU32(journal, static_cast<std::uint32_t>(payload.size()));
            putU32(journal, crc32(payload));
            journal += payload;
            if (sealedToo) {
                const std::string sealed = key->seal(payload);
                putU32(sealedJournal, static_cast<std::uint32_t>(sealed.size()));
                putU32(sealedJournal, crc32(sealed));
                sealedJournal += sealed;
            }
        }
    }

    if (checkJournalHeader(journal)) return 0; // refused with a reason: nothing more to read
    const std::string_view records = std::string_view(journal).substr(kJournalHeaderSize);
    State state;
    std::vector<Transaction> replayed;
    const ScanResult scan =
        scanJournal(records, kJournalHeaderSize, 1, [&](Transaction&& t) {
            if (!replayTransaction(state, t)) return false;
            replayed.push_back(std::move(t));
            return true;
        });
    fuzz::require(scan.records == replayed.size(), "record count differs from callbacks");
    fuzz::require(scan.goodEnd + scan.droppedBytes == journal.size(), "scan lost bytes");
    fuzz::require((scan.end == ScanEnd::Clean) == (scan.droppedBytes == 0),
                  "clean end with bytes left, or a cut with none");
    fuzz::require(state.sequence() == replayed.size(), "sequence differs from records applied");
    if (sealedToo) {
        State sealedState;
        const ScanResult sealedScan = scanJournal(
            std::string_view(sealedJournal).substr(kJournalHeaderSize), kJournalHeaderSize, 1,
            [&](Transaction&& t) { return replayTransaction(sealedState, t); }, key.get());
        fuzz::require(sealedScan.records == scan.records && sealedScan.end == scan.end,
                      "the sealed journal scans differently from the clear one", sealedScan.detail);
        fuzz::require(fuzz::fingerprint(sealedState.data()) == fuzz::fingerprint(state.data()),
                      "the sealed journal replays differently");
    }

    // What replayed encodes again into a journal that scans clean to the same state.
    std::string rewritten;
    for (const Transaction& t : replayed) rewritten += encodeRecord(t);
    State again;
    const ScanResult second = scanJournal(rewritten, kJournalHeaderSize, 1, [&](Transaction&& t) {
        return replayTransaction(again, t);
    });
    fuzz::require(second.end == ScanEnd::Clean && second.records == replayed.size(),
                  "re-encoded records do not scan clean", second.detail);
    const std::string before = fuzz::fingerprint(state.data());
    fuzz::require(fuzz::fingerprint(again.data()) == before, "re-encoded journal replays differently");

    // The snapshot of that state reads back to the same state.
    const std::string snapshot = encodeSnapshot(state.data(), journal.size());
    auto decoded = decodeSnapshot(snapshot);
    fuzz::require(decoded.ok(), "snapshot of a replayed state does not decode",
                  decoded.ok() ? "" : decoded.errors().front().detail);
    const State reopened(std::move(decoded.value().data));
    fuzz::require(fuzz::fingerprint(reopened.data()) == before, "snapshot round trip changed the state");
    if (sealedToo) {
        auto opened = decodeSnapshot(encodeSnapshot(state.data(), journal.size(), key.get()), key.get());
        fuzz::require(opened.ok() && fuzz::fingerprint(opened.value().data) == before,
                      "sealed snapshot round trip changed the state");
    }
    return 0;
}
