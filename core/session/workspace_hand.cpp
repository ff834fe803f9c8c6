// Matching by hand: the needs an offer may serve, ranked as the engine ranks them, and the
// hand-made (locked) allocations. Eligibility and priority come from the engine's rules and the
// same plugin policy a run uses, never from a second copy of them.
#include <algorithm>
#include <limits>
#include <unordered_map>

#include "core/match/eligibility.h"
#include "core/session/workspace_detail.h"

namespace nuanxin {
namespace {

using session_detail::inForce;
using session_detail::isOpen;

/// One offer judged against needs: the run's policy (plugins over the national default) and the
/// policy's memo keys, so that a province-wide offer over a million needs asks each question once.
class OfferJudge {
public:
    OfferJudge(const PluginHost& host, const Dataset& data, const Offer& offer, const Donor* donor,
               Lang lang, Date asOf)
        : m_policy(host, m_root, lang, data.donors), m_offer(offer), m_donor(donor),
          m_facts(offerFacts(offer, donor)), m_asOf(asOf) {}

    /// The engine's full verdict for (household, need, this offer), with the failing rule's facts.
    EligibilityVerdict verdict(const Household& h, const Need& n) {
        EligibilityVerdict rules = checkRules(h, n, m_offer, m_donor);
        if (!rules.eligible) return rules;
        return policyVerdict(h, n);
    }

    /// The same answer without the facts of a refusal (the scan over every need of a kind).
    bool eligible(const Household& h, const Need& n) {
        return offerSideRule(n, m_offer, h.divisionCode) == Str::MatchEligible &&
               householdSideRule(h.categories, h.consentToShare, n.deadline.daysSinceEpoch(),
                                 m_facts) == Str::MatchEligible &&
               policyVerdict(h, n).eligible;
    }

    /// Tier, score and distance class of a need this offer may serve; the reasons only when
    /// asked (a scan ranks many more needs than it shows).
    Candidate rank(const Household& h, const Need& n, bool reasons) {
        const auto key = m_policy.priorityKey(h, n, m_asOf);
        const PriorityVerdict* pv = nullptr;
        PriorityVerdict asked;
        if (key) {
            auto it = m_priority.find(*key);
            if (it == m_priority.end())
                it = m_priority.emplace(*key, m_policy.priority(h, n, m_asOf)).first;
            pv = &it->second;
        } else {
            asked = m_policy.priority(h, n, m_asOf);
            pv = &asked;
        }
        Candidate c;
        c.need = n.id;
        c.household = h.id;
        // Clamped as the engine clamps them, so that both rank alike.
        c.tier = std::clamp(pv->tier, 0, kMaxTiers - 1);
        c.score = std::clamp(pv->score, 0, kMaxScore);
        c.distance = distanceClass(h.divisionCode, m_donor ? m_donor->divisionCode : "");
        c.deadline = n.deadline;
        if (reasons) {
            c.reasons = proposalReasons(m_policy.id(), c.tier, c.score, c.distance, pv->reasons);
        }
        return c;
    }

private:
    const EligibilityVerdict& policyVerdict(const Household& h, const Need& n) {
        const auto key = m_policy.eligibilityKey(h, n, m_asOf);
        if (!key) {
            m_asked = m_policy.eligible(h, n, m_offer, m_asOf);
            return m_asked;
        }
        auto it = m_eligible.find(*key);
        if (it == m_eligible.end())
            it = m_eligible.emplace(*key, m_policy.eligible(h, n, m_offer, m_asOf)).first;
        return it->second;
    }

    NationalDefaultPolicy m_root;
    PluginPolicy m_policy;
    const Offer& m_offer;
    const Donor* m_donor;
    OfferFacts m_facts;
    Date m_asOf;
    EligibilityVerdict m_asked;
    std::unordered_map<std::uint64_t, EligibilityVerdict> m_eligible;
    std::unordered_map<std::uint64_t, PriorityVerdict> m_priority;
};

/// What allocations in force already take: of an offer, of its per-household cap.
struct OfferUse {
    std::int64_t used = 0;
    std::unordered_map<HouseholdId, std::int64_t> byHousehold; ///< only when the offer has a cap
};

OfferUse offerUse(const State& state, const Offer& offer) {
    OfferUse use;
    for (const Allocation& a : state.dataset().allocations) {
        if (!inForce(a) || a.offer != offer.id) continue;
        use.used += a.quantity;
        if (offer.perHouseholdCap <= 0) continue;
        if (const Need* n = state.need(a.need)) use.byHousehold[n->household] += a.quantity;
    }
    return use;
}

std::int64_t capLeft(const Offer& offer, const OfferUse& use, HouseholdId household) {
    if (offer.perHouseholdCap <= 0) return std::numeric_limits<std::int64_t>::max();
    const auto it = use.byHousehold.find(household);
    const std::int64_t taken = it == use.byHousehold.end() ? 0 : it->second;
    return std::max<std::int64_t>(0, offer.perHouseholdCap - taken);
}

/// Best first: tier, higher score, nearer, earlier deadline, earlier registration, need id.
bool better(const Candidate& x, std::int64_t xRegistered, const Candidate& y,
            std::int64_t yRegistered) {
    if (x.tier != y.tier) return x.tier < y.tier;
    if (x.score != y.score) return x.score > y.score;
    if (x.distance != y.distance) return x.distance < y.distance;
    if (x.deadline != y.deadline) return x.deadline < y.deadline;
    if (xRegistered != yRegistered) return xRegistered < yRegistered;
    return x.need < y.need;
}

} // namespace

std::vector<Candidate> Workspace::candidatesFor(OfferId offerId, std::size_t limit) const {
    const State& st = state();
    const Offer* offer = st.offer(offerId);
    if (offer == nullptr || offer->status != OfferStatus::Open || limit == 0) return {};
    OfferJudge judge(m_plugins, data(), *offer, st.donor(offer->donor), m_config.lang, asOf());
    // One pass over the needs in data order: contiguous, so several times faster than walking
    // the kind index's tree and looking each id up again (measured at a million needs).
    std::vector<Candidate> found;
    std::vector<std::int64_t> registered;
    for (const Need& n : data().needs) {
        if (n.kind != offer->kind || !isOpen(n)) continue;
        const Household* h = st.household(n.household);
        if (h == nullptr || !judge.eligible(*h, n)) continue;
        found.push_back(judge.rank(*h, n, false));
        found.back().open = n.quantity;
        registered.push_back(h->registered.daysSinceEpoch());
    }
    // What allocations in force already give them (need id -> place in found, by binary
    // search: no hash node per candidate).
    std::vector<std::pair<NeedId, std::size_t>> at(found.size());
    for (std::size_t i = 0; i < found.size(); ++i) at[i] = {found[i].need, i};
    std::sort(at.begin(), at.end());
    const OfferUse use = offerUse(st, *offer);
    for (const Allocation& a : data().allocations) {
        if (!inForce(a)) continue;
        const auto it = std::lower_bound(at.begin(), at.end(), std::make_pair(a.need, std::size_t{0}));
        if (it != at.end() && it->first == a.need) found[it->second].open -= a.quantity;
    }
    const std::int64_t room = std::max<std::int64_t>(0, offer->capacity - use.used);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < found.size(); ++i) {
        Candidate& c = found[i];
        if (c.open <= 0) continue; // fully given already
        c.possible = std::max<std::int64_t>(
            0, std::min({c.open, room, capLeft(*offer, use, c.household)}));
        order.push_back(i);
    }
    const auto cmp = [&](std::size_t x, std::size_t y) {
        return better(found[x], registered[x], found[y], registered[y]);
    };
    const std::size_t shown = std::min(limit, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown),
                      order.end(), cmp);
    std::vector<Candidate> out;
    out.reserve(shown);
    for (std::size_t k = 0; k < shown; ++k) {
        Candidate& c = found[order[k]];
        const Need& n = *st.need(c.need);
        c.reasons = judge.rank(*st.household(c.household), n, true).reasons;
        out.push_back(std::move(c));
    }
    return out;
}

Result<AllocationId> Workspace::assign(NeedId needId, OfferId offerId, std::int64_t quantity) {
    if (m_job) return FieldError{"matching", "", Str::SessionErrMatching, ""};
    const State& st = state();
    const Need* need = st.need(needId);
    const Offer* offer = st.offer(offerId);
    FieldErrors errors;
    if (need == nullptr)
        errors.push_back({"need", std::to_string(needId), Str::ErrUnknownNeed, ""});
    if (offer == nullptr)
        errors.push_back({"offer", std::to_string(offerId), Str::ErrUnknownOffer, ""});
    if (quantity <= 0)
        errors.push_back({"quantity", std::to_string(quantity), Str::ErrNotPositive, ""});
    if (!errors.empty()) return errors;
    const Household* household = st.household(need->household);
    if (household == nullptr) {
        return FieldError{"need", std::to_string(needId), Str::ErrUnknownHousehold,
                          std::to_string(need->household)};
    }
    if (!isOpen(*need)) {
        errors.push_back({"need", std::to_string(needId), Str::SessionErrNeedNotOpen,
                          std::string(name(need->status))});
    }
    if (offer->status != OfferStatus::Open) {
        errors.push_back({"offer", std::to_string(offerId), Str::SessionErrOfferNotOpen,
                          std::string(name(offer->status))});
    }
    OfferJudge judge(m_plugins, data(), *offer, st.donor(offer->donor), m_config.lang, asOf());
    const EligibilityVerdict verdict = judge.verdict(*household, *need);
    if (!verdict.eligible) {
        errors.push_back({"offer", std::to_string(offerId), verdict.reason, verdict.detail});
    }
    // Room: of the need, of the offer, under the household's cap (allocations in force).
    const OfferUse use = offerUse(st, *offer);
    std::int64_t open = need->quantity;
    for (const Allocation& a : data().allocations) {
        if (inForce(a) && a.need == needId) open -= a.quantity;
    }
    const std::int64_t room = offer->capacity - use.used;
    const std::int64_t cap = capLeft(*offer, use, household->id);
    const std::string asked = std::to_string(quantity);
    if (quantity > open) {
        errors.push_back({"quantity", asked, Str::SessionErrBeyondOpen,
                          std::to_string(std::max<std::int64_t>(0, open))});
    }
    if (quantity > room) {
        errors.push_back({"quantity", asked, Str::SessionErrBeyondRoom,
                          std::to_string(std::max<std::int64_t>(0, room))});
    }
    if (quantity > cap) {
        errors.push_back({"quantity", asked, Str::SessionErrBeyondCap, std::to_string(cap)});
    }
    if (!errors.empty()) return errors;

    Allocation a;
    a.id = st.nextIds().allocation;
    a.need = needId;
    a.offer = offerId;
    a.quantity = quantity;
    a.status = AllocationStatus::Proposed;
    a.locked = true; // the engine keeps what a person decided
    const Candidate ranked = judge.rank(*household, *need, true);
    a.reasons.push_back({Str::SessionReasonByHand, {}});
    a.reasons.insert(a.reasons.end(), ranked.reasons.begin(), ranked.reasons.end());
    const AllocationId id = a.id;
    auto r = commit({cmd::ProposeAllocation{std::move(a)}});
    if (!r.ok()) return r.errors();
    return id;
}

Result<std::uint64_t> Workspace::unassign(AllocationId allocation) {
    return commit({cmd::SetAllocationStatus{allocation, AllocationStatus::Cancelled}});
}

} // namespace nuanxin
