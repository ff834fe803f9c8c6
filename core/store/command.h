#pragma once
// Every change to a store is one of these values: validated against the current state, then
// journaled, then applied. A refused command changes nothing.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/model/types.h"

namespace nuanxin {

// Timestamp (seconds since 1970-01-01 UTC, given by the caller) is core/model/types.h's.

/// @brief The UTC day of a timestamp (bounds birth dates when validating).
[[nodiscard]] Date dateOf(Timestamp when);

namespace cmd {

/// @brief A new household with its members (ids assigned by the caller, see IdCounters).
struct RegisterHousehold {
    Household household;
};
struct AddMember {
    HouseholdId household = 0;
    Member member;
};
struct AddNeed {
    Need need;
};
/// @brief Ends an open need: Met, Closed or Cancelled.
struct CloseNeed {
    NeedId need = 0;
    NeedStatus status = NeedStatus::Closed;
};
struct AddDonor {
    Donor donor;
};
struct AddOffer {
    Offer offer;
};
/// @brief A proposed allocation (from a matching run or by hand).
struct ProposeAllocation {
    Allocation allocation;
};
/// @brief Approve, assign, deliver, confirm, reject or cancel an allocation.
struct SetAllocationStatus {
    AllocationId allocation = 0;
    AllocationStatus status = AllocationStatus::Approved;
};
/// @brief A household that another organisation already registered (shared member ID numbers),
/// held aside for review instead of being registered twice.
struct HoldDuplicate {
    std::uint64_t id = 0;
    Household incoming;
    HouseholdId existing = 0;
};
/// @brief A need on a held duplicate's rows: kept with it (not in the data set, so nobody is
/// matched twice) and registered with the household it is merged into.
struct HoldNeed {
    std::uint64_t pending = 0;
    Need need; ///< household 0 until the merge
};
/// @brief Merges a held duplicate (pending != 0) or a registered household (drop != 0) into
/// `keep`. Reversible with Unmerge.
struct MergeHouseholds {
    std::uint64_t mergeId = 0;
    HouseholdId keep = 0;
    HouseholdId drop = 0;
    std::uint64_t pending = 0;
};
struct Unmerge {
    std::uint64_t mergeId = 0;
};
/// @brief Records that an administrator approved a plugin file (its SHA-256, hex).
struct ApprovePlugin {
    std::string pluginId;
    std::string sha256;
};
struct ChangeSetting {
    std::string key;
    std::string value;
};
/// @brief Replaces the address, phone, categories, consent and members' fields of a registered
/// household. The members stay the same people in the same order (same count): adding or
/// removing one is another command. The division code may not change; the registration date and
/// organisation are kept as registered.
struct UpdateHousehold {
    Household household;
};
/// @brief Replaces the capacity, coverage, target groups, window, per-household cap, status and
/// title of an offer (donor, kind and unit stay). The capacity may not drop below what approved
/// and later allocations already use.
struct UpdateOffer {
    Offer offer;
};
/// @brief Locks an allocation (the next matching run keeps it as it is) or unlocks it.
struct SetAllocationLock {
    AllocationId allocation = 0;
    bool locked = true;
};

// ---- the life of an allocation or task after it is proposed (core/session/workspace_tasks.h).
// Each carries its own user and time where the state keeps them: State::apply sees commands, not
// the transaction around them. The workspace fills them from its user and clock.

/// @brief A new volunteer (id assigned by the caller); name and division required, phone valid.
struct RegisterVolunteer {
    Volunteer volunteer;
};
/// @brief Replaces a volunteer's name, phone, division, kinds and active flag.
struct UpdateVolunteer {
    Volunteer volunteer;
};
/// @brief What a user may do: the approver tier they hold and the volunteer they are. Tier 0 and
/// volunteer 0 take the role away.
struct SetUserRole {
    std::string user;
    UserRole role;
};
/// @brief One approver's approval of a proposed allocation (or of one delivered before approval
/// under 先行救助). `requiredTier` is what the region's plugin names for the amount now, and
/// `approversNeeded` at least approversNeededFor(requiredTier); the approver must hold the tier
/// and may approve once. With enough approvals the allocation is approved.
struct ApproveAllocation {
    AllocationId allocation = 0;
    std::string approver;
    int requiredTier = 1;
    int approversNeeded = 1;
    Timestamp when = 0;
};
/// @brief A task a plugin derived (id assigned by the caller; status Approved, empty progress).
struct AddTask {
    Task task;
};
/// @brief Assigns an approved allocation or an open task to a volunteer; `advance`: an allocation
/// not yet approved, as 先行救助 allows (with the tier its approval will need). On an assigned one,
/// a reassignment: `reason` required; volunteer 0 takes it back (ready to assign again).
struct AssignWork {
    WorkRef work;
    VolunteerId volunteer = 0;
    std::string reason;
    bool advance = false;
    int requiredTier = -1;    ///< with advance
    int approversNeeded = 0;  ///< with advance
    Timestamp when = 0;
};
/// @brief Delivered (a task: done) by the volunteer it is assigned to.
struct RecordDelivery {
    WorkRef work;
    Delivery delivery;
};
/// @brief Staff confirm a delivery (an allocation must be approved by then).
struct ConfirmWork {
    WorkRef work;
    std::string user;
    Timestamp when = 0;
};
/// @brief Rejects (a proposal, or an allocation delivered before approval whose approval is
/// refused) or cancels (anything not yet delivered), with the reason given.
struct EndWork {
    WorkRef work;
    AllocationStatus status = AllocationStatus::Cancelled; ///< Rejected or Cancelled
    std::string reason;
};

} // namespace cmd

using Command =
    std::variant<cmd::RegisterHousehold, cmd::AddMember, cmd::AddNeed, cmd::CloseNeed,
                 cmd::AddDonor, cmd::AddOffer, cmd::ProposeAllocation, cmd::SetAllocationStatus,
                 cmd::HoldDuplicate, cmd::HoldNeed, cmd::MergeHouseholds, cmd::Unmerge,
                 cmd::ApprovePlugin, cmd::ChangeSetting,
                 // Appended: journals name commands, but keep the older alternatives' places.
                 cmd::UpdateHousehold, cmd::UpdateOffer, cmd::SetAllocationLock,
                 cmd::RegisterVolunteer, cmd::UpdateVolunteer, cmd::SetUserRole,
                 cmd::ApproveAllocation, cmd::AddTask, cmd::AssignWork, cmd::RecordDelivery,
                 cmd::ConfirmWork, cmd::EndWork>;

/// @brief Stable name of a command's type, as written in the journal ("register_household").
[[nodiscard]] const char* commandName(const Command& c);

/// @brief One journal record: commands applied together or not at all, by whom and when.
struct Transaction {
    std::uint64_t sequence = 0; ///< 1, 2, 3 ... in journal order
    std::string who;            ///< user name
    Timestamp when = 0;
    std::vector<Command> commands;
};

} // namespace nuanxin
