// The example plugin of plugins/README.md, compiled outside the tree by readme_example.cmake from
// nuanxin_plugin.h alone and handed over as --example=FILE: it loads next to the built-ins and
// refines Sichuan's answer for Chengdu only.
#include <boost/test/unit_test.hpp>

#include "plugin_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

BOOST_AUTO_TEST_SUITE(plugin_example)

BOOST_AUTO_TEST_CASE(example_loads_and_governs_chengdu) {
    Regions r;
    const auto refused = r.host->loadFile(exampleFile());
    BOOST_REQUIRE_MESSAGE(!refused, (refused ? refused->describe(Lang::En) : ""));
    BOOST_TEST(r.host->governing("510104")->id() == "chengdu_example");
    BOOST_TEST(r.host->governing("510302")->id() == "sichuan"); // Zigong stays with the province
    const auto chain = r.host->chainFor("510104");
    BOOST_REQUIRE_EQUAL(chain.size(), 3U);
    BOOST_TEST(chain[1]->id() == "sichuan");

    // A household with a member aged 85: warm goods first in Chengdu, not in Zigong.
    const Household chengdu = household("510104", {Category::Dibao}, {member(85)});
    const auto p = r.policy.priority(chengdu, need(Kind::Quilt), kAsOf);
    BOOST_TEST(p.tier == 0);
    BOOST_TEST(pluginCodes(p.reasons).back() == "chengdu_example#1");
    const Household zigong = household("510302", {Category::Dibao}, {member(85)});
    BOOST_TEST(r.policy.priority(zigong, need(Kind::Quilt), kAsOf).tier == 1);
    // Sichuan's rules still apply under the example: its focus reason comes first.
    BOOST_TEST(pluginCodes(p.reasons).front() == "sichuan#101");
}

BOOST_AUTO_TEST_SUITE_END()
