#pragma once
// Random matching instances and an independent judge for the match suites: the rules, distances
// and objective are re-implemented here from the text, not taken from core/match.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/match/match.h"
#include "core/match/policy.h"
#include "core/model/types.h"

namespace nuanxin::test {

/// Own generator: the same numbers under libstdc++, libc++ and em++ (no std distributions).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// 0 .. n-1
    std::int64_t below(std::int64_t n) {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
    }
    bool chance(int percent) { return below(100) < percent; }

private:
    std::uint64_t m_state;
};

/// A policy whose answers are arithmetic on ids, so tests know them without the engine.
class ArithmeticPolicy final : public MatchPolicy {
public:
    explicit ArithmeticPolicy(int tiers, bool withKey = false) : m_tiers(tiers), m_key(withKey) {}
    [[nodiscard]] std::string_view id() const override { return "arithmetic"; }
    [[nodiscard]] EligibilityVerdict eligible(const Household& h, const Need& n, const Offer& o,
                                              const Date&) const override {
        if ((h.id * 3 + o.id) % 7 == 0) return {false, Str::MatchRuleSchool, "arith"};
        (void)n;
        return {};
    }
    [[nodiscard]] PriorityVerdict priority(const Household& h, const Need& n,
                                           const Date&) const override {
        PriorityVerdict v;
        v.tier = static_cast<int>((h.id + n.id) % static_cast<std::uint64_t>(m_tiers));
        v.score = static_cast<int>((n.id * 37) % 5) * 25;
        v.reasons.push_back({Str::MatchTier3, "arith"});
        return v;
    }
    [[nodiscard]] std::optional<std::uint64_t> eligibilityKey(const Household& h, const Need&,
                                                              const Date&) const override {
        if (!m_key) return std::nullopt;
        return h.id; // the answer depends on the household id only
    }

private:
    int m_tiers;
    bool m_key;
};

struct InstanceShape {
    int households = 3;
    int needs = 4;
    int offers = 3;
    int maxQuantity = 3;
    int maxCapacity = 5;
    int maxCap = 2;
    int counties = 4; ///< how many of the fixed counties to use
    int kinds = 2;    ///< coal only (1) or coal and quilts (2)
    int lockedPercent = 15;
};

/// A random data set over real county codes of Sichuan and Hebei.
[[nodiscard]] Dataset randomInstance(std::uint64_t seed, const InstanceShape& shape);

/// Independent eligibility (kind, unit, coverage by prefix, target groups, window, consent,
/// then the policy).
[[nodiscard]] bool judgeEligible(const Dataset& d, const Household& h, const Need& n,
                                 const Offer& o, const MatchPolicy& policy);
[[nodiscard]] int judgeDistance(const std::string& county, const std::string& origin);

/// The lexicographic objective of a list of (need id, offer id, quantity).
struct Judged {
    std::array<std::int64_t, kMaxTiers> served{};
    std::int64_t score = 0, distance = 0, deadline = 0;
};
[[nodiscard]] bool judgeBetter(const Judged& a, const Judged& b);
[[nodiscard]] bool judgeEqual(const Judged& a, const Judged& b);
[[nodiscard]] std::string judgeText(const Judged& a);
[[nodiscard]] Judged judgeObjective(const Dataset& d, const MatchPolicy& policy,
                                    const std::vector<Allocation>& fresh);

/// Every violated rule of a result ("" when none): eligibility, need quantities, offer
/// capacities, per-household caps, locked allocations kept first and unchanged.
[[nodiscard]] std::string judgeValid(const Dataset& d, const MatchPolicy& policy,
                                     const MatchResult& r);

/// Best objective over every integer allocation (tiny instances only; nullopt when too big).
[[nodiscard]] std::optional<Judged> exhaustiveBest(const Dataset& d, const MatchPolicy& policy,
                                                   std::size_t maxPairs);

} // namespace nuanxin::test
