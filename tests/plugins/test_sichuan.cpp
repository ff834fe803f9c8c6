// Sichuan (510000), from 四川省民政厅《困难群众温暖过冬专项行动方案》 (seed text):
//   "密切关注低保对象、特困人员、低保边缘家庭、防止返贫监测对象、刚性支出困难家庭,以及其他低收入人口中,
//    在校接受教育、年老、残疾、生活不能自理、患有重大疾病、受灾影响比较严重等群众"
//   "有条件的地方可以向低保对象、特困人员发放一次性生活补贴"
//   "实施'爱心敲门'居家上门关爱服务行动" for 特殊困难老年人
//   "开展财政支持经济困难失能老年人集中照护服务工作 ... 实现经济困难失能老年人'需托尽托'"
//   (财政支持: the programme is paid by the government, so it binds the places the government
//    pays for; a place a charity pays for is not limited by it)
//   "对教育、医疗、受灾、取暖等刚性支出较大 ... 纳入临时救助。全面推行急难发生地实施临时救助"
#include <boost/test/unit_test.hpp>

#include "core/match/match.h"

#include "plugin_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {
const char* const kChengduWuhou = "510107";
const char* const kShijiazhuang = "130102";

Donor donor(DonorId id, DonorType type) {
    Donor d;
    d.id = id;
    d.name = "捐赠方";
    d.type = type;
    d.divisionCode = "510107";
    return d;
}

Offer careOffer(OfferId id, DonorId by) {
    Offer o = offer(Kind::ResidentialCare);
    o.id = id;
    o.donor = by;
    o.capacity = 1;
    o.coverage = {"51"};
    return o;
}
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

BOOST_AUTO_TEST_CASE(government_funded_care_is_for_struggling_disabled_elderly_only) {
    Regions r;
    const std::vector<Donor> donors = {donor(1, DonorType::Government),
                                       donor(2, DonorType::Charity),
                                       donor(3, DonorType::Enterprise)};
    const PluginPolicy policy(*r.host, r.root, Lang::Zh, donors);
    // An elder of a 低保 family who can look after themselves: not 失能.
    const Household ableElder = household(kChengduWuhou, {Category::Dibao}, {member(78)});
    const Need care = need(Kind::ResidentialCare);
    // A place the government pays for: the 财政支持 programme's limit applies.
    auto e = policy.eligible(ableElder, care, careOffer(1, 1), kAsOf);
    BOOST_TEST(!e.eligible);
    BOOST_TEST(pluginCode(e.detail) == "sichuan#105");
    // Places a charity or an enterprise pays for: Sichuan's limit does not bind them, the
    // national default (an elder of 60 or more may get elder care) decides.
    for (const DonorId by : {DonorId{2}, DonorId{3}}) {
        e = policy.eligible(ableElder, care, careOffer(by, by), kAsOf);
        BOOST_TEST(e.eligible, "donor " << by);
        BOOST_TEST(pluginCode(e.detail).empty(), e.detail);
    }
    // A donor the policy was not told of may be the government: bound like its places.
    BOOST_TEST(!policy.eligible(ableElder, care, careOffer(9, 9), kAsOf).eligible);
    // The struggling disabled elder gets a government place.
    const Household disabledElder =
        household(kChengduWuhou, {Category::Dibao}, {member(78, {Attribute::CannotSelfCare})});
    e = policy.eligible(disabledElder, care, careOffer(1, 1), kAsOf);
    BOOST_TEST(e.eligible);
    BOOST_TEST(pluginCode(e.detail) == "sichuan#104");
}

BOOST_AUTO_TEST_CASE(matching_sees_each_offers_donor_type) {
    // A whole run: one able elder needing a care place, one government place and one charity
    // place. Only the charity's place may go to them.
    Regions r;
    Dataset data;
    data.asOf = kAsOf;
    data.donors = {donor(1, DonorType::Government), donor(2, DonorType::Charity)};
    Household h = household(kChengduWuhou, {Category::Dibao}, {member(78)});
    data.households = {h};
    data.needs = {need(Kind::ResidentialCare)};
    data.offers = {careOffer(1, 1), careOffer(2, 2)};
    const PluginPolicy policy(*r.host, r.root, Lang::Zh, data.donors);
    const auto result = match(data, policy);
    BOOST_REQUIRE_MESSAGE(result.ok(),
                          (result.ok() ? "" : result.errors().front().describe(Lang::En)));
    BOOST_REQUIRE_EQUAL(result.value().allocations.size(), 1U);
    BOOST_TEST(result.value().allocations[0].offer == OfferId{2});
    // Without the donors every place might be the government's: none is given.
    const PluginPolicy blind(*r.host, r.root, Lang::Zh);
    const auto none = match(data, blind);
    BOOST_REQUIRE(none.ok());
    BOOST_TEST(none.value().allocations.empty());
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
