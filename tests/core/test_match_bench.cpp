// The benchmark instance generator and the engine on realistic instances over real counties.
#include <boost/test/unit_test.hpp>

#include "core/geo/divisions.h"
#include "core/match/bench.h"

#include "test_match_support.h"

using namespace nuanxin;

BOOST_AUTO_TEST_SUITE(match_bench)

BOOST_AUTO_TEST_CASE(realistic_instance_engine_equals_reference_and_is_valid) {
    BenchOptions o;
    o.needs = 3000;
    o.offers = 120;
    o.seed = 7;
    const Dataset d = benchInstance(o, DivisionRegistry::builtIn());
    BOOST_REQUIRE_EQUAL(d.needs.size(), 3000U);
    const NationalDefaultPolicy policy;
    MatchOptions engineOptions;
    MatchOptions referenceOptions;
    referenceOptions.mode = MatchMode::Reference;
    const auto engine = match(d, policy, engineOptions);
    const auto reference = match(d, policy, referenceOptions);
    BOOST_REQUIRE(engine.ok() && reference.ok());
    BOOST_CHECK_MESSAGE(engine.value().objective == reference.value().objective,
                        describe(engine.value().objective)
                            << " vs " << describe(reference.value().objective));
    BOOST_CHECK_EQUAL(test::judgeValid(d, policy, engine.value()), "");
    // Grouping must actually group: far fewer classes than needs.
    BOOST_CHECK_LT(engine.value().stats.classes * 2, engine.value().stats.needs);
    BOOST_CHECK_GT(engine.value().objective.served[0], 0);
}

// Native and browser builds giving the same allocations is checked by cross.match_identical
// (tests/cross), which compares the files both builds write for one input.

BOOST_AUTO_TEST_CASE(bench_report_has_the_promised_fields) {
    BenchOptions o;
    o.needs = 2000;
    o.offers = 50;
    o.repeats = 1;
    const auto r = runBench(o, DivisionRegistry::builtIn(), NationalDefaultPolicy());
    BOOST_REQUIRE(r.ok());
    const std::string json = benchJson(r.value());
    for (const char* field :
         {"\"needs\":", "\"offers\":", "\"classes\":", "\"arcs\":", "\"match_ms\":",
          "\"peak_rss_mb\":", "\"reference_ms\":", "\"greedy_ms\":",
          "\"objective_equal_reference\":true", "\"tier_coverage\":"}) {
        BOOST_CHECK_MESSAGE(json.find(field) != std::string::npos, field);
    }
    // Greedy never beats the engine.
    BOOST_CHECK_LE(compareObjectives(r.value().engine.objective, r.value().greedy.objective), 0);
}

BOOST_AUTO_TEST_SUITE_END()
