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

/// Connected components of the graph without source and sink, each as its arcs in order.
template <class Component>
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
    // Every node straight under its root; then components are numbered by their first arc, and
    // each one's list is sized before it is filled.
    for (std::uint32_t v = 0; v < nodeCount; ++v) parent[v] = findRoot(parent, v);
    std::vector<std::uint32_t> index(nodeCount, UINT32_MAX);
    std::vector<std::uint32_t> sizes;
    const auto componentOf = [&](const FlowArc& a) {
        std::uint32_t& c = index[parent[a.from > kSink ? a.from : a.to]];
        if (c == UINT32_MAX) {
            c = static_cast<std::uint32_t>(sizes.size());
            sizes.push_back(0);
        }
        return c;
    };
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        if (i != bypass) ++sizes[componentOf(arcs[i])];
    }
    std::vector<Component> out(sizes.size());
    for (std::size_t c = 0; c < out.size(); ++c) out[c].arcs.reserve(sizes[c]);
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        if (i != bypass) out[componentOf(arcs[i])].arcs.push_back(static_cast<std::uint32_t>(i));
    }
    return out;
}

/// A batch keeps adding components (beyond one per thread) while it is smaller than this: tiny
/// components are not worth a step, or a thread start, each.
constexpr std::size_t kMinBatchArcs = 20000;

} // namespace

/// Solves one component with its own source, sink and bypass; writes its flows into the whole
/// flow (its arcs only, so components may be solved concurrently) and returns its bypass flow.
bool SplitFlowSolver::solveComponent(const Component& c, std::vector<std::uint32_t>& local,
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
    // Local ids first; then the arcs grouped by their tail (a counting pass), which makes
    // NetworkSimplex's block search about an eighth faster here than the graph's own order.
    std::vector<std::uint32_t> tails(c.arcs.size());
    for (std::size_t k = 0; k < c.arcs.size(); ++k) {
        const FlowArc& a = m_arcs[c.arcs[k]];
        tails[k] = idOf(a.from);
        (void)idOf(a.to);
    }
    std::vector<std::uint32_t> start(touched.size() + 3, 0);
    for (const std::uint32_t t : tails) ++start[t + 1U];
    for (std::size_t v = 1; v < start.size(); ++v) start[v] += start[v - 1];
    std::vector<std::uint32_t> order(c.arcs.size()); // the component's arcs by tail
    for (std::size_t k = 0; k < tails.size(); ++k) order[start[tails[k]]++] = c.arcs[k];
    tails = {};
    std::vector<FlowArc> sub;
    sub.reserve(c.arcs.size() + 1);
    std::int64_t supply = 0;
    for (const std::uint32_t i : order) {
        const FlowArc& a = m_arcs[i];
        sub.push_back({idOf(a.from), idOf(a.to), a.cap, a.cost}); // ids given above
        if (a.from == kSource) supply += a.cap;
    }
    sub.push_back({kSource, kSink, supply, 0});
    std::vector<std::int64_t> subSupply(touched.size() + 2, 0);
    subSupply[kSource] = supply;
    subSupply[kSink] = -supply;
    for (const std::uint32_t v : touched) local[v] = 0;
    std::vector<std::int64_t> subFlow;
    if (!minCostFlow(subSupply, std::move(sub), subFlow)) return false;
    for (std::size_t k = 0; k < order.size(); ++k) m_flow[order[k]] = subFlow[k];
    bypassFlow = subFlow.back();
    return true;
}

SplitFlowSolver::SplitFlowSolver(const std::vector<std::int64_t>& supply,
                                 const std::vector<FlowArc>& arcs, unsigned threads)
    : m_supply(supply), m_arcs(arcs) {
    m_split = splittable(supply, arcs, m_bypass);
    if (!m_split) return;
    m_parts = components<Component>(supply.size(), arcs, m_bypass);
    // Largest first, so that the last component to finish is a small one.
    m_order.resize(m_parts.size());
    std::iota(m_order.begin(), m_order.end(), std::size_t{0});
    std::stable_sort(m_order.begin(), m_order.end(), [&](std::size_t x, std::size_t y) {
        return m_parts[x].arcs.size() > m_parts[y].arcs.size();
    });
    m_flow.assign(arcs.size(), 0);
    m_bypassFlows.assign(m_parts.size(), 0);
#if !defined(__EMSCRIPTEN__)
    m_workers = threads > 0 ? threads : std::clamp(std::thread::hardware_concurrency(), 1U, 8U);
    m_workers = std::max<std::size_t>(1, std::min(m_workers, m_parts.size()));
#else
    (void)threads;
#endif
}

bool SplitFlowSolver::step() {
    if (m_done || m_failed) return false;
    if (!m_split) {
        m_failed = !minCostFlow(m_supply, m_arcs, m_flow);
        m_arcsDone = m_arcs.size();
        m_done = true;
        return false;
    }
    if (m_next >= m_order.size()) {
        m_done = true;
        return false;
    }
    // The batch: one component per thread at least, then more while it is small.
    const std::size_t first = m_next;
    std::size_t batchArcs = 0;
    while (m_next < m_order.size() && (m_next - first < m_workers || batchArcs < kMinBatchArcs)) {
        batchArcs += m_parts[m_order[m_next]].arcs.size();
        ++m_next;
    }
    const std::size_t last = m_next;
    std::atomic<std::size_t> next{first};
    std::atomic<bool> failed{false};
    const auto work = [&](std::size_t worker) {
        std::vector<std::uint32_t>& local = m_locals[worker];
        if (local.empty()) local.assign(m_supply.size(), 0);
        for (std::size_t k = next++; k < last && !failed; k = next++) {
            const std::size_t c = m_order[k];
            if (!solveComponent(m_parts[c], local, m_bypassFlows[c])) failed = true;
        }
    };
    const std::size_t workers = std::min(m_workers, last - first);
    m_locals.resize(std::max(m_locals.size(), workers));
#if !defined(__EMSCRIPTEN__)
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work, t);
    work(0);
    for (std::thread& t : pool) t.join();
#else
    work(0);
#endif
    m_arcsDone += batchArcs;
    m_failed = failed;
    m_done = m_next >= m_order.size();
    return !m_done && !m_failed;
}

double SplitFlowSolver::fraction() const {
    if (m_done) return 1.0;
    return m_arcs.empty() ? 0.0
                          : static_cast<double>(m_arcsDone) / static_cast<double>(m_arcs.size());
}

bool SplitFlowSolver::finish(std::vector<std::int64_t>& flow, FlowSplitStats* stats) {
    while (step()) {
    }
    if (m_failed) return false;
    if (m_split) {
        m_flow[m_bypass] =
            std::accumulate(m_bypassFlows.begin(), m_bypassFlows.end(), std::int64_t{0});
        if (stats != nullptr) {
            stats->components = m_parts.size();
            stats->threads = m_workers;
            stats->largestArcs = m_parts.empty() ? 0 : m_parts[m_order.front()].arcs.size();
        }
    }
    flow = std::move(m_flow);
    return true;
}

bool minCostFlowSplit(const std::vector<std::int64_t>& supply, const std::vector<FlowArc>& arcs,
                      std::vector<std::int64_t>& flow, unsigned threads, FlowSplitStats* stats) {
    SplitFlowSolver solver(supply, arcs, threads);
    return solver.finish(flow, stats);
}

} // namespace nuanxin
