#pragma once
// Every change to a store is one of these values: validated against the current state, then
// journaled, then applied. A refused command changes nothing.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/model/types.h"

namespace nuanxin {

/// @brief Seconds since 1970-01-01 UTC, always given by the caller (the core never reads the
/// clock, so a journal replays the same way anywhere).
using Timestamp = std::int64_t;

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

} // namespace cmd

using Command =
    std::variant<cmd::RegisterHousehold, cmd::AddMember, cmd::AddNeed, cmd::CloseNeed,
                 cmd::AddDonor, cmd::AddOffer, cmd::ProposeAllocation, cmd::SetAllocationStatus,
                 cmd::HoldDuplicate, cmd::HoldNeed, cmd::MergeHouseholds, cmd::Unmerge,
                 cmd::ApprovePlugin, cmd::ChangeSetting,
                 // Appended: journals name commands, but keep the older alternatives' places.
                 cmd::UpdateHousehold, cmd::UpdateOffer, cmd::SetAllocationLock>;

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
