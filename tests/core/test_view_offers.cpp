// The offers and donors tables (usage sums, filter, search, sort) and their forms, over a small
// hand-built data set; every expected figure is worked out by hand from the rules in
// core/view/offer_usage.h, offer_rows.h and offer_form.h.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <vector>

#include "core/view/offer_form.h"
#include "core/view/offer_rows.h"
#include "core/view/offer_usage.h"
#include "test_builders.h"

using namespace nuanxin;

namespace {

Offer offer(OfferId id, DonorId donor, Kind kind, std::int64_t capacity, const char* title,
            OfferStatus status = OfferStatus::Open) {
    Offer o;
    o.id = id;
    o.donor = donor;
    o.kind = kind;
    o.unit = kindInfo(kind).unit;
    o.capacity = capacity;
    o.title = title;
    o.status = status;
    o.windowStart = Date{2026, 12, 1};
    o.windowEnd = Date{2027, 2, static_cast<int>(id)}; // O1 ends first
    return o;
}

Allocation allocation(AllocationId id, OfferId o, std::int64_t q, AllocationStatus s) {
    return test::makeAllocation(id, id, o, q, s);
}

/// D1 "Zeta Charity" gives O2 (quilts, 1); D2 "Alpha Coal Co" gives O1 (coal, 200) and O3
/// (heaters, 10, exhausted).
/// O1: 100 approved + 30 delivered → used 130, promised 130, remaining 70.
/// O2: 1 proposed (+1 rejected, +1 cancelled: not counted) → used 1, remaining 0.
/// O3: 1 proposed → used 1, remaining 9. An allocation of an unknown offer 99 is skipped.
Dataset campaign() {
    Dataset d;
    d.donors = {Donor{1, "Zeta Charity", DonorType::Charity, "51", ""},
                Donor{2, "Alpha Coal Co", DonorType::Enterprise, "13", ""}};
    d.offers = {offer(1, 2, Kind::Coal, 200, "Coal for winter"),
                offer(2, 1, Kind::Quilt, 1, "Quilts"),
                offer(3, 2, Kind::Heater, 10, "Heaters", OfferStatus::Exhausted)};
    d.allocations = {
        allocation(1, 1, 100, AllocationStatus::Approved),
        allocation(2, 2, 1, AllocationStatus::Proposed),
        allocation(3, 3, 1, AllocationStatus::Proposed),
        allocation(4, 2, 1, AllocationStatus::Rejected),
        allocation(5, 1, 30, AllocationStatus::Delivered),
        allocation(6, 2, 1, AllocationStatus::Cancelled),
        allocation(7, 99, 5, AllocationStatus::Approved),
    };
    return d;
}

using Ids = std::vector<OfferId>;

Ids query(const OfferQuery& q) {
    const Dataset d = campaign();
    const OfferTable t = buildOfferTable(d);
    Ids out;
    for (std::uint32_t r : buildOfferRows(d, t, q)) out.push_back(d.offers[r].id);
    return out;
}

bool hasError(const FieldErrors& errors, const std::string& field, Str reason) {
    return std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) {
        return e.field == field && e.reason == reason;
    });
}

std::size_t errorsOn(const FieldErrors& errors, const std::string& field) {
    return static_cast<std::size_t>(std::count_if(
        errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == field; }));
}

} // namespace

BOOST_AUTO_TEST_SUITE(view_offers)

BOOST_AUTO_TEST_CASE(usage_counts_what_takes_capacity) {
    BOOST_TEST(usesCapacity(AllocationStatus::Proposed));
    BOOST_TEST(!usesCapacity(AllocationStatus::Rejected));
    BOOST_TEST(!isPromised(AllocationStatus::Proposed));
    BOOST_TEST(isPromised(AllocationStatus::Confirmed));

    const Dataset d = campaign();
    const OfferTable t = buildOfferTable(d);
    BOOST_REQUIRE_EQUAL(t.usage.size(), 3U);
    BOOST_TEST(t.usage[0].used == 130);
    BOOST_TEST(t.usage[0].promised == 130);
    BOOST_TEST(t.usage[0].allocations == 2U);
    BOOST_TEST(t.usage[0].proposed == 0U);
    BOOST_TEST(t.usage[1].used == 1);
    BOOST_TEST(t.usage[1].promised == 0);
    BOOST_TEST(t.usage[1].allocations == 1U);
    BOOST_TEST(t.usage[1].proposed == 1U);
    BOOST_TEST(remaining(d.offers[0], t.usage[0]) == 70);
    BOOST_TEST(remaining(d.offers[1], t.usage[1]) == 0);
    BOOST_TEST(remaining(d.offers[2], t.usage[2]) == 9);
    // O2's allocations, every status, by id: positions 1, 3, 5.
    BOOST_TEST(std::vector<std::uint32_t>(t.allocOrder.begin() + t.allocStart[1],
                                          t.allocOrder.begin() + t.allocStart[2]) ==
                   (std::vector<std::uint32_t>{1, 3, 5}),
               boost::test_tools::per_element());
    BOOST_TEST(t.allocOrder.size() == 6U); // the unknown offer's allocation is left out
    BOOST_TEST(t.donorOffers == (std::vector<std::uint32_t>{1, 2}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(filters_and_search) {
    OfferQuery q;
    BOOST_TEST(query(q) == (Ids{1, 2, 3}), boost::test_tools::per_element());
    q.withRoom = true; // O2 has 0 left
    BOOST_TEST(query(q) == (Ids{1, 3}), boost::test_tools::per_element());
    q.withRoom = false;
    q.kind = Kind::Quilt;
    BOOST_TEST(query(q) == (Ids{2}), boost::test_tools::per_element());
    q.kind.reset();
    q.status = OfferStatus::Open;
    BOOST_TEST(query(q) == (Ids{1, 2}), boost::test_tools::per_element());
    q.status.reset();
    q.search = "Coal"; // O1 by its title, O3 by its donor's name
    BOOST_TEST(query(q) == (Ids{1, 3}), boost::test_tools::per_element());
    q.search = "coal"; // byte for byte
    BOOST_TEST(query(q).empty());
    q.search = "3";
    BOOST_TEST(query(q) == (Ids{3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sorts_with_ties_by_id) {
    OfferQuery q;
    q.sortBy = OfferColumn::Remaining; // 70, 0, 9
    BOOST_TEST(query(q) == (Ids{2, 3, 1}), boost::test_tools::per_element());
    q.descending = true;
    BOOST_TEST(query(q) == (Ids{1, 3, 2}), boost::test_tools::per_element());
    q.sortBy = OfferColumn::Donor; // Zeta (O2) first; Alpha's O1, O3 keep ascending ids
    BOOST_TEST(query(q) == (Ids{2, 1, 3}), boost::test_tools::per_element());
    q.descending = false;
    BOOST_TEST(query(q) == (Ids{1, 3, 2}), boost::test_tools::per_element());
    q.sortBy = OfferColumn::Used; // 130, 1, 1
    BOOST_TEST(query(q) == (Ids{2, 3, 1}), boost::test_tools::per_element());
    q.sortBy = OfferColumn::Kind; // coal 0, heater 1, quilt 3
    BOOST_TEST(query(q) == (Ids{1, 3, 2}), boost::test_tools::per_element());
    q.sortBy = OfferColumn::Status; // open, open, exhausted
    q.descending = true;
    BOOST_TEST(query(q) == (Ids{3, 1, 2}), boost::test_tools::per_element());
    q.sortBy = OfferColumn::WindowEnd; // Feb 1, 2, 3
    BOOST_TEST(query(q) == (Ids{3, 2, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(donor_rows) {
    const Dataset d = campaign();
    // Alpha (position 1) before Zeta (position 0).
    BOOST_TEST(buildDonorRows(d, "") == (std::vector<std::uint32_t>{1, 0}),
               boost::test_tools::per_element());
    BOOST_TEST(buildDonorRows(d, "Zeta") == (std::vector<std::uint32_t>{0}),
               boost::test_tools::per_element());
    BOOST_TEST(buildDonorRows(d, "2") == (std::vector<std::uint32_t>{1}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(codes_and_amounts_typed_in_forms) {
    BOOST_TEST(splitCodes("51, 1301，140105、 5101;;") ==
                   (std::vector<std::string>{"51", "1301", "140105", "5101"}),
               boost::test_tools::per_element());
    BOOST_TEST(splitCodes("  ").empty());
    FieldErrors errors;
    std::int64_t fen = -1;
    BOOST_TEST(readYuan("12.5", "v", fen, errors));
    BOOST_TEST(fen == 1250);
    BOOST_TEST(readYuan("0.05", "v", fen, errors));
    BOOST_TEST(fen == 5);
    BOOST_TEST(readYuan("", "v", fen, errors));
    BOOST_TEST(fen == 0);
    BOOST_TEST(errors.empty());
    BOOST_TEST(!readYuan("12.345", "v", fen, errors));
    BOOST_TEST(!readYuan("-1", "v", fen, errors));
    BOOST_TEST(!readYuan(".", "v", fen, errors));
    BOOST_TEST(errors.size() == 3U);
}

BOOST_AUTO_TEST_CASE(offer_form_names_each_field) {
    const DivisionRegistry& reg = DivisionRegistry::builtIn();
    OfferDraft draft = newOfferDraft(Date{2026, 12, 1}, 90);
    BOOST_TEST(draft.windowStart == "2026-12-01");
    BOOST_TEST(draft.windowEnd == "2027-03-01"); // 30 + 31 + 28 + 1 days
    draft.coverage = "99, 5101";
    draft.windowEnd = "2026-11-30";
    draft.perHouseholdCap = "x";
    auto r = readOfferDraft(draft, nullptr, reg);
    BOOST_TEST(hasError(r.errors, "donor", Str::ErrRequired));
    BOOST_TEST(errorsOn(r.errors, "donor") == 1U); // not also "must be a positive number"
    BOOST_TEST(hasError(r.errors, "capacity", Str::ErrRequired));
    BOOST_TEST(errorsOn(r.errors, "capacity") == 1U);
    BOOST_TEST(hasError(r.errors, "coverage[0]", Str::ErrDivisionUnknown));
    BOOST_TEST(errorsOn(r.errors, "coverage[1]") == 0U);
    BOOST_TEST(hasError(r.errors, "window_end", Str::ErrWindowOrder));
    BOOST_TEST(hasError(r.errors, "per_household_cap", Str::UiFormNotInteger));
    BOOST_TEST(hasError(r.errors, "title", Str::ErrRequired));

    draft.donor = 2;
    draft.kind = Kind::Quilt;
    draft.capacity = "300";
    draft.coverage = "51";
    draft.windowEnd = "2027-01-31";
    draft.perHouseholdCap = "";
    draft.unitValueYuan = "80";
    draft.title = "Quilts for Sichuan";
    r = readOfferDraft(draft, nullptr, reg);
    BOOST_TEST(r.ok());
    BOOST_TEST(static_cast<int>(r.value.unit) == static_cast<int>(Unit::Piece));
    BOOST_TEST(r.value.unitValueFen == 8000);
    BOOST_TEST(r.value.perHouseholdCap == 0);
    BOOST_TEST(r.value.coverage == (std::vector<std::string>{"51"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(edit_keeps_donor_kind_and_value) {
    const DivisionRegistry& reg = DivisionRegistry::builtIn();
    Offer o = offer(7, 2, Kind::Coal, 500, "Coal");
    o.coverage = {"51", "1301"};
    o.unitValueFen = 125;
    o.perHouseholdCap = 200;
    OfferDraft draft = editOfferDraft(o);
    BOOST_TEST(draft.coverage == "51, 1301");
    BOOST_TEST(draft.unitValueYuan == "1.25");
    BOOST_TEST(draft.perHouseholdCap == "200");
    draft.donor = 1;
    draft.kind = Kind::Quilt;
    draft.capacity = "600";
    auto r = readOfferDraft(draft, &o, reg);
    BOOST_TEST(r.ok());
    BOOST_TEST(r.value.id == 7U);
    BOOST_TEST(r.value.donor == 2U);
    BOOST_TEST(static_cast<int>(r.value.kind) == static_cast<int>(Kind::Coal));
    BOOST_TEST(r.value.capacity == 600);
    BOOST_TEST(r.value.unitValueFen == 125);
}

BOOST_AUTO_TEST_CASE(donor_form) {
    const DivisionRegistry& reg = DivisionRegistry::builtIn();
    DonorDraft draft;
    draft.name = "  ";
    draft.divisionCode = "5101";
    draft.phone = "028 6123 4567";
    auto r = readDonorDraft(draft, reg);
    BOOST_TEST(hasError(r.errors, "name", Str::ErrRequired));
    BOOST_TEST(errorsOn(r.errors, "phone") == 0U); // spaces taken out: 028-style landline
    draft.name = "Example Foundation";
    r = readDonorDraft(draft, reg);
    BOOST_TEST(r.ok());
    BOOST_TEST(r.value.phone == "02861234567");
}

BOOST_AUTO_TEST_SUITE_END()
