#include "core/view/match_results.h"

#include <algorithm>
#include <map>

namespace nuanxin {

std::vector<TierRow> tierRows(const MatchResult& result) {
    std::vector<TierRow> rows;
    const int count = std::clamp(result.tierCount, 0, kMaxTiers);
    for (int t = 0; t < count; ++t) {
        const TierTotal& total = result.tiers[static_cast<std::size_t>(t)];
        TierRow row;
        row.tier = t;
        row.needs = total.needs;
        row.fullyServed = total.fullyServed;
        row.demand = total.demand;
        row.served = total.served;
        row.locked = total.locked;
        const std::int64_t whole = total.demand + total.locked;
        if (whole > 0) {
            row.coverage = static_cast<double>(total.served + total.locked) / static_cast<double>(whole);
        }
        rows.push_back(row);
    }
    return rows;
}

std::vector<UnmetGroup> unmetByReason(const std::vector<UnmetNeed>& unmet, const State& state) {
    // Ordered maps: the same run gives the same rows in the same order everywhere.
    std::map<Str, std::pair<std::size_t, std::map<Kind, UnmetKind>>> groups;
    for (const UnmetNeed& u : unmet) {
        auto& group = groups[u.reason];
        ++group.first;
        const Need* need = state.need(u.need);
        if (need == nullptr) continue;
        UnmetKind& k = group.second[need->kind];
        k.kind = need->kind;
        ++k.needs;
        k.quantity += u.quantity;
    }
    std::vector<UnmetGroup> out;
    for (auto& [reason, group] : groups) {
        UnmetGroup g;
        g.reason = reason;
        g.needs = group.first;
        for (const auto& entry : group.second) g.kinds.push_back(entry.second);
        std::stable_sort(g.kinds.begin(), g.kinds.end(),
                         [](const UnmetKind& a, const UnmetKind& b) { return a.needs > b.needs; });
        out.push_back(std::move(g));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const UnmetGroup& a, const UnmetGroup& b) { return a.needs > b.needs; });
    return out;
}

ChangeCounts countChanges(const std::vector<AllocationChange>& changes) {
    ChangeCounts c;
    for (const AllocationChange& change : changes) {
        c.unitsBefore += change.before;
        c.unitsAfter += change.after;
        if (change.before == change.after) continue;
        if (change.before == 0) {
            ++c.added;
        } else if (change.after == 0) {
            ++c.removed;
        } else {
            ++c.changed;
        }
    }
    return c;
}

} // namespace nuanxin
