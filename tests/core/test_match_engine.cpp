// The engine against the reference mode, an exhaustive search and the rules, on random instances.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "core/match/match.h"

#include "test_match_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

std::vector<Allocation> freshOf(const MatchResult& r) {
    return {r.allocations.begin() + static_cast<std::ptrdiff_t>(r.lockedCount),
            r.allocations.end()};
}

/// A mid-sized instance shape (the rest as InstanceShape's defaults).
InstanceShape sized(int households, int needs, int offers, int maxCapacity) {
    InstanceShape shape;
    shape.households = households;
    shape.needs = needs;
    shape.offers = offers;
    shape.maxCapacity = maxCapacity;
    return shape;
}

MatchResult run(const Dataset& d, const MatchPolicy& policy, MatchMode mode) {
    MatchOptions o;
    o.mode = mode;
    auto r = match(d, policy, o);
    BOOST_REQUIRE_MESSAGE(r.ok(), "match failed");
    return std::move(r.value());
}

/// Engine = reference = (exhaustive when small); all three modes valid; greedy never better.
void checkInstance(const Dataset& d, const MatchPolicy& policy, std::uint64_t seed,
                   std::size_t maxPairs, int& exhaustiveCount) {
    const MatchResult engine = run(d, policy, MatchMode::Engine);
    const MatchResult reference = run(d, policy, MatchMode::Reference);
    const MatchResult greedy = run(d, policy, MatchMode::Greedy);
    for (const MatchResult* r : {&engine, &reference, &greedy}) {
        const std::string bad = judgeValid(d, policy, *r);
        BOOST_CHECK_MESSAGE(bad.empty(), "seed " << seed << ": " << bad);
    }
    const Judged je = judgeObjective(d, policy, freshOf(engine));
    const Judged jr = judgeObjective(d, policy, freshOf(reference));
    const Judged jg = judgeObjective(d, policy, freshOf(greedy));
    BOOST_CHECK_MESSAGE(judgeEqual(je, jr), "seed " << seed << ": engine " << judgeText(je)
                                                    << " reference " << judgeText(jr));
    BOOST_CHECK_MESSAGE(!judgeBetter(jg, je), "seed " << seed << ": greedy beats engine");
    // The engine's own account of its objective agrees with the judge's.
    BOOST_CHECK_MESSAGE(
        std::equal(je.served.begin(), je.served.end(), engine.objective.served.begin()) &&
            je.score == engine.objective.score && je.distance == engine.objective.distance &&
            je.deadline == engine.objective.deadline,
        "seed " << seed << ": reported " << describe(engine.objective));
    const auto best = exhaustiveBest(d, policy, maxPairs);
    if (best) {
        ++exhaustiveCount;
        BOOST_CHECK_MESSAGE(judgeEqual(je, *best), "seed " << seed << ": engine " << judgeText(je)
                                                           << " exhaustive " << judgeText(*best));
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(match_engine)

BOOST_AUTO_TEST_CASE(tiny_instances_equal_reference_and_exhaustive_search) {
    int exhaustive = 0;
    for (std::uint64_t seed = 1; seed <= 400; ++seed) {
        InstanceShape shape;
        Rng rng(seed * 7919);
        shape.households = 1 + static_cast<int>(rng.below(3));
        shape.needs = 1 + static_cast<int>(rng.below(4));
        shape.offers = 1 + static_cast<int>(rng.below(3));
        shape.counties = 1 + static_cast<int>(rng.below(2));
        shape.kinds = seed % 3 == 0 ? 2 : 1;
        const Dataset d = randomInstance(seed, shape);
        const ArithmeticPolicy policy(1 + static_cast<int>(seed % 3), seed % 2 == 0);
        checkInstance(d, policy, seed, 8, exhaustive);
    }
    // The exhaustive search must really have judged most instances.
    BOOST_CHECK_GT(exhaustive, 300);
}

BOOST_AUTO_TEST_CASE(crowded_instances_with_caps_equal_reference) {
    // Many needs in few counties with binding per-household caps: pooled and capped classes,
    // households with several needs of one kind (hubs), and the national default policy.
    int exhaustive = 0;
    const NationalDefaultPolicy national;
    for (std::uint64_t seed = 1000; seed < 1150; ++seed) {
        InstanceShape shape;
        Rng rng(seed);
        shape.households = 5 + static_cast<int>(rng.below(60));
        shape.needs = 10 + static_cast<int>(rng.below(150));
        shape.offers = 2 + static_cast<int>(rng.below(12));
        shape.maxQuantity = 4;
        shape.maxCapacity = 40;
        shape.maxCap = 3;
        shape.counties = 1 + static_cast<int>(rng.below(3));
        const Dataset d = randomInstance(seed, shape);
        const ArithmeticPolicy arithmetic(4, true);
        checkInstance(d, seed % 2 == 0 ? static_cast<const MatchPolicy&>(national) : arithmetic,
                      seed, 0, exhaustive);
    }
}

BOOST_AUTO_TEST_CASE(same_input_gives_same_allocations) {
    const Dataset d = randomInstance(77, sized(40, 120, 10, 30));
    const NationalDefaultPolicy policy;
    const MatchResult a = run(d, policy, MatchMode::Engine);
    const MatchResult b = run(d, policy, MatchMode::Engine);
    BOOST_CHECK_EQUAL(allocationDigest(a.allocations), allocationDigest(b.allocations));
    BOOST_CHECK(diffAllocations(a.allocations, b.allocations).empty());
}

BOOST_AUTO_TEST_CASE(needs_listed_out_of_id_order_give_ordered_and_equal_results) {
    // The report orders proposals by (need id, offer id): by a counting pass when the data set
    // lists needs by id, by a sort otherwise. Both ways: ordered, valid, the same objective.
    const Dataset listed = randomInstance(91, sized(30, 90, 8, 25));
    Dataset shuffled = listed;
    std::reverse(shuffled.needs.begin(), shuffled.needs.end());
    const NationalDefaultPolicy policy;
    const MatchResult a = run(listed, policy, MatchMode::Engine);
    const MatchResult b = run(shuffled, policy, MatchMode::Engine);
    for (const MatchResult* r : {&a, &b}) {
        const std::vector<Allocation> fresh = freshOf(*r);
        BOOST_TEST(!fresh.empty());
        for (std::size_t i = 1; i < fresh.size(); ++i) {
            const bool ordered = fresh[i - 1].need != fresh[i].need
                                     ? fresh[i - 1].need < fresh[i].need
                                     : fresh[i - 1].offer < fresh[i].offer;
            BOOST_TEST(ordered, "allocation " << i << " out of (need, offer) order");
        }
    }
    BOOST_TEST(judgeValid(shuffled, policy, b).empty());
    BOOST_TEST(judgeEqual(judgeObjective(listed, policy, freshOf(a)),
                          judgeObjective(shuffled, policy, freshOf(b))));
}

BOOST_AUTO_TEST_CASE(locked_allocations_survive_a_rerun_with_new_offers) {
    InstanceShape shape = sized(30, 80, 6, 20);
    shape.lockedPercent = 0;
    Dataset d = randomInstance(2024, shape);
    const NationalDefaultPolicy policy;
    const MatchResult first = run(d, policy, MatchMode::Engine);
    BOOST_REQUIRE(!first.allocations.empty());
    // Approve every other proposal, then add offers and run again.
    std::vector<Allocation> approved;
    for (std::size_t i = 0; i < first.allocations.size(); i += 2) {
        Allocation a = first.allocations[i];
        a.status = AllocationStatus::Approved;
        approved.push_back(a);
    }
    d.allocations = approved;
    Offer extra = d.offers.front();
    extra.id = 500;
    extra.capacity = 50;
    extra.coverage = {"51", "13"};
    extra.targetGroups = CategorySet();
    extra.status = OfferStatus::Open;
    d.offers.push_back(extra);
    const MatchResult second = run(d, policy, MatchMode::Engine);
    BOOST_REQUIRE_EQUAL(second.lockedCount, approved.size());
    for (std::size_t i = 0; i < approved.size(); ++i) {
        BOOST_CHECK_EQUAL(second.allocations[i].id, approved[i].id);
        BOOST_CHECK_EQUAL(second.allocations[i].quantity, approved[i].quantity);
        BOOST_CHECK(second.allocations[i].status == AllocationStatus::Approved);
    }
    BOOST_CHECK(judgeValid(d, policy, second).empty());
    const MatchResult reference = run(d, policy, MatchMode::Reference);
    BOOST_CHECK(judgeEqual(judgeObjective(d, policy, freshOf(second)),
                           judgeObjective(d, policy, freshOf(reference))));
    // The diff names exactly the pairs whose quantity changed.
    const auto changes = diffAllocations(first.allocations, second.allocations);
    for (const AllocationChange& c : changes) BOOST_CHECK_NE(c.before, c.after);
    bool usesNewOffer = false;
    for (const Allocation& a : second.allocations) usesNewOffer = usesNewOffer || a.offer == 500;
    if (usesNewOffer) BOOST_CHECK(!changes.empty());
}

BOOST_AUTO_TEST_SUITE_END()
