// The dashboard's figures on a hand-built data set; every expected number is worked out by hand
// in the comments above the data.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/store/state.h"
#include "core/view/dashboard_figures.h"
#include "test_builders.h"

namespace {

using namespace nuanxin;

Household household(HouseholdId id, const char* county, const char* head) {
    Household h;
    h.id = id;
    h.divisionCode = county;
    h.members.resize(1);
    h.members[0].name = head;
    return h;
}

Need need(NeedId id, HouseholdId h, Kind k, std::int64_t quantity, NeedStatus status,
          Urgency urgency = Urgency::Normal, const char* deadline = "2026-01-31") {
    Need n = test::makeNeed(id, h, k, quantity);
    n.status = status;
    n.urgency = urgency;
    n.deadline = *Date::parse(deadline);
    return n;
}

Offer offer(OfferId id, Kind k, std::vector<std::string> coverage,
            OfferStatus status = OfferStatus::Open) {
    Offer o;
    o.id = id;
    o.kind = k;
    o.unit = kindInfo(k).unit;
    o.capacity = 1000;
    o.coverage = std::move(coverage);
    o.status = status;
    return o;
}

Allocation allocation(AllocationId id, NeedId n, OfferId o, std::int64_t quantity,
                      AllocationStatus status) {
    return test::makeAllocation(id, n, o, quantity, status);
}

/// Households: 1 and 2 in Chengdu (5101: 510104, 510105), 3 in Mianyang (5107: 510703),
/// 4 in Shijiazhuang (1301: 130102).
/// Needs and what allocations in force give them (rejected and cancelled ones give nothing;
/// matched is capped at the quantity; delivered = delivered + confirmed):
///   n1  h1 coal 500  open                 a1 300 proposed (a2 100 rejected) → m 300, gap 200
///   n2  h1 quilt 2   open, critical       a5 2 approved                      → m 2, matched
///   n3  h2 coal 300  partly met, urgent   a3 300 delivered + a7 50 proposed  → m 300 (cap), d 300
///   n4  h3 coal 200  met                  a4 200 confirmed                   → m 200, d 200
///   n5  h4 coal 400  open                 (a6 500 cancelled)                 → gap 400
///   n6  h4 quilt 3   cancelled                                               → counts nowhere
///   n7  h3 quilt 1   closed               nothing                            → no gap (closed)
///   n8  h1 food 10   open, critical, deadline 02-01                          → gap 10
///   n9  h2 food 5    open, critical, deadline 01-15                          → gap 5
///   n10 h2 food 5    open, critical, deadline 01-15                          → gap 5
State sample() {
    StoreData s;
    Dataset& d = s.data;
    d.households = {household(1, "510104", "张一"), household(2, "510105", "李二"),
                    household(3, "510703", "王三"), household(4, "130102", "赵四")};
    d.needs = {need(1, 1, Kind::Coal, 500, NeedStatus::Open),
               need(2, 1, Kind::Quilt, 2, NeedStatus::Open, Urgency::Critical),
               need(3, 2, Kind::Coal, 300, NeedStatus::PartlyMet, Urgency::Urgent),
               need(4, 3, Kind::Coal, 200, NeedStatus::Met),
               need(5, 4, Kind::Coal, 400, NeedStatus::Open),
               need(6, 4, Kind::Quilt, 3, NeedStatus::Cancelled),
               need(7, 3, Kind::Quilt, 1, NeedStatus::Closed),
               need(8, 1, Kind::Food, 10, NeedStatus::Open, Urgency::Critical, "2026-02-01"),
               need(9, 2, Kind::Food, 5, NeedStatus::Open, Urgency::Critical, "2026-01-15"),
               need(10, 2, Kind::Food, 5, NeedStatus::Open, Urgency::Critical, "2026-01-15")};
    // o1 covers Sichuan; o2 one county of Mianyang and all of Hebei; o3 Chengdu; o4 is
    // withdrawn and counts nowhere.
    d.offers = {offer(1, Kind::Coal, {"51"}), offer(2, Kind::Coal, {"510703", "130000"}),
                offer(3, Kind::Quilt, {"5101"}),
                offer(4, Kind::Coal, {"5101"}, OfferStatus::Withdrawn)};
    d.allocations = {allocation(1, 1, 1, 300, AllocationStatus::Proposed),
                     allocation(2, 1, 1, 100, AllocationStatus::Rejected),
                     allocation(3, 3, 1, 300, AllocationStatus::Delivered),
                     allocation(4, 4, 2, 200, AllocationStatus::Confirmed),
                     allocation(5, 2, 3, 2, AllocationStatus::Approved),
                     allocation(6, 5, 2, 500, AllocationStatus::Cancelled),
                     allocation(7, 3, 2, 50, AllocationStatus::Proposed)};
    return State(std::move(s));
}

void checkFigures(const GapFigures& f, std::size_t needs, std::size_t matchedNeeds,
                  std::size_t deliveredNeeds, std::size_t withGap, std::int64_t needed,
                  std::int64_t matched, std::int64_t delivered, std::int64_t gap) {
    BOOST_TEST(f.needs == needs);
    BOOST_TEST(f.needsMatched == matchedNeeds);
    BOOST_TEST(f.needsDelivered == deliveredNeeds);
    BOOST_TEST(f.needsWithGap == withGap);
    BOOST_TEST(f.needed == needed);
    BOOST_TEST(f.matched == matched);
    BOOST_TEST(f.delivered == delivered);
    BOOST_TEST(f.gap == gap);
}

std::size_t kindIndex(Kind k) { return static_cast<std::size_t>(k); }

} // namespace

BOOST_AUTO_TEST_SUITE(view_dashboard)

BOOST_AUTO_TEST_CASE(totals_and_kinds) {
    const State state = sample();
    const DashboardFigures f = computeDashboard(state, {});
    // 9 needs (n6 cancelled); matched whole: n2 n3 n4; delivered whole: n3 n4; with a gap:
    // n1 n5 n8 n9 n10. Needed 500+2+300+200+400+1+10+5+5 = 1423; matched 300+2+300+200 = 802;
    // delivered 300+200 = 500; gap 200+400+10+5+5 = 620.
    checkFigures(f.total, 9, 3, 2, 5, 1423, 802, 500, 620);
    // Coal: n1 n3 n4 n5.
    checkFigures(f.byKind[kindIndex(Kind::Coal)], 4, 2, 2, 2, 1400, 800, 500, 600);
    // Quilt: n2 (matched) and n7 (closed, nothing given, no gap).
    checkFigures(f.byKind[kindIndex(Kind::Quilt)], 2, 1, 0, 0, 3, 2, 0, 0);
    checkFigures(f.byKind[kindIndex(Kind::Food)], 3, 0, 0, 3, 20, 0, 0, 20);
    checkFigures(f.byKind[kindIndex(Kind::Heater)], 0, 0, 0, 0, 0, 0, 0, 0);
}

BOOST_AUTO_TEST_CASE(areas_roll_up_county_city_province) {
    const State state = sample();
    const DashboardFigures f = computeDashboard(state, {});
    BOOST_TEST(f.areas.size() == 9U); // 13 1301 130102 51 5101 510104 510105 5107 510703

    const AreaFigures* hebei = findArea(f, "13");
    BOOST_REQUIRE(hebei != nullptr);
    checkFigures(hebei->all, 1, 0, 0, 1, 400, 0, 0, 400);
    BOOST_REQUIRE(findArea(f, "130102") != nullptr);
    checkFigures(findArea(f, "130102")->all, 1, 0, 0, 1, 400, 0, 0, 400);

    // Sichuan: every need but n5 and n6.
    const AreaFigures* sichuan = findArea(f, "51");
    BOOST_REQUIRE(sichuan != nullptr);
    checkFigures(sichuan->all, 8, 3, 2, 4, 1023, 802, 500, 220);
    // Chengdu: n1 n2 n3 n8 n9 n10.
    checkFigures(findArea(f, "5101")->all, 6, 2, 1, 4, 822, 602, 300, 220);
    // Jinjiang (510104): n1 n2 n8, and its coal alone.
    const AreaFigures* jinjiang = findArea(f, "510104");
    checkFigures(jinjiang->all, 3, 1, 0, 2, 512, 302, 0, 210);
    checkFigures(jinjiang->byKind[kindIndex(Kind::Coal)], 1, 0, 0, 1, 500, 300, 0, 200);
    // Qingyang (510105): n3 n9 n10.
    checkFigures(findArea(f, "510105")->all, 3, 1, 1, 2, 310, 300, 300, 10);
    // Mianyang (5107) and its county: n4 (met, delivered) and n7 (closed).
    checkFigures(findArea(f, "5107")->all, 2, 1, 1, 0, 201, 200, 200, 0);
    BOOST_TEST(findArea(f, "5108") == nullptr);
}

BOOST_AUTO_TEST_CASE(offers_count_in_every_area_they_reach) {
    const State state = sample();
    const DashboardFigures f = computeDashboard(state, {});
    // o1 (51) reaches all six Sichuan areas; o2 reaches 51, 5107, 510703 and all of Hebei;
    // o3 (5101) reaches 51, 5101 and both Chengdu counties; o4 is withdrawn.
    BOOST_TEST(findArea(f, "51")->offers == 3U);
    BOOST_TEST(findArea(f, "5101")->offers == 2U);
    BOOST_TEST(findArea(f, "510104")->offers == 2U);
    BOOST_TEST(findArea(f, "510105")->offers == 2U);
    BOOST_TEST(findArea(f, "5107")->offers == 2U);
    BOOST_TEST(findArea(f, "510703")->offers == 2U);
    BOOST_TEST(findArea(f, "13")->offers == 1U);
    BOOST_TEST(findArea(f, "1301")->offers == 1U);
    BOOST_TEST(findArea(f, "130102")->offers == 1U);
    BOOST_TEST(findArea(f, "51")->offersByKind[kindIndex(Kind::Quilt)] == 1U);
    BOOST_TEST(findArea(f, "5107")->offersByKind[kindIndex(Kind::Quilt)] == 0U);
    BOOST_TEST(findArea(f, "5107")->offersByKind[kindIndex(Kind::Coal)] == 2U);
}

BOOST_AUTO_TEST_CASE(drill_down_lists_one_level) {
    const State state = sample();
    const DashboardFigures f = computeDashboard(state, {});
    const auto codes = [](const std::vector<const AreaFigures*>& areas) {
        std::vector<std::string> out;
        for (const AreaFigures* a : areas) out.push_back(a->code);
        return out;
    };
    BOOST_TEST(codes(childAreas(f, "")) == (std::vector<std::string>{"13", "51"}));
    BOOST_TEST(codes(childAreas(f, "51")) == (std::vector<std::string>{"5101", "5107"}));
    BOOST_TEST(codes(childAreas(f, "5101")) == (std::vector<std::string>{"510104", "510105"}));
    BOOST_TEST(codes(childAreas(f, "510104")).empty());
    BOOST_TEST(codes(childAreas(f, "62")).empty());
}

BOOST_AUTO_TEST_CASE(most_urgent_by_tier_urgency_deadline_id) {
    const State state = sample();
    // Household 4 is tier 0, the others tier 1. Open with a gap: n1 n5 n8 n9 n10.
    // Order: n5 (tier 0); then tier 1 critical by deadline: n9, n10 (same day: by id), n8;
    // then n1 (normal).
    std::size_t asked = 0;
    const TierOf tierOf = [&asked](const Household& h, const Need&) {
        ++asked;
        return h.id == 4 ? 0 : 1;
    };
    const DashboardFigures f = computeDashboard(state, tierOf, 20);
    BOOST_TEST(asked == 5U); // only the needs with a gap are ranked
    std::vector<NeedId> order;
    for (const UrgentNeed& u : f.urgent) order.push_back(u.need);
    BOOST_TEST(order == (std::vector<NeedId>{5, 9, 10, 8, 1}));
    BOOST_TEST(f.urgent[0].unmet == 400);
    BOOST_TEST(f.urgent[0].county == "130102");
    BOOST_TEST(f.urgent[0].tier == 0);
    BOOST_TEST(f.urgent[4].unmet == 200); // n1: 500 − 300 proposed
    BOOST_TEST(f.urgent[4].household == 1U);

    const DashboardFigures top = computeDashboard(state, tierOf, 3);
    BOOST_TEST(top.urgent.size() == 3U);
    BOOST_TEST(top.urgent[2].need == 10U);
}

BOOST_AUTO_TEST_SUITE_END()
