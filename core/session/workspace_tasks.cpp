// The lifecycle over a workspace (workspace_tasks.h): what the region's plugin says an approval
// needs, the commands that record each step, and the lists the screens show. The store checks
// every command again (core/store/state_lifecycle_check.cpp); what only the plugins can tell
// (the tier for an amount, whether 先行救助 is allowed) is asked here and put in the command.
#include "core/session/workspace_tasks.h"

#include <algorithm>
#include <set>

#include "core/geo/divisions.h"
#include "core/session/workspace_detail.h"

namespace nuanxin {
namespace {

using session_detail::once;

/// "1500.00" from 150000 fen.
std::string yuanText(std::int64_t fen) {
    const std::int64_t cents = fen < 0 ? -fen : fen;
    std::string s = std::to_string(cents / 100) + "." + std::to_string(cents % 100 / 10) +
                    std::to_string(cents % 10);
    return fen < 0 ? "-" + s : s;
}

bool awaitingApproval(AllocationStatus status, const Progress* p) {
    if (status == AllocationStatus::Proposed) return true;
    return p && p->advance && !p->approved &&
           (status == AllocationStatus::Assigned || status == AllocationStatus::Delivered);
}

} // namespace

bool WorkItem::approved() const {
    return ref.isTask() || isApproved(status, &progress);
}

bool WorkItem::awaitingApprovalAfterDelivery() const {
    return !ref.isTask() && progress.advance && !progress.approved &&
           status == AllocationStatus::Delivered;
}

// ---- volunteers and roles ----

Result<VolunteerId> WorkspaceTasks::addVolunteer(Volunteer volunteer) {
    volunteer.id = m_ws.state().nextIds().volunteer;
    const VolunteerId id = volunteer.id;
    auto r = m_ws.commit({cmd::RegisterVolunteer{std::move(volunteer)}});
    if (!r.ok()) return r.errors();
    return id;
}

Result<std::uint64_t> WorkspaceTasks::updateVolunteer(const Volunteer& volunteer) {
    return m_ws.commit({cmd::UpdateVolunteer{volunteer}});
}

Result<std::uint64_t> WorkspaceTasks::setUserRole(const std::string& user, UserRole role) {
    return m_ws.commit({cmd::SetUserRole{user, role}});
}

UserRole WorkspaceTasks::role(const std::string& user) const {
    return m_ws.state().role(user);
}

std::optional<VolunteerId> WorkspaceTasks::currentVolunteer() const {
    const VolunteerId id = role(m_ws.user()).volunteer;
    return id != 0 ? std::optional<VolunteerId>(id) : std::nullopt;
}

// ---- approval ----

Result<ApprovalNeed> WorkspaceTasks::approvalNeed(AllocationId allocation) const {
    const State& s = m_ws.state();
    const Allocation* a = s.allocation(allocation);
    if (!a) {
        return FieldError{"allocation", std::to_string(allocation), Str::StoreErrUnknownAllocation,
                          ""};
    }
    const Need* n = s.need(a->need);
    const Offer* o = s.offer(a->offer);
    const Household* h = n ? s.household(n->household) : nullptr;
    if (!n || !o || !h) {
        return FieldError{"allocation", std::to_string(allocation), Str::ErrUnknownNeed, ""};
    }
    const ApprovalVerdict verdict = m_ws.plugins().approval(
        *h, *n, *o, s.donor(o->donor), a->quantity, dateOf(m_ws.now()), m_ws.lang());
    const Progress* p = s.progress(allocation);
    ApprovalNeed need;
    need.allocation = allocation;
    need.amountFen = a->quantity * o->unitValueFen;
    need.tier = verdict.tier;
    need.approversNeeded = approversNeededFor(verdict.tier);
    need.deliverBeforeApproval = verdict.deliverBeforeApproval;
    need.plugin = verdict.plugin;
    need.code = verdict.code;
    need.text = verdict.text;
    if (p) need.approvals = p->approvals;
    need.approved = isApproved(a->status, p);
    const bool already =
        std::any_of(need.approvals.begin(), need.approvals.end(),
                    [this](const Approval& x) { return x.user == m_ws.user(); });
    need.userMay = awaitingApproval(a->status, p) && !already &&
                   role(m_ws.user()).approverTier >= need.tier;
    return need;
}

Result<std::uint64_t> WorkspaceTasks::approve(const std::vector<AllocationId>& allocations) {
    if (allocations.empty()) {
        return FieldError{"allocations", "", Str::SessionErrNothingSelected, ""};
    }
    std::vector<Command> commands;
    for (AllocationId id : once(allocations)) {
        const auto need = approvalNeed(id);
        if (!need.ok()) return need.errors();
        const ApprovalNeed& n = need.value();
        commands.push_back(
            cmd::ApproveAllocation{id, m_ws.user(), n.tier, n.approversNeeded, m_ws.now()});
        // Waiting for a second approver: locked, so that a matching run keeps it meanwhile.
        const Allocation* a = m_ws.state().allocation(id);
        const int given = static_cast<int>(n.approvals.size()) + 1;
        if (a && !a->locked && given < n.approversNeeded &&
            a->status == AllocationStatus::Proposed) {
            commands.push_back(cmd::SetAllocationLock{id, true});
        }
    }
    return m_ws.commit(std::move(commands));
}

// ---- assignment, delivery, confirmation ----

Result<std::uint64_t> WorkspaceTasks::assign(WorkRef work, VolunteerId volunteer) {
    cmd::AssignWork c{work, volunteer, {}, false, -1, 0, m_ws.now()};
    const Allocation* a = work.isTask() ? nullptr : m_ws.state().allocation(work.id);
    if (a && a->status == AllocationStatus::Proposed) {
        const auto need = approvalNeed(work.id);
        if (!need.ok()) return need.errors();
        const ApprovalNeed& n = need.value();
        if (!n.deliverBeforeApproval) {
            std::string rule = n.plugin.empty() ? n.text
                                                : n.plugin + "#" + std::to_string(n.code) + " " +
                                                      n.text;
            return FieldError{"allocation", std::to_string(work.id), Str::LifeErrAdvanceNotAllowed,
                              yuanText(n.amountFen) + " yuan; " + rule};
        }
        c.advance = true;
        c.requiredTier = n.tier;
        c.approversNeeded = n.approversNeeded;
    }
    return m_ws.commit({std::move(c)});
}

Result<std::uint64_t> WorkspaceTasks::reassign(WorkRef work, VolunteerId volunteer,
                                               const std::string& reason) {
    const auto it = item(work);
    if (it && it->status != AllocationStatus::Assigned) {
        const std::string from(name(it->status));
        return FieldError{"status", from, Str::StoreErrTransition, from + " -> assigned"};
    }
    return m_ws.commit({cmd::AssignWork{work, volunteer, reason, false, -1, 0, m_ws.now()}});
}

Result<std::uint64_t> WorkspaceTasks::recordDelivery(WorkRef work, Delivery delivery) {
    if (delivery.volunteer == 0) {
        if (const auto it = item(work)) delivery.volunteer = it->progress.volunteer;
    }
    if (delivery.when == 0) delivery.when = m_ws.now();
    return m_ws.commit({cmd::RecordDelivery{work, std::move(delivery)}});
}

Result<std::uint64_t> WorkspaceTasks::confirm(const std::vector<WorkRef>& work) {
    if (work.empty()) return FieldError{"work", "", Str::SessionErrNothingSelected, ""};
    std::vector<Command> commands;
    for (const WorkRef& w : once(work)) {
        commands.push_back(cmd::ConfirmWork{w, m_ws.user(), m_ws.now()});
    }
    return m_ws.commit(std::move(commands));
}

Result<std::uint64_t> WorkspaceTasks::reject(const std::vector<AllocationId>& allocations,
                                             const std::string& reason) {
    if (allocations.empty()) {
        return FieldError{"allocations", "", Str::SessionErrNothingSelected, ""};
    }
    std::vector<Command> commands;
    for (AllocationId id : once(allocations)) {
        commands.push_back(cmd::EndWork{WorkRef::allocation(id), AllocationStatus::Rejected, reason});
    }
    return m_ws.commit(std::move(commands));
}

Result<std::uint64_t> WorkspaceTasks::cancel(WorkRef work, const std::string& reason) {
    return m_ws.commit({cmd::EndWork{work, AllocationStatus::Cancelled, reason}});
}

// ---- derived tasks ----

Result<std::vector<TaskId>> WorkspaceTasks::deriveTasks() {
    const State& s = m_ws.state();
    const Date today = dateOf(m_ws.now());
    using Key = std::tuple<HouseholdId, std::string, std::string, std::int32_t, Kind>;
    std::set<Key> known;
    for (const Task& t : s.data().tasks) {
        known.emplace(t.household, t.divisionCode, t.plugin, t.code, t.kind);
    }
    std::vector<Command> commands;
    std::vector<TaskId> ids;
    TaskId next = s.nextIds().task;
    const auto add = [&](HouseholdId household, const std::string& county, const DerivedNeed& d) {
        if (!kindInfo(d.need.kind).service) return; // goods and cash are needs, not tasks
        if (!known.emplace(household, county, d.plugin, d.code, d.need.kind).second) return;
        Task t;
        t.id = next++;
        t.household = household;
        t.divisionCode = county;
        t.kind = d.need.kind;
        t.unit = d.need.unit;
        t.quantity = d.need.quantity;
        t.deadline = d.need.deadline;
        t.plugin = d.plugin;
        t.code = d.code;
        t.text = d.text;
        ids.push_back(t.id);
        commands.push_back(cmd::AddTask{std::move(t)});
    };
    std::set<std::string> counties;
    for (const Household& h : s.dataset().households) {
        counties.insert(h.divisionCode);
        for (const DerivedNeed& d : m_ws.plugins().derivedNeeds(h, today, m_ws.lang())) {
            add(h.id, h.divisionCode, d);
        }
    }
    for (const std::string& county : counties) {
        for (const DerivedNeed& d : m_ws.plugins().institutionTasks(county, today, m_ws.lang())) {
            add(0, county, d);
        }
    }
    if (commands.empty()) return ids;
    auto r = m_ws.commit(std::move(commands));
    if (!r.ok()) return r.errors();
    return ids;
}

// ---- lists ----

std::optional<WorkItem> WorkspaceTasks::item(WorkRef work) const {
    const State& s = m_ws.state();
    WorkItem it;
    it.ref = work;
    if (work.isTask()) {
        const Task* t = s.task(work.id);
        if (!t) return std::nullopt;
        it.status = t->status;
        it.kind = t->kind;
        it.unit = t->unit;
        it.quantity = t->quantity;
        it.household = t->household;
        it.county = t->divisionCode;
        it.deadline = t->deadline;
        it.what = t->text;
        it.progress = t->progress;
        return it;
    }
    const Allocation* a = s.allocation(work.id);
    if (!a) return std::nullopt;
    const Need* n = s.need(a->need);
    const Offer* o = s.offer(a->offer);
    const Household* h = n ? s.household(n->household) : nullptr;
    it.status = a->status;
    it.quantity = a->quantity;
    it.need = a->need;
    it.offer = a->offer;
    if (n) {
        it.kind = n->kind;
        it.unit = n->unit;
        it.deadline = n->deadline;
        it.household = n->household;
    }
    if (h) it.county = h->divisionCode;
    if (o) {
        it.amountFen = a->quantity * o->unitValueFen;
        it.what = o->title;
    }
    if (const Progress* p = s.progress(a->id)) it.progress = *p;
    return it;
}

std::vector<WorkItem> WorkspaceTasks::items(const WorkFilter& f) const {
    const State& s = m_ws.state();
    const int held = role(m_ws.user()).approverTier;
    std::vector<WorkItem> out;
    const auto consider = [&](WorkRef ref) {
        if (out.size() >= f.limit) return;
        if (f.type && *f.type != ref.type) return;
        const auto it = item(ref);
        if (!it) return;
        if (f.status && *f.status != it->status) return;
        if (f.volunteer != 0 && it->progress.volunteer != f.volunteer) return;
        if (f.household != 0 && it->household != f.household) return;
        if (!f.area.empty() && !DivisionRegistry::isInside(it->county, f.area)) return;
        if (f.advanceOnly && !it->progress.advance) return;
        if (f.awaitingApproval) {
            const Progress* p = ref.isTask() ? nullptr : s.progress(ref.id);
            if (ref.isTask() || !awaitingApproval(it->status, p)) return;
            // Whether this user may approve it is the plugin's call on its amount.
            const auto need = approvalNeed(ref.id);
            if (!need.ok() || !need.value().userMay || held < need.value().tier) return;
        }
        out.push_back(*it);
    };
    for (const Allocation& a : s.dataset().allocations) consider(WorkRef::allocation(a.id));
    for (const Task& t : s.data().tasks) consider(WorkRef::task(t.id));
    return out;
}

} // namespace nuanxin
