// Matching through the workspace: in steps (as a frame loop without threads runs it), saved in
// one transaction that withdraws the earlier unlocked proposals (keeping those it makes again
// unchanged), cancellable without a trace;
// review of its proposals all or nothing; hand-made allocations kept by later runs.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>

#include "core/demo/generator.h"
#include "core/match/job.h"
#include "core/plugin/plugin_policy.h"

#include "test_workspace_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

const Timestamp kDemoNow = Date{2026, 12, 2}.daysSinceEpoch() * 86400 + 12 * 3600;

struct Pair {
    NeedId need;
    OfferId offer;
    std::int64_t quantity;
    bool operator==(const Pair& o) const {
        return need == o.need && offer == o.offer && quantity == o.quantity;
    }
};

std::vector<Pair> pairs(const std::vector<Allocation>& list, std::size_t from = 0) {
    std::vector<Pair> out;
    for (std::size_t i = from; i < list.size(); ++i) {
        out.push_back({list[i].need, list[i].offer, list[i].quantity});
    }
    return out;
}

std::int64_t given(const Dataset& d, NeedId need, AllocationStatus status) {
    std::int64_t sum = 0;
    for (const Allocation& a : d.allocations) {
        if (a.need == need && a.status == status) sum += a.quantity;
    }
    return sum;
}

/// Two Chengdu households (tier 0: 特困; tier 1: 低保), one coal need of `quantity` each, and one
/// offer of `capacity` from a charity of the same county.
struct TwoHouseholds {
    HouseholdId first = 0, second = 0;
    NeedId firstNeed = 0, secondNeed = 0;
    DonorId donor = 0;
    OfferId offer = 0;
    TwoHouseholds(Workspace& ws, std::int64_t quantity, std::int64_t capacity) {
        first = required(ws.addHousehold(person(1, "510104", {Category::Tekun})));
        second = required(ws.addHousehold(person(2, "510104", {Category::Dibao})));
        firstNeed = required(ws.addNeed(coal(first, quantity)));
        secondNeed = required(ws.addNeed(coal(second, quantity)));
        donor = required(ws.addDonor(charity()));
        offer = required(ws.addOffer(coalOffer(donor, capacity)));
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(workspace_match)

BOOST_AUTO_TEST_CASE(a_run_in_steps_saves_what_match_finds) {
    DemoOptions options;
    options.households = 300;
    options.seed = 11;
    const Dataset demo = generateDemo(options, DivisionRegistry::builtIn());
    WorkspaceFixture f("steps", kDemoNow);
    Workspace& ws = *f.ws;
    required(ws.loadDataset(demo));
    const std::uint64_t sequence = ws.state().sequence();

    // The same run in one go, with the policy the workspace builds (plugins over the default).
    Dataset same = ws.data();
    const NationalDefaultPolicy root;
    const PluginPolicy policy(f.host, root, Lang::Zh, same.donors);
    MatchOptions mo;
    mo.asOf = dateOf(kDemoNow);
    const MatchResult whole = required(match(same, policy, mo));
    BOOST_REQUIRE(whole.allocations.size() > whole.lockedCount);

    BOOST_REQUIRE(ws.startMatching());
    int calls = 1;
    double last = 0.0;
    bool sawSolve = false;
    bool sawSave = false;
    while (ws.stepMatching(0.0)) { // one step per call: the frame loop's worst case
        ++calls;
        const MatchProgress p = ws.matchingProgress();
        BOOST_TEST(p.fraction >= last);
        last = p.fraction;
        sawSolve = sawSolve || p.phase == Str::MatchPhaseSolve;
        sawSave = sawSave || p.phase == Str::MatchPhaseSave;
    }
    BOOST_TEST(calls >= 6); // prepare, build, solve, hand-out, reasons, save
    BOOST_TEST(sawSolve);
    BOOST_TEST(sawSave);
    BOOST_TEST(!ws.matching());
    BOOST_TEST((ws.matchingProgress().phase == Str::MatchPhaseDone));

    const MatchOutcome* out = ws.lastMatch();
    BOOST_REQUIRE(out);
    BOOST_TEST(!out->error.has_value());
    BOOST_TEST(!out->cancelled);
    const std::size_t proposals = whole.allocations.size() - whole.lockedCount;
    BOOST_TEST(out->proposed == proposals);
    BOOST_TEST(out->withdrawn == 0U);
    BOOST_TEST(ws.state().sequence() == sequence + 1); // one transaction
    // Saved in the store: the same (need, offer, quantity) in the same order, ids after the
    // store's last one (none before: 1, 2, ...), so even the digests agree.
    const std::vector<Allocation> saved = withStatus(ws.data(), AllocationStatus::Proposed);
    BOOST_TEST((pairs(saved) == pairs(whole.allocations, whole.lockedCount)));
    BOOST_TEST(allocationDigest(saved) == allocationDigest(whole.allocations));
    BOOST_TEST(allocationDigest(out->result.allocations) == allocationDigest(whole.allocations));
    // Nothing was in force before: every saved pair is a change from 0.
    std::int64_t changed = 0;
    for (const AllocationChange& c : out->changes) {
        BOOST_TEST(c.before == 0);
        changed += c.after;
    }
    std::int64_t total = 0;
    for (const Allocation& a : saved) total += a.quantity;
    BOOST_TEST(changed == total);
}

BOOST_AUTO_TEST_CASE(a_job_gives_the_same_allocations_however_it_is_stepped) {
    DemoOptions options;
    options.households = 200;
    options.seed = 5;
    Dataset demo = generateDemo(options, DivisionRegistry::builtIn());
    const NationalDefaultPolicy policy;
    for (const MatchMode mode : {MatchMode::Engine, MatchMode::Reference, MatchMode::Greedy}) {
        MatchOptions mo;
        mo.mode = mode;
        mo.threads = 1;
        const MatchResult one = required(match(demo, policy, mo));
        mo.threads = 2;
        MatchJob job(demo, policy, mo);
        int steps = 0;
        while (job.step()) ++steps;
        BOOST_TEST(job.finished());
        BOOST_TEST(steps >= 2);
        const MatchResult stepped = required(job.take());
        BOOST_TEST(allocationDigest(stepped.allocations) == allocationDigest(one.allocations));
        BOOST_TEST((stepped.objective == one.objective));
    }
    MatchJob cancelled(demo, policy);
    BOOST_REQUIRE(cancelled.step());
    cancelled.cancel();
    BOOST_TEST(!cancelled.step());
    const auto r = cancelled.take();
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.errors().front().reason == Str::MatchCancelled));
}

BOOST_AUTO_TEST_CASE(a_run_withdraws_earlier_unlocked_proposals_and_keeps_locked_ones) {
    WorkspaceFixture f("withdraw");
    Workspace& ws = *f.ws;
    // Demand 200, supply 150: the 特困 household's 100 come first, the 低保 one gets 50.
    TwoHouseholds t(ws, 100, 150);
    runMatching(ws);
    BOOST_REQUIRE(ws.lastMatch() && !ws.lastMatch()->error);
    BOOST_TEST(given(ws.data(), t.firstNeed, AllocationStatus::Proposed) == 100);
    BOOST_TEST(given(ws.data(), t.secondNeed, AllocationStatus::Proposed) == 50);
    std::map<NeedId, AllocationId> first;
    for (const Allocation& a : ws.data().allocations) first[a.need] = a.id;
    BOOST_REQUIRE(first.size() == 2U);
    required(ws.setLocked({first[t.secondNeed]}, true));

    // More coal arrives; the next run may rearrange everything nobody locked.
    required(ws.addOffer(coalOffer(t.donor, 100)));
    runMatching(ws);
    const MatchOutcome* out = ws.lastMatch();
    BOOST_REQUIRE(out);
    BOOST_TEST(!out->error.has_value());
    const Allocation& kept = *ws.state().allocation(first[t.secondNeed]);
    BOOST_TEST((kept.status == AllocationStatus::Proposed));
    BOOST_TEST(kept.locked);
    BOOST_TEST(kept.quantity == 50);
    // The first need's earlier 100 either comes again from the same offer (then that proposal
    // stays, same id) or from the new one (then it is withdrawn): which is the engine's tie
    // rule between two equally near offers.
    const Allocation& earlier = *ws.state().allocation(first[t.firstNeed]);
    BOOST_TEST(out->kept + out->withdrawn == 1U);
    BOOST_TEST((earlier.status == (out->kept == 1U ? AllocationStatus::Proposed : AllocationStatus::Cancelled)));
    // Supply 250 covers demand 200: both needs end fully served.
    BOOST_TEST(given(ws.data(), t.firstNeed, AllocationStatus::Proposed) == 100);
    BOOST_TEST(given(ws.data(), t.secondNeed, AllocationStatus::Proposed) == 100);
    // The changes, per need: the first keeps its 100 (wherever from), the second gains 50.
    std::map<NeedId, std::int64_t> delta;
    for (const AllocationChange& c : out->changes) delta[c.need] += c.after - c.before;
    BOOST_TEST(delta[t.firstNeed] == 0);
    BOOST_TEST(delta[t.secondNeed] == 50);
}

BOOST_AUTO_TEST_CASE(a_re_run_on_unchanged_data_keeps_every_proposal_and_journals_nothing) {
    WorkspaceFixture f("rerun");
    Workspace& ws = *f.ws;
    TwoHouseholds t(ws, 100, 150);
    runMatching(ws);
    BOOST_REQUIRE(ws.lastMatch() && !ws.lastMatch()->error);
    BOOST_REQUIRE(ws.lastMatch()->proposed == 2U);
    std::vector<AllocationId> before;
    for (const Allocation& a : ws.data().allocations) before.push_back(a.id);
    const std::uint64_t sequence = ws.state().sequence();

    runMatching(ws); // nothing changed: the same two proposals come out
    const MatchOutcome* out = ws.lastMatch();
    BOOST_REQUIRE(out);
    BOOST_TEST(!out->error.has_value());
    BOOST_TEST(out->kept == 2U);
    BOOST_TEST(out->proposed == 0U);
    BOOST_TEST(out->withdrawn == 0U);
    BOOST_TEST(ws.state().sequence() == sequence);
    std::vector<AllocationId> after;
    for (const Allocation& a : ws.data().allocations) {
        after.push_back(a.id);
        BOOST_TEST((a.status == AllocationStatus::Proposed));
    }
    BOOST_TEST(after == before, boost::test_tools::per_element());
    // The run's result names the kept proposals by their ids in the store.
    for (const Allocation& a : out->result.allocations) {
        BOOST_TEST((std::find(before.begin(), before.end(), a.id) != before.end()));
    }
}

BOOST_AUTO_TEST_CASE(a_cancelled_run_journals_nothing) {
    WorkspaceFixture f("cancel");
    Workspace& ws = *f.ws;
    TwoHouseholds t(ws, 100, 150);
    const std::uint64_t sequence = ws.state().sequence();
    const std::uint64_t bytes = ws.store().journalSize();
    const std::uint64_t revision = ws.revision();
    BOOST_REQUIRE(ws.startMatching());
    BOOST_TEST(ws.stepMatching(0.0));
    ws.cancelMatching();
    BOOST_TEST(!ws.matching());
    BOOST_TEST(!ws.stepMatching(0.0));
    BOOST_REQUIRE(ws.lastMatch());
    BOOST_TEST(ws.lastMatch()->cancelled);
    BOOST_TEST((ws.matchingProgress().phase == Str::MatchCancelled));
    BOOST_TEST(ws.state().sequence() == sequence);
    BOOST_TEST(ws.store().journalSize() == bytes);
    BOOST_TEST(ws.revision() == revision);
    BOOST_TEST(ws.data().allocations.empty());
}

BOOST_AUTO_TEST_CASE(status_changes_are_all_or_nothing) {
    WorkspaceFixture f("status");
    Workspace& ws = *f.ws;
    TwoHouseholds t(ws, 100, 300);
    runMatching(ws);
    std::map<NeedId, AllocationId> id;
    for (const Allocation& a : ws.data().allocations) id[a.need] = a.id;
    BOOST_REQUIRE(id.size() == 2U);
    const AllocationId a = id[t.firstNeed];
    const AllocationId b = id[t.secondNeed];
    required(ws.setStatus({b}, AllocationStatus::Approved));
    const std::uint64_t sequence = ws.state().sequence();

    // b is approved already (approved -> approved is no change the store allows): neither moves.
    auto r = ws.setStatus({a, b}, AllocationStatus::Approved);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((ws.state().allocation(a)->status == AllocationStatus::Proposed));
    BOOST_TEST(ws.state().sequence() == sequence);
    r = ws.setStatus({a, 999}, AllocationStatus::Approved);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasError(r.errors(), "commands[1].allocation", Str::StoreErrUnknownAllocation));
    BOOST_TEST((ws.state().allocation(a)->status == AllocationStatus::Proposed));
    r = ws.setStatus({}, AllocationStatus::Approved);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.errors().front().reason == Str::SessionErrNothingSelected));

    required(ws.setStatus({a, a}, AllocationStatus::Approved)); // once each
    required(ws.setStatus({a, b}, AllocationStatus::Assigned));
    BOOST_TEST((ws.state().allocation(a)->status == AllocationStatus::Assigned));
    BOOST_TEST((ws.state().allocation(b)->status == AllocationStatus::Assigned));
    BOOST_TEST(ws.state().sequence() == sequence + 2);
    // A cancelled allocation cannot be locked; the whole selection is refused.
    required(ws.unassign(b));
    r = ws.setLocked({a, b}, true);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasError(r.errors(), "commands[1].allocation", Str::StoreErrAllocationFinal));
    BOOST_TEST(!ws.state().allocation(a)->locked);
}

BOOST_AUTO_TEST_CASE(a_hand_made_allocation_survives_the_next_run) {
    WorkspaceFixture f("assign-then-run");
    Workspace& ws = *f.ws;
    TwoHouseholds t(ws, 100, 100);
    // By hand, 60 to the 低保 household although the 特困 one ranks higher.
    const AllocationId hand = required(ws.assign(t.secondNeed, t.offer, 60));
    const Allocation& made = *ws.state().allocation(hand);
    BOOST_TEST(made.locked);
    BOOST_TEST((made.status == AllocationStatus::Proposed));
    BOOST_REQUIRE(!made.reasons.empty());
    BOOST_TEST((made.reasons.front().code == Str::SessionReasonByHand));

    runMatching(ws);
    const MatchOutcome* out = ws.lastMatch();
    BOOST_REQUIRE(out && !out->error);
    BOOST_TEST(out->withdrawn == 0U); // a locked proposal is not withdrawn
    BOOST_TEST(out->result.lockedCount == 1U);
    const Allocation& after = *ws.state().allocation(hand);
    BOOST_TEST((after.status == AllocationStatus::Proposed));
    BOOST_TEST(after.quantity == 60);
    // 100 - 60 = 40 left, all to the higher-ranked household; nothing more for the second.
    BOOST_TEST(given(ws.data(), t.firstNeed, AllocationStatus::Proposed) == 40);
    BOOST_TEST(given(ws.data(), t.secondNeed, AllocationStatus::Proposed) == 60);
}

BOOST_AUTO_TEST_SUITE_END()
