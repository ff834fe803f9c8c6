// nuanxin load-run [--households N] [--offers M] [--cycles C] [--seed S] [--kills K] ...
// The parent of the load run (see load_run.h): starts the verifier and the worker as child
// processes of this same binary, reads their messages, kills the worker with SIGKILL at the
// planned moments, has the store reopened and checked after each kill, and prints the figures.
#include "native/cli/load_run.h"

#if defined(__EMSCRIPTEN__)
#include <iostream>

namespace nuanxin::cli {
int runLoadRun(Args& args) {
    std::cerr << "nuanxin: " << tr(Str::LoadRunNotAvailable, args.lang()) << '\n';
    return kFailed;
}
} // namespace nuanxin::cli
#else

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <unistd.h>

#include "core/demo/random.h"
#include "native/cli/cmd_store_common.h"
#include "native/cli/load_run_child.h"
#include "native/cli/load_run_tally.h"

namespace nuanxin::cli {
namespace load {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onLoadRunInterrupt(int) {
    g_interrupted = 1;
}

std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::uint64_t number(const std::vector<std::string>& w, std::size_t i) {
    return i < w.size() ? std::strtoull(w[i].c_str(), nullptr, 10) : 0;
}

std::uint64_t hexNumber(const std::vector<std::string>& w, std::size_t i) {
    return i < w.size() ? std::strtoull(w[i].c_str(), nullptr, 16) : 0;
}

/// The phases a kill may aim at, with their weights: the long ones and the commits.
struct PhaseWeight {
    const char* phase;
    int weight;
};
constexpr PhaseWeight kKillPhases[] = {{"import", 2}, {"supply", 1}, {"match", 3},   {"save", 3},
                                       {"review", 2}, {"update", 1}, {"snapshot", 2}};

std::vector<KillSpec> planKills(const Plan& plan, std::uint64_t kills) {
    demo::Rng rng(plan.seed * 7919 + 17);
    std::vector<int> weights;
    for (const PhaseWeight& p : kKillPhases) weights.push_back(p.weight);
    // Not in cycle 1 when there are others: a phase's duration is known once it has run.
    const std::uint64_t firstCycle = plan.cycles > 1 ? 2 : 1;
    std::vector<KillSpec> out;
    for (std::uint64_t i = 0; i < kills; ++i) {
        KillSpec k;
        k.cycle = firstCycle + rng.below(plan.cycles - firstCycle + 1);
        k.phase = kKillPhases[rng.weighted(weights)].phase;
        k.fraction = 0.05 + 0.9 * static_cast<double>(rng.below(1000)) / 1000.0;
        k.alsoReopen = rng.percent(25);
        k.reopenFraction = 0.1 + 0.8 * static_cast<double>(rng.below(1000)) / 1000.0;
        out.push_back(k);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const KillSpec& a, const KillSpec& b) { return a.cycle < b.cycle; });
    return out;
}

class Parent {
public:
    Parent(Plan plan, std::string dir, std::uint64_t kills, bool verifyEach, Lang lang)
        : m_plan(plan), m_dir(std::move(dir)), m_kills(planKills(plan, kills)),
          m_verifyEach(verifyEach), m_lang(lang) {}

    int run() {
        printStart(m_plan, m_kills.size(), m_dir, m_lang);
        VerifierFigures first = verify(false, nullptr);
        if (first.exitCode != kOk) return finish("open");
        m_t.firstSequence = first.found;
        std::uint64_t next = 0; // the cycle the next worker starts with (0: the fill)
        for (;;) {
            const WorkerEnd end = runWorker(next);
            if (end == WorkerEnd::Done) break;
            if (end == WorkerEnd::Interrupted) {
                m_t.interrupted = true;
                return finish("");
            }
            if (end == WorkerEnd::Failed) {
                printFinalCheck(verify(true, nullptr), m_lang);
                return finish(m_failure.empty() ? "worker" : m_failure);
            }
            // Killed: reopen, check, and carry on with the cycle that was interrupted.
            afterKill();
            if (g_interrupted) {
                m_t.interrupted = true;
                return finish("");
            }
            next = m_t.cycles.empty() ? 0 : m_t.cycles.back().cycle + 1;
            if (next > m_plan.cycles) break;
        }
        const VerifierFigures last = verify(true, nullptr);
        printFinalCheck(last, m_lang);
        return finish(last.exitCode == kOk ? "" : "final check");
    }

private:
    enum class WorkerEnd { Done, Killed, Interrupted, Failed };

    std::vector<std::string> childArgs(const char* role) const {
        std::vector<std::string> a = {"load-run", role, "--lang", m_lang == Lang::En ? "en" : "zh",
                                      "--store",  m_dir};
        return a;
    }

    std::uint64_t expected(const std::string& phase) const {
        const auto it = m_phaseMs.find(phase);
        return it == m_phaseMs.end() ? 1000 : std::max<std::uint64_t>(it->second, 1);
    }

    /// Arms the next planned kill when its phase starts in its cycle.
    void armKill(std::uint64_t cycle, const std::string& phase) {
        if (m_armed || m_nextKill >= m_kills.size()) return;
        const KillSpec& k = m_kills[m_nextKill];
        if (k.cycle != cycle || k.phase != phase) return;
        m_armed = true;
        m_killAt = Clock::now() + std::chrono::milliseconds(static_cast<std::int64_t>(
                                      k.fraction * static_cast<double>(expected(phase))));
    }

    /// A planned kill whose phase did not come in its cycle moves to the next cycle.
    void postponeKills(std::uint64_t cycle) {
        for (std::size_t i = m_nextKill; i < m_kills.size(); ++i) {
            if (m_kills[i].cycle == cycle && !(m_armed && i == m_nextKill)) ++m_kills[i].cycle;
        }
    }

    void onPhase(std::uint64_t cycle, const std::string& phase) {
        const auto now = Clock::now();
        if (!m_phase.empty()) m_phaseMs[m_phase] = millisSince(m_phaseStart);
        m_phase = phase;
        m_phaseStart = now;
        if (cycle != m_t.current.cycle) {
            m_t.current = CycleFigures{};
            m_t.current.cycle = cycle;
        }
        armKill(cycle, phase);
    }

    void onAck(const std::vector<std::string>& w) {
        // ack WHAT COUNT SEQUENCE CHAIN STATE WHEN
        const std::string& what = w[1];
        const std::uint64_t count = number(w, 2);
        m_ackSequence = number(w, 3);
        m_ackChain = hexNumber(w, 4);
        m_ackState = hexNumber(w, 5);
        m_ackStateKnown = true;
        m_t.lastSequence = m_ackSequence;
        ++m_t.acks;
        CycleFigures& c = m_t.current;
        if (what == "households") {
            ++m_t.imports;
            m_t.householdsImported += count;
            c.householdsAdded += count;
        } else if (what == "offers") {
            ++m_t.imports;
            m_t.offersImported += count;
            c.offersAdded += count;
        } else if (what == "donors") {
            ++m_t.imports;
        } else if (what == "match") {
            ++m_t.matchRuns;
        } else if (what == "approve") {
            m_t.approvals += count;
            c.approved += count;
        }
    }

    void onCycle(const std::vector<std::string>& w) {
        if (!m_phase.empty()) m_phaseMs[m_phase] = millisSince(m_phaseStart);
        m_phase.clear();
        CycleFigures c = m_t.current;
        c.cycle = number(w, 1);
        c.worker = m_t.workerStarts;
        c.ms = number(w, 2);
        c.rssKb = number(w, 3);
        c.peakKb = number(w, 4);
        c.households = number(w, 5);
        c.needs = number(w, 6);
        c.offers = number(w, 7);
        c.allocations = number(w, 8);
        c.journalBytes = number(w, 9);
        c.snapshotBytes = number(w, 10);
        c.withdrawn = number(w, 11);
        m_t.cycles.push_back(c);
        printCycle(c, m_plan, m_lang);
        postponeKills(c.cycle);
    }

    void onMessage(const std::vector<std::string>& w) {
        if (w.empty()) return;
        const std::string& word = w[0];
        if (word == "phase")
            onPhase(number(w, 1), w.size() > 2 ? w[2] : "");
        else if (word == "ack" && w.size() >= 7)
            onAck(w);
        else if (word == "matched") {
            m_t.current.proposed += number(w, 1);
            m_t.current.matchMs = number(w, 4);
            if (number(w, 1) + number(w, 2) == 0) ++m_t.matchRuns; // a run that changed nothing
        } else if (word == "refused")
            ++m_t.refused;
        else if (word == "rejected")
            m_t.rejectedRows += number(w, 2);
        else if (word == "snapshot")
            m_phaseMs["snapshot"] = number(w, 1);
        else if (word == "cycle")
            onCycle(w);
        else if (word == "failed")
            m_failure = w.size() > 1 ? w[1] : "worker";
        else if (word == "done")
            m_done = true;
    }

    WorkerEnd runWorker(std::uint64_t firstCycle) {
        std::vector<std::string> args = childArgs("--worker");
        for (const std::string& o : m_plan.options()) args.push_back(o);
        for (const std::string& o : pointOptions(m_verified)) args.push_back(o);
        args.push_back("--first-cycle");
        args.push_back(std::to_string(firstCycle));
        Child worker;
        if (!worker.start(args)) return WorkerEnd::Failed;
        ++m_t.workerStarts;
        m_done = false;
        m_armed = false;
        m_phase.clear();
        bool killed = false, forwarded = false, released = false;
        Clock::time_point hardStop{}, killedAt{};
        std::vector<std::string> lines;
        for (;;) {
            if (g_interrupted && !forwarded) {
                worker.signal(SIGINT); // it stops between commands, a match is cancelled
                forwarded = true;
                hardStop = Clock::now() + std::chrono::seconds(60);
            }
            if (forwarded && Clock::now() > hardStop) worker.signal(SIGKILL);
            // A worker that is done waits for us: a kill still due lands now, at the end.
            const bool due = m_armed && (Clock::now() >= m_killAt || m_done);
            if (due && !killed && !forwarded) {
                worker.signal(SIGKILL);
                killed = true;
                killedAt = Clock::now();
            }
            if (m_done && !killed && !released) {
                worker.release();
                released = true;
            }
            lines.clear();
            std::int64_t wait = 20;
            if (m_armed && !killed) {
                wait =
                    std::chrono::duration_cast<std::chrono::milliseconds>(m_killAt - Clock::now())
                        .count();
                wait = std::clamp<std::int64_t>(wait, 1, 20);
            }
            const bool open = worker.read(lines, static_cast<int>(wait));
            // Messages already in the pipe when the kill landed still count: they were sent.
            for (const std::string& line : lines) onMessage(words(line));
            if (!open) break;
        }
        const int code = worker.wait();
        if (killed && code == 128 + SIGKILL) {
            // Where it landed: after the last message the worker managed to send (a phase it
            // had begun, or between cycles when its last word was a finished cycle).
            m_killPhase = m_phase;
            m_killCycle = m_t.current.cycle;
            m_killMsIntoPhase = m_phase.empty() || killedAt < m_phaseStart
                                    ? 0
                                    : static_cast<std::uint64_t>(
                                          std::chrono::duration_cast<std::chrono::milliseconds>(
                                              killedAt - m_phaseStart)
                                              .count());
            return WorkerEnd::Killed;
        }
        if (forwarded) return WorkerEnd::Interrupted;
        if (code == kOk && m_done) return WorkerEnd::Done;
        if (m_failure.empty()) m_failure = "exit " + std::to_string(code);
        return WorkerEnd::Failed;
    }

    /// Runs the verifier: opens the store, checks the last acknowledgement, and with `full`
    /// the store's own check. `spec` (when set) kills it while it reopens.
    VerifierFigures verify(bool full, const KillSpec* spec) {
        std::vector<std::string> args = childArgs("--verifier");
        for (const std::string& o : pointOptions(m_verified)) args.push_back(o);
        char chain[17], state[17];
        std::snprintf(chain, sizeof chain, "%llx", static_cast<unsigned long long>(m_ackChain));
        std::snprintf(state, sizeof state, "%llx", static_cast<unsigned long long>(m_ackState));
        for (const std::string& o : {std::string("--acked-sequence"), std::to_string(m_ackSequence),
                                     std::string("--acked-chain"), std::string(chain)}) {
            args.push_back(o);
        }
        if (m_ackStateKnown) {
            args.push_back("--acked-state");
            args.push_back(state);
        }
        if (full) args.push_back("--full");
        VerifierFigures v;
        Child child;
        if (!child.start(args)) return v;
        const auto t0 = Clock::now();
        const auto killAt =
            t0 + std::chrono::milliseconds(static_cast<std::int64_t>(
                     (spec ? spec->reopenFraction : 0) * static_cast<double>(m_openMs)));
        bool killed = false;
        std::vector<std::string> lines;
        for (;;) {
            if (g_interrupted) child.signal(SIGKILL);
            if (spec && !killed && !v.opened && Clock::now() >= killAt) {
                child.signal(SIGKILL);
                killed = true;
            }
            lines.clear();
            const bool open = child.read(lines, 20);
            for (const std::string& line : lines) onVerifierMessage(words(line), v);
            if (!open) break;
        }
        v.exitCode = child.wait();
        if (killed && !v.opened) {
            m_reopenKilled = ++m_t.kills;
            ++m_t.reopenKills;
            return verify(full, nullptr);
        }
        if (v.opened) m_openMs = std::max<std::uint64_t>(v.openMs, 1);
        if (v.tailCut) {
            ++m_t.tailCuts;
            m_t.droppedBytes += v.droppedBytes;
        }
        if (v.lost > 0) m_t.losses += v.lost;
        if (v.exitCode != kOk && !g_interrupted && m_t.failure.empty()) m_t.failure = "verifier";
        if (v.chainOk == 0) ++m_t.chainMismatches;
        if (v.stateOk == 0) ++m_t.stateMismatches;
        if (v.checked) {
            ++m_t.fullChecks;
            if (!v.checkOk) ++m_t.fullChecksFailed;
        }
        return v;
    }

    void onVerifierMessage(const std::vector<std::string>& w, VerifierFigures& v) {
        if (w.empty()) return;
        if (w[0] == "opened") {
            v.opened = true;
            v.openMs = number(w, 1);
            v.snapshotUsed = number(w, 2) != 0;
            v.tailCut = number(w, 3) != 0;
            v.droppedBytes = number(w, 4);
            v.droppedRecords = number(w, 5);
            v.replayed = number(w, 6);
        } else if (w[0] == "acked") {
            v.acked = number(w, 1);
            v.found = number(w, 2);
            v.chainOk = static_cast<int>(number(w, 3));
            v.stateOk = static_cast<int>(number(w, 4));
            v.inflight = number(w, 5);
            v.lost = number(w, 6);
        } else if (w[0] == "verified") {
            v.checked = true;
            v.checkOk = number(w, 1) != 0;
            v.records = number(w, 2);
            v.checkMs = number(w, 5);
        } else if (w[0] == "point" && w.size() >= 6) {
            // What the store holds now is the starting point of the next worker.
            m_verified.sequence = number(w, 1);
            m_verified.offset = number(w, 2);
            m_verified.chain = static_cast<std::uint32_t>(hexNumber(w, 3));
            m_verified.when = static_cast<Timestamp>(number(w, 4));
            m_ackSequence = m_verified.sequence;
            m_ackChain = m_verified.chain;
            m_ackState = hexNumber(w, 5);
            m_ackStateKnown = true;
            m_t.lastSequence = m_verified.sequence;
        } else if (w[0] == "memory") {
            m_t.verifierPeakKb = std::max(m_t.verifierPeakKb, number(w, 2));
        }
    }

    void afterKill() {
        const KillSpec spec = m_kills[m_nextKill++];
        const std::uint64_t number = ++m_t.kills;
        m_reopenKilled = 0;
        const VerifierFigures v = verify(m_verifyEach, spec.alsoReopen ? &spec : nullptr);
        KillSpec landed = spec; // where it landed: a late kill falls into a later cycle
        landed.cycle = m_killCycle;
        printKill(number, landed, m_killPhase, m_killMsIntoPhase, m_reopenKilled, v, m_lang);
    }

    int finish(const std::string& failure) {
        if (g_interrupted) m_t.interrupted = true;
        if (!failure.empty() && m_t.failure.empty()) m_t.failure = failure;
        printSummary(m_t, m_plan, m_dir, m_lang);
        if (m_t.interrupted) return kInterrupted;
        return m_t.clean() ? kOk : kFailed;
    }

    Plan m_plan;
    std::string m_dir;
    std::vector<KillSpec> m_kills;
    std::size_t m_nextKill = 0;
    bool m_verifyEach;
    Lang m_lang;
    Tally m_t;
    JournalPoint m_verified;
    std::uint64_t m_ackSequence = 0, m_ackChain = 0, m_ackState = 0;
    bool m_ackStateKnown = false;
    std::map<std::string, std::uint64_t> m_phaseMs; ///< last duration of each phase
    std::string m_phase;
    Clock::time_point m_phaseStart{};
    bool m_armed = false;
    Clock::time_point m_killAt{};
    std::string m_killPhase;
    std::uint64_t m_killCycle = 0;
    std::uint64_t m_killMsIntoPhase = 0;
    std::uint64_t m_reopenKilled = 0; ///< the number of the kill that hit the reopening
    std::uint64_t m_openMs = 500;
    bool m_done = false;
    std::string m_failure;
};

} // namespace

int runParent(Args& args) {
    Plan plan;
    plan.read(args);
    const std::string root = args.option("--dir").value_or("nuanxin-load");
    std::uint64_t kills = (plan.cycles + 1) / 2;
    if (auto v = args.option("--kills")) kills = parseCount("--kills", *v, true);
    const std::string verifyWhen = args.option("--verify").value_or("each");
    // The smoke test's: a clean run leaves nothing behind (a failed one keeps its store).
    const bool removeStore = args.flag("--remove-store");
    if (verifyWhen != "each" && verifyWhen != "end")
        throw UsageError{Str::CliBadTarget, verifyWhen};
    args.finish();
    const std::string dir =
        root + "/store-" + std::to_string(now()) + "-" + std::to_string(::getpid());
    PosixFileSystem fs;
    if (fs.exists(Store::journalPath(dir))) throw UsageError{Str::IoStoreNotEmpty, dir};
    if (!fs.makeDirs(dir)) {
        std::cerr << "nuanxin: " << dir << ": " << tr(Str::SerialFileWrite, args.lang()) << '\n';
        return kFailed;
    }
    std::signal(SIGINT, onLoadRunInterrupt);
    std::signal(SIGTERM, onLoadRunInterrupt);
    Parent parent(plan, dir, kills, verifyWhen == "each", args.lang());
    const int code = parent.run();
    if (code == kOk && removeStore) {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
    return code;
}

} // namespace load

int runLoadRun(Args& args) {
    if (args.flag("--worker")) return load::runWorker(args);
    if (args.flag("--verifier")) return load::runVerifier(args);
    return load::runParent(args);
}

} // namespace nuanxin::cli

#endif
