#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/geo/divisions.h"
#include "core/match/match.h"

namespace nuanxin {

/// @brief What `nuanxin bench match` generates and runs.
struct BenchOptions {
    std::size_t needs = 100000;
    std::size_t offers = 2000;
    std::uint64_t seed = 1;
    int repeats = 5;       ///< engine runs; the median is reported
    bool reference = true; ///< also run the reference mode (only when needs <= 100000)
    bool greedy = true;
    std::size_t referenceLimit = 100000;
    unsigned threads = 0; ///< the engine's solver threads, 0 = one per core
};

/// @brief One mode's figures.
struct BenchMode {
    bool ran = false;
    double ms = 0; ///< end to end (median of the repeats for the engine)
    double minMs = 0;
    double maxMs = 0;
    Objective objective;
    std::array<TierTotal, kMaxTiers> tiers{};
    int tierCount = 0;
    MatchStats stats; ///< of the last run
    std::uint64_t digest = 0;
};

struct BenchReport {
    BenchOptions options;
    std::size_t households = 0;
    double generateMs = 0;
    BenchMode engine;
    BenchMode reference;
    BenchMode greedy;
    std::optional<bool> objectiveEqualReference; ///< nullopt when the reference did not run
    double peakRssMb = 0;
    double instanceRssMb = 0; ///< peak after generating the instance, before any run
};

/// @brief A realistic synthetic campaign over the real counties of Sichuan, Hebei and Shanxi:
/// supply about 70% of demand per kind, offers at county, city and province coverage, some with
/// target groups and per-household caps. Own PRNG: the same bytes natively and in the browser.
[[nodiscard]] Dataset benchInstance(const BenchOptions& options, const DivisionRegistry& divisions);

/// @brief Generates the instance, runs engine, reference and greedy, collects the figures.
[[nodiscard]] Result<BenchReport>
runBench(const BenchOptions& options, const DivisionRegistry& divisions, const MatchPolicy& policy);

/// @brief One JSON object (needs, offers, classes, arcs, match_ms, peak_rss_mb, reference_ms,
/// greedy_ms, objective_equal_reference, tier_coverage {engine, greedy}, phases ...).
[[nodiscard]] std::string benchJson(const BenchReport& report);
/// @brief Plain text for people (English identifiers; numbers are language-neutral).
[[nodiscard]] std::string benchText(const BenchReport& report);

/// @brief Peak resident memory of this process in MB (wasm: size of the linear memory, which
/// only grows, so it is the peak too).
[[nodiscard]] double peakRssMb();

} // namespace nuanxin
