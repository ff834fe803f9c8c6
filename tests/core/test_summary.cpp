// Counts of a small hand-built data set; the expected numbers are worked out by hand below.
#include <boost/test/unit_test.hpp>

// cereal's JSON header first: it makes rapidjson's assertions throw, and rapidjson's inline
// code must be the same in every file of the program.
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>

#include "core/report/summary.h"
#include "test_builders.h"

namespace {

using namespace nuanxin;

Household household(HouseholdId id, const char* county, CategorySet cats, std::size_t members) {
    Household h;
    h.id = id;
    h.divisionCode = county;
    h.categories = cats;
    h.members.resize(members);
    return h;
}

Need need(NeedId id, HouseholdId h, Kind k, std::int64_t quantity) {
    return test::makeNeed(id, h, k, quantity);
}

Offer offer(OfferId id, Kind k, std::int64_t capacity) {
    Offer o;
    o.id = id;
    o.kind = k;
    o.unit = kindInfo(k).unit;
    o.capacity = capacity;
    return o;
}

/// 4 households: two in Sichuan (51), one in Hebei (13), one in Shanxi (14);
/// members 2 + 1 + 3 + 1 = 7; household 2 is in two categories.
Dataset sample() {
    Dataset d;
    d.households = {household(1, "510104", {Category::Dibao}, 2),
                    household(2, "510105", {Category::Dibao, Category::Monitored}, 1),
                    household(3, "130102", {Category::Tekun}, 3),
                    household(4, "140105", {Category::Homeless}, 1)};
    d.needs = {need(1, 3, Kind::Coal, 500), need(2, 4, Kind::Coal, 800), need(3, 1, Kind::Quilt, 2),
               need(4, 2, Kind::HomeVisit, 6)};
    d.offers = {offer(1, Kind::Coal, 1000), offer(2, Kind::Coal, 300), offer(3, Kind::Quilt, 5)};
    d.donors.resize(2);
    d.allocations.resize(1);
    d.volunteers.resize(3);
    return d;
}

std::size_t cat(const Summary& s, Category c) {
    return s.householdsByCategory[static_cast<std::size_t>(c)];
}

} // namespace

BOOST_AUTO_TEST_SUITE(summary)

BOOST_AUTO_TEST_CASE(counts_by_hand) {
    const Summary s = summarize(sample());
    BOOST_TEST(s.households == 4U);
    BOOST_TEST(s.members == 7U);
    BOOST_TEST(s.needs == 4U);
    BOOST_TEST(s.offers == 3U);
    BOOST_TEST(s.donors == 2U);
    BOOST_TEST(s.allocations == 1U);
    BOOST_TEST(s.volunteers == 3U);
    BOOST_TEST(s.householdsByProvince.size() == 3U);
    BOOST_TEST(s.householdsByProvince.at("51") == 2U);
    BOOST_TEST(s.householdsByProvince.at("13") == 1U);
    BOOST_TEST(s.householdsByProvince.at("14") == 1U);
    // A household counts once in each of its categories: 5 category memberships in all.
    BOOST_TEST(cat(s, Category::Dibao) == 2U);
    BOOST_TEST(cat(s, Category::Monitored) == 1U);
    BOOST_TEST(cat(s, Category::Tekun) == 1U);
    BOOST_TEST(cat(s, Category::Homeless) == 1U);
    BOOST_TEST(cat(s, Category::DibaoEdge) == 0U);
    const auto& sichuan = s.categoriesByProvince.at("51");
    BOOST_TEST(sichuan[static_cast<std::size_t>(Category::Dibao)] == 2U);
    BOOST_TEST(sichuan[static_cast<std::size_t>(Category::Monitored)] == 1U);
    BOOST_TEST(sichuan[static_cast<std::size_t>(Category::Tekun)] == 0U);
    const auto coal = static_cast<std::size_t>(Kind::Coal);
    BOOST_TEST(s.needsByKind[coal] == 2U);
    BOOST_TEST(s.needQuantityByKind[coal] == 1300); // 500 + 800
    BOOST_TEST(s.offersByKind[coal] == 2U);
    BOOST_TEST(s.offerCapacityByKind[coal] == 1300); // 1000 + 300
    BOOST_TEST(s.needQuantityByKind[static_cast<std::size_t>(Kind::HomeVisit)] == 6);
    BOOST_TEST(s.offersByKind[static_cast<std::size_t>(Kind::HomeVisit)] == 0U);
}

BOOST_AUTO_TEST_CASE(json_has_stable_keys) {
    const std::string json = summaryJson(summarize(sample()));
    rapidjson::Document doc;
    doc.Parse(json.c_str());
    BOOST_REQUIRE_MESSAGE(!doc.HasParseError(), json);
    BOOST_TEST(doc["households"].GetUint() == 4U);
    BOOST_TEST(doc["members"].GetUint() == 7U);
    BOOST_TEST(doc["volunteers"].GetUint() == 3U);
    BOOST_TEST(doc["households_by_province"]["51"].GetUint() == 2U);
    BOOST_TEST(doc["households_by_province"]["13"].GetUint() == 1U);
    BOOST_TEST(doc["households_by_category"]["dibao"].GetUint() == 2U);
    BOOST_TEST(doc["households_by_category"]["dibao_edge"].GetUint() == 0U); // zeros are listed
    BOOST_TEST(doc["households_by_category"].MemberCount() == 8U);
    BOOST_TEST(doc["categories_by_province"]["51"]["monitored"].GetUint() == 1U);
    BOOST_TEST(doc["needs_by_kind"]["coal"].GetUint() == 2U);
    BOOST_TEST(doc["needs_by_kind"].MemberCount() == static_cast<unsigned>(Kind::Count_));
    BOOST_TEST(doc["need_quantity_by_kind"]["coal"].GetInt64() == 1300);
    BOOST_TEST(doc["offer_capacity_by_kind"]["quilt"].GetInt64() == 5);
    // Provinces in code order, every time.
    BOOST_TEST(json.find("{\"13\":1,\"14\":1,\"51\":2}") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_uses_names_and_language) {
    const Summary s = summarize(sample());
    const std::string zh = summaryText(s, DivisionRegistry::builtIn(), Lang::Zh);
    const std::string en = summaryText(s, DivisionRegistry::builtIn(), Lang::En);
    BOOST_TEST(zh.find("四川省 (51)") != std::string::npos);
    BOOST_TEST(zh.find("河北省 (13)") != std::string::npos);
    BOOST_TEST(zh.find(std::string(tr(Str::Households, Lang::Zh)) + "：4") != std::string::npos);
    BOOST_TEST(en.find("Households: 4") != std::string::npos);
    BOOST_TEST(en.find(std::string(tr(label(Kind::Coal), Lang::En))) != std::string::npos);
    BOOST_TEST(zh != en);
}

BOOST_AUTO_TEST_SUITE_END()
