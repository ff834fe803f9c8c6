#pragma once
// The in-memory state of a store: the data set, what duplicate handling and administration
// added, and indexes (by household id, member ID number, division, kind and status).
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/geo/divisions.h"
#include "core/model/types.h"
#include "core/store/command.h"
#include "core/store/id_index.h"
#include "core/util/error.h"

namespace nuanxin {

/// @brief A household held for review because another organisation registered its members.
struct PendingDuplicate {
    std::uint64_t id = 0;
    Household incoming;
    HouseholdId existing = 0;
    std::vector<Need> needs; ///< needs on its rows (household 0), registered by the merge
};

/// @brief What a merge changed, so that Unmerge can put everything back.
struct MergeRecord {
    std::uint64_t id = 0;
    HouseholdId keep = 0;
    Household source;                ///< the merged-in household as it was
    std::uint64_t pendingId = 0;     ///< source was this held duplicate (0: a registered household)
    std::uint64_t membersBefore = 0; ///< keep's member count before; moved members follow
    std::uint64_t membersMoved = 0;
    CategorySet categoriesBefore;
    std::vector<NeedId> needsMoved;
    std::vector<NeedId> needsAdded; ///< a held duplicate's needs, registered by this merge
    bool undone = false;
};

/// @brief Everything a snapshot holds (plain value; indexes are rebuilt on load).
struct StoreData {
    Dataset data;
    std::vector<PendingDuplicate> pending;
    std::vector<MergeRecord> merges;
    std::map<std::string, std::string> settings;
    std::map<std::string, std::string> approvedPlugins; ///< plugin id → SHA-256 (hex)
    /// What happened to allocations after their proposal, for those something happened to
    /// through the lifecycle commands (an allocation without an entry has its status only).
    std::map<AllocationId, Progress> progress;
    std::vector<Task> tasks;                  ///< by id (ids ascend; tasks are never removed)
    std::map<std::string, UserRole> users;    ///< user name → role (only users given one)
    std::uint64_t sequence = 0;                         ///< last transaction applied
    /// Highest id ever used per kind, so that ids of merged-away records are never reused.
    std::uint64_t lastHousehold = 0, lastNeed = 0, lastDonor = 0, lastOffer = 0, lastAllocation = 0,
                  lastPending = 0, lastMerge = 0;
};

/// @brief Hands out fresh ids for commands being prepared (a local copy of the counters).
struct IdCounters {
    std::uint64_t household = 0, need = 0, donor = 0, offer = 0, allocation = 0, pending = 0,
                  merge = 0;
    /// Volunteers and tasks are never removed: one more than the highest id there.
    std::uint64_t volunteer = 0, task = 0;
};

/// @brief The core's rule for "several approvers" (the plugin ABI names a tier, not a count):
/// tier 3 (county civil-affairs bureau) and above need two distinct approvers holding the tier,
/// lower tiers one; tier 0 ("none needed") one approval by any user, so that the step is still
/// journaled with who and when.
[[nodiscard]] constexpr int approversNeededFor(int tier) {
    return tier >= 3 ? 2 : 1;
}

/// @brief Whether an allocation counts as approved: its status is approved or later, unless it
/// went ahead under 先行救助 and its approval has not followed yet.
[[nodiscard]] bool isApproved(AllocationStatus status, const Progress* progress);

/// @brief The state with its indexes. Only Store (and tests) apply commands.
///
/// Opening a store builds only the position indexes (id → place in the data set). The person,
/// county and kind indexes are built by the first query that needs them (checking a new
/// household, householdsIn, needsWith ...) and kept up to date from then on: a store opened to
/// look at a million households does not pay for indexes it never uses. Like every State
/// member, those queries are not safe to call from several threads at once.
class State {
public:
    State() = default;
    explicit State(StoreData data);

    [[nodiscard]] const StoreData& data() const { return m_data; }
    [[nodiscard]] const Dataset& dataset() const { return m_data.data; }
    [[nodiscard]] std::uint64_t sequence() const { return m_data.sequence; }
    /// @brief The next free ids (each one more than the highest used so far).
    [[nodiscard]] IdCounters nextIds() const;

    [[nodiscard]] const Household* household(HouseholdId id) const;
    [[nodiscard]] const Need* need(NeedId id) const;
    [[nodiscard]] const Donor* donor(DonorId id) const;
    [[nodiscard]] const Offer* offer(OfferId id) const;
    [[nodiscard]] const Allocation* allocation(AllocationId id) const;
    [[nodiscard]] const PendingDuplicate* pending(std::uint64_t id) const;
    [[nodiscard]] const MergeRecord* merge(std::uint64_t id) const;
    [[nodiscard]] const Volunteer* volunteer(VolunteerId id) const;
    [[nodiscard]] const Task* task(TaskId id) const;
    /// @brief The lifecycle detail of an allocation; null when nothing happened to it yet
    /// beyond status changes.
    [[nodiscard]] const Progress* progress(AllocationId id) const;
    /// @brief The role of a user (tier 0 and no volunteer when none was given).
    [[nodiscard]] UserRole role(const std::string& user) const;
    /// @brief The household whose member has this ID number (0: none). 'x' counts as 'X'.
    [[nodiscard]] HouseholdId householdOfPerson(const std::string& idNumber) const;
    /// @brief Households whose county code lies inside `area` (2, 4 or 6 digits), by id.
    [[nodiscard]] std::vector<HouseholdId> householdsIn(const std::string& area) const;
    /// @brief Needs of one kind and status, by id.
    [[nodiscard]] std::vector<NeedId> needsWith(Kind kind, NeedStatus status) const;
    [[nodiscard]] std::vector<OfferId> offersWith(Kind kind, OfferStatus status) const;

    /// @brief Every problem that would make `c` refused now (empty: it may be applied).
    [[nodiscard]] FieldErrors check(const Command& c, const DivisionRegistry& divisions,
                                    const Date& today) const;
    /// @brief Applies a checked command; returns how to take it back (used when a later command
    /// of the same transaction is refused).
    std::function<void(State&)> apply(const Command& c);
    void setSequence(std::uint64_t sequence) { m_data.sequence = sequence; }

private:
    friend struct StateEditor;
    void rebuildIndexes();
    void indexPeople() const;   ///< builds the person index when it is not there yet
    void indexCounties() const; ///< ... the county index
    void indexKinds() const;    ///< ... the need and offer indexes by kind and status

    StoreData m_data;
    IdIndex m_householdPos;
    IdIndex m_needPos;
    IdIndex m_donorPos;
    IdIndex m_offerPos;
    IdIndex m_allocationPos;
    // Built on first use (see above); `mutable` because const queries build them.
    mutable bool m_peopleIndexed = false;
    mutable bool m_countiesIndexed = false;
    mutable bool m_kindsIndexed = false;
    /// ID numbers packed into 64 bits (17 digits and the check character): no string per
    /// person, which makes indexing a million households several times faster.
    mutable IdIndex m_personIndex{IdIndex::Keys::Mixed};
    mutable std::unordered_map<std::string, HouseholdId>
        m_personIndexOther; ///< numbers that do not pack
    mutable std::map<std::string, std::vector<HouseholdId>> m_byCounty; ///< each sorted by id
    mutable std::map<std::pair<Kind, NeedStatus>, std::set<NeedId>> m_needsByKind;
    mutable std::map<std::pair<Kind, OfferStatus>, std::set<OfferId>> m_offersByKind;
};

/// @brief ID numbers compare with an upper-case check character.
[[nodiscard]] std::string personKey(const std::string& idNumber);
/// @brief An 18-character ID number (17 digits, then a digit or X/x) as one integer; nullopt
/// for anything else.
[[nodiscard]] std::optional<std::uint64_t> packedPersonKey(std::string_view idNumber);

} // namespace nuanxin
