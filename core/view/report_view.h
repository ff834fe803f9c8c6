#pragma once
// What the reports screen draws from a coverage report (core/report/coverage.h): the areas of
// one drill-down level, the parts of each area's stacked bar, the kinds with needs, unmet needs
// by why, and the campaign's time series as plot arrays. Made once per report (the screen keeps
// them), never per frame; no ImGui here.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/report/coverage.h"

namespace nuanxin {

/// @brief The day a report is made for by default: today where the user is (`utcOffsetMinutes`
/// east of UTC; 480 in China), not the UTC day.
[[nodiscard]] Date localDay(Timestamp now, int utcOffsetMinutes);

/// @brief The areas one level below `parent`: "" → provinces, "51" → its cities, "5101" → its
/// counties, in code order. Empty below a county.
[[nodiscard]] std::vector<const AreaCoverage*> reportChildren(const CoverageReport& report,
                                                              std::string_view parent);
/// @brief The steps from "everywhere" down to `parent`: "" → {""}, "5101" → {"", "51", "5101"}.
[[nodiscard]] std::vector<std::string> drillPath(std::string_view parent);
/// @brief Whether an area has a level below it in the report (provinces and cities do).
[[nodiscard]] bool canDrillDown(std::string_view code);

/// @brief The figures of all kinds (`kind` < 0) or of one kind.
[[nodiscard]] const CoverageFigures& figuresOf(const AreaCoverage& area, int kind);

/// @brief One area's (or kind's) bar, in needs over all kinds and in units for one kind (units
/// of different kinds do not add up). The parts are disjoint and follow the life of a need:
/// confirmed, delivered (not yet confirmed), approved (not yet delivered), matched (not yet
/// approved), unmet; `other` is what is registered but none of these (closed needs, needs met
/// by hand). Each part is at least 0.
struct CoverageBar {
    std::int64_t registered = 0;
    std::int64_t confirmed = 0;
    std::int64_t deliveredOnly = 0;
    std::int64_t approvedOnly = 0;
    std::int64_t matchedOnly = 0;
    std::int64_t unmet = 0;
    std::int64_t other = 0;
};
[[nodiscard]] CoverageBar coverageBar(const CoverageFigures& figures, bool units);

/// @brief The kinds with a registered need in `area`, in catalogue order.
[[nodiscard]] std::vector<Kind> kindsWithNeeds(const AreaCoverage& area);

/// @brief Unmet needs (or units) per reason, in UnmetWhy order.
[[nodiscard]] std::array<std::int64_t, kUnmetWhyCount> unmetByWhy(const CoverageFigures& figures,
                                                                  bool units);

/// @brief The time series as arrays a plot takes: one value per time point, cumulative, and the
/// deliveries made in each step (the difference to the step before; the first step counts from
/// 0). `top` is the largest value of the cumulative series (0 when empty), a shared scale.
struct TimelineSeries {
    std::vector<std::string> days; ///< "YYYY-MM-DD" of each point
    std::vector<float> needs;
    std::vector<float> matched;
    std::vector<float> approved;
    std::vector<float> delivered;
    std::vector<float> confirmed;
    std::vector<float> deliveredInStep;
    float top = 0.0f;
};
[[nodiscard]] TimelineSeries timelineSeries(const CoverageReport& report);

} // namespace nuanxin
