#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/match/policy.h"
#include "core/model/types.h"
#include "core/util/error.h"

namespace nuanxin {

/// @brief How to solve. Engine and Reference give the same objective (Reference is the judge);
/// Greedy is what a spreadsheet user does, kept for comparison.
enum class MatchMode : std::uint8_t {
    Engine,    ///< needs grouped into classes, NetworkSimplex on the class graph
    Reference, ///< one node per need, one arc per (need, eligible offer)
    Greedy,    ///< needs in registration order, each takes the first eligible offers with room
};

struct MatchOptions {
    MatchMode mode = MatchMode::Engine;
    bool reasons = true; ///< attach reasons to allocations (off: faster, for benchmarks)
    /// Threads solving the graph's components; 0 = one per core. The allocations do not depend
    /// on it. The browser build always uses one.
    unsigned threads = 0;
    /// The campaign's reference date (ages, deadline ranks); default: the data set's `asOf`.
    /// A store's data set has none of its own, so a front end passes today.
    std::optional<Date> asOf;
};

/// @brief The objective of the issue, as a vector compared lexicographically: units served per
/// tier (tier 0 first, more is better), then the sum of score x units (more is better), then the
/// sum of distance class x units and of deadline rank x units (less is better).
struct Objective {
    std::array<std::int64_t, kMaxTiers> served{};
    std::int64_t score = 0;
    std::int64_t distance = 0;
    std::int64_t deadline = 0;
    friend bool operator==(const Objective& a, const Objective& b) {
        return a.served == b.served && a.score == b.score && a.distance == b.distance &&
               a.deadline == b.deadline;
    }
    friend bool operator!=(const Objective& a, const Objective& b) { return !(a == b); }
};

/// @brief Negative when `a` is better than `b`, 0 when equal, positive when worse.
[[nodiscard]] int compareObjectives(const Objective& a, const Objective& b);
/// @brief "t0=12 t1=30 ... score=900 distance=14 deadline=55", for logs and test messages.
[[nodiscard]] std::string describe(const Objective& o);

/// @brief A need (partly) left unmet, and why.
struct UnmetNeed {
    NeedId need = 0;
    std::int64_t quantity = 0; ///< units not served
    int tier = 0;
    int score = 0;
    Str reason = Str::MatchUnmetNoOffer;
    std::string detail;
};

/// @brief Totals of one tier over the needs taking part in the run.
struct TierTotal {
    std::size_t needs = 0;
    std::size_t fullyServed = 0;
    std::int64_t demand = 0; ///< units still needed when the run started (after locked ones)
    std::int64_t served = 0; ///< units proposed by this run
    std::int64_t locked = 0; ///< units of locked allocations of these needs
};

/// @brief Sizes and per-phase times of a run; they explain the times.
struct MatchStats {
    double prepareMs = 0; ///< indexes, locked allocations, candidate offers
    double policyMs = 0;  ///< priority and eligibility calls, grouping by signature
    double buildMs = 0;
    double solveMs = 0;
    double handoutMs = 0;
    double reasonsMs = 0;
    double totalMs = 0;
    std::size_t needs = 0;  ///< needs taking part
    std::size_t offers = 0; ///< open offers
    std::size_t policyCalls = 0;
    std::size_t groups = 0;  ///< distinct eligibility signatures
    std::size_t classes = 0; ///< class (bucket) nodes of the flow graph
    std::size_t levels = 0;  ///< level arcs to the sink
    std::size_t hubs = 0;    ///< (household, capped offer) nodes of multi-need households
    std::size_t pools = 0;   ///< nodes pooling the non-binding offers of capped classes
    std::size_t nodes = 0;
    std::size_t arcs = 0;
    std::size_t components = 0;  ///< independent parts of the graph, solved one by one
    std::size_t largestArcs = 0; ///< arcs of the largest part
    std::size_t threads = 0;     ///< threads that solved them (1 in the browser)
};

/// @brief Everything a run produces. Ordered output only (no hash-map order anywhere), so the
/// same input gives the same bytes natively and in the browser.
struct MatchResult {
    /// Locked allocations first, unchanged, in input order; then the new proposals by (need,
    /// offer), with ids after the largest existing id.
    std::vector<Allocation> allocations;
    std::size_t lockedCount = 0;
    std::vector<UnmetNeed> unmet; ///< by need id
    int tierCount = 0;
    std::array<TierTotal, kMaxTiers> tiers{};
    Objective objective; ///< of the new proposals
    MatchStats stats;
};

/// @brief Runs a matching on a data set: locked allocations (flag set, or approved and later)
/// are kept and taken out first; open needs get proposals from open offers.
[[nodiscard]] Result<MatchResult> match(const Dataset& data, const MatchPolicy& policy,
                                        const MatchOptions& options = {});

/// @brief One difference between two runs for a (need, offer) pair.
struct AllocationChange {
    NeedId need = 0;
    OfferId offer = 0;
    std::int64_t before = 0;
    std::int64_t after = 0;
};

/// @brief What changed between two allocation lists (summed per pair), ordered by (need, offer).
[[nodiscard]] std::vector<AllocationChange> diffAllocations(const std::vector<Allocation>& before,
                                                            const std::vector<Allocation>& after);

/// @brief FNV-1a digest of the allocations' (need, offer, quantity) in order, for comparing runs
/// (native vs browser) without shipping the lists.
[[nodiscard]] std::uint64_t allocationDigest(const std::vector<Allocation>& allocations);

} // namespace nuanxin
