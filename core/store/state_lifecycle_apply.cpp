// Applying a checked lifecycle command (see state_lifecycle.h), each with its exact inverse.
// Like StateEditor's accessors, these throw std::out_of_range for an unknown id before changing
// anything, so that replaying a damaged record refuses it whole.
#include <algorithm>
#include <optional>
#include <stdexcept>

#include "core/store/state_editor.h"
#include "core/store/state_lifecycle.h"

namespace nuanxin::lifecycle {
namespace {

using E = StateEditor;

Volunteer& volunteerOf(State& s, VolunteerId id) {
    for (Volunteer& v : E::data(s).data.volunteers) {
        if (v.id == id) return v;
    }
    throw std::out_of_range("volunteer");
}

Task& taskOf(State& s, TaskId id) {
    auto& tasks = E::data(s).tasks;
    const auto it = std::lower_bound(tasks.begin(), tasks.end(), id,
                                     [](const Task& t, TaskId x) { return t.id < x; });
    if (it == tasks.end() || it->id != id) throw std::out_of_range("task");
    return *it;
}

/// The status and progress of one item, to change in place. An allocation's progress entry is
/// made on its first lifecycle command.
struct Slot {
    AllocationStatus& status;
    Progress& progress;
};

Slot slotOf(State& s, WorkRef ref) {
    if (ref.isTask()) {
        Task& t = taskOf(s, ref.id);
        return {t.status, t.progress};
    }
    Allocation& a = E::allocation(s, ref.id);
    return {a.status, E::data(s).progress[ref.id]};
}

/// Remembers an item as it is, and returns how to put it back exactly (an allocation's progress
/// entry removed again when the command made it).
Undo keep(State& s, WorkRef ref) {
    if (ref.isTask()) {
        Task before = taskOf(s, ref.id);
        return [before = std::move(before)](State& st) { taskOf(st, before.id) = before; };
    }
    const AllocationStatus status = E::allocation(s, ref.id).status;
    const Progress* p = s.progress(ref.id);
    std::optional<Progress> progress = p ? std::optional<Progress>(*p) : std::nullopt;
    return [ref, status, progress = std::move(progress)](State& st) {
        E::allocation(st, ref.id).status = status;
        if (progress) {
            E::data(st).progress[ref.id] = *progress;
        } else {
            E::data(st).progress.erase(ref.id);
        }
    };
}

void recount(Progress& p) {
    p.approved = countApprovals(p, p.requiredTier) >= p.approversNeeded;
}

} // namespace

Undo apply(State& s, const cmd::RegisterVolunteer& c) {
    E::data(s).data.volunteers.push_back(c.volunteer);
    return [](State& st) { E::data(st).data.volunteers.pop_back(); };
}

Undo apply(State& s, const cmd::UpdateVolunteer& c) {
    Volunteer& v = volunteerOf(s, c.volunteer.id);
    Volunteer before = v;
    v = c.volunteer;
    return [before = std::move(before)](State& st) { volunteerOf(st, before.id) = before; };
}

Undo apply(State& s, const cmd::SetUserRole& c) {
    auto& users = E::data(s).users;
    const auto it = users.find(c.user);
    std::optional<UserRole> before =
        it == users.end() ? std::nullopt : std::optional<UserRole>(it->second);
    // A role of nothing is no role: the map keeps only users given something.
    if (c.role.approverTier == 0 && c.role.volunteer == 0) {
        users.erase(c.user);
    } else {
        users[c.user] = c.role;
    }
    return [user = c.user, before](State& st) {
        auto& u = E::data(st).users;
        if (before) {
            u[user] = *before;
        } else {
            u.erase(user);
        }
    };
}

Undo apply(State& s, const cmd::ApproveAllocation& c) {
    const WorkRef ref = WorkRef::allocation(c.allocation);
    Undo undo = keep(s, ref);
    const int held = s.role(c.approver).approverTier;
    Slot w = slotOf(s, ref);
    // The latest verdict of the plugin counts (its settings may have changed in between).
    w.progress.requiredTier = c.requiredTier;
    w.progress.approversNeeded = c.approversNeeded;
    w.progress.approvals.push_back(Approval{c.approver, held, c.when});
    recount(w.progress);
    if (w.progress.approved && w.status == AllocationStatus::Proposed) {
        w.status = AllocationStatus::Approved;
    }
    return undo;
}

Undo apply(State& s, const cmd::AddTask& c) {
    auto& tasks = E::data(s).tasks;
    if (!tasks.empty() && tasks.back().id >= c.task.id) throw std::out_of_range("task id");
    tasks.push_back(c.task);
    return [](State& st) { E::data(st).tasks.pop_back(); };
}

Undo apply(State& s, const cmd::AssignWork& c) {
    Undo undo = keep(s, c.work);
    Slot w = slotOf(s, c.work);
    Progress& p = w.progress;
    if (w.status == AllocationStatus::Assigned) {
        p.reason = c.reason;
        p.volunteer = c.volunteer;
        p.assigned = c.when;
        if (c.volunteer == 0) {
            // Back to the pool; a 先行救助 case taken back before delivery waits for its
            // approval like any proposal.
            const bool waiting = p.advance && !p.approved;
            p.advance = false;
            w.status = waiting ? AllocationStatus::Proposed : AllocationStatus::Approved;
        }
        return undo;
    }
    if (w.status == AllocationStatus::Proposed) {
        p.advance = true;
        p.requiredTier = c.requiredTier;
        p.approversNeeded = c.approversNeeded;
        recount(p);
    } else if (c.work.isTask()) {
        p.approved = true;
    }
    p.volunteer = c.volunteer;
    p.assigned = c.when;
    w.status = AllocationStatus::Assigned;
    return undo;
}

Undo apply(State& s, const cmd::RecordDelivery& c) {
    Undo undo = keep(s, c.work);
    Slot w = slotOf(s, c.work);
    w.progress.delivered = true;
    w.progress.delivery = c.delivery;
    w.status = AllocationStatus::Delivered;
    return undo;
}

Undo apply(State& s, const cmd::ConfirmWork& c) {
    Undo undo = keep(s, c.work);
    Slot w = slotOf(s, c.work);
    w.progress.confirmed = c.when;
    w.progress.confirmedBy = c.user;
    w.status = AllocationStatus::Confirmed;
    return undo;
}

Undo apply(State& s, const cmd::EndWork& c) {
    Undo undo = keep(s, c.work);
    Slot w = slotOf(s, c.work);
    w.progress.reason = c.reason;
    w.status = c.status;
    return undo;
}

} // namespace nuanxin::lifecycle
