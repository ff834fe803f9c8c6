#include "core/view/dashboard_figures.h"

#include <algorithm>
#include <map>

#include "core/geo/divisions.h"
#include "core/view/offer_usage.h"

namespace nuanxin {
namespace {

void count(GapFigures& f, const Need& need, std::int64_t matched, std::int64_t delivered) {
    const std::int64_t q = need.quantity;
    const std::int64_t m = std::min(q, matched);
    const std::int64_t d = std::min(q, delivered);
    ++f.needs;
    f.needed += q;
    f.matched += m;
    f.delivered += d;
    if (m >= q) ++f.needsMatched;
    if (d >= q) ++f.needsDelivered;
    const bool open = need.status == NeedStatus::Open || need.status == NeedStatus::PartlyMet;
    if (open && m < q) {
        ++f.needsWithGap;
        f.gap += q - m;
    }
}

bool delivered(AllocationStatus s) {
    return s == AllocationStatus::Delivered || s == AllocationStatus::Confirmed;
}

/// The province, city and county prefixes of a division code, as far as it has them.
std::vector<std::string> areaKeys(const std::string& code) {
    std::vector<std::string> keys;
    for (std::size_t len : {std::size_t{2}, std::size_t{4}, std::size_t{6}}) {
        if (code.size() >= len) keys.push_back(code.substr(0, len));
    }
    return keys;
}

bool moreUrgent(const UrgentNeed& a, const UrgentNeed& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    if (a.urgency != b.urgency) return a.urgency > b.urgency; // critical first
    if (a.deadline != b.deadline) return a.deadline < b.deadline;
    return a.need < b.need;
}

/// Counts each open offer once in every area its coverage reaches: the areas it names, their
/// enclosing areas, and every area inside them.
void countOffers(const State& state, DashboardFigures& out) {
    std::vector<AreaFigures>& areas = out.areas;
    const auto at = [&areas](std::string_view code) {
        return std::lower_bound(areas.begin(), areas.end(), code,
                                [](const AreaFigures& a, std::string_view c) { return a.code < c; });
    };
    std::vector<std::size_t> reached;
    for (const Offer& offer : state.dataset().offers) {
        if (offer.status != OfferStatus::Open) continue;
        reached.clear();
        for (const std::string& raw : offer.coverage) {
            if (raw.empty()) continue;
            const std::string code = DivisionRegistry::normalize(raw);
            for (const std::string& key : areaKeys(code)) { // enclosing areas and itself
                if (key.size() >= code.size()) break;
                const auto it = at(key);
                if (it != areas.end() && it->code == key) reached.push_back(static_cast<std::size_t>(it - areas.begin()));
            }
            for (auto it = at(code); it != areas.end() && it->code.compare(0, code.size(), code) == 0; ++it) {
                reached.push_back(static_cast<std::size_t>(it - areas.begin()));
            }
        }
        std::sort(reached.begin(), reached.end());
        reached.erase(std::unique(reached.begin(), reached.end()), reached.end());
        const auto k = static_cast<std::size_t>(offer.kind);
        for (std::size_t i : reached) {
            ++areas[i].offers;
            if (k < kKindCount) ++areas[i].offersByKind[k];
        }
    }
}

} // namespace

DashboardFigures computeDashboard(const State& state, const TierOf& tierOf, std::size_t urgentLimit) {
    const Dataset& data = state.dataset();
    DashboardFigures out;

    // Units in force and delivered per need, by the need's position in the data set.
    std::vector<std::int64_t> matched(data.needs.size(), 0);
    std::vector<std::int64_t> done(data.needs.size(), 0);
    for (const Allocation& a : data.allocations) {
        if (!usesCapacity(a.status)) continue;
        const Need* need = state.need(a.need);
        if (need == nullptr) continue;
        const auto i = static_cast<std::size_t>(need - data.needs.data());
        matched[i] += a.quantity;
        if (delivered(a.status)) done[i] += a.quantity;
    }

    std::map<std::string, AreaFigures> areas; // node pointers stay valid as it grows
    std::string lastCode;
    std::vector<AreaFigures*> lastAreas;
    std::vector<UrgentNeed> urgent;
    for (std::size_t i = 0; i < data.needs.size(); ++i) {
        const Need& need = data.needs[i];
        if (need.status == NeedStatus::Cancelled) continue;
        const auto k = static_cast<std::size_t>(need.kind);
        if (k >= kKindCount) continue; // a damaged record: validation reports it
        const Household* household = state.household(need.household);
        count(out.total, need, matched[i], done[i]);
        count(out.byKind[k], need, matched[i], done[i]);
        if (household != nullptr) {
            // A household's needs usually come one after another: look its areas up once.
            if (household->divisionCode != lastCode || lastAreas.empty()) {
                lastCode = household->divisionCode;
                lastAreas.clear();
                for (const std::string& key : areaKeys(lastCode)) lastAreas.push_back(&areas[key]);
            }
            for (AreaFigures* area : lastAreas) {
                count(area->all, need, matched[i], done[i]);
                count(area->byKind[k], need, matched[i], done[i]);
            }
        }
        const bool open = need.status == NeedStatus::Open || need.status == NeedStatus::PartlyMet;
        if (!open || matched[i] >= need.quantity || urgentLimit == 0) continue;
        UrgentNeed u;
        u.need = need.id;
        u.household = need.household;
        u.kind = need.kind;
        u.urgency = need.urgency;
        u.deadline = need.deadline;
        u.unmet = need.quantity - matched[i];
        if (household != nullptr) {
            u.county = household->divisionCode;
            if (tierOf) u.tier = tierOf(*household, need);
        }
        urgent.push_back(std::move(u));
    }

    out.areas.reserve(areas.size());
    for (auto& [code, area] : areas) {
        area.code = code;
        out.areas.push_back(std::move(area));
    }
    countOffers(state, out);

    const std::size_t keep = std::min(urgentLimit, urgent.size());
    std::partial_sort(urgent.begin(), urgent.begin() + static_cast<std::ptrdiff_t>(keep), urgent.end(),
                      moreUrgent);
    urgent.resize(keep);
    out.urgent = std::move(urgent);
    return out;
}

std::vector<const AreaFigures*> childAreas(const DashboardFigures& figures, std::string_view parent) {
    std::vector<const AreaFigures*> out;
    const std::size_t length = parent.size() + 2;
    auto it = std::lower_bound(figures.areas.begin(), figures.areas.end(), parent,
                               [](const AreaFigures& a, std::string_view c) { return a.code < c; });
    for (; it != figures.areas.end() && it->code.compare(0, parent.size(), parent) == 0; ++it) {
        if (it->code.size() == length) out.push_back(&*it);
    }
    return out;
}

const AreaFigures* findArea(const DashboardFigures& figures, std::string_view code) {
    const auto it = std::lower_bound(figures.areas.begin(), figures.areas.end(), code,
                                     [](const AreaFigures& a, std::string_view c) { return a.code < c; });
    return it != figures.areas.end() && it->code == code ? &*it : nullptr;
}

} // namespace nuanxin
