#pragma once
// The dashboard's figures beyond the store's summary: how much is needed, matched, delivered and
// still missing per province → city → county and per kind, and the most urgent unmet needs.
// Computed in one pass over needs and allocations, once per revision of the store (the screen
// keeps the result); no ImGui here.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/state.h"

namespace nuanxin {

inline constexpr std::size_t kKindCount = static_cast<std::size_t>(Kind::Count_);

/// @brief Needed, matched, delivered and missing, in needs and in units. Units only add up
/// within one kind (kg of coal and yuan of subsidy do not): over several kinds read the counts.
///
/// A cancelled need counts nowhere. "Matched" is what allocations in force (every status but
/// rejected and cancelled, proposals included) give a need, at most its quantity; "delivered"
/// the same for delivered and confirmed ones. The gap is what the needs still open (open or
/// partly met) lack: quantity − matched. A need closed or met by hand has no gap.
struct GapFigures {
    std::size_t needs = 0;
    std::size_t needsMatched = 0;   ///< whose whole quantity is matched
    std::size_t needsDelivered = 0; ///< whose whole quantity is delivered
    std::size_t needsWithGap = 0;   ///< still open and not wholly matched
    std::int64_t needed = 0;
    std::int64_t matched = 0;
    std::int64_t delivered = 0;
    std::int64_t gap = 0;
};

/// @brief One province, city or county with its figures, in total and per kind.
struct AreaFigures {
    std::string code; ///< 2, 4 or 6 digits
    GapFigures all;
    std::array<GapFigures, kKindCount> byKind{};
    /// Open offers whose coverage reaches into the area (covers it, a part of it, or a larger
    /// area around it); one offer counts in every area it reaches, so these do not add up.
    std::size_t offers = 0;
    std::array<std::size_t, kKindCount> offersByKind{};
};

/// @brief An open need with units still unmatched, as the dashboard lists it: no personal data
/// (the screen shows the head's name beside it, nothing else of the household).
struct UrgentNeed {
    NeedId need = 0;
    HouseholdId household = 0;
    std::string county; ///< the household's division code
    Kind kind = Kind::Coal;
    int tier = 0;
    Urgency urgency = Urgency::Normal;
    Date deadline;
    std::int64_t unmet = 0; ///< quantity − matched
};

struct DashboardFigures {
    /// Every area with a need, ordered by code ("51" < "5101" < "510104" < "5102").
    std::vector<AreaFigures> areas;
    GapFigures total;
    std::array<GapFigures, kKindCount> byKind{};
    /// Most urgent first: tier, then urgency (critical first), then deadline, then need id.
    std::vector<UrgentNeed> urgent;
};

/// @brief The tier the region's policy gives a need (0 is served first).
using TierOf = std::function<int(const Household&, const Need&)>;

/// @brief Figures of the state's data set. `tierOf` ranks the urgent needs (empty: all tier 0);
/// it is asked only for needs that are open with units unmatched.
[[nodiscard]] DashboardFigures computeDashboard(const State& state, const TierOf& tierOf,
                                                std::size_t urgentLimit = 20);

/// @brief The areas one level below `parent`: "" → provinces, "51" → its cities, "5101" → its
/// counties; in code order.
[[nodiscard]] std::vector<const AreaFigures*> childAreas(const DashboardFigures& figures,
                                                         std::string_view parent);
/// @brief The area with this (2, 4 or 6-digit) code; nullptr when it has no need.
[[nodiscard]] const AreaFigures* findArea(const DashboardFigures& figures, std::string_view code);

} // namespace nuanxin
