// The coverage report's tables as CSV (coverage.h): one header line in the user's language,
// then one line per row; stable codes (area codes, ids) beside the translated names.
#include <string>
#include <vector>

#include "core/io/csv_write.h"
#include "core/report/coverage.h"

namespace nuanxin {
namespace {

using Row = std::vector<std::string>;

std::string n(std::int64_t v) {
    return std::to_string(v);
}
std::string n(std::size_t v) {
    return std::to_string(v);
}

Row figureHeaders(Lang lang) {
    Row h = {tr(Str::ColHouseholds, lang),     tr(Str::ColNeeds, lang),
             tr(Str::ColUnits, lang),          tr(Str::ColEligible, lang),
             tr(Str::ColMatchedNeeds, lang),   tr(Str::ColMatchedUnits, lang),
             tr(Str::ColApprovedNeeds, lang),  tr(Str::ColApprovedUnits, lang),
             tr(Str::ColDeliveredNeeds, lang), tr(Str::ColDeliveredUnits, lang),
             tr(Str::ColConfirmedNeeds, lang), tr(Str::ColConfirmedUnits, lang),
             tr(Str::ColUnmetNeeds, lang),     tr(Str::ColUnmetUnits, lang)};
    for (std::size_t w = 0; w < kUnmetWhyCount; ++w) {
        const std::string why = tr(label(static_cast<UnmetWhy>(w)), lang);
        h.push_back(std::string(tr(Str::ColUnmetNeeds, lang)) + ": " + why);
        h.push_back(std::string(tr(Str::ColUnmetUnits, lang)) + ": " + why);
    }
    return h;
}

void figureCells(Row& row, const CoverageFigures& f) {
    for (std::string cell :
         {n(f.households), n(f.needs), n(f.units), n(f.eligibleNeeds), n(f.matchedNeeds),
          n(f.matchedUnits), n(f.approvedNeeds), n(f.approvedUnits), n(f.deliveredNeeds),
          n(f.deliveredUnits), n(f.confirmedNeeds), n(f.confirmedUnits), n(f.unmetNeeds),
          n(f.unmetUnits)}) {
        row.push_back(std::move(cell));
    }
    for (std::size_t w = 0; w < kUnmetWhyCount; ++w) {
        row.push_back(n(f.unmetNeedsBy[w]));
        row.push_back(n(f.unmetUnitsBy[w]));
    }
}

void areaRows(std::string& out, const AreaCoverage& area, const DivisionRegistry& divisions,
              Lang lang) {
    const std::string name =
        area.code.empty() ? std::string(tr(Str::ColTotal, lang)) : divisions.fullName(area.code);
    Row row = {area.code, name, "", tr(Str::ColAllKinds, lang)};
    figureCells(row, area.all);
    out += csvLine(row);
    for (Kind k : allOf<Kind>()) {
        const CoverageFigures& f = area.byKind[static_cast<std::size_t>(k)];
        if (f.needs == 0) continue;
        row = {area.code, name, std::string(nuanxin::name(k)), tr(label(k), lang)};
        figureCells(row, f);
        out += csvLine(row);
    }
}

std::string yesNo(bool v, Lang lang) {
    return tr(v ? Str::ColYes : Str::ColNo, lang);
}

} // namespace

std::string coverageCsv(const CoverageReport& report, CoverageTable table,
                        const DivisionRegistry& divisions, Lang lang) {
    std::string out(kUtf8Bom);
    switch (table) {
    case CoverageTable::Areas: {
        Row h = {tr(Str::ColArea, lang), tr(Str::ColAreaName, lang), tr(Str::ColKindCode, lang),
                 tr(Str::ColKind, lang)};
        for (std::string& cell : figureHeaders(lang)) h.push_back(std::move(cell));
        out += csvLine(h);
        areaRows(out, report.total, divisions, lang);
        for (const AreaCoverage& area : report.areas) areaRows(out, area, divisions, lang);
        break;
    }
    case CoverageTable::Offers:
        out += csvLine({tr(Str::ColOffer, lang), tr(Str::ColDonor, lang), tr(Str::ColKind, lang),
                        tr(Str::ColCapacity, lang), tr(Str::ColUnitValue, lang),
                        tr(Str::ColProposed, lang), tr(Str::ColApproved, lang),
                        tr(Str::ColDelivered, lang), tr(Str::ColConfirmed, lang),
                        tr(Str::ColLeft, lang)});
        for (const OfferUse& u : report.offers) {
            out += csvLine({n(std::int64_t(u.offer)), n(std::int64_t(u.donor)),
                            tr(label(u.kind), lang), n(u.capacity), n(u.unitValueFen),
                            n(u.proposed), n(u.approved), n(u.delivered), n(u.confirmed),
                            n(u.left)});
        }
        break;
    case CoverageTable::Tiers:
        out += csvLine({tr(Str::ColTier, lang), tr(Str::ColAllocations, lang),
                        tr(Str::ColAmountFen, lang), tr(Str::ColWaiting, lang),
                        tr(Str::ColApproved, lang), tr(Str::ColDelivered, lang),
                        tr(Str::ColAdvance, lang)});
        for (const TierUse& t : report.tiers) {
            out += csvLine({std::to_string(t.tier), n(t.allocations), n(t.amountFen), n(t.waiting),
                            n(t.approved), n(t.delivered), n(t.advance)});
        }
        break;
    case CoverageTable::Advance:
        out += csvLine({tr(Str::ColAllocation, lang), tr(Str::ColArea, lang),
                        tr(Str::ColKind, lang), tr(Str::ColAmountFen, lang),
                        tr(Str::ColTier, lang), tr(Str::ColStatus, lang),
                        tr(Str::ColDelivered, lang), tr(Str::ColDeliveredAt, lang),
                        tr(Str::ColApprovedYet, lang)});
        for (const AdvanceCase& c : report.advance) {
            out += csvLine({n(std::int64_t(c.allocation)), c.county, tr(label(c.kind), lang),
                            n(c.amountFen), std::to_string(c.tier), tr(label(c.status), lang),
                            yesNo(c.delivered, lang),
                            c.delivered ? dateOf(c.deliveredAt).iso() : std::string(),
                            yesNo(c.approved, lang)});
        }
        break;
    case CoverageTable::Timeline:
        out += csvLine({tr(Str::ColDay, lang), tr(Str::ColHouseholds, lang),
                        tr(Str::ColNeeds, lang), tr(Str::ColMatchedNeeds, lang),
                        tr(Str::ColApprovedNeeds, lang), tr(Str::ColDeliveredNeeds, lang),
                        tr(Str::ColConfirmedNeeds, lang), tr(Str::ColTasks, lang),
                        tr(Str::ColTasksDone, lang)});
        for (const TimePoint& p : report.timeline) {
            out += csvLine({p.day.iso(), n(p.households), n(p.needs), n(p.matchedNeeds),
                            n(p.approvedNeeds), n(p.deliveredNeeds), n(p.confirmedNeeds),
                            n(p.tasks), n(p.tasksDone)});
        }
        break;
    }
    return out;
}

} // namespace nuanxin
