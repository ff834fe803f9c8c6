// The lifecycle commands at the store: every transition allowed and every refusal (wrong tier,
// the same approver twice, delivering a cancelled item, confirming before delivery, a missing
// reason, someone else's task), 先行救助 at the store level, replay and reopening, and a journal
// written before these commands existed.
#include <boost/test/unit_test.hpp>

#include "core/store/journal.h"
#include "core/store/store.h"

#include "test_store_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

using S = AllocationStatus;

std::unique_ptr<Store> openStore(PosixFileSystem& fs, const std::string& dir) {
    auto s = Store::open(fs, dir, DivisionRegistry::builtIn());
    BOOST_REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.errors().front().describe(Lang::En)));
    return std::move(s.value());
}

/// The first error's reason of a refused submission (Str::Count_ when it was accepted).
Str refusal(Store& s, std::vector<Command> commands, Timestamp when = kNow) {
    auto r = s.submit(Submission{"张老师", when, std::move(commands)});
    return r.ok() ? Str::Count_ : r.errors().front().reason;
}

void accept(Store& s, std::vector<Command> commands, Timestamp when = kNow) {
    auto r = s.submit(Submission{"张老师", when, std::move(commands)});
    BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.errors().front().describe(Lang::En)));
}

Volunteer volunteer(VolunteerId id, std::vector<Kind> kinds = {}) {
    Volunteer v;
    v.id = id;
    v.name = "志愿者" + std::to_string(id);
    v.phone = "1370000000" + std::to_string(id);
    v.divisionCode = "510104";
    v.kinds = std::move(kinds);
    return v;
}

Allocation proposal(AllocationId id, NeedId need, std::int64_t quantity) {
    Allocation a;
    a.id = id;
    a.need = need;
    a.offer = 1;
    a.quantity = quantity;
    return a;
}

/// One household with a 300 kg coal need, a charity's coal offer (1.20 yuan a kg), allocations
/// 1..3 proposed (100 kg each), volunteers 1 (coal), 2 (anything) and 3 (visits only), and
/// users: 李审批 tier 2, 王局 and 赵局 tier 3, 钱员 tier 1, 小刘 volunteer 1.
void campaign(Store& s) {
    Need n;
    n.id = 1;
    n.household = 1;
    n.kind = Kind::Coal;
    n.unit = Unit::Kg;
    n.quantity = 300;
    n.deadline = Date{2024, 12, 20};
    Offer o;
    o.id = 1;
    o.donor = 1;
    o.kind = Kind::Coal;
    o.unit = Unit::Kg;
    o.capacity = 1000;
    o.unitValueFen = 120;
    o.coverage = {"51"};
    o.windowStart = Date{2024, 11, 1};
    o.windowEnd = Date{2025, 2, 28};
    o.title = "过冬煤炭";
    accept(s, {cmd::RegisterHousehold{household(1, 1)}, cmd::AddNeed{n},
               cmd::AddDonor{Donor{1, "示例基金会", DonorType::Charity, "51", ""}},
               cmd::AddOffer{o}, cmd::ProposeAllocation{proposal(1, 1, 100)},
               cmd::ProposeAllocation{proposal(2, 1, 100)},
               cmd::ProposeAllocation{proposal(3, 1, 100)}});
    accept(s, {cmd::RegisterVolunteer{volunteer(1, {Kind::Coal})},
               cmd::RegisterVolunteer{volunteer(2)},
               cmd::RegisterVolunteer{volunteer(3, {Kind::HomeVisit})},
               cmd::SetUserRole{"李审批", UserRole{2, 0}}, cmd::SetUserRole{"王局", UserRole{3, 0}},
               cmd::SetUserRole{"赵局", UserRole{3, 0}}, cmd::SetUserRole{"钱员", UserRole{1, 0}},
               cmd::SetUserRole{"小刘", UserRole{0, 1}}});
}

cmd::ApproveAllocation approval(AllocationId id, const std::string& who, int tier) {
    return cmd::ApproveAllocation{id, who, tier, approversNeededFor(tier), kNow};
}

cmd::AssignWork assignment(WorkRef w, VolunteerId v, std::string reason = {}) {
    return cmd::AssignWork{w, v, std::move(reason), false, -1, 0, kNow};
}

cmd::RecordDelivery delivery(WorkRef w, VolunteerId v, Timestamp when = kNow - 3600) {
    return cmd::RecordDelivery{w, Delivery{when, v, "交给户主本人", "IMG_0042.jpg"}};
}

Task visitTask(TaskId id) {
    Task t;
    t.id = id;
    t.household = 1;
    t.divisionCode = "510104";
    t.kind = Kind::HomeVisit;
    t.unit = Unit::Visit;
    t.quantity = 1;
    t.deadline = Date{2024, 12, 31};
    t.plugin = "sichuan";
    t.code = 105;
    t.text = "爱心敲门";
    return t;
}

const WorkRef kA1 = WorkRef::allocation(1);
const WorkRef kA2 = WorkRef::allocation(2);
const WorkRef kA3 = WorkRef::allocation(3);

} // namespace

BOOST_AUTO_TEST_SUITE(lifecycle_store)

BOOST_AUTO_TEST_CASE(approval_needs_the_tier_and_enough_distinct_approvers) {
    PosixFileSystem fs;
    auto s = openStore(fs, freshDir("life-approve"));
    campaign(*s);
    // Tier 2, one approver: tier 1 is too low, an unknown user holds tier 0.
    BOOST_TEST((refusal(*s, {approval(1, "钱员", 2)}) == Str::LifeErrTierTooLow));
    BOOST_TEST((refusal(*s, {approval(1, "路人", 1)}) == Str::LifeErrTierTooLow));
    // A count below the rule, a tier outside 0..4.
    BOOST_TEST((refusal(*s, {cmd::ApproveAllocation{1, "王局", 3, 1, kNow}}) ==
                Str::LifeErrApproversNeeded));
    BOOST_TEST((refusal(*s, {cmd::ApproveAllocation{1, "王局", 5, 2, kNow}}) == Str::LifeErrTier));
    accept(*s, {approval(1, "李审批", 2)});
    BOOST_TEST((s->state().allocation(1)->status == S::Approved));
    const Progress* p = s->state().progress(1);
    BOOST_REQUIRE(p);
    BOOST_REQUIRE(p->approvals.size() == 1U);
    BOOST_TEST(p->approvals[0].user == "李审批");
    BOOST_TEST(p->approvals[0].tierHeld == 2);
    BOOST_TEST(p->approvals[0].when == kNow);
    BOOST_TEST(p->approved);
    // Approved already: not waiting for another approval.
    BOOST_TEST((refusal(*s, {approval(1, "王局", 2)}) == Str::LifeErrNotAwaitingApproval));

    // Tier 3: two distinct approvers holding tier 3 or more.
    BOOST_TEST((refusal(*s, {approval(2, "李审批", 3)}) == Str::LifeErrTierTooLow));
    accept(*s, {approval(2, "王局", 3)});
    BOOST_TEST((s->state().allocation(2)->status == S::Proposed)); // one of two
    BOOST_TEST((refusal(*s, {approval(2, "王局", 3)}) == Str::LifeErrSameApprover));
    // Both in one transaction by the same user: the second sees the first.
    BOOST_TEST((refusal(*s, {approval(3, "赵局", 3), approval(3, "赵局", 3)}) ==
                Str::LifeErrSameApprover));
    BOOST_TEST(!s->state().progress(3)); // nothing of the refused transaction stayed
    accept(*s, {approval(2, "赵局", 3)});
    BOOST_TEST((s->state().allocation(2)->status == S::Approved));
    BOOST_TEST(s->state().progress(2)->approvals.size() == 2U);
    // The older status command may not approve past a recorded tier.
    accept(*s, {approval(3, "王局", 3)});
    BOOST_TEST((refusal(*s, {cmd::SetAllocationStatus{3, S::Approved}}) == Str::LifeErrTierTooLow));
}

BOOST_AUTO_TEST_CASE(assign_deliver_confirm_and_every_refusal_on_the_way) {
    PosixFileSystem fs;
    auto s = openStore(fs, freshDir("life-deliver"));
    campaign(*s);
    // Not approved: no assignment without 先行救助.
    BOOST_TEST((refusal(*s, {assignment(kA1, 1)}) == Str::LifeErrNotApproved));
    accept(*s, {approval(1, "李审批", 2)});
    // Unknown, inactive, wrong kind.
    BOOST_TEST((refusal(*s, {assignment(kA1, 9)}) == Str::LifeErrUnknownVolunteer));
    BOOST_TEST((refusal(*s, {assignment(kA1, 3)}) == Str::LifeErrVolunteerKind));
    Volunteer away = volunteer(2);
    away.active = false;
    accept(*s, {cmd::UpdateVolunteer{away}});
    BOOST_TEST((refusal(*s, {assignment(kA1, 2)}) == Str::LifeErrVolunteerInactive));
    accept(*s, {cmd::UpdateVolunteer{volunteer(2)}});
    // Confirming before delivery.
    BOOST_TEST((refusal(*s, {cmd::ConfirmWork{kA1, "张老师", kNow}}) == Str::StoreErrTransition));
    accept(*s, {assignment(kA1, 1)});
    BOOST_TEST((s->state().allocation(1)->status == S::Assigned));
    BOOST_TEST(s->state().progress(1)->volunteer == 1U);
    BOOST_TEST((refusal(*s, {cmd::ConfirmWork{kA1, "张老师", kNow}}) == Str::StoreErrTransition));
    // Reassigning: a reason, another volunteer.
    BOOST_TEST((refusal(*s, {assignment(kA1, 2)}) == Str::LifeErrReasonRequired));
    BOOST_TEST((refusal(*s, {assignment(kA1, 2, "  ")}) == Str::LifeErrReasonRequired));
    BOOST_TEST((refusal(*s, {assignment(kA1, 1, "再派一次")}) == Str::LifeErrSameVolunteer));
    accept(*s, {assignment(kA1, 2, "小刘生病")});
    BOOST_TEST(s->state().progress(1)->volunteer == 2U);
    BOOST_TEST(s->state().progress(1)->reason == "小刘生病");
    // Back to the pool, then to volunteer 1 again.
    accept(*s, {assignment(kA1, 0, "暂无人手")});
    BOOST_TEST((s->state().allocation(1)->status == S::Approved));
    accept(*s, {assignment(kA1, 1)});
    // Delivery: only by the volunteer it is assigned to, not in the future, a plain photo name.
    BOOST_TEST((refusal(*s, {delivery(kA1, 2)}) == Str::LifeErrNotYourTask));
    BOOST_TEST((refusal(*s, {delivery(kA1, 1, kNow + 2 * 86400)}) == Str::LifeErrFutureTime));
    auto bad = delivery(kA1, 1);
    bad.delivery.photo = "../../etc/passwd";
    BOOST_TEST((refusal(*s, {bad}) == Str::LifeErrPhoto));
    accept(*s, {delivery(kA1, 1)});
    const Progress* p = s->state().progress(1);
    BOOST_TEST((s->state().allocation(1)->status == S::Delivered));
    BOOST_TEST(p->delivered);
    BOOST_TEST(p->delivery.when == kNow - 3600);
    BOOST_TEST(p->delivery.volunteer == 1U);
    BOOST_TEST(p->delivery.photo == "IMG_0042.jpg");
    // Delivered: no cancelling, no second delivery.
    BOOST_TEST((refusal(*s, {cmd::EndWork{kA1, S::Cancelled, "取消"}}) ==
                Str::LifeErrAlreadyDelivered));
    BOOST_TEST((refusal(*s, {delivery(kA1, 1)}) == Str::StoreErrTransition));
    accept(*s, {cmd::ConfirmWork{kA1, "张老师", kNow}});
    BOOST_TEST((s->state().allocation(1)->status == S::Confirmed));
    BOOST_TEST(s->state().progress(1)->confirmedBy == "张老师");
    BOOST_TEST((refusal(*s, {cmd::ConfirmWork{kA1, "张老师", kNow}}) == Str::StoreErrTransition));
}

BOOST_AUTO_TEST_CASE(reject_and_cancel_need_a_reason_and_end_the_life) {
    PosixFileSystem fs;
    auto s = openStore(fs, freshDir("life-end"));
    campaign(*s);
    BOOST_TEST((refusal(*s, {cmd::EndWork{kA1, S::Rejected, ""}}) == Str::LifeErrReasonRequired));
    BOOST_TEST((refusal(*s, {cmd::EndWork{kA1, S::Delivered, "x"}}) == Str::LifeErrEndStatus));
    accept(*s, {cmd::EndWork{kA1, S::Rejected, "已由他处救助"}});
    BOOST_TEST((s->state().allocation(1)->status == S::Rejected));
    BOOST_TEST(s->state().progress(1)->reason == "已由他处救助");
    BOOST_TEST((refusal(*s, {cmd::EndWork{kA1, S::Cancelled, "再撤"}}) == Str::StoreErrTransition));
    // An approved one is cancelled, not rejected.
    accept(*s, {approval(2, "李审批", 2)});
    BOOST_TEST((refusal(*s, {cmd::EndWork{kA2, S::Rejected, "不批"}}) == Str::StoreErrTransition));
    accept(*s, {assignment(kA2, 1)});
    accept(*s, {cmd::EndWork{kA2, S::Cancelled, "户主已搬走"}});
    BOOST_TEST((s->state().allocation(2)->status == S::Cancelled));
    // Delivering a cancelled allocation is refused.
    BOOST_TEST((refusal(*s, {delivery(kA2, 1)}) == Str::StoreErrTransition));
    BOOST_TEST((refusal(*s, {assignment(kA2, 1)}) == Str::StoreErrTransition));
}

BOOST_AUTO_TEST_CASE(tasks_follow_the_same_life) {
    PosixFileSystem fs;
    auto s = openStore(fs, freshDir("life-tasks"));
    campaign(*s);
    // Ids ascend; a household must exist; a county code.
    Task t1 = visitTask(1);
    Task wrongCounty = visitTask(2);
    wrongCounty.divisionCode = "5101";
    BOOST_TEST((refusal(*s, {cmd::AddTask{wrongCounty}}) == Str::ErrDivisionNotCounty));
    Task done = visitTask(1);
    done.progress.volunteer = 2; // a task arrives unassigned: assignments are their own record
    BOOST_TEST((refusal(*s, {cmd::AddTask{done}}) == Str::StoreErrTransition));
    accept(*s, {cmd::AddTask{t1}, cmd::AddTask{visitTask(2)}});
    BOOST_TEST((refusal(*s, {cmd::AddTask{visitTask(2)}}) == Str::StoreErrIdInUse));
    BOOST_TEST(s->state().nextIds().task == 3U);
    const WorkRef task1 = WorkRef::task(1);
    const WorkRef task2 = WorkRef::task(2);
    BOOST_TEST((s->state().task(1)->status == S::Approved)); // ready to assign, no approval
    BOOST_TEST((refusal(*s, {assignment(task1, 1)}) == Str::LifeErrVolunteerKind)); // coal only
    accept(*s, {assignment(task1, 3)});
    BOOST_TEST((refusal(*s, {delivery(task1, 1)}) == Str::LifeErrNotYourTask));
    BOOST_TEST((refusal(*s, {cmd::ConfirmWork{task1, "张老师", kNow}}) == Str::StoreErrTransition));
    accept(*s, {delivery(task1, 3)});
    accept(*s, {cmd::ConfirmWork{task1, "张老师", kNow}});
    BOOST_TEST((s->state().task(1)->status == S::Confirmed));
    // A task is cancelled (with a reason), never rejected; a cancelled one cannot be done.
    BOOST_TEST((refusal(*s, {cmd::EndWork{task2, S::Rejected, "不需要"}}) ==
                Str::LifeErrTaskNotRejected));
    BOOST_TEST((refusal(*s, {cmd::EndWork{task2, S::Cancelled, ""}}) == Str::LifeErrReasonRequired));
    accept(*s, {assignment(task2, 2)});
    accept(*s, {cmd::EndWork{task2, S::Cancelled, "老人已入住养老院"}});
    BOOST_TEST((refusal(*s, {delivery(task2, 2)}) == Str::StoreErrTransition));
    BOOST_TEST((refusal(*s, {cmd::RecordDelivery{WorkRef::task(9), Delivery{kNow, 2, "", ""}}}) ==
                Str::LifeErrUnknownTask));
}

BOOST_AUTO_TEST_CASE(advance_delivery_then_approval_then_confirmation) {
    PosixFileSystem fs;
    auto s = openStore(fs, freshDir("life-advance"));
    campaign(*s);
    // 先行救助 as the workspace records it: assigned before approval, with the tier it needs.
    cmd::AssignWork ahead{kA1, 1, {}, true, 3, 2, kNow};
    accept(*s, {ahead});
    BOOST_TEST((s->state().allocation(1)->status == S::Assigned));
    const Progress* p = s->state().progress(1);
    BOOST_TEST(p->advance);
    BOOST_TEST(!p->approved);
    BOOST_TEST(p->requiredTier == 3);
    BOOST_TEST(!isApproved(S::Assigned, p));
    accept(*s, {delivery(kA1, 1)});
    // Confirming before the approval follows: refused, by either command.
    BOOST_TEST((refusal(*s, {cmd::ConfirmWork{kA1, "张老师", kNow}}) ==
                Str::LifeErrConfirmBeforeApproval));
    BOOST_TEST((refusal(*s, {cmd::SetAllocationStatus{1, S::Confirmed}}) ==
                Str::LifeErrConfirmBeforeApproval));
    accept(*s, {approval(1, "王局", 3)});
    BOOST_TEST(!s->state().progress(1)->approved); // tier 3: two approvers
    BOOST_TEST((refusal(*s, {cmd::ConfirmWork{kA1, "张老师", kNow}}) ==
                Str::LifeErrConfirmBeforeApproval));
    accept(*s, {approval(1, "赵局", 3)});
    BOOST_TEST(s->state().progress(1)->approved);
    BOOST_TEST((s->state().allocation(1)->status == S::Delivered)); // still delivered, now approved
    accept(*s, {cmd::ConfirmWork{kA1, "张老师", kNow}});
    BOOST_TEST(s->state().progress(1)->advance); // the case stays flagged

    // An advance case whose approval is refused is rejected after delivery.
    accept(*s, {cmd::AssignWork{kA2, 1, {}, true, 2, 1, kNow}, delivery(kA2, 1)});
    accept(*s, {cmd::EndWork{kA2, S::Rejected, "不符合临时救助条件"}});
    BOOST_TEST((s->state().allocation(2)->status == S::Rejected));
    // Taken back before delivery: waiting for approval like any proposal.
    accept(*s, {cmd::AssignWork{kA3, 1, {}, true, 2, 1, kNow}});
    accept(*s, {assignment(kA3, 0, "改为先审批")});
    BOOST_TEST((s->state().allocation(3)->status == S::Proposed));
    BOOST_TEST(!s->state().progress(3)->advance);
    // An approved allocation is not assigned "in advance".
    accept(*s, {approval(3, "李审批", 2)});
    BOOST_TEST((refusal(*s, {cmd::AssignWork{kA3, 1, {}, true, 2, 1, kNow}}) ==
                Str::StoreErrTransition));
}

BOOST_AUTO_TEST_CASE(roles_and_volunteers_are_checked) {
    PosixFileSystem fs;
    auto s = openStore(fs, freshDir("life-roles"));
    campaign(*s);
    BOOST_TEST((refusal(*s, {cmd::SetUserRole{"", UserRole{1, 0}}}) == Str::ErrRequired));
    BOOST_TEST((refusal(*s, {cmd::SetUserRole{"x", UserRole{7, 0}}}) == Str::LifeErrTier));
    BOOST_TEST((refusal(*s, {cmd::SetUserRole{"x", UserRole{0, 9}}}) == Str::LifeErrUnknownVolunteer));
    // Volunteer 1 is 小刘 already: one person, one user.
    BOOST_TEST((refusal(*s, {cmd::SetUserRole{"别人", UserRole{0, 1}}}) == Str::StoreErrIdInUse));
    BOOST_TEST(s->state().role("小刘").volunteer == 1U);
    accept(*s, {cmd::SetUserRole{"小刘", UserRole{}}}); // the role taken away
    BOOST_TEST(s->state().role("小刘").volunteer == 0U);
    BOOST_TEST(s->state().data().users.count("小刘") == 0U);
    // A volunteer's phone is validated, the id unique.
    Volunteer v = volunteer(4);
    v.phone = "12345";
    BOOST_TEST((refusal(*s, {cmd::RegisterVolunteer{v}}) == Str::ErrPhone));
    BOOST_TEST((refusal(*s, {cmd::RegisterVolunteer{volunteer(1)}}) == Str::StoreErrIdInUse));
    BOOST_TEST((refusal(*s, {cmd::UpdateVolunteer{volunteer(8)}}) == Str::LifeErrUnknownVolunteer));
    BOOST_TEST(s->state().nextIds().volunteer == 4U);
}

BOOST_AUTO_TEST_CASE(replay_snapshot_and_reopening_keep_all_of_it) {
    PosixFileSystem fs;
    const std::string dir = freshDir("life-reopen");
    std::string before;
    {
        auto s = openStore(fs, dir);
        campaign(*s);
        accept(*s, {approval(1, "王局", 3)});
        accept(*s, {cmd::AssignWork{kA2, 1, {}, true, 2, 1, kNow}, delivery(kA2, 1)});
        accept(*s, {cmd::AddTask{visitTask(1)}, assignment(WorkRef::task(1), 3)});
        accept(*s, {cmd::EndWork{kA3, S::Rejected, "重复"}});
        before = encodeSnapshot(s->state().data(), 0);
    }
    // Replayed from the journal alone.
    {
        auto s = openStore(fs, dir);
        BOOST_TEST(!s->report().snapshotUsed);
        BOOST_TEST((encodeSnapshot(s->state().data(), 0) == before));
        const Progress* p = s->state().progress(2);
        BOOST_REQUIRE(p);
        BOOST_TEST(p->advance);
        BOOST_TEST(p->delivery.note == "交给户主本人");
        BOOST_TEST(s->state().task(1)->progress.volunteer == 3U);
        BOOST_TEST(s->state().role("王局").approverTier == 3);
        BOOST_REQUIRE(s->writeSnapshot(nullptr));
    }
    // From the snapshot (format 4), and the snapshot equals the replayed journal.
    auto s = openStore(fs, dir);
    BOOST_TEST(s->report().snapshotUsed);
    BOOST_TEST((encodeSnapshot(s->state().data(), 0) == before));
    BOOST_TEST(verifyStore(fs, dir).ok());
    BOOST_TEST(s->state().data().data.volunteers.size() == 3U);
}

BOOST_AUTO_TEST_CASE(journal_written_before_the_lifecycle_still_opens) {
    // tests/data/journal_before_lifecycle.nxj: the sample campaign (tests/core/sample_commands.h)
    // as the store wrote it before these commands existed (snapshot format 3).
    const std::string old = readFile(dataDir() + "/journal_before_lifecycle.nxj");
    BOOST_REQUIRE(old.size() > kJournalHeaderSize);
    PosixFileSystem fs;
    const std::string dir = freshDir("life-old-journal");
    writeFile(Store::journalPath(dir), old);
    {
        auto s = openStore(fs, dir);
        BOOST_TEST(!s->report().tailCut());
        BOOST_TEST(s->report().replayed == 13U);
        BOOST_TEST(s->state().dataset().households.size() == 2U);
        BOOST_TEST((s->state().allocation(1)->status == S::Approved));
        BOOST_TEST(s->state().allocation(1)->locked);
        BOOST_TEST(!s->state().progress(1)); // approved by the older command: no detail
        BOOST_TEST(isApproved(S::Approved, s->state().progress(1)));
        // The new commands go on after the old records.
        accept(*s, {cmd::RegisterVolunteer{volunteer(1)}, cmd::AssignWork{kA1, 1, {}, false, -1, 0, kNow}});
        accept(*s, {delivery(kA1, 1)}, kNow + 60);
        BOOST_REQUIRE(s->writeSnapshot(nullptr));
    }
    auto s = openStore(fs, dir);
    BOOST_TEST((s->state().allocation(1)->status == S::Delivered));
    BOOST_TEST(verifyStore(fs, dir).ok());
}

BOOST_AUTO_TEST_SUITE_END()
