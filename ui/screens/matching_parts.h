#pragma once
// Private to the matching screen's files: the state each tab keeps between frames and the
// functions that draw the tabs (matching.cpp holds the screen, the run bar and the results).
#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/session/workspace.h"
#include "core/view/match_proposals.h"
#include "core/view/match_results.h"
#include "ui/app.h"
#include "ui/widgets/reason_prompt.h"

namespace nuanxin::matching {

/// @brief The groupings of the last run, made once per run (and per revision: the unmet needs'
/// kinds are looked up in the state).
struct ResultsCache {
    const MatchOutcome* outcome = nullptr;
    const Workspace* workspace = nullptr;
    std::uint64_t revision = 0;
    std::vector<TierRow> tiers;
    std::vector<UnmetGroup> unmet;
    ChangeCounts counts;
};

/// @brief The proposals table: its query, the rows it shows (positions in the data set's
/// allocations, rebuilt when the data or the query change) and the selection (allocation ids).
struct ProposalsState {
    ProposalQuery query;
    char search[128] = {};
    std::vector<std::size_t> rows;
    const Workspace* workspace = nullptr;
    std::uint64_t revision = 0;
    bool dirty = true;
    std::unordered_set<AllocationId> selected;
    ReasonPrompt rejectReason; ///< asked before the selection is rejected
};

/// @brief The "by hand" tab: the offer being worked on, the offers a search found, its
/// candidates and allocations (rebuilt per revision or offer) and the quantities typed per need.
struct HandState {
    OfferId offer = 0;
    char search[128] = {};
    bool openOnly = true;
    std::vector<std::size_t> offers; ///< positions in dataset().offers
    std::vector<Candidate> candidates;
    OfferUse use;
    std::map<NeedId, std::int64_t> quantities;
    const Workspace* workspace = nullptr;
    std::uint64_t revision = 0;
    OfferId cachedOffer = 0;
    bool searchDirty = true;
};

/// Candidates the by-hand tab asks for (Workspace::candidatesFor's limit).
inline constexpr std::size_t kCandidateLimit = 200;

void resultsTab(App& app, ResultsCache& cache);
void changesPanel(App& app, const MatchOutcome& outcome, const ChangeCounts& counts);
void proposalsTab(App& app, ProposalsState& state);
void handTab(App& app, HandState& state);

/// @brief "张三 · 锦江区": the head's name and the county's name of a household.
[[nodiscard]] std::string householdLabel(const State& state, HouseholdId household);
/// @brief "煤炭捐赠 · 暖冬基金会": an offer's title and its donor's name.
[[nodiscard]] std::string offerLabel(const State& state, OfferId offer);
/// @brief Each reason on its own line: the translated rule and its facts.
[[nodiscard]] std::string reasonsText(const std::vector<Reason>& reasons, Lang lang);
/// @brief The reason a reviewer reads first: why this offer (the distance rule, or "by hand"),
/// else the first one; nullptr when there is none.
[[nodiscard]] const Reason* mainReason(const Allocation& allocation);
/// @brief A reason in a table cell: its text, with the facts only where the text takes them.
[[nodiscard]] std::string shortReason(const Reason& reason, Lang lang);
/// @brief "优先级 2", or "手工" for an allocation without a tier.
[[nodiscard]] std::string tierText(int tier, Lang lang);
/// @brief Shows `result`'s first error (red) or `done` in the status line.
template <class T>
bool report(App& app, const Result<T>& result, const std::string& done) {
    if (result.ok()) {
        app.notify(done);
        return true;
    }
    std::string text = tr(Str::UiMatchActionFailed, app.lang());
    text += ": " + result.errors().front().describe(app.lang());
    app.notify(std::move(text), true);
    return false;
}

} // namespace nuanxin::matching
