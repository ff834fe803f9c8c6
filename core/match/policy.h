#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/types.h"

namespace nuanxin {

/// @brief Highest tier number + 1 a policy may use; larger tiers are clamped to kMaxTiers - 1.
/// Kept small because the solver's integer cost bound grows with it (see cost_scale.h).
inline constexpr int kMaxTiers = 8;
/// @brief Scores lie in 0..kMaxScore (clamped by the engine).
inline constexpr int kMaxScore = 100;

/// @brief A policy's answer for one (household, need, offer).
struct EligibilityVerdict {
    bool eligible = true;
    Str reason = Str::MatchEligible; ///< the rule that decided (a translation key)
    std::string detail;              ///< language-neutral facts, e.g. "kind=home_care_bed"
};

/// @brief A policy's answer for one (household, need): tier 0 is served first, then score.
struct PriorityVerdict {
    int tier = 0;  ///< 0 = highest; 0 .. kMaxTiers-1
    int score = 0; ///< within the tier, higher first; 0 .. kMaxScore
    std::vector<Reason> reasons;
};

/// @brief The region's rules as the matching engine sees them: plain values in, plain values
/// out, no callbacks into state, no clock. The plugin issue routes the same calls through a C ABI.
class MatchPolicy {
public:
    virtual ~MatchPolicy() = default;
    /// @brief Stable identifier, written into allocation reasons ("national-default").
    [[nodiscard]] virtual std::string_view id() const = 0;
    /// @brief Extra eligibility rules of the region (the engine checks kind, unit, coverage,
    /// target groups, window and consent itself). `asOf` is the campaign's reference date.
    [[nodiscard]] virtual EligibilityVerdict eligible(const Household& household, const Need& need,
                                                      const Offer& offer,
                                                      const Date& asOf) const = 0;
    /// @brief Tier and score of a need, with the reasons an auditor reads.
    [[nodiscard]] virtual PriorityVerdict priority(const Household& household, const Need& need,
                                                   const Date& asOf) const = 0;
    /// @brief Optional memo key: two (household, need) pairs with the same key must get the same
    /// eligible() answer for every offer. The engine then asks once per (key, offer) instead of
    /// once per (need, offer), which is what makes a million needs affordable. nullopt: no sharing.
    [[nodiscard]] virtual std::optional<std::uint64_t>
    eligibilityKey(const Household& household, const Need& need, const Date& asOf) const;
    /// @brief Optional memo key for priority(): equal keys must give equal verdicts (tier, score
    /// and reasons). nullopt: the engine asks for every need.
    [[nodiscard]] virtual std::optional<std::uint64_t>
    priorityKey(const Household& household, const Need& need, const Date& asOf) const;
};

/// @brief The built-in national default, from the categories and attributes of DOMAIN.md.
///
/// Tiers (why): 0 = people with no one else and immediate risk in the cold (特困, 流浪乞讨,
/// 因灾滞留, a member who cannot self-care, an orphan or de facto unsupported child, or a need
/// marked critical); 1 = those the state must cover by law ("应保尽保": 低保) and the vulnerable
/// persons Sichuan's notice names (elderly living alone, disabled, seriously ill, badly hit by
/// disaster); 2 = monitored low-income groups at risk of falling back (低保边缘, 防返贫监测,
/// 刚性支出困难); 3 = everyone else. Score: urgency, then member facts, then category, capped at
/// 100. Eligibility: one-time subsidies only for 低保/特困; elderly care services only for
/// households with a member aged 60+, who cannot self-care or is disabled; education aid only with
/// a member in school; medical aid only with a seriously ill or disabled member.
class NationalDefaultPolicy final : public MatchPolicy {
public:
    [[nodiscard]] std::string_view id() const override { return "national-default"; }
    [[nodiscard]] EligibilityVerdict eligible(const Household& household, const Need& need,
                                              const Offer& offer, const Date& asOf) const override;
    [[nodiscard]] PriorityVerdict priority(const Household& household, const Need& need,
                                           const Date& asOf) const override;
    [[nodiscard]] std::optional<std::uint64_t>
    eligibilityKey(const Household& household, const Need& need, const Date& asOf) const override;
    [[nodiscard]] std::optional<std::uint64_t>
    priorityKey(const Household& household, const Need& need, const Date& asOf) const override;
};

/// @brief Union of the members' attributes (a household "has" a disabled member ...).
[[nodiscard]] AttributeSet memberAttributes(const Household& household);

} // namespace nuanxin
