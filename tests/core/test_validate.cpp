// Record and data-set validation: one valid synthetic campaign, then one defect at a time, each
// expected at a named field with a named reason. All people and numbers are made up.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <sstream>

#include "core/id/resident_id.h"
#include "core/model/validate.h"

using namespace nuanxin;

namespace {

const DivisionRegistry& reg() { return DivisionRegistry::builtIn(); }
const Date kToday{2024, 11, 15};

// Made-up members; check characters worked out in test_resident_id.cpp.
Member boy() { // 510104 20000229 013 → male, check 4
    return Member{"李小明", "510104200002290134", Date{2000, 2, 29}, Sex::Male, {}};
}
Member woman() { // 510100 19800101 002 → female, check 7
    return Member{"王秀兰", "510100198001010027", Date{1980, 1, 1}, Sex::Female,
                  {Attribute::Disabled}};
}

Dataset campaign() {
    Dataset d;
    d.title = "测试活动";
    d.asOf = Date{2024, 11, 1};
    Household h;
    h.id = 1;
    h.divisionCode = "510104";
    h.address = "四川省成都市锦江区某某街道1号";
    h.phone = "13912345678";
    h.categories = {Category::Dibao};
    h.members = {woman(), boy()};
    h.registered = Date{2024, 10, 8};
    h.registeredBy = "示例慈善会";
    d.households.push_back(h);

    Need n;
    n.id = 10;
    n.household = 1;
    n.kind = Kind::Coal;
    n.unit = Unit::Kg;
    n.quantity = 300;
    n.deadline = Date{2024, 12, 20};
    d.needs.push_back(n);

    d.donors.push_back(Donor{5, "示例公益基金会", DonorType::Charity, "51", "028-61234567"});

    Offer o;
    o.id = 7;
    o.donor = 5;
    o.kind = Kind::Coal;
    o.unit = Unit::Kg;
    o.capacity = 5000;
    o.unitValueFen = 120;
    o.coverage = {"510100", "5103"};
    o.windowStart = Date{2024, 11, 1};
    o.windowEnd = Date{2025, 3, 31};
    o.perHouseholdCap = 500;
    o.title = "冬季送煤";
    d.offers.push_back(o);

    Allocation a;
    a.id = 3;
    a.need = 10;
    a.offer = 7;
    a.quantity = 300;
    a.reasons = {Reason{Str::CatDibao, "dibao"}};
    d.allocations.push_back(a);

    d.volunteers.push_back(Volunteer{2, "赵志愿", "13598765432", "510104", {Kind::Coal}, true});
    return d;
}

std::string dump(const FieldErrors& errors) {
    std::ostringstream s;
    for (const auto& e : errors) s << e.describe(Lang::En) << "; ";
    return s.str();
}

// The one error expected, at `field` with `reason` (a copy: callers pass temporaries).
std::optional<FieldError> only(const FieldErrors& errors, const std::string& field, Str reason) {
    BOOST_TEST_INFO("errors: " << dump(errors));
    BOOST_TEST(errors.size() == 1U);
    if (errors.size() != 1U) return std::nullopt;
    BOOST_TEST(errors[0].field == field);
    BOOST_TEST(std::string(keyName(errors[0].reason)) == keyName(reason));
    return errors[0];
}

FieldErrors check(const Dataset& d) { return validate(d, reg(), kToday); }

} // namespace

BOOST_AUTO_TEST_SUITE(validate_model)

BOOST_AUTO_TEST_CASE(a_valid_campaign_has_no_errors) {
    const auto errors = check(campaign());
    BOOST_TEST(errors.empty(), dump(errors));
}

BOOST_AUTO_TEST_CASE(describe_and_prefix) {
    FieldErrors errors{FieldError{"phone", "138****5678", Str::ErrPhone, ""},
                       FieldError{"", "", Str::ErrRequired, "x"}};
    prefixFields(errors, "households[2].");
    BOOST_TEST(errors[0].describe(Lang::En) ==
               "households[2].phone: not a valid phone number [138****5678]");
    BOOST_TEST(errors[0].describe(Lang::Zh) ==
               "households[2].phone: 电话号码格式不正确 [138****5678]");
    BOOST_TEST(errors[1].describe(Lang::En) == "households[2]: must not be empty (x)");
    // A text with a slot takes the detail where each language wants it.
    const FieldError check{"id_number", "1101**********0021", Str::ErrIdCheckChar, "X"};
    BOOST_TEST(check.describe(Lang::En) ==
               "id_number: wrong check character in ID number (expected X) [1101**********0021]");
    BOOST_TEST(check.describe(Lang::Zh) ==
               "id_number: 身份证号码校验码错误（应为 X） [1101**********0021]");
}

BOOST_AUTO_TEST_CASE(member_id_number_is_checked_and_masked) {
    Dataset d = campaign();
    d.households[0].members[1].idNumber = "510104200002290135"; // check character should be 4
    const auto e = only(check(d), "households[0].members[1].id_number", Str::ErrIdCheckChar);
    BOOST_REQUIRE(e);
    BOOST_TEST(e->value == "5101**********0135");
    BOOST_TEST(e->detail == "4");
}

BOOST_AUTO_TEST_CASE(member_birth_and_sex_must_agree_with_the_id) {
    Member m = boy();
    m.birth = Date{2000, 3, 1};
    const auto e = only(validate(m, reg(), kToday), "birth", Str::ErrBirthMismatch);
    BOOST_REQUIRE(e);
    BOOST_TEST(e->value == "2000-**-**");
    m = boy();
    m.sex = Sex::Female;
    only(validate(m, reg(), kToday), "sex", Str::ErrSexMismatch);
    m = boy();
    m.name.clear();
    only(validate(m, reg(), kToday), "name", Str::ErrRequired);
    m = boy();
    m.name = std::string(65, 'a');
    only(validate(m, reg(), kToday), "name", Str::ErrTooLong);
    m.name = std::string(64, 'a');
    BOOST_TEST(validate(m, reg(), kToday).empty());
}

BOOST_AUTO_TEST_CASE(member_without_id_needs_a_past_birth_date) {
    Member m = boy();
    m.idNumber.clear();
    BOOST_TEST(validate(m, reg(), kToday).empty()); // the household decides if it may be empty
    m.birth = Date{2025, 1, 1};
    only(validate(m, reg(), kToday), "birth", Str::ErrDateFuture);
    m.birth = Date{2023, 2, 29};
    only(validate(m, reg(), kToday), "birth", Str::ErrDateInvalid);
}

BOOST_AUTO_TEST_CASE(household_fields) {
    Dataset d = campaign();
    d.households[0].divisionCode = "5101";
    only(check(d), "households[0].division_code", Str::ErrDivisionNotCounty);
    d.households[0].divisionCode = "519999";
    only(check(d), "households[0].division_code", Str::ErrDivisionUnknown);
    d.households[0].divisionCode = "441900"; // 东莞: a city without counties is county level
    BOOST_TEST(check(d).empty(), dump(check(d)));

    d = campaign();
    d.households[0].phone = "1391234567";
    const auto e = only(check(d), "households[0].phone", Str::ErrPhone);
    BOOST_REQUIRE(e);
    BOOST_TEST(e->value == "********67");

    d = campaign();
    d.households[0].members[0].idNumber.clear();
    only(check(d), "households[0].members[0].id_number", Str::ErrRequired);
    d = campaign();
    d.households[0].address.clear();
    only(check(d), "households[0].address", Str::ErrRequired);
    d = campaign();
    d.households[0].members.clear();
    only(check(d), "households[0].members", Str::ErrRequired);
    d = campaign();
    d.households[0].id = 0;
    d.needs.clear();
    d.allocations.clear();
    only(check(d), "households[0].id", Str::ErrIdNotPositive);
    d = campaign();
    d.households[0].registered = Date{2024, 12, 1};
    only(check(d), "households[0].registered", Str::ErrDateFuture);
    d = campaign();
    d.households[0].categories = CategorySet(1U << 12);
    only(check(d), "households[0].categories", Str::ErrValueOutOfRange);
}

BOOST_AUTO_TEST_CASE(homeless_people_may_lack_papers_and_address) {
    Dataset d = campaign();
    d.households[0].categories = {Category::Homeless};
    d.households[0].address.clear();
    d.households[0].phone.clear();
    d.households[0].members.resize(1);
    d.households[0].members[0].idNumber.clear();
    BOOST_TEST(check(d).empty(), dump(check(d)));
}

BOOST_AUTO_TEST_CASE(long_address_is_masked) {
    Dataset d = campaign();
    std::string address = "四川省成都市";
    for (int i = 0; i < 200; ++i) address += "号";
    d.households[0].address = address;
    const auto e = only(check(d), "households[0].address", Str::ErrTooLong);
    BOOST_REQUIRE(e);
    BOOST_TEST(e->value == "四川省成都市***");
    BOOST_TEST(e->detail == "max 200, got 206");
}

BOOST_AUTO_TEST_CASE(need_fields) {
    Need n = campaign().needs[0];
    n.unit = Unit::Piece;
    const auto e = only(validate(n), "unit", Str::ErrUnitMismatch);
    BOOST_REQUIRE(e);
    BOOST_TEST(e->detail == "kg");
    n = campaign().needs[0];
    n.quantity = 0;
    only(validate(n), "quantity", Str::ErrNotPositive);
    n.quantity = -5;
    only(validate(n), "quantity", Str::ErrNotPositive);
    n = campaign().needs[0];
    n.kind = static_cast<Kind>(200);
    only(validate(n), "kind", Str::ErrValueOutOfRange);
    n = campaign().needs[0];
    n.deadline = Date{2024, 2, 30};
    only(validate(n), "deadline", Str::ErrDateInvalid);
    n = campaign().needs[0];
    n.household = 0;
    only(validate(n), "household", Str::ErrIdNotPositive);
}

BOOST_AUTO_TEST_CASE(offer_fields) {
    Offer o = campaign().offers[0];
    o.windowEnd = Date{2024, 10, 31};
    only(validate(o, reg()), "window_end", Str::ErrWindowOrder);
    o = campaign().offers[0];
    o.windowEnd = o.windowStart; // one-day window is fine
    BOOST_TEST(validate(o, reg()).empty());
    o.coverage = {"51", "519999"};
    only(validate(o, reg()), "coverage[1]", Str::ErrDivisionUnknown);
    o.coverage.clear();
    only(validate(o, reg()), "coverage", Str::ErrRequired);
    o = campaign().offers[0];
    o.perHouseholdCap = -1;
    only(validate(o, reg()), "per_household_cap", Str::ErrNegative);
    o.perHouseholdCap = 0;
    BOOST_TEST(validate(o, reg()).empty());
    o.capacity = 0;
    only(validate(o, reg()), "capacity", Str::ErrNotPositive);
    o = campaign().offers[0];
    o.kind = Kind::Heater;
    only(validate(o, reg()), "unit", Str::ErrUnitMismatch);
    o.unit = Unit::Piece;
    BOOST_TEST(validate(o, reg()).empty());
    o.title.clear();
    only(validate(o, reg()), "title", Str::ErrRequired);
}

BOOST_AUTO_TEST_CASE(donor_and_volunteer_fields) {
    Donor donor = campaign().donors[0];
    donor.divisionCode = "99";
    only(validate(donor, reg()), "division_code", Str::ErrDivisionUnknown);
    donor = campaign().donors[0];
    donor.type = DonorType::Individual;
    donor.name = std::string("张") + std::string(64, 'a');
    const auto e = only(validate(donor, reg()), "name", Str::ErrTooLong);
    BOOST_REQUIRE(e);
    BOOST_TEST(e->value.find("aa") == std::string::npos); // a person's name is masked

    Volunteer v = campaign().volunteers[0];
    v.phone.clear();
    only(validate(v, reg()), "phone", Str::ErrRequired);
    v = campaign().volunteers[0];
    v.kinds.push_back(static_cast<Kind>(77));
    only(validate(v, reg()), "kinds[1]", Str::ErrValueOutOfRange);
}

BOOST_AUTO_TEST_CASE(allocation_fields) {
    Allocation a = campaign().allocations[0];
    a.quantity = 0;
    only(validate(a), "quantity", Str::ErrNotPositive);
    a = campaign().allocations[0];
    a.reasons.push_back(Reason{static_cast<Str>(60000), ""});
    only(validate(a), "reasons[1].code", Str::ErrValueOutOfRange);
}

BOOST_AUTO_TEST_CASE(unique_ids_and_references) {
    Dataset d = campaign();
    d.needs.push_back(d.needs[0]);
    auto e = only(check(d), "needs[1].id", Str::ErrDuplicateId);
    BOOST_REQUIRE(e);
    BOOST_TEST(e->detail == "also needs[0]");

    d = campaign();
    d.needs[0].household = 99;
    only(check(d), "needs[0].household", Str::ErrUnknownHousehold);
    d = campaign();
    d.offers[0].donor = 6;
    only(check(d), "offers[0].donor", Str::ErrUnknownDonor);
    d = campaign();
    d.allocations[0].need = 11;
    only(check(d), "allocations[0].need", Str::ErrUnknownNeed);
    d = campaign();
    d.allocations[0].offer = 8;
    only(check(d), "allocations[0].offer", Str::ErrUnknownOffer);
    d = campaign();
    d.offers[0].kind = Kind::Food; // also kg, so only the allocation is wrong
    e = only(check(d), "allocations[0].offer", Str::ErrKindMismatch);
    BOOST_REQUIRE(e);
    BOOST_TEST(e->detail == "need coal, offer food");
}

BOOST_AUTO_TEST_CASE(one_id_number_never_in_two_households) {
    Dataset d = campaign();
    Household other = d.households[0];
    other.id = 2;
    other.members = {boy()};
    d.households.push_back(other);
    auto e = only(check(d), "households[1].members[0].id_number", Str::ErrDuplicateIdNumber);
    BOOST_REQUIRE(e);
    BOOST_TEST(e->detail == "also households[0]");
    BOOST_TEST(e->value == "5101**********0134");

    // Twice in one household is refused as well, and with a lower-case x it is the same number.
    d = campaign();
    Member x{"陈小红", "11010519491231002X", Date{1949, 12, 31}, Sex::Female, {}};
    d.households[0].members.push_back(x);
    x.idNumber = "11010519491231002x";
    d.households[0].members.push_back(x);
    e = only(check(d), "households[0].members[3].id_number", Str::ErrDuplicateIdNumber);
    BOOST_REQUIRE(e);
    BOOST_TEST(e->detail == "also members[2]");
}

BOOST_AUTO_TEST_CASE(all_problems_are_reported_together) {
    Dataset d = campaign();
    d.needs[0].quantity = 0;
    d.offers[0].windowEnd = Date{2024, 1, 1};
    d.volunteers[0].phone = "12345";
    const auto errors = check(d);
    BOOST_TEST(errors.size() == 3U, dump(errors));
    const auto hasField = [&](const std::string& f) {
        return std::any_of(errors.begin(), errors.end(),
                           [&](const FieldError& e) { return e.field == f; });
    };
    BOOST_TEST(hasField("needs[0].quantity"));
    BOOST_TEST(hasField("offers[0].window_end"));
    BOOST_TEST(hasField("volunteers[0].phone"));
}

BOOST_AUTO_TEST_SUITE_END()
