#pragma once
// The parent's side of the load run: what it counts while the worker and the verifier run, and
// how it prints it (load_run_report.cpp).
#include <cstdint>
#include <string>
#include <vector>

#include "native/cli/load_run.h"

namespace nuanxin::cli::load {

/// @brief One cycle as the worker reported it (cycle 0 is the fill).
struct CycleFigures {
    std::uint64_t cycle = 0;
    std::uint64_t worker = 0; ///< which worker process ran it (1, 2 ... one more per restart)
    std::uint64_t ms = 0;
    std::uint64_t rssKb = 0, peakKb = 0;
    std::uint64_t households = 0, needs = 0, offers = 0, allocations = 0;
    std::uint64_t withdrawn = 0; ///< allocations that are proposals a later run withdrew
    std::uint64_t journalBytes = 0, snapshotBytes = 0;
    // What the cycle did (over every attempt of it, when a kill interrupted one).
    std::uint64_t householdsAdded = 0, offersAdded = 0, proposed = 0, matchMs = 0, approved = 0;
};

/// @brief What the verifier said after a kill (or at the start or the end).
struct VerifierFigures {
    bool opened = false;
    std::uint64_t openMs = 0;
    bool snapshotUsed = false, tailCut = false;
    std::uint64_t droppedBytes = 0, droppedRecords = 0, replayed = 0;
    std::uint64_t acked = 0, found = 0, inflight = 0, lost = 0;
    int chainOk = 2, stateOk = 2; ///< 1 equal, 0 different, 2 not compared
    bool checked = false, checkOk = false;
    std::uint64_t records = 0, checkMs = 0;
    int exitCode = -1;
};

/// @brief A kill the parent plans: in which cycle, during which phase, how far into it.
struct KillSpec {
    std::uint64_t cycle = 0;
    std::string phase;
    double fraction = 0.5;   ///< of the phase's last measured duration
    bool alsoReopen = false; ///< kill the reopening verifier too
    double reopenFraction = 0.5;
};

struct Tally {
    Clock::time_point start = Clock::now();
    std::vector<CycleFigures> cycles; ///< completed, in order
    CycleFigures current;
    std::uint64_t kills = 0, reopenKills = 0, workerStarts = 0;
    std::uint64_t matchRuns = 0, imports = 0, householdsImported = 0, offersImported = 0;
    std::uint64_t approvals = 0, refused = 0, rejectedRows = 0, acks = 0;
    std::uint64_t tailCuts = 0, droppedBytes = 0;
    std::uint64_t losses = 0, chainMismatches = 0, stateMismatches = 0;
    std::uint64_t fullChecks = 0, fullChecksFailed = 0, verifierPeakKb = 0;
    std::uint64_t firstSequence = 0, lastSequence = 0;
    std::string failure; ///< why the run failed (empty: it did not)
    bool interrupted = false;

    [[nodiscard]] bool clean() const {
        return failure.empty() && losses == 0 && chainMismatches == 0 && stateMismatches == 0 &&
               fullChecksFailed == 0;
    }
};

/// @brief "1,234,567".
[[nodiscard]] std::string grouped(std::uint64_t n);
/// @brief Milliseconds as seconds with one decimal ("12.3").
[[nodiscard]] std::string seconds(std::uint64_t ms);
/// @brief The translated name of a worker phase ("match" → 匹配).
[[nodiscard]] std::string phaseName(const std::string& phase, Lang lang);

void printStart(const Plan& plan, std::uint64_t kills, const std::string& dir, Lang lang);
void printCycle(const CycleFigures& c, const Plan& plan, Lang lang);
/// @brief The line about one kill and what reopening found.
/// `reopenKilled`: the number of a second kill that hit the reopening (0: none).
void printKill(std::uint64_t number, const KillSpec& spec, const std::string& landedIn,
               std::uint64_t msIntoPhase, std::uint64_t reopenKilled, const VerifierFigures& v,
               Lang lang);
/// @brief The final check's line.
void printFinalCheck(const VerifierFigures& v, Lang lang);
void printSummary(const Tally& t, const Plan& plan, const std::string& dir, Lang lang);

} // namespace nuanxin::cli::load
