// GB 11643-1999 resident ID numbers. 11010519491231002X is the standard's published example;
// every other number here is made up, with its check character worked out by hand below.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "core/id/resident_id.h"

using namespace nuanxin;

namespace {

const DivisionRegistry& reg() { return DivisionRegistry::builtIn(); }
const Date kToday{2024, 6, 1};

std::vector<Str> reasons(const Result<ResidentId>& r) {
    std::vector<Str> out;
    if (r.ok()) return out;
    for (const auto& e : r.errors()) out.push_back(e.reason);
    return out;
}

bool has(const std::vector<Str>& v, Str s) { return std::find(v.begin(), v.end(), s) != v.end(); }

} // namespace

BOOST_AUTO_TEST_SUITE(resident_id)

BOOST_AUTO_TEST_CASE(check_characters_worked_by_hand) {
    // 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 × 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → "10X98765432"[2] = X
    BOOST_TEST(residentIdCheckChar("11010519491231002") == 'X');
    // 5 1 0 1 0 4 2 0 0 0 0 2 2 9 0 1 3: 35+9+0+5+0+16+4+0+0+0+0+18+20+45+0+4+6 = 162;
    // 162 mod 11 = 8 → '4'
    BOOST_TEST(residentIdCheckChar("51010420000229013") == '4');
    // 5 1 0 1 0 0 1 9 8 0 0 1 0 1 0 0 2: 35+9+0+5+0+0+2+9+48+0+0+9+0+5+0+0+4 = 126;
    // 126 mod 11 = 5 → '7'
    BOOST_TEST(residentIdCheckChar("51010019800101002") == '7');
    // Same with the 4th digit 0: 126 - 1×5 = 121; 121 mod 11 = 0 → '1'
    BOOST_TEST(residentIdCheckChar("51000019800101002") == '1');
    // 9 9 9 9 9 9 1 9 8 0 0 1 0 1 0 0 2: 63+81+90+45+72+36+2+9+48+0+0+9+0+5+0+0+4 = 464;
    // 464 mod 11 = 2 → 'X'
    BOOST_TEST(residentIdCheckChar("99999919800101002") == 'X');
}

BOOST_AUTO_TEST_CASE(the_published_example) {
    const auto r = parseResidentId("11010519491231002X", reg(), kToday);
    BOOST_REQUIRE(r.ok());
    const ResidentId& id = r.value();
    BOOST_TEST(id.number == "11010519491231002X");
    BOOST_TEST(id.divisionCode == "110105"); // 北京市朝阳区
    BOOST_TEST((id.birth == Date{1949, 12, 31}));
    BOOST_TEST(id.sequence == 2);
    BOOST_TEST((id.sex == Sex::Female)); // 002: even
    BOOST_TEST(id.ageOn(Date{2024, 12, 30}) == 74);
    BOOST_TEST(id.ageOn(Date{2024, 12, 31}) == 75);
    BOOST_TEST(id.masked() == "1101**********002X");
}

BOOST_AUTO_TEST_CASE(lower_case_x_is_stored_upper_case) {
    const auto r = parseResidentId("11010519491231002x", reg(), kToday);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().number == "11010519491231002X");
}

BOOST_AUTO_TEST_CASE(leap_day_birth_and_odd_sequence) {
    const auto r = parseResidentId("510104200002290134", reg(), kToday);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST((r.value().birth == Date{2000, 2, 29}));
    BOOST_TEST(r.value().sequence == 13);
    BOOST_TEST((r.value().sex == Sex::Male));
    BOOST_TEST(r.value().ageOn(Date{2018, 2, 28}) == 17);
    BOOST_TEST(r.value().ageOn(Date{2018, 3, 1}) == 18);
}

BOOST_AUTO_TEST_CASE(city_and_province_in_padded_form) {
    BOOST_TEST(parseResidentId("510100198001010027", reg(), kToday).ok());
    BOOST_TEST(parseResidentId("510000198001010021", reg(), kToday).ok());
}

BOOST_AUTO_TEST_CASE(wrong_length_only) {
    const auto r = parseResidentId("11010519491231002", reg(), kToday);
    BOOST_REQUIRE(!r.ok());
    BOOST_REQUIRE(r.errors().size() == 1U);
    const FieldError& e = r.errors()[0];
    BOOST_TEST(e.field == "id_number");
    BOOST_TEST((e.reason == Str::ErrIdLength));
    BOOST_TEST(e.detail == "17");
    BOOST_TEST(e.value == "1101*********1002"); // 17 characters, 4 shown at each end
}

BOOST_AUTO_TEST_CASE(non_digits) {
    const auto r = parseResidentId("1101051949123100AX", reg(), kToday);
    BOOST_REQUIRE(!r.ok());
    BOOST_REQUIRE(r.errors().size() == 1U);
    BOOST_TEST((r.errors()[0].reason == Str::ErrIdDigits));
    BOOST_TEST(r.errors()[0].detail == "17");
    // Too short and with a letter: both reasons.
    const auto both = reasons(parseResidentId("11010A", reg(), kToday));
    BOOST_TEST(both.size() == 2U);
    BOOST_TEST(has(both, Str::ErrIdLength));
    BOOST_TEST(has(both, Str::ErrIdDigits));
}

BOOST_AUTO_TEST_CASE(wrong_check_character_says_the_expected_one) {
    const auto r = parseResidentId("110105194912310021", reg(), kToday);
    BOOST_REQUIRE(!r.ok());
    BOOST_REQUIRE(r.errors().size() == 1U);
    BOOST_TEST((r.errors()[0].reason == Str::ErrIdCheckChar));
    BOOST_TEST(r.errors()[0].detail == "X");
    BOOST_TEST(r.errors()[0].value == "1101**********0021");
}

BOOST_AUTO_TEST_CASE(several_reasons_at_once) {
    // 1949-02-30 does not exist; the right check character would be 0:
    // 7+9+0+5+0+20+2+9+24+27+0+18+30+0+0+0+4 = 155; 155 mod 11 = 1 → '0'. We give 1.
    BOOST_TEST(residentIdCheckChar("11010519490230002") == '0');
    const auto v = reasons(parseResidentId("110105194902300021", reg(), kToday));
    BOOST_TEST(v.size() == 2U);
    BOOST_TEST(has(v, Str::ErrIdCheckChar));
    BOOST_TEST(has(v, Str::ErrIdBirthDate));
    // Unknown division, impossible date and wrong check character together.
    const auto w = reasons(parseResidentId("999999194913310021", reg(), kToday));
    BOOST_TEST(w.size() == 3U);
    BOOST_TEST(has(w, Str::ErrIdDivision));
    BOOST_TEST(has(w, Str::ErrIdBirthDate));
    BOOST_TEST(has(w, Str::ErrIdCheckChar));
}

BOOST_AUTO_TEST_CASE(birth_date_limits) {
    // Born 2025-01-01: 1 1 0 1 0 5 2 0 2 5 0 1 0 1 0 0 2 →
    // 7+9+0+5+0+20+4+0+12+15+0+9+0+5+0+0+4 = 90; 90 mod 11 = 2 → 'X'
    const char* future = "11010520250101002X";
    const auto v = reasons(parseResidentId(future, reg(), kToday));
    BOOST_REQUIRE(v.size() == 1U);
    BOOST_TEST((v[0] == Str::ErrIdFutureBirth));
    BOOST_TEST(parseResidentId(future, reg(), Date{2025, 1, 1}).ok()); // born today
    // Born 1899-12-31: 7+9+0+5+0+20+2+8+54+27+7+18+30+5+0+0+4 = 196; 196 mod 11 = 9 → '3'
    const auto old = reasons(parseResidentId("110105189912310023", reg(), kToday));
    BOOST_REQUIRE(old.size() == 1U);
    BOOST_TEST((old[0] == Str::ErrIdBirthDate));
}

BOOST_AUTO_TEST_CASE(unknown_division) {
    const auto r = parseResidentId("99999919800101002X", reg(), kToday);
    BOOST_REQUIRE(!r.ok());
    BOOST_REQUIRE(r.errors().size() == 1U);
    BOOST_TEST((r.errors()[0].reason == Str::ErrIdDivision));
    // A 4-digit city code plus a county part that does not exist under it.
    BOOST_TEST(has(reasons(parseResidentId("519999198001010020", reg(), kToday)),
                   Str::ErrIdDivision));
}

BOOST_AUTO_TEST_CASE(abolished_county_inside_known_city) {
    // 510122 was 双流县 until 2015 (now 510116 双流区): numbers issued there stay valid.
    // 5 1 0 1 2 2 1 9 8 0 0 1 0 1 0 0 2 → 35+9+0+5+16+8+2+9+48+0+0+9+0+5+0+0+4 = 150;
    // 150 mod 11 = 7 → '5'
    const auto r = parseResidentId("510122198001010025", reg(), kToday);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().legacyDivision);
    BOOST_TEST(r.value().divisionCode == "510122");
    BOOST_TEST(!parseResidentId("11010519491231002X", reg(), kToday).value().legacyDivision);
}

BOOST_AUTO_TEST_CASE(errors_never_show_the_whole_number) {
    for (const char* text : {"110105194912310021", "11010519491231002", "1101051949123100AX",
                             "999999194913310021", "1101051949123100211"}) {
        const auto r = parseResidentId(text, reg(), kToday);
        BOOST_REQUIRE(!r.ok());
        for (const auto& e : r.errors()) {
            BOOST_TEST_INFO("value " << e.value);
            BOOST_TEST(e.value.find(std::string(text).substr(4, 10)) == std::string::npos);
            BOOST_TEST(e.value.find('*') != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(mask_any_id_like_text) {
    BOOST_TEST(maskIdNumber("11010519491231002X") == "1101**********002X");
    BOOST_TEST(maskIdNumber("123456789") == "12*****89"); // 9 / 4 = 2 at each end
    BOOST_TEST(maskIdNumber("123") == "***");
    BOOST_TEST(maskIdNumber("") == "");
}

BOOST_AUTO_TEST_SUITE_END()
