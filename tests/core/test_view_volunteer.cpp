// The volunteer form (read, checked, the store's refusals put back on their fields) and the
// printable list, on hand-made values; expected texts are written out by hand.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

#include "core/view/volunteer_form.h"

using namespace nuanxin;

namespace {

bool hasError(const FieldErrors& errors, const char* field, Str reason) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const FieldError& e) { return e.field == field && e.reason == reason; });
}

/// One volunteer, two counties in code order; Chengdu's Wuhou (510107) has two townships.
VolunteerSheet sampleSheet() {
    VolunteerSheet s;
    s.volunteer = 4;
    s.volunteerName = "李<志愿>";
    s.open = 3;
    s.done = 0;
    VolunteerTask coal;
    coal.ref = WorkRef::allocation(7);
    coal.kind = Kind::Coal;
    coal.unit = Unit::Kg;
    coal.quantity = 1500;
    coal.what = "冬季取暖煤 & 炉具";
    coal.deadline = Date{2026, 12, 31};
    VolunteerStop a;
    a.household = 11;
    a.address = "簇桥街道锦城社区3号";
    a.name = "王秀兰";
    a.maskedId = "5101**********002X";
    a.phone = "13900001011";
    a.tasks = {coal};
    VolunteerGroup g1;
    g1.county = "510107";
    g1.countyName = "四川省成都市武侯区";
    g1.township = "簇桥街道";
    g1.stops = {a};
    VolunteerGroup g2 = g1;
    g2.township = ""; // an address without a township
    VolunteerTask visit;
    visit.ref = WorkRef::task(2);
    visit.kind = Kind::HomeVisit;
    visit.unit = Unit::Visit;
    visit.quantity = 1;
    visit.advance = true;
    g2.stops.front().tasks = {visit};
    VolunteerGroup g3;
    g3.county = "510703";
    g3.countyName = "四川省绵阳市涪城区";
    g3.township = "城厢街道";
    VolunteerStop institution;
    institution.address = "四川省绵阳市涪城区";
    institution.tasks = {visit};
    g3.stops = {institution};
    s.groups = {g1, g2, g3};
    return s;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(view_volunteer)

BOOST_AUTO_TEST_CASE(a_valid_draft_is_trimmed) {
    VolunteerDraft d;
    d.name = "  张志愿  ";
    d.phone = "139 0000 1234";
    d.divisionCode = " 510107 ";
    d.kinds = {Kind::Quilt, Kind::Coal, Kind::Quilt};
    const auto r = readVolunteerDraft(d, nullptr, DivisionRegistry::builtIn());
    BOOST_TEST_REQUIRE(r.ok());
    BOOST_TEST(r.value.id == 1u); // placeholder for a new one
    BOOST_TEST(r.value.name == "张志愿");
    BOOST_TEST(r.value.phone == "13900001234");
    BOOST_TEST(r.value.divisionCode == "510107");
    BOOST_TEST_REQUIRE(r.value.kinds.size() == 2u); // sorted, once each: coal (0), quilt (3)
    BOOST_TEST((r.value.kinds[0] == Kind::Coal));
    BOOST_TEST((r.value.kinds[1] == Kind::Quilt));
    BOOST_TEST(r.value.active);

    Volunteer existing = r.value;
    existing.id = 9;
    existing.active = false;
    const VolunteerDraft edit = editVolunteerDraft(existing);
    BOOST_TEST(edit.id == 9u);
    BOOST_TEST(!edit.active);
    BOOST_TEST(edit.phone.empty()); // never shown in full: typed again to change it
    const auto kept = readVolunteerDraft(edit, &existing, DivisionRegistry::builtIn());
    BOOST_TEST_REQUIRE(kept.ok());
    BOOST_TEST(kept.value.id == 9u);
    BOOST_TEST(kept.value.phone == "13900001234");
    BOOST_TEST(!kept.value.active);
}

BOOST_AUTO_TEST_CASE(each_bad_field_is_named) {
    VolunteerDraft d;
    d.phone = "12345";
    d.divisionCode = "519999";
    const auto r = readVolunteerDraft(d, nullptr, DivisionRegistry::builtIn());
    BOOST_TEST(!r.ok());
    BOOST_TEST(hasError(r.errors, "name", Str::ErrRequired));
    BOOST_TEST(hasError(r.errors, "phone", Str::ErrPhone));
    BOOST_TEST(hasError(r.errors, "division_code", Str::ErrDivisionUnknown));

    VolunteerDraft empty;
    empty.name = "王";
    const auto e = readVolunteerDraft(empty, nullptr, DivisionRegistry::builtIn());
    BOOST_TEST(hasError(e.errors, "phone", Str::ErrRequired));
    BOOST_TEST(hasError(e.errors, "division_code", Str::ErrRequired));
    BOOST_TEST(!hasError(e.errors, "name", Str::ErrRequired));
}

BOOST_AUTO_TEST_CASE(store_refusals_land_on_the_form_fields) {
    const FieldErrors errors = flatFieldErrors({{"commands[0].volunteer.phone", "139****", Str::ErrPhone, ""},
                                                    {"commands[0].name", "", Str::ErrRequired, ""},
                                                    {"volunteer", "", Str::ErrInvalid, ""}});
    BOOST_TEST_REQUIRE(errors.size() == 3u);
    BOOST_TEST(errors[0].field == "phone");
    BOOST_TEST(errors[1].field == "name");
    BOOST_TEST(errors[2].field == "volunteer"); // record-level: left for the form's foot
}

BOOST_AUTO_TEST_CASE(print_page_groups_and_escapes) {
    const std::string html = volunteerSheetHtml(sampleSheet(), Lang::Zh, "2026-12-02");
    // Escaped: the name's angle brackets and the title's ampersand never reach the page raw.
    BOOST_TEST(html.find("李&lt;志愿&gt;") != std::string::npos);
    BOOST_TEST(html.find("<志愿>") == std::string::npos);
    BOOST_TEST(html.find("冬季取暖煤 &amp; 炉具") != std::string::npos);
    // Wuhou's two groups share one county heading; Fucheng has its own: two <h2>, three tables.
    BOOST_TEST(count(html, "<h2>") == 2u);
    BOOST_TEST(count(html, "<h2>四川省成都市武侯区</h2>") == 1u);
    BOOST_TEST(count(html, "<table>") == 3u);
    BOOST_TEST(html.find("四川省成都市武侯区") < html.find("四川省绵阳市涪城区"));
    // One row per task (three) and the header row of each table (three).
    BOOST_TEST(count(html, "<tr>") == 6u);
    BOOST_TEST(html.find("5101**********002X") != std::string::npos);
    BOOST_TEST(html.find("1,500") != std::string::npos);
    BOOST_TEST(html.find("2026-12-31") != std::string::npos);
    BOOST_TEST(html.find("2026-12-02") != std::string::npos);
    BOOST_TEST(html.find("window.print()") != std::string::npos);
    // The township-less group is headed by the "no township" text, not an empty heading.
    BOOST_TEST(html.find("<h3></h3>") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
