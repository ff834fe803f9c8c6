// The steps of a matching run: prepare, build the graph, solve it a batch of components at a time
// (engine), whole (reference) or greedily, hand the flow out, write the report.
#include "core/match/job.h"

#include <optional>
#include <string>

#include "core/match/class_graph.h"
#include "core/match/problem.h"

namespace nuanxin {

using namespace matchdetail;

namespace {

enum class Phase : std::uint8_t { Prepare, Build, Solve, Handout, Reasons, Done };

/// Where each phase starts on the progress bar: rough shares of a large engine run's time
/// (the README's phase figures at 1,000,000 needs).
double phaseStart(Phase p) {
    switch (p) {
    case Phase::Prepare:
        return 0.0;
    case Phase::Build:
        return 0.25;
    case Phase::Solve:
        return 0.5;
    case Phase::Handout:
        return 0.8;
    case Phase::Reasons:
        return 0.85;
    case Phase::Done:
        break;
    }
    return 1.0;
}

Str phaseKey(Phase p) {
    switch (p) {
    case Phase::Prepare:
        return Str::MatchPhasePrepare;
    case Phase::Build:
        return Str::MatchPhaseBuild;
    case Phase::Solve:
        return Str::MatchPhaseSolve;
    case Phase::Handout:
        return Str::MatchPhaseHandout;
    case Phase::Reasons:
        return Str::MatchPhaseReasons;
    case Phase::Done:
        break;
    }
    return Str::MatchPhaseDone;
}

} // namespace

struct MatchJob::Impl {
    const Dataset& data;
    const MatchPolicy& policy;
    MatchOptions options;
    Phase phase = Phase::Prepare;
    bool cancelled = false;
    Problem problem;
    ClassGraph graph;
    std::unique_ptr<SplitFlowSolver> solver;
    std::vector<std::int64_t> flow;
    std::vector<RawAllocation> raw;
    MatchStats stats;
    double busyMs = 0; ///< time spent in steps (a frame loop's gaps do not count)
    std::optional<MatchResult> result;
    FieldErrors errors;

    Impl(const Dataset& d, const MatchPolicy& p, MatchOptions o)
        : data(d), policy(p), options(std::move(o)) {}

    [[nodiscard]] bool greedy() const { return options.mode == MatchMode::Greedy; }
    [[nodiscard]] bool reference() const { return options.mode == MatchMode::Reference; }
    [[nodiscard]] std::int64_t nodes() const {
        return std::int64_t{graph.areaBase} + static_cast<std::int64_t>(graph.areas.size());
    }

    void fail(const char* field, Str reason) {
        errors.push_back(FieldError{field, std::to_string(nodes()), reason, {}});
        phase = Phase::Done;
    }

    void prepareStep() {
        problem = prepare(data, policy, options.asOf.value_or(data.asOf));
        stats.prepareMs = problem.prepareMs;
        stats.policyMs = problem.policyMs;
        stats.policyCalls = problem.policyCalls;
        stats.needs = problem.needs.size();
        stats.offers = problem.offers.size();
        stats.groups = problem.groups.size();
        phase = greedy() ? Phase::Solve : Phase::Build;
    }

    void buildStep() {
        const std::int64_t t0 = nowNs();
        graph = buildGraph(problem, reference());
        if (graph.supply.empty()) return fail("nodes", Str::MatchTooLarge);
        stats.classes = graph.buckets.size();
        stats.levels = graph.levels;
        stats.hubs = graph.hubs.size();
        stats.pools = graph.pools.size() + graph.areas.size();
        stats.nodes = static_cast<std::size_t>(nodes());
        stats.arcs = graph.arcs.size();
        // The reference stays the plain formulation, solved whole: it is the judge of the engine.
        if (!reference()) {
            solver = std::make_unique<SplitFlowSolver>(graph.supply, graph.arcs.arcs,
                                                       options.threads);
        }
        stats.buildMs = msSince(t0);
        phase = Phase::Solve;
    }

    void solveStep() {
        const std::int64_t t0 = nowNs();
        if (greedy()) {
            raw = solveGreedy(problem);
            stats.solveMs = msSince(t0);
            phase = Phase::Reasons;
            return;
        }
        bool optimal = true;
        if (reference()) {
            optimal = minCostFlow(graph.supply, graph.arcs.arcs, flow);
        } else if (!solver->step()) {
            FlowSplitStats split;
            optimal = solver->finish(flow, &split);
            solver.reset();
            stats.components = split.components;
            stats.largestArcs = split.largestArcs;
            stats.threads = split.threads;
        } else {
            stats.solveMs += msSince(t0);
            return; // more batches to come
        }
        stats.solveMs += msSince(t0);
        if (!optimal) return fail("flow", Str::MatchInfeasible);
        phase = Phase::Handout;
    }

    void handoutStep() {
        const std::int64_t t0 = nowNs();
        raw = handOut(graph, flow);
        graph = ClassGraph{}; // the graph is the largest thing a run holds: let it go now
        flow = {};
        stats.handoutMs = msSince(t0);
        phase = Phase::Reasons;
    }

    void reasonsStep(std::int64_t stepStart) {
        const std::int64_t t0 = nowNs();
        MatchResult r = makeReport(problem, std::move(raw), policy, options);
        stats.reasonsMs = msSince(t0);
        stats.totalMs = busyMs + msSince(stepStart);
        r.stats = stats;
        result = std::move(r);
        problem = Problem{};
        phase = Phase::Done;
    }
};

MatchJob::MatchJob(const Dataset& data, const MatchPolicy& policy, MatchOptions options)
    : m_impl(std::make_unique<Impl>(data, policy, std::move(options))) {}

MatchJob::~MatchJob() = default;

bool MatchJob::step() {
    Impl& m = *m_impl;
    if (m.cancelled) m.phase = Phase::Done;
    const std::int64_t t0 = nowNs();
    switch (m.phase) {
    case Phase::Prepare:
        m.prepareStep();
        break;
    case Phase::Build:
        m.buildStep();
        break;
    case Phase::Solve:
        m.solveStep();
        break;
    case Phase::Handout:
        m.handoutStep();
        break;
    case Phase::Reasons:
        m.reasonsStep(t0);
        break;
    case Phase::Done:
        return false;
    }
    m.busyMs += msSince(t0);
    return m.phase != Phase::Done;
}

MatchProgress MatchJob::progress() const {
    const Impl& m = *m_impl;
    MatchProgress p{phaseKey(m.phase), phaseStart(m.phase)};
    if (m.phase == Phase::Solve && m.solver) {
        p.fraction += (phaseStart(Phase::Handout) - p.fraction) * m.solver->fraction();
    }
    return p;
}

void MatchJob::cancel() {
    if (m_impl->phase != Phase::Done) m_impl->cancelled = true; // a finished run stays finished
}

bool MatchJob::cancelled() const {
    return m_impl->cancelled;
}

bool MatchJob::finished() const {
    return m_impl->phase == Phase::Done;
}

Result<MatchResult> MatchJob::take() {
    while (step()) {
    }
    Impl& m = *m_impl;
    if (m.cancelled) return FieldError{"match", "", Str::MatchCancelled, ""};
    if (!m.errors.empty()) return m.errors;
    if (!m.result) return FieldError{"match", "", Str::ErrInvalid, "taken"};
    MatchResult r = std::move(*m.result);
    m.result.reset();
    return r;
}

} // namespace nuanxin
