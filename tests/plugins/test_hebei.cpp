// Hebei (130000), from 河北省民政厅"寒冬送温暖"专项救助行动视频调度会 (seed text):
//   "重点关注严寒冰雪、气温骤降、夜间凌晨等特殊时段 ... 切实做好街面巡查救助"
//   "建立健全安全主体责任体系、安全检查事项、安全风险隐患、问题整改清单和安全制度标准等'五个清单'"
// Settings: a cold spell is given by dates, or by a forecast minimum at or below a threshold.
#include <boost/test/unit_test.hpp>

#include "plugin_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

const char* const kShijiazhuang = "130102";

/// A homeless adult found on the street: no address.
Household streetPerson() {
    Household h = household(kShijiazhuang, {Category::Homeless});
    h.address.clear();
    return h;
}

void setColdSpell(PluginHost& host, const char* from, const char* to) {
    BOOST_REQUIRE(!host.setSetting("hebei", "cold_spell_start", from));
    BOOST_REQUIRE(!host.setSetting("hebei", "cold_spell_end", to));
}

} // namespace

BOOST_AUTO_TEST_SUITE(hebei_rules)

BOOST_AUTO_TEST_CASE(cold_spell_by_dates_puts_street_rescue_first) {
    Regions r;
    const Household h = streetPerson();
    const int base = r.root.priority(h, need(Kind::Food), kAsOf).score;
    // No cold spell set: Hebei has nothing to add.
    BOOST_TEST(pluginCodes(r.policy.priority(h, need(Kind::Food), kAsOf).reasons).empty());
    setColdSpell(*r.host, "2026-12-10", "2026-12-20"); // kAsOf is 2026-12-15
    const auto p = r.policy.priority(h, need(Kind::Food), kAsOf);
    BOOST_TEST(p.tier == 0);
    BOOST_TEST(p.score == base + 30);
    BOOST_TEST(pluginCodes(p.reasons) == std::vector<std::string>{"hebei#201"});
    // The same spell seen from a day after it ended.
    BOOST_TEST(
        pluginCodes(r.policy.priority(h, need(Kind::Food), Date{2026, 12, 21}).reasons).empty());
}

BOOST_AUTO_TEST_CASE(cold_spell_by_forecast_temperature) {
    Regions r;
    const Household h = streetPerson();
    BOOST_REQUIRE(!r.host->setSetting("hebei", "forecast_min_temp_c", "-12")); // threshold -10
    BOOST_TEST(pluginCodes(r.policy.priority(h, need(Kind::Food), kAsOf).reasons) ==
               std::vector<std::string>{"hebei#201"});
    BOOST_REQUIRE(!r.host->setSetting("hebei", "forecast_min_temp_c", "-10")); // at the threshold
    BOOST_TEST(pluginCodes(r.policy.priority(h, need(Kind::Food), kAsOf).reasons).size() == 1U);
    BOOST_REQUIRE(!r.host->setSetting("hebei", "forecast_min_temp_c", "-5"));
    BOOST_TEST(pluginCodes(r.policy.priority(h, need(Kind::Food), kAsOf).reasons).empty());
    BOOST_REQUIRE(!r.host->setSetting("hebei", "cold_threshold_c", "-3")); // a milder region
    BOOST_TEST(pluginCodes(r.policy.priority(h, need(Kind::Food), kAsOf).reasons).size() == 1U);
}

BOOST_AUTO_TEST_CASE(cold_spell_raises_heating_and_warm_goods) {
    Regions r;
    setColdSpell(*r.host, "2026-12-01", "2027-01-31");
    const Household family = household(kShijiazhuang, {Category::Dibao});
    const auto quilt = r.policy.priority(family, need(Kind::Quilt), kAsOf);
    BOOST_TEST(quilt.score == r.root.priority(family, need(Kind::Quilt), kAsOf).score + 10);
    BOOST_TEST(pluginCodes(quilt.reasons) == std::vector<std::string>{"hebei#202"});
    const auto food = r.policy.priority(family, need(Kind::Food), kAsOf);
    BOOST_TEST(pluginCodes(food.reasons).empty());
}

BOOST_AUTO_TEST_CASE(night_patrol_for_homeless_in_a_cold_spell) {
    Regions r;
    BOOST_TEST(summary(r.host->derivedNeeds(streetPerson(), kAsOf, Lang::Zh)).empty());
    setColdSpell(*r.host, "2026-12-10", "2026-12-20");
    const auto derived = r.host->derivedNeeds(streetPerson(), kAsOf, Lang::Zh);
    BOOST_TEST(summary(derived) == std::vector<std::string>{"hebei#203:home_visit:1"});
    BOOST_TEST(name(derived.at(0).need.urgency) == name(Urgency::Urgent));
    BOOST_TEST(
        summary(r.host->derivedNeeds(household(kShijiazhuang, {Category::Dibao}), kAsOf, Lang::Zh))
            .empty());
}

BOOST_AUTO_TEST_CASE(street_rescue_without_an_address) {
    Regions r;
    const Household h = streetPerson();
    auto e = r.policy.eligible(h, need(Kind::Quilt), offer(Kind::Quilt), kAsOf);
    BOOST_TEST(e.eligible);
    BOOST_TEST(pluginCode(e.detail) == "hebei#204");
    // Medical help is carried to the person: the default's "ill or disabled member" rule would
    // refuse, the street-rescue rule serves them.
    BOOST_TEST(
        !r.root.eligible(h, need(Kind::MedicalAid), offer(Kind::MedicalAid), kAsOf).eligible);
    BOOST_TEST(
        r.policy.eligible(h, need(Kind::MedicalAid), offer(Kind::MedicalAid), kAsOf).eligible);
    // Coal, a heater or wiring work need a dwelling.
    e = r.policy.eligible(h, need(Kind::Coal), offer(Kind::Coal), kAsOf);
    BOOST_TEST(!e.eligible);
    BOOST_TEST(pluginCode(e.detail) == "hebei#205");
    // With an address the household is treated like any other.
    Household housed = h;
    housed.address = "桥东区某街道";
    BOOST_TEST(
        pluginCode(r.policy.eligible(housed, need(Kind::Coal), offer(Kind::Coal), kAsOf).detail)
            .empty());
}

BOOST_AUTO_TEST_CASE(five_checklists_for_rescue_institutions) {
    Regions r;
    const auto tasks = r.host->institutionTasks(kShijiazhuang, kAsOf, Lang::Zh);
    BOOST_TEST(summary(tasks) ==
               (std::vector<std::string>{"national#1:safety_check:1", "hebei#206:safety_check:1",
                                         "hebei#207:safety_check:1", "hebei#208:safety_check:1",
                                         "hebei#209:safety_check:1", "hebei#210:safety_check:1"}));
    // The five lists of the notice, in its order.
    const char* const lists[] = {"安全主体责任体系", "安全检查事项", "安全风险隐患", "问题整改清单",
                                 "安全制度标准"};
    for (std::size_t i = 0; i < 5; ++i) {
        BOOST_TEST(tasks.at(i + 1).text.find(lists[i]) != std::string::npos, tasks.at(i + 1).text);
    }
}

BOOST_AUTO_TEST_SUITE_END()
