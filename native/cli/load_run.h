#pragma once
// nuanxin load-run: a long run against a real store at campaign size (issue 8). A worker process
// imports, matches, reviews and edits through the Workspace, as the screens do, while the parent
// kills it with SIGKILL at random moments, reopens the store and checks that every transaction
// the worker acknowledged is still there. Three roles of the same binary, one line per message
// on the child's standard output:
//   parent   (load_run.cpp, load_run_report.cpp)  plans the kills, reads acknowledgements,
//            prints a progress line per cycle and the figures at the end
//   verifier (load_run_check.cpp)  opens the store (which repairs a torn tail), checks the last
//            acknowledged point against the journal and the state, runs the store's own check
//   worker   (load_run_worker.cpp)  the work; one acknowledgement per committed command
// Synthetic data comes from core/demo and core/match/bench (load_run_data.cpp).
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/geo/divisions.h"
#include "core/store/store.h"
#include "native/cli/cli.h"

namespace nuanxin::cli {

/// @brief `nuanxin load-run ...` (the parent), and its internal roles `--worker`, `--verifier`.
int runLoadRun(Args& args);

namespace load {

/// @brief Sizes and pacing of a run, the same in every role (children get them as options).
struct Plan {
    std::uint64_t households = 1000000; ///< registered by the fill before cycle 1
    std::uint64_t offers = 20000;       ///< registered by the fill
    std::uint64_t cycles = 10;
    std::uint64_t seed = 1;
    std::uint64_t batch = 2000;       ///< households imported by each cycle
    std::uint64_t fillBatch = 100000; ///< households per import while filling
    std::uint64_t offersPerCycle = 0; ///< offers imported by each cycle; 0: offers / 100
    std::uint64_t threads = 0;        ///< matching threads, 0: one per core
    std::uint64_t snapshotEvery = 1;  ///< cycles between snapshots

    /// @brief Reads the options above (absent ones keep their defaults).
    void read(Args& args);
    /// @brief The same options for a child's command line.
    [[nodiscard]] std::vector<std::string> options() const;
    [[nodiscard]] std::uint64_t perCycleOffers() const;
    /// @brief Every offer the run will register: the fill's and each cycle's.
    [[nodiscard]] std::uint64_t totalOffers() const;
};

/// @brief A point of the journal: the last transaction's sequence and time, the offset after it,
/// and the CRC-32 of every record's encoding up to it. Two readers who reach the same sequence
/// with the same chain have read the same transactions.
struct JournalPoint {
    std::uint64_t sequence = 0;
    std::uint64_t offset = 0; ///< 0: the start (the journal's header)
    std::uint32_t chain = 0;
    Timestamp when = 0;
};

/// @brief Moves `point` over the records written after it, calling `onRecord` with the point
/// after each one. False, with the reason in `error`, when the journal cannot be read there.
bool extendChain(const Store& store, JournalPoint& point, std::string& error,
                 const std::function<void(const JournalPoint&)>& onRecord = {});

/// @brief A digest of what the store holds (sequence, ids, statuses, quantities, contacts):
/// equal states give equal digests. Cheap enough to compute after every commit.
[[nodiscard]] std::uint64_t stateDigest(const State& state);

using Clock = std::chrono::steady_clock;
/// @brief Whole milliseconds from `start` to now.
[[nodiscard]] std::uint64_t millisSince(Clock::time_point start);

/// @brief This process's resident memory now and at its peak, in KiB (/proc/self/status).
struct Memory {
    std::uint64_t rssKb = 0;
    std::uint64_t peakKb = 0;
};
[[nodiscard]] Memory memoryNow();

/// @brief One message line to the parent: a word, then fields separated by spaces. Written with
/// one write(2), so a kill never leaves half a line in the pipe.
class Message {
public:
    explicit Message(const char* word) : m_line(word) {}
    Message& add(std::uint64_t value);
    Message& add(const std::string& value); ///< must not hold spaces or newlines
    Message& hex(std::uint64_t value);
    void send() const;

private:
    std::string m_line;
};

/// @brief The time of the run's clock in cycle `cycle`: campaign days from 2026-12-01, one hour
/// per cycle (the core never reads a clock; journals replay the same anywhere).
[[nodiscard]] Timestamp cycleTime(std::uint64_t cycle);

// ---- synthetic data (load_run_data.cpp) ----

/// @brief A CSV file for the import path and how many records it holds.
struct CsvBatch {
    std::string csv;
    std::size_t records = 0;
    std::size_t skipped = 0; ///< already in the store (an import repeated after a kill)
};

/// @brief `count` synthetic households (core/demo: names, ID numbers with valid check characters,
/// real counties), one row per person with the households' needs on their rows; households with
/// a member the store already holds are left out.
[[nodiscard]] CsvBatch householdsCsv(const State& state, const DivisionRegistry& divisions,
                                     std::uint64_t seed, std::size_t count, Date asOf);

/// @brief The donors and offers of the whole run (core/match/bench: county, city and province
/// coverage over real counties, supply about 70% of demand), each offer with its own donor;
/// titles and donor names are numbered so that a repeated import can leave them out.
struct Supply {
    std::vector<Donor> donors; ///< donors[i] gives offers[i]
    std::vector<Offer> offers;
};
[[nodiscard]] Supply makeSupply(const Plan& plan, const DivisionRegistry& divisions);
/// @brief Donors and offers [from, to) as CSV files, without those the store already holds.
[[nodiscard]] CsvBatch donorsCsv(const State& state, const Supply& supply, std::size_t from,
                                 std::size_t to);
[[nodiscard]] CsvBatch offersCsv(const State& state, const Supply& supply, std::size_t from,
                                 std::size_t to);

// ---- roles ----
int runParent(Args& args);
int runWorker(Args& args);
int runVerifier(Args& args);

/// @brief A lower-case hexadecimal option value (chains and digests); UsageError otherwise.
[[nodiscard]] std::uint64_t parseHex(const std::string& option, const std::string& text);
/// @brief Reads --chain-sequence/--chain-offset/--chain/--chain-when (a child's starting point).
[[nodiscard]] JournalPoint readPoint(Args& args);
/// @brief The options readPoint() reads.
[[nodiscard]] std::vector<std::string> pointOptions(const JournalPoint& point);

} // namespace load
} // namespace nuanxin::cli
