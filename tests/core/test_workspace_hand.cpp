// Matching by hand (candidates ranked as the stated rules rank them, hand-made allocations within
// what is open, left and allowed), the audit history and the CSV preview.
#include <boost/test/unit_test.hpp>


#include "test_workspace_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

std::vector<HouseholdId> householdsOf(const std::vector<Candidate>& list) {
    std::vector<HouseholdId> out;
    for (const Candidate& c : list) out.push_back(c.household);
    return out;
}

bool mentions(const std::vector<HistoryEntry>& entries, const std::string& text) {
    for (const HistoryEntry& e : entries) {
        for (const std::string& line : e.commands) {
            if (line.find(text) != std::string::npos) return true;
        }
    }
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(workspace_hand)

BOOST_AUTO_TEST_CASE(candidates_are_ranked_by_the_stated_rules) {
    WorkspaceFixture f("candidates");
    Workspace& ws = *f.ws;
    // Every member is born 1960-01-01: 64 on 2024-11-15, elderly, 5 member points. By the
    // national default: 特困 is tier 0 (score 5 + category 10 = 15); 低保 tier 1 (5 + 5 = 10,
    // an urgent need + 20 = 30); 其他低收入 tier 3 (5). The donor sits in 锦江区 (510104): its
    // households are distance 0, 青羊区 (510105) households distance 1 (same city).
    const auto add = [&](int n, const char* county, Category c, Date registered = {2024, 10, 8}) {
        return required(ws.addHousehold(person(n, county, {c}, registered)));
    };
    const HouseholdId dibao = add(1, "510104", Category::Dibao);
    const HouseholdId tekun = add(2, "510104", Category::Tekun);
    const HouseholdId urgent = add(3, "510104", Category::Dibao);
    const HouseholdId farther = add(4, "510105", Category::Dibao);
    const HouseholdId sooner = add(5, "510104", Category::Dibao);
    const HouseholdId earlier = add(6, "510104", Category::Dibao, Date{2024, 9, 1});
    const HouseholdId other = add(7, "510104", Category::OtherLowIncome);
    const HouseholdId outside = add(8, "510703", Category::Tekun); // 绵阳: not covered
    Household shy = person(9, "510104", {Category::Tekun});
    shy.consentToShare = false; // a charity's offer needs consent
    const HouseholdId noConsent = required(ws.addHousehold(shy));

    const NeedId dibaoNeed = required(ws.addNeed(coal(dibao, 300)));
    required(ws.addNeed(coal(tekun, 100)));
    required(ws.addNeed(coal(urgent, 100, {2024, 12, 20}, Urgency::Urgent)));
    required(ws.addNeed(coal(farther, 100)));
    required(ws.addNeed(coal(sooner, 100, {2024, 12, 10})));
    required(ws.addNeed(coal(earlier, 100)));
    required(ws.addNeed(coal(other, 100)));
    required(ws.addNeed(coal(outside, 100)));
    required(ws.addNeed(coal(noConsent, 100)));
    Need quilts = coal(tekun, 2);
    quilts.kind = Kind::Quilt;
    quilts.unit = Unit::Piece;
    required(ws.addNeed(quilts)); // another kind
    const NeedId closed = required(ws.addNeed(coal(tekun, 50)));
    required(ws.closeNeed(closed, NeedStatus::Closed));

    const DonorId donor = required(ws.addDonor(charity("510104")));
    const OfferId offer = required(ws.addOffer(coalOffer(donor, 1000, 250)));
    const OfferId elsewhere = required(ws.addOffer(coalOffer(donor, 1000)));
    // 100 of the 低保 need already given by another offer (approved): 200 stay open.
    const AllocationId given = required(ws.assign(dibaoNeed, elsewhere, 100));
    required(ws.setStatus({given}, AllocationStatus::Approved));

    const std::vector<Candidate> list = ws.candidatesFor(offer);
    // tier 0; tier 1 by score (30 first); then score 10 by distance (0 before 1), deadline
    // (12-10 first), registration (09-01 before 10-08); tier 3 last.
    const std::vector<HouseholdId> expected = {tekun,   urgent, sooner, earlier,
                                               dibao,   farther, other};
    BOOST_TEST(householdsOf(list) == expected, boost::test_tools::per_element());
    BOOST_REQUIRE(list.size() == expected.size());
    BOOST_TEST(list[0].tier == 0);
    BOOST_TEST(list[0].score == 15);
    BOOST_TEST(list[1].score == 30);
    BOOST_TEST(list[4].tier == 1);
    BOOST_TEST(list[4].score == 10);
    BOOST_TEST(list[4].distance == 0);
    BOOST_TEST(list[5].distance == 1);
    BOOST_TEST(list[6].tier == 3);
    BOOST_TEST(list[4].open == 200);
    BOOST_TEST(list[4].possible == 200); // open 200, cap 250, room 1000
    BOOST_TEST(list[0].possible == 100);
    BOOST_TEST(!list[0].reasons.empty());
    BOOST_TEST(ws.candidatesFor(offer, 2).size() == 2U);
    BOOST_TEST(ws.candidatesFor(999).empty());
}

BOOST_AUTO_TEST_CASE(assign_stays_within_open_room_and_cap) {
    WorkspaceFixture f("assign-limits");
    Workspace& ws = *f.ws;
    const HouseholdId h = required(ws.addHousehold(person(1, "510104", {Category::Dibao})));
    const NeedId a = required(ws.addNeed(coal(h, 200)));
    const NeedId b = required(ws.addNeed(coal(h, 200))); // the same household's second need
    const DonorId d = required(ws.addDonor(charity()));
    const OfferId capped = required(ws.addOffer(coalOffer(d, 1000, 150)));
    const OfferId small = required(ws.addOffer(coalOffer(d, 80)));
    const std::uint64_t sequence = ws.state().sequence();

    auto r = ws.assign(a, capped, 160); // cap 150 per household
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasError(r.errors(), "quantity", Str::SessionErrBeyondCap));
    BOOST_TEST(r.errors().front().detail == "150");
    r = ws.assign(a, small, 90); // 80 left
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasError(r.errors(), "quantity", Str::SessionErrBeyondRoom));
    r = ws.assign(a, capped, 0);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(ws.state().sequence() == sequence);

    required(ws.assign(a, capped, 100));
    // The cap is the household's: its other need may take only the 50 left under it.
    r = ws.assign(b, capped, 60);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.errors().front().detail == "50");
    required(ws.assign(b, capped, 50));
    // Need a: 200 - 100 = 100 open; 120 is beyond it (and beyond the small offer's 80).
    r = ws.assign(a, small, 120);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasError(r.errors(), "quantity", Str::SessionErrBeyondOpen));
    BOOST_TEST(hasError(r.errors(), "quantity", Str::SessionErrBeyondRoom));
    const AllocationId last = required(ws.assign(a, small, 80));
    // Unassigned, its units are open and left again.
    required(ws.unassign(last));
    BOOST_TEST(ws.assign(a, small, 80).ok());
    // A closed need takes nothing more.
    required(ws.closeNeed(b, NeedStatus::Met));
    r = ws.assign(b, small, 1);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(hasError(r.errors(), "need", Str::SessionErrNeedNotOpen));
}

BOOST_AUTO_TEST_CASE(history_lists_what_touched_a_household_without_personal_data) {
    WorkspaceFixture f("history");
    Workspace& ws = *f.ws;
    const Household first = person(1, "510104", {Category::Dibao});
    const HouseholdId a = required(ws.addHousehold(first));             // 1
    const HouseholdId b = required(ws.addHousehold(person(2, "510104", {Category::Tekun}))); // 2
    const NeedId na = required(ws.addNeed(coal(a, 100)));                 // 3
    const NeedId nb = required(ws.addNeed(coal(b, 100)));                 // 4
    const DonorId d = required(ws.addDonor(charity()));                   // 5
    const OfferId o = required(ws.addOffer(coalOffer(d, 500)));           // 6
    const AllocationId x = required(ws.assign(na, o, 50));                // 7
    const AllocationId y = required(ws.assign(nb, o, 70));                // 8
    Household changed = *ws.state().household(a);
    changed.phone = "13800003333";
    required(ws.updateHousehold(changed));                                // 9
    required(ws.setStatus({x}, AllocationStatus::Approved));              // 10
    required(ws.setStatus({y}, AllocationStatus::Approved));              // 11: b's

    const auto all = ws.history({});
    BOOST_REQUIRE(all.size() == 11U);
    BOOST_TEST(all.front().sequence == 11U); // newest first
    BOOST_TEST(all.back().sequence == 1U);

    HistoryFilter byHousehold;
    byHousehold.household = a;
    const auto mine = ws.history(byHousehold);
    std::vector<std::uint64_t> sequences;
    for (const HistoryEntry& e : mine) sequences.push_back(e.sequence);
    const std::vector<std::uint64_t> expected = {10, 9, 7, 3, 1};
    BOOST_TEST(sequences == expected, boost::test_tools::per_element());
    BOOST_TEST(mentions(mine, "update_household household=" + std::to_string(a)));
    BOOST_TEST(mentions(mine, "propose_allocation allocation=" + std::to_string(x)));
    // Names, ID numbers, phones and addresses never appear.
    for (const std::string& secret : {first.members[0].idNumber, first.phone,
                                      std::string("13800003333"), first.members[0].name,
                                      first.address}) {
        BOOST_TEST(!mentions(all, secret), "history shows personal data");
    }

    HistoryFilter byOffer;
    byOffer.offer = o;
    byOffer.limit = 2;
    const auto offers = ws.history(byOffer);
    BOOST_REQUIRE(offers.size() == 2U);
    BOOST_TEST(offers[0].sequence == 11U); // the approvals of its allocations
    BOOST_TEST(offers[1].sequence == 10U);

    // Later records are read on the next call.
    required(ws.addNeed(coal(a, 30)));
    BOOST_TEST(ws.history(byHousehold).front().sequence == 12U);
}

BOOST_AUTO_TEST_CASE(preview_maps_headers_and_masks_personal_values) {
    WorkspaceFixture f("preview");
    const HeaderMap defaults = HeaderMap::defaults(ImportTarget::Households);
    // An office's GB18030 export (tests/data/import): 4 records, one address over two lines.
    const std::string gb = readFile(dataDir() + "/import/households_gb18030.csv");
    BOOST_REQUIRE(!gb.empty());
    const ImportPreview p = f.ws->previewCsv(gb, ImportTarget::Households, defaults, 1);
    BOOST_REQUIRE(!p.fatal);
    BOOST_TEST((p.encoding == Encoding::Gb18030));
    const std::vector<std::string> fields = {"household", "name",  "id_number", "division",
                                             "category",  "phone", "address",   "need",
                                             "quantity",  "consent"};
    BOOST_TEST(p.fields == fields, boost::test_tools::per_element());
    BOOST_TEST(p.headers.front() == "户编号");
    BOOST_TEST(p.missingRequired.empty());
    BOOST_TEST(p.totalRows == 4U);
    BOOST_REQUIRE(p.rows.size() == 1U); // as many as asked
    const std::vector<std::string>& row = p.rows[0];
    BOOST_REQUIRE(row.size() == 10U);
    BOOST_TEST(row[0] == "H1");
    BOOST_TEST(row[1] != "张建国");
    BOOST_TEST(row[1].rfind("张", 0) == 0U); // the family name stays
    BOOST_TEST(row[2] != "510104195003150113");
    BOOST_TEST(row[2].substr(0, 4) == "5101");
    BOOST_TEST(row[3] == "510104");
    BOOST_TEST(row[5] != "13912345001");
    BOOST_TEST(row[6] != "四川省成都市锦江区春熙路1号,3单元");
    BOOST_TEST(row[7] == "煤炭");

    // A column no header maps: a number in it is hidden all the same.
    const std::string id = idNumber("510104", "19600101", 42);
    const ImportPreview own = f.ws->previewCsv("姓名,户主证件,备注\n王秀兰," + id + ",行动不便\n",
                                               ImportTarget::Households, defaults);
    BOOST_REQUIRE(!own.fatal);
    BOOST_TEST((own.encoding == Encoding::Utf8));
    const std::vector<std::string> ownFields = {"name", "", "note"};
    BOOST_TEST(own.fields == ownFields, boost::test_tools::per_element());
    BOOST_TEST(own.missingRequired == (std::vector<std::string>{"id_number", "division"}),
               boost::test_tools::per_element());
    BOOST_REQUIRE(own.rows.size() == 1U);
    BOOST_TEST(own.rows[0][1] != id);
    BOOST_TEST(own.rows[0][1].find(id.substr(4, 10)) == std::string::npos);
    BOOST_TEST(own.rows[0][2] == "行动不便");

    const ImportPreview broken =
        f.ws->previewCsv("name,division\n\"open,510104\n", ImportTarget::Households, defaults);
    BOOST_TEST(broken.fatal.has_value());
    BOOST_TEST(broken.rows.empty());
}

BOOST_AUTO_TEST_SUITE_END()
