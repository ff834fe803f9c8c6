// What the reports screen draws from a coverage report, on hand-made reports; every expected
// number is worked out by hand in the comments.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/view/report_view.h"

namespace {

using namespace nuanxin;

AreaCoverage area(const char* code, std::size_t needs) {
    AreaCoverage a;
    a.code = code;
    a.all.needs = needs;
    return a;
}

/// Areas as coverage.h lists them (by code), deliberately handed over out of order to show the
/// children come back sorted: Sichuan 51 with Chengdu 5101 (counties 510104, 510105) and
/// Mianyang 5107 (510703), and Hebei 13 with Shijiazhuang 1301 (130102).
CoverageReport sampleReport() {
    CoverageReport r;
    for (const char* code : {"51", "5107", "510703", "5101", "510105", "510104", "13", "1301", "130102"}) {
        r.areas.push_back(area(code, 1));
    }
    return r;
}

/// A bar's parts in drawing order: registered, confirmed, delivered only, approved only,
/// matched only, unmet, other.
std::vector<std::int64_t> parts(const CoverageBar& b) {
    return {b.registered, b.confirmed, b.deliveredOnly, b.approvedOnly, b.matchedOnly, b.unmet, b.other};
}

std::vector<std::string> codes(const std::vector<const AreaCoverage*>& areas) {
    std::vector<std::string> out;
    for (const AreaCoverage* a : areas) out.push_back(a->code);
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(view_report)

BOOST_AUTO_TEST_CASE(children_of_each_level) {
    const CoverageReport r = sampleReport();
    const std::vector<std::string> provinces = {"13", "51"};
    const std::vector<std::string> sichuanCities = {"5101", "5107"};
    const std::vector<std::string> chengduCounties = {"510104", "510105"};
    BOOST_TEST(codes(reportChildren(r, "")) == provinces, boost::test_tools::per_element());
    BOOST_TEST(codes(reportChildren(r, "51")) == sichuanCities, boost::test_tools::per_element());
    BOOST_TEST(codes(reportChildren(r, "5101")) == chengduCounties, boost::test_tools::per_element());
    // A city's code is not a prefix match for another city ("5107" does not list Chengdu's).
    BOOST_TEST(codes(reportChildren(r, "5107")) == std::vector<std::string>{"510703"},
               boost::test_tools::per_element());
    BOOST_TEST(reportChildren(r, "510104").empty()); // nothing below a county
    BOOST_TEST(reportChildren(r, "12").empty());     // a province without households
}

BOOST_AUTO_TEST_CASE(drill_path_and_depth) {
    BOOST_TEST(drillPath("") == std::vector<std::string>{""}, boost::test_tools::per_element());
    const std::vector<std::string> toCounty = {"", "51", "5101", "510104"};
    BOOST_TEST(drillPath("510104") == toCounty, boost::test_tools::per_element());
    const std::vector<std::string> toCity = {"", "51", "5101"};
    BOOST_TEST(drillPath("5101") == toCity, boost::test_tools::per_element());
    BOOST_TEST(canDrillDown(""));
    BOOST_TEST(canDrillDown("51"));
    BOOST_TEST(canDrillDown("5101"));
    BOOST_TEST(!canDrillDown("510104"));
}

BOOST_AUTO_TEST_CASE(bar_parts_follow_a_need_s_life) {
    // Units of one kind: 1000 registered, 700 matched, 500 approved, 300 delivered, 100
    // confirmed, 200 unmet. Parts: confirmed 100, delivered only 300-100 = 200, approved only
    // 500-300 = 200, matched only 700-500 = 200, unmet 200, other 1000-700-200 = 100.
    CoverageFigures f;
    f.units = 1000;
    f.matchedUnits = 700;
    f.approvedUnits = 500;
    f.deliveredUnits = 300;
    f.confirmedUnits = 100;
    f.unmetUnits = 200;
    // Needs counted differently, to show which measure is read: 9 needs, 4 matched, 3 approved,
    // 2 delivered, 1 confirmed, 5 unmet → 1, 1, 1, 1, 5, other 9-4-5 = 0.
    f.needs = 9;
    f.matchedNeeds = 4;
    f.approvedNeeds = 3;
    f.deliveredNeeds = 2;
    f.confirmedNeeds = 1;
    f.unmetNeeds = 5;

    const std::vector<std::int64_t> byUnits = {1000, 100, 200, 200, 200, 200, 100};
    BOOST_TEST(parts(coverageBar(f, true)) == byUnits, boost::test_tools::per_element());
    const std::vector<std::int64_t> byNeeds = {9, 1, 1, 1, 1, 5, 0};
    BOOST_TEST(parts(coverageBar(f, false)) == byNeeds, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bar_with_help_first) {
    // 先行救助: 400 delivered while only 100 approved (of 500 matched, 600 registered, 0 unmet).
    // Delivered reaches further than approved: approved only = max(0, 100-400) = 0, matched
    // only = 500 - max(100, 400) = 100, other = 600 - 500 - 0 = 100; nothing is negative and
    // the parts add up to the registered 600 (0 + 400 + 0 + 100 + 0 + 100).
    CoverageFigures f;
    f.units = 600;
    f.matchedUnits = 500;
    f.approvedUnits = 100;
    f.deliveredUnits = 400;
    const CoverageBar b = coverageBar(f, true);
    const std::vector<std::int64_t> expected = {600, 0, 400, 0, 100, 0, 100};
    BOOST_TEST(parts(b) == expected, boost::test_tools::per_element());
    BOOST_TEST(b.confirmed + b.deliveredOnly + b.approvedOnly + b.matchedOnly + b.unmet + b.other == 600);
}

BOOST_AUTO_TEST_CASE(kinds_and_unmet_reasons) {
    AreaCoverage a = area("51", 3);
    a.byKind[static_cast<std::size_t>(Kind::Quilt)].needs = 1;
    a.byKind[static_cast<std::size_t>(Kind::Coal)].needs = 2;
    a.byKind[static_cast<std::size_t>(Kind::Coal)].unmetNeedsBy[static_cast<std::size_t>(UnmetWhy::OffersUsedUp)] = 2;
    a.byKind[static_cast<std::size_t>(Kind::Coal)].unmetUnitsBy[static_cast<std::size_t>(UnmetWhy::OffersUsedUp)] = 350;
    a.byKind[static_cast<std::size_t>(Kind::Coal)].unmetUnitsBy[static_cast<std::size_t>(UnmetWhy::CapReached)] = 50;
    // Catalogue order: coal (0) before quilt (3), whatever order they were filled in.
    const std::vector<Kind> kinds = kindsWithNeeds(a);
    BOOST_TEST_REQUIRE(kinds.size() == 2u);
    BOOST_TEST((kinds[0] == Kind::Coal));
    BOOST_TEST((kinds[1] == Kind::Quilt));

    BOOST_TEST(&figuresOf(a, -1) == &a.all);
    BOOST_TEST(&figuresOf(a, static_cast<int>(Kind::Coal)) == &a.byKind[0]);
    const auto units = unmetByWhy(figuresOf(a, static_cast<int>(Kind::Coal)), true);
    BOOST_TEST(units[static_cast<std::size_t>(UnmetWhy::NoEligibleOffer)] == 0);
    BOOST_TEST(units[static_cast<std::size_t>(UnmetWhy::OffersUsedUp)] == 350);
    BOOST_TEST(units[static_cast<std::size_t>(UnmetWhy::CapReached)] == 50);
    const auto needs = unmetByWhy(figuresOf(a, static_cast<int>(Kind::Coal)), false);
    BOOST_TEST(needs[static_cast<std::size_t>(UnmetWhy::OffersUsedUp)] == 2);
    BOOST_TEST(needs[static_cast<std::size_t>(UnmetWhy::CapReached)] == 0);
}

BOOST_AUTO_TEST_CASE(timeline_as_plot_arrays) {
    // Three days: needs 10, 12, 12; delivered 0, 3, 2 (a delivered need cancelled on day 3);
    // confirmed 0, 1, 2. Deliveries per step: 0, 3-0 = 3, and 0 (never negative).
    CoverageReport r;
    const std::size_t needs[] = {10, 12, 12};
    const std::size_t matched[] = {4, 8, 9};
    const std::size_t delivered[] = {0, 3, 2};
    const std::size_t confirmed[] = {0, 1, 2};
    for (int i = 0; i < 3; ++i) {
        TimePoint p;
        p.day = *Date::parse("2026-12-0" + std::to_string(i + 1));
        p.needs = needs[i];
        p.matchedNeeds = matched[i];
        p.approvedNeeds = matched[i] - 1;
        p.deliveredNeeds = delivered[i];
        p.confirmedNeeds = confirmed[i];
        r.timeline.push_back(p);
    }
    const TimelineSeries s = timelineSeries(r);
    const std::vector<std::string> days = {"2026-12-01", "2026-12-02", "2026-12-03"};
    BOOST_TEST(s.days == days, boost::test_tools::per_element());
    BOOST_TEST(s.needs == (std::vector<float>{10, 12, 12}), boost::test_tools::per_element());
    BOOST_TEST(s.approved == (std::vector<float>{3, 7, 8}), boost::test_tools::per_element());
    BOOST_TEST(s.delivered == (std::vector<float>{0, 3, 2}), boost::test_tools::per_element());
    BOOST_TEST(s.deliveredInStep == (std::vector<float>{0, 3, 0}), boost::test_tools::per_element());
    BOOST_TEST(s.top == 12.0f);
    BOOST_TEST(timelineSeries(CoverageReport{}).top == 0.0f);
}

BOOST_AUTO_TEST_CASE(local_day_in_china) {
    // 2026-12-01 16:00 UTC is 2026-12-02 00:00 in China (UTC+8): 2026-12-01 00:00 UTC is
    // 20,788 days × 86,400 = 1,796,083,200 s, + 16 h = 1,796,140,800.
    const Timestamp midnightChina = 1796140800;
    BOOST_TEST(localDay(midnightChina, 480).iso() == "2026-12-02");
    BOOST_TEST(localDay(midnightChina - 1, 480).iso() == "2026-12-01");
    BOOST_TEST(localDay(midnightChina, 0).iso() == "2026-12-01");
    // Before 1970 the day is still the one containing the moment: -1 s is 1969-12-31.
    BOOST_TEST(localDay(-1, 0).iso() == "1969-12-31");
}

BOOST_AUTO_TEST_SUITE_END()
