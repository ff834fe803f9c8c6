#include "core/match/eligibility.h"

#include <string>

#include "core/geo/divisions.h"

namespace nuanxin {

int distanceClass(std::string_view county, std::string_view origin) {
    if (origin.empty() || county.size() < 6) return kMaxDistance;
    const std::string o = DivisionRegistry::normalize(origin);
    if (o.size() == 6 && county.substr(0, 6) == o) return 0;
    if (o.size() >= 4 && county.substr(0, 4) == std::string_view(o).substr(0, 4)) return 1;
    if (o.size() >= 2 && county.substr(0, 2) == std::string_view(o).substr(0, 2)) return 2;
    return kMaxDistance;
}

Str distanceLabel(int distance) {
    switch (distance) {
    case 0:
        return Str::MatchDistCounty;
    case 1:
        return Str::MatchDistCity;
    case 2:
        return Str::MatchDistProvince;
    default:
        return Str::MatchDistWider;
    }
}

std::vector<Reason> proposalReasons(std::string_view policyId, int tier, int score, int distance,
                                    const std::vector<Reason>& priority,
                                    std::optional<Str> chosenBy) {
    std::vector<Reason> out;
    out.reserve(3 + priority.size());
    out.push_back({Str::MatchEligible, "policy=" + std::string(policyId)});
    out.push_back(
        {Str::MatchWhyPriority, "tier=" + std::to_string(tier) + " score=" + std::to_string(score)});
    out.push_back({chosenBy.value_or(distanceLabel(distance)), "distance=" + std::to_string(distance)});
    out.insert(out.end(), priority.begin(), priority.end());
    return out;
}

bool needsConsent(const Donor* donor) {
    return donor == nullptr || donor->type == DonorType::Charity;
}

bool covers(const Offer& offer, std::string_view county) {
    for (const std::string& area : offer.coverage) {
        if (!area.empty() && DivisionRegistry::isInside(county, area)) return true;
    }
    return false;
}

OfferFacts offerFacts(const Offer& offer, const Donor* donor) {
    return {offer.targetGroups.bits(), offer.windowStart.daysSinceEpoch(),
            offer.windowEnd.daysSinceEpoch(), needsConsent(donor)};
}

Str offerSideRule(const Need& need, const Offer& offer, std::string_view county) {
    if (need.kind != offer.kind || need.unit != offer.unit) return Str::MatchRuleKind;
    if (!covers(offer, county)) return Str::MatchRuleCoverage;
    return Str::MatchEligible;
}

Str householdSideRule(CategorySet categories, bool consentToShare, std::int64_t deadlineDay,
                      const OfferFacts& offer) {
    if (offer.targetBits != 0 && (offer.targetBits & categories.bits()) == 0) {
        return Str::MatchRuleTarget;
    }
    if (deadlineDay < offer.windowStart || deadlineDay > offer.windowEnd) {
        return Str::MatchRuleWindow;
    }
    if (offer.consent && !consentToShare) return Str::MatchRuleConsent;
    return Str::MatchEligible;
}

EligibilityVerdict checkRules(const Household& household, const Need& need, const Offer& offer,
                              const Donor* donor) {
    Str rule = offerSideRule(need, offer, household.divisionCode);
    if (rule == Str::MatchEligible) {
        rule = householdSideRule(household.categories, household.consentToShare,
                                 need.deadline.daysSinceEpoch(), offerFacts(offer, donor));
    }
    switch (rule) {
    case Str::MatchEligible:
        return {};
    case Str::MatchRuleCoverage:
        return {false, rule, "county=" + household.divisionCode};
    case Str::MatchRuleWindow:
        return {false, rule,
                need.deadline.iso() + " not in " + offer.windowStart.iso() + ".." +
                    offer.windowEnd.iso()};
    default:
        return {false, rule, "offer=" + std::to_string(offer.id)};
    }
}

EligibilityVerdict checkEligibility(const Household& household, const Need& need,
                                    const Offer& offer, const Donor* donor,
                                    const MatchPolicy& policy, const Date& asOf) {
    EligibilityVerdict v = checkRules(household, need, offer, donor);
    if (!v.eligible) return v;
    return policy.eligible(household, need, offer, asOf);
}

} // namespace nuanxin
