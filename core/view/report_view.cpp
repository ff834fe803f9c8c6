#include "core/view/report_view.h"

#include <algorithm>

#include "core/model/catalogue.h"

namespace nuanxin {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

/// The code length one level below `parent` (0: none below a county).
std::size_t childLength(std::string_view parent) {
    switch (parent.size()) {
    case 0: return 2;
    case 2: return 4;
    case 4: return 6;
    default: return 0;
    }
}

std::int64_t atLeastZero(std::int64_t v) { return std::max<std::int64_t>(0, v); }

} // namespace

Date localDay(Timestamp now, int utcOffsetMinutes) {
    const std::int64_t local = now + static_cast<std::int64_t>(utcOffsetMinutes) * 60;
    // Floor division: a time before 1970 still falls on the day that contains it.
    std::int64_t days = local / kSecondsPerDay;
    if (local % kSecondsPerDay < 0) --days;
    return Date::fromDays(days);
}

std::vector<const AreaCoverage*> reportChildren(const CoverageReport& report,
                                                std::string_view parent) {
    std::vector<const AreaCoverage*> out;
    const std::size_t length = childLength(parent);
    if (length == 0) return out;
    for (const AreaCoverage& area : report.areas) {
        if (area.code.size() == length && area.code.compare(0, parent.size(), parent) == 0) {
            out.push_back(&area);
        }
    }
    std::sort(out.begin(), out.end(),
              [](const AreaCoverage* a, const AreaCoverage* b) { return a->code < b->code; });
    return out;
}

std::vector<std::string> drillPath(std::string_view parent) {
    std::vector<std::string> steps = {""};
    for (std::size_t length = 2; length <= parent.size() && length <= 6; length += 2) {
        steps.emplace_back(parent.substr(0, length));
    }
    return steps;
}

bool canDrillDown(std::string_view code) { return childLength(code) != 0; }

const CoverageFigures& figuresOf(const AreaCoverage& area, int kind) {
    if (kind < 0 || static_cast<std::size_t>(kind) >= kReportKinds) return area.all;
    return area.byKind[static_cast<std::size_t>(kind)];
}

CoverageBar coverageBar(const CoverageFigures& f, bool units) {
    const std::int64_t registered = units ? f.units : static_cast<std::int64_t>(f.needs);
    const std::int64_t matched = units ? f.matchedUnits : static_cast<std::int64_t>(f.matchedNeeds);
    const std::int64_t approved = units ? f.approvedUnits : static_cast<std::int64_t>(f.approvedNeeds);
    const std::int64_t delivered = units ? f.deliveredUnits : static_cast<std::int64_t>(f.deliveredNeeds);
    const std::int64_t confirmed = units ? f.confirmedUnits : static_cast<std::int64_t>(f.confirmedNeeds);
    const std::int64_t unmet = units ? f.unmetUnits : static_cast<std::int64_t>(f.unmetNeeds);
    CoverageBar bar;
    bar.registered = registered;
    bar.confirmed = confirmed;
    bar.deliveredOnly = atLeastZero(delivered - confirmed);
    // 先行救助 delivers before approving: what was delivered counts as further along than
    // what was approved, so approved-only is what approval reached beyond the deliveries.
    bar.approvedOnly = atLeastZero(approved - delivered);
    bar.matchedOnly = atLeastZero(matched - std::max(approved, delivered));
    bar.unmet = unmet;
    bar.other = atLeastZero(registered - std::max({matched, approved, delivered}) - unmet);
    return bar;
}

std::vector<Kind> kindsWithNeeds(const AreaCoverage& area) {
    std::vector<Kind> out;
    for (const Kind kind : allOf<Kind>()) {
        if (area.byKind[static_cast<std::size_t>(kind)].needs > 0) out.push_back(kind);
    }
    return out;
}

std::array<std::int64_t, kUnmetWhyCount> unmetByWhy(const CoverageFigures& f, bool units) {
    std::array<std::int64_t, kUnmetWhyCount> out{};
    for (std::size_t i = 0; i < kUnmetWhyCount; ++i) {
        out[i] = units ? f.unmetUnitsBy[i] : static_cast<std::int64_t>(f.unmetNeedsBy[i]);
    }
    return out;
}

TimelineSeries timelineSeries(const CoverageReport& report) {
    TimelineSeries s;
    const std::size_t n = report.timeline.size();
    s.days.reserve(n);
    for (auto* v : {&s.needs, &s.matched, &s.approved, &s.delivered, &s.confirmed, &s.deliveredInStep}) {
        v->reserve(n);
    }
    std::size_t deliveredBefore = 0;
    for (const TimePoint& p : report.timeline) {
        s.days.push_back(p.day.iso());
        s.needs.push_back(static_cast<float>(p.needs));
        s.matched.push_back(static_cast<float>(p.matchedNeeds));
        s.approved.push_back(static_cast<float>(p.approvedNeeds));
        s.delivered.push_back(static_cast<float>(p.deliveredNeeds));
        s.confirmed.push_back(static_cast<float>(p.confirmedNeeds));
        // Cumulative counts can fall (a delivery's need cancelled later): a step never shows
        // a negative number of deliveries.
        s.deliveredInStep.push_back(
            p.deliveredNeeds > deliveredBefore ? static_cast<float>(p.deliveredNeeds - deliveredBefore) : 0.0f);
        deliveredBefore = p.deliveredNeeds;
        s.top = std::max({s.top, s.needs.back(), s.matched.back(), s.approved.back(),
                          s.delivered.back(), s.confirmed.back()});
    }
    return s;
}

} // namespace nuanxin
