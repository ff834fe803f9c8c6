#include "test_match_support.h"

#include <algorithm>
#include <functional>

namespace nuanxin::test {
namespace {

const char* const kCounties[] = {"510104", "510105", "510302", "130102"};
const char* const kOrigins[] = {"510104", "5101", "51", "510302", "13", "130102", ""};
const char* const kAreas[] = {"51", "5101", "510104", "510105", "510302", "13", "130102"};

Date addDays(const Date& d, std::int64_t days) {
    return Date::fromDays(d.daysSinceEpoch() + days);
}

bool lockedAllocation(const Allocation& a) {
    switch (a.status) {
    case AllocationStatus::Approved:
    case AllocationStatus::Assigned:
    case AllocationStatus::Delivered:
    case AllocationStatus::Confirmed:
        return true;
    case AllocationStatus::Proposed:
        return a.locked;
    default:
        return false;
    }
}

template <class T> const T* byId(const std::vector<T>& v, std::uint64_t id) {
    for (const T& x : v) {
        if (x.id == id) return &x;
    }
    return nullptr;
}

bool takesPart(const Need& n) {
    return n.status == NeedStatus::Open || n.status == NeedStatus::PartlyMet;
}

} // namespace

Dataset randomInstance(std::uint64_t seed, const InstanceShape& s) {
    Rng rng(seed);
    Dataset d;
    d.asOf = Date{2026, 12, 1};
    for (int i = 1; i <= s.households; ++i) {
        Household h;
        h.id = static_cast<HouseholdId>(i);
        h.divisionCode = kCounties[rng.below(s.counties)];
        h.categories =
            CategorySet(rng.chance(30) ? 0U : static_cast<std::uint32_t>(rng.below(256)));
        h.consentToShare = rng.chance(85);
        h.registered = addDays(d.asOf, -rng.below(30));
        const int members = 1 + static_cast<int>(rng.below(2));
        for (int m = 0; m < members; ++m) {
            Member mem;
            mem.birth = Date{1940 + static_cast<int>(rng.below(75)),
                             1 + static_cast<int>(rng.below(12)), 1};
            mem.attributes =
                AttributeSet(rng.chance(50) ? 0U : static_cast<std::uint32_t>(rng.below(512)));
            h.members.push_back(mem);
        }
        d.households.push_back(h);
    }
    const Kind kinds[] = {Kind::Coal, Kind::Quilt};
    for (int i = 1; i <= s.needs; ++i) {
        Need n;
        n.id = static_cast<NeedId>(i);
        n.household = static_cast<HouseholdId>(1 + rng.below(s.households));
        n.kind = kinds[rng.below(s.kinds)];
        n.unit = rng.chance(5) ? Unit::Yuan : kindInfo(n.kind).unit;
        n.quantity = 1 + rng.below(s.maxQuantity);
        n.urgency = static_cast<Urgency>(rng.below(3));
        n.deadline = addDays(d.asOf, rng.below(35));
        n.status = rng.chance(5) ? NeedStatus::Closed : NeedStatus::Open;
        d.needs.push_back(n);
    }
    for (int i = 1; i <= 3; ++i) {
        Donor dn;
        dn.id = static_cast<DonorId>(i);
        dn.type = static_cast<DonorType>(rng.below(4));
        const std::string county = kCounties[rng.below(s.counties)];
        dn.divisionCode = rng.chance(60)
                              ? county.substr(0, 2 + 2 * static_cast<std::size_t>(rng.below(3)))
                              : std::string(kOrigins[rng.below(7)]);
        d.donors.push_back(dn);
    }
    for (int i = 1; i <= s.offers; ++i) {
        Offer o;
        o.id = static_cast<OfferId>(i);
        o.donor = rng.chance(5) ? 99 : static_cast<DonorId>(1 + rng.below(3));
        o.kind = kinds[rng.below(s.kinds)];
        o.unit = rng.chance(5) ? Unit::Yuan : kindInfo(o.kind).unit;
        o.capacity = rng.below(s.maxCapacity + 1);
        const int areas = 1 + static_cast<int>(rng.below(2));
        for (int a = 0; a < areas; ++a) {
            // Mostly an area around a county in use (so offers compete), sometimes anywhere.
            const std::string county = kCounties[rng.below(s.counties)];
            o.coverage.push_back(
                rng.chance(70) ? county.substr(0, 2 + 2 * static_cast<std::size_t>(rng.below(3)))
                               : std::string(kAreas[rng.below(7)]));
        }
        o.targetGroups =
            CategorySet(rng.chance(80) ? 0U : static_cast<std::uint32_t>(1 + rng.below(255)));
        o.windowStart = addDays(d.asOf, rng.below(8));
        o.windowEnd = addDays(o.windowStart, 15 + rng.below(30));
        o.perHouseholdCap = rng.chance(50) ? 0 : 1 + rng.below(s.maxCap);
        o.status = rng.chance(5) ? OfferStatus::Withdrawn : OfferStatus::Open;
        d.offers.push_back(o);
    }
    // Some allocations from an earlier run: approved or locked ones must be kept, plain
    // proposals ignored. Each fits the need, the offer and the cap.
    std::map<std::uint64_t, std::int64_t> needUsed, offerUsed, capUsed;
    AllocationId next = 100;
    for (const Need& n : d.needs) {
        if (!rng.chance(s.lockedPercent) || d.offers.empty()) continue;
        const Offer& o = d.offers[static_cast<std::size_t>(rng.below(s.offers))];
        const std::uint64_t hk = n.household * 1000 + o.id;
        if (needUsed[n.id] + 1 > n.quantity || offerUsed[o.id] + 1 > o.capacity) continue;
        if (o.perHouseholdCap > 0 && capUsed[hk] + 1 > o.perHouseholdCap) continue;
        Allocation a;
        a.id = ++next;
        a.need = n.id;
        a.offer = o.id;
        a.quantity = 1;
        const int pick = static_cast<int>(rng.below(3));
        a.status = pick == 0 ? AllocationStatus::Approved : AllocationStatus::Proposed;
        a.locked = pick == 1;
        if (lockedAllocation(a)) {
            ++needUsed[n.id];
            ++offerUsed[o.id];
            ++capUsed[hk];
        }
        d.allocations.push_back(a);
    }
    return d;
}

int judgeDistance(const std::string& county, const std::string& origin) {
    if (origin.size() == 6 && origin == county) return 0;
    if (origin.size() >= 4 && county.compare(0, 4, origin, 0, 4) == 0) return 1;
    if (origin.size() >= 2 && county.compare(0, 2, origin, 0, 2) == 0) return 2;
    return 3;
}

bool judgeEligible(const Dataset& d, const Household& h, const Need& n, const Offer& o,
                   const MatchPolicy& policy) {
    if (!takesPart(n) || o.status != OfferStatus::Open) return false;
    if (n.kind != o.kind || n.unit != o.unit) return false;
    bool covered = false;
    for (const std::string& a : o.coverage) covered = covered || h.divisionCode.rfind(a, 0) == 0;
    if (!covered) return false;
    if (o.targetGroups.bits() != 0 && (o.targetGroups.bits() & h.categories.bits()) == 0) {
        return false;
    }
    const std::int64_t day = n.deadline.daysSinceEpoch();
    if (day < o.windowStart.daysSinceEpoch() || day > o.windowEnd.daysSinceEpoch()) return false;
    const Donor* donor = byId(d.donors, o.donor);
    if ((donor == nullptr || donor->type == DonorType::Charity) && !h.consentToShare) return false;
    return policy.eligible(h, n, o, d.asOf).eligible;
}

bool judgeBetter(const Judged& a, const Judged& b) {
    for (std::size_t t = 0; t < a.served.size(); ++t) {
        if (a.served[t] != b.served[t]) return a.served[t] > b.served[t];
    }
    if (a.score != b.score) return a.score > b.score;
    if (a.distance != b.distance) return a.distance < b.distance;
    return a.deadline < b.deadline;
}

bool judgeEqual(const Judged& a, const Judged& b) {
    return !judgeBetter(a, b) && !judgeBetter(b, a);
}

std::string judgeText(const Judged& a) {
    std::string s;
    for (std::int64_t v : a.served) s += std::to_string(v) + " ";
    return s + "| " + std::to_string(a.score) + " " + std::to_string(a.distance) + " " +
           std::to_string(a.deadline);
}

namespace {

struct Unit3 {
    int tier = 0, score = 0, rank = 0, dist = 0;
};

Unit3 unitFacts(const Dataset& d, const MatchPolicy& policy, const Need& n, const Offer& o) {
    const Household& h = *byId(d.households, n.household);
    const PriorityVerdict v = policy.priority(h, n, d.asOf);
    const Donor* donor = byId(d.donors, o.donor);
    Unit3 u;
    u.tier = std::clamp(v.tier, 0, kMaxTiers - 1);
    u.score = std::clamp(v.score, 0, 100);
    u.rank = static_cast<int>(
        std::clamp<std::int64_t>(n.deadline.daysSinceEpoch() - d.asOf.daysSinceEpoch(), 0, 30));
    u.dist = judgeDistance(h.divisionCode, donor ? donor->divisionCode : std::string());
    return u;
}

void addUnits(Judged& j, const Unit3& u, std::int64_t q) {
    j.served[static_cast<std::size_t>(u.tier)] += q;
    j.score += q * u.score;
    j.distance += q * u.dist;
    j.deadline += q * u.rank;
}

} // namespace

Judged judgeObjective(const Dataset& d, const MatchPolicy& policy,
                      const std::vector<Allocation>& fresh) {
    Judged j;
    for (const Allocation& a : fresh) {
        addUnits(j, unitFacts(d, policy, *byId(d.needs, a.need), *byId(d.offers, a.offer)),
                 a.quantity);
    }
    return j;
}

std::string judgeValid(const Dataset& d, const MatchPolicy& policy, const MatchResult& r) {
    std::vector<const Allocation*> locked;
    for (const Allocation& a : d.allocations) {
        if (lockedAllocation(a)) locked.push_back(&a);
    }
    if (r.lockedCount != locked.size()) return "locked count";
    std::map<std::uint64_t, std::int64_t> perNeed, perOffer, perCap;
    for (std::size_t i = 0; i < r.allocations.size(); ++i) {
        const Allocation& a = r.allocations[i];
        const Need* n = byId(d.needs, a.need);
        const Offer* o = byId(d.offers, a.offer);
        if (n == nullptr || o == nullptr) return "unknown need or offer";
        if (i < locked.size()) {
            if (a.id != locked[i]->id || a.quantity != locked[i]->quantity ||
                a.need != locked[i]->need || a.offer != locked[i]->offer) {
                return "locked allocation changed";
            }
        } else {
            if (a.quantity <= 0) return "empty allocation";
            const Household* h = byId(d.households, n->household);
            if (!judgeEligible(d, *h, *n, *o, policy)) {
                return "ineligible need " + std::to_string(n->id) + " offer " +
                       std::to_string(o->id);
            }
        }
        perNeed[n->id] += a.quantity;
        perOffer[o->id] += a.quantity;
        if (o->perHouseholdCap > 0) perCap[n->household * 100000 + o->id] += a.quantity;
    }
    for (const auto& [id, q] : perNeed) {
        if (q > byId(d.needs, id)->quantity) return "need over-served " + std::to_string(id);
    }
    for (const auto& [id, q] : perOffer) {
        if (q > byId(d.offers, id)->capacity) return "offer over capacity " + std::to_string(id);
    }
    for (const auto& [key, q] : perCap) {
        if (q > byId(d.offers, key % 100000)->perHouseholdCap) return "household cap exceeded";
    }
    return {};
}

std::optional<Judged> exhaustiveBest(const Dataset& d, const MatchPolicy& policy,
                                     std::size_t maxPairs) {
    std::map<std::uint64_t, std::int64_t> needLeft, offerLeft, capLeft;
    for (const Need& n : d.needs) needLeft[n.id] = n.quantity;
    for (const Offer& o : d.offers) offerLeft[o.id] = o.capacity;
    for (const Allocation& a : d.allocations) {
        if (!lockedAllocation(a)) continue;
        needLeft[a.need] -= a.quantity;
        offerLeft[a.offer] -= a.quantity;
        capLeft[byId(d.needs, a.need)->household * 100000 + a.offer] += a.quantity;
    }
    struct Pair {
        const Need* n;
        const Offer* o;
        std::uint64_t capKey;
        Unit3 facts;
    };
    std::vector<Pair> pairs;
    for (const Need& n : d.needs) {
        for (const Offer& o : d.offers) {
            const Household& h = *byId(d.households, n.household);
            if (!judgeEligible(d, h, n, o, policy)) continue;
            pairs.push_back({&n, &o, n.household * 100000 + o.id, unitFacts(d, policy, n, o)});
        }
    }
    if (pairs.size() > maxPairs) return std::nullopt;
    for (auto& [key, used] : capLeft) used = -used; // becomes "cap left" once the cap is added
    Judged best;
    Judged now;
    const std::function<void(std::size_t)> walk = [&](std::size_t i) {
        if (i == pairs.size()) {
            if (judgeBetter(now, best)) best = now;
            return;
        }
        const Pair& p = pairs[i];
        std::int64_t room = std::min(needLeft[p.n->id], offerLeft[p.o->id]);
        if (p.o->perHouseholdCap > 0)
            room = std::min(room, p.o->perHouseholdCap + capLeft[p.capKey]);
        for (std::int64_t x = std::max<std::int64_t>(0, room); x >= 0; --x) {
            needLeft[p.n->id] -= x;
            offerLeft[p.o->id] -= x;
            capLeft[p.capKey] -= x;
            addUnits(now, p.facts, x);
            walk(i + 1);
            addUnits(now, p.facts, -x);
            needLeft[p.n->id] += x;
            offerLeft[p.o->id] += x;
            capLeft[p.capKey] += x;
        }
    };
    walk(0);
    return best;
}

} // namespace nuanxin::test
