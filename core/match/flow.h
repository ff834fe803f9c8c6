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
/// @brief The same, taking the arcs: they are let go as soon as the solver holds its own copy,
/// before it runs (a part of a large graph need not be held twice while it is solved).
[[nodiscard]] bool minCostFlow(const std::vector<std::int64_t>& supply,
                               std::vector<FlowArc>&& arcs, std::vector<std::int64_t>& flow);

/// @brief What minCostFlowSplit did, for the benchmark's figures.
struct FlowSplitStats {
    std::size_t components = 0;
    std::size_t threads = 0;
    std::size_t largestArcs = 0;
};

/// @brief minCostFlowSplit() in steps, so that a caller without threads (the browser's frame
/// loop) can draw and take a cancel click between them: each step() solves the next batch of
/// components, largest first (natively a batch is spread over the threads). The flow is the same
/// whatever the batches and threads. `supply` and `arcs` must outlive the solver, unchanged.
class SplitFlowSolver {
public:
    SplitFlowSolver(const std::vector<std::int64_t>& supply, const std::vector<FlowArc>& arcs,
                    unsigned threads = 0);
    /// @brief Solves the next batch; false when nothing is left to solve (or a part failed).
    bool step();
    /// @brief Share of the arcs solved so far, 0..1.
    [[nodiscard]] double fraction() const;
    /// @brief After the last step: the whole graph's flow; false when a part had no solution.
    [[nodiscard]] bool finish(std::vector<std::int64_t>& flow, FlowSplitStats* stats = nullptr);

private:
    struct Component {
        std::vector<std::uint32_t> arcs; ///< indices into the whole graph's arcs
    };
    bool solveComponent(const Component& c, std::vector<std::uint32_t>& local,
                        std::int64_t& bypassFlow);

    const std::vector<std::int64_t>& m_supply;
    const std::vector<FlowArc>& m_arcs;
    bool m_split = false; ///< false: solved whole in one step (a shape that cannot be split)
    std::size_t m_bypass = 0;
    std::vector<Component> m_parts;
    std::vector<std::size_t> m_order; ///< largest first
    std::size_t m_next = 0;           ///< position in m_order
    std::size_t m_workers = 1;
    std::vector<std::vector<std::uint32_t>> m_locals; ///< per worker: node -> local id
    std::vector<std::int64_t> m_flow;
    std::vector<std::int64_t> m_bypassFlows;
    std::size_t m_arcsDone = 0;
    bool m_failed = false;
    bool m_done = false;
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
