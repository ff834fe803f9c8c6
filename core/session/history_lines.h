#pragma once
// Internal to core/session: journal commands as history references (ids and flags, never
// personal data) and as lines, stable (names and ids) or in the user's language.
#include <cstdint>
#include <string>

#include "core/session/workspace_detail.h"

namespace nuanxin::session_detail {

/// What the ids of a HistoryRef mean, per kind of command.
enum RefType : std::uint8_t {
    kRegister,        ///< a household, value members
    kAddMember,       ///< a household
    kAddNeed,         ///< a need, b household
    kCloseNeed,       ///< a need, value status
    kAddDonor,        ///< a donor
    kAddOffer,        ///< a offer, b donor
    kPropose,         ///< a allocation, b need, c offer, value quantity
    kProposeLocked,   ///< the same, made by hand (locked)
    kStatus,          ///< a allocation, value status
    kHold,            ///< a held duplicate, b existing household
    kHoldNeed,        ///< a held duplicate, b need
    kMerge,           ///< a merge, b keep, c drop, value held duplicate
    kUnmerge,         ///< a merge
    kPlugin,          ///< a index into the record's texts (plugin id)
    kSetting,         ///< a index into the record's texts (setting key; the value is not shown)
    kUpdateHousehold, ///< a household
    kUpdateOffer,     ///< a offer
    kLock,            ///< a allocation, value locked
    kVolunteer,       ///< a volunteer (registered)
    kUpdateVolunteer, ///< a volunteer
    kUserRole,        ///< a text index (user), b volunteer, value approver tier
    kApprove,         ///< a allocation, b approvers needed, value required tier
    kAddTask,         ///< a task, b household, c text index + 1 (plugin#code), value kind
    kAssign,          ///< a work id, b volunteer, c text index + 1 (reason), value flags
    kDeliver,         ///< a work id, b volunteer, value flags
    kConfirm,         ///< a work id, value flags
    kEnd,             ///< a work id, b status, c text index + 1 (reason), value flags
};

/// Flags in `value` of the work commands.
enum WorkFlag : std::int64_t { kFlagTask = 1, kFlagAdvance = 2 };

/// @brief Whether a ref's work (kAssign ... kEnd) is a task.
[[nodiscard]] inline bool isTaskRef(const HistoryRef& r) {
    return r.type >= kAssign && r.type <= kEnd && (r.value & kFlagTask) != 0;
}
/// @brief Whether a ref is one of the work commands (kAssign ... kEnd).
[[nodiscard]] inline bool isWorkRef(const HistoryRef& r) {
    return r.type >= kAssign && r.type <= kEnd;
}

/// @brief The ref of one command; texts it points at are appended to `record.texts`.
[[nodiscard]] HistoryRef describeCommand(HistoryRecord& record, const Command& command);
/// @brief "propose_allocation allocation=7 need=3 offer=6 quantity=50": stable, for tests and logs.
[[nodiscard]] std::string stableLine(const HistoryRecord& record, const HistoryRef& ref);
/// @brief The same in `lang`: the command's name from the string table and values translated.
[[nodiscard]] std::string describedLine(const HistoryRecord& record, const HistoryRef& ref,
                                        Lang lang);

} // namespace nuanxin::session_detail
