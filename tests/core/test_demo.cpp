// The demo generator: deterministic, valid, and shaped as designed (see core/demo/*.cpp).
#include <map>
#include <set>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "core/demo/generator.h"
#include "core/id/resident_id.h"
#include "core/model/validate.h"
#include "core/serial/archive.h"

namespace {

using namespace nuanxin;

std::string bytesOf(const Dataset& d, Format f) {
    std::ostringstream out;
    std::string error;
    BOOST_REQUIRE_MESSAGE(writeDataset(d, out, f, &error), error);
    return out.str();
}

Dataset makeDemo(std::uint64_t seed, std::size_t households) {
    DemoOptions options;
    options.seed = seed;
    options.households = households;
    return generateDemo(options, DivisionRegistry::builtIn());
}

std::size_t index(Category c) {
    return static_cast<std::size_t>(c);
}

} // namespace

BOOST_AUTO_TEST_SUITE(demo)

BOOST_AUTO_TEST_CASE(same_seed_same_bytes_other_seed_other_bytes) {
    const Dataset a = makeDemo(7, 300);
    const Dataset b = makeDemo(7, 300);
    const Dataset c = makeDemo(8, 300);
    for (Format f : {Format::Json, Format::Binary}) {
        BOOST_TEST(bytesOf(a, f) == bytesOf(b, f));
        BOOST_TEST(bytesOf(a, f) != bytesOf(c, f));
    }
    BOOST_TEST(a.households.size() == 300U);
    BOOST_TEST(makeDemo(7, 0).households.empty());
}

BOOST_AUTO_TEST_CASE(whole_data_set_validates) {
    const DemoOptions options; // asOf 2026-11-16: every birth date lies before it
    for (std::uint64_t seed : {1ULL, 2026ULL, 123456789ULL}) {
        DemoOptions o = options;
        o.seed = seed;
        o.households = 400;
        const Dataset d = generateDemo(o, DivisionRegistry::builtIn());
        const FieldErrors errors = validate(d, DivisionRegistry::builtIn(), o.asOf);
        BOOST_TEST_CONTEXT("seed " << seed) {
            BOOST_TEST(errors.empty());
            for (std::size_t i = 0; i < errors.size() && i < 10; ++i) {
                BOOST_TEST_MESSAGE(errors[i].describe(Lang::En));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(ids_and_divisions_are_real) {
    const auto& divisions = DivisionRegistry::builtIn();
    const Dataset d = makeDemo(2026, 600);
    std::set<std::string> provinces;
    for (const auto& h : d.households) {
        const Division* county = divisions.find(h.divisionCode);
        BOOST_REQUIRE(county != nullptr);
        BOOST_TEST((county->level == DivisionLevel::County));
        BOOST_TEST(!county->statisticalOnly);
        const std::string province = h.divisionCode.substr(0, 2);
        BOOST_TEST((province == "13" || province == "14" || province == "51"));
        provinces.insert(province);
        BOOST_TEST(!h.members.empty());
        for (const auto& m : h.members) {
            const auto id = parseResidentId(m.idNumber, divisions, d.asOf);
            BOOST_REQUIRE_MESSAGE(id.ok(), maskIdNumber(m.idNumber));
            BOOST_TEST(id.value().divisionCode == h.divisionCode);
            BOOST_TEST((id.value().birth == m.birth));
            BOOST_TEST((id.value().sex == m.sex));
            BOOST_TEST((id.value().sequence % 2 == 1) == (m.sex == Sex::Male));
        }
    }
    BOOST_TEST(provinces.size() == 3U);
}

BOOST_AUTO_TEST_CASE(mix_follows_the_design) {
    const Dataset d = makeDemo(11, 3000);
    const auto n = static_cast<double>(d.households.size());
    auto share = [&](std::size_t count) { return static_cast<double>(count) / n; };
    std::array<std::size_t, static_cast<std::size_t>(Category::Count_)> cats{};
    std::map<std::string, std::size_t> perProvince;
    std::size_t consent = 0;
    for (const auto& h : d.households) {
        for (Category c : allOf<Category>()) cats[index(c)] += h.categories.has(c) ? 1 : 0;
        ++perProvince[h.divisionCode.substr(0, 2)];
        consent += h.consentToShare ? 1 : 0;
        for (const auto& m : h.members) {
            // Living alone means a household of one, and an old person (designed: 65+).
            if (m.attributes.has(Attribute::LivesAlone)) {
                BOOST_TEST(h.members.size() == 1U);
                BOOST_TEST(m.birth.yearsUntil(d.asOf) >= 60);
            }
            if (m.attributes.has(Attribute::InSchool)) BOOST_TEST(m.birth.yearsUntil(d.asOf) <= 25);
        }
    }
    // 低保 most common, 低保边缘 next; 流浪乞讨 and 因灾滞留 few but present.
    for (Category c : allOf<Category>()) {
        if (c != Category::Dibao) BOOST_TEST(cats[index(Category::Dibao)] > 2 * cats[index(c)]);
    }
    BOOST_TEST(cats[index(Category::DibaoEdge)] > cats[index(Category::RigidExpense)]);
    BOOST_TEST(share(cats[index(Category::Dibao)]) > 0.30);
    BOOST_TEST(share(cats[index(Category::Dibao)]) < 0.50);
    for (Category rare : {Category::Homeless, Category::DisasterStranded}) {
        BOOST_TEST(cats[index(rare)] > 0U);
        BOOST_TEST(share(cats[index(rare)]) < 0.05);
    }
    // Population weights 84 : 74 : 35 (Sichuan, Hebei, Shanxi).
    BOOST_TEST(share(perProvince["51"]) > 0.36);
    BOOST_TEST(share(perProvince["51"]) < 0.52);
    BOOST_TEST(perProvince["14"] < perProvince["13"]);
    BOOST_TEST(share(consent) > 0.8);
}

BOOST_AUTO_TEST_CASE(needs_and_offers_are_consistent) {
    const Dataset d = makeDemo(5, 1000);
    std::map<HouseholdId, std::set<Kind>> kindsOf;
    std::array<std::int64_t, static_cast<std::size_t>(Kind::Count_)> demand{}, capacity{};
    std::size_t coalNorth = 0, coalSouth = 0, north = 0, south = 0;
    const auto lastDay = Date{2027, 2, 28};
    for (const auto& n : d.needs) {
        BOOST_TEST((n.unit == kindInfo(n.kind).unit));
        BOOST_TEST(n.quantity > 0);
        BOOST_TEST((d.asOf <= n.deadline));
        BOOST_TEST((n.deadline <= lastDay));
        BOOST_TEST(kindsOf[n.household].insert(n.kind).second); // one need per kind
        demand[static_cast<std::size_t>(n.kind)] += n.quantity;
        const auto& h = d.households.at(static_cast<std::size_t>(n.household - 1));
        if (n.kind == Kind::Coal) (h.divisionCode.substr(0, 2) == "51" ? coalSouth : coalNorth)++;
    }
    for (const auto& h : d.households) {
        BOOST_TEST(kindsOf[h.id].size() >= 1U);
        BOOST_TEST(kindsOf[h.id].size() <= 3U);
        (h.divisionCode.substr(0, 2) == "51" ? south : north)++;
    }
    // Coal is a northern need (Hebei, Shanxi): clearly more frequent there per household.
    BOOST_TEST(static_cast<double>(coalNorth) / static_cast<double>(north) >
               3.0 * static_cast<double>(coalSouth) / static_cast<double>(south));
    for (const auto& o : d.offers) {
        BOOST_TEST((o.unit == kindInfo(o.kind).unit));
        BOOST_TEST(!o.coverage.empty());
        BOOST_TEST((o.windowStart <= o.windowEnd));
        capacity[static_cast<std::size_t>(o.kind)] += o.capacity;
    }
    std::int64_t totalDemand = 0, totalCapacity = 0;
    for (std::size_t k = 0; k < demand.size(); ++k) {
        if (demand[k] == 0) continue;
        BOOST_TEST_CONTEXT("kind " << k) {
            // Every kind in demand is offered, at 60-80% of its demand (rounding aside).
            BOOST_TEST(capacity[k] > 0);
            BOOST_TEST(capacity[k] <= demand[k] * 81 / 100 + 1);
        }
        totalDemand += demand[k];
        totalCapacity += capacity[k];
    }
    const double share = static_cast<double>(totalCapacity) / static_cast<double>(totalDemand);
    BOOST_TEST(share >= 0.58);
    BOOST_TEST(share <= 0.81);
    std::set<std::string> volunteerProvinces;
    for (const auto& v : d.volunteers) volunteerProvinces.insert(v.divisionCode.substr(0, 2));
    BOOST_TEST(volunteerProvinces.size() == 3U);
    BOOST_TEST(d.volunteers.size() >= 9U);
    BOOST_TEST(d.volunteers.size() <= 15U);
}

BOOST_AUTO_TEST_SUITE_END()
