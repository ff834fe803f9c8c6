// The component-by-component solver against LEMON's NetworkSimplex on the whole graph.
#include <boost/test/unit_test.hpp>

#include "core/match/flow.h"

#include "test_match_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

/// A graph shaped like a matching run: source 0 -> offers -> needs -> sink 1 (negative costs:
/// serving pays), a zero-cost bypass 0 -> 1, and the offers and needs in `clusters` groups that
/// no arc joins, so the graph falls apart into (at least) that many components.
struct Graph {
    std::vector<std::int64_t> supply;
    std::vector<FlowArc> arcs;
};

Graph randomGraph(Rng& rng, int clusters) {
    Graph g;
    g.supply.assign(2, 0);
    std::int64_t total = 0;
    for (int c = 0; c < clusters; ++c) {
        const auto first = static_cast<std::uint32_t>(g.supply.size());
        const auto offers = static_cast<std::uint32_t>(1 + rng.below(4));
        const auto needs = static_cast<std::uint32_t>(1 + rng.below(6));
        g.supply.resize(g.supply.size() + offers + needs, 0);
        for (std::uint32_t o = 0; o < offers; ++o) {
            const std::int64_t cap = rng.below(20);
            g.arcs.push_back({0, first + o, cap, 0});
            total += cap;
            for (std::uint32_t n = 0; n < needs; ++n) {
                if (rng.below(3) == 0) continue;
                g.arcs.push_back({first + o, first + offers + n, 1 + rng.below(10), rng.below(4)});
            }
        }
        for (std::uint32_t n = 0; n < needs; ++n) {
            g.arcs.push_back({first + offers + n, 1, 1 + rng.below(12), -1 - rng.below(50)});
        }
    }
    g.arcs.push_back({0, 1, total, 0});
    g.supply[0] = total;
    g.supply[1] = -total;
    return g;
}

std::int64_t costOf(const Graph& g, const std::vector<std::int64_t>& flow) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < g.arcs.size(); ++i) sum += g.arcs[i].cost * flow[i];
    return sum;
}

/// Capacities respected and every node balanced (out - in = supply).
bool feasible(const Graph& g, const std::vector<std::int64_t>& flow) {
    std::vector<std::int64_t> balance(g.supply.size(), 0);
    for (std::size_t i = 0; i < g.arcs.size(); ++i) {
        if (flow[i] < 0 || flow[i] > g.arcs[i].cap) return false;
        balance[g.arcs[i].from] += flow[i];
        balance[g.arcs[i].to] -= flow[i];
    }
    return balance == g.supply;
}

} // namespace

BOOST_AUTO_TEST_SUITE(match_flow)

BOOST_AUTO_TEST_CASE(split_solve_has_the_whole_graphs_optimum) {
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Rng rng(seed);
        const Graph g = randomGraph(rng, 1 + static_cast<int>(rng.below(8)));
        std::vector<std::int64_t> whole;
        std::vector<std::int64_t> split;
        std::vector<std::int64_t> splitOnOne;
        FlowSplitStats stats;
        BOOST_REQUIRE(minCostFlow(g.supply, g.arcs, whole));
        BOOST_REQUIRE(minCostFlowSplit(g.supply, g.arcs, split, 3, &stats));
        BOOST_REQUIRE(minCostFlowSplit(g.supply, g.arcs, splitOnOne, 1));
        // The same flow whatever the thread count: what makes native and browser runs agree.
        BOOST_CHECK_MESSAGE(split == splitOnOne, "seed " << seed);
        BOOST_CHECK_MESSAGE(feasible(g, split), "seed " << seed);
        BOOST_CHECK_MESSAGE(costOf(g, split) == costOf(g, whole),
                            "seed " << seed << ": split " << costOf(g, split) << ", whole "
                                    << costOf(g, whole));
        BOOST_CHECK_GE(stats.components, 1U);
        BOOST_CHECK_GE(stats.threads, 1U);
    }
}

BOOST_AUTO_TEST_CASE(clusters_are_solved_as_separate_components) {
    // No arc joins two clusters, and each has arcs (every need has one to the sink), so there
    // are at least as many components as clusters.
    Rng rng(99);
    const Graph g = randomGraph(rng, 6);
    std::vector<std::int64_t> flow;
    FlowSplitStats stats;
    BOOST_REQUIRE(minCostFlowSplit(g.supply, g.arcs, flow, 0, &stats));
    BOOST_CHECK_GE(stats.components, 6U);
    BOOST_CHECK_LT(stats.largestArcs, g.arcs.size());
}

BOOST_AUTO_TEST_CASE(other_shapes_are_solved_whole) {
    // Supply at an inner node: no split is possible, the answer must still be optimal.
    Graph g;
    g.supply = {0, -5, 5, 0};
    g.arcs = {{2, 3, 5, 1}, {3, 1, 5, 1}, {2, 1, 5, 3}, {0, 1, 0, 0}};
    std::vector<std::int64_t> flow;
    FlowSplitStats stats;
    BOOST_REQUIRE(minCostFlowSplit(g.supply, g.arcs, flow, 0, &stats));
    BOOST_CHECK(feasible(g, flow));
    BOOST_CHECK_EQUAL(costOf(g, flow), 10); // 5 units over 2 -> 3 -> 1 at cost 2 each
    BOOST_CHECK_EQUAL(stats.components, 0U);
}

BOOST_AUTO_TEST_SUITE_END()
