#pragma once
// Coverage reports (应保尽保): per province → city → county and per kind, donor use per offer,
// per approval tier, 先行救助 cases, and the campaign over time. Every figure comes from the
// journal replayed up to the end of a day: the transactions recorded (their `when`) before that
// moment, in journal order, applied as opening the store would apply them. A report for a past
// day is therefore the same whenever it is made: later records are never read.
//
// Eligibility and "why unmet" also ask the region's rules (the plugins over the national
// default) about the state of that day; with the same plugins and settings they give the same
// answer. Plugin settings are not journaled yet: changing them changes those two columns of
// past reports, and nothing else.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/geo/divisions.h"
#include "core/match/policy.h"
#include "core/model/types.h"
#include "core/plugin/host.h"
#include "core/store/state.h"
#include "core/store/store.h"

namespace nuanxin {

inline constexpr std::size_t kReportKinds = static_cast<std::size_t>(Kind::Count_);

/// @brief Why a need (or part of it) is not covered by any allocation in force.
enum class UnmetWhy : std::uint8_t {
    NoEligibleOffer = 0, ///< no offer of the day is eligible for it (kind, coverage, groups ...)
    OffersUsedUp,        ///< eligible offers exist, with no capacity left
    CapReached,          ///< eligible offers with room, but the household reached their caps
    NotMatchedYet,       ///< an eligible offer has room: the next matching run can serve it
    Count_
};
inline constexpr std::size_t kUnmetWhyCount = static_cast<std::size_t>(UnmetWhy::Count_);
[[nodiscard]] Str label(UnmetWhy why);
[[nodiscard]] std::string_view name(UnmetWhy why);

/// @brief The figures of one area (or all) and one kind (or all). Needs are counted, and units
/// summed (units add up only within one kind: over all kinds read the counts).
///  - registered: needs not cancelled; households: registered households (for one kind: those
///    with a need of it);
///  - eligible: needs with an allocation in force or at least one eligible offer (open or
///    exhausted, not withdrawn);
///  - matched / approved / delivered / confirmed: units of allocations in force that are
///    proposed or later / approved (isApproved) / delivered or confirmed / confirmed, at most the
///    need's quantity; the *Needs counts are needs whose whole quantity got there;
///  - unmet: units of open needs (open or partly met) not matched, with why; a need closed or
///    met by hand has none.
struct CoverageFigures {
    std::size_t households = 0;
    std::size_t needs = 0;
    std::int64_t units = 0;
    std::size_t eligibleNeeds = 0;
    std::size_t matchedNeeds = 0;
    std::int64_t matchedUnits = 0;
    std::size_t approvedNeeds = 0;
    std::int64_t approvedUnits = 0;
    std::size_t deliveredNeeds = 0;
    std::int64_t deliveredUnits = 0;
    std::size_t confirmedNeeds = 0;
    std::int64_t confirmedUnits = 0;
    std::size_t unmetNeeds = 0;
    std::int64_t unmetUnits = 0;
    std::array<std::size_t, kUnmetWhyCount> unmetNeedsBy{};
    std::array<std::int64_t, kUnmetWhyCount> unmetUnitsBy{};
};

/// @brief One area: a 2-digit province, 4-digit city or 6-digit county code ("" = everywhere),
/// with its figures over all kinds and per kind.
struct AreaCoverage {
    std::string code;
    CoverageFigures all;
    std::array<CoverageFigures, kReportKinds> byKind{};
};

/// @brief What one offer gave (donor use), in its units and in fen.
struct OfferUse {
    OfferId offer = 0;
    DonorId donor = 0;
    Kind kind = Kind::Coal;
    std::int64_t capacity = 0;
    std::int64_t unitValueFen = 0;
    std::int64_t proposed = 0;  ///< units of proposals still waiting
    std::int64_t approved = 0;  ///< units approved (approved and later, 先行救助 once approved)
    std::int64_t delivered = 0; ///< units delivered or confirmed
    std::int64_t confirmed = 0;
    std::int64_t left = 0;      ///< capacity − units of allocations in force
};

/// @brief Allocations by the approval tier recorded for them (-1: no approval asked yet,
/// e.g. waiting proposals or allocations approved before tiers were recorded).
struct TierUse {
    int tier = -1;
    std::size_t allocations = 0; ///< in force
    std::int64_t amountFen = 0;
    std::size_t waiting = 0;     ///< not approved yet
    std::size_t approved = 0;
    std::size_t delivered = 0;
    std::size_t advance = 0;     ///< 先行救助 cases
};

/// @brief A 先行救助 case: assigned or delivered before its approval.
struct AdvanceCase {
    AllocationId allocation = 0;
    std::string county;
    Kind kind = Kind::Coal;
    std::int64_t amountFen = 0;
    int tier = -1;
    AllocationStatus status = AllocationStatus::Assigned;
    bool delivered = false;
    Timestamp deliveredAt = 0;
    bool approved = false; ///< its approval has followed
};

/// @brief The campaign at the end of one day (or week): cumulative counts.
struct TimePoint {
    Date day;
    std::size_t households = 0;
    std::size_t needs = 0;
    std::size_t matchedNeeds = 0;
    std::size_t approvedNeeds = 0;
    std::size_t deliveredNeeds = 0;
    std::size_t confirmedNeeds = 0;
    std::size_t tasks = 0;
    std::size_t tasksDone = 0; ///< delivered (done) or confirmed
};

enum class ReportStep : std::uint8_t { Day = 0, Week };

struct ReportOptions {
    Date day;                    ///< the report as it stood at the end of this day
    /// The day ends at midnight of this offset from UTC (480: China Standard Time). The core's
    /// other dates are UTC days; a front end in China passes 480.
    int utcOffsetMinutes = 0;
    ReportStep step = ReportStep::Day; ///< the time series' step (a week ends on Sunday)
    Lang lang = Lang::Zh;              ///< of the plugins' texts asked for eligibility
};

struct CoverageReport {
    Date day;
    Timestamp cutoff = 0;            ///< first second not included
    std::uint64_t lastSequence = 0;  ///< last journal record included
    std::size_t records = 0;         ///< journal records included
    std::size_t skipped = 0;         ///< records before the cutoff that did not apply (damage)
    AreaCoverage total;              ///< code ""
    std::vector<AreaCoverage> areas; ///< every area with a household, by code ("51" < "5101" ...)
    std::vector<OfferUse> offers;    ///< by offer id
    std::vector<TierUse> tiers;      ///< by tier, -1 first; only tiers with allocations
    std::vector<AdvanceCase> advance; ///< by allocation id
    std::vector<TimePoint> timeline; ///< from the first record's day to `day`
    std::size_t tasks = 0, tasksDone = 0, tasksConfirmed = 0, tasksCancelled = 0;
};

/// @brief The report of the state as it is (no journal): what coverageReport() computes once the
/// journal is replayed. `timeline` is left empty.
[[nodiscard]] CoverageReport computeCoverage(const State& state, const MatchPolicy& policy,
                                             const Date& asOf);

/// @brief Replays the store's journal up to the end of `options.day` into a fresh state and
/// reports on it, with the time series; the region's rules from `plugins` (over the national
/// default). Errors: the journal could not be read.
[[nodiscard]] Result<CoverageReport> coverageReport(const Store& store, const PluginHost& plugins,
                                                    const ReportOptions& options);

/// @brief The first second after the end of `day` at `utcOffsetMinutes`.
[[nodiscard]] Timestamp endOfDay(const Date& day, int utcOffsetMinutes);

/// @brief The report's tables as CSV for Excel (UTF-8 with BOM, every cell quoted), headers in
/// `lang`. No personal data is in any of them.
enum class CoverageTable : std::uint8_t { Areas = 0, Offers, Tiers, Advance, Timeline };
[[nodiscard]] std::string coverageCsv(const CoverageReport& report, CoverageTable table,
                                      const DivisionRegistry& divisions, Lang lang);

/// @brief The area with this code ("" = total); nullptr when it has no household.
[[nodiscard]] const AreaCoverage* findArea(const CoverageReport& report, const std::string& code);

} // namespace nuanxin
