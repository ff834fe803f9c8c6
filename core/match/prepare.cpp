// Preparation of a matching run: indexes, locked allocations, priorities and eligibility groups.
#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>

#include "core/geo/divisions.h"
#include "core/match/cost_scale.h"
#include "core/match/eligibility.h"
#include "core/match/problem.h"

namespace nuanxin::matchdetail {

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double msSince(std::int64_t startNs) {
    return static_cast<double>(nowNs() - startNs) / 1e6;
}

std::int64_t Problem::capLeft(const PNeed& need, std::uint32_t offer) const {
    const std::int64_t cap = offers[offer].cap;
    if (cap <= 0) return kNoCap;
    if (lockedHousehold.empty()) return cap;
    const auto it = lockedHousehold.find((std::uint64_t{need.household} << 32) | offer);
    return it == lockedHousehold.end() ? cap : std::max<std::int64_t>(0, cap - it->second);
}

namespace {

/// Id -> index of records whose ids are usually 1..n in order (then no table is built).
template <class T> class IdIndex {
public:
    explicit IdIndex(const std::vector<T>& records) {
        for (std::size_t i = 0; i < records.size(); ++i) {
            if (records[i].id != i + 1) {
                m_dense = false;
                break;
            }
        }
        m_size = records.size();
        if (m_dense) return;
        m_sorted.reserve(records.size());
        for (std::size_t i = 0; i < records.size(); ++i) {
            m_sorted.emplace_back(records[i].id, static_cast<std::uint32_t>(i));
        }
        std::sort(m_sorted.begin(), m_sorted.end());
    }
    [[nodiscard]] std::uint32_t find(std::uint64_t id) const {
        if (m_dense) return id >= 1 && id <= m_size ? static_cast<std::uint32_t>(id - 1) : kNone;
        const auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(),
                                         std::make_pair(id, std::uint32_t{0}));
        return it != m_sorted.end() && it->first == id ? it->second : kNone;
    }

private:
    bool m_dense = true;
    std::size_t m_size = 0;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> m_sorted;
};

bool isLocked(const Allocation& a) {
    if (a.status == AllocationStatus::Rejected || a.status == AllocationStatus::Cancelled) {
        return false;
    }
    return a.locked || a.status != AllocationStatus::Proposed;
}

/// What needs on one candidate list with equal signatures (the household facts the list's
/// rules read) get: equal eligible lists.
struct SigAnswer {
    std::uint32_t categories = 0; ///< signature: the household's categories the offers target
    std::uint64_t facts = 0;      ///< signature: window interval, consent, policy key
    std::uint32_t group = kNone;
    std::uint32_t missOffer = kNone;
    Str missReason = Str::MatchUnmetNoOffer;
};

bool bySig(const SigAnswer& a, const SigAnswer& b) {
    return a.facts != b.facts ? a.facts < b.facts : a.categories < b.categories;
}

/// Offers of one kind and unit that cover one county (by offer index, with distances), and
/// which household facts can change their answers.
struct CandList {
    std::vector<Cand> cands;
    std::uint32_t targetMask = 0;     ///< union of the offers' target groups
    bool anyConsent = false;          ///< some donor needs consent
    std::vector<std::int64_t> breaks; ///< window boundaries: deadlines between two answer alike
    /// Signatures seen on this list and their answers, sorted (bySig). A list sees a few dozen
    /// as a rule: a binary search in one small array costs less than a look-up in one hash
    /// table for the whole run, and stays logarithmic if a policy makes many.
    std::vector<SigAnswer> seen;
};

/// Hash of an eligible list, to find its group without building keys.
std::uint64_t hashCands(const std::vector<Cand>& cands) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const Cand& c : cands) {
        h = (h ^ c.offer) * 1099511628211ULL;
        h = (h ^ c.dist) * 1099511628211ULL;
    }
    return h;
}

std::uint64_t hashReasons(const std::vector<Reason>& reasons) {
    std::uint64_t h = 1469598103934665603ULL;
    const auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ULL; };
    for (const Reason& r : reasons) {
        mix(static_cast<std::uint64_t>(r.code) + 1);
        for (char ch : r.detail) mix(static_cast<unsigned char>(ch));
        mix(0xff);
    }
    return h;
}

bool sameReasons(const std::vector<Reason>& a, const std::vector<Reason>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].code != b[i].code || a[i].detail != b[i].detail) return false;
    }
    return true;
}

} // namespace

Problem prepare(const Dataset& data, const MatchPolicy& policy, const Date& asOf) {
    const std::int64_t t0 = nowNs();
    Problem p;
    p.data = &data;
    p.asOf = asOf;
    const IdIndex<Household> households(data.households);
    const IdIndex<Need> needIndex(data.needs);
    const IdIndex<Offer> offerIndex(data.offers);
    const IdIndex<Donor> donors(data.donors);

    // Open offers.
    std::vector<std::uint32_t> offerSlot(data.offers.size(), kNone);
    for (std::size_t i = 0; i < data.offers.size(); ++i) {
        const Offer& o = data.offers[i];
        if (o.status != OfferStatus::Open) continue;
        offerSlot[i] = static_cast<std::uint32_t>(p.offers.size());
        p.offers.push_back({static_cast<std::uint32_t>(i), o.capacity,
                            std::max<std::int64_t>(0, o.perHouseholdCap)});
    }
    // Locked allocations come out first: of the need, of the offer, of the household's cap.
    std::vector<std::int64_t> lockedNeed(data.needs.size(), 0);
    for (std::size_t i = 0; i < data.allocations.size(); ++i) {
        const Allocation& a = data.allocations[i];
        if (!isLocked(a)) continue;
        p.locked.push_back(i);
        const std::uint32_t n = needIndex.find(a.need);
        const std::uint32_t o = offerIndex.find(a.offer);
        if (n != kNone) lockedNeed[n] += a.quantity;
        if (o == kNone || offerSlot[o] == kNone) continue;
        p.offers[offerSlot[o]].remaining -= a.quantity;
        const std::uint32_t h = n == kNone ? kNone : households.find(data.needs[n].household);
        if (h != kNone) p.lockedHousehold[(std::uint64_t{h} << 32) | offerSlot[o]] += a.quantity;
    }
    for (POffer& o : p.offers) o.remaining = std::max<std::int64_t>(0, o.remaining);

    // Offers by normalised coverage code: a county finds its candidates through its 3 prefixes.
    std::unordered_map<std::string, std::vector<std::uint32_t>> byArea;
    for (std::uint32_t k = 0; k < p.offers.size(); ++k) {
        for (const std::string& area : data.offers[p.offers[k].offer].coverage) {
            if (area.empty()) continue;
            std::vector<std::uint32_t>& list = byArea[DivisionRegistry::normalize(area)];
            if (list.empty() || list.back() != k) list.push_back(k);
        }
    }
    p.donorOf.assign(p.offers.size(), nullptr);
    std::vector<OfferFacts> facts(p.offers.size());
    for (std::uint32_t k = 0; k < p.offers.size(); ++k) {
        const Offer& o = data.offers[p.offers[k].offer];
        const std::uint32_t d = donors.find(o.donor);
        p.donorOf[k] = d == kNone ? nullptr : &data.donors[d];
        facts[k] = offerFacts(o, p.donorOf[k]);
    }
    std::vector<CandList> candLists;
    // Per (county, kind, unit): its candidate list, kNone until asked (a table, not a hash
    // map: every need looks here, and counties x kinds x units is small).
    std::vector<std::uint32_t> candIndex;
    std::unordered_map<std::string_view, std::uint32_t> countyIndex;
    std::vector<std::string_view> counties;
    const auto candidates = [&](const Need& need, std::uint32_t countyId) -> std::uint32_t {
        constexpr auto kKinds = static_cast<std::size_t>(Kind::Count_);
        constexpr auto kUnits = static_cast<std::size_t>(Unit::Count_);
        const std::size_t key =
            (std::size_t{countyId} * kKinds + static_cast<std::size_t>(need.kind)) * kUnits +
            static_cast<std::size_t>(need.unit);
        if (candIndex.size() <= key)
            candIndex.resize(std::max(key + 1, counties.size() * kKinds * kUnits), kNone);
        if (candIndex[key] != kNone) return candIndex[key];
        candIndex[key] = static_cast<std::uint32_t>(candLists.size());
        const std::string_view county = counties[countyId];
        CandList entry;
        std::vector<Cand>& list = entry.cands;
        for (std::size_t len : {std::size_t{2}, std::size_t{4}, std::size_t{6}}) {
            if (county.size() < len) break;
            const auto found = byArea.find(std::string(county.substr(0, len)));
            if (found == byArea.end()) continue;
            for (std::uint32_t k : found->second) {
                const Offer& o = data.offers[p.offers[k].offer];
                if (offerSideRule(need, o, county) != Str::MatchEligible) continue;
                const Donor* donor = p.donorOf[k];
                list.push_back({k, static_cast<std::uint8_t>(distanceClass(
                                       county, donor ? std::string_view(donor->divisionCode)
                                                     : std::string_view()))});
            }
        }
        std::sort(list.begin(), list.end(),
                  [](const Cand& x, const Cand& y) { return x.offer < y.offer; });
        list.erase(std::unique(list.begin(), list.end()), list.end());
        for (const Cand& c : list) {
            entry.targetMask |= facts[c.offer].targetBits;
            entry.anyConsent = entry.anyConsent || facts[c.offer].consent;
            entry.breaks.push_back(facts[c.offer].windowStart);
            entry.breaks.push_back(facts[c.offer].windowEnd + 1);
        }
        std::sort(entry.breaks.begin(), entry.breaks.end());
        entry.breaks.erase(std::unique(entry.breaks.begin(), entry.breaks.end()),
                           entry.breaks.end());
        candLists.push_back(std::move(entry));
        return static_cast<std::uint32_t>(candLists.size() - 1);
    };

    // Households: county id, registration day (tie rule), which kinds appear twice.
    std::vector<std::uint32_t> householdCounty(data.households.size());
    std::vector<std::uint32_t> kindsSeen(data.households.size(), 0);
    std::vector<std::uint32_t> kindsTwice(data.households.size(), 0);
    for (std::size_t i = 0; i < data.households.size(); ++i) {
        const std::string_view c = data.households[i].divisionCode;
        const auto [it, added] =
            countyIndex.emplace(c, static_cast<std::uint32_t>(counties.size()));
        if (added) counties.push_back(c);
        householdCounty[i] = it->second;
    }
    const auto takesPart = [](const Need& n) {
        return n.status == NeedStatus::Open || n.status == NeedStatus::PartlyMet;
    };
    p.needs.reserve(data.needs.size());
    for (std::size_t i = 0; i < data.needs.size(); ++i) {
        const Need& n = data.needs[i];
        if (!takesPart(n) || n.quantity - lockedNeed[i] <= 0) continue;
        const std::uint32_t h = households.find(n.household);
        if (h == kNone) continue;
        PNeed pn;
        pn.need = static_cast<std::uint32_t>(i);
        pn.household = h;
        pn.quantity = n.quantity - lockedNeed[i];
        const std::uint32_t bit = 1U << static_cast<unsigned>(n.kind);
        kindsTwice[h] |= kindsSeen[h] & bit;
        kindsSeen[h] |= bit;
        p.needs.push_back(pn);
    }
    p.prepareMs = msSince(t0);

    // Priorities (memoised by the policy's key, reasons interned) and eligibility groups.
    const std::int64_t t1 = nowNs();
    const std::int64_t asOfDays = asOf.daysSinceEpoch();
    struct Priority {
        std::uint8_t tier, score;
        std::uint32_t reasons;
    };
    std::unordered_map<std::uint64_t, Priority> priorityMemo;
    std::unordered_map<std::uint64_t, std::uint32_t> reasonIndex;
    const auto askPriority = [&](const Household& h, const Need& n) {
        PriorityVerdict pv = policy.priority(h, n, asOf);
        ++p.policyCalls;
        Priority pr{static_cast<std::uint8_t>(std::clamp(pv.tier, 0, kMaxTiers - 1)),
                    static_cast<std::uint8_t>(std::clamp(pv.score, 0, kMaxScore)), 0};
        const std::uint64_t rh = hashReasons(pv.reasons);
        const auto found = reasonIndex.find(rh);
        if (found != reasonIndex.end() && sameReasons(p.reasonPool[found->second], pv.reasons)) {
            pr.reasons = found->second;
        } else {
            pr.reasons = static_cast<std::uint32_t>(p.reasonPool.size());
            if (found == reasonIndex.end()) reasonIndex.emplace(rh, pr.reasons);
            p.reasonPool.push_back(std::move(pv.reasons));
        }
        return pr;
    };
    // The policy's own eligibility answers per (key, offer): 0 unknown, 1 yes, 2 + rule: no.
    constexpr std::size_t kMaxCachedKeys = 1024;
    std::unordered_map<std::uint64_t, std::uint32_t> eligibilityKeyId;
    std::vector<std::uint16_t> policyAnswers;
    std::unordered_map<std::uint64_t, std::uint32_t> groupByHash;
    std::vector<Cand> eligibleNow;
    int maxTier = 0;
    for (PNeed& pn : p.needs) {
        const Need& n = data.needs[pn.need];
        const Household& h = data.households[pn.household];
        pn.multi = (kindsTwice[pn.household] >> static_cast<unsigned>(n.kind)) & 1U;
        const std::optional<std::uint64_t> pk = policy.priorityKey(h, n, asOf);
        Priority pr{};
        if (pk) {
            const auto it = priorityMemo.find(*pk);
            pr = it != priorityMemo.end()
                     ? it->second
                     : priorityMemo.emplace(*pk, askPriority(h, n)).first->second;
        } else {
            pr = askPriority(h, n);
        }
        pn.tier = pr.tier;
        pn.score = pr.score;
        pn.reasons = pr.reasons;
        maxTier = std::max<int>(maxTier, pn.tier);
        const std::int64_t deadline = n.deadline.daysSinceEpoch();
        pn.rank = static_cast<std::uint8_t>(
            std::clamp<std::int64_t>(deadline - asOfDays, 0, kMaxDeadlineRank));

        const std::uint32_t listId = candidates(n, householdCounty[pn.household]);
        CandList& entry = candLists[listId];
        if (entry.cands.empty())
            continue; // missOffer kNone: no offer of this kind covers the county
        std::size_t keyId = kMaxCachedKeys;
        if (const auto ek = policy.eligibilityKey(h, n, asOf)) {
            const auto [it, added] =
                eligibilityKeyId.emplace(*ek, static_cast<std::uint32_t>(eligibilityKeyId.size()));
            if (added && it->second < kMaxCachedKeys) {
                policyAnswers.resize(policyAnswers.size() + p.offers.size(), 0);
            }
            keyId = it->second;
        }
        // Needs that agree on every fact the list's rules read get the same answer: look it up.
        SigAnswer sig;
        const bool memoised = keyId < kMaxCachedKeys;
        if (memoised) {
            const auto interval =
                std::upper_bound(entry.breaks.begin(), entry.breaks.end(), deadline) -
                entry.breaks.begin();
            sig.categories = h.categories.bits() & entry.targetMask;
            sig.facts = (static_cast<std::uint64_t>(interval) << 33) |
                        (std::uint64_t{entry.anyConsent && h.consentToShare} << 32) | keyId;
            const auto known = std::lower_bound(entry.seen.begin(), entry.seen.end(), sig, bySig);
            if (known != entry.seen.end() && !bySig(sig, *known)) {
                pn.group = known->group;
                pn.missOffer = known->missOffer;
                pn.missReason = known->missReason;
                continue;
            }
        }
        const std::vector<Cand>& list = entry.cands;
        eligibleNow.clear();
        int missDist = kMaxDistance + 1;
        for (const Cand& c : list) {
            Str rule = householdSideRule(h.categories, h.consentToShare, deadline, facts[c.offer]);
            if (rule == Str::MatchEligible) {
                std::uint16_t* cached = keyId < kMaxCachedKeys
                                            ? &policyAnswers[keyId * p.offers.size() + c.offer]
                                            : nullptr;
                if (cached == nullptr || *cached == 0) {
                    const EligibilityVerdict v =
                        policy.eligible(h, n, data.offers[p.offers[c.offer].offer], asOf);
                    ++p.policyCalls;
                    const auto answer = static_cast<std::uint16_t>(
                        v.eligible ? 1 : 2 + static_cast<unsigned>(v.reason));
                    if (cached != nullptr) *cached = answer;
                    rule = v.eligible ? Str::MatchEligible : v.reason;
                } else {
                    rule = *cached == 1 ? Str::MatchEligible : static_cast<Str>(*cached - 2);
                }
            }
            if (rule == Str::MatchEligible) {
                eligibleNow.push_back(c);
            } else if (c.dist < missDist) {
                missDist = c.dist;
                pn.missOffer = c.offer;
                pn.missReason = rule;
            }
        }
        if (!eligibleNow.empty()) {
            const std::uint64_t gh = hashCands(eligibleNow);
            const auto found = groupByHash.find(gh);
            if (found != groupByHash.end() && p.groups[found->second] == eligibleNow) {
                pn.group = found->second;
            } else {
                // New list, or (astronomically rarely) a hash collision: a group of its own.
                pn.group = static_cast<std::uint32_t>(p.groups.size());
                if (found == groupByHash.end()) groupByHash.emplace(gh, pn.group);
                p.groups.push_back(eligibleNow);
                p.groupList.push_back(listId);
            }
        }
        if (memoised) {
            sig.group = pn.group;
            sig.missOffer = pn.missOffer;
            sig.missReason = pn.missReason;
            entry.seen.insert(std::upper_bound(entry.seen.begin(), entry.seen.end(), sig, bySig),
                              sig);
        }
    }
    p.tierCount = maxTier + 1;
    p.policyMs = msSince(t1);

    // Tie order: earliest registration, then household id, then need id.
    const std::int64_t t2 = nowNs();
    std::vector<std::int64_t> registered(data.households.size());
    for (std::size_t i = 0; i < data.households.size(); ++i) {
        registered[i] = data.households[i].registered.daysSinceEpoch();
    }
    p.byOrder.resize(p.needs.size());
    for (std::uint32_t i = 0; i < p.byOrder.size(); ++i) p.byOrder[i] = i;
    const auto before = [&](std::uint32_t x, std::uint32_t y) {
        const PNeed& a = p.needs[x];
        const PNeed& b = p.needs[y];
        if (registered[a.household] != registered[b.household]) {
            return registered[a.household] < registered[b.household];
        }
        const HouseholdId ha = data.households[a.household].id;
        const HouseholdId hb = data.households[b.household].id;
        if (ha != hb) return ha < hb;
        return data.needs[a.need].id < data.needs[b.need].id;
    };
    if (!std::is_sorted(p.byOrder.begin(), p.byOrder.end(), before)) {
        std::sort(p.byOrder.begin(), p.byOrder.end(), before);
    }
    for (std::uint32_t i = 0; i < p.byOrder.size(); ++i) p.needs[p.byOrder[i]].order = i;
    p.prepareMs += msSince(t2);
    return p;
}

} // namespace nuanxin::matchdetail
