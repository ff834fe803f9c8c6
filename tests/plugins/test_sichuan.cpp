// Sichuan (510000), from 四川省民政厅《困难群众温暖过冬专项行动方案》 (seed text):
//   "密切关注低保对象、特困人员、低保边缘家庭、防止返贫监测对象、刚性支出困难家庭,以及其他低收入人口中,
//    在校接受教育、年老、残疾、生活不能自理、患有重大疾病、受灾影响比较严重等群众"
//   "有条件的地方可以向低保对象、特困人员发放一次性生活补贴"
//   "实施'爱心敲门'居家上门关爱服务行动" for 特殊困难老年人
//   "经济困难失能老年人集中照护服务 ... 实现经济困难失能老年人'需托尽托'"
//   "对教育、医疗、受灾、取暖等刚性支出较大 ... 纳入临时救助。全面推行急难发生地实施临时救助"
#include <boost/test/unit_test.hpp>

#include "plugin_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {
const char* const kChengduWuhou = "510107";
const char* const kShijiazhuang = "130102";
} // namespace

BOOST_AUTO_TEST_SUITE(sichuan_rules)

BOOST_AUTO_TEST_CASE(low_income_pupil_is_a_focus_person) {
    Regions r;
    // 其他低收入人口 with a child in school: the text's focus list, so at least the second tier.
    const Household h = household(kChengduWuhou, {Category::OtherLowIncome},
                                  {member(42), member(15, {Attribute::InSchool})});
    const auto base = r.root.priority(h, need(Kind::Coal), kAsOf);
    BOOST_TEST(base.tier == 3); // the national default alone leaves them last
    const auto p = r.policy.priority(h, need(Kind::Coal), kAsOf);
    BOOST_TEST(p.tier == 1);
    BOOST_TEST(p.score == base.score + 15);
    BOOST_TEST(pluginCodes(p.reasons) == std::vector<std::string>{"sichuan#101"});
}

BOOST_AUTO_TEST_CASE(focus_needs_both_a_category_and_a_situation) {
    Regions r;
    // Low income but nobody in school, old, disabled, dependent, ill or hit: no focus.
    Household h = household(kChengduWuhou, {Category::OtherLowIncome}, {member(42), member(40)});
    BOOST_TEST(pluginCodes(r.policy.priority(h, need(Kind::Coal), kAsOf).reasons).empty());
    // In school but in no low-income category: not among the groups the notice names.
    h = household(kChengduWuhou, {}, {member(42), member(15, {Attribute::InSchool})});
    BOOST_TEST(pluginCodes(r.policy.priority(h, need(Kind::Coal), kAsOf).reasons).empty());
    // 年老: a 60-year-old in a 低保边缘 family is a focus person.
    h = household(kChengduWuhou, {Category::DibaoEdge}, {member(60)});
    BOOST_TEST(r.policy.priority(h, need(Kind::Coal), kAsOf).tier == 1);
}

BOOST_AUTO_TEST_CASE(focus_rule_stays_in_sichuan) {
    Regions r;
    const Household h = household(kShijiazhuang, {Category::OtherLowIncome},
                                  {member(42), member(15, {Attribute::InSchool})});
    BOOST_TEST(r.policy.priority(h, need(Kind::Coal), kAsOf).tier == 3);
}

BOOST_AUTO_TEST_CASE(one_time_subsidy_is_off_unless_the_locality_can_pay) {
    Regions r;
    const Household dibao = household(kChengduWuhou, {Category::Dibao});
    BOOST_TEST(summary(r.host->derivedNeeds(dibao, kAsOf, Lang::Zh)).empty());
}

BOOST_AUTO_TEST_CASE(one_time_subsidy_for_dibao_and_tekun_only) {
    Regions r;
    BOOST_REQUIRE(!r.host->setSetting("sichuan", "one_time_subsidy", "true"));
    BOOST_REQUIRE(!r.host->setSetting("sichuan", "one_time_subsidy_yuan", "600"));
    const std::vector<std::string> subsidy{"sichuan#102:one_time_subsidy:600"};
    BOOST_TEST(summary(r.host->derivedNeeds(household(kChengduWuhou, {Category::Dibao}), kAsOf,
                                            Lang::Zh)) == subsidy);
    BOOST_TEST(summary(r.host->derivedNeeds(household(kChengduWuhou, {Category::Tekun}), kAsOf,
                                            Lang::Zh)) == subsidy);
    BOOST_TEST(summary(r.host->derivedNeeds(household(kChengduWuhou, {Category::DibaoEdge}), kAsOf,
                                            Lang::Zh))
                   .empty());
    const auto zh =
        r.host->derivedNeeds(household(kChengduWuhou, {Category::Dibao}), kAsOf, Lang::Zh);
    BOOST_TEST(zh.at(0).text == "向低保对象、特困人员发放一次性生活补贴");
}

BOOST_AUTO_TEST_CASE(love_knock_visit_for_elderly_with_special_difficulties) {
    Regions r;
    const auto visits = [&r](std::vector<Member> members) {
        return summary(r.host->derivedNeeds(
            household(kChengduWuhou, {Category::Dibao}, std::move(members)), kAsOf, Lang::Zh));
    };
    const std::vector<std::string> visit{"sichuan#103:home_visit:1"};
    BOOST_TEST(visits({member(75, {Attribute::LivesAlone})}) == visit);
    BOOST_TEST(visits({member(68, {Attribute::CannotSelfCare}), member(66)}) == visit);
    BOOST_TEST(visits({member(75)}).empty());                        // old, no special difficulty
    BOOST_TEST(visits({member(50, {Attribute::Disabled})}).empty()); // not elderly
}

BOOST_AUTO_TEST_CASE(residential_care_for_struggling_disabled_elderly) {
    Regions r;
    const Household disabledElder =
        household(kChengduWuhou, {Category::Dibao}, {member(78, {Attribute::CannotSelfCare})});
    auto e = r.policy.eligible(disabledElder, need(Kind::ResidentialCare),
                               offer(Kind::ResidentialCare), kAsOf);
    BOOST_TEST(e.eligible);
    BOOST_TEST(pluginCode(e.detail) == "sichuan#104");
    const auto p = r.policy.priority(disabledElder, need(Kind::ResidentialCare), kAsOf);
    BOOST_TEST(p.tier == 0); // 需托尽托

    // Elderly but able to look after themselves: the national default would allow elder care,
    // Sichuan's residential care is for the 失能 only.
    const Household ableElder = household(kChengduWuhou, {Category::Dibao}, {member(78)});
    BOOST_TEST(
        r.root.eligible(ableElder, need(Kind::ResidentialCare), offer(Kind::ResidentialCare), kAsOf)
            .eligible);
    e = r.policy.eligible(ableElder, need(Kind::ResidentialCare), offer(Kind::ResidentialCare),
                          kAsOf);
    BOOST_TEST(!e.eligible);
    BOOST_TEST(pluginCode(e.detail) == "sichuan#105");
    // 失能 but not economically struggling (no category).
    const Household wellOff =
        household(kChengduWuhou, {}, {member(78, {Attribute::CannotSelfCare})});
    BOOST_TEST(
        !r.policy
             .eligible(wellOff, need(Kind::ResidentialCare), offer(Kind::ResidentialCare), kAsOf)
             .eligible);
}

BOOST_AUTO_TEST_CASE(temporary_assistance_for_rigid_expense_hardship) {
    Regions r;
    auto e = r.policy.eligible(household(kChengduWuhou, {Category::RigidExpense}),
                               need(Kind::TemporaryAssistance, 800),
                               offer(Kind::TemporaryAssistance, 100), kAsOf);
    BOOST_TEST(e.eligible);
    BOOST_TEST(pluginCode(e.detail) == "sichuan#106");
    // 医疗: a seriously ill member makes the expense rigid whatever the category.
    e = r.policy.eligible(
        household(kChengduWuhou, {Category::Dibao}, {member(50, {Attribute::SeriousIllness})}),
        need(Kind::TemporaryAssistance, 800), offer(Kind::TemporaryAssistance, 100), kAsOf);
    BOOST_TEST(e.eligible);
    e = r.policy.eligible(household(kChengduWuhou, {Category::OtherLowIncome}),
                          need(Kind::TemporaryAssistance, 800),
                          offer(Kind::TemporaryAssistance, 100), kAsOf);
    BOOST_TEST(!e.eligible);
    BOOST_TEST(pluginCode(e.detail) == "sichuan#107");
}

BOOST_AUTO_TEST_CASE(english_texts_when_asked) {
    Regions r;
    const PluginPolicy english(*r.host, r.root, Lang::En);
    const auto e = english.eligible(household(kChengduWuhou, {Category::RigidExpense}),
                                    need(Kind::TemporaryAssistance, 800),
                                    offer(Kind::TemporaryAssistance, 100), kAsOf);
    BOOST_TEST(e.detail == "sichuan#106 hardship from unavoidable expenses: temporary assistance "
                           "where it arose");
}

BOOST_AUTO_TEST_SUITE_END()
