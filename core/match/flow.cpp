#include "core/match/flow.h"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

namespace nuanxin {

// LEMON's SmartDigraph pushes partly initialised node records; g++ 12 warns inside its headers.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
namespace {

/// Solves; `owned`, when given, is `arcs` itself, let go once LEMON has its copy.
bool solve(const std::vector<std::int64_t>& supply, const std::vector<FlowArc>& arcs,
           std::vector<std::int64_t>& flow, std::vector<FlowArc>* owned) {
    using Graph = lemon::SmartDigraph;
    Graph graph;
    graph.reserveNode(static_cast<int>(supply.size()));
    graph.reserveArc(static_cast<int>(arcs.size()));
    for (std::size_t v = 0; v < supply.size(); ++v) graph.addNode();
    for (const FlowArc& a : arcs) {
        graph.addArc(Graph::nodeFromId(static_cast<int>(a.from)),
                     Graph::nodeFromId(static_cast<int>(a.to)));
    }
    Graph::ArcMap<std::int64_t> upper(graph);
    Graph::ArcMap<std::int64_t> cost(graph);
    const std::size_t count = arcs.size();
    for (std::size_t i = 0; i < count; ++i) {
        const auto arc = Graph::arcFromId(static_cast<int>(i));
        upper[arc] = arcs[i].cap;
        cost[arc] = arcs[i].cost;
    }
    if (owned != nullptr) std::vector<FlowArc>().swap(*owned); // `arcs` is gone from here on
    Graph::NodeMap<std::int64_t> supplies(graph);
    for (std::size_t v = 0; v < supply.size(); ++v) {
        supplies[Graph::nodeFromId(static_cast<int>(v))] = supply[v];
    }
    lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t> simplex(graph);
    simplex.upperMap(upper).costMap(cost).supplyMap(supplies);
    if (simplex.run() != decltype(simplex)::OPTIMAL) return false;
    flow.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        flow[i] = simplex.flow(Graph::arcFromId(static_cast<int>(i)));
    }
    return true;
}

} // namespace

bool minCostFlow(const std::vector<std::int64_t>& supply, const std::vector<FlowArc>& arcs,
                 std::vector<std::int64_t>& flow) {
    return solve(supply, arcs, flow, nullptr);
}

bool minCostFlow(const std::vector<std::int64_t>& supply, std::vector<FlowArc>&& arcs,
                 std::vector<std::int64_t>& flow) {
    return solve(supply, arcs, flow, &arcs);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

} // namespace nuanxin
