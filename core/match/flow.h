#pragma once
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

} // namespace nuanxin
