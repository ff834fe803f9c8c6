// Whether a lifecycle command may be applied now (see state_lifecycle.h). Plugins are not asked
// here: the tier an approval needs and whether 先行救助 is allowed come in the command, from the
// workspace that asked the region's plugin; the state checks everything it can know itself.
#include <algorithm>
#include <string>

#include "core/model/validate.h"
#include "core/store/state_lifecycle.h"

namespace nuanxin::lifecycle {
namespace {

constexpr std::size_t kMaxReason = 500;
constexpr std::size_t kMaxNote = 2000;
constexpr std::size_t kMaxUser = 100;
constexpr int kMaxTier = 4;
constexpr int kMaxApprovers = 5;

void add(FieldErrors& errors, std::string field, std::string value, Str reason,
         std::string detail = {}) {
    errors.push_back(FieldError{std::move(field), std::move(value), reason, std::move(detail)});
}

std::string statusName(AllocationStatus s) {
    return s < AllocationStatus::Count_ ? std::string(name(s)) : "?";
}

void transition(FieldErrors& errors, AllocationStatus from, AllocationStatus to) {
    add(errors, "status", statusName(from), Str::StoreErrTransition,
        statusName(from) + " -> " + statusName(to));
}

/// The item a command names, as the checks read it.
struct Work {
    AllocationStatus status = AllocationStatus::Proposed;
    Kind kind = Kind::Coal;
    Progress progress; ///< empty for an allocation without lifecycle detail
    bool isTask = false;
};

std::optional<Work> find(const State& s, WorkRef ref, FieldErrors& errors) {
    if (ref.isTask()) {
        const Task* t = s.task(ref.id);
        if (!t) {
            add(errors, "task", std::to_string(ref.id), Str::LifeErrUnknownTask);
            return std::nullopt;
        }
        return Work{t->status, t->kind, t->progress, true};
    }
    const Allocation* a = s.allocation(ref.id);
    if (!a) {
        add(errors, "allocation", std::to_string(ref.id), Str::StoreErrUnknownAllocation);
        return std::nullopt;
    }
    const Offer* o = s.offer(a->offer);
    const Progress* p = s.progress(a->id);
    return Work{a->status, o ? o->kind : Kind::Coal, p ? *p : Progress{}, false};
}

bool approvedWork(const State& s, WorkRef ref, const Work& w) {
    if (w.isTask) return true;
    const Allocation* a = s.allocation(ref.id);
    return a && isApproved(a->status, s.progress(ref.id));
}

void checkReason(FieldErrors& errors, const std::string& reason) {
    if (!hasText(reason)) add(errors, "reason", {}, Str::LifeErrReasonRequired);
    if (reason.size() > kMaxReason) add(errors, "reason", {}, Str::ErrTooLong);
}

void checkTier(FieldErrors& errors, int tier, int approvers) {
    if (tier < 0 || tier > kMaxTier) {
        add(errors, "required_tier", std::to_string(tier), Str::LifeErrTier);
    } else if (approvers < approversNeededFor(tier) || approvers > kMaxApprovers) {
        add(errors, "approvers_needed", std::to_string(approvers), Str::LifeErrApproversNeeded,
            std::to_string(approversNeededFor(tier)));
    }
}

void checkVolunteer(const State& s, FieldErrors& errors, VolunteerId id, Kind kind) {
    const Volunteer* v = s.volunteer(id);
    if (!v) return add(errors, "volunteer", std::to_string(id), Str::LifeErrUnknownVolunteer);
    if (!v->active) add(errors, "volunteer", std::to_string(id), Str::LifeErrVolunteerInactive);
    if (!v->kinds.empty() && std::find(v->kinds.begin(), v->kinds.end(), kind) == v->kinds.end()) {
        add(errors, "volunteer", std::to_string(id), Str::LifeErrVolunteerKind,
            std::string(name(kind)));
    }
}

/// Waiting for an approval: a proposal, or a 先行救助 case whose approval has not followed.
bool awaitingApproval(const Work& w) {
    using S = AllocationStatus;
    if (w.isTask) return false;
    if (w.status == S::Proposed) return true;
    return w.progress.advance && !w.progress.approved &&
           (w.status == S::Assigned || w.status == S::Delivered);
}

} // namespace

bool hasText(const std::string& text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; });
}

bool isPhotoReference(const std::string& text) {
    if (text.empty() || text.size() > 128) return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '.' || c == '-' || c == '_' || c == ':';
    });
}

int countApprovals(const Progress& p, int tier) {
    int n = 0;
    for (const Approval& a : p.approvals) {
        if (a.tierHeld >= tier) ++n;
    }
    return n;
}

FieldErrors check(const State& s, const cmd::RegisterVolunteer& c,
                  const DivisionRegistry& divisions, const Date&) {
    FieldErrors errors = validate(c.volunteer, divisions);
    if (c.volunteer.divisionCode.empty()) add(errors, "division_code", {}, Str::ErrRequired);
    if (c.volunteer.id != 0 && s.volunteer(c.volunteer.id)) {
        add(errors, "id", std::to_string(c.volunteer.id), Str::StoreErrIdInUse);
    }
    return errors;
}

FieldErrors check(const State& s, const cmd::UpdateVolunteer& c,
                  const DivisionRegistry& divisions, const Date&) {
    FieldErrors errors = validate(c.volunteer, divisions);
    if (c.volunteer.divisionCode.empty()) add(errors, "division_code", {}, Str::ErrRequired);
    if (!s.volunteer(c.volunteer.id)) {
        add(errors, "id", std::to_string(c.volunteer.id), Str::LifeErrUnknownVolunteer);
    }
    return errors;
}

FieldErrors check(const State& s, const cmd::SetUserRole& c, const DivisionRegistry&,
                  const Date&) {
    FieldErrors errors;
    if (!hasText(c.user)) add(errors, "user", {}, Str::ErrRequired);
    if (c.user.size() > kMaxUser) add(errors, "user", {}, Str::ErrTooLong);
    if (c.role.approverTier < 0 || c.role.approverTier > kMaxTier) {
        add(errors, "approver_tier", std::to_string(c.role.approverTier), Str::LifeErrTier);
    }
    if (c.role.volunteer != 0) {
        if (!s.volunteer(c.role.volunteer)) {
            add(errors, "volunteer", std::to_string(c.role.volunteer), Str::LifeErrUnknownVolunteer);
        }
        // One volunteer is one person: one user name.
        for (const auto& [user, role] : s.data().users) {
            if (user != c.user && role.volunteer == c.role.volunteer) {
                add(errors, "volunteer", std::to_string(c.role.volunteer), Str::StoreErrIdInUse,
                    user);
            }
        }
    }
    return errors;
}

FieldErrors check(const State& s, const cmd::ApproveAllocation& c, const DivisionRegistry&,
                  const Date&) {
    FieldErrors errors;
    const auto w = find(s, WorkRef::allocation(c.allocation), errors);
    if (!w) return errors;
    checkTier(errors, c.requiredTier, c.approversNeeded);
    if (!hasText(c.approver)) add(errors, "approver", {}, Str::ErrRequired);
    if (!awaitingApproval(*w)) {
        add(errors, "allocation", std::to_string(c.allocation), Str::LifeErrNotAwaitingApproval,
            statusName(w->status));
        return errors;
    }
    const int held = s.role(c.approver).approverTier;
    if (held < c.requiredTier) {
        add(errors, "approver", std::to_string(held), Str::LifeErrTierTooLow,
            std::to_string(c.requiredTier));
    }
    for (const Approval& a : w->progress.approvals) {
        if (a.user == c.approver) add(errors, "approver", {}, Str::LifeErrSameApprover);
    }
    return errors;
}

FieldErrors check(const State& s, const cmd::AddTask& c, const DivisionRegistry& divisions,
                  const Date&) {
    FieldErrors errors;
    const Task& t = c.task;
    // Ids ascend (tasks are kept by id and never removed).
    if (t.id == 0 || t.id < s.nextIds().task) {
        add(errors, "id", std::to_string(t.id), Str::StoreErrIdInUse);
    }
    if (t.household != 0 && !s.household(t.household)) {
        add(errors, "household", std::to_string(t.household), Str::ErrUnknownHousehold);
    }
    const Division* county = divisions.find(t.divisionCode);
    if (!county || county->level != DivisionLevel::County) {
        add(errors, "division_code", t.divisionCode, Str::ErrDivisionNotCounty);
    }
    if (t.kind >= Kind::Count_) {
        add(errors, "kind", {}, Str::ErrValueOutOfRange);
    } else if (t.unit != kindInfo(t.kind).unit) {
        add(errors, "unit", {}, Str::ErrUnitMismatch, std::string(name(kindInfo(t.kind).unit)));
    }
    if (t.quantity <= 0) add(errors, "quantity", std::to_string(t.quantity), Str::ErrNotPositive);
    // A task starts ready to assign: its life is recorded by the commands that follow.
    const Progress& p = t.progress;
    if (t.status != AllocationStatus::Approved || p.volunteer != 0 || p.delivered ||
        p.confirmed != 0 || !p.approvals.empty() || p.advance) {
        add(errors, "status", statusName(t.status), Str::StoreErrTransition);
    }
    if (t.plugin.size() > kMaxUser || t.text.size() > kMaxReason) {
        add(errors, "text", {}, Str::ErrTooLong);
    }
    return errors;
}

FieldErrors check(const State& s, const cmd::AssignWork& c, const DivisionRegistry&,
                  const Date&) {
    using S = AllocationStatus;
    FieldErrors errors;
    const auto w = find(s, c.work, errors);
    if (!w) return errors;
    if (w->status == S::Assigned) {
        // A reassignment: to someone else, or back to the pool (volunteer 0), with a reason.
        checkReason(errors, c.reason);
        if (c.volunteer == w->progress.volunteer) {
            add(errors, "volunteer", std::to_string(c.volunteer), Str::LifeErrSameVolunteer);
        } else if (c.volunteer != 0) {
            checkVolunteer(s, errors, c.volunteer, w->kind);
        }
        return errors;
    }
    if (c.volunteer == 0) {
        add(errors, "volunteer", "0", Str::LifeErrUnknownVolunteer);
    } else {
        checkVolunteer(s, errors, c.volunteer, w->kind);
    }
    if (w->status == S::Proposed && !w->isTask) {
        if (!c.advance) {
            add(errors, "status", statusName(w->status), Str::LifeErrNotApproved,
                statusName(w->status));
        } else {
            checkTier(errors, c.requiredTier, c.approversNeeded);
        }
    } else if (w->status != S::Approved) {
        transition(errors, w->status, S::Assigned);
    } else if (c.advance) {
        add(errors, "advance", "1", Str::StoreErrTransition, "approved");
    }
    return errors;
}

FieldErrors check(const State& s, const cmd::RecordDelivery& c, const DivisionRegistry&,
                  const Date& today) {
    FieldErrors errors;
    const auto w = find(s, c.work, errors);
    if (!w) return errors;
    if (w->status != AllocationStatus::Assigned) {
        transition(errors, w->status, AllocationStatus::Delivered);
        return errors;
    }
    const Delivery& d = c.delivery;
    if (d.volunteer != w->progress.volunteer) {
        add(errors, "volunteer", std::to_string(d.volunteer), Str::LifeErrNotYourTask);
    }
    if (d.when <= 0) add(errors, "when", std::to_string(d.when), Str::ErrRequired);
    if (today < dateOf(d.when)) {
        add(errors, "when", dateOf(d.when).iso(), Str::LifeErrFutureTime);
    }
    if (d.note.size() > kMaxNote) add(errors, "note", {}, Str::ErrTooLong);
    if (!d.photo.empty() && !isPhotoReference(d.photo)) {
        add(errors, "photo", d.photo.substr(0, 32), Str::LifeErrPhoto);
    }
    return errors;
}

FieldErrors check(const State& s, const cmd::ConfirmWork& c, const DivisionRegistry&,
                  const Date&) {
    FieldErrors errors;
    const auto w = find(s, c.work, errors);
    if (!w) return errors;
    if (!hasText(c.user)) add(errors, "user", {}, Str::ErrRequired);
    if (w->status != AllocationStatus::Delivered) {
        transition(errors, w->status, AllocationStatus::Confirmed);
    } else if (!approvedWork(s, c.work, *w)) {
        add(errors, "allocation", std::to_string(c.work.id), Str::LifeErrConfirmBeforeApproval);
    }
    return errors;
}

FieldErrors check(const State& s, const cmd::EndWork& c, const DivisionRegistry&, const Date&) {
    using S = AllocationStatus;
    FieldErrors errors;
    const auto w = find(s, c.work, errors);
    if (!w) return errors;
    checkReason(errors, c.reason);
    if (c.status == S::Rejected) {
        // A proposal, or a 先行救助 case whose approval is refused after it went ahead.
        if (w->isTask) {
            add(errors, "status", "rejected", Str::LifeErrTaskNotRejected);
        } else if (!awaitingApproval(*w)) {
            transition(errors, w->status, c.status);
        }
    } else if (c.status == S::Cancelled) {
        if (w->status == S::Delivered || w->status == S::Confirmed) {
            add(errors, "status", statusName(w->status), Str::LifeErrAlreadyDelivered);
        } else if (w->status != S::Proposed && w->status != S::Approved &&
                   w->status != S::Assigned) {
            transition(errors, w->status, c.status);
        }
    } else {
        add(errors, "status", statusName(c.status), Str::LifeErrEndStatus);
    }
    return errors;
}

void checkPlainStatus(const State& s, const cmd::SetAllocationStatus& c, FieldErrors& errors) {
    const Progress* p = s.progress(c.allocation);
    if (!p) return;
    // Once an approval was asked at a tier, only approvals at that tier approve it.
    if (c.status == AllocationStatus::Approved && p->requiredTier >= 0 && !p->approved) {
        add(errors, "status", "approved", Str::LifeErrTierTooLow,
            std::to_string(p->requiredTier));
    }
    if (c.status == AllocationStatus::Confirmed && p->advance && !p->approved) {
        add(errors, "allocation", std::to_string(c.allocation), Str::LifeErrConfirmBeforeApproval);
    }
}

} // namespace nuanxin::lifecycle
