// The worker of the load run: the store opened in a Workspace as the screens use it, filled up
// to the plan's size, then cycles of import, matching, review and edits. After each command
// returns committed it acknowledges the journal point and the state digest to the parent, which
// may kill it with SIGKILL at any moment.
#include <algorithm>
#include <atomic>
#include <csignal>
#include <iostream>
#include <unistd.h>

#include "core/demo/names.h"
#include "core/plugin/views.h"
#include "core/session/workspace.h"
#include "native/cli/cmd_store_common.h"
#include "native/cli/load_run.h"
#include "plugins/builtin_plugins.h"

namespace nuanxin::cli::load {
namespace {

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void onLoadWorkerStop(int) {
    g_stop = true;
}

/// A seed per purpose, so that the parts of a run draw independent numbers.
std::uint64_t seedOf(std::uint64_t seed, std::uint64_t a, std::uint64_t b) {
    return fnvMix(fnvMix(fnvMix(kFnvOffset, seed), a), b);
}

/// How an action ended: done, or the worker must stop (interrupted or failed, already said).
enum class Step { Done, Stop };

class Worker {
public:
    Worker(const Plan& plan, std::string dir, JournalPoint point, Lang lang)
        : m_plan(plan), m_dir(std::move(dir)), m_point(point), m_lang(lang) {}

    int run(std::uint64_t firstCycle) {
        if (!open()) return kFailed;
        bool ok = true;
        if (firstCycle == 0) ok = fill() == Step::Done;
        for (std::uint64_t k = firstCycle == 0 ? 1 : firstCycle; ok && k <= m_plan.cycles; ++k) {
            ok = cycle(k) == Step::Done;
        }
        if (g_stop) {
            Message("stopped").send();
            return kInterrupted;
        }
        if (!ok) return kFailed;
        Message("done").send();
        // The parent may still have a kill due: it lands here, after the last commit. The
        // parent closes our input when it lets us go.
        char c;
        while (::read(STDIN_FILENO, &c, 1) > 0) {
        }
        return kOk;
    }

private:
    bool open() {
        const auto t0 = Clock::now();
        auto store = openStoreOrSay(m_fs, m_dir, m_lang, Store::Mode::ReadWrite);
        if (!store) return failed("open");
        // The verifier opened the store just before: anything else means someone else wrote.
        if (store->state().sequence() != m_point.sequence) return failed("sequence");
        (void)registerBuiltinPlugins(m_host);
        WorkspaceConfig config;
        config.user = "load-run";
        config.organisation = "暖心压力测试";
        config.lang = m_lang;
        config.clock = [this] { return m_now; };
        m_ws = std::make_unique<Workspace>(std::move(store), m_host, std::move(config));
        Message("ready").add(m_point.sequence).add(millisSince(t0)).send();
        return true;
    }

    const Dataset& data() const { return m_ws->data(); }

    /// The run's clock moves one second per action and never goes back (a repeated cycle
    /// starts after the last transaction the killed worker wrote).
    void tick() { m_now = std::max(m_now + 1, m_point.when + 1); }

    void phase(std::uint64_t cycle, const char* name) {
        Message("phase").add(cycle).add(std::string(name)).send();
    }

    bool failed(const std::string& what, const FieldErrors& errors = {}) {
        for (const FieldError& e : errors)
            std::cerr << "nuanxin: " << what << ": " << e.describe(m_lang) << '\n';
        Message("failed").add(what).send();
        return false;
    }
    Step stop(const std::string& what, const FieldErrors& errors = {}) {
        failed(what, errors);
        return Step::Stop;
    }

    /// After a commit: the journal point it reached and the state's digest, to the parent.
    Step acknowledge(const char* what, std::uint64_t count) {
        std::string error;
        if (!extendChain(m_ws->store(), m_point, error)) {
            std::cerr << "nuanxin: " << error << '\n';
            return stop("chain");
        }
        Message("ack")
            .add(std::string(what))
            .add(count)
            .add(m_point.sequence)
            .hex(m_point.chain)
            .hex(stateDigest(m_ws->state()))
            .add(static_cast<std::uint64_t>(m_point.when))
            .send();
        return Step::Done;
    }

    /// A refused review or edit is counted, not fatal: the parent reports how many.
    Step refusedOr(const char* what, const Result<std::uint64_t>& r, std::uint64_t count) {
        if (r.ok()) return acknowledge(what, count);
        for (const FieldError& e : r.errors())
            std::cerr << "nuanxin: " << what << ": " << e.describe(m_lang) << '\n';
        Message("refused").add(std::string(what)).send();
        return Step::Done;
    }

    Step importCsv(const char* what, const CsvBatch& batch, ImportTarget target) {
        if (batch.records == 0) return Step::Done;
        tick();
        ImportOptions options;
        options.cancel = &g_stop;
        const ImportReport r =
            m_ws->importCsv(batch.csv, target, std::string(what) + ".csv", std::move(options));
        if (r.fatal) return stop(what, {*r.fatal});
        for (std::size_t i = 0; i < r.rejects.size() && i < 3; ++i) {
            std::cerr << "nuanxin: " << what << ": line " << r.rejects[i].line << ' '
                      << r.rejects[i].column << ": " << tr(r.rejects[i].reason, m_lang) << '\n';
        }
        if (!r.rejects.empty())
            Message("rejected").add(std::string(what)).add(r.rejects.size()).send();
        if (r.committed && acknowledge(what, r.recordsAdded) == Step::Stop) return Step::Stop;
        if (r.cancelled || g_stop) return Step::Stop;
        if (r.recordsAdded == 0) return stop(what); // nothing went in: no progress
        return Step::Done;
    }

    Step importHouseholds(std::uint64_t seed, std::size_t count) {
        const CsvBatch batch =
            householdsCsv(m_ws->state(), m_ws->divisions(), seed, count, dateOf(m_now + 1));
        return importCsv("households", batch, ImportTarget::Households);
    }

    Step importSupply(std::size_t from, std::size_t to) {
        if (m_supply.offers.empty()) m_supply = makeSupply(m_plan, m_ws->divisions());
        if (importCsv("donors", donorsCsv(m_ws->state(), m_supply, from, to),
                      ImportTarget::Donors) == Step::Stop) {
            return Step::Stop;
        }
        return importCsv("offers", offersCsv(m_ws->state(), m_supply, from, to),
                         ImportTarget::Offers);
    }

    /// Cycle 0: households and offers up to the plan's size, through the import path.
    Step fill() {
        const auto t0 = Clock::now();
        phase(0, "fill");
        m_now = std::max(cycleTime(0), m_point.when + 1);
        while (data().households.size() < m_plan.households) {
            if (g_stop) return Step::Stop;
            const std::uint64_t have = data().households.size();
            const auto count =
                static_cast<std::size_t>(std::min(m_plan.fillBatch, m_plan.households - have));
            if (importHouseholds(seedOf(m_plan.seed, 0, have), count) == Step::Stop)
                return Step::Stop;
        }
        if (importSupply(0, static_cast<std::size_t>(m_plan.offers)) == Step::Stop)
            return Step::Stop;
        return endCycle(0, t0);
    }

    Step cycle(std::uint64_t k) {
        const auto t0 = Clock::now();
        m_now = std::max(cycleTime(k), m_point.when + 1);
        // New choices when a cycle is repeated after a kill (the sequence moved on).
        demo::Rng rng(seedOf(m_plan.seed, k, m_point.sequence));
        if (m_plan.batch > 0) {
            phase(k, "import");
            const auto seed = seedOf(m_plan.seed, k, data().households.size() + 1);
            if (importHouseholds(seed, static_cast<std::size_t>(m_plan.batch)) == Step::Stop)
                return Step::Stop;
        }
        phase(k, "supply");
        const std::uint64_t from = m_plan.offers + (k - 1) * m_plan.perCycleOffers();
        if (importSupply(static_cast<std::size_t>(from),
                         static_cast<std::size_t>(from + m_plan.perCycleOffers())) == Step::Stop) {
            return Step::Stop;
        }
        phase(k, "match");
        if (match(k) == Step::Stop) return Step::Stop;
        phase(k, "review");
        if (review(rng) == Step::Stop) return Step::Stop;
        phase(k, "update");
        if (updates(rng) == Step::Stop) return Step::Stop;
        if (k % m_plan.snapshotEvery == 0) {
            phase(k, "snapshot");
            const auto s0 = Clock::now();
            std::string error;
            if (!m_ws->store().writeSnapshot(&error)) {
                std::cerr << "nuanxin: snapshot: " << error << '\n';
                return stop("snapshot");
            }
            Message("snapshot").add(millisSince(s0)).send();
        }
        return endCycle(k, t0);
    }

    Step endCycle(std::uint64_t k, Clock::time_point t0) {
        if (g_stop) return Step::Stop;
        const Memory m = memoryNow();
        const Dataset& d = data();
        // Proposals a later run withdrew stay in the state (the journal is the audit trail):
        // the allocations that grow with every run.
        const auto withdrawn =
            std::count_if(d.allocations.begin(), d.allocations.end(), [](const Allocation& a) {
                return a.status == AllocationStatus::Cancelled;
            });
        Message("cycle")
            .add(k)
            .add(millisSince(t0))
            .add(m.rssKb)
            .add(m.peakKb)
            .add(d.households.size())
            .add(d.needs.size())
            .add(d.offers.size())
            .add(d.allocations.size())
            .add(m_ws->store().journalSize())
            .add(m_fs.fileSize(Store::snapshotPath(m_dir)).value_or(0))
            .add(static_cast<std::uint64_t>(withdrawn))
            .send();
        return Step::Done;
    }

    Step match(std::uint64_t k) {
        tick();
        const auto t0 = Clock::now();
        MatchOptions options;
        options.threads = static_cast<unsigned>(m_plan.threads);
        if (!m_ws->startMatching(options)) return stop("match");
        bool saving = false;
        while (m_ws->stepMatching(200)) {
            if (g_stop) {
                m_ws->cancelMatching(); // nothing is journaled
                return Step::Stop;
            }
            if (!saving && m_ws->matchingProgress().phase == Str::MatchPhaseSave) {
                saving = true;
                phase(k, "save");
            }
        }
        const MatchOutcome* out = m_ws->lastMatch();
        if (!out || out->error)
            return stop("match", out && out->error ? FieldErrors{*out->error} : FieldErrors{});
        Message("matched")
            .add(out->proposed)
            .add(out->withdrawn)
            .add(out->result.stats.needs)
            .add(millisSince(t0))
            .send();
        if (out->proposed + out->withdrawn == 0) return Step::Done;
        return acknowledge("match", out->proposed);
    }

    /// Approves a random share of the proposals (and rejects a few), then moves some approved
    /// allocations on to assigned and some assigned ones to delivered, as staff would.
    Step review(demo::Rng& rng) {
        const std::uint64_t share = 200 + rng.below(301); // per mille
        std::vector<AllocationId> approve, reject, assign, deliver;
        for (const Allocation& a : data().allocations) {
            const std::uint64_t r = rng.below(1000);
            if (a.status == AllocationStatus::Proposed && !a.locked) {
                if (r < share)
                    approve.push_back(a.id);
                else if (r < share + 10)
                    reject.push_back(a.id);
            } else if (a.status == AllocationStatus::Approved && r < 300) {
                assign.push_back(a.id);
            } else if (a.status == AllocationStatus::Assigned && r < 300) {
                deliver.push_back(a.id);
            }
        }
        const std::pair<const char*, std::pair<std::vector<AllocationId>*, AllocationStatus>>
            steps[] = {{"approve", {&approve, AllocationStatus::Approved}},
                       {"reject", {&reject, AllocationStatus::Rejected}},
                       {"assign", {&assign, AllocationStatus::Assigned}},
                       {"deliver", {&deliver, AllocationStatus::Delivered}}};
        for (const auto& [what, change] : steps) {
            if (change.first->empty()) continue;
            if (g_stop) return Step::Stop;
            tick();
            const auto r = m_ws->setStatus(*change.first, change.second);
            if (refusedOr(what, r, change.first->size()) == Step::Stop) return Step::Stop;
        }
        return Step::Done;
    }

    /// Edits as they come in during a campaign: more capacity for a few offers, one offer
    /// withdrawn, a few needs closed, a few households' phone numbers changed.
    Step updates(demo::Rng& rng) {
        const Dataset& d = data();
        for (int i = 0; i < 4 && !d.offers.empty(); ++i) {
            Offer o = d.offers[static_cast<std::size_t>(rng.below(d.offers.size()))];
            if (o.status != OfferStatus::Open) continue;
            const bool withdraw = i == 3;
            if (withdraw)
                o.status = OfferStatus::Withdrawn;
            else
                o.capacity += o.capacity / 10 + 1;
            tick();
            if (refusedOr(withdraw ? "withdraw-offer" : "update-offer", m_ws->updateOffer(o), 1) ==
                Step::Stop)
                return Step::Stop;
        }
        for (int i = 0; i < 5 && !d.needs.empty(); ++i) {
            const Need& n = d.needs[static_cast<std::size_t>(rng.below(d.needs.size()))];
            if (n.status != NeedStatus::Open) continue;
            tick();
            if (refusedOr("close-need", m_ws->closeNeed(n.id, NeedStatus::Closed), 1) == Step::Stop)
                return Step::Stop;
        }
        for (int i = 0; i < 3 && !d.households.empty(); ++i) {
            Household h = d.households[static_cast<std::size_t>(rng.below(d.households.size()))];
            h.phone = demo::mobile(rng);
            tick();
            if (refusedOr("update-household", m_ws->updateHousehold(h), 1) == Step::Stop)
                return Step::Stop;
        }
        return g_stop ? Step::Stop : Step::Done;
    }

    const Plan& m_plan;
    std::string m_dir;
    JournalPoint m_point;
    Lang m_lang;
    PosixFileSystem m_fs;
    PluginHost m_host;
    std::unique_ptr<Workspace> m_ws;
    Supply m_supply;
    Timestamp m_now = 0;
};

} // namespace

/// load-run --worker --store DIR [plan] [chain point] --first-cycle K
/// Messages: ready, phase, ack, refused, rejected, matched, snapshot, cycle, done / stopped /
/// failed. Ctrl+C (SIGINT) or SIGTERM stop it between commands; a running match is cancelled.
int runWorker(Args& args) {
    const std::string dir = args.option("--store").value_or("");
    Plan plan;
    plan.read(args);
    const JournalPoint point = readPoint(args);
    std::uint64_t first = 0;
    if (auto v = args.option("--first-cycle")) first = parseCount("--first-cycle", *v, true);
    args.finish();
    if (dir.empty()) throw UsageError{Str::CliMissingArgument, "--store DIR"};
    std::signal(SIGINT, onLoadWorkerStop);
    std::signal(SIGTERM, onLoadWorkerStop);
    Worker worker(plan, dir, point, args.lang());
    return worker.run(first);
}

} // namespace nuanxin::cli::load
