// The embedded division registry (NBS 2023) against facts from DOMAIN.md and the raw files,
// plus the parser's refusals of damaged files.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include "core/geo/divisions.h"
#include "test_paths.h"

using namespace nuanxin;

namespace {

const DivisionRegistry& reg() { return DivisionRegistry::builtIn(); }

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t countLines(const std::string& text) {
    std::size_t n = 0;
    for (char c : text) n += c == '\n' ? 1 : 0;
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(divisions)

BOOST_AUTO_TEST_CASE(built_in_registry_has_every_row) {
    // The shared copy of the same NBS files: one header line each, one division a line, no
    // quoted line breaks. areas.csv repeats the three county-less cities 东莞 441900,
    // 中山 442000 and 儋州 460400 as placeholder "counties", which the registry drops.
    const std::string dir = test::sharedDir() + "/divisions/";
    const std::size_t provinces = countLines(readFile(dir + "provinces.csv")) - 1;
    const std::size_t cities = countLines(readFile(dir + "cities.csv")) - 1;
    const std::size_t areas = countLines(readFile(dir + "areas.csv")) - 1;
    BOOST_TEST(provinces == 31U);
    BOOST_TEST(cities == 342U);
    BOOST_TEST(areas == 2978U);
    BOOST_TEST(reg().size() == provinces + cities + areas - 3);
}

BOOST_AUTO_TEST_CASE(domain_facts_count_counties_without_statistical_zones) {
    // DOMAIN.md: Sichuan 21 / 183, Hebei 11 / 167, Shanxi 11 / 117. The raw areas.csv has
    // 183, 190 and 121 county-level rows; Hebei has 23 and Shanxi 4 NBS-only zones (71-79).
    // So the published figures are the counts WITHOUT the statistical-only zones.
    struct Fact {
        const char* province;
        std::size_t cities, counties, withZones;
    };
    for (const Fact& f : {Fact{"51", 21, 183, 183}, Fact{"13", 11, 167, 190},
                          Fact{"14", 11, 117, 121}}) {
        BOOST_TEST_INFO("province " << f.province);
        BOOST_TEST(reg().children(f.province).size() == f.cities);
        BOOST_TEST(reg().counties(f.province).size() == f.counties);
        BOOST_TEST(reg().counties(f.province, true).size() == f.withZones);
    }
}

BOOST_AUTO_TEST_CASE(jinjiang_is_in_chengdu_in_sichuan) {
    const Division* d = reg().find("510104");
    BOOST_REQUIRE(d != nullptr);
    BOOST_TEST(d->name == "锦江区");
    BOOST_TEST((d->level == DivisionLevel::County));
    BOOST_TEST(!d->statisticalOnly);

    const auto chain = reg().chain("510104");
    BOOST_REQUIRE(chain.size() == 3U);
    BOOST_TEST(chain[0]->code == "51");
    BOOST_TEST(chain[0]->name == "四川省");
    BOOST_TEST(chain[1]->code == "5101");
    BOOST_TEST(chain[1]->name == "成都市");
    BOOST_TEST(chain[2]->code == "510104");
    BOOST_TEST(reg().fullName("510104") == "四川省成都市锦江区");
}

BOOST_AUTO_TEST_CASE(padded_and_short_codes) {
    BOOST_REQUIRE(reg().find("510100") != nullptr);
    BOOST_TEST(reg().find("510100")->name == "成都市");
    BOOST_TEST((reg().find("510100")->level == DivisionLevel::City));
    BOOST_TEST(reg().find("5101") == reg().find("510100"));
    BOOST_TEST(reg().find("510000")->name == "四川省");
    BOOST_TEST(reg().find("51") == reg().find("510000"));
    BOOST_TEST(reg().find("519999") == nullptr);
    BOOST_TEST(reg().find("") == nullptr);
    BOOST_TEST(reg().find("51a104") == nullptr);
    BOOST_TEST(DivisionRegistry::normalize("510000") == "51");
    BOOST_TEST(DivisionRegistry::normalize("510100") == "5101");
    BOOST_TEST(DivisionRegistry::normalize("510104") == "510104");
    BOOST_TEST(DivisionRegistry::normalize("5100") == "51");
    BOOST_TEST(DivisionRegistry::normalize("abc") == "abc");
}

BOOST_AUTO_TEST_CASE(is_inside) {
    BOOST_TEST(DivisionRegistry::isInside("510104", "51"));
    BOOST_TEST(DivisionRegistry::isInside("510104", "510000"));
    BOOST_TEST(DivisionRegistry::isInside("510104", "5101"));
    BOOST_TEST(DivisionRegistry::isInside("510104", "510100"));
    BOOST_TEST(DivisionRegistry::isInside("510104", "510104"));
    BOOST_TEST(DivisionRegistry::isInside("5101", "51"));
    BOOST_TEST(!DivisionRegistry::isInside("510104", "5102"));
    BOOST_TEST(!DivisionRegistry::isInside("510104", "13"));
    BOOST_TEST(!DivisionRegistry::isInside("5101", "510104"));
    BOOST_TEST(!DivisionRegistry::isInside("510104", ""));
    BOOST_TEST(!DivisionRegistry::isInside("", "51"));
    BOOST_TEST(!DivisionRegistry::isInside("51010", "51"));
}

BOOST_AUTO_TEST_CASE(municipalities_and_county_less_cities) {
    // 110101 东城区 sits under the grouping row 1101 "市辖区", which full names leave out.
    BOOST_TEST(reg().fullName("110101") == "北京市东城区");
    // 4419 东莞市 has no counties; 441900 is the city itself in padded form.
    BOOST_TEST(reg().children("4419").empty());
    BOOST_TEST(reg().counties("4419").empty());
    BOOST_REQUIRE(reg().find("441900") != nullptr);
    BOOST_TEST(reg().find("441900")->code == "4419");
    BOOST_TEST((reg().find("441900")->level == DivisionLevel::City));
    BOOST_TEST(reg().fullName("441900") == "广东省东莞市");
}

BOOST_AUTO_TEST_CASE(statistical_only_zones) {
    const Division* zone = reg().find("130171");
    BOOST_REQUIRE(zone != nullptr);
    BOOST_TEST(zone->name == "石家庄高新技术产业开发区");
    BOOST_TEST(zone->statisticalOnly);
    BOOST_TEST(!reg().find("130102")->statisticalOnly); // 长安区
    const auto withZones = reg().counties("1301", true);
    const auto without = reg().counties("1301");
    BOOST_TEST(withZones.size() == without.size() + 2); // 130171 and 130172
}

BOOST_AUTO_TEST_CASE(children_are_ordered_by_code) {
    const auto cities = reg().children("51");
    BOOST_REQUIRE(!cities.empty());
    BOOST_TEST(cities.front()->code == "5101");
    for (std::size_t i = 1; i < cities.size(); ++i) {
        BOOST_TEST(cities[i - 1]->code < cities[i]->code);
    }
    const auto counties = reg().children("510100");
    BOOST_TEST(counties.size() == 20U); // 成都: 12 districts, 3 counties, 5 county-level cities
    BOOST_TEST(counties.front()->code == "510104");
    BOOST_TEST(reg().children("510104").empty());
}

BOOST_AUTO_TEST_CASE(small_registry_from_text) {
    const auto r = DivisionRegistry::fromCsv("code,name\n51,\"四川省\"\n",
                                             "code,name,provinceCode\n5101,\"成都市\",51\n",
                                             "code,name,cityCode,provinceCode\n"
                                             "510104,\"锦江区\",5101,51\n");
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().size() == 3U);
    BOOST_TEST(r.value().fullName("510104") == "四川省成都市锦江区");
}

BOOST_AUTO_TEST_CASE(damaged_files_are_refused_with_file_line_and_field) {
    const auto r = DivisionRegistry::fromCsv(
        "code,name\n51,四川省\n51,重复\n",
        "code,name,provinceCode\n5101,成都市,51\n5201,贵阳市,51\n",
        "code,name,cityCode,provinceCode\n510104,锦江区,5101,51\n51010,短码,5101,51\n"
        "510105,青羊区,5102,51\n");
    BOOST_REQUIRE(!r.ok());
    const auto& e = r.errors();
    BOOST_REQUIRE(e.size() == 4U);
    BOOST_TEST(e[0].field == "provinces.csv:3:code");
    BOOST_TEST((e[0].reason == Str::ErrDuplicateCode));
    BOOST_TEST(e[1].field == "cities.csv:3:provinceCode");
    BOOST_TEST((e[1].reason == Str::ErrParentMismatch));
    BOOST_TEST(e[2].field == "areas.csv:3:code");
    BOOST_TEST((e[2].reason == Str::ErrCodeFormat));
    BOOST_TEST(e[2].value == "51010");
    BOOST_TEST(e[3].field == "areas.csv:4:cityCode");
}

BOOST_AUTO_TEST_CASE(missing_columns_and_broken_quotes) {
    const auto r = DivisionRegistry::fromCsv("code,title\n51,四川省\n",
                                             "code,name,provinceCode\n5101,\"成都市,51\n",
                                             "code,name,cityCode,provinceCode\n");
    BOOST_REQUIRE(!r.ok());
    BOOST_REQUIRE(r.errors().size() == 2U);
    BOOST_TEST(r.errors()[0].field == "provinces.csv:1:name");
    BOOST_TEST((r.errors()[0].reason == Str::ErrCsvMissingColumn));
    BOOST_TEST(r.errors()[1].field == "cities.csv:2:2");
    BOOST_TEST((r.errors()[1].reason == Str::ErrCsvUnterminatedQuote));
}

BOOST_AUTO_TEST_SUITE_END()
