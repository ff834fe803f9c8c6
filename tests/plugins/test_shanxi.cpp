// Shanxi (140000), from 山西省民政厅防范应对低温雨雪冰冻灾害 (seed text):
//   "及时将因灾造成的基本生活困难、符合条件的困难群众纳入救助范围 ... 对因灾滞留人员取消户籍限制,
//    全面落实'先行救助''分级审批'等政策规定"
//   "因地制宜做好取暖救助工作"
//   "做好分散供养人员、独居孤寡老人、留守儿童的慰问走访"
//   "及时组织清理积雪、检修维护线路,确保民政服务机构安全平稳温暖"
// The amounts of 先行救助 and 分级审批 are not in the text: they are settings; the tests set them.
#include <boost/test/unit_test.hpp>

#include "plugin_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

const char* const kTaiyuan = "140105";

/// One yuan per unit: a cash offer.
Offer cash() {
    return offer(Kind::TemporaryAssistance, 100);
}

} // namespace

BOOST_AUTO_TEST_SUITE(shanxi_rules)

BOOST_AUTO_TEST_CASE(stranded_people_assisted_without_registration) {
    Regions r;
    const Household stranded = household(kTaiyuan, {Category::DisasterStranded});
    for (Kind k : {Kind::TemporaryAssistance, Kind::Food, Kind::Quilt, Kind::HeatingSubsidy}) {
        const auto e = r.policy.eligible(stranded, need(k), offer(k), kAsOf);
        BOOST_TEST_CONTEXT(name(k)) {
            BOOST_TEST(e.eligible);
            BOOST_TEST(pluginCode(e.detail) == "shanxi#301");
        }
    }
    // A disaster-hit member counts too; a household untouched by the disaster gets no such rule.
    const Household hit = household(kTaiyuan, {}, {member(45, {Attribute::DisasterHit})});
    BOOST_TEST(
        pluginCode(r.policy.eligible(hit, need(Kind::Food), offer(Kind::Food), kAsOf).detail) ==
        "shanxi#301");
    const Household other = household(kTaiyuan, {Category::Dibao});
    BOOST_TEST(
        pluginCode(r.policy.eligible(other, need(Kind::Food), offer(Kind::Food), kAsOf).detail)
            .empty());
}

BOOST_AUTO_TEST_CASE(approval_tier_by_amount) {
    Regions r;
    BOOST_REQUIRE(!r.host->setSetting("shanxi", "township_approval_max_yuan", "1000"));
    BOOST_REQUIRE(!r.host->setSetting("shanxi", "county_approval_max_yuan", "5000"));
    const Household h = household(kTaiyuan, {Category::Dibao});
    const auto tierFor = [&](std::int64_t yuan) {
        return r.host->approval(h, need(Kind::TemporaryAssistance, yuan), cash(), nullptr, yuan,
                                kAsOf, Lang::Zh);
    };
    BOOST_TEST(tierFor(1000).tier == 2); // township or street office, up to and with 1000
    BOOST_TEST(tierFor(1000).code == 302);
    BOOST_TEST(tierFor(1001).tier == 3); // county civil-affairs bureau
    BOOST_TEST(tierFor(5000).tier == 3);
    BOOST_TEST(tierFor(5001).tier == 4);
    BOOST_TEST(tierFor(5001).plugin == "shanxi");
}

BOOST_AUTO_TEST_CASE(help_first_up_to_the_set_amount) {
    Regions r;
    BOOST_REQUIRE(!r.host->setSetting("shanxi", "advance_relief_max_yuan", "1000"));
    const Household h = household(kTaiyuan, {Category::DisasterStranded});
    const auto verdict = [&](std::int64_t yuan) {
        return r.host->approval(h, need(Kind::TemporaryAssistance, yuan), cash(), nullptr, yuan,
                                kAsOf, Lang::Zh);
    };
    BOOST_TEST(verdict(800).deliverBeforeApproval);
    BOOST_TEST(verdict(1000).deliverBeforeApproval);
    BOOST_TEST(!verdict(1500).deliverBeforeApproval);
    BOOST_REQUIRE(!r.host->setSetting("shanxi", "advance_relief_max_yuan", "2000"));
    BOOST_TEST(verdict(1500).deliverBeforeApproval);
    // Help first is for temporary assistance only, not for other cash.
    const auto subsidy =
        r.host->approval(h, need(Kind::HeatingSubsidy, 500), offer(Kind::HeatingSubsidy, 100),
                         nullptr, 500, kAsOf, Lang::Zh);
    BOOST_TEST(!subsidy.deliverBeforeApproval);
    BOOST_TEST(subsidy.tier == 2);
}

BOOST_AUTO_TEST_CASE(goods_follow_the_national_approval) {
    Regions r;
    const Household h = household(kTaiyuan, {Category::Dibao});
    // 100 quilts at 50 yuan: 5000 yuan, above the national staff limit of 2000.
    const auto v = r.host->approval(h, need(Kind::Quilt, 100), offer(Kind::Quilt, 5000), nullptr,
                                    100, kAsOf, Lang::Zh);
    BOOST_TEST(v.plugin == "national");
    BOOST_TEST(v.tier == 3);
    const auto small = r.host->approval(h, need(Kind::Quilt, 2), offer(Kind::Quilt, 5000), nullptr,
                                        2, kAsOf, Lang::Zh);
    BOOST_TEST(small.tier == 1);
}

BOOST_AUTO_TEST_CASE(heating_assistance_for_disaster_victims_first) {
    Regions r;
    const Household hit = household(kTaiyuan, {}, {member(45, {Attribute::DisasterHit})});
    const auto base = r.root.priority(hit, need(Kind::Coal), kAsOf);
    BOOST_TEST(base.tier == 1); // the default: badly hit by disaster
    const auto p = r.policy.priority(hit, need(Kind::Coal), kAsOf);
    BOOST_TEST(p.tier == 0);
    BOOST_TEST(p.score == base.score + 10);
    BOOST_TEST(pluginCodes(p.reasons) == std::vector<std::string>{"shanxi#305"});
    BOOST_TEST(pluginCodes(r.policy.priority(hit, need(Kind::Food), kAsOf).reasons).empty());
}

BOOST_AUTO_TEST_CASE(visits_to_the_three_groups) {
    Regions r;
    const auto visits = [&r](CategorySet c, std::vector<Member> members) {
        return summary(
            r.host->derivedNeeds(household(kTaiyuan, c, std::move(members)), kAsOf, Lang::Zh));
    };
    BOOST_TEST(visits({Category::Tekun}, {member(55)}) ==
               std::vector<std::string>{"shanxi#306:home_visit:1"});
    BOOST_TEST(visits({}, {member(72, {Attribute::LivesAlone})}) ==
               std::vector<std::string>{"shanxi#307:home_visit:1"});
    BOOST_TEST(visits({}, {member(70), member(9, {Attribute::LeftBehind})}) ==
               std::vector<std::string>{"shanxi#308:home_visit:1"});
    // One visit per household, whoever it is for.
    BOOST_TEST(visits({Category::Tekun}, {member(72, {Attribute::LivesAlone})}).size() == 1U);
    BOOST_TEST(visits({Category::Dibao}, {member(45)}).empty());
    BOOST_TEST(visits({}, {member(45, {Attribute::LivesAlone})}).empty()); // not elderly
}

BOOST_AUTO_TEST_CASE(snow_and_wiring_at_institutions) {
    Regions r;
    BOOST_TEST(summary(r.host->institutionTasks(kTaiyuan, kAsOf, Lang::Zh)) ==
               (std::vector<std::string>{"national#1:safety_check:1", "shanxi#309:snow_clearing:1",
                                         "shanxi#310:wiring_repair:1"}));
}

BOOST_AUTO_TEST_SUITE_END()
