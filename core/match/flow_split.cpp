// Solving a matching graph component by component. The graph of a run falls apart into
// independent pieces once its source and sink are taken out: offers of one kind never feed needs
// of another, and most offers cover one county or one city. LEMON's NetworkSimplex grows faster
// than linearly with the graph, so many small solves beat one large one, and they can run side
// by side where the platform has threads (the browser build has none and solves them in turn).
#include <algorithm>
#include <atomic>
#include <numeric>

#if !defined(__EMSCRIPTEN__)
#include <thread>
#endif

#include "core/match/flow.h"

namespace nuanxin {
namespace {

constexpr std::uint32_t kSource = 0;
constexpr std::uint32_t kSink = 1;

std::uint32_t findRoot(std::vector<std::uint32_t>& parent, std::uint32_t v) {
    while (parent[v] != v) {
        parent[v] = parent[parent[v]]; // path halving
        v = parent[v];
    }
    return v;
}

/// The graph's shape allows splitting: all supply at the source, all demand at the sink, the
/// source's arcs together exactly its supply, and one zero-cost source -> sink arc able to take
/// all of it. Then each component can be given its own source arcs' total as supply.
bool splittable(const std::vector<std::int64_t>& supply, const std::vector<FlowArc>& arcs,
                std::size_t& bypass) {
    if (supply.size() < 2 || supply[kSource] < 0 || supply[kSink] != -supply[kSource]) {
        return false;
    }
    for (std::size_t v = 2; v < supply.size(); ++v) {
        if (supply[v] != 0) return false;
    }
    bypass = arcs.size();
    std::int64_t fromSource = 0;
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        const FlowArc& a = arcs[i];
        if (a.to == kSource || a.from == kSink) return false;
        if (a.from == kSource && a.to == kSink) {
            if (bypass != arcs.size() || a.cost != 0) return false;
            bypass = i;
        } else if (a.from == kSource) {
            fromSource += a.cap;
        }
    }
    return bypass != arcs.size() && arcs[bypass].cap >= supply[kSource] &&
           fromSource == supply[kSource];
}

struct Component {
    std::vector<std::uint32_t> arcs; ///< indices into the whole graph's arcs
};

/// Solves one component with its own source, sink and bypass; writes its flows into `flow`
/// (its arcs only, so components may be solved concurrently) and returns its bypass flow.
bool solveComponent(const Component& c, const std::vector<FlowArc>& arcs,
                    std::vector<std::uint32_t>& local, std::vector<std::int64_t>& flow,
                    std::int64_t& bypassFlow) {
    std::vector<std::uint32_t> touched;
    const auto idOf = [&](std::uint32_t v) {
        if (v == kSource || v == kSink) return v;
        if (local[v] == 0) {
            touched.push_back(v);
            local[v] = static_cast<std::uint32_t>(touched.size() + 1);
        }
        return local[v];
    };
    std::vector<FlowArc> sub;
    sub.reserve(c.arcs.size() + 1);
    std::int64_t supply = 0;
    for (const std::uint32_t i : c.arcs) {
        const FlowArc& a = arcs[i];
        sub.push_back({idOf(a.from), idOf(a.to), a.cap, a.cost});
        if (a.from == kSource) supply += a.cap;
    }
    sub.push_back({kSource, kSink, supply, 0});
    std::vector<std::int64_t> subSupply(touched.size() + 2, 0);
    subSupply[kSource] = supply;
    subSupply[kSink] = -supply;
    for (const std::uint32_t v : touched) local[v] = 0;
    std::vector<std::int64_t> subFlow;
    if (!minCostFlow(subSupply, sub, subFlow)) return false;
    for (std::size_t k = 0; k < c.arcs.size(); ++k) flow[c.arcs[k]] = subFlow[k];
    bypassFlow = subFlow.back();
    return true;
}

std::vector<Component> components(std::size_t nodeCount, const std::vector<FlowArc>& arcs,
                                  std::size_t bypass) {
    std::vector<std::uint32_t> parent(nodeCount);
    std::iota(parent.begin(), parent.end(), 0U);
    for (const FlowArc& a : arcs) {
        if (a.from <= kSink || a.to <= kSink) continue;
        const std::uint32_t x = findRoot(parent, a.from);
        const std::uint32_t y = findRoot(parent, a.to);
        if (x != y) parent[std::max(x, y)] = std::min(x, y); // the smaller id stays the root
    }
    std::vector<std::uint32_t> index(nodeCount, UINT32_MAX);
    std::vector<Component> out;
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        if (i == bypass) continue;
        const FlowArc& a = arcs[i];
        const std::uint32_t root = findRoot(parent, a.from > kSink ? a.from : a.to);
        if (index[root] == UINT32_MAX) {
            index[root] = static_cast<std::uint32_t>(out.size());
            out.emplace_back();
        }
        out[index[root]].arcs.push_back(static_cast<std::uint32_t>(i));
    }
    return out;
}

} // namespace

bool minCostFlowSplit(const std::vector<std::int64_t>& supply, const std::vector<FlowArc>& arcs,
                      std::vector<std::int64_t>& flow, unsigned threads, FlowSplitStats* stats) {
    std::size_t bypass = 0;
    if (!splittable(supply, arcs, bypass)) return minCostFlow(supply, arcs, flow);
    const std::vector<Component> parts = components(supply.size(), arcs, bypass);
    // Largest first, so that the last component to finish is a small one.
    std::vector<std::size_t> order(parts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return parts[x].arcs.size() > parts[y].arcs.size();
    });
    flow.assign(arcs.size(), 0);
    std::vector<std::int64_t> bypassFlows(parts.size(), 0);
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    const auto work = [&] {
        std::vector<std::uint32_t> local(supply.size(), 0);
        for (std::size_t k = next++; k < order.size() && !failed; k = next++) {
            const std::size_t c = order[k];
            if (!solveComponent(parts[c], arcs, local, flow, bypassFlows[c])) failed = true;
        }
    };
    std::size_t workers = 1;
#if !defined(__EMSCRIPTEN__)
    workers = threads > 0 ? threads : std::clamp(std::thread::hardware_concurrency(), 1U, 8U);
    workers = std::max<std::size_t>(1, std::min(workers, parts.size()));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
#else
    (void)threads;
    work();
#endif
    if (failed) return false;
    flow[bypass] = std::accumulate(bypassFlows.begin(), bypassFlows.end(), std::int64_t{0});
    if (stats != nullptr) {
        stats->components = parts.size();
        stats->threads = workers;
        stats->largestArcs = parts.empty() ? 0 : parts[order.front()].arcs.size();
    }
    return true;
}

} // namespace nuanxin
