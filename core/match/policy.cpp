#include "core/match/policy.h"

#include <algorithm>

namespace nuanxin {

std::optional<std::uint64_t> MatchPolicy::eligibilityKey(const Household& /*household*/,
                                                         const Need& /*need*/,
                                                         const Date& /*asOf*/) const {
    return std::nullopt;
}

std::optional<std::uint64_t> MatchPolicy::priorityKey(const Household& /*household*/,
                                                      const Need& /*need*/,
                                                      const Date& /*asOf*/) const {
    return std::nullopt;
}

AttributeSet memberAttributes(const Household& household) {
    std::uint32_t bits = 0;
    for (const Member& m : household.members) bits |= m.attributes.bits();
    return AttributeSet(bits);
}

namespace {

constexpr int kElderlyAge = 60;
constexpr int kVeryOldAge = 80;
constexpr int kChildAge = 18;

/// Facts of a household that the default rules read; computed once per call.
struct Facts {
    AttributeSet attrs;
    bool elderly = false;
    bool elderlyAlone = false;
    int memberPoints = 0;
};

Facts factsOf(const Household& h, const Date& asOf) {
    Facts f;
    for (const Member& m : h.members) {
        const int age = m.birth.yearsUntil(asOf);
        const AttributeSet a = m.attributes;
        f.attrs = AttributeSet(f.attrs.bits() | a.bits());
        if (age >= kElderlyAge) {
            f.elderly = true;
            f.memberPoints += age >= kVeryOldAge ? 10 : 5;
            if (a.has(Attribute::LivesAlone)) f.elderlyAlone = true;
        } else if (age < kChildAge) {
            f.memberPoints += 5;
        }
        if (a.has(Attribute::CannotSelfCare)) f.memberPoints += 15;
        if (a.has(Attribute::SeriousIllness)) f.memberPoints += 10;
        if (a.has(Attribute::Disabled)) f.memberPoints += 10;
        if (a.has(Attribute::Orphan) || a.has(Attribute::Unsupported)) f.memberPoints += 15;
        if (a.has(Attribute::LeftBehind)) f.memberPoints += 5;
        if (a.has(Attribute::LivesAlone)) f.memberPoints += 10;
        if (a.has(Attribute::DisasterHit)) f.memberPoints += 10;
    }
    return f;
}

bool isElderCare(Kind k) {
    return k == Kind::HomeCareBed || k == Kind::HomeAdaptation || k == Kind::ResidentialCare;
}

/// The one fact a kind-specific rule reads (false when the kind has no rule): shared by
/// eligible() and eligibilityKey() so the two can never disagree.
bool ruleFact(const Household& h, Kind kind, const Date& asOf, bool& hasRule) {
    hasRule = true;
    const auto needAttrs = [&h]() { return memberAttributes(h); };
    if (kind == Kind::OneTimeSubsidy) {
        return h.categories.has(Category::Dibao) || h.categories.has(Category::Tekun);
    }
    if (isElderCare(kind)) {
        const AttributeSet a = needAttrs();
        if (a.has(Attribute::CannotSelfCare) || a.has(Attribute::Disabled)) return true;
        return std::any_of(h.members.begin(), h.members.end(), [&asOf](const Member& m) {
            return m.birth.yearsUntil(asOf) >= kElderlyAge;
        });
    }
    if (kind == Kind::EducationAid) return needAttrs().has(Attribute::InSchool);
    if (kind == Kind::MedicalAid) {
        const AttributeSet a = needAttrs();
        return a.has(Attribute::SeriousIllness) || a.has(Attribute::Disabled);
    }
    hasRule = false;
    return true;
}

Str ruleCode(Kind kind) {
    if (kind == Kind::OneTimeSubsidy) return Str::MatchRuleSubsidyCategory;
    if (isElderCare(kind)) return Str::MatchRuleElderCare;
    if (kind == Kind::EducationAid) return Str::MatchRuleSchool;
    return Str::MatchRuleMedical;
}

} // namespace

EligibilityVerdict NationalDefaultPolicy::eligible(const Household& household, const Need& need,
                                                   const Offer& /*offer*/, const Date& asOf) const {
    bool hasRule = false;
    const bool ok = ruleFact(household, need.kind, asOf, hasRule);
    if (!hasRule) return {};
    if (ok) return {true, ruleCode(need.kind), {}};
    return {false, ruleCode(need.kind), "kind=" + std::string(name(need.kind))};
}

std::optional<std::uint64_t> NationalDefaultPolicy::eligibilityKey(const Household& household,
                                                                   const Need& need,
                                                                   const Date& asOf) const {
    bool hasRule = false;
    const bool fact = ruleFact(household, need.kind, asOf, hasRule);
    // The answer depends on the need's kind and one yes/no fact only.
    return (static_cast<std::uint64_t>(need.kind) << 2) | (hasRule ? 2U : 0U) | (fact ? 1U : 0U);
}

std::optional<std::uint64_t> NationalDefaultPolicy::priorityKey(const Household& household,
                                                                const Need& need,
                                                                const Date& asOf) const {
    // priority() reads exactly these facts; member points are capped where the score is.
    const Facts f = factsOf(household, asOf);
    return std::uint64_t{household.categories.bits()} | (std::uint64_t{f.attrs.bits()} << 8) |
           (std::uint64_t{f.elderlyAlone} << 20) |
           (static_cast<std::uint64_t>(need.urgency) << 21) |
           (static_cast<std::uint64_t>(std::min(f.memberPoints, kMaxScore)) << 24);
}

PriorityVerdict NationalDefaultPolicy::priority(const Household& household, const Need& need,
                                                const Date& asOf) const {
    const Facts f = factsOf(household, asOf);
    const CategorySet c = household.categories;
    PriorityVerdict v;
    std::string why;
    const auto note = [&why](std::string_view fact) {
        if (!why.empty()) why += ',';
        why += fact;
    };
    if (c.has(Category::Tekun)) note("tekun");
    if (c.has(Category::Homeless)) note("homeless");
    if (c.has(Category::DisasterStranded)) note("disaster_stranded");
    if (f.attrs.has(Attribute::CannotSelfCare)) note("cannot_self_care");
    if (f.attrs.has(Attribute::Orphan)) note("orphan");
    if (f.attrs.has(Attribute::Unsupported)) note("unsupported");
    if (need.urgency == Urgency::Critical) note("critical");
    if (!why.empty()) {
        v.tier = 0;
    } else {
        if (c.has(Category::Dibao)) note("dibao");
        if (f.elderlyAlone) note("elderly_alone");
        if (f.attrs.has(Attribute::Disabled)) note("disabled");
        if (f.attrs.has(Attribute::SeriousIllness)) note("serious_illness");
        if (f.attrs.has(Attribute::DisasterHit)) note("disaster_hit");
        if (!why.empty()) {
            v.tier = 1;
        } else {
            if (c.has(Category::DibaoEdge)) note("dibao_edge");
            if (c.has(Category::Monitored)) note("monitored");
            if (c.has(Category::RigidExpense)) note("rigid_expense");
            v.tier = why.empty() ? 3 : 2;
        }
    }
    static constexpr Str kTierCodes[] = {Str::MatchTier0, Str::MatchTier1, Str::MatchTier2,
                                         Str::MatchTier3};
    v.reasons.push_back({kTierCodes[v.tier], why});

    const int urgency = need.urgency == Urgency::Critical ? 40
                        : need.urgency == Urgency::Urgent ? 20
                                                          : 0;
    int category = 0;
    if (c.has(Category::Tekun) || c.has(Category::Homeless) || c.has(Category::DisasterStranded)) {
        category = 10;
    } else if (c.has(Category::Dibao)) {
        category = 5;
    }
    if (urgency > 0) v.reasons.push_back({Str::MatchScoreUrgency, std::to_string(urgency)});
    const int members = std::min(f.memberPoints, kMaxScore);
    if (members > 0) v.reasons.push_back({Str::MatchScoreMembers, std::to_string(members)});
    if (category > 0) v.reasons.push_back({Str::MatchScoreCategory, std::to_string(category)});
    v.score = std::min(kMaxScore, urgency + members + category);
    return v;
}

} // namespace nuanxin
