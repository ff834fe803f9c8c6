// Coverage reports (core/report/coverage.h) against counts made by hand on a small campaign over
// three days, and the rule that a report for a past day is the same whenever it is made.
//
// Day 1 (2024-11-15): households h1, h2 in 锦江区 510104, h3 in 武侯区 510107, h4 in 石家庄长安区
// 130102. Needs: N1 coal 100 (h1), N2 coal 200 (h2), N3 quilt 2 (h2), N4 coal 50 (h3), N5 coal 80
// (h4), N7 quilt 1 (h1). Offers: O1 coal 300 kg for 510104 at 1 yuan; O2 coal 1000 kg for 510107
// at 1 yuan, at most 30 kg a household; O3 quilts, 2 for 5101 at 50 yuan. Proposals by hand:
// a1 N1 100 of O1, a2 N2 150 of O1, a3 N4 30 of O2, a4 N3 2 of O3.
// Day 2: a1, a2, a4 approved; a1 assigned and delivered; a3 (30 yuan) assigned ahead of its
// approval (先行救助) and delivered. Day 3: a1 and a3 confirmed (a3 approved first), a household
// more.
#include <boost/test/unit_test.hpp>

#include "core/report/coverage.h"

#include "lifecycle_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

constexpr Timestamp kDay = 86400;
const Date kDay1{2024, 11, 15};
const Date kDay2{2024, 11, 16};
const Date kDay3{2024, 11, 17};

struct Campaign {
    AllocationId a1 = 0, a2 = 0, a3 = 0, a4 = 0;
};

Need quilts(HouseholdId h, std::int64_t n) {
    Need q = coal(h, n);
    q.kind = Kind::Quilt;
    q.unit = Unit::Piece;
    return q;
}

Offer covering(Offer o, const std::string& area, std::int64_t cap = 0) {
    o.coverage = {area};
    o.perHouseholdCap = cap;
    return o;
}

Campaign dayOne(LifecycleFixture& f) {
    Workspace& ws = *f.ws;
    const HouseholdId h1 = required(ws.addHousehold(person(1, "510104", {Category::Dibao})));
    const HouseholdId h2 = required(ws.addHousehold(person(2, "510104", {Category::Tekun})));
    const HouseholdId h3 = required(ws.addHousehold(person(3, "510107", {Category::Dibao})));
    const HouseholdId h4 = required(ws.addHousehold(person(4, "130102", {Category::Dibao})));
    const NeedId n1 = required(ws.addNeed(coal(h1, 100)));
    const NeedId n2 = required(ws.addNeed(coal(h2, 200)));
    const NeedId n3 = required(ws.addNeed(quilts(h2, 2)));
    const NeedId n4 = required(ws.addNeed(coal(h3, 50)));
    required(ws.addNeed(coal(h4, 80)));
    required(ws.addNeed(quilts(h1, 1)));
    const DonorId d = required(ws.addDonor(charity()));
    const OfferId o1 = required(ws.addOffer(covering(pricedCoal(d, 300, 100), "510104")));
    const OfferId o2 = required(ws.addOffer(covering(pricedCoal(d, 1000, 100), "510107", 30)));
    Offer q = pricedCoal(d, 2, 5000);
    q.kind = Kind::Quilt;
    q.unit = Unit::Piece;
    const OfferId o3 = required(ws.addOffer(q));
    Campaign c;
    c.a1 = required(ws.assign(n1, o1, 100));
    c.a2 = required(ws.assign(n2, o1, 150));
    c.a3 = required(ws.assign(n4, o2, 30));
    c.a4 = required(ws.assign(n3, o3, 2));
    return c;
}

void dayTwo(LifecycleFixture& f, const Campaign& c) {
    *f.clock = kNow + kDay;
    WorkspaceTasks t = f.tasks();
    required(t.setUserRole("张老师", UserRole{2, 0}));
    required(t.approve({c.a1, c.a2, c.a4}));
    const VolunteerId v = required(t.addVolunteer(helper("刘志愿", "13700001111")));
    required(t.assign(WorkRef::allocation(c.a1), v));
    required(t.recordDelivery(WorkRef::allocation(c.a1), {}));
    required(t.assign(WorkRef::allocation(c.a3), v)); // 30 yuan: ahead of its approval
    required(t.recordDelivery(WorkRef::allocation(c.a3), {}));
}

void dayThree(LifecycleFixture& f, const Campaign& c) {
    *f.clock = kNow + 2 * kDay;
    WorkspaceTasks t = f.tasks();
    required(t.approve({c.a3}));
    required(t.confirm({WorkRef::allocation(c.a1), WorkRef::allocation(c.a3)}));
    const HouseholdId h5 = required(f.ws->addHousehold(person(5, "510104", {Category::Dibao})));
    required(f.ws->addNeed(coal(h5, 10)));
}

CoverageReport reportOn(LifecycleFixture& f, const Date& day, ReportStep step = ReportStep::Day) {
    ReportOptions o;
    o.day = day;
    o.step = step;
    return required(coverageReport(f.ws->store(), f.host, o));
}

std::string allCsv(const CoverageReport& r) {
    std::string out;
    for (CoverageTable t : {CoverageTable::Areas, CoverageTable::Offers, CoverageTable::Tiers,
                            CoverageTable::Advance, CoverageTable::Timeline}) {
        out += coverageCsv(r, t, DivisionRegistry::builtIn(), Lang::Zh);
    }
    return out;
}

std::size_t why(const CoverageFigures& f, UnmetWhy w) {
    return f.unmetNeedsBy[static_cast<std::size_t>(w)];
}
const CoverageFigures& kind(const AreaCoverage& a, Kind k) {
    return a.byKind[static_cast<std::size_t>(k)];
}

} // namespace

BOOST_AUTO_TEST_SUITE(coverage_report)

BOOST_AUTO_TEST_CASE(day_one_figures_match_hand_counts) {
    LifecycleFixture f("report-day1");
    dayOne(f);
    const CoverageReport r = reportOn(f, kDay1);
    const CoverageFigures& all = r.total.all;
    BOOST_TEST(all.households == 4U);
    BOOST_TEST(all.needs == 6U);
    // With an allocation: N1..N4; N7 has an eligible (used up) offer; N5 none.
    BOOST_TEST(all.eligibleNeeds == 5U);
    BOOST_TEST(all.matchedNeeds == 2U); // N1, N3 whole
    BOOST_TEST(all.approvedNeeds == 0U);
    BOOST_TEST(all.deliveredNeeds == 0U);
    BOOST_TEST(all.unmetNeeds == 4U);
    BOOST_TEST(why(all, UnmetWhy::NotMatchedYet) == 1U);   // N2: O1 has 50 left
    BOOST_TEST(why(all, UnmetWhy::CapReached) == 1U);      // N4: O2 capped at 30
    BOOST_TEST(why(all, UnmetWhy::OffersUsedUp) == 1U);    // N7: both quilts taken
    BOOST_TEST(why(all, UnmetWhy::NoEligibleOffer) == 1U); // N5: nothing covers 130102
    BOOST_TEST(all.unmetUnitsBy[static_cast<std::size_t>(UnmetWhy::NotMatchedYet)] == 50);
    BOOST_TEST(all.unmetUnitsBy[static_cast<std::size_t>(UnmetWhy::CapReached)] == 20);

    // Areas: 51 → 5101 → 510104 / 510107, and 13 → 1301 → 130102, in code order.
    std::vector<std::string> codes;
    for (const AreaCoverage& a : r.areas) codes.push_back(a.code);
    const std::vector<std::string> expected = {"13", "1301", "130102", "51", "5101", "510104",
                                               "510107"};
    BOOST_TEST(codes == expected, boost::test_tools::per_element());
    const AreaCoverage* jinjiang = findArea(r, "510104");
    BOOST_REQUIRE(jinjiang);
    BOOST_TEST(jinjiang->all.households == 2U);
    const CoverageFigures& coal510104 = kind(*jinjiang, Kind::Coal);
    BOOST_TEST(coal510104.households == 2U);
    BOOST_TEST(coal510104.needs == 2U);
    BOOST_TEST(coal510104.units == 300);
    BOOST_TEST(coal510104.matchedUnits == 250);
    BOOST_TEST(coal510104.unmetUnits == 50);
    const CoverageFigures& quilt510104 = kind(*jinjiang, Kind::Quilt);
    BOOST_TEST(quilt510104.households == 2U); // h1 and h2 each need quilts
    BOOST_TEST(quilt510104.units == 3);
    BOOST_TEST(quilt510104.matchedUnits == 2);
    BOOST_TEST(findArea(r, "51")->all.households == 3U);
    BOOST_TEST(findArea(r, "130102")->all.unmetUnits == 80);
    BOOST_TEST(!findArea(r, "510105"));

    // Day one: proposals only, nothing approved, a tier not asked yet.
    BOOST_REQUIRE(r.tiers.size() == 1U);
    BOOST_TEST(r.tiers[0].tier == -1);
    BOOST_TEST(r.tiers[0].allocations == 4U);
    BOOST_TEST(r.tiers[0].waiting == 4U);
    BOOST_TEST(r.advance.empty());
    BOOST_REQUIRE(r.timeline.size() == 1U);
    BOOST_TEST(r.timeline[0].day.iso() == "2024-11-15");
    BOOST_TEST(r.timeline[0].needs == 6U);
}

BOOST_AUTO_TEST_CASE(day_two_approvals_deliveries_tiers_and_advance_cases) {
    LifecycleFixture f("report-day2");
    const Campaign c = dayOne(f);
    dayTwo(f, c);
    const CoverageReport r = reportOn(f, kDay2);
    const CoverageFigures& all = r.total.all;
    BOOST_TEST(all.approvedNeeds == 2U);  // N1 and N3 whole; N2 150 of 200
    BOOST_TEST(all.approvedUnits == 252); // 100 + 150 + 2; a3 waits for its approval
    BOOST_TEST(all.deliveredNeeds == 1U); // N1
    BOOST_TEST(all.deliveredUnits == 130); // a1 100 + a3 30
    BOOST_TEST(all.confirmedUnits == 0);

    // Tiers of the plugin: a1 100 yuan, a3 30, a4 100 → tier 1; a2 150 → tier 2.
    BOOST_REQUIRE(r.tiers.size() == 2U);
    BOOST_TEST(r.tiers[0].tier == 1);
    BOOST_TEST(r.tiers[0].allocations == 3U);
    BOOST_TEST(r.tiers[0].amountFen == 23000);
    BOOST_TEST(r.tiers[0].waiting == 1U);
    BOOST_TEST(r.tiers[0].approved == 2U);
    BOOST_TEST(r.tiers[0].delivered == 2U);
    BOOST_TEST(r.tiers[0].advance == 1U);
    BOOST_TEST(r.tiers[1].tier == 2);
    BOOST_TEST(r.tiers[1].amountFen == 15000);
    BOOST_REQUIRE(r.advance.size() == 1U);
    const AdvanceCase& a = r.advance[0];
    BOOST_TEST(a.allocation == c.a3);
    BOOST_TEST(a.county == "510107");
    BOOST_TEST(a.amountFen == 3000);
    BOOST_TEST(a.delivered);
    BOOST_TEST(!a.approved);

    // Donor use: O1 300 kg, 250 approved, 100 delivered, 50 left; O2 30 delivered ahead.
    BOOST_REQUIRE(r.offers.size() == 3U);
    BOOST_TEST(r.offers[0].approved == 250);
    BOOST_TEST(r.offers[0].delivered == 100);
    BOOST_TEST(r.offers[0].left == 50);
    BOOST_TEST(r.offers[1].approved == 0);
    BOOST_TEST(r.offers[1].delivered == 30);
    BOOST_TEST(r.offers[1].left == 970);
    BOOST_TEST(r.offers[2].left == 0);

    // One point per day; the week step keeps Sunday 11-17 only when the report reaches it.
    BOOST_REQUIRE(r.timeline.size() == 2U);
    BOOST_TEST(r.timeline[0].approvedNeeds == 0U);
    BOOST_TEST(r.timeline[1].day.iso() == "2024-11-16");
    BOOST_TEST(r.timeline[1].approvedNeeds == 2U);
    BOOST_TEST(r.timeline[1].deliveredNeeds == 1U);
    const CoverageReport weekly = reportOn(f, kDay2, ReportStep::Week);
    BOOST_REQUIRE(weekly.timeline.size() == 1U); // only the report's own day
    BOOST_TEST(weekly.timeline[0].day.iso() == "2024-11-16");
}

BOOST_AUTO_TEST_CASE(a_past_day_reads_the_same_whenever_it_is_made) {
    LifecycleFixture f("report-past");
    const Campaign c = dayOne(f);
    dayTwo(f, c);
    const CoverageReport then = reportOn(f, kDay2);
    const std::string thenCsv = allCsv(then);
    dayThree(f, c);
    const CoverageReport later = reportOn(f, kDay2);
    BOOST_TEST(later.records == then.records);
    BOOST_TEST(later.lastSequence == then.lastSequence);
    BOOST_TEST(allCsv(later) == thenCsv);
    // After reopening the store too.
    f.reopen();
    BOOST_TEST(allCsv(reportOn(f, kDay2)) == thenCsv);
    // Day three itself does see the new records.
    const CoverageReport three = reportOn(f, kDay3);
    BOOST_TEST(three.total.all.confirmedNeeds == 1U); // N1 (a3 is 30 of N4's 50)
    BOOST_TEST(three.total.all.confirmedUnits == 130);
    BOOST_TEST(three.total.all.households == 5U);
    BOOST_TEST(three.advance.size() == 1U);
    BOOST_TEST(three.advance[0].approved);
    BOOST_TEST(allCsv(three) != thenCsv);
    BOOST_TEST(three.timeline.size() == 3U);
    // A day before the campaign: nothing at all.
    const CoverageReport before = reportOn(f, Date{2024, 11, 1});
    BOOST_TEST(before.records == 0U);
    BOOST_TEST(before.total.all.needs == 0U);
    BOOST_TEST(before.timeline.empty());
}

BOOST_AUTO_TEST_CASE(csv_tables_have_one_line_per_row_and_no_personal_data) {
    LifecycleFixture f("report-csv");
    const Campaign c = dayOne(f);
    dayTwo(f, c);
    const CoverageReport r = reportOn(f, kDay2);
    const auto lines = [](const std::string& s) {
        return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
    };
    const DivisionRegistry& d = DivisionRegistry::builtIn();
    // Areas: the total and 7 areas, each an all-kinds row plus one per kind with needs:
    // total coal+quilt, 13/1301/130102 coal, 51/5101/510104 coal+quilt, 510107 coal.
    const std::string areas = coverageCsv(r, CoverageTable::Areas, d, Lang::Zh);
    BOOST_TEST(lines(areas) == 1U + 3U + 3 * 2U + 3 * 3U + 2U);
    BOOST_TEST(areas.find("\"510104\",\"四川省成都市锦江区\",\"coal\",\"煤炭\",\"2\",\"2\",\"300\"") !=
               std::string::npos);
    BOOST_TEST(lines(coverageCsv(r, CoverageTable::Offers, d, Lang::Zh)) == 4U);
    BOOST_TEST(lines(coverageCsv(r, CoverageTable::Tiers, d, Lang::Zh)) == 3U);
    const std::string advance = coverageCsv(r, CoverageTable::Advance, d, Lang::En);
    BOOST_TEST(lines(advance) == 2U);
    BOOST_TEST(advance.find("\"approved since\"") != std::string::npos);
    BOOST_TEST(advance.find("\"2024-11-16\",\"no\"") != std::string::npos);
    const std::string all = allCsv(r);
    const Household h1 = person(1, "510104", {Category::Dibao});
    for (const std::string& secret : {h1.members[0].idNumber, h1.phone, h1.address,
                                      h1.members[0].name}) {
        BOOST_TEST(all.find(secret) == std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
