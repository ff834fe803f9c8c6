// A matching run from end to end: prepare, solve (engine, reference or greedy), then the report
// (allocations and unmet needs with reasons, totals, objective) and run-to-run diffs.
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include "core/match/eligibility.h"
#include "core/match/job.h"
#include "core/match/match.h"
#include "core/match/problem.h"

namespace nuanxin {

int compareObjectives(const Objective& a, const Objective& b) {
    for (std::size_t t = 0; t < a.served.size(); ++t) {
        if (a.served[t] != b.served[t]) return a.served[t] > b.served[t] ? -1 : 1;
    }
    if (a.score != b.score) return a.score > b.score ? -1 : 1;
    if (a.distance != b.distance) return a.distance < b.distance ? -1 : 1;
    if (a.deadline != b.deadline) return a.deadline < b.deadline ? -1 : 1;
    return 0;
}

std::string describe(const Objective& o) {
    std::string s;
    for (std::size_t t = 0; t < o.served.size(); ++t) {
        s += "t" + std::to_string(t) + "=" + std::to_string(o.served[t]) + " ";
    }
    return s + "score=" + std::to_string(o.score) + " distance=" + std::to_string(o.distance) +
           " deadline=" + std::to_string(o.deadline);
}

std::vector<AllocationChange> diffAllocations(const std::vector<Allocation>& before,
                                              const std::vector<Allocation>& after) {
    std::map<std::pair<NeedId, OfferId>, std::pair<std::int64_t, std::int64_t>> sums;
    for (const Allocation& a : before) sums[{a.need, a.offer}].first += a.quantity;
    for (const Allocation& a : after) sums[{a.need, a.offer}].second += a.quantity;
    std::vector<AllocationChange> out;
    for (const auto& [pair, q] : sums) {
        if (q.first != q.second) out.push_back({pair.first, pair.second, q.first, q.second});
    }
    return out;
}

std::uint64_t allocationDigest(const std::vector<Allocation>& allocations) {
    std::uint64_t h = 1469598103934665603ULL;
    const auto mix = [&h](std::uint64_t v) {
        for (int b = 0; b < 8; ++b) h = (h ^ ((v >> (8 * b)) & 0xffU)) * 1099511628211ULL;
    };
    for (const Allocation& a : allocations) {
        mix(a.id);
        mix(a.need);
        mix(a.offer);
        mix(static_cast<std::uint64_t>(a.quantity));
    }
    return h;
}

namespace matchdetail {

std::vector<RawAllocation> solveGreedy(const Problem& p) {
    std::vector<RawAllocation> out;
    std::vector<std::int64_t> left(p.offers.size());
    for (std::size_t k = 0; k < p.offers.size(); ++k) left[k] = p.offers[k].remaining;
    std::unordered_map<std::uint64_t, std::int64_t> usedByHousehold; // only for capped offers
    for (std::uint32_t i : p.byOrder) {
        const PNeed& n = p.needs[i];
        if (n.group == kNone) continue;
        std::int64_t want = n.quantity;
        // The spreadsheet's order of offers: as listed (data order).
        for (const Cand& c : p.groups[n.group]) {
            if (want == 0) break;
            std::int64_t room = left[c.offer];
            const std::uint64_t hk = (std::uint64_t{n.household} << 32) | c.offer;
            if (p.offers[c.offer].cap > 0) {
                const auto it = usedByHousehold.find(hk);
                room = std::min(room, p.capLeft(n, c.offer) -
                                          (it == usedByHousehold.end() ? 0 : it->second));
            }
            const std::int64_t t = std::min(want, room);
            if (t <= 0) continue;
            out.push_back({i, c.offer, t, c.dist});
            want -= t;
            left[c.offer] -= t;
            if (p.offers[c.offer].cap > 0) usedByHousehold[hk] += t;
        }
    }
    return out;
}

namespace {

/// Raw allocations in (need id, offer id) order. Data sets list needs by id as a rule, and then
/// a counting pass by need puts them in order (a need has a few offers at most, sorted in
/// place); otherwise a comparison sort.
void sortByNeedAndOffer(const Problem& p, std::vector<RawAllocation>& raw) {
    const Dataset& data = *p.data;
    const auto needId = [&](std::uint32_t i) { return data.needs[p.needs[i].need].id; };
    const auto offerId = [&](std::uint32_t k) { return data.offers[p.offers[k].offer].id; };
    const auto byOffer = [&](const RawAllocation& a, const RawAllocation& b) {
        return offerId(a.offer) < offerId(b.offer);
    };
    bool needsById = true;
    for (std::uint32_t i = 1; i < p.needs.size() && needsById; ++i)
        needsById = needId(i - 1) < needId(i);
    if (!needsById) {
        std::sort(raw.begin(), raw.end(), [&](const RawAllocation& a, const RawAllocation& b) {
            return a.need != b.need ? needId(a.need) < needId(b.need) : byOffer(a, b);
        });
        return;
    }
    std::vector<std::uint32_t> start(p.needs.size() + 1, 0);
    for (const RawAllocation& a : raw) ++start[a.need + 1];
    for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    std::vector<RawAllocation> sorted(raw.size());
    for (const RawAllocation& a : raw) sorted[start[a.need]++] = a;
    // start[i] is now where need i's entries end.
    for (std::size_t i = 0, begin = 0; i < p.needs.size(); begin = start[i++]) {
        if (start[i] - begin > 1)
            std::sort(sorted.begin() + static_cast<std::ptrdiff_t>(begin),
                      sorted.begin() + static_cast<std::ptrdiff_t>(start[i]), byOffer);
    }
    raw = std::move(sorted);
}

} // namespace

MatchResult makeReport(const Problem& p, std::vector<RawAllocation> raw, const MatchPolicy& policy,
                       const MatchOptions& options) {
    const Dataset& data = *p.data;
    MatchResult r;
    r.tierCount = p.tierCount;
    sortByNeedAndOffer(p, raw);
    std::vector<RawAllocation> merged;
    merged.reserve(raw.size());
    for (const RawAllocation& a : raw) {
        if (!merged.empty() && merged.back().need == a.need && merged.back().offer == a.offer) {
            merged.back().quantity += a.quantity;
        } else if (a.quantity > 0) {
            merged.push_back(a);
        }
    }

    AllocationId nextId = 0;
    for (const Allocation& a : data.allocations) nextId = std::max(nextId, a.id);
    r.allocations.reserve(p.locked.size() + merged.size());
    for (std::size_t i : p.locked) r.allocations.push_back(data.allocations[i]);
    r.lockedCount = p.locked.size();

    std::vector<std::int64_t> served(p.needs.size(), 0);
    std::vector<std::int64_t> offerLeft(p.offers.size());
    for (std::size_t k = 0; k < p.offers.size(); ++k) offerLeft[k] = p.offers[k].remaining;
    const std::optional<Str> chosenBy =
        options.mode == MatchMode::Greedy ? std::optional<Str>(Str::MatchWhyGreedy) : std::nullopt;
    // One explanation per (tier, score, distance, policy reasons), shared by its allocations.
    std::unordered_map<std::uint64_t, ReasonList> explained;
    for (const RawAllocation& a : merged) {
        const PNeed& n = p.needs[a.need];
        const int dist = a.dist;
        served[a.need] += a.quantity;
        offerLeft[a.offer] -= a.quantity;
        r.objective.served[n.tier] += a.quantity;
        r.objective.score += a.quantity * n.score;
        r.objective.distance += a.quantity * dist;
        r.objective.deadline += a.quantity * n.rank;
        Allocation out;
        out.id = ++nextId;
        out.need = data.needs[n.need].id;
        out.offer = data.offers[p.offers[a.offer].offer].id;
        out.quantity = a.quantity;
        if (options.reasons) {
            const std::uint64_t key = (std::uint64_t{n.reasons} << 24) |
                                      (std::uint64_t{n.tier} << 16) |
                                      (std::uint64_t{n.score} << 8) | a.dist;
            auto [it, added] = explained.try_emplace(key);
            if (added) {
                it->second = proposalReasons(policy.id(), n.tier, n.score, dist,
                                             p.reasonPool[n.reasons], chosenBy);
            }
            out.reasons = it->second;
        }
        r.allocations.push_back(std::move(out));
    }

    // Locked units per taking-part need, for the totals.
    std::map<NeedId, std::int64_t> lockedUnits;
    for (std::size_t i : p.locked)
        lockedUnits[data.allocations[i].need] += data.allocations[i].quantity;
    std::vector<int> openOffers(p.groups.size(), -1); // per group, offers with units left
    for (std::size_t i = 0; i < p.needs.size(); ++i) {
        const PNeed& n = p.needs[i];
        const NeedId id = data.needs[n.need].id;
        TierTotal& t = r.tiers[n.tier];
        ++t.needs;
        t.demand += n.quantity;
        t.served += served[i];
        if (served[i] == n.quantity) ++t.fullyServed;
        if (!lockedUnits.empty()) {
            const auto it = lockedUnits.find(id);
            if (it != lockedUnits.end()) t.locked += it->second;
        }
        if (served[i] == n.quantity) continue;
        UnmetNeed u;
        u.need = id;
        u.quantity = n.quantity - served[i];
        u.tier = n.tier;
        u.score = n.score;
        if (n.group == kNone) {
            u.reason = n.missReason;
            if (n.missOffer != kNone && options.reasons) {
                // Rebuild the full verdict (with its facts) only for the needs reported.
                const Offer& o = data.offers[p.offers[n.missOffer].offer];
                const EligibilityVerdict v =
                    checkEligibility(data.households[n.household], data.needs[n.need], o,
                                     p.donorOf[n.missOffer], policy, p.asOf);
                u.detail = "offer=" + std::to_string(o.id);
                if (!v.detail.empty()) u.detail += " " + v.detail;
            }
        } else {
            int& open = openOffers[n.group];
            if (open < 0) {
                open = 0;
                for (const Cand& c : p.groups[n.group]) open += offerLeft[c.offer] > 0 ? 1 : 0;
            }
            u.reason = open == 0 ? Str::MatchUnmetUsedByHigher : Str::MatchUnmetCapReached;
            u.detail = "eligible_offers=" + std::to_string(p.groups[n.group].size());
        }
        r.unmet.push_back(std::move(u));
    }
    std::sort(r.unmet.begin(), r.unmet.end(),
              [](const UnmetNeed& a, const UnmetNeed& b) { return a.need < b.need; });
    return r;
}

} // namespace matchdetail

Result<MatchResult> match(const Dataset& data, const MatchPolicy& policy,
                          const MatchOptions& options) {
    // The same steps as a front end's frame loop takes, one after the other.
    MatchJob job(data, policy, options);
    while (job.step()) {
    }
    return job.take();
}

} // namespace nuanxin
