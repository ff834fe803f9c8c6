// Which plugin governs a household, the four plugins' descriptions, and a whole matching run
// through the plugins.
#include <boost/test/unit_test.hpp>

#include "core/match/match.h"

#include "plugin_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

BOOST_AUTO_TEST_SUITE(plugin_regions)

BOOST_AUTO_TEST_CASE(governing_plugin_by_division) {
    const auto host = regionHost();
    BOOST_TEST(host->governing("510104")->id() == "sichuan");  // 成都市锦江区
    BOOST_TEST(host->governing("130102")->id() == "hebei");    // 石家庄市长安区
    BOOST_TEST(host->governing("140105")->id() == "shanxi");   // 太原市小店区
    BOOST_TEST(host->governing("440305")->id() == "national"); // 深圳市南山区: the base
    BOOST_TEST(host->governing("520102")->id() == "national"); // 贵阳市南明区
    const auto chain = host->chainFor("510104");
    BOOST_REQUIRE_EQUAL(chain.size(), 2U);
    BOOST_TEST(chain[0]->id() == "national");
    BOOST_TEST(chain[1]->id() == "sichuan");
}

BOOST_AUTO_TEST_CASE(descriptions) {
    const auto host = regionHost();
    const auto all = host->plugins();
    BOOST_REQUIRE_EQUAL(all.size(), 4U);
    const char* const ids[] = {"national", "sichuan", "hebei", "shanxi"};
    const char* const codes[] = {"100000", "510000", "130000", "140000"};
    for (std::size_t i = 0; i < 4; ++i) {
        BOOST_TEST(all[i]->id() == ids[i]);
        BOOST_TEST(all[i]->divisions() == std::vector<std::string>{codes[i]});
        BOOST_TEST(all[i]->abiText() == "1.0");
        BOOST_TEST(all[i]->builtIn() == !fromFiles());
        BOOST_TEST(all[i]->sha256().size() == (fromFiles() ? 64U : 0U));
        BOOST_TEST(all[i]->extends() == (i == 0 ? "" : "national"));
    }
    BOOST_TEST(host->find("sichuan")->name(Lang::Zh) == "四川困难群众温暖过冬专项行动");
    BOOST_TEST(host->find("hebei")->schema().size() == 4U);
    BOOST_TEST(host->find("hebei")->schema()[3].defaultValue == -10);
}

BOOST_AUTO_TEST_CASE(a_matching_run_through_the_plugins) {
    Regions r;
    // Two residential-care places in Chengdu, two elderly applicants: Sichuan serves the
    // economically struggling disabled elder (需托尽托) and refuses the one who can self-care.
    Dataset d;
    d.asOf = kAsOf;
    Household able = household("510104", {Category::Dibao}, {member(80)});
    Household disabled =
        household("510104", {Category::Dibao}, {member(70, {Attribute::CannotSelfCare})});
    able.id = 1;
    disabled.id = 2;
    d.households = {able, disabled};
    Need n1 = need(Kind::ResidentialCare);
    n1.id = 1;
    n1.household = 1;
    Need n2 = n1;
    n2.id = 2;
    n2.household = 2;
    d.needs = {n1, n2};
    Donor donor;
    donor.id = 1;
    donor.type = DonorType::Government;
    donor.divisionCode = "510104";
    d.donors = {donor};
    Offer o = offer(Kind::ResidentialCare);
    o.donor = 1;
    o.capacity = 2;
    o.coverage = {"51"};
    d.offers = {o};
    const auto result = match(d, r.policy);
    BOOST_REQUIRE(result.ok());
    const auto& allocations = result.value().allocations;
    BOOST_REQUIRE_EQUAL(allocations.size(), 1U);
    BOOST_TEST(allocations[0].need == 2U);
    // Without the plugins the national default lets any elderly household have elder care.
    const auto plain = match(d, r.root);
    BOOST_REQUIRE(plain.ok());
    BOOST_TEST(plain.value().allocations.size() == 2U);
}

BOOST_AUTO_TEST_SUITE_END()
