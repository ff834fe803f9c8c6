#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/match/policy.h"
#include "core/model/types.h"

namespace nuanxin {

/// @brief How far an offer comes from: 0 same county, 1 same city, 2 same province, 3 wider.
inline constexpr int kMaxDistance = 3;

/// @brief Distance class between a household's county (6 digits) and an offer's origin (the
/// donor's division code, any level, padded or not). An empty or unknown origin is "wider".
[[nodiscard]] int distanceClass(std::string_view county, std::string_view origin);

/// @brief Translation key describing a distance class (MatchDistCounty ... MatchDistWider).
[[nodiscard]] Str distanceLabel(int distance);

/// @brief What the household-side rules need to know about an offer, computed once per offer.
struct OfferFacts {
    std::uint32_t targetBits = 0; ///< 0: every category
    std::int64_t windowStart = 0; ///< days since 1970-01-01
    std::int64_t windowEnd = 0;
    bool consent = false; ///< the donor needs the household's consent
};

[[nodiscard]] OfferFacts offerFacts(const Offer& offer, const Donor* donor);

/// @brief The rules that depend on the offer and the county only: same kind and unit, county
/// inside the coverage. Str::MatchEligible when they pass, else the failing rule.
[[nodiscard]] Str offerSideRule(const Need& need, const Offer& offer, std::string_view county);

/// @brief The rules that depend on the household and the need: target groups, deadline inside
/// the window, consent. Str::MatchEligible when they pass, else the failing rule.
[[nodiscard]] Str householdSideRule(CategorySet categories, bool consentToShare,
                                    std::int64_t deadlineDay, const OfferFacts& offer);

/// @brief The fixed rules, in the order they are reported: same kind and unit, county
/// inside the coverage, household in the target groups (empty = everyone), deadline inside the
/// window, consent when the donor is a charity (or unknown: the cautious reading).
[[nodiscard]] EligibilityVerdict checkRules(const Household& household, const Need& need,
                                            const Offer& offer, const Donor* donor);

/// @brief checkRules() and then the policy's own rules: the full answer for one triple.
[[nodiscard]] EligibilityVerdict checkEligibility(const Household& household, const Need& need,
                                                  const Offer& offer, const Donor* donor,
                                                  const MatchPolicy& policy, const Date& asOf);

/// @brief The reasons a proposal carries, in the order an auditor reads them: the policy that
/// found the pair eligible, the need's tier and score, how far the offer comes from (or `chosenBy`
/// when another rule chose the offer), then the policy's own priority reasons.
[[nodiscard]] std::vector<Reason> proposalReasons(std::string_view policyId, int tier, int score,
                                                  int distance, const std::vector<Reason>& priority,
                                                  std::optional<Str> chosenBy = std::nullopt);

/// @brief True when an offer's donor needs the household's consent to share data.
[[nodiscard]] bool needsConsent(const Donor* donor);

/// @brief True when `county` lies inside one of the offer's coverage codes.
[[nodiscard]] bool covers(const Offer& offer, std::string_view county);

} // namespace nuanxin
