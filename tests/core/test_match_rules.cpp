// Hand-built matching cases: the policy's tiers, the rules' reason codes, distance classes,
// the tie rule, capped classes, unmet reasons and the integer cost bound.
#include <boost/test/unit_test.hpp>

#include "core/match/cost_scale.h"
#include "core/match/eligibility.h"
#include "core/match/match.h"

#include "test_match_support.h"
#include "test_builders.h"

using namespace nuanxin;

namespace {

Household household(HouseholdId id, const char* county, CategorySet cats, int regDay = 1) {
    Household h;
    h.id = id;
    h.divisionCode = county;
    h.categories = cats;
    h.consentToShare = true;
    h.registered = Date{2026, 11, regDay};
    Member m;
    m.birth = Date{1980, 5, 5};
    h.members.push_back(m);
    return h;
}

Need need(NeedId id, HouseholdId h, std::int64_t q, Kind kind = Kind::Coal) {
    Need n = test::makeNeed(id, h, kind, q);
    n.deadline = Date{2026, 12, 10};
    return n;
}

Offer offer(OfferId id, DonorId donor, std::int64_t capacity, std::vector<std::string> coverage,
            std::int64_t cap = 0, Kind kind = Kind::Coal) {
    Offer o;
    o.id = id;
    o.donor = donor;
    o.kind = kind;
    o.unit = kindInfo(kind).unit;
    o.capacity = capacity;
    o.coverage = std::move(coverage);
    o.windowStart = Date{2026, 12, 1};
    o.windowEnd = Date{2026, 12, 31};
    o.perHouseholdCap = cap;
    return o;
}

Dataset base() {
    Dataset d;
    d.asOf = Date{2026, 12, 1};
    Donor near;
    near.id = 1;
    near.type = DonorType::Enterprise;
    near.divisionCode = "510104";
    Donor far = near;
    far.id = 2;
    far.divisionCode = "13";
    d.donors = {near, far};
    return d;
}

std::int64_t servedTo(const MatchResult& r, NeedId id) {
    std::int64_t q = 0;
    for (const Allocation& a : r.allocations) q += a.need == id ? a.quantity : 0;
    return q;
}

const UnmetNeed* unmetOf(const MatchResult& r, NeedId id) {
    for (const UnmetNeed& u : r.unmet) {
        if (u.need == id) return &u;
    }
    return nullptr;
}

MatchResult run(const Dataset& d, MatchMode mode = MatchMode::Engine) {
    MatchOptions o;
    o.mode = mode;
    const NationalDefaultPolicy policy;
    auto r = match(d, policy, o);
    BOOST_REQUIRE(r.ok());
    return std::move(r.value());
}

} // namespace

BOOST_AUTO_TEST_SUITE(match_rules)

BOOST_AUTO_TEST_CASE(national_default_tiers) {
    const NationalDefaultPolicy p;
    const Date asOf{2026, 12, 1};
    const Need n = need(1, 1, 1);
    BOOST_CHECK_EQUAL(p.priority(household(1, "510104", {Category::Tekun}), n, asOf).tier, 0);
    BOOST_CHECK_EQUAL(p.priority(household(1, "510104", {Category::Homeless}), n, asOf).tier, 0);
    BOOST_CHECK_EQUAL(p.priority(household(1, "510104", {Category::Dibao}), n, asOf).tier, 1);
    BOOST_CHECK_EQUAL(p.priority(household(1, "510104", {Category::DibaoEdge}), n, asOf).tier, 2);
    BOOST_CHECK_EQUAL(p.priority(household(1, "510104", {Category::OtherLowIncome}), n, asOf).tier,
                      3);
    Household alone = household(1, "510104", {});
    alone.members[0].birth = Date{1940, 1, 1};
    alone.members[0].attributes = {Attribute::LivesAlone};
    const PriorityVerdict v = p.priority(alone, n, asOf);
    BOOST_CHECK_EQUAL(v.tier, 1);
    BOOST_CHECK_GT(v.score, 0);
    BOOST_CHECK(v.reasons.at(0).code == Str::MatchTier1);
    Need critical = n;
    critical.urgency = Urgency::Critical;
    BOOST_CHECK_EQUAL(p.priority(household(1, "510104", {}), critical, asOf).tier, 0);
    // Scores stay in 0..100 however much is stacked.
    Household many = household(1, "510104", {Category::Tekun});
    for (int i = 0; i < 8; ++i) many.members.push_back(alone.members[0]);
    BOOST_CHECK_EQUAL(p.priority(many, critical, asOf).score, 100);
}

BOOST_AUTO_TEST_CASE(rules_report_their_reason) {
    const Dataset d = base();
    const Household h = household(1, "510104", {Category::Dibao});
    const Need n = need(1, 1, 2);
    const Offer o = offer(1, 1, 5, {"5101"});
    const NationalDefaultPolicy p;
    BOOST_CHECK(checkEligibility(h, n, o, &d.donors[0], p, d.asOf).eligible);
    Offer other = o;
    other.kind = Kind::Quilt;
    other.unit = Unit::Piece;
    BOOST_CHECK(checkRules(h, n, other, &d.donors[0]).reason == Str::MatchRuleKind);
    other = o;
    other.coverage = {"5103"};
    BOOST_CHECK(checkRules(h, n, other, &d.donors[0]).reason == Str::MatchRuleCoverage);
    other = o;
    other.targetGroups = {Category::Tekun};
    BOOST_CHECK(checkRules(h, n, other, &d.donors[0]).reason == Str::MatchRuleTarget);
    other = o;
    other.windowEnd = Date{2026, 12, 5};
    BOOST_CHECK(checkRules(h, n, other, &d.donors[0]).reason == Str::MatchRuleWindow);
    Household noConsent = h;
    noConsent.consentToShare = false;
    Donor charity = d.donors[0];
    charity.type = DonorType::Charity;
    BOOST_CHECK(checkRules(noConsent, n, o, &charity).reason == Str::MatchRuleConsent);
    BOOST_CHECK(checkRules(noConsent, n, o, &d.donors[0]).eligible); // an enterprise: no consent
    const Need subsidy = need(2, 1, 100, Kind::OneTimeSubsidy);
    const Offer cash = offer(2, 1, 1000, {"51"}, 0, Kind::OneTimeSubsidy);
    BOOST_CHECK(checkEligibility(h, subsidy, cash, &d.donors[0], p, d.asOf).eligible);
    const Household edge = household(1, "510104", {Category::DibaoEdge});
    const EligibilityVerdict v = checkEligibility(edge, subsidy, cash, &d.donors[0], p, d.asOf);
    BOOST_CHECK(!v.eligible);
    BOOST_CHECK(v.reason == Str::MatchRuleSubsidyCategory);
}

BOOST_AUTO_TEST_CASE(distance_classes) {
    BOOST_CHECK_EQUAL(distanceClass("510104", "510104"), 0);
    BOOST_CHECK_EQUAL(distanceClass("510104", "510105"), 1);
    BOOST_CHECK_EQUAL(distanceClass("510104", "510100"), 1);
    BOOST_CHECK_EQUAL(distanceClass("510104", "510302"), 2);
    BOOST_CHECK_EQUAL(distanceClass("510104", "510000"), 2);
    BOOST_CHECK_EQUAL(distanceClass("510104", "13"), 3);
    BOOST_CHECK_EQUAL(distanceClass("510104", ""), 3);
}

BOOST_AUTO_TEST_CASE(higher_tier_first_even_from_further_away) {
    Dataset d = base();
    d.households = {household(1, "510104", {Category::OtherLowIncome}),
                    household(2, "510302", {Category::Tekun}, 20)};
    d.needs = {need(1, 1, 3), need(2, 2, 3)};
    d.offers = {offer(1, 1, 3, {"51"})};
    const MatchResult r = run(d);
    BOOST_CHECK_EQUAL(servedTo(r, 2), 3);
    BOOST_CHECK_EQUAL(servedTo(r, 1), 0);
    BOOST_REQUIRE(unmetOf(r, 1) != nullptr);
    BOOST_CHECK(unmetOf(r, 1)->reason == Str::MatchUnmetUsedByHigher);
    BOOST_CHECK_EQUAL(r.tiers[0].served, 3);
    BOOST_CHECK_EQUAL(r.tiers[3].demand, 3);
    // Greedy goes by registration and serves the earlier, lower-tier household.
    const MatchResult g = run(d, MatchMode::Greedy);
    BOOST_CHECK_EQUAL(servedTo(g, 1), 3);
}

BOOST_AUTO_TEST_CASE(nearest_offer_then_tie_rule) {
    Dataset d = base();
    d.households = {household(1, "510104", {}, 9), household(2, "510104", {}, 3)};
    d.needs = {need(1, 1, 2), need(2, 2, 2)};
    d.offers = {offer(1, 2, 2, {"51"}), offer(2, 1, 1, {"51"})};
    const MatchResult r = run(d);
    // Same level: household 2 registered earlier takes the near offer (id 2) first.
    BOOST_CHECK_EQUAL(servedTo(r, 1) + servedTo(r, 2), 3);
    BOOST_CHECK_EQUAL(servedTo(r, 2), 2);
    bool nearToEarly = false;
    for (const Allocation& a : r.allocations)
        nearToEarly = nearToEarly || (a.need == 2 && a.offer == 2);
    BOOST_CHECK(nearToEarly);
    BOOST_REQUIRE(!r.allocations.empty());
    BOOST_CHECK(r.allocations[0].reasons.size() >= 3);
}

BOOST_AUTO_TEST_CASE(allocations_explained_alike_share_one_reason_list) {
    // Three households alike (same categories, so same tier and score): two served from the
    // county's own offer, one from an offer of a donor in another province. Same explanation,
    // one shared list; another distance, a list of its own that says so.
    Dataset d = base();
    d.households = {household(1, "510104", {Category::Dibao}, 9),
                    household(2, "510104", {Category::Dibao}, 8),
                    household(3, "510104", {Category::Dibao}, 7)};
    d.needs = {need(1, 1, 1), need(2, 2, 1), need(3, 3, 1)};
    d.offers = {offer(1, 1, 2, {"510104"}), offer(2, 2, 5, {"51"})};
    const MatchResult r = run(d);
    std::vector<const Allocation*> nearOnes;
    const Allocation* farOne = nullptr;
    for (const Allocation& a : r.allocations) {
        if (a.offer == 1) nearOnes.push_back(&a);
        if (a.offer == 2) farOne = &a;
    }
    BOOST_REQUIRE_EQUAL(nearOnes.size(), 2U);
    BOOST_REQUIRE(farOne != nullptr);
    BOOST_TEST(nearOnes[0]->reasons.shares(nearOnes[1]->reasons));
    BOOST_TEST(!farOne->reasons.shares(nearOnes[0]->reasons));
    const auto has = [](const Allocation& a, Str code) {
        for (const Reason& reason : a.reasons) {
            if (reason.code == code) return true;
        }
        return false;
    };
    BOOST_TEST(has(*nearOnes[0], Str::MatchDistCounty));
    BOOST_TEST(has(*farOne, Str::MatchDistWider)); // its donor is in another province
    BOOST_TEST(!has(*farOne, Str::MatchDistCounty));
}

BOOST_AUTO_TEST_CASE(capped_class_handout_stays_feasible) {
    // Two identical needs of 2; offer A gives at most 1 per household, B at most 2. The optimum
    // serves all 4 units (1 from A and 1 from B each); handing B's 2 units to the first household
    // would strand one unit of A.
    Dataset d = base();
    d.households = {household(1, "510104", {}, 1), household(2, "510104", {}, 2)};
    d.needs = {need(1, 1, 2), need(2, 2, 2)};
    d.offers = {offer(1, 2, 2, {"51"}, 1), offer(2, 1, 2, {"51"}, 2)};
    const MatchResult r = run(d);
    BOOST_CHECK_EQUAL(r.stats.classes, 1U); // both needs pooled into one capped class
    BOOST_CHECK_EQUAL(servedTo(r, 1), 2);
    BOOST_CHECK_EQUAL(servedTo(r, 2), 2);
    BOOST_CHECK(test::judgeValid(d, NationalDefaultPolicy(), r).empty());
}

BOOST_AUTO_TEST_CASE(unmet_reasons) {
    Dataset d = base();
    Household noConsent = household(2, "510104", {});
    noConsent.consentToShare = false;
    d.households = {household(1, "510104", {}), noConsent, household(3, "130102", {})};
    Need late = need(1, 1, 1);
    late.deadline = Date{2027, 2, 1};
    d.needs = {late, need(2, 2, 1), need(3, 3, 1), need(4, 1, 1, Kind::Quilt)};
    Donor charity = d.donors[0];
    charity.id = 3;
    charity.type = DonorType::Charity;
    d.donors.push_back(charity);
    d.offers = {offer(1, 3, 5, {"51"})};
    const MatchResult r = run(d);
    BOOST_REQUIRE_EQUAL(r.unmet.size(), 4U);
    BOOST_CHECK(unmetOf(r, 1)->reason == Str::MatchRuleWindow);
    BOOST_CHECK(unmetOf(r, 2)->reason == Str::MatchRuleConsent);
    BOOST_CHECK(unmetOf(r, 3)->reason == Str::MatchUnmetNoOffer);
    BOOST_CHECK(unmetOf(r, 4)->reason == Str::MatchUnmetNoOffer);
}

BOOST_AUTO_TEST_CASE(cost_bound_holds_at_the_promised_sizes) {
    // 1,000,000 needs and 20,000 offers: even the reference graph (one node per need, plus
    // offers, source and sink) must fit. Checked here in long double, independently of the code.
    const std::int64_t referenceNodes = 1000000 + 20000 + 2;
    const CostScale s = costScale(referenceNodes, kMaxTiers);
    BOOST_CHECK(s.fits);
    const long double n = static_cast<long double>(referenceNodes);
    const long double d = 31, sc = d * (3 * n + 1), step = 101 * sc;
    const long double maxCost = kMaxTiers * step + 100 * sc;
    BOOST_CHECK_EQUAL(static_cast<long double>(s.maxArcCost), maxCost);
    BOOST_CHECK_LT((2 * n + 2) * maxCost, 4611686018427387904.0L); // 2^62
    // The ordering conditions of the proof.
    BOOST_CHECK_GT(s.distance, kMaxDeadlineRank);
    BOOST_CHECK_GT(s.score, 3 * referenceNodes * s.distance + kMaxDeadlineRank);
    BOOST_CHECK_GT(s.tierStep, 100 * s.score + 3 * referenceNodes * s.distance + kMaxDeadlineRank);
    // A level arc always pays more than any distance: serving is always worth it.
    BOOST_CHECK_LT(levelCost(s, kMaxTiers - 1, 0, kMaxDeadlineRank) + 3 * s.distance, 0);
    // Far beyond the bound the engine refuses rather than overflow.
    BOOST_CHECK(!costScale(std::int64_t{20} * 1000 * 1000, kMaxTiers).fits);
}

BOOST_AUTO_TEST_SUITE_END()
