// The workspace's intake: one transaction per change, refusals that change nothing, the update
// commands (their checks, their undo, their journal records after a reopen and in a snapshot)
// and whole data sets into an empty store.
#include <boost/test/unit_test.hpp>

#include "core/demo/generator.h"
#include "core/io/export.h"
#include "core/model/equality.h"

#include "test_workspace_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

/// A day after the demo's reference date (2026-12-01), so its registrations lie in the past.
const Timestamp kDemoNow = Date{2026, 12, 2}.daysSinceEpoch() * 86400 + 12 * 3600;

std::size_t members(const Dataset& d) {
    std::size_t n = 0;
    for (const Household& h : d.households) n += h.members.size();
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(workspace_intake)

BOOST_AUTO_TEST_CASE(another_workspace_never_reuses_a_revision) {
    // A screen caching by revision must notice a switch of store, even to one with as many
    // changes as the last (each store's own count would start over).
    WorkspaceFixture f("revision");
    const std::uint64_t first = f.ws->revision();
    f.reopen();
    BOOST_TEST(f.ws->revision() != first);
    WorkspaceFixture g("revision-other");
    BOOST_TEST(g.ws->revision() != f.ws->revision());
    BOOST_TEST(g.ws->revision() != first);
}

BOOST_AUTO_TEST_CASE(add_assigns_ids_and_moves_the_revision) {
    WorkspaceFixture f("add");
    Workspace& ws = *f.ws;
    BOOST_TEST(ws.empty());
    const std::uint64_t r0 = ws.revision();
    Household h = person(1, "510104", {Category::Dibao});
    h.id = 77; // ignored: the workspace numbers
    h.registeredBy.clear();
    const HouseholdId a = required(ws.addHousehold(h));
    BOOST_TEST(a == 1U);
    BOOST_TEST(ws.revision() != r0);
    BOOST_TEST(ws.state().household(a)->registeredBy == "示例慈善会"); // the organisation
    BOOST_TEST(ws.summary().households == 1U);
    const HouseholdId b = required(ws.addHousehold(person(2, "510104", {Category::Tekun})));
    BOOST_TEST(b == 2U);
    BOOST_TEST(ws.summary().households == 2U); // recomputed for the new revision
    BOOST_TEST(!ws.empty());
    // Journaled under the workspace's user and clock.
    const auto entries = ws.history({});
    BOOST_REQUIRE(entries.size() == 2U);
    BOOST_TEST(entries.front().who == "张老师");
    BOOST_TEST(entries.front().when == kNow);
}

BOOST_AUTO_TEST_CASE(update_household_replaces_fields_and_reindexes_people) {
    WorkspaceFixture f("update-household");
    Workspace& ws = *f.ws;
    const HouseholdId a = required(ws.addHousehold(person(1, "510104", {Category::Dibao})));
    const HouseholdId b = required(ws.addHousehold(person(2, "510104", {Category::Dibao})));
    const std::string oldNumber = ws.state().household(a)->members[0].idNumber;
    const std::string newNumber = idNumber("510104", "19600101", 600);
    BOOST_TEST(ws.state().householdOfPerson(oldNumber) == a);

    Household changed = *ws.state().household(a);
    changed.phone = "13800001111";
    changed.address = "四川省成都市锦江区新址1号";
    changed.categories = {Category::Tekun};
    changed.members[0].idNumber = newNumber;
    changed.members[0].name = "李秀英";
    const std::uint64_t rev = ws.revision();
    required(ws.updateHousehold(changed));
    BOOST_TEST(ws.revision() != rev);
    const std::uint64_t changedRev = ws.revision();
    const Household& now = *ws.state().household(a);
    BOOST_TEST(now.phone == "13800001111");
    BOOST_TEST(now.categories.has(Category::Tekun));
    BOOST_TEST(!now.categories.has(Category::Dibao));
    BOOST_TEST(now.members[0].name == "李秀英");
    BOOST_TEST(ws.state().householdOfPerson(newNumber) == a);
    BOOST_TEST(ws.state().householdOfPerson(oldNumber) == 0U); // the old number is free again

    // Refusals, each naming its field; the household stays exactly as it was.
    const Household before = now;
    const std::uint64_t sequence = ws.state().sequence();
    Household bad = before;
    bad.phone = "123";
    auto r = ws.updateHousehold(bad);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasError(r.errors(), "commands[0].phone", Str::ErrPhone));

    Household twice = before; // b's member's number in a
    twice.members[0].idNumber = ws.state().household(b)->members[0].idNumber;
    r = ws.updateHousehold(twice);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasError(r.errors(), "commands[0].members[0].id_number",
                        Str::StoreErrPersonRegistered));

    Household more = before; // members are the same people: none added here
    more.members.push_back(person(3, "510104", {}).members[0]);
    r = ws.updateHousehold(more);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasError(r.errors(), "commands[0].members", Str::StoreErrMembersChanged));

    Household moved = before;
    moved.divisionCode = "510105";
    r = ws.updateHousehold(moved);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasError(r.errors(), "commands[0].division_code", Str::StoreErrNotChangeable));

    Household unknown = before;
    unknown.id = 99;
    BOOST_TEST(!ws.updateHousehold(unknown).ok());

    BOOST_TEST((*ws.state().household(a) == before));
    BOOST_TEST(ws.state().sequence() == sequence);
    BOOST_TEST(ws.revision() == changedRev); // refusals change nothing
    BOOST_TEST(ws.state().householdOfPerson(newNumber) == a);
}

BOOST_AUTO_TEST_CASE(update_offer_may_not_drop_below_what_approved_allocations_use) {
    WorkspaceFixture f("update-offer");
    Workspace& ws = *f.ws;
    const HouseholdId h = required(ws.addHousehold(person(1, "510104", {Category::Dibao})));
    const NeedId n = required(ws.addNeed(coal(h, 400)));
    const DonorId d = required(ws.addDonor(charity()));
    const OfferId o = required(ws.addOffer(coalOffer(d, 500)));
    const AllocationId a = required(ws.assign(n, o, 300));
    // A proposal does not bind the capacity yet; an approval does.
    Offer offer = *ws.state().offer(o);
    offer.capacity = 100;
    offer.title = "冬季送煤（第二批）";
    required(ws.updateOffer(offer));
    BOOST_TEST(ws.state().offer(o)->capacity == 100);
    offer.capacity = 500;
    required(ws.updateOffer(offer));
    required(ws.setStatus({a}, AllocationStatus::Approved));

    const Offer before = *ws.state().offer(o);
    offer.capacity = 299;
    auto r = ws.updateOffer(offer);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasError(r.errors(), "commands[0].capacity", Str::StoreErrCapacityInUse));
    BOOST_TEST(r.errors().front().detail == "300");
    BOOST_TEST((*ws.state().offer(o) == before));

    Offer otherKind = before;
    otherKind.kind = Kind::Quilt;
    otherKind.unit = Unit::Piece;
    BOOST_TEST(hasError(ws.updateOffer(otherKind).errors(), "commands[0].kind",
                        Str::StoreErrNotChangeable));

    BOOST_TEST(ws.state().offersWith(Kind::Coal, OfferStatus::Open).size() == 1U);
    offer.capacity = 300; // exactly what is used: allowed
    offer.status = OfferStatus::Exhausted;
    required(ws.updateOffer(offer));
    BOOST_TEST(ws.state().offer(o)->capacity == 300);
    BOOST_TEST(ws.state().offersWith(Kind::Coal, OfferStatus::Open).empty());
    BOOST_TEST(ws.state().offersWith(Kind::Coal, OfferStatus::Exhausted).size() == 1U);
}

BOOST_AUTO_TEST_CASE(new_commands_survive_reopening_and_a_snapshot) {
    WorkspaceFixture f("reopen");
    HouseholdId h = 0;
    OfferId o = 0;
    AllocationId a = 0;
    const std::string newNumber = idNumber("510104", "19600101", 700);
    {
        Workspace& ws = *f.ws;
        h = required(ws.addHousehold(person(1, "510104", {Category::Dibao})));
        const NeedId n = required(ws.addNeed(coal(h, 400)));
        const DonorId d = required(ws.addDonor(charity()));
        o = required(ws.addOffer(coalOffer(d, 500)));
        a = required(ws.assign(n, o, 200)); // locked
        Household changed = *ws.state().household(h);
        changed.phone = "13800002222";
        changed.members[0].idNumber = newNumber;
        required(ws.updateHousehold(changed));
        Offer offer = *ws.state().offer(o);
        offer.capacity = 450;
        offer.coverage = {"510104", "510105"};
        required(ws.updateOffer(offer));
        required(ws.setLocked({a}, false));
    }
    const StoreData written = f.ws->state().data();
    f.reopen(); // journal replay
    BOOST_TEST(!f.ws->store().report().snapshotUsed);
    BOOST_TEST(f.ws->store().report().replayed == written.sequence);
    BOOST_TEST((f.ws->data() == written.data));
    BOOST_TEST(f.ws->state().household(h)->phone == "13800002222");
    BOOST_TEST(f.ws->state().householdOfPerson(newNumber) == h);
    BOOST_TEST(f.ws->state().offer(o)->capacity == 450);
    BOOST_TEST(f.ws->state().offer(o)->coverage.size() == 2U);
    BOOST_TEST(!f.ws->state().allocation(a)->locked);

    std::string error;
    BOOST_REQUIRE_MESSAGE(f.ws->store().writeSnapshot(&error), error);
    f.reopen();
    BOOST_TEST(f.ws->store().report().snapshotUsed);
    BOOST_TEST(f.ws->store().report().replayed == 0U);
    BOOST_TEST((f.ws->data() == written.data));
    BOOST_TEST(f.ws->state().householdOfPerson(newNumber) == h);
}

BOOST_AUTO_TEST_CASE(load_dataset_registers_everything_in_one_transaction) {
    DemoOptions options;
    options.households = 60;
    options.seed = 7;
    const Dataset demo = generateDemo(options, DivisionRegistry::builtIn());
    BOOST_REQUIRE(!demo.needs.empty());
    BOOST_REQUIRE(!demo.offers.empty());
    WorkspaceFixture f("load", kDemoNow);
    Workspace& ws = *f.ws;
    const std::uint64_t sequence = required(ws.loadDataset(demo));
    BOOST_TEST(sequence == 1U); // one transaction
    const Dataset& d = ws.data();
    BOOST_TEST(d.households.size() == demo.households.size());
    BOOST_TEST(members(d) == members(demo));
    BOOST_TEST(d.needs.size() == demo.needs.size());
    BOOST_TEST(d.donors.size() == demo.donors.size());
    BOOST_TEST(d.offers.size() == demo.offers.size());
    BOOST_TEST(d.allocations.size() == demo.allocations.size());
    // The demo's volunteers too, so that a demo campaign can be handed out at once.
    BOOST_REQUIRE(!demo.volunteers.empty());
    BOOST_REQUIRE(d.volunteers.size() == demo.volunteers.size());
    for (std::size_t i = 0; i < demo.volunteers.size(); ++i) {
        BOOST_TEST(d.volunteers[i].id == demo.volunteers[i].id);
        BOOST_TEST(d.volunteers[i].name == demo.volunteers[i].name);
        BOOST_TEST(d.volunteers[i].phone == demo.volunteers[i].phone);
    }
    BOOST_TEST(ws.summary().households == demo.households.size());
    // The demo numbers from 1: its ids are kept, so its records compare equal.
    BOOST_TEST((d.households == demo.households));
    BOOST_TEST((d.offers == demo.offers));
    // Only into an empty store.
    auto again = ws.loadDataset(demo);
    BOOST_REQUIRE(!again.ok());
    BOOST_TEST((again.errors().front().reason == Str::SessionErrStoreNotEmpty));
    BOOST_TEST(ws.state().sequence() == 1U);
}

BOOST_AUTO_TEST_CASE(load_dataset_renumbers_ids_it_cannot_keep) {
    Dataset d;
    d.title = "测试活动";
    Household first = person(1, "510104", {Category::Dibao});
    first.id = 0; // no id: the whole kind is numbered afresh
    Household second = person(2, "510104", {Category::Tekun});
    second.id = 5;
    d.households = {first, second};
    Need n = coal(5, 100); // second's need: must follow it to its new id 2
    n.id = 40;
    d.needs = {n};
    Donor donor = charity();
    donor.id = 3;
    d.donors = {donor};
    Offer o = coalOffer(3, 300);
    o.id = 9;
    d.offers = {o};
    Allocation a;
    a.id = 4;
    a.need = 40;
    a.offer = 9;
    a.quantity = 60;
    a.status = AllocationStatus::Delivered; // reached through approved and assigned
    d.allocations = {a};

    WorkspaceFixture f("load-renumber");
    Workspace& ws = *f.ws;
    required(ws.loadDataset(d));
    const State& st = ws.state();
    BOOST_REQUIRE(st.household(1) && st.household(2));
    BOOST_TEST(st.household(2)->categories.has(Category::Tekun));
    BOOST_REQUIRE(st.need(40)); // kept: positive, distinct and free
    BOOST_TEST(st.need(40)->household == 2U);
    BOOST_REQUIRE(st.offer(9));
    BOOST_TEST(st.offer(9)->donor == 3U);
    BOOST_REQUIRE(st.allocation(4));
    BOOST_TEST((st.allocation(4)->status == AllocationStatus::Delivered));
    BOOST_TEST(storeTitle(st) == "测试活动");
}

BOOST_AUTO_TEST_CASE(changes_are_refused_while_a_run_is_going) {
    WorkspaceFixture f("refused-while-matching");
    Workspace& ws = *f.ws;
    const HouseholdId h = required(ws.addHousehold(person(1, "510104", {Category::Dibao})));
    required(ws.addNeed(coal(h, 100)));
    const std::uint64_t sequence = ws.state().sequence();
    BOOST_REQUIRE(ws.startMatching());
    BOOST_TEST(ws.matching());
    BOOST_TEST(!ws.startMatching()); // one run at a time
    auto r = ws.addDonor(charity());
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.errors().front().reason == Str::SessionErrMatching));
    BOOST_TEST(ws.importCsv("name\n", ImportTarget::Donors, "d.csv", {}).fatal.has_value());
    BOOST_TEST(ws.state().sequence() == sequence);
    ws.cancelMatching();
    BOOST_TEST(!ws.matching());
    BOOST_TEST(ws.addDonor(charity()).ok());
}

BOOST_AUTO_TEST_SUITE_END()
