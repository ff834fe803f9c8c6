#pragma once
// Internal to core/store: checking and applying the lifecycle commands (volunteers, user roles,
// approvals, tasks, assignment, delivery, confirmation, rejection and cancellation). State::check
// and State::apply hand these commands over here; the rules are in workspace_tasks.h's header
// comment and in each command's comment (core/store/command.h).
#include <functional>

#include "core/store/state.h"

namespace nuanxin::lifecycle {

using Undo = std::function<void(State&)>;

[[nodiscard]] FieldErrors check(const State& s, const cmd::RegisterVolunteer& c,
                                const DivisionRegistry& divisions, const Date& today);
[[nodiscard]] FieldErrors check(const State& s, const cmd::UpdateVolunteer& c,
                                const DivisionRegistry& divisions, const Date& today);
[[nodiscard]] FieldErrors check(const State& s, const cmd::SetUserRole& c,
                                const DivisionRegistry& divisions, const Date& today);
[[nodiscard]] FieldErrors check(const State& s, const cmd::ApproveAllocation& c,
                                const DivisionRegistry& divisions, const Date& today);
[[nodiscard]] FieldErrors check(const State& s, const cmd::AddTask& c,
                                const DivisionRegistry& divisions, const Date& today);
[[nodiscard]] FieldErrors check(const State& s, const cmd::AssignWork& c,
                                const DivisionRegistry& divisions, const Date& today);
[[nodiscard]] FieldErrors check(const State& s, const cmd::RecordDelivery& c,
                                const DivisionRegistry& divisions, const Date& today);
[[nodiscard]] FieldErrors check(const State& s, const cmd::ConfirmWork& c,
                                const DivisionRegistry& divisions, const Date& today);
[[nodiscard]] FieldErrors check(const State& s, const cmd::EndWork& c,
                                const DivisionRegistry& divisions, const Date& today);
/// What the older SetAllocationStatus may no longer do once an allocation has lifecycle detail:
/// approve past a recorded tier, or confirm a 先行救助 delivery still waiting for its approval.
void checkPlainStatus(const State& s, const cmd::SetAllocationStatus& c, FieldErrors& errors);

Undo apply(State& s, const cmd::RegisterVolunteer& c);
Undo apply(State& s, const cmd::UpdateVolunteer& c);
Undo apply(State& s, const cmd::SetUserRole& c);
Undo apply(State& s, const cmd::ApproveAllocation& c);
Undo apply(State& s, const cmd::AddTask& c);
Undo apply(State& s, const cmd::AssignWork& c);
Undo apply(State& s, const cmd::RecordDelivery& c);
Undo apply(State& s, const cmd::ConfirmWork& c);
Undo apply(State& s, const cmd::EndWork& c);

/// @brief Whether a reason text says something (not empty, not only spaces).
[[nodiscard]] bool hasText(const std::string& text);
/// @brief A photo reference: 1..128 of letters, digits and ".-_:" (a file name or a hash).
[[nodiscard]] bool isPhotoReference(const std::string& text);
/// @brief Distinct approvals holding at least `tier`.
[[nodiscard]] int countApprovals(const Progress& p, int tier);

} // namespace nuanxin::lifecycle
