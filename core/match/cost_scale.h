#pragma once
#include <cstdint>

namespace nuanxin {

/// @brief Deadline rank of a need: days from the campaign's reference date, clamped to 0..30.
/// Deadlines a month or more away are all "late"; the clamp keeps the lowest criterion small.
inline constexpr int kMaxDeadlineRank = 30;

/// @brief Integer weights that make one scalar min-cost flow reproduce the lexicographic
/// objective (tier units, then score, then distance, then deadline) exactly.
///
/// Why it is exact. A flow is lexicographically optimal iff its residual graph has no
/// lexicographically negative simple cycle, and scalar-optimal iff no negative one; so it is
/// enough that every simple cycle has the same sign under both. In our graphs every arc that
/// carries tier, score or deadline ends at the sink t (level arcs, and the zero-cost bypass
/// s->t, which stands for "not served"). A simple cycle passes t at most once, so it holds at
/// most two such arcs (one forward, one backward): its deadline part lies in [-30, 30] and its
/// score part in [-100, 100]; its distance part is at most 3 per arc, so at most 3N for N nodes.
/// Hence, with weights D (distance), S (score) and a step T between adjacent tiers:
///   D = 31                > 30                    (distance decides before deadline)
///   S = 31 (3N + 1)       > 3N D + 30             (score before distance and deadline)
///   T = 101 S             > 100 S + 3N D + 30     (one more unit of a higher tier wins)
/// A level arc of tier k (0 = highest) out of K tiers costs -(K - k) T - S score + rank.
///
/// Why it cannot overflow. LEMON's NetworkSimplex (int64 costs) starts its artificial arcs at
/// 2^62 and keeps node potentials within 2^62 + N C (C = largest |arc cost|, a tree path has at
/// most N real arcs); reduced costs c + pi(u) - pi(v) stay within 2^62 + (2N + 1) C. So we
/// require (2N + 2) C < 2^62. With K = 8 tiers, C < 909 S ~ 84,500 N, i.e. about 1.7e5 N^2 <
/// 4.6e18: N up to about 5.2 million nodes. The promised size (1,000,000 needs, 20,000 offers)
/// needs about 1.02 million nodes even in reference mode (one node per need); the class graph
/// is far smaller. test_match_cost.cpp checks these figures; match() refuses larger graphs.
struct CostScale {
    std::int64_t distance = 0; ///< D
    std::int64_t score = 0;    ///< S
    std::int64_t tierStep = 0; ///< T
    int tiers = 1;             ///< K
    std::int64_t maxArcCost = 0;
    bool fits = false; ///< (2N + 2) * maxArcCost < 2^62
};

/// @brief Weights for a graph of `nodes` nodes and `tiers` tiers (1..kMaxTiers).
[[nodiscard]] CostScale costScale(std::int64_t nodes, int tiers);

/// @brief Cost of one unit on a level arc (negative: serving is always worth it).
[[nodiscard]] std::int64_t levelCost(const CostScale& scale, int tier, int score, int rank);

/// @brief Cost of one unit on an offer arc of the given distance class.
[[nodiscard]] inline std::int64_t distanceCost(const CostScale& scale, int distance) {
    return scale.distance * distance;
}

} // namespace nuanxin
