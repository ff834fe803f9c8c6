// State::check: whether a command may be applied to the current state. Record-level checks come
// from core/model/validate.h; this adds what only the state can tell (ids in use, references,
// ID numbers registered elsewhere, allowed status changes).
#include <algorithm>
#include <string>

#include "core/id/resident_id.h"
#include "core/model/validate.h"
#include "core/store/state.h"
#include "core/store/state_editor.h"
#include "core/store/state_lifecycle.h"

namespace nuanxin {
namespace {

void add(FieldErrors& errors, std::string field, std::string value, Str reason,
         std::string detail = {}) {
    errors.push_back(FieldError{std::move(field), std::move(value), reason, std::move(detail)});
}

bool allowedTransition(AllocationStatus from, AllocationStatus to) {
    using S = AllocationStatus;
    switch (from) {
    case S::Proposed:
        return to == S::Approved || to == S::Rejected || to == S::Cancelled;
    case S::Approved:
        return to == S::Assigned || to == S::Cancelled;
    case S::Assigned:
        return to == S::Delivered || to == S::Cancelled;
    case S::Delivered:
        return to == S::Confirmed;
    default:
        return false; // confirmed, rejected and cancelled are final
    }
}

bool isHex64(const std::string& s) {
    if (s.size() != 64) return false;
    for (char c : s) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) return false;
    }
    return true;
}

struct Checker {
    const State& state;
    const DivisionRegistry& divisions;
    const Date& today;
    FieldErrors errors;

    /// A need id that a held duplicate keeps for the merge.
    bool heldNeed(NeedId id) const {
        for (const PendingDuplicate& p : state.data().pending) {
            for (const Need& n : p.needs) {
                if (n.id == id) return true;
            }
        }
        return false;
    }

    /// Member ID numbers already registered in another household.
    void checkPeople(const Household& h, HouseholdId self) {
        for (std::size_t i = 0; i < h.members.size(); ++i) {
            const Member& m = h.members[i];
            if (m.idNumber.empty()) continue;
            const HouseholdId other = state.householdOfPerson(m.idNumber);
            if (other != 0 && other != self) {
                add(errors, "members[" + std::to_string(i) + "].id_number",
                    maskIdNumber(m.idNumber), Str::StoreErrPersonRegistered, std::to_string(other));
            }
        }
    }

    void operator()(const cmd::RegisterHousehold& c) {
        const Household& h = c.household;
        errors = validate(h, divisions, today);
        if (h.id != 0 && state.household(h.id)) {
            add(errors, "id", std::to_string(h.id), Str::StoreErrIdInUse);
        }
        checkPeople(h, h.id);
    }
    void operator()(const cmd::AddMember& c) {
        const Household* h = state.household(c.household);
        if (!h) {
            add(errors, "household", std::to_string(c.household), Str::ErrUnknownHousehold);
            return;
        }
        Household changed = *h;
        changed.members.push_back(c.member);
        errors = validate(changed, divisions, today);
        checkPeople(changed, h->id);
    }
    void operator()(const cmd::AddNeed& c) {
        errors = validate(c.need);
        if (c.need.id != 0 && (state.need(c.need.id) || heldNeed(c.need.id))) {
            add(errors, "id", std::to_string(c.need.id), Str::StoreErrIdInUse);
        }
        if (c.need.household != 0 && !state.household(c.need.household)) {
            add(errors, "household", std::to_string(c.need.household), Str::ErrUnknownHousehold);
        }
    }
    void operator()(const cmd::CloseNeed& c) {
        const Need* n = state.need(c.need);
        if (!n) return add(errors, "need", std::to_string(c.need), Str::ErrUnknownNeed);
        const bool closing = c.status == NeedStatus::Met || c.status == NeedStatus::Closed ||
                             c.status == NeedStatus::Cancelled;
        const bool open = n->status == NeedStatus::Open || n->status == NeedStatus::PartlyMet;
        if (!closing || !open) {
            add(errors, "status", std::string(name(n->status)), Str::StoreErrTransition,
                std::string(name(n->status)) + " -> " +
                    (c.status < NeedStatus::Count_ ? std::string(name(c.status)) : "?"));
        }
    }
    void operator()(const cmd::AddDonor& c) {
        errors = validate(c.donor, divisions);
        if (c.donor.id != 0 && state.donor(c.donor.id)) {
            add(errors, "id", std::to_string(c.donor.id), Str::StoreErrIdInUse);
        }
    }
    void operator()(const cmd::AddOffer& c) {
        errors = validate(c.offer, divisions);
        if (c.offer.id != 0 && state.offer(c.offer.id)) {
            add(errors, "id", std::to_string(c.offer.id), Str::StoreErrIdInUse);
        }
        if (c.offer.donor != 0 && !state.donor(c.offer.donor)) {
            add(errors, "donor", std::to_string(c.offer.donor), Str::ErrUnknownDonor);
        }
    }
    void operator()(const cmd::ProposeAllocation& c) {
        const Allocation& a = c.allocation;
        errors = validate(a);
        if (a.id != 0 && state.allocation(a.id)) {
            add(errors, "id", std::to_string(a.id), Str::StoreErrIdInUse);
        }
        const Need* n = state.need(a.need);
        const Offer* o = state.offer(a.offer);
        if (a.need != 0 && !n) add(errors, "need", std::to_string(a.need), Str::ErrUnknownNeed);
        if (a.offer != 0 && !o) add(errors, "offer", std::to_string(a.offer), Str::ErrUnknownOffer);
        if (n && o && n->kind != o->kind) add(errors, "offer", {}, Str::ErrKindMismatch);
        if (a.status != AllocationStatus::Proposed) {
            add(errors, "status", std::string(name(a.status)), Str::StoreErrTransition);
        }
    }
    void operator()(const cmd::SetAllocationStatus& c) {
        const Allocation* a = state.allocation(c.allocation);
        if (!a) {
            return add(errors, "allocation", std::to_string(c.allocation),
                       Str::StoreErrUnknownAllocation);
        }
        if (c.status >= AllocationStatus::Count_ || !allowedTransition(a->status, c.status)) {
            add(errors, "status", std::string(name(a->status)), Str::StoreErrTransition,
                std::string(name(a->status)) + " -> " +
                    (c.status < AllocationStatus::Count_ ? std::string(name(c.status)) : "?"));
        }
        lifecycle::checkPlainStatus(state, c, errors);
    }
    void operator()(const cmd::HoldDuplicate& c) {
        errors = validate(c.incoming, divisions, today);
        if (c.id == 0 || state.pending(c.id)) {
            add(errors, "id", std::to_string(c.id), Str::StoreErrIdInUse);
        }
        if (!state.household(c.existing)) {
            add(errors, "existing", std::to_string(c.existing), Str::ErrUnknownHousehold);
        }
    }
    void operator()(const cmd::HoldNeed& c) {
        // Checked as any need, except that it has no household until the merge.
        Need probe = c.need;
        probe.household = 1;
        errors = validate(probe);
        if (c.need.household != 0) {
            add(errors, "household", std::to_string(c.need.household), Str::ErrUnknownHousehold);
        }
        if (c.need.id != 0 && (state.need(c.need.id) || heldNeed(c.need.id))) {
            add(errors, "id", std::to_string(c.need.id), Str::StoreErrIdInUse);
        }
        if (!state.pending(c.pending)) {
            add(errors, "pending", std::to_string(c.pending), Str::StoreErrUnknownPending);
        }
    }
    void operator()(const cmd::MergeHouseholds& c) {
        if (c.mergeId == 0 || state.merge(c.mergeId)) {
            add(errors, "merge", std::to_string(c.mergeId), Str::StoreErrIdInUse);
        }
        if (!state.household(c.keep)) {
            add(errors, "keep", std::to_string(c.keep), Str::ErrUnknownHousehold);
        }
        if ((c.drop == 0) == (c.pending == 0)) {
            return add(errors, "drop", {}, Str::StoreErrMergeSource);
        }
        if (c.drop != 0 && (c.drop == c.keep || !state.household(c.drop))) {
            add(errors, "drop", std::to_string(c.drop), Str::ErrUnknownHousehold);
        }
        if (c.pending != 0 && !state.pending(c.pending)) {
            add(errors, "pending", std::to_string(c.pending), Str::StoreErrUnknownPending);
        }
        // One person, one household: a member of the household merged in who is registered
        // elsewhere may only join that same household (a held duplicate goes to its match).
        const Household* source = nullptr;
        if (c.drop != 0) source = state.household(c.drop);
        if (c.pending != 0 && state.pending(c.pending))
            source = &state.pending(c.pending)->incoming;
        if (!source) return;
        for (const Member& m : source->members) {
            const HouseholdId at = m.idNumber.empty() ? 0 : state.householdOfPerson(m.idNumber);
            if (at != 0 && at != c.keep && at != c.drop) {
                add(errors, "pending", maskIdNumber(m.idNumber), Str::StoreErrPersonRegistered,
                    std::to_string(at));
            }
        }
    }
    void operator()(const cmd::Unmerge& c) {
        const MergeRecord* m = state.merge(c.mergeId);
        if (!m || m->undone) {
            return add(errors, "merge", std::to_string(c.mergeId), Str::StoreErrUnknownMerge);
        }
        const Household* keep = state.household(m->keep);
        if (!keep || keep->members.size() < m->membersBefore + m->membersMoved) {
            return add(errors, "merge", std::to_string(c.mergeId), Str::StoreErrUnmergeChanged);
        }
        // Later merges into the same household moved members after these: undo those first.
        for (const MergeRecord& later : state.data().merges) {
            if (later.id > m->id && later.keep == m->keep && !later.undone) {
                add(errors, "merge", std::to_string(c.mergeId), Str::StoreErrUnmergeChanged,
                    std::to_string(later.id));
            }
        }
        if (m->pendingId == 0 && state.household(m->source.id)) {
            add(errors, "merge", std::to_string(m->source.id), Str::StoreErrIdInUse);
        }
        for (NeedId id : m->needsMoved) {
            if (!state.need(id)) add(errors, "merge", std::to_string(id), Str::ErrUnknownNeed);
        }
        // The held needs go back into the held record: nothing may point at them by then.
        for (NeedId id : m->needsAdded) {
            if (!state.need(id)) add(errors, "merge", std::to_string(id), Str::ErrUnknownNeed);
        }
        for (const Allocation& a : state.dataset().allocations) {
            if (std::find(m->needsAdded.begin(), m->needsAdded.end(), a.need) !=
                m->needsAdded.end()) {
                add(errors, "merge", std::to_string(c.mergeId), Str::StoreErrUnmergeAllocated,
                    std::to_string(a.id));
            }
        }
    }
    void operator()(const cmd::UpdateHousehold& c) {
        const Household* old = state.household(c.household.id);
        if (!old) {
            return add(errors, "id", std::to_string(c.household.id), Str::ErrUnknownHousehold);
        }
        const Household changed = StateEditor::updated(*old, c.household);
        errors = validate(changed, divisions, today);
        // Members are matched by position: a changed count would silently drop or add people.
        if (c.household.members.size() != old->members.size()) {
            add(errors, "members", std::to_string(c.household.members.size()),
                Str::StoreErrMembersChanged, std::to_string(old->members.size()));
        }
        if (!c.household.divisionCode.empty() && c.household.divisionCode != old->divisionCode) {
            add(errors, "division_code", c.household.divisionCode, Str::StoreErrNotChangeable);
        }
        checkPeople(changed, old->id);
    }
    void operator()(const cmd::UpdateOffer& c) {
        const Offer* old = state.offer(c.offer.id);
        if (!old) return add(errors, "id", std::to_string(c.offer.id), Str::ErrUnknownOffer);
        const Offer changed = StateEditor::updated(*old, c.offer);
        errors = validate(changed, divisions);
        if (c.offer.donor != 0 && c.offer.donor != old->donor) {
            add(errors, "donor", std::to_string(c.offer.donor), Str::StoreErrNotChangeable);
        }
        if (c.offer.kind != old->kind || c.offer.unit != old->unit) {
            add(errors, "kind", std::string(name(c.offer.kind)), Str::StoreErrNotChangeable);
        }
        // What approved and later allocations took is promised to households already.
        std::int64_t used = 0;
        for (const Allocation& a : state.dataset().allocations) {
            const bool promised = a.status == AllocationStatus::Approved ||
                                  a.status == AllocationStatus::Assigned ||
                                  a.status == AllocationStatus::Delivered ||
                                  a.status == AllocationStatus::Confirmed;
            if (promised && a.offer == old->id) used += a.quantity;
        }
        if (changed.capacity < used) {
            add(errors, "capacity", std::to_string(changed.capacity), Str::StoreErrCapacityInUse,
                std::to_string(used));
        }
    }
    void operator()(const cmd::SetAllocationLock& c) {
        const Allocation* a = state.allocation(c.allocation);
        if (!a) {
            return add(errors, "allocation", std::to_string(c.allocation),
                       Str::StoreErrUnknownAllocation);
        }
        if (a->status == AllocationStatus::Rejected || a->status == AllocationStatus::Cancelled) {
            add(errors, "allocation", std::to_string(c.allocation), Str::StoreErrAllocationFinal,
                std::string(name(a->status)));
        }
    }
    void operator()(const cmd::ApprovePlugin& c) {
        if (c.pluginId.empty()) add(errors, "plugin", {}, Str::ErrRequired);
        if (!isHex64(c.sha256)) add(errors, "sha256", c.sha256.substr(0, 16), Str::StoreErrHash);
    }
    // The lifecycle commands: core/store/state_lifecycle_check.cpp.
    void operator()(const cmd::RegisterVolunteer& c) { life(c); }
    void operator()(const cmd::UpdateVolunteer& c) { life(c); }
    void operator()(const cmd::SetUserRole& c) { life(c); }
    void operator()(const cmd::ApproveAllocation& c) { life(c); }
    void operator()(const cmd::AddTask& c) { life(c); }
    void operator()(const cmd::AssignWork& c) { life(c); }
    void operator()(const cmd::RecordDelivery& c) { life(c); }
    void operator()(const cmd::ConfirmWork& c) { life(c); }
    void operator()(const cmd::EndWork& c) { life(c); }
    template <class C> void life(const C& c) { errors = lifecycle::check(state, c, divisions, today); }
    void operator()(const cmd::ChangeSetting& c) {
        if (c.key.empty()) add(errors, "key", {}, Str::ErrRequired);
        if (c.key.size() > 200 || c.value.size() > 10000) add(errors, "value", {}, Str::ErrTooLong);
    }
};

} // namespace

FieldErrors State::check(const Command& c, const DivisionRegistry& divisions,
                         const Date& today) const {
    Checker checker{*this, divisions, today, {}};
    std::visit(checker, c);
    return checker.errors;
}

} // namespace nuanxin
