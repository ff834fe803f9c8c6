#pragma once
// A matching run in steps. The browser has no threads: a long run must give its frame loop back
// between pieces of work so that the page can draw a progress bar and take a cancel click.
// match() is this job run to the end, so there is one code path for both.
#include <memory>

#include "core/match/match.h"

namespace nuanxin {

/// @brief Where a run is: its phase (a translation key, MatchPhase...) and how far, 0..1.
struct MatchProgress {
    Str phase = Str::MatchPhasePrepare;
    double fraction = 0.0;
};

/// @brief One matching run, done a piece per step(): preparation (priorities, eligibility), the
/// graph, each batch of its independent components (natively a batch still uses the threads),
/// the hand-out, the reasons. The allocations equal match()'s, however the steps are spaced.
class MatchJob {
public:
    /// @brief `data` and `policy` must outlive the job and stay unchanged while it runs.
    MatchJob(const Dataset& data, const MatchPolicy& policy, MatchOptions options = {});
    ~MatchJob();
    MatchJob(const MatchJob&) = delete;
    MatchJob& operator=(const MatchJob&) = delete;

    /// @brief Does the next piece; false once nothing is left (finished, failed or cancelled).
    bool step();
    /// @brief The phase the next step works in and the share of the run done so far.
    [[nodiscard]] MatchProgress progress() const;
    /// @brief No more steps do any work; take() then says the run was cancelled (a run that has
    /// already finished keeps its result).
    void cancel();
    [[nodiscard]] bool cancelled() const;
    [[nodiscard]] bool finished() const;
    /// @brief The result (runs the steps left first). Call once: the result is moved out.
    [[nodiscard]] Result<MatchResult> take();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace nuanxin
