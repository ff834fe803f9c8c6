// The households table's rows (filter, search, sort) and its forms, over a small hand-built data
// set. Every expected order and count below is worked out from the rules in
// core/view/household_rows.h and household_form.h, not taken from a run. People are made up.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <vector>

#include "core/view/household_form.h"
#include "core/view/household_rows.h"
#include "core/view/household_search.h"
#include "test_builders.h"

using namespace nuanxin;

namespace {

const Date kToday{2026, 12, 1};

Member member(const char* name, const char* idNumber) {
    Member m;
    m.name = name;
    m.idNumber = idNumber;
    return m;
}

Household household(HouseholdId id, const char* county, std::vector<Member> members,
                    CategorySet categories, Date registered) {
    Household h;
    h.id = id;
    h.divisionCode = county;
    h.members = std::move(members);
    h.categories = categories;
    h.registered = registered;
    return h;
}

Need need(NeedId id, HouseholdId h, Kind kind, std::int64_t quantity,
          NeedStatus status = NeedStatus::Open) {
    Need n = test::makeNeed(id, h, kind, quantity);
    n.status = status;
    return n;
}

Allocation allocation(AllocationId id, NeedId n, OfferId o, std::int64_t q, AllocationStatus s) {
    return test::makeAllocation(id, n, o, q, s);
}

/// H1 510104 张三+张小明 (…1234) dibao, reg 11-03: coal 100 approved in full (served), quilt 2
///    with 1 proposed (open) → Partly.
/// H2 130102 李四 (…002X) tekun+dibao, reg 11-01: heater 1 proposed in full (not open, not
///    served), coal 30 delivered (served) → Proposed.
/// H3 510104 王五 +2 homeless, reg 11-02: food cancelled → NoNeeds.
/// H4 140105 张伟 (…5678) monitored, reg 11-05: coal 50 met → Served.
/// H5 510105 赵六 +1 (…1234) dibao, reg 10-30: quilt 1, one rejected and one cancelled
///    allocation (neither counts) → Waiting.
/// The table never validates ID numbers (only their ends are searched): these are not all valid.
Dataset campaign() {
    Dataset d;
    d.households = {
        household(1, "510104", {member("张三", "510104198001011234"), member("张小明", "")},
                  {Category::Dibao}, Date{2026, 11, 3}),
        household(2, "130102", {member("李四", "13010219700101002X")},
                  {Category::Tekun, Category::Dibao}, Date{2026, 11, 1}),
        household(3, "510104", {member("王五", ""), member("王二", ""), member("王一", "")},
                  {Category::Homeless}, Date{2026, 11, 2}),
        household(4, "140105", {member("张伟", "140105196002025678")}, {Category::Monitored},
                  Date{2026, 11, 5}),
        household(5, "510105", {member("赵六", "510105195001011111"), member("钱七", "510105195001021234")},
                  {Category::Dibao}, Date{2026, 10, 30}),
    };
    d.needs = {
        need(1, 1, Kind::Coal, 100),
        need(2, 1, Kind::Quilt, 2),
        need(3, 2, Kind::Heater, 1),
        need(4, 3, Kind::Food, 5, NeedStatus::Cancelled),
        need(5, 4, Kind::Coal, 50, NeedStatus::Met),
        need(6, 5, Kind::Quilt, 1),
        need(7, 2, Kind::Coal, 30),
    };
    d.allocations = {
        allocation(1, 1, 1, 100, AllocationStatus::Approved),
        allocation(2, 2, 2, 1, AllocationStatus::Proposed),
        allocation(3, 3, 3, 1, AllocationStatus::Proposed),
        allocation(4, 6, 2, 1, AllocationStatus::Rejected),
        allocation(5, 7, 1, 30, AllocationStatus::Delivered),
        allocation(6, 6, 2, 1, AllocationStatus::Cancelled),
    };
    return d;
}

/// Household ids of the rows, in their order.
std::vector<HouseholdId> ids(const Dataset& d, const std::vector<std::uint32_t>& rows) {
    std::vector<HouseholdId> out;
    for (std::uint32_t r : rows) out.push_back(d.households[r].id);
    return out;
}

std::vector<HouseholdId> query(const HouseholdQuery& q) {
    const Dataset d = campaign();
    const HouseholdTable t = buildHouseholdTable(d);
    return ids(d, buildHouseholdRows(d, t, q));
}

using Ids = std::vector<HouseholdId>;

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

BOOST_AUTO_TEST_SUITE(view_households)

BOOST_AUTO_TEST_CASE(facts_follow_the_rules) {
    const Dataset d = campaign();
    const HouseholdTable t = buildHouseholdTable(d);
    BOOST_REQUIRE_EQUAL(t.facts.size(), 5U);
    const HouseholdFacts& h1 = t.facts[0];
    BOOST_TEST(h1.needs == 2U);
    BOOST_TEST(h1.openNeeds == 1U);
    BOOST_TEST(h1.allocations == 2U);
    BOOST_TEST(h1.proposed == 1U);
    BOOST_TEST(static_cast<int>(h1.stage) == static_cast<int>(HouseholdStage::Partly));
    const HouseholdFacts& h2 = t.facts[1];
    BOOST_TEST(h2.openNeeds == 0U);
    BOOST_TEST(static_cast<int>(h2.stage) == static_cast<int>(HouseholdStage::Proposed));
    BOOST_TEST(h2.kinds == ((1U << static_cast<unsigned>(Kind::Heater)) |
                            (1U << static_cast<unsigned>(Kind::Coal))));
    const HouseholdFacts& h3 = t.facts[2];
    BOOST_TEST(h3.needs == 0U); // the cancelled need does not count
    BOOST_TEST(h3.kinds == 0U);
    BOOST_TEST(static_cast<int>(h3.stage) == static_cast<int>(HouseholdStage::NoNeeds));
    BOOST_TEST(static_cast<int>(t.facts[3].stage) == static_cast<int>(HouseholdStage::Served));
    const HouseholdFacts& h5 = t.facts[4];
    BOOST_TEST(h5.allocations == 0U); // rejected and cancelled take nothing
    BOOST_TEST(h5.openNeeds == 1U);
    BOOST_TEST(static_cast<int>(h5.stage) == static_cast<int>(HouseholdStage::Waiting));

    BOOST_TEST(t.counties == (std::vector<std::string>{"130102", "140105", "510104", "510105"}),
               boost::test_tools::per_element());
    // Household 2 owns needs 3 and 7 (positions 2 and 6); need 6 (position 5) allocations 4, 6.
    BOOST_TEST(std::vector<std::uint32_t>(t.needOrder.begin() + t.needStart[1],
                                          t.needOrder.begin() + t.needStart[2]) ==
                   (std::vector<std::uint32_t>{2, 6}),
               boost::test_tools::per_element());
    BOOST_TEST(std::vector<std::uint32_t>(t.allocOrder.begin() + t.allocStart[5],
                                          t.allocOrder.begin() + t.allocStart[6]) ==
                   (std::vector<std::uint32_t>{3, 5}),
               boost::test_tools::per_element());
    BOOST_TEST(t.needProgress[1].allocated == 1);
    BOOST_TEST(t.needProgress[0].promised == 100);
}

BOOST_AUTO_TEST_CASE(status_filters) {
    HouseholdQuery q;
    BOOST_TEST(query(q) == (Ids{1, 2, 3, 4, 5}), boost::test_tools::per_element());
    q.status = HouseholdStatusFilter::OpenNeeds;
    BOOST_TEST(query(q) == (Ids{1, 5}), boost::test_tools::per_element());
    q.status = HouseholdStatusFilter::Unallocated;
    BOOST_TEST(query(q) == (Ids{5}), boost::test_tools::per_element());
    q.status = HouseholdStatusFilter::Proposed;
    BOOST_TEST(query(q) == (Ids{1, 2}), boost::test_tools::per_element());
    q.status = HouseholdStatusFilter::Served;
    BOOST_TEST(query(q) == (Ids{4}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(category_kind_and_division_filters) {
    HouseholdQuery q;
    q.category = Category::Dibao;
    BOOST_TEST(query(q) == (Ids{1, 2, 5}), boost::test_tools::per_element());
    q.category.reset();
    q.kind = Kind::Coal; // H4's need is met, still not cancelled
    BOOST_TEST(query(q) == (Ids{1, 2, 4}), boost::test_tools::per_element());
    q.kind = Kind::Food; // only a cancelled one
    BOOST_TEST(query(q).empty());
    q.kind.reset();
    q.division = "51";
    BOOST_TEST(query(q) == (Ids{1, 3, 5}), boost::test_tools::per_element());
    q.division = "510000"; // padded province code
    BOOST_TEST(query(q) == (Ids{1, 3, 5}), boost::test_tools::per_element());
    q.division = "510104";
    BOOST_TEST(query(q) == (Ids{1, 3}), boost::test_tools::per_element());
    q.division = "1301";
    BOOST_TEST(query(q) == (Ids{2}), boost::test_tools::per_element());
    q.division = "51";
    q.category = Category::Dibao;
    BOOST_TEST(query(q) == (Ids{1, 5}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(search_by_name_id_and_last_four) {
    HouseholdQuery q;
    q.search = "1234"; // H1's head and H5's second member end in 1234; no household 1234
    BOOST_TEST(query(q) == (Ids{1, 5}), boost::test_tools::per_element());
    q.search = "002x"; // lower-case x matches the X
    BOOST_TEST(query(q) == (Ids{2}), boost::test_tools::per_element());
    q.search = " 3 ";
    BOOST_TEST(query(q) == (Ids{3}), boost::test_tools::per_element());
    q.search = "张"; // 张三 and 张小明 (H1), 张伟 (H4)
    BOOST_TEST(query(q) == (Ids{1, 4}), boost::test_tools::per_element());
    q.search = "小明"; // a member who is not the head
    BOOST_TEST(query(q) == (Ids{1}), boost::test_tools::per_element());
    q.search = "510104198001011234"; // a full ID number is not a search term
    BOOST_TEST(query(q).empty());
    q.search = "5678";
    q.division = "51"; // H4 ends in 5678 but lives in Shanxi
    BOOST_TEST(query(q).empty());
}

BOOST_AUTO_TEST_CASE(sorts_with_ties_by_id) {
    HouseholdQuery q;
    q.sortBy = HouseholdColumn::County; // 130102, 140105, 510104 ×2, 510105
    BOOST_TEST(query(q) == (Ids{2, 4, 1, 3, 5}), boost::test_tools::per_element());
    q.descending = true; // the tie 1, 3 stays by ascending id
    BOOST_TEST(query(q) == (Ids{5, 1, 3, 4, 2}), boost::test_tools::per_element());
    q.descending = false;
    q.sortBy = HouseholdColumn::Registered;
    BOOST_TEST(query(q) == (Ids{5, 2, 3, 1, 4}), boost::test_tools::per_element());
    q.sortBy = HouseholdColumn::Stage; // waiting, partly, proposed, served, no needs
    BOOST_TEST(query(q) == (Ids{5, 1, 2, 4, 3}), boost::test_tools::per_element());
    q.sortBy = HouseholdColumn::Members; // 1: H2 H4; 2: H1 H5; 3: H3
    BOOST_TEST(query(q) == (Ids{2, 4, 1, 5, 3}), boost::test_tools::per_element());
    q.descending = true;
    BOOST_TEST(query(q) == (Ids{3, 1, 5, 2, 4}), boost::test_tools::per_element());
    q.descending = false;
    q.sortBy = HouseholdColumn::OpenNeeds; // 0: H2 H3 H4; 1: H1 H5
    BOOST_TEST(query(q) == (Ids{2, 3, 4, 1, 5}), boost::test_tools::per_element());
    q.sortBy = HouseholdColumn::Categories; // bits 1, 3, 64, 8, 1
    BOOST_TEST(query(q) == (Ids{1, 5, 2, 4, 3}), boost::test_tools::per_element());
    // UTF-8 bytes: 张三 E5BCA0 E4B889 < 张伟 E5BCA0 E4BC9F < 李 E6.. < 王 E7.. < 赵 E8..
    q.sortBy = HouseholdColumn::Head;
    BOOST_TEST(query(q) == (Ids{1, 4, 2, 3, 5}), boost::test_tools::per_element());
    q.sortBy = HouseholdColumn::Id;
    q.descending = true;
    BOOST_TEST(query(q) == (Ids{5, 4, 3, 2, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(long_names_sort_past_their_keys) {
    // 欧阳明明 and 欧阳明亮 share 欧阳明 (9 bytes): equal first keys, the second decides
    // (亮 E4BAAE < 明 E6988E). The seven-character names share six characters (18 bytes): both
    // keys are equal and the names themselves decide.
    Dataset d;
    d.households = {household(1, "510104", {member("欧阳明明", "")}, {}, kToday),
                    household(2, "510104", {member("欧阳明亮", "")}, {}, kToday),
                    household(3, "510104", {member("欧阳明明明明明", "")}, {}, kToday),
                    household(4, "510104", {member("欧阳明明明明亮", "")}, {}, kToday)};
    const HouseholdTable t = buildHouseholdTable(d);
    BOOST_TEST(t.facts[0].nameKey == t.facts[1].nameKey);
    BOOST_TEST(t.facts[0].nameKey2 != t.facts[1].nameKey2);
    BOOST_TEST(t.facts[2].nameKey2 == t.facts[3].nameKey2);
    HouseholdQuery q;
    q.sortBy = HouseholdColumn::Head;
    // 欧阳明亮 < 欧阳明明 < 欧阳明明明明亮 < 欧阳明明明明明 (a prefix sorts first).
    BOOST_TEST(ids(d, buildHouseholdRows(d, t, q)) == (Ids{2, 1, 4, 3}),
               boost::test_tools::per_element());
    q.descending = true;
    BOOST_TEST(ids(d, buildHouseholdRows(d, t, q)) == (Ids{3, 4, 1, 2}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(search_terms) {
    BOOST_TEST(SearchTerm::parse("  ").any);
    const SearchTerm four = SearchTerm::parse("0123");
    BOOST_TEST(*four.id == 123U);
    BOOST_TEST(four.idSuffix == "0123");
    BOOST_TEST(four.text.empty());
    const SearchTerm x = SearchTerm::parse("123x");
    BOOST_TEST(!x.id.has_value());
    BOOST_TEST(x.idSuffix == "123X");
    BOOST_TEST(x.matchesIdNumber("51010419800101123x"));
    const SearchTerm five = SearchTerm::parse("12345"); // an id only
    BOOST_TEST(five.idSuffix.empty());
    BOOST_TEST(SearchTerm::parse("李 四").text == "李 四");
}

BOOST_AUTO_TEST_CASE(integers_and_dates_typed_in_forms) {
    FieldErrors errors;
    std::int64_t v = 0;
    BOOST_TEST(readInteger(" 7 ", "q", true, v, errors));
    BOOST_TEST(v == 7);
    BOOST_TEST(readInteger("-3", "q", true, v, errors));
    BOOST_TEST(v == -3);
    BOOST_TEST(!readInteger("1.5", "q", true, v, errors));
    BOOST_TEST(!readInteger("", "r", true, v, errors));
    BOOST_TEST(readInteger("", "s", false, v, errors));
    BOOST_REQUIRE_EQUAL(errors.size(), 2U);
    BOOST_TEST(hasError(errors, "q", Str::UiFormNotInteger));
    BOOST_TEST(hasError(errors, "r", Str::ErrRequired));
    Date d;
    BOOST_TEST(!readDate("2026-02-30", "d", true, d, errors));
    BOOST_TEST(hasError(errors, "d", Str::UiFormDateFormat));
    BOOST_TEST(readDate("20261231", "d", true, d, errors));
    BOOST_TEST((d == Date{2026, 12, 31}));
}

BOOST_AUTO_TEST_CASE(store_refusals_point_at_form_fields) {
    const FieldErrors stripped = withoutCommandPrefix(
        {FieldError{"commands[0].members[1].name", {}, Str::ErrRequired, {}},
         FieldError{"commands[12].phone", {}, Str::ErrPhone, {}},
         FieldError{"who", {}, Str::ErrRequired, {}}});
    BOOST_TEST(stripped[0].field == "members[1].name");
    BOOST_TEST(stripped[1].field == "phone");
    BOOST_TEST(stripped[2].field == "who");
}

BOOST_AUTO_TEST_CASE(need_form) {
    NeedDraft draft = newNeedDraft(4, kToday, 30);
    BOOST_TEST(draft.deadline == "2026-12-31");
    draft.kind = Kind::Heater;
    draft.quantity = "abc";
    auto r = readNeedDraft(draft);
    // One message for the quantity: the unreadable text, not also "must be greater than zero".
    BOOST_TEST(errorsOn(r.errors, "quantity") == 1U);
    BOOST_TEST(hasError(r.errors, "quantity", Str::UiFormNotInteger));
    draft.quantity = "0";
    r = readNeedDraft(draft);
    BOOST_TEST(hasError(r.errors, "quantity", Str::ErrNotPositive));
    draft.quantity = "2";
    r = readNeedDraft(draft);
    BOOST_TEST(r.ok());
    BOOST_TEST(static_cast<int>(r.value.unit) == static_cast<int>(Unit::Piece));
    BOOST_TEST(r.value.household == 4U);
}

BOOST_AUTO_TEST_CASE(new_household_form) {
    const DivisionRegistry& reg = DivisionRegistry::builtIn();
    HouseholdDraft draft = newHouseholdDraft();
    BOOST_REQUIRE_EQUAL(draft.members.size(), 1U);
    draft.divisionCode = " 510104 ";
    draft.address = "成都市锦江区某街1号";
    draft.phone = "138 0013 8000";
    draft.categories = {Category::Dibao};
    // 5 1 0 1 0 4 1 9 8 0 0 1 0 1 1 2 3 × 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 = 160;
    // 160 mod 11 = 6 → check character '6' (1 0 X 9 8 7 6 ...); sequence 123 is odd: a man
    // born 1980-01-01.
    draft.members[0].name = "张三";
    draft.members[0].idNumber = "510104198001011236";
    auto r = readHouseholdDraft(draft, nullptr, reg, kToday, "示例慈善会");
    BOOST_TEST(r.ok());
    BOOST_TEST(r.value.phone == "13800138000");
    BOOST_TEST(r.value.divisionCode == "510104");
    BOOST_TEST((r.value.members[0].birth == Date{1980, 1, 1}));
    BOOST_TEST(static_cast<int>(r.value.members[0].sex) == static_cast<int>(Sex::Male));
    BOOST_TEST((r.value.registered == kToday));

    draft.divisionCode = "5101"; // a city
    draft.members[0].idNumber = "510104198001011235"; // check character should be 6
    draft.members.push_back(MemberDraft{}); // no name, no number
    r = readHouseholdDraft(draft, nullptr, reg, kToday, "示例慈善会");
    BOOST_TEST(hasError(r.errors, "division_code", Str::ErrDivisionNotCounty));
    BOOST_TEST(hasError(r.errors, "members[0].id_number", Str::ErrIdCheckChar));
    BOOST_TEST(hasError(r.errors, "members[1].name", Str::ErrRequired));
    BOOST_TEST(hasError(r.errors, "members[1].id_number", Str::ErrRequired));

    // Without papers (homeless) a typed birth date is read, and must be a real day.
    HouseholdDraft homeless = newHouseholdDraft();
    homeless.divisionCode = "510104";
    homeless.categories = {Category::Homeless};
    homeless.members[0].name = "无名氏";
    homeless.members[0].birth = "1950-02-30";
    r = readHouseholdDraft(homeless, nullptr, reg, kToday, "示例慈善会");
    BOOST_TEST(hasError(r.errors, "members[0].birth", Str::UiFormDateFormat));
    homeless.members[0].birth = "1950-02-28";
    r = readHouseholdDraft(homeless, nullptr, reg, kToday, "示例慈善会");
    BOOST_TEST(r.ok());
    BOOST_TEST((r.value.members[0].birth == Date{1950, 2, 28}));
}

BOOST_AUTO_TEST_CASE(edit_form_keeps_what_it_does_not_show) {
    const DivisionRegistry& reg = DivisionRegistry::builtIn();
    Household h = household(9, "510104", {member("张三", "510104198001011236")},
                            {Category::Dibao}, Date{2026, 11, 3});
    h.members[0].birth = Date{1980, 1, 1};
    h.members[0].sex = Sex::Male;
    h.address = "成都市锦江区某街1号";
    h.phone = "13800138000";
    h.registeredBy = "示例慈善会";
    HouseholdDraft draft = editHouseholdDraft(h);
    // Full personal values never reach the form: only their masked forms, as hints.
    BOOST_TEST(draft.members[0].idNumber.empty());
    BOOST_TEST(draft.members[0].keptIdMasked == "5101**********1236");
    BOOST_TEST(draft.address.empty());
    BOOST_TEST(draft.phone.empty());
    BOOST_TEST(draft.keptPhoneMasked == "138****8000");
    draft.divisionCode = "130102"; // not changeable: the registered code stays
    draft.phone = "13912345678";
    auto r = readHouseholdDraft(draft, &h, reg, kToday, "another");
    BOOST_TEST(r.ok());
    BOOST_TEST(r.value.id == 9U);
    BOOST_TEST(r.value.divisionCode == "510104");
    BOOST_TEST(r.value.members[0].idNumber == "510104198001011236");
    BOOST_TEST(r.value.registeredBy == "示例慈善会");
    BOOST_TEST(r.value.phone == "13912345678"); // typed: replaced
    BOOST_TEST(r.value.address == "成都市锦江区某街1号"); // left empty: kept
}

BOOST_AUTO_TEST_SUITE_END()
