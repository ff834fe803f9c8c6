// The lifecycle through the workspace (core/session/workspace_tasks.h) with the "tiers" plugin
// of lifecycle_support.h: approval tiers worked out from its stated bands, two approvers from
// tier 3, 先行救助 within and beyond its limit, derived tasks, the volunteer's own list and its
// refusals, history with who and when, and reopening.
#include <algorithm>

#include <boost/test/unit_test.hpp>

#include "core/io/csv_write.h"

#include "lifecycle_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

using S = AllocationStatus;

/// A household of `county` with its own address (n distinct, 1..999).
Household at(int n, const std::string& county, const std::string& address,
             CategorySet categories = {Category::Dibao}) {
    Household h = person(n, county, categories);
    h.address = address;
    h.phone = "1390000" + std::to_string(1000 + n);
    return h;
}

/// A household with a coal need of `kg`, and a proposal of `kg` from `offer` for it.
AllocationId proposed(LifecycleFixture& f, int n, OfferId offer, std::int64_t kg,
                      const std::string& county = "510104") {
    const HouseholdId h = required(f.ws->addHousehold(at(n, county, "某某街道" + std::to_string(n) + "号")));
    const NeedId need = required(f.ws->addNeed(coal(h, kg)));
    return required(f.ws->assign(need, offer, kg));
}

OfferId yuanPerKgOffer(LifecycleFixture& f) {
    const DonorId d = required(f.ws->addDonor(charity()));
    return required(f.ws->addOffer(pricedCoal(d, 100000, 100))); // 1 yuan a kg
}

bool mentions(const std::vector<std::string>& lines, const std::string& text) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

} // namespace

BOOST_AUTO_TEST_SUITE(lifecycle_workspace)

BOOST_AUTO_TEST_CASE(approval_tier_comes_from_the_plugin_for_the_amount) {
    LifecycleFixture f("tiers");
    WorkspaceTasks t = f.tasks();
    const OfferId offer = yuanPerKgOffer(f);
    // 1 yuan a kg: 80 kg = 80 yuan (tier 1), 300 (tier 2), 1500 (tier 3), 2500 (tier 4).
    const AllocationId a80 = proposed(f, 1, offer, 80);
    const AllocationId a300 = proposed(f, 2, offer, 300);
    const AllocationId a1500 = proposed(f, 3, offer, 1500);
    const AllocationId a2500 = proposed(f, 4, offer, 2500);
    struct Expected {
        AllocationId id;
        std::int64_t fen;
        int tier, approvers;
        bool advance;
    };
    for (const Expected& e : {Expected{a80, 8000, 1, 1, true}, Expected{a300, 30000, 2, 1, true},
                              Expected{a1500, 150000, 3, 2, false},
                              Expected{a2500, 250000, 4, 2, false}}) {
        const ApprovalNeed n = required(t.approvalNeed(e.id));
        BOOST_TEST_CONTEXT("allocation " << e.id) {
            BOOST_TEST(n.amountFen == e.fen);
            BOOST_TEST(n.tier == e.tier);
            BOOST_TEST(n.approversNeeded == e.approvers);
            BOOST_TEST(n.deliverBeforeApproval == e.advance);
            BOOST_TEST(n.plugin == "tiers");
            BOOST_TEST(n.code == 40 + e.tier);
            BOOST_TEST(!n.userMay); // 张老师 holds no tier yet
        }
    }
    // Wrong tier: no role at all, then tier 2 for a tier-3 amount.
    BOOST_TEST((refusal(t.approve({a80})) == Str::LifeErrTierTooLow));
    required(t.setUserRole("张老师", UserRole{2, 0}));
    BOOST_TEST(required(t.approvalNeed(a300)).userMay);
    required(t.approve({a80, a300}));
    BOOST_TEST((f.ws->state().allocation(a80)->status == S::Approved));
    BOOST_TEST((f.ws->state().allocation(a300)->status == S::Approved));
    BOOST_TEST((refusal(t.approve({a1500})) == Str::LifeErrTierTooLow));

    // Tier 3: two distinct approvers; the first locks it meanwhile.
    required(t.setUserRole("王局", UserRole{3, 0}));
    required(t.setUserRole("赵局", UserRole{4, 0}));
    required(t.setUserRole("孙主任", UserRole{4, 0}));
    f.as("王局");
    required(t.approve({a1500}));
    BOOST_TEST((f.ws->state().allocation(a1500)->status == S::Proposed));
    BOOST_TEST(f.ws->state().allocation(a1500)->locked);
    BOOST_TEST(!required(t.approvalNeed(a1500)).userMay);
    BOOST_TEST((refusal(t.approve({a1500})) == Str::LifeErrSameApprover));
    BOOST_TEST((refusal(t.approve({a2500})) == Str::LifeErrTierTooLow)); // tier 4
    f.as("赵局");
    BOOST_TEST(required(t.approvalNeed(a1500)).userMay);
    required(t.approve({a1500, a2500}));
    BOOST_TEST((f.ws->state().allocation(a1500)->status == S::Approved));
    BOOST_TEST((f.ws->state().allocation(a2500)->status == S::Proposed)); // one of two
    f.as("孙主任");
    required(t.approve({a2500}));
    BOOST_TEST((f.ws->state().allocation(a2500)->status == S::Approved));
    const ApprovalNeed done = required(t.approvalNeed(a2500));
    BOOST_TEST(done.approved);
    BOOST_REQUIRE(done.approvals.size() == 2U);
    BOOST_TEST(done.approvals[0].user == "赵局");
    BOOST_TEST(done.approvals[1].user == "孙主任");
    BOOST_TEST(done.approvals[1].tierHeld == 4);
}

BOOST_AUTO_TEST_CASE(advance_relief_within_and_beyond_the_limit) {
    LifecycleFixture f("advance");
    WorkspaceTasks t = f.tasks();
    const OfferId offer = yuanPerKgOffer(f);
    const AllocationId within = proposed(f, 1, offer, 300); // 300 yuan: the limit itself
    const AllocationId beyond = proposed(f, 2, offer, 301);
    const VolunteerId v = required(t.addVolunteer(helper("刘志愿", "13700001111")));

    required(t.assign(WorkRef::allocation(within), v));
    const auto item = t.item(WorkRef::allocation(within));
    BOOST_REQUIRE(item);
    BOOST_TEST((item->status == S::Assigned));
    BOOST_TEST(item->progress.advance);
    BOOST_TEST(item->progress.requiredTier == 2);
    BOOST_TEST(!item->approved());

    const auto refused = t.assign(WorkRef::allocation(beyond), v);
    BOOST_REQUIRE(!refused.ok());
    BOOST_TEST((refused.errors().front().reason == Str::LifeErrAdvanceNotAllowed));
    BOOST_TEST(refused.errors().front().detail.find("301.00 yuan") != std::string::npos);
    BOOST_TEST(refused.errors().front().detail.find("tiers#42") != std::string::npos);
    BOOST_TEST((f.ws->state().allocation(beyond)->status == S::Proposed));

    // Delivered first; confirmation waits for the approval.
    required(t.recordDelivery(WorkRef::allocation(within), Delivery{0, 0, "现金已发放", ""}));
    BOOST_TEST(t.item(WorkRef::allocation(within))->awaitingApprovalAfterDelivery());
    BOOST_TEST((refusal(t.confirm({WorkRef::allocation(within)})) ==
                Str::LifeErrConfirmBeforeApproval));
    required(t.setUserRole("张老师", UserRole{2, 0}));
    WorkFilter waiting;
    waiting.awaitingApproval = true;
    const auto toApprove = t.items(waiting);
    BOOST_REQUIRE(toApprove.size() == 2U); // the advance case and the proposal beyond the limit
    BOOST_TEST(toApprove[0].ref.id == within);
    required(t.approve({within}));
    required(t.confirm({WorkRef::allocation(within)}));
    BOOST_TEST((f.ws->state().allocation(within)->status == S::Confirmed));

    // A region that raises its limit allows the second one ahead too.
    BOOST_REQUIRE(!f.host.setSetting("tiers", "advance_max_yuan", "500"));
    required(t.assign(WorkRef::allocation(beyond), v));
    WorkFilter advance;
    advance.advanceOnly = true;
    BOOST_TEST(t.items(advance).size() == 2U);
}

BOOST_AUTO_TEST_CASE(volunteer_sees_only_their_tasks_grouped_by_township) {
    LifecycleFixture f("volunteer");
    WorkspaceTasks t = f.tasks();
    const DonorId d = required(f.ws->addDonor(charity()));
    const OfferId offer = required(f.ws->addOffer(pricedCoal(d, 10000, 10)));
    const Household h1 = at(1, "510104", "春熙路街道红星路1号");
    const Household h2 = at(2, "510107", "簇桥街道锦城社区3号");
    const Household h3 = at(3, "510104", "三圣乡红砂村5组");
    std::vector<AllocationId> ids;
    for (const Household& h : {h1, h2, h3}) {
        const HouseholdId id = required(f.ws->addHousehold(h));
        ids.push_back(required(f.ws->assign(required(f.ws->addNeed(coal(id, 100))), offer, 100)));
    }
    required(t.setUserRole("张老师", UserRole{1, 0}));
    required(t.approve(ids)); // 100 kg at 0.10 yuan: 10 yuan, tier 1
    const VolunteerId liu = required(t.addVolunteer(helper("刘志愿", "13700001111")));
    const VolunteerId wang = required(t.addVolunteer(helper("王志愿", "13700002222")));
    required(t.setUserRole("小刘", UserRole{0, liu}));
    required(t.assign(WorkRef::allocation(ids[0]), liu));
    required(t.assign(WorkRef::allocation(ids[1]), wang));
    required(t.assign(WorkRef::allocation(ids[2]), liu));

    f.as("小刘");
    BOOST_TEST((t.currentVolunteer() == std::optional<VolunteerId>(liu)));
    const VolunteerSheet sheet = t.volunteerSheet(liu);
    BOOST_TEST(sheet.volunteerName == "刘志愿");
    BOOST_TEST(sheet.open == 2U);
    BOOST_REQUIRE(sheet.groups.size() == 2U);
    // 三 (U+4E09) sorts before 春 (U+6625): 三圣乡 first, both in 锦江区.
    BOOST_TEST(sheet.groups[0].county == "510104");
    BOOST_TEST(sheet.groups[0].countyName == "四川省成都市锦江区");
    BOOST_TEST(sheet.groups[0].township == "三圣乡");
    BOOST_TEST(sheet.groups[1].township == "春熙路街道");
    BOOST_REQUIRE(sheet.groups[1].stops.size() == 1U);
    const VolunteerStop& stop = sheet.groups[1].stops[0];
    const std::string id1 = h1.members[0].idNumber;
    BOOST_TEST(stop.address == "春熙路街道红星路1号");
    BOOST_TEST(stop.phone == h1.phone);
    BOOST_TEST(stop.name == h1.members[0].name);
    BOOST_TEST(stop.maskedId == id1.substr(0, 4) + "**********" + id1.substr(14));
    BOOST_REQUIRE(stop.tasks.size() == 1U);
    BOOST_TEST((stop.tasks[0].ref == WorkRef::allocation(ids[0])));
    BOOST_TEST(stop.tasks[0].quantity == 100);

    // The printable list: the two stops, nobody else's household, no full ID number.
    const std::string csv = volunteerSheetCsv(sheet, Lang::Zh);
    BOOST_TEST(csv.rfind(std::string(kUtf8Bom), 0) == 0U);
    BOOST_TEST(std::count(csv.begin(), csv.end(), '\n') == 3); // header + 2
    BOOST_TEST(csv.find(h1.phone) != std::string::npos);
    BOOST_TEST(csv.find(stop.maskedId) != std::string::npos);
    BOOST_TEST(csv.find(id1) == std::string::npos);
    BOOST_TEST(csv.find(h2.phone) == std::string::npos);
    BOOST_TEST(csv.find("簇桥街道") == std::string::npos);

    // Another's task: refused, whether opened or marked done.
    const WorkRef wangs = WorkRef::allocation(ids[1]);
    BOOST_TEST((refusal(t.openTask(liu, wangs)) == Str::LifeErrNotYourTask));
    BOOST_TEST((refusal(t.markDone(liu, wangs, Delivery{})) == Str::LifeErrNotYourTask));
    BOOST_TEST((f.ws->state().allocation(ids[1])->status == S::Assigned));
    const VolunteerTaskCard card = required(t.openTask(liu, WorkRef::allocation(ids[2])));
    BOOST_TEST(card.where.township == "三圣乡");
    BOOST_REQUIRE(card.where.stops.size() == 1U);
    BOOST_TEST(card.where.stops[0].tasks.size() == 1U);

    // Marked done: a delivery by them, now, queued in the store like any change.
    *f.clock = kNow + 7200;
    required(t.markDone(liu, WorkRef::allocation(ids[0]), Delivery{0, 0, "已交给本人", "a1b2c3"}));
    const Progress p = t.item(WorkRef::allocation(ids[0]))->progress;
    BOOST_TEST(p.delivery.volunteer == liu);
    BOOST_TEST(p.delivery.when == kNow + 7200);
    BOOST_TEST(p.delivery.photo == "a1b2c3");
    BOOST_TEST(t.volunteerSheet(liu).open == 1U);
    const VolunteerSheet all = t.volunteerSheet(liu, true);
    BOOST_TEST(all.open == 1U);
    BOOST_TEST(all.done == 1U);
    // Staff only see the assignment; nobody is a volunteer by default.
    f.as("张老师");
    BOOST_TEST(!t.currentVolunteer());
}

BOOST_AUTO_TEST_CASE(township_is_read_from_the_address) {
    BOOST_TEST(townshipOf("杨家镇三合村10组40号") == "杨家镇");
    BOOST_TEST(townshipOf("和平街道文化路264号5单元403") == "和平街道");
    BOOST_TEST(townshipOf("黄土乡金鸡村1组27号") == "黄土乡");
    BOOST_TEST(townshipOf("四川省成都市锦江区某某街道1号") == "某某街道");
    BOOST_TEST(townshipOf("山西省临汾市乡宁县昌宁镇东街2号") == "昌宁镇");
    BOOST_TEST(townshipOf("文化路264号").empty());
    BOOST_TEST(townshipOf("").empty());
}

BOOST_AUTO_TEST_CASE(derived_tasks_are_made_once_and_follow_the_life) {
    LifecycleFixture f("derived");
    WorkspaceTasks t = f.tasks();
    const HouseholdId h1 = required(f.ws->addHousehold(at(1, "510104", "某街道1号", {Category::Tekun})));
    const HouseholdId h2 = required(f.ws->addHousehold(at(2, "510107", "某街道2号", {Category::Tekun})));
    required(f.ws->addHousehold(at(3, "510104", "某街道3号", {Category::Dibao})));
    // Visits for the two 特困 households (the subsidy is cash: a need, not a task), then snow
    // clearing in 510104 and 510107.
    const std::vector<TaskId> made = required(t.deriveTasks());
    BOOST_TEST(made == (std::vector<TaskId>{1, 2, 3, 4}), boost::test_tools::per_element());
    const State& s = f.ws->state();
    BOOST_TEST((s.task(1)->kind == Kind::HomeVisit));
    BOOST_TEST(s.task(1)->household == h1);
    BOOST_TEST(s.task(2)->household == h2);
    BOOST_TEST((s.task(3)->kind == Kind::SnowClearing));
    BOOST_TEST(s.task(3)->household == 0U);
    BOOST_TEST(s.task(3)->divisionCode == "510104");
    BOOST_TEST(s.task(4)->divisionCode == "510107");
    BOOST_TEST(s.task(1)->plugin == "tiers");
    BOOST_TEST(s.task(1)->code == 51);
    BOOST_TEST(s.task(1)->text == "探访特困人员");
    BOOST_TEST(required(t.deriveTasks()).empty());
    // Cancelled with a reason, and not made again.
    BOOST_TEST((refusal(t.cancel(WorkRef::task(1), "")) == Str::LifeErrReasonRequired));
    required(t.cancel(WorkRef::task(1), "已入住敬老院"));
    BOOST_TEST(required(t.deriveTasks()).empty());
    BOOST_TEST(s.data().tasks.size() == 4U);

    const VolunteerId v = required(t.addVolunteer(helper("刘志愿", "13700001111")));
    BOOST_TEST((refusal(t.markDone(v, WorkRef::task(2), {})) == Str::LifeErrNotYourTask));
    required(t.assign(WorkRef::task(2), v));
    required(t.markDone(v, WorkRef::task(2), Delivery{0, 0, "老人身体尚好", ""}));
    required(t.confirm({WorkRef::task(2)}));
    BOOST_TEST((s.task(2)->status == S::Confirmed));
    BOOST_TEST((refusal(t.assign(WorkRef::task(1), v)) == Str::StoreErrTransition));
    // The institution task shows up on the volunteer's list under the county's institutions.
    required(t.assign(WorkRef::task(3), v));
    const VolunteerSheet sheet = t.volunteerSheet(v);
    BOOST_REQUIRE(sheet.groups.size() == 1U);
    BOOST_TEST(sheet.groups[0].stops[0].household == 0U);
    BOOST_TEST(sheet.groups[0].stops[0].address == "四川省成都市锦江区民政服务机构");
    BOOST_TEST(sheet.groups[0].stops[0].phone.empty());

    HistoryFilter byTask;
    byTask.task = 2;
    const auto entries = f.ws->history(byTask);
    BOOST_REQUIRE(entries.size() == 4U); // derived, assigned, done, confirmed
    BOOST_TEST(entries[0].commands[0] == "confirm_work task=2");
    BOOST_TEST(entries[3].commands[0].rfind("add_task task=2 household=" + std::to_string(h2), 0) ==
               0U);
}

BOOST_AUTO_TEST_CASE(history_of_an_allocation_says_who_and_when_in_the_users_language) {
    LifecycleFixture f("history");
    WorkspaceTasks t = f.tasks();
    const OfferId offer = yuanPerKgOffer(f);
    const AllocationId a = proposed(f, 1, offer, 1500); // tier 3: two approvers
    required(t.setUserRole("王局", UserRole{3, 0}));
    required(t.setUserRole("赵局", UserRole{3, 0}));
    const VolunteerId v = required(t.addVolunteer(helper("刘志愿", "13700001111")));
    f.as("王局");
    *f.clock = kNow + 100;
    required(t.approve({a}));
    f.as("赵局");
    *f.clock = kNow + 200;
    required(t.approve({a}));
    f.as("张老师");
    *f.clock = kNow + 300;
    required(t.assign(WorkRef::allocation(a), v));
    required(t.reassign(WorkRef::allocation(a), 0, "志愿者临时有事"));
    BOOST_TEST((refusal(t.reassign(WorkRef::allocation(a), v, "再派")) == Str::StoreErrTransition));
    required(t.assign(WorkRef::allocation(a), v));
    required(t.recordDelivery(WorkRef::allocation(a), Delivery{0, 0, "王秀兰本人签收", ""}));
    required(t.confirm({WorkRef::allocation(a)}));

    HistoryFilter byAllocation;
    byAllocation.allocation = a;
    const auto h = f.ws->history(byAllocation);
    // proposed by hand (locked already, so the first approval adds no lock), approved ×2,
    // assigned, taken back, assigned, delivered, confirmed: newest first.
    BOOST_REQUIRE(h.size() == 8U);
    BOOST_TEST(h[0].commands[0] == "confirm_work allocation=" + std::to_string(a));
    BOOST_TEST(h[5].who == "赵局");
    BOOST_TEST(h[5].when == kNow + 200);
    BOOST_TEST(h[5].commands[0] == "approve_allocation allocation=" + std::to_string(a) +
                                       " tier=3 approvers=2");
    BOOST_TEST(h[6].who == "王局");
    BOOST_TEST(h[6].commands.size() == 1U);
    BOOST_TEST(h[3].described[0] == "改派 分配=" + std::to_string(a) +
                                         " 志愿者=0 原因=志愿者临时有事");
    BOOST_TEST(h[5].described[0] == "审批分配 分配=" + std::to_string(a) + " 审批层级=3 审批人数=2");
    // The delivery note (it may name people) is never in the history.
    for (const HistoryEntry& e : h) BOOST_TEST(!mentions(e.described, "王秀兰"));
    f.ws->setLang(Lang::En);
    const auto en = f.ws->history(byAllocation);
    BOOST_TEST(en[5].described[0] == "allocation approved allocation=" + std::to_string(a) +
                                         " tier=3 approvers=2");
    HistoryFilter byVolunteer;
    byVolunteer.volunteer = v;
    BOOST_TEST(f.ws->history(byVolunteer).size() == 4U); // registered, assigned ×2, delivered
}

BOOST_AUTO_TEST_CASE(proposals_are_rejected_together_with_one_reason_or_not_at_all) {
    LifecycleFixture f("reject_many");
    WorkspaceTasks t = f.tasks();
    const OfferId offer = yuanPerKgOffer(f);
    const AllocationId a = proposed(f, 1, offer, 80);
    const AllocationId b = proposed(f, 2, offer, 90);
    const AllocationId c = proposed(f, 3, offer, 70);
    f.as("张老师");
    required(t.setUserRole("张老师", UserRole{1, 0}));
    required(t.approve({c}));
    const auto status = [&](AllocationId id) { return f.ws->state().allocation(id)->status; };
    BOOST_TEST((refusal(t.reject({a, b}, "  ")) == Str::LifeErrReasonRequired));
    BOOST_TEST((refusal(t.reject({}, "重复登记")) == Str::SessionErrNothingSelected));
    // An approved allocation in the selection: nothing is rejected.
    BOOST_TEST((refusal(t.reject({a, c, b}, "重复登记")) == Str::StoreErrTransition));
    BOOST_TEST((status(a) == S::Proposed && status(b) == S::Proposed && status(c) == S::Approved));
    required(t.reject({b, a, b}, "重复登记"));
    BOOST_TEST((status(a) == S::Rejected && status(b) == S::Rejected));
    const auto h = f.ws->history(HistoryFilter{});
    BOOST_REQUIRE(!h.empty());
    BOOST_TEST(h[0].commands.size() == 2U); // one transaction for both, b named once
    BOOST_TEST(mentions(h[0].described, "重复登记"));
}

BOOST_AUTO_TEST_CASE(reopening_keeps_roles_volunteers_and_progress) {
    LifecycleFixture f("reopen");
    WorkspaceTasks t = f.tasks();
    const OfferId offer = yuanPerKgOffer(f);
    const AllocationId a = proposed(f, 1, offer, 200);
    const VolunteerId v = required(t.addVolunteer(helper("刘志愿", "13700001111")));
    required(t.setUserRole("小刘", UserRole{0, v}));
    required(t.assign(WorkRef::allocation(a), v)); // 200 yuan: ahead of its approval
    f.reopen();
    WorkspaceTasks again = f.tasks();
    BOOST_TEST(again.role("小刘").volunteer == v);
    const auto item = again.item(WorkRef::allocation(a));
    BOOST_REQUIRE(item);
    BOOST_TEST((item->status == S::Assigned));
    BOOST_TEST(item->progress.advance);
    BOOST_TEST(item->progress.volunteer == v);
    BOOST_TEST(f.ws->state().volunteer(v)->phone == "13700001111");
    Volunteer changed = *f.ws->state().volunteer(v);
    changed.phone = "bad";
    BOOST_TEST((refusal(again.updateVolunteer(changed)) == Str::ErrPhone));
}

BOOST_AUTO_TEST_SUITE_END()
