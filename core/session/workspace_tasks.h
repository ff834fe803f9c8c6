#pragma once
// From proposal to doorstep, over a Workspace: volunteers and user roles, approval at the tier
// the region's plugin names (分级审批, several approvers where the tier needs them), assignment to
// a volunteer, delivery, confirmation, rejection and cancellation with a reason, 先行救助
// (delivery before approval where the plugin allows it for the amount), the tasks plugins derive
// (home visits, institution safety jobs) and a volunteer's own list. Every change is one journaled
// transaction by the workspace's user at the workspace's time; a refusal changes nothing and
// says why (FieldError: field, value, reason key, detail).
//
// The life of an allocation (statuses of core/model/catalogue.h):
//   Proposed ─approve (enough approvers at the tier)→ Approved ─assign→ Assigned ─deliver→
//   Delivered ─confirm→ Confirmed
//   Proposed ─reject(reason)→ Rejected;  Proposed/Approved/Assigned ─cancel(reason)→ Cancelled
//   Assigned ─reassign(reason, other volunteer)→ Assigned;  ─reassign(reason, 0)→ back to Approved
//   先行救助: Proposed ─assign (plugin allows it for the amount)→ Assigned ─deliver→ Delivered,
//   then approve → still Delivered, now approved → confirm. Confirming before the approval is
//   refused; a refused approval is a rejection (the case stays in the reports).
// A task starts Approved (it needs no approval) and follows the same life from assignment on;
// it can be cancelled, not rejected.
//
// Who may approve: a user's approver tier is a journaled role (setUserRole, cmd::SetUserRole),
// 0 by default. An approval counts when the user holds at least the tier the plugin names for
// the amount (quantity × the offer's unit value in fen); approversNeededFor() (core/store/state.h)
// says how many distinct users: two from tier 3 (county bureau) up, else one. The first approval
// of an allocation that needs two also locks it, so that a matching run keeps it meanwhile.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/session/workspace.h"

namespace nuanxin {

/// @brief What approving an allocation takes now, as the region's plugin says for its amount.
struct ApprovalNeed {
    AllocationId allocation = 0;
    std::int64_t amountFen = 0;         ///< quantity × the offer's unit value
    int tier = 1;                       ///< 0 none, 1 staff, 2 township, 3 county bureau, 4 higher
    int approversNeeded = 1;            ///< approversNeededFor(tier), or more recorded before
    bool deliverBeforeApproval = false; ///< 先行救助 allowed for this amount
    std::string plugin;                 ///< the plugin that decided (empty: the host's default)
    std::int32_t code = 0;
    std::string text;                   ///< the rule, in the workspace's language
    std::vector<Approval> approvals;    ///< given so far
    bool approved = false;
    /// The workspace's user may approve it now (holds the tier, has not approved it yet, and it
    /// is waiting for an approval).
    bool userMay = false;
};

/// @brief One allocation or task as the lifecycle screens list it (no personal data).
struct WorkItem {
    WorkRef ref;
    AllocationStatus status = AllocationStatus::Proposed;
    Kind kind = Kind::Coal;
    Unit unit = Unit::Kg;
    std::int64_t quantity = 0;
    HouseholdId household = 0; ///< 0: an institution task
    std::string county;        ///< the household's (or the task's) 6-digit county
    NeedId need = 0;           ///< allocations only
    OfferId offer = 0;         ///< allocations only
    std::int64_t amountFen = 0; ///< allocations: quantity × unit value
    Date deadline;
    std::string what;          ///< the offer's title, or the task's rule text
    Progress progress;         ///< empty for an allocation nothing happened to yet
    [[nodiscard]] bool approved() const;
    /// Delivered before approval and still waiting for it.
    [[nodiscard]] bool awaitingApprovalAfterDelivery() const;
};

/// @brief Which items to list; every set field must match.
struct WorkFilter {
    std::optional<AllocationStatus> status;
    std::optional<WorkRef::Type> type;
    VolunteerId volunteer = 0;       ///< assigned to this volunteer
    HouseholdId household = 0;
    std::string area;                ///< county inside this 2/4/6-digit code
    bool awaitingApproval = false;   ///< only those the workspace's user may approve now
    bool advanceOnly = false;        ///< only 先行救助 cases
    std::size_t limit = 1000;
};

// ---- the volunteer's side: only their own work, only the personal data needed at the door ----

/// @brief One thing to do at a stop.
struct VolunteerTask {
    WorkRef ref;
    AllocationStatus status = AllocationStatus::Assigned;
    Kind kind = Kind::Coal;
    Unit unit = Unit::Kg;
    std::int64_t quantity = 0;
    std::string what; ///< the offer's title or the task's rule
    Date deadline;
    bool advance = false; ///< 先行救助: hand over now, the approval follows
    bool done = false;    ///< delivered or confirmed
};

/// @brief One address with its household and what to do there. A volunteer sees the name, the
/// address and the phone in full (needed to find and call the household) and the ID number of
/// the household's head masked (enough to check the last digits at the door); nothing else of
/// the household. An institution task has the county's name as its address and no person.
struct VolunteerStop {
    HouseholdId household = 0; ///< 0: institution task
    std::string address;
    std::string name;          ///< the household's head
    std::string maskedId;      ///< maskIdNumber() of the head's ID number
    std::string phone;
    std::vector<VolunteerTask> tasks;
};

/// @brief The stops of one township, in address order. The township is read from the start of
/// the address (up to the first 乡, 镇, 街道 or 苏木, as addresses are written); addresses without
/// one are grouped under an empty township.
struct VolunteerGroup {
    std::string county;     ///< 6-digit code
    std::string countyName; ///< "四川省成都市武侯区"
    std::string township;
    std::vector<VolunteerStop> stops;
};

/// @brief A volunteer's list: what the screen shows, the print view prints and the CSV holds.
struct VolunteerSheet {
    VolunteerId volunteer = 0;
    std::string volunteerName;
    std::vector<VolunteerGroup> groups; ///< by county code, then township
    std::size_t open = 0;               ///< tasks to do
    std::size_t done = 0;               ///< delivered or confirmed (with includeDone)
};

/// @brief One of a volunteer's tasks opened on its own (the detail view).
struct VolunteerTaskCard {
    VolunteerGroup where; ///< its group with the one stop and the one task
    Progress progress;
};

/// @brief The lifecycle operations over one workspace. Cheap to make (a reference): a screen may
/// make one per frame. Everything goes through the workspace's store, so the browser's offline
/// store queues a volunteer's "done" like any other change (no network is involved).
class WorkspaceTasks {
public:
    explicit WorkspaceTasks(Workspace& ws) : m_ws(ws) {}

    // ---- volunteers and roles ----
    /// @brief Registers a volunteer (id assigned here): name and division required, phone valid.
    Result<VolunteerId> addVolunteer(Volunteer volunteer);
    /// @brief Replaces a volunteer's name, phone, division, kinds and active flag.
    Result<std::uint64_t> updateVolunteer(const Volunteer& volunteer);
    /// @brief Gives a user an approver tier (0..4) and/or makes them a volunteer (0: none).
    Result<std::uint64_t> setUserRole(const std::string& user, UserRole role);
    [[nodiscard]] UserRole role(const std::string& user) const;
    /// @brief The volunteer the workspace's user is; nullopt for staff.
    [[nodiscard]] std::optional<VolunteerId> currentVolunteer() const;

    // ---- approval ----
    /// @brief What approving `allocation` takes now (the plugin asked with today's settings).
    [[nodiscard]] Result<ApprovalNeed> approvalNeed(AllocationId allocation) const;
    /// @brief The workspace's user approves each allocation (one transaction, all or none).
    /// Refused: a tier the user does not hold, a second approval by the same user, an
    /// allocation not waiting for approval.
    Result<std::uint64_t> approve(const std::vector<AllocationId>& allocations);

    // ---- assignment, delivery, confirmation ----
    /// @brief Assigns to an active volunteer (whose kinds, when listed, include the item's). An
    /// allocation not yet approved is assigned only where the plugin allows 先行救助 for its
    /// amount; otherwise refused with the amount and the plugin's rule.
    Result<std::uint64_t> assign(WorkRef work, VolunteerId volunteer);
    /// @brief Moves an assigned item to another volunteer, or back to the pool with volunteer 0;
    /// the reason is required.
    Result<std::uint64_t> reassign(WorkRef work, VolunteerId volunteer, const std::string& reason);
    /// @brief Records a delivery (a task: done) for the volunteer it is assigned to;
    /// `delivery.volunteer` 0 means that volunteer. `when` 0 means now; a time after now is
    /// refused.
    Result<std::uint64_t> recordDelivery(WorkRef work, Delivery delivery);
    /// @brief Staff confirm a delivery; an allocation delivered before approval needs its
    /// approval first.
    Result<std::uint64_t> confirm(const std::vector<WorkRef>& work);
    /// @brief Rejects proposals (or 先行救助 deliveries whose approval is refused), one reason for
    /// all, in one transaction: all or none. Reason required.
    Result<std::uint64_t> reject(const std::vector<AllocationId>& allocations, const std::string& reason);
    /// @brief Cancels anything not yet delivered; reason required.
    Result<std::uint64_t> cancel(WorkRef work, const std::string& reason);

    // ---- derived tasks ----
    /// @brief Asks the plugins for the service tasks of every household (home visits ...) and of
    /// every county with a household (institution safety jobs) and adds those not there yet (the
    /// same household or county, plugin, rule and kind, whatever their status: a cancelled task
    /// is not made again). One transaction; returns the new ids. Goods and cash that plugins
    /// derive are needs, not tasks, and are left out.
    Result<std::vector<TaskId>> deriveTasks();

    // ---- lists ----
    [[nodiscard]] std::optional<WorkItem> item(WorkRef work) const;
    /// @brief Allocations (by id) then tasks (by id) matching the filter.
    [[nodiscard]] std::vector<WorkItem> items(const WorkFilter& filter) const;

    // ---- the volunteer's own view ----
    /// @brief The volunteer's assigned work (and, with includeDone, what they delivered),
    /// grouped by county and township, stops in address order.
    [[nodiscard]] VolunteerSheet volunteerSheet(VolunteerId volunteer,
                                                bool includeDone = false) const;
    /// @brief One task of the volunteer's; refused (LifeErrNotYourTask) when it is assigned to
    /// someone else or to nobody: a volunteer never sees another's households.
    [[nodiscard]] Result<VolunteerTaskCard> openTask(VolunteerId volunteer, WorkRef work) const;
    /// @brief The volunteer marks their own task done (a delivery by them, now unless
    /// `delivery.when` says earlier); refused for another's task.
    Result<std::uint64_t> markDone(VolunteerId volunteer, WorkRef work, Delivery delivery);

private:
    Workspace& m_ws;
};

/// @brief The sheet as CSV for Excel (UTF-8 with BOM, every cell quoted): township, address,
/// name, masked ID, phone, what, quantity, unit, deadline, status. The address, name and phone
/// are in it because the list is for delivering; nothing else of the household is.
[[nodiscard]] std::string volunteerSheetCsv(const VolunteerSheet& sheet, Lang lang);

/// @brief The township at the start of an address ("杨家镇三合村10组" → "杨家镇"); empty when none.
[[nodiscard]] std::string townshipOf(const std::string& address);

} // namespace nuanxin
