#include "core/match/cost_scale.h"

#include <limits>

#include "core/match/eligibility.h"
#include "core/match/policy.h"

namespace nuanxin {

CostScale costScale(std::int64_t nodes, int tiers) {
    CostScale s;
    s.tiers = tiers < 1 ? 1 : (tiers > kMaxTiers ? kMaxTiers : tiers);
    constexpr std::int64_t kLimit = std::int64_t{1} << 62;
    // Refuse before any product could overflow: nodes above 2^25 are far beyond the bound anyway.
    if (nodes < 0 || nodes > (std::int64_t{1} << 25)) return s;
    s.distance = kMaxDeadlineRank + 1;
    s.score = s.distance * (kMaxDistance * nodes + 1);
    s.tierStep = (kMaxScore + 1) * s.score;
    s.maxArcCost = s.tiers * s.tierStep + kMaxScore * s.score;
    s.fits = s.maxArcCost <= (kLimit - 1) / (2 * nodes + 2);
    return s;
}

std::int64_t levelCost(const CostScale& scale, int tier, int score, int rank) {
    return -static_cast<std::int64_t>(scale.tiers - tier) * scale.tierStep - scale.score * score +
           rank;
}

} // namespace nuanxin
