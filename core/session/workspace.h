#pragma once
// The application's working set, shared by both front ends and testable without a screen: one
// store (whose journal is the audit trail), the region plugins that decide eligibility and
// priority, the matching run in progress and the last one's outcome. Every change goes through
// the store, so no screen ever holds a copy that could disagree with the journal.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/import.h"
#include "core/match/job.h"
#include "core/match/match.h"
#include "core/plugin/host.h"
#include "core/report/summary.h"
#include "core/store/store.h"

namespace nuanxin {

/// @brief Who is working and what time it is. The core never reads a clock (journals replay the
/// same anywhere): the front end passes one, a test a fixed one.
struct WorkspaceConfig {
    std::string user = "staff";            ///< journaled as `who`
    std::function<Timestamp()> clock;      ///< required
    Lang lang = Lang::Zh;                  ///< language of the reasons and reports it makes
    /// The organisation registering households (their `registeredBy`, imports' organisation);
    /// empty: the user's name.
    std::string organisation;
};

/// @brief The head of a CSV file as the import screen previews it: its headers, the field each
/// one maps to (empty: ignored), the first rows and which required fields no header maps to.
struct ImportPreview {
    std::optional<FieldError> fatal; ///< unreadable file (encoding, quoting): nothing below
    Encoding encoding = Encoding::Utf8;
    std::vector<std::string> headers;
    std::vector<std::string> fields;                 ///< one per header
    std::vector<std::vector<std::string>> rows;      ///< personal values masked
    std::vector<std::string> missingRequired;        ///< field names
    std::size_t totalRows = 0;
};

// MatchProgress (a run's phase as a translation key, and how far, 0..1) is core/match/job.h's.

/// @brief What the last finished run did.
struct MatchOutcome {
    MatchResult result;
    /// Against the allocations in force before the run (locked + earlier proposals).
    std::vector<AllocationChange> changes;
    std::size_t proposed = 0;  ///< new proposals journaled
    std::size_t withdrawn = 0; ///< earlier unlocked proposals the run replaced
    std::size_t kept = 0;      ///< earlier unlocked proposals the run made again unchanged
    bool cancelled = false;    ///< nothing was journaled
    std::optional<FieldError> error;
};

/// @brief An open need an offer could serve, as a volunteer matching by hand sees it.
struct Candidate {
    NeedId need = 0;
    HouseholdId household = 0;
    int tier = 0;
    int score = 0;
    int distance = 0;          ///< 0 same county, 1 city, 2 province, 3 wider
    Date deadline;
    std::int64_t open = 0;     ///< units of the need not yet allocated
    std::int64_t possible = 0; ///< what this offer can still give it (room, cap, open)
    std::vector<Reason> reasons;
};

/// @brief One journal record as the audit screen lists it (no personal data in `summary`).
struct HistoryEntry {
    std::uint64_t sequence = 0;
    std::string who;
    Timestamp when = 0;
    std::vector<std::string> commands; ///< one line per command: its name and ids
    /// The same lines with the command's name and values in the workspace's language
    /// ("审批分配 分配=3 审批层级=3 审批人数=2"), for screens.
    std::vector<std::string> described;
};

/// @brief Which records to list: all, or those touching one household / allocation / offer.
struct HistoryFilter {
    HouseholdId household = 0;
    AllocationId allocation = 0;
    OfferId offer = 0;
    TaskId task = 0;
    VolunteerId volunteer = 0; ///< registration, roles, assignments and deliveries of one
    std::size_t limit = 500; ///< newest first
};

class Workspace {
public:
    /// @brief `plugins` must outlive the workspace; its plugins decide eligibility and priority
    /// (national default below them).
    Workspace(std::unique_ptr<Store> store, const PluginHost& plugins, WorkspaceConfig config);
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    [[nodiscard]] const Store& store() const { return *m_store; }
    [[nodiscard]] Store& store() { return *m_store; }
    [[nodiscard]] const State& state() const { return m_store->state(); }
    [[nodiscard]] const Dataset& data() const { return m_store->state().dataset(); }
    [[nodiscard]] const DivisionRegistry& divisions() const { return m_store->divisions(); }
    [[nodiscard]] const PluginHost& plugins() const { return m_plugins; }
    /// @brief Moves on every accepted change, and differs between any two workspaces of the
    /// process: screens rebuild their caches when it moves.
    [[nodiscard]] std::uint64_t revision() const { return m_revision; }
    /// @brief The counts of the dashboard, recomputed once per revision.
    [[nodiscard]] const Summary& summary() const;
    [[nodiscard]] bool empty() const;
    [[nodiscard]] Lang lang() const { return m_config.lang; }
    void setLang(Lang lang) { m_config.lang = lang; }
    [[nodiscard]] const std::string& user() const { return m_config.user; }
    void setUser(std::string user) { m_config.user = std::move(user); }
    [[nodiscard]] Timestamp now() const { return m_config.clock(); }
    // Matching, candidates and the validation of changes count ages and windows from the UTC day
    // of now(): a store's data set has no reference date (`asOf`) of its own.

    // ---- intake: each is one journaled transaction; refused = nothing changed ----
    /// @brief Registers a household and its members; ids are assigned here (ignored on input).
    /// An empty `registeredBy` becomes the organisation (else the user), an unset registration
    /// date (1970-01-01) today.
    Result<HouseholdId> addHousehold(Household household);
    /// @brief Replaces a household's address, phone, categories, consent and members' fields
    /// (cmd::UpdateHousehold): the same members in the same order, the same division code; the
    /// registration is kept. Changed ID numbers are checked against other households.
    Result<std::uint64_t> updateHousehold(const Household& household);
    Result<NeedId> addNeed(Need need);
    Result<std::uint64_t> closeNeed(NeedId need, NeedStatus status);
    Result<DonorId> addDonor(Donor donor);
    Result<OfferId> addOffer(Offer offer);
    /// @brief Replaces an offer's capacity, coverage, groups, window, cap, status and title
    /// (donor, kind and unit stay); the capacity may not drop below what approved and later
    /// allocations use.
    Result<std::uint64_t> updateOffer(const Offer& offer);
    /// @brief Registers a whole data set (the demo) into an empty store, in one transaction
    /// (core/session/dataset_commands.h: ids kept when they can be, else renumbered with every
    /// reference; its title becomes the store's "title" setting; volunteers are not stored).
    Result<std::uint64_t> loadDataset(const Dataset& data);

    // ---- files ----
    /// @brief The head of a CSV file, read as importCsv() would read it (encoding detected,
    /// strict quoting). `headers`: usually HeaderMap::defaults(target) with the user's own
    /// mappings set; the first column of a field wins. Personal values are masked, and so is a
    /// long run of digits in a column no header maps.
    [[nodiscard]] ImportPreview previewCsv(std::string_view bytes, ImportTarget target,
                                           const HeaderMap& headers, std::size_t rows = 8) const;
    /// @brief importCsv() of core/io with who/when/organisation filled from this workspace.
    ImportReport importCsv(std::string_view bytes, ImportTarget target, std::string_view fileName,
                           ImportOptions options);

    // ---- matching, in steps so a frame loop without threads can show progress and cancel ----
    /// @brief Starts a run over the current state; false when one is already running. While a
    /// run is going every change above is refused (the run reads the state in place). The
    /// policy: the plugins over the national default; `options.asOf` defaults to today.
    bool startMatching(MatchOptions options = {});
    /// @brief Works for about `budgetMs` (at least one step; a step is not interrupted, and the
    /// largest pieces of a million-need run take a second or more); true while the run is still
    /// going. When the run's work is done, one more call saves it (matchingProgress() shows
    /// MatchPhaseSave in between): the proposals are journaled in one transaction that also
    /// withdraws (cancels) the earlier unlocked proposals, and lastMatch() holds the outcome.
    bool stepMatching(double budgetMs);
    [[nodiscard]] bool matching() const;
    [[nodiscard]] MatchProgress matchingProgress() const;
    /// @brief Stops the run now (steps run on the caller's thread, so none is under way);
    /// nothing is journaled and lastMatch() says it was cancelled.
    void cancelMatching();
    [[nodiscard]] const MatchOutcome* lastMatch() const { return m_lastMatch.get(); }

    // ---- review ----
    /// @brief Approve, reject, cancel ... many allocations in one transaction (all or none).
    /// The bare status change: it asks no approver tier. Screens approve through
    /// WorkspaceTasks::approve (core/session/workspace_tasks.h), which does; this one is for
    /// tools that replay a decision already taken (the load run) and for tests.
    Result<std::uint64_t> setStatus(const std::vector<AllocationId>& allocations,
                                    AllocationStatus status);
    /// @brief Journals one store setting (the title, a plugin's setting through
    /// core/session/plugin_settings.h); refused while a run is going.
    Result<std::uint64_t> setStoreSetting(std::string key, std::string value);
    /// @brief Locked allocations are kept as they are by the next run.
    Result<std::uint64_t> setLocked(const std::vector<AllocationId>& allocations, bool locked);

    // ---- by hand ----
    /// @brief The open needs `offer` may serve, best first (tier, score, distance, deadline,
    /// registration, id), with the reasons; at most `limit`. "Open" and "left" count every
    /// allocation in force (proposals too, not rejected or cancelled ones); needs with nothing
    /// open are left out, needs whose household reached the cap stay with possible = 0.
    [[nodiscard]] std::vector<Candidate> candidatesFor(OfferId offer, std::size_t limit = 200) const;
    /// @brief A hand-made allocation: proposed and locked, so the engine keeps it. Refused when
    /// the pair is not eligible or the quantity exceeds what is open, left or under the cap.
    Result<AllocationId> assign(NeedId need, OfferId offer, std::int64_t quantity);
    /// @brief Cancels a hand-made or proposed allocation.
    Result<std::uint64_t> unassign(AllocationId allocation);

    // ---- history ----
    /// @brief Journal records, newest first: with a filter, the records (and only their
    /// commands) touching it, relations (need → household, allocation → need/offer) as they are
    /// now; without one, every record with at most 200 command lines ("... +N" after). Reads
    /// only what was written since the last call.
    [[nodiscard]] std::vector<HistoryEntry> history(const HistoryFilter& filter) const;

private:
    friend class WorkspaceTasks; // core/session/workspace_tasks.h: journals through commit()
    struct MatchJobState;
    struct HistoryCache;
    /// One transaction by this workspace's user, now; refused while a run is going.
    Result<std::uint64_t> commit(std::vector<Command> commands);
    Result<std::uint64_t> submit(std::vector<Command> commands);
    void finishMatching();
    [[nodiscard]] Date asOf() const;
    [[nodiscard]] const std::string& organisation() const;

    std::unique_ptr<Store> m_store;
    const PluginHost& m_plugins;
    WorkspaceConfig m_config;
    std::uint64_t m_revision; ///< unique across the process (session_detail::nextRevision)
    mutable std::uint64_t m_summaryRevision = 0;
    mutable Summary m_summary;
    std::unique_ptr<MatchJobState> m_job;
    std::unique_ptr<MatchOutcome> m_lastMatch;
    mutable std::unique_ptr<HistoryCache> m_history;
};

} // namespace nuanxin
