// Coverage reports (coverage.h): the figures of one state, and the journal replayed up to the
// end of a day with the campaign's time series on the way.
#include "core/report/coverage.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/match/eligibility.h"
#include "core/plugin/plugin_policy.h"
#include "core/view/offer_usage.h"

namespace nuanxin {
namespace {

constexpr Str kWhyLabels[] = {Str::LifeUnmetNoEligibleOffer, Str::LifeUnmetOffersUsedUp,
                              Str::LifeUnmetCapReached, Str::LifeUnmetNotMatchedYet};
constexpr std::string_view kWhyNames[] = {"no_eligible_offer", "offers_used_up", "cap_reached",
                                          "not_matched_yet"};
static_assert(std::size(kWhyLabels) == kUnmetWhyCount && std::size(kWhyNames) == kUnmetWhyCount);

bool delivered(AllocationStatus s) {
    return s == AllocationStatus::Delivered || s == AllocationStatus::Confirmed;
}

/// Units of each need (by its place in the data set) at each stage, from allocations in force.
struct NeedUnits {
    std::vector<std::int64_t> matched, approved, delivered, confirmed;
};

NeedUnits needUnits(const State& state) {
    const Dataset& d = state.dataset();
    NeedUnits u;
    for (auto* v : {&u.matched, &u.approved, &u.delivered, &u.confirmed}) {
        v->assign(d.needs.size(), 0);
    }
    for (const Allocation& a : d.allocations) {
        if (!usesCapacity(a.status)) continue;
        const Need* n = state.need(a.need);
        if (!n) continue;
        const auto i = static_cast<std::size_t>(n - d.needs.data());
        u.matched[i] += a.quantity;
        if (isApproved(a.status, state.progress(a.id))) u.approved[i] += a.quantity;
        if (delivered(a.status)) u.delivered[i] += a.quantity;
        if (a.status == AllocationStatus::Confirmed) u.confirmed[i] += a.quantity;
    }
    return u;
}

bool isOpen(const Need& n) {
    return n.status == NeedStatus::Open || n.status == NeedStatus::PartlyMet;
}

/// What the offers have left and what each household took of each offer (per-household caps).
struct OfferRoom {
    std::map<OfferId, std::int64_t> left;
    std::map<std::pair<HouseholdId, OfferId>, std::int64_t> taken;
};

OfferRoom offerRoom(const State& state) {
    OfferRoom r;
    for (const Offer& o : state.dataset().offers) r.left[o.id] = o.capacity;
    for (const Allocation& a : state.dataset().allocations) {
        if (!usesCapacity(a.status)) continue;
        r.left[a.offer] -= a.quantity;
        if (const Need* n = state.need(a.need)) r.taken[{n->household, a.offer}] += a.quantity;
    }
    return r;
}

/// The eligibility side of one need: whether any offer (not withdrawn) is eligible, and why the
/// rest of it is unmet.
struct NeedVerdict {
    bool eligible = false;
    UnmetWhy why = UnmetWhy::NoEligibleOffer;
};

NeedVerdict judge(const State& state, const Household& h, const Need& n, const OfferRoom& room,
                  const MatchPolicy& policy, const Date& asOf) {
    NeedVerdict v;
    bool withRoom = false;
    bool underCap = false;
    for (OfferStatus status : {OfferStatus::Open, OfferStatus::Exhausted}) {
        for (OfferId id : state.offersWith(n.kind, status)) {
            const Offer* o = state.offer(id);
            if (!o || !checkEligibility(h, n, *o, state.donor(o->donor), policy, asOf).eligible) {
                continue;
            }
            v.eligible = true;
            const auto left = room.left.find(id);
            if (status != OfferStatus::Open || left == room.left.end() || left->second <= 0) {
                continue;
            }
            withRoom = true;
            const auto taken = room.taken.find({h.id, id});
            const std::int64_t used = taken == room.taken.end() ? 0 : taken->second;
            if (o->perHouseholdCap == 0 || used < o->perHouseholdCap) underCap = true;
        }
    }
    v.why = !v.eligible  ? UnmetWhy::NoEligibleOffer
            : !withRoom  ? UnmetWhy::OffersUsedUp
            : !underCap  ? UnmetWhy::CapReached
                         : UnmetWhy::NotMatchedYet;
    return v;
}

void addNeed(CoverageFigures& f, const Need& n, std::size_t i, const NeedUnits& u, bool eligible,
             std::optional<UnmetWhy> why) {
    const std::int64_t q = n.quantity;
    const auto capped = [q](std::int64_t v) { return std::min(q, v); };
    ++f.needs;
    f.units += q;
    if (eligible) ++f.eligibleNeeds;
    f.matchedUnits += capped(u.matched[i]);
    f.approvedUnits += capped(u.approved[i]);
    f.deliveredUnits += capped(u.delivered[i]);
    f.confirmedUnits += capped(u.confirmed[i]);
    if (u.matched[i] >= q) ++f.matchedNeeds;
    if (u.approved[i] >= q) ++f.approvedNeeds;
    if (u.delivered[i] >= q) ++f.deliveredNeeds;
    if (u.confirmed[i] >= q) ++f.confirmedNeeds;
    if (why) {
        const std::int64_t gap = q - capped(u.matched[i]);
        const auto w = static_cast<std::size_t>(*why);
        ++f.unmetNeeds;
        f.unmetUnits += gap;
        ++f.unmetNeedsBy[w];
        f.unmetUnitsBy[w] += gap;
    }
}

/// The province, city and county codes of a county code, and "" for the total.
std::vector<std::string> areaKeys(const std::string& code) {
    std::vector<std::string> keys{""};
    for (std::size_t len : {std::size_t{2}, std::size_t{4}, std::size_t{6}}) {
        if (code.size() >= len) keys.push_back(code.substr(0, len));
    }
    return keys;
}

void countAreas(const State& state, const MatchPolicy& policy, const Date& asOf,
                CoverageReport& out) {
    const Dataset& d = state.dataset();
    const NeedUnits units = needUnits(state);
    const OfferRoom room = offerRoom(state);
    std::map<std::string, AreaCoverage> areas;
    for (const Household& h : d.households) {
        for (const std::string& key : areaKeys(h.divisionCode)) ++areas[key].all.households;
    }
    std::set<std::pair<HouseholdId, Kind>> householdKinds;
    for (std::size_t i = 0; i < d.needs.size(); ++i) {
        const Need& n = d.needs[i];
        const Household* h = state.household(n.household);
        if (!h || n.status == NeedStatus::Cancelled || n.kind >= Kind::Count_) continue;
        const bool gap = isOpen(n) && units.matched[i] < n.quantity;
        NeedVerdict v;
        if (gap || units.matched[i] == 0) v = judge(state, *h, n, room, policy, asOf);
        const bool eligible = v.eligible || units.matched[i] > 0;
        const std::optional<UnmetWhy> why = gap ? std::optional<UnmetWhy>(v.why) : std::nullopt;
        const bool firstOfKind = householdKinds.emplace(h->id, n.kind).second;
        const auto k = static_cast<std::size_t>(n.kind);
        for (const std::string& key : areaKeys(h->divisionCode)) {
            AreaCoverage& area = areas[key];
            addNeed(area.all, n, i, units, eligible, why);
            addNeed(area.byKind[k], n, i, units, eligible, why);
            if (firstOfKind) ++area.byKind[k].households;
        }
    }
    for (auto& [code, area] : areas) {
        area.code = code;
        if (code.empty()) {
            out.total = std::move(area);
        } else {
            out.areas.push_back(std::move(area));
        }
    }
}

void countOffers(const State& state, CoverageReport& out) {
    std::map<OfferId, OfferUse> offers;
    for (const Offer& o : state.dataset().offers) {
        OfferUse& u = offers[o.id];
        u.offer = o.id;
        u.donor = o.donor;
        u.kind = o.kind;
        u.capacity = o.capacity;
        u.unitValueFen = o.unitValueFen;
        u.left = o.capacity;
    }
    std::map<int, TierUse> tiers;
    for (const Allocation& a : state.dataset().allocations) {
        const Progress* p = state.progress(a.id);
        const Offer* o = state.offer(a.offer);
        const std::int64_t amount = o ? a.quantity * o->unitValueFen : 0;
        const bool approved = isApproved(a.status, p);
        if (p && p->advance) {
            const Need* n = state.need(a.need);
            const Household* h = n ? state.household(n->household) : nullptr;
            out.advance.push_back(AdvanceCase{a.id, h ? h->divisionCode : std::string(),
                                              o ? o->kind : Kind::Coal, amount, p->requiredTier,
                                              a.status, p->delivered, p->delivery.when,
                                              p->approved});
        }
        if (!usesCapacity(a.status)) continue;
        auto it = offers.find(a.offer);
        if (it != offers.end()) {
            OfferUse& u = it->second;
            u.left -= a.quantity;
            if (a.status == AllocationStatus::Proposed) u.proposed += a.quantity;
            if (approved) u.approved += a.quantity;
            if (delivered(a.status)) u.delivered += a.quantity;
            if (a.status == AllocationStatus::Confirmed) u.confirmed += a.quantity;
        }
        const int tier = p ? p->requiredTier : -1;
        TierUse& t = tiers[tier];
        t.tier = tier;
        ++t.allocations;
        t.amountFen += amount;
        ++(approved ? t.approved : t.waiting);
        if (delivered(a.status)) ++t.delivered;
        if (p && p->advance) ++t.advance;
    }
    for (auto& [id, u] : offers) out.offers.push_back(u);
    for (auto& [tier, t] : tiers) out.tiers.push_back(t);
}

void countTasks(const State& state, std::size_t& tasks, std::size_t& done, std::size_t* confirmed,
                std::size_t* cancelled) {
    for (const Task& t : state.data().tasks) {
        ++tasks;
        if (delivered(t.status)) ++done;
        if (confirmed && t.status == AllocationStatus::Confirmed) ++*confirmed;
        if (cancelled && t.status == AllocationStatus::Cancelled) ++*cancelled;
    }
}

/// The campaign's counts at one moment (cheaper than the full report: no eligibility).
TimePoint pointOf(const State& state, const Date& day) {
    const Dataset& d = state.dataset();
    const NeedUnits u = needUnits(state);
    TimePoint p;
    p.day = day;
    p.households = d.households.size();
    for (std::size_t i = 0; i < d.needs.size(); ++i) {
        const Need& n = d.needs[i];
        if (n.status == NeedStatus::Cancelled) continue;
        ++p.needs;
        if (u.matched[i] >= n.quantity) ++p.matchedNeeds;
        if (u.approved[i] >= n.quantity) ++p.approvedNeeds;
        if (u.delivered[i] >= n.quantity) ++p.deliveredNeeds;
        if (u.confirmed[i] >= n.quantity) ++p.confirmedNeeds;
    }
    countTasks(state, p.tasks, p.tasksDone, nullptr, nullptr);
    return p;
}

std::int64_t dayNumber(Timestamp when, int utcOffsetMinutes) {
    return dateOf(when + std::int64_t{utcOffsetMinutes} * 60).daysSinceEpoch();
}

bool isSunday(std::int64_t day) {
    // 1970-01-01 was a Thursday: (day + 3) mod 7 counts from Monday = 0.
    return ((day + 3) % 7 + 7) % 7 == 6;
}

} // namespace

Str label(UnmetWhy why) {
    return why < UnmetWhy::Count_ ? kWhyLabels[static_cast<std::size_t>(why)] : Str::ErrInvalid;
}

std::string_view name(UnmetWhy why) {
    return why < UnmetWhy::Count_ ? kWhyNames[static_cast<std::size_t>(why)] : "?";
}

Timestamp endOfDay(const Date& day, int utcOffsetMinutes) {
    return (day.daysSinceEpoch() + 1) * 86400 - std::int64_t{utcOffsetMinutes} * 60;
}

CoverageReport computeCoverage(const State& state, const MatchPolicy& policy, const Date& asOf) {
    CoverageReport out;
    out.day = asOf;
    out.lastSequence = state.sequence();
    countAreas(state, policy, asOf, out);
    countOffers(state, out);
    countTasks(state, out.tasks, out.tasksDone, &out.tasksConfirmed, &out.tasksCancelled);
    return out;
}

Result<CoverageReport> coverageReport(const Store& store, const PluginHost& plugins,
                                      const ReportOptions& options) {
    const Timestamp cutoff = endOfDay(options.day, options.utcOffsetMinutes);
    const std::int64_t lastDay = options.day.daysSinceEpoch();
    State state;
    std::size_t records = 0;
    std::size_t skipped = 0;
    std::vector<TimePoint> timeline;
    std::optional<std::int64_t> pointDay; // the day whose records are being applied
    // Points for every day from pointDay up to (not with) `until`, as the state stands now.
    const auto emitUntil = [&](std::int64_t until) {
        if (!pointDay) return;
        for (std::int64_t day = *pointDay; day < until && day <= lastDay; ++day) {
            if (options.step == ReportStep::Day || isSunday(day) || day == lastDay) {
                timeline.push_back(pointOf(state, Date::fromDays(day)));
            }
        }
    };
    const auto read = store.readJournal([&](Transaction&& t) {
        if (t.when >= cutoff) return true; // after the day: never read into the report
        const std::int64_t day = dayNumber(t.when, options.utcOffsetMinutes);
        if (!pointDay) pointDay = day;
        if (day > *pointDay) {
            emitUntil(day);
            pointDay = day;
        }
        if (replayTransaction(state, t)) {
            ++records;
        } else {
            ++skipped;
        }
        return true;
    });
    if (!read.ok()) return read.errors();
    emitUntil(lastDay + 1);

    NationalDefaultPolicy root;
    const PluginPolicy policy(plugins, root, options.lang, state.dataset().donors);
    CoverageReport report = computeCoverage(state, policy, options.day);
    report.cutoff = cutoff;
    report.records = records;
    report.skipped = skipped;
    report.timeline = std::move(timeline);
    return report;
}

const AreaCoverage* findArea(const CoverageReport& report, const std::string& code) {
    if (code.empty()) return &report.total;
    const auto it = std::lower_bound(
        report.areas.begin(), report.areas.end(), code,
        [](const AreaCoverage& a, const std::string& c) { return a.code < c; });
    return it != report.areas.end() && it->code == code ? &*it : nullptr;
}

} // namespace nuanxin
