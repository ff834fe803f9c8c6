#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace nuanxin {

/// @brief One arc of a min-cost flow problem (lower bound 0).
struct FlowArc {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    std::int64_t cap = 0;
    std::int64_t cost = 0;
};

/// @brief Min-cost flow by LEMON's NetworkSimplex on nodes 0..supply.size()-1 (supplies sum to
/// zero, every supply must be routed). Fills `flow` in arc order; false when infeasible.
/// Integer costs only: callers bound them (see cost_scale.h) so potentials fit in int64.
[[nodiscard]] bool minCostFlow(const std::vector<std::int64_t>& supply,
                               const std::vector<FlowArc>& arcs, std::vector<std::int64_t>& flow);

/// @brief What minCostFlowSplit did, for the benchmark's figures.
struct FlowSplitStats {
    std::size_t components = 0;
    std::size_t threads = 0;
    std::size_t largestArcs = 0;
};

/// @brief The same optimum as minCostFlow for a graph whose supply all sits at node 0 (source)
/// and whose demand all sits at node 1 (sink), joined by one zero-cost bypass arc 0 -> 1:
/// solved per connected component of the graph without those two nodes, on several threads
/// natively (`threads`, 0 = one per core). Any other graph is passed to minCostFlow whole.
/// Deterministic: the flow does not depend on the thread count (each component is solved alone, the
/// same way every time).
[[nodiscard]] bool minCostFlowSplit(const std::vector<std::int64_t>& supply,
                                    const std::vector<FlowArc>& arcs,
                                    std::vector<std::int64_t>& flow, unsigned threads = 0,
                                    FlowSplitStats* stats = nullptr);

} // namespace nuanxin
