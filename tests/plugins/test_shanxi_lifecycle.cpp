// Shanxi's 先行救助 and 分级审批 through the workspace's lifecycle (core/session/workspace_tasks.h),
// with the real plugin (built in, or loaded from its file). From the notice: "全面落实'先行救助'
// '分级审批'等政策规定"; the amounts are settings, set here: help first up to 1000 yuan, the
// township approves up to 1000 yuan, the county bureau up to 5000, above that the county
// government. The national base adds a winter safety check of each county's institutions.
#include <filesystem>

#include <boost/test/unit_test.hpp>

#include "core/report/coverage.h"
#include "core/session/workspace_tasks.h"

#include "plugin_support.h"
#include "test_store_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

const char* const kTaiyuan = "140105"; // 太原市小店区

struct ShanxiWorkspace {
    Regions regions;
    PosixFileSystem fs;
    std::unique_ptr<Workspace> ws;

    explicit ShanxiWorkspace(const std::string& name) {
        BOOST_REQUIRE(!regions.host->setSetting("shanxi", "advance_relief_max_yuan", "1000"));
        BOOST_REQUIRE(!regions.host->setSetting("shanxi", "township_approval_max_yuan", "1000"));
        BOOST_REQUIRE(!regions.host->setSetting("shanxi", "county_approval_max_yuan", "5000"));
        const std::string dir = workDir() + "/lifecycle-" + name + (fromFiles() ? "-files" : "-builtin");
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        auto store = Store::open(fs, dir, DivisionRegistry::builtIn());
        BOOST_REQUIRE(store.ok());
        WorkspaceConfig c;
        c.user = "民政干事";
        c.clock = [] { return kNow; };
        ws = std::make_unique<Workspace>(std::move(store.value()), *regions.host, c);
    }
};

template <class T> T required(const Result<T>& r) {
    BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.errors().front().describe(Lang::En)));
    return r.value();
}

Household taiyuan(int n, CategorySet categories) {
    Household h = nuanxin::test::household(0, n, "太原市慈善总会");
    h.divisionCode = kTaiyuan;
    h.address = "坞城街道某某路" + std::to_string(n) + "号";
    h.categories = categories;
    h.members[0].idNumber = idNumber(kTaiyuan, "19600101", 2 * n);
    return h;
}

/// 临时救助 of `yuan` for a new household, proposed by hand from `offer`.
AllocationId relief(Workspace& ws, int n, OfferId offer, std::int64_t yuan) {
    const HouseholdId h = required(ws.addHousehold(taiyuan(n, {Category::DisasterStranded})));
    Need need;
    need.household = h;
    need.kind = Kind::TemporaryAssistance;
    need.unit = Unit::Yuan;
    need.quantity = yuan;
    need.deadline = Date{2024, 12, 31};
    return required(ws.assign(required(ws.addNeed(need)), offer, yuan));
}

OfferId cashOffer(Workspace& ws) {
    Donor d;
    d.name = "太原市慈善总会";
    d.divisionCode = "1401";
    const DonorId donor = required(ws.addDonor(d));
    Offer o;
    o.donor = donor;
    o.kind = Kind::TemporaryAssistance;
    o.unit = Unit::Yuan;
    o.capacity = 100000;
    o.unitValueFen = 100; // one yuan is a hundred fen
    o.coverage = {"14"};
    o.windowStart = Date{2024, 11, 1};
    o.windowEnd = Date{2025, 3, 31};
    o.title = "临时救助金";
    return required(ws.addOffer(o));
}

} // namespace

BOOST_AUTO_TEST_SUITE(shanxi_lifecycle)

BOOST_AUTO_TEST_CASE(help_first_within_the_limit_and_refused_beyond_it) {
    ShanxiWorkspace s("advance");
    Workspace& ws = *s.ws;
    WorkspaceTasks t(ws);
    const OfferId offer = cashOffer(ws);
    const AllocationId small = relief(ws, 1, offer, 800);
    const AllocationId atLimit = relief(ws, 2, offer, 1000);
    const AllocationId beyond = relief(ws, 3, offer, 1500);
    const AllocationId large = relief(ws, 4, offer, 6000);
    struct Expected {
        AllocationId id;
        int tier;
        int approvers;
        bool first;
        std::int32_t code;
    };
    for (const Expected& e : {Expected{small, 2, 1, true, 302}, Expected{atLimit, 2, 1, true, 302},
                              Expected{beyond, 3, 2, false, 303}, Expected{large, 4, 2, false, 304}}) {
        const ApprovalNeed n = required(t.approvalNeed(e.id));
        BOOST_TEST_CONTEXT("allocation " << e.id) {
            BOOST_TEST(n.plugin == "shanxi");
            BOOST_TEST(n.code == e.code);
            BOOST_TEST(n.tier == e.tier);
            BOOST_TEST(n.approversNeeded == e.approvers);
            BOOST_TEST(n.deliverBeforeApproval == e.first);
        }
    }
    const VolunteerId v = required(t.addVolunteer([] {
        Volunteer x;
        x.name = "张志愿";
        x.phone = "13500001234";
        x.divisionCode = kTaiyuan;
        return x;
    }()));
    // Within the limit: out of the door before the paperwork.
    required(t.assign(WorkRef::allocation(small), v));
    required(t.assign(WorkRef::allocation(atLimit), v));
    // Beyond it: refused, saying the amount and the rule.
    const auto refused = t.assign(WorkRef::allocation(beyond), v);
    BOOST_REQUIRE(!refused.ok());
    const FieldError& e = refused.errors().front();
    BOOST_TEST((e.reason == Str::LifeErrAdvanceNotAllowed));
    BOOST_TEST(e.detail.find("1500.00 yuan") != std::string::npos);
    BOOST_TEST(e.detail.find("shanxi#303") != std::string::npos);
    BOOST_TEST(e.describe(Lang::Zh).find("此金额不允许先行救助") != std::string::npos);

    required(t.markDone(v, WorkRef::allocation(small), Delivery{0, 0, "现金已交本人", ""}));
    BOOST_TEST((t.confirm({WorkRef::allocation(small)}).errors().front().reason ==
                Str::LifeErrConfirmBeforeApproval));
    // The approval follows: the township office (tier 2) for 800 yuan.
    required(t.setUserRole("乡镇审批员", UserRole{2, 0}));
    ws.setUser("乡镇审批员");
    required(t.approve({small}));
    BOOST_TEST((t.approve({beyond}).errors().front().reason == Str::LifeErrTierTooLow));
    ws.setUser("民政干事");
    required(t.confirm({WorkRef::allocation(small)}));
    BOOST_TEST((ws.state().allocation(small)->status == AllocationStatus::Confirmed));

    // The county bureau's two approvers for 1500 yuan, then it goes out the ordinary way.
    required(t.setUserRole("县局甲", UserRole{3, 0}));
    required(t.setUserRole("县局乙", UserRole{3, 0}));
    ws.setUser("县局甲");
    required(t.approve({beyond}));
    BOOST_TEST((t.approve({beyond}).errors().front().reason == Str::LifeErrSameApprover));
    ws.setUser("县局乙");
    required(t.approve({beyond}));
    BOOST_TEST((ws.state().allocation(beyond)->status == AllocationStatus::Approved));
    required(t.assign(WorkRef::allocation(beyond), v));

    // The report flags the help-first cases: one approved since, one still waiting.
    ReportOptions o;
    o.day = dateOf(kNow);
    const CoverageReport r = required(coverageReport(ws.store(), *s.regions.host, o));
    BOOST_REQUIRE(r.advance.size() == 2U);
    BOOST_TEST(r.advance[0].allocation == small);
    BOOST_TEST(r.advance[0].approved);
    BOOST_TEST(r.advance[0].tier == 2);
    BOOST_TEST(r.advance[1].allocation == atLimit);
    BOOST_TEST(!r.advance[1].approved);
}

BOOST_AUTO_TEST_CASE(visits_and_institution_tasks_from_the_plugins) {
    ShanxiWorkspace s("tasks");
    Workspace& ws = *s.ws;
    WorkspaceTasks t(ws);
    const HouseholdId h = required(ws.addHousehold(taiyuan(1, {Category::Tekun})));
    required(ws.addHousehold(taiyuan(2, {Category::Dibao})));
    // 分散供养人员 visit (shanxi#306); in the county: the national safety check (national#1),
    // snow clearing (shanxi#309) and wiring (shanxi#310), the base's first.
    const auto ids = required(t.deriveTasks());
    BOOST_REQUIRE(ids.size() == 4U);
    const State& st = ws.state();
    BOOST_TEST(st.task(ids[0])->household == h);
    BOOST_TEST((st.task(ids[0])->kind == Kind::HomeVisit));
    BOOST_TEST(st.task(ids[0])->code == 306);
    BOOST_TEST(st.task(ids[1])->plugin == "national");
    BOOST_TEST((st.task(ids[1])->kind == Kind::SafetyCheck));
    BOOST_TEST((st.task(ids[2])->kind == Kind::SnowClearing));
    BOOST_TEST((st.task(ids[3])->kind == Kind::WiringRepair));
    BOOST_TEST(st.task(ids[3])->divisionCode == kTaiyuan);
    BOOST_TEST(required(t.deriveTasks()).empty());
}

BOOST_AUTO_TEST_SUITE_END()
