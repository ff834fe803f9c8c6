#pragma once
// What the offers table and the households table count about allocations: the one rule for
// "uses capacity" and "promised", and each offer's usage with its allocations grouped by offer,
// computed once per workspace revision.
#include <cstdint>
#include <vector>

#include "core/model/types.h"

namespace nuanxin {

/// @brief An allocation takes its offer's capacity (and serves its need) unless it was rejected
/// or cancelled: a proposal is counted too, because the next matching run treats it as taken.
[[nodiscard]] bool usesCapacity(AllocationStatus status);
/// @brief Approved or later (assigned, delivered, confirmed): promised to the household; the
/// store refuses an offer capacity below what these use.
[[nodiscard]] bool isPromised(AllocationStatus status);

/// @brief One offer's allocations, summed.
struct OfferUsage {
    std::int64_t used = 0;         ///< units of allocations that use capacity (usesCapacity)
    std::int64_t promised = 0;     ///< units of approved and later allocations
    std::uint32_t allocations = 0; ///< allocations that use capacity
    std::uint32_t proposed = 0;    ///< of which still awaiting approval
};

/// @brief Per-revision facts of every offer, in data-set order (row = position in
/// Dataset::offers).
struct OfferTable {
    std::vector<OfferUsage> usage; ///< one per offer
    /// Positions in Dataset::allocations of each offer's allocations (all statuses), by id:
    /// offer row r owns allocOrder[allocStart[r] .. allocStart[r + 1]).
    std::vector<std::uint32_t> allocStart;
    std::vector<std::uint32_t> allocOrder;
    /// Offers per donor row (Dataset::donors order).
    std::vector<std::uint32_t> donorOffers;
};

/// @brief Sums every offer's allocations. Allocations of unknown offers are skipped.
[[nodiscard]] OfferTable buildOfferTable(const Dataset& data);

/// @brief capacity − used; negative when an offer was over-allocated (shown as it is).
[[nodiscard]] inline std::int64_t remaining(const Offer& offer, const OfferUsage& usage) {
    return offer.capacity - usage.used;
}

} // namespace nuanxin
