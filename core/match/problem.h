#pragma once
// Internal to core/match: the matching problem after preparation, shared by the three modes.
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

#include "core/match/match.h"
#include "core/match/policy.h"
#include "core/model/types.h"

namespace nuanxin::matchdetail {

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
inline constexpr std::int64_t kNoCap = std::numeric_limits<std::int64_t>::max();

/// @brief An eligible offer of a need: index into Problem::offers and distance class.
struct Cand {
    std::uint32_t offer = 0;
    std::uint8_t dist = 0;
    friend bool operator==(const Cand& a, const Cand& b) {
        return a.offer == b.offer && a.dist == b.dist;
    }
};

/// @brief A need taking part in the run.
struct PNeed {
    std::uint32_t need = 0;      ///< index into Dataset::needs
    std::uint32_t household = 0; ///< index into Dataset::households
    std::int64_t quantity = 0;   ///< still needed after locked allocations
    std::uint8_t tier = 0;
    std::uint8_t score = 0;
    std::uint8_t rank = 0;       ///< deadline rank 0..kMaxDeadlineRank
    bool multi = false;          ///< the household has another taking-part need of this kind
    std::uint32_t order = 0;     ///< position in the tie order
    std::uint32_t reasons = 0;   ///< index into Problem::reasonPool
    std::uint32_t group = kNone; ///< eligibility group, kNone when nothing is eligible
    /// When group == kNone: the rule that failed for the nearest candidate offer (kNone: there
    /// was no candidate of this kind covering the county).
    std::uint32_t missOffer = kNone;
    Str missReason = Str::MatchUnmetNoOffer;
};

/// @brief An open offer.
struct POffer {
    std::uint32_t offer = 0; ///< index into Dataset::offers
    std::int64_t remaining = 0;
    std::int64_t cap = 0; ///< per-household cap, 0 = none
};

/// @brief Level of a need: smaller is served first (tier, then higher score, then deadline).
[[nodiscard]] inline std::uint32_t levelKey(const PNeed& n) {
    return (std::uint32_t{n.tier} << 16) | (std::uint32_t(kMaxScore - n.score) << 8) | n.rank;
}
[[nodiscard]] inline int levelTier(std::uint32_t key) { return static_cast<int>(key >> 16); }
[[nodiscard]] inline int levelScore(std::uint32_t key) {
    return kMaxScore - static_cast<int>((key >> 8) & 0xffU);
}
[[nodiscard]] inline int levelRank(std::uint32_t key) { return static_cast<int>(key & 0xffU); }

struct Problem {
    const Dataset* data = nullptr;
    Date asOf;                             ///< the run's reference date
    std::vector<PNeed> needs;              ///< in data order
    std::vector<std::uint32_t> byOrder;    ///< needs indices in tie order
    std::vector<POffer> offers;            ///< open offers in data order
    std::vector<std::vector<Cand>> groups; ///< eligible offers per group, by offer index
    std::vector<std::uint32_t> groupList;  ///< per group: its candidate list (county, kind, unit)
    std::vector<std::vector<Reason>> reasonPool;
    std::vector<const Donor*> donorOf; ///< per offer, nullptr when unknown
    std::vector<std::size_t> locked;   ///< indices into Dataset::allocations kept as they are
    /// locked units per (household index << 32 | offer index), for per-household caps
    std::unordered_map<std::uint64_t, std::int64_t> lockedHousehold;
    int tierCount = 1;
    std::size_t policyCalls = 0;
    double prepareMs = 0;
    double policyMs = 0;

    /// @brief How much more `offer` may give to the household of `need` (kNoCap: no cap).
    [[nodiscard]] std::int64_t capLeft(const PNeed& need, std::uint32_t offer) const;
};

/// @brief Indexes, locked allocations, priorities, eligibility groups; `asOf` is the run's
/// reference date (ages and deadline ranks).
[[nodiscard]] Problem prepare(const Dataset& data, const MatchPolicy& policy, const Date& asOf);

/// @brief Units of an offer given to a need (indices into Problem::needs / offers).
struct RawAllocation {
    std::uint32_t need = 0;
    std::uint32_t offer = 0;
    std::int64_t quantity = 0;
    std::uint8_t dist = 0; ///< distance class of the offer for the need
};

/// @brief What a spreadsheet user does.
[[nodiscard]] std::vector<RawAllocation> solveGreedy(const Problem& problem);

/// @brief Allocations with reasons, unmet needs with reasons, totals, objective.
[[nodiscard]] MatchResult makeReport(const Problem& problem, std::vector<RawAllocation> raw,
                                     const MatchPolicy& policy, const MatchOptions& options);

/// @brief Milliseconds since `start` (steady clock), for the phase timings.
[[nodiscard]] double msSince(std::int64_t startNs);
[[nodiscard]] std::int64_t nowNs();

} // namespace nuanxin::matchdetail
