#pragma once
// What the matching screen shows of a finished run, computed once per run: totals per tier,
// unmet needs grouped by reason and kind, and how the allocations changed against the run before.
// No ImGui here: plain functions over the run's outcome and the state, tested on their own.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/match/match.h"
#include "core/store/state.h"

namespace nuanxin {

/// @brief One tier of a run as a row of the results: its totals and the share of its units
/// covered, counting locked allocations as covered (they serve the need as much as new ones).
struct TierRow {
    int tier = 0;
    std::size_t needs = 0;
    std::size_t fullyServed = 0;
    std::int64_t demand = 0; ///< units still open when the run started (locked ones excluded)
    std::int64_t served = 0; ///< units the run proposed
    std::int64_t locked = 0; ///< units of locked allocations of these needs
    /// @brief (served + locked) / (demand + locked), 0..1; 0 for a tier without units.
    double coverage = 0.0;
};

/// @brief The tiers the run used (0 .. tierCount-1), in order, empty tiers included so the rows
/// line up with the policy's tier numbers.
[[nodiscard]] std::vector<TierRow> tierRows(const MatchResult& result);

/// @brief Unmet units of one kind under one reason (a unit belongs to its kind: coal in kg and
/// subsidies in yuan are never added together).
struct UnmetKind {
    Kind kind = Kind::Coal;
    std::size_t needs = 0;
    std::int64_t quantity = 0;
};

/// @brief The unmet needs that share one reason.
struct UnmetGroup {
    Str reason = Str::MatchUnmetNoOffer;
    std::size_t needs = 0;
    std::vector<UnmetKind> kinds; ///< most needs first, then by kind
};

/// @brief Unmet needs grouped by reason, the reason with the most needs first (ties: the key's
/// order in the table). A need the state no longer knows is counted in its group but under no
/// kind (its kind is unknown).
[[nodiscard]] std::vector<UnmetGroup> unmetByReason(const std::vector<UnmetNeed>& unmet,
                                                    const State& state);

/// @brief How many (need, offer) pairs a run added, removed or resized, and the units before
/// and after over all of them.
struct ChangeCounts {
    std::size_t added = 0;   ///< before 0, after > 0
    std::size_t removed = 0; ///< before > 0, after 0
    std::size_t changed = 0; ///< both > 0 and different
    std::int64_t unitsBefore = 0;
    std::int64_t unitsAfter = 0;
};

[[nodiscard]] ChangeCounts countChanges(const std::vector<AllocationChange>& changes);

} // namespace nuanxin
