// A matching run in steps over the store's data set, and the one transaction that saves it.
#include <algorithm>
#include <chrono>
#include <tuple>

#include "core/model/equality.h"
#include "core/session/workspace_detail.h"

namespace nuanxin {

using session_detail::inForce;

bool Workspace::startMatching(MatchOptions options) {
    if (m_job) return false;
    auto job = std::make_unique<MatchJobState>();
    job->policy = std::make_unique<PluginPolicy>(m_plugins, job->root, m_config.lang, data().donors);
    for (const Allocation& a : data().allocations) {
        if (!inForce(a)) continue;
        Allocation kept; // only (need, offer, quantity) are compared: no copy of the reasons
        kept.id = a.id;
        kept.need = a.need;
        kept.offer = a.offer;
        kept.quantity = a.quantity;
        kept.status = a.status;
        kept.locked = a.locked;
        job->before.push_back(std::move(kept));
    }
    if (!options.asOf) options.asOf = asOf();
    job->job = std::make_unique<MatchJob>(data(), *job->policy, options);
    m_job = std::move(job);
    return true;
}

bool Workspace::stepMatching(double budgetMs) {
    if (!m_job) return false;
    if (m_job->saving) {
        finishMatching();
        return false;
    }
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    while (m_job->job->step()) {
        const std::chrono::duration<double, std::milli> spent = Clock::now() - start;
        if (spent.count() >= budgetMs) return true;
    }
    // Saving can take a while for a large run: a frame in between shows it.
    m_job->saving = true;
    return true;
}

void Workspace::finishMatching() {
    const std::unique_ptr<MatchJobState> job = std::move(m_job); // changes are allowed again
    auto outcome = std::make_unique<MatchOutcome>();
    Result<MatchResult> run = job->job->take();
    if (!run.ok()) {
        outcome->error = run.errors().front();
        outcome->cancelled = job->job->cancelled();
        m_lastMatch = std::move(outcome);
        return;
    }
    MatchResult& result = run.value();
    // The run replaces every earlier proposal nobody locked, in the same transaction, except
    // one it makes again unchanged (same need, offer, quantity and reasons): that one stays,
    // with its id. A re-run on unchanged data journals nothing, and a store does not fill up
    // with copies withdrawn run after run (a campaign re-runs matching daily).
    std::vector<const Allocation*> earlier;
    for (const Allocation& a : data().allocations) {
        if (a.status == AllocationStatus::Proposed && !a.locked) earlier.push_back(&a);
    }
    const auto key = [](const Allocation& a) { return std::make_tuple(a.need, a.offer, a.quantity); };
    const auto byKey = [&key](const Allocation* x, const Allocation* y) { return key(*x) < key(*y); };
    std::sort(earlier.begin(), earlier.end(), byKey);
    std::vector<bool> kept(earlier.size(), false);
    std::vector<bool> isNew(result.allocations.size(), true);
    for (std::size_t i = result.lockedCount; i < result.allocations.size(); ++i) {
        Allocation& a = result.allocations[i];
        auto at = std::lower_bound(earlier.begin(), earlier.end(), &a, byKey);
        for (; at != earlier.end() && key(**at) == key(a); ++at) {
            const auto k = static_cast<std::size_t>(at - earlier.begin());
            if (kept[k] || (*at)->reasons != a.reasons) continue;
            kept[k] = true;
            isNew[i] = false;
            a.id = (*at)->id;
            a.status = AllocationStatus::Proposed;
            a.locked = false;
            ++outcome->kept;
            break;
        }
    }
    std::vector<Command> commands;
    for (std::size_t k = 0; k < earlier.size(); ++k) {
        if (kept[k]) continue;
        commands.push_back(cmd::SetAllocationStatus{earlier[k]->id, AllocationStatus::Cancelled});
        ++outcome->withdrawn;
    }
    IdCounters next = state().nextIds();
    for (std::size_t i = result.lockedCount; i < result.allocations.size(); ++i) {
        if (!isNew[i]) continue;
        Allocation& a = result.allocations[i];
        a.id = next.allocation++; // the store's numbering, not the run's guess
        a.status = AllocationStatus::Proposed;
        a.locked = false;
        commands.push_back(cmd::ProposeAllocation{a});
        ++outcome->proposed;
    }
    outcome->changes = diffAllocations(job->before, result.allocations);
    if (!commands.empty()) {
        auto saved = submit(std::move(commands));
        if (!saved.ok()) {
            outcome->error = saved.errors().front();
            outcome->proposed = outcome->withdrawn = 0;
        }
    }
    outcome->result = std::move(result);
    m_lastMatch = std::move(outcome);
}

bool Workspace::matching() const {
    return m_job != nullptr;
}

MatchProgress Workspace::matchingProgress() const {
    if (m_job) {
        if (m_job->saving) return {Str::MatchPhaseSave, 1.0};
        return m_job->job->progress();
    }
    if (m_lastMatch && m_lastMatch->cancelled) return {Str::MatchCancelled, 0.0};
    if (m_lastMatch) return {Str::MatchPhaseDone, 1.0};
    return {};
}

void Workspace::cancelMatching() {
    if (!m_job) return;
    // Steps run on this thread, so none is under way: the run can go at once.
    m_job.reset();
    auto outcome = std::make_unique<MatchOutcome>();
    outcome->cancelled = true;
    m_lastMatch = std::move(outcome);
}

} // namespace nuanxin
