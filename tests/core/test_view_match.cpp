// The matching screen's groupings and index vectors on hand-built data; expected values are
// worked out by hand in the comments.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/store/state.h"
#include "core/view/match_proposals.h"
#include "core/view/match_results.h"
#include "test_builders.h"

namespace {

using namespace nuanxin;

Need need(NeedId id, HouseholdId h, Kind k, std::int64_t quantity) {
    return test::makeNeed(id, h, k, quantity);
}

Allocation allocation(AllocationId id, NeedId n, OfferId o, std::int64_t quantity,
                      AllocationStatus status, bool locked = false, int tier = -1) {
    Allocation a = test::makeAllocation(id, n, o, quantity, status);
    a.locked = locked;
    a.reasons.push_back({Str::MatchEligible, "policy=national-default"});
    if (tier >= 0) {
        a.reasons.push_back({Str::MatchWhyPriority, "tier=" + std::to_string(tier) + " score=40"});
    }
    return a;
}

Household household(HouseholdId id, const char* head) {
    Household h;
    h.id = id;
    h.divisionCode = "510104";
    h.members.resize(1);
    h.members[0].name = head;
    return h;
}

/// Households 1 张一, 2 李二, 3 王三; needs 1 (h1 coal), 2 (h2 coal), 3 (h3 quilt), 4 (h1 food).
/// Offers: 7 "煤炭捐赠" of donor 1 "暖冬基金会" (capacity 1000), 8 "棉被" of donor 2 "爱心企业"
/// (withdrawn), 9 "大米" of donor 2.
/// Allocations (id need offer qty status locked tier):
///   10 1 7 300 proposed  -   t1
///   11 2 7 200 proposed  -   t0
///   12 3 8 2   approved  yes t2
///   13 1 7 100 rejected  -   t1
///   14 4 9 50  proposed  yes (hand-made: no tier)
///   15 2 7 80  cancelled -   t0
///   16 2 7 120 approved  -   t0
State sample() {
    StoreData s;
    Dataset& d = s.data;
    d.households = {household(1, "张一"), household(2, "李二"), household(3, "王三")};
    d.needs = {need(1, 1, Kind::Coal, 500), need(2, 2, Kind::Coal, 400), need(3, 3, Kind::Quilt, 2),
               need(4, 1, Kind::Food, 50)};
    Donor fund;
    fund.id = 1;
    fund.name = "暖冬基金会";
    Donor firm;
    firm.id = 2;
    firm.name = "爱心企业";
    d.donors = {fund, firm};
    Offer coal;
    coal.id = 7;
    coal.donor = 1;
    coal.kind = Kind::Coal;
    coal.capacity = 1000;
    coal.title = "煤炭捐赠";
    Offer quilts;
    quilts.id = 8;
    quilts.donor = 2;
    quilts.kind = Kind::Quilt;
    quilts.capacity = 10;
    quilts.title = "棉被";
    quilts.status = OfferStatus::Withdrawn;
    Offer rice;
    rice.id = 9;
    rice.donor = 2;
    rice.kind = Kind::Food;
    rice.capacity = 40; // less than what is allocated: remaining stays at 0
    rice.title = "大米";
    d.offers = {coal, quilts, rice};
    d.allocations = {allocation(10, 1, 7, 300, AllocationStatus::Proposed, false, 1),
                     allocation(11, 2, 7, 200, AllocationStatus::Proposed, false, 0),
                     allocation(12, 3, 8, 2, AllocationStatus::Approved, true, 2),
                     allocation(13, 1, 7, 100, AllocationStatus::Rejected, false, 1),
                     allocation(14, 4, 9, 50, AllocationStatus::Proposed, true),
                     allocation(15, 2, 7, 80, AllocationStatus::Cancelled, false, 0),
                     allocation(16, 2, 7, 120, AllocationStatus::Approved, false, 0)};
    return State(std::move(s));
}

std::vector<AllocationId> ids(const State& state, const std::vector<std::size_t>& rows) {
    std::vector<AllocationId> out;
    for (std::size_t i : rows) out.push_back(state.dataset().allocations[i].id);
    return out;
}

std::vector<AllocationId> query(const State& state, ProposalQuery q) {
    return ids(state, filterProposals(state, q));
}

} // namespace

BOOST_AUTO_TEST_SUITE(view_match)

BOOST_AUTO_TEST_CASE(tier_rows_cover_locked_units) {
    MatchResult r;
    r.tierCount = 2;
    r.tiers[0] = TierTotal{3, 1, 100, 60, 20};
    r.tiers[1] = TierTotal{0, 0, 0, 0, 0};
    r.tiers[2] = TierTotal{5, 5, 10, 10, 0}; // beyond tierCount: not a row
    const std::vector<TierRow> rows = tierRows(r);
    BOOST_REQUIRE(rows.size() == 2U);
    BOOST_TEST(rows[0].tier == 0);
    BOOST_TEST(rows[0].needs == 3U);
    BOOST_TEST(rows[0].fullyServed == 1U);
    // (60 served + 20 locked) of (100 open + 20 locked) = 2/3.
    BOOST_TEST(rows[0].coverage == 2.0 / 3.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(rows[1].tier == 1);
    BOOST_TEST(rows[1].coverage == 0.0);
}

BOOST_AUTO_TEST_CASE(unmet_grouped_by_reason_then_kind) {
    const State state = sample();
    // No offer: needs 1 (coal 50), 2 (coal 30), 99 (unknown to the state).
    // Used by higher: need 3 (quilt 1), need 4 (food 2).
    std::vector<UnmetNeed> unmet(5);
    unmet[0] = {1, 50, 1, 0, Str::MatchUnmetNoOffer, ""};
    unmet[1] = {3, 1, 2, 0, Str::MatchUnmetUsedByHigher, ""};
    unmet[2] = {2, 30, 0, 0, Str::MatchUnmetNoOffer, ""};
    unmet[3] = {99, 7, 0, 0, Str::MatchUnmetNoOffer, ""};
    unmet[4] = {4, 2, 3, 0, Str::MatchUnmetUsedByHigher, ""};
    const std::vector<UnmetGroup> groups = unmetByReason(unmet, state);
    BOOST_REQUIRE(groups.size() == 2U);
    BOOST_TEST((groups[0].reason == Str::MatchUnmetNoOffer));
    BOOST_TEST(groups[0].needs == 3U);
    BOOST_REQUIRE(groups[0].kinds.size() == 1U);
    BOOST_TEST((groups[0].kinds[0].kind == Kind::Coal));
    BOOST_TEST(groups[0].kinds[0].needs == 2U);
    BOOST_TEST(groups[0].kinds[0].quantity == 80);
    BOOST_TEST((groups[1].reason == Str::MatchUnmetUsedByHigher));
    BOOST_TEST(groups[1].needs == 2U);
    BOOST_REQUIRE(groups[1].kinds.size() == 2U);
    // One need each: catalogue order, quilt before food.
    BOOST_TEST((groups[1].kinds[0].kind == Kind::Quilt));
    BOOST_TEST((groups[1].kinds[1].kind == Kind::Food));
    BOOST_TEST(groups[1].kinds[1].quantity == 2);
}

BOOST_AUTO_TEST_CASE(changes_counted_by_kind_of_change) {
    const std::vector<AllocationChange> changes = {
        {1, 1, 0, 10}, // new
        {1, 2, 5, 0},  // removed
        {2, 1, 5, 7},  // resized
        {3, 1, 4, 4},  // the same (diffAllocations does not list these, but a caller might)
    };
    const ChangeCounts c = countChanges(changes);
    BOOST_TEST(c.added == 1U);
    BOOST_TEST(c.removed == 1U);
    BOOST_TEST(c.changed == 1U);
    BOOST_TEST(c.unitsBefore == 14);
    BOOST_TEST(c.unitsAfter == 21);
}

BOOST_AUTO_TEST_CASE(tier_from_reasons) {
    BOOST_TEST(allocationTier(allocation(1, 1, 1, 1, AllocationStatus::Proposed, false, 3)) == 3);
    BOOST_TEST(allocationTier(allocation(1, 1, 1, 1, AllocationStatus::Proposed)) == -1);
}

BOOST_AUTO_TEST_CASE(filter_by_status_kind_tier) {
    const State state = sample();
    BOOST_TEST(query(state, {}) == (std::vector<AllocationId>{10, 11, 14}));
    ProposalQuery q;
    q.filter = ProposalFilter::Approved;
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{12, 16}));
    q.filter = ProposalFilter::Locked;
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{12, 14}));
    q.filter = ProposalFilter::All;
    BOOST_TEST(query(state, q).size() == 7U);
    q.kind = Kind::Coal;
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{10, 11, 13, 15, 16}));
    q.tier = 0;
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{11, 15, 16}));
}

BOOST_AUTO_TEST_CASE(search_by_name_title_donor_and_id) {
    const State state = sample();
    ProposalQuery q;
    q.filter = ProposalFilter::All;
    q.text = "李二"; // household 2's head
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{11, 15, 16}));
    q.text = "棉被"; // offer 8's title
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{12}));
    q.text = "爱心"; // donor 2 gives offers 8 and 9
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{12, 14}));
    q.text = "9"; // offer 9 (no allocation, household or offer 9 otherwise)
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{14}));
    q.text = "12"; // allocation 12
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{12}));
    q.text = "3"; // household 3 (allocation 12, through need 3)
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{12}));
    q.text = "nobody";
    BOOST_TEST(query(state, q).empty());
}

BOOST_AUTO_TEST_CASE(sorted_with_ties_by_id) {
    const State state = sample();
    ProposalQuery q;
    q.filter = ProposalFilter::All;
    q.sort = ProposalSort::Quantity;
    q.descending = true;
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{10, 11, 16, 13, 15, 14, 12}));
    // By tier: 0 (11 15 16), 1 (10 13), 2 (12), then the hand-made one without a tier (14).
    q.sort = ProposalSort::Tier;
    q.descending = false;
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{11, 15, 16, 10, 13, 12, 14}));
    // By household: h1 (10 13 14), h2 (11 15 16), h3 (12).
    q.sort = ProposalSort::Household;
    BOOST_TEST(query(state, q) == (std::vector<AllocationId>{10, 13, 14, 11, 15, 16, 12}));
}

BOOST_AUTO_TEST_CASE(offer_use_counts_allocations_in_force) {
    const State state = sample();
    // Offer 7: 300 + 200 + 120 in force (100 rejected and 80 cancelled do not count).
    const OfferUse coal = offerUse(state, 7);
    BOOST_TEST(coal.capacity == 1000);
    BOOST_TEST(coal.used == 620);
    BOOST_TEST(coal.remaining == 380);
    BOOST_TEST(ids(state, coal.allocations) == (std::vector<AllocationId>{10, 11, 16}));
    // Offer 9: 50 allocated of 40: nothing remains (never negative).
    const OfferUse rice = offerUse(state, 9);
    BOOST_TEST(rice.used == 50);
    BOOST_TEST(rice.remaining == 0);
    BOOST_TEST(offerUse(state, 12345).allocations.empty());
}

BOOST_AUTO_TEST_CASE(offers_found_by_title_donor_or_id) {
    const State state = sample();
    const auto offerIds = [&state](const std::vector<std::size_t>& rows) {
        std::vector<OfferId> out;
        for (std::size_t i : rows) out.push_back(state.dataset().offers[i].id);
        return out;
    };
    BOOST_TEST(offerIds(searchOffers(state, "", false)) == (std::vector<OfferId>{7, 8, 9}));
    BOOST_TEST(offerIds(searchOffers(state, "", true)) == (std::vector<OfferId>{7, 9}));
    BOOST_TEST(offerIds(searchOffers(state, "爱心", false)) == (std::vector<OfferId>{8, 9}));
    BOOST_TEST(offerIds(searchOffers(state, "爱心", true)) == (std::vector<OfferId>{9}));
    BOOST_TEST(offerIds(searchOffers(state, "煤", true)) == (std::vector<OfferId>{7}));
    BOOST_TEST(offerIds(searchOffers(state, "8", false)) == (std::vector<OfferId>{8}));
}

BOOST_AUTO_TEST_SUITE_END()
