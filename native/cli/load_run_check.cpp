// The checks of the load run: the journal chain, the state digest, and the verifier role that
// opens the store after a kill and says whether every acknowledged transaction survived.
#include <iostream>
#include <optional>

#include "core/plugin/views.h"
#include "core/store/crc32.h"
#include "core/store/journal.h"
#include "native/cli/load_run.h"

namespace nuanxin::cli::load {
namespace {

std::uint64_t mixText(std::uint64_t hash, const std::string& text) {
    for (unsigned char c : text) hash = fnvMix(hash, c);
    return fnvMix(hash, text.size());
}

} // namespace

bool extendChain(const Store& store, JournalPoint& point, std::string& error,
                 const std::function<void(const JournalPoint&)>& onRecord) {
    JournalPoint p = point;
    const std::uint64_t from = point.offset == 0 ? kJournalHeaderSize : point.offset;
    auto end = store.readJournal(
        [&](Transaction&& t) {
            // The record's encoding is the transaction as a reader gets it back: same
            // transactions, same bytes, same chain.
            p.chain = crc32(encodeRecord(t), p.chain);
            p.sequence = t.sequence;
            p.when = t.when;
            if (onRecord) onRecord(p);
            return true;
        },
        from, point.sequence + 1);
    if (!end.ok()) {
        error = end.errors().front().describe(Lang::En);
        return false;
    }
    p.offset = end.value();
    point = p;
    return true;
}

std::uint64_t stateDigest(const State& state) {
    const Dataset& d = state.dataset();
    std::uint64_t h = fnvMix(kFnvOffset, state.sequence());
    for (const Household& x : d.households) {
        h = fnvMix(h, x.id);
        h = fnvMix(h, x.members.size());
        h = fnvMix(h, x.categories.bits());
        h = mixText(h, x.phone);
        if (!x.members.empty()) h = mixText(h, x.members.front().idNumber);
    }
    for (const Need& n : d.needs) {
        h = fnvMix(h, n.id);
        h = fnvMix(h, n.household);
        h = fnvMix(h, static_cast<std::uint64_t>(n.quantity));
        h = fnvMix(h, static_cast<std::uint64_t>(n.status));
    }
    for (const Donor& x : d.donors) h = mixText(fnvMix(h, x.id), x.name);
    for (const Offer& o : d.offers) {
        h = fnvMix(h, o.id);
        h = fnvMix(h, static_cast<std::uint64_t>(o.capacity));
        h = fnvMix(h, static_cast<std::uint64_t>(o.status));
    }
    for (const Allocation& a : d.allocations) {
        h = fnvMix(h, a.id);
        h = fnvMix(h, a.need);
        h = fnvMix(h, a.offer);
        h = fnvMix(h, static_cast<std::uint64_t>(a.quantity));
        h = fnvMix(h, static_cast<std::uint64_t>(a.status) * 2 + (a.locked ? 1 : 0));
    }
    return h;
}

/// load-run --verifier --store DIR [chain point] --acked-sequence A --acked-chain C
/// --acked-state D [--full]
/// Messages: opened, acked, verified (with --full), point, memory. Exit 0 when nothing
/// acknowledged is missing and the checks pass.
int runVerifier(Args& args) {
    const std::string dir = args.option("--store").value_or("");
    JournalPoint point = readPoint(args);
    std::uint64_t acked = 0, ackedChain = 0;
    std::optional<std::uint64_t> ackedState; // unknown before the first worker
    if (auto v = args.option("--acked-sequence")) acked = parseCount("--acked-sequence", *v, true);
    if (auto v = args.option("--acked-chain")) ackedChain = parseHex("--acked-chain", *v);
    if (auto v = args.option("--acked-state")) ackedState = parseHex("--acked-state", *v);
    const bool full = args.flag("--full");
    args.finish();
    if (dir.empty()) throw UsageError{Str::CliMissingArgument, "--store DIR"};

    PosixFileSystem fs;
    auto t0 = Clock::now();
    auto opened = Store::open(fs, dir, DivisionRegistry::builtIn(), Store::Mode::ReadWrite);
    if (!opened.ok()) {
        for (const auto& e : opened.errors())
            std::cerr << "nuanxin: " << dir << ": " << e.describe(args.lang()) << '\n';
        Message("failed").add(std::string("open")).send();
        return kFailed;
    }
    std::unique_ptr<Store>& store = opened.value();
    const OpenReport& r = store->report();
    Message("opened")
        .add(millisSince(t0))
        .add(r.snapshotUsed ? 1 : 0)
        .add(r.tailCut() ? 1 : 0)
        .add(r.droppedBytes)
        .add(r.droppedRecords)
        .add(r.replayed)
        .add(std::string(endName(r.journalEnd)))
        .send();

    // Walk the records written since the last verified point; the acknowledged one must be
    // among them with the chain the worker computed when it wrote it.
    int chainOk = point.sequence == acked ? (point.chain == ackedChain ? 1 : 0) : 2;
    std::string error;
    const bool read = extendChain(*store, point, error, [&](const JournalPoint& p) {
        if (p.sequence == acked) chainOk = p.chain == ackedChain ? 1 : 0;
    });
    if (!read) std::cerr << "nuanxin: " << dir << ": " << error << '\n';
    const std::uint64_t found = store->state().sequence();
    const std::uint64_t digest = stateDigest(store->state());
    // The state can only be compared when nothing was committed after the acknowledgement
    // (a kill between a commit and its acknowledgement leaves one more transaction).
    const int stateOk = found == acked && ackedState ? (digest == *ackedState ? 1 : 0) : 2;
    Message("acked")
        .add(acked)
        .add(found)
        .add(static_cast<std::uint64_t>(chainOk))
        .add(static_cast<std::uint64_t>(stateOk))
        .add(found > acked ? found - acked : 0)
        .add(found < acked ? acked - found : 0)
        .send();
    bool ok = read && found >= acked && chainOk == 1 && stateOk != 0;
    store.reset(); // the full check below builds states of its own

    if (full) {
        t0 = Clock::now();
        const CheckReport check = verifyStore(fs, dir);
        Message("verified")
            .add(check.ok() ? 1 : 0)
            .add(check.records)
            .add(check.journalBytes)
            .add(check.snapshotMatches ? 1 : 0)
            .add(millisSince(t0))
            .send();
        ok = ok && check.ok() && check.records == found;
    }
    Message("point")
        .add(point.sequence)
        .add(point.offset)
        .hex(point.chain)
        .add(static_cast<std::uint64_t>(point.when))
        .hex(digest)
        .send();
    const Memory m = memoryNow();
    Message("memory").add(m.rssKb).add(m.peakKb).send();
    return ok ? kOk : kFailed;
}

} // namespace nuanxin::cli::load
