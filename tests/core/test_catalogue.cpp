// The catalogue: stable names (stored in files), units per kind, display texts in both languages.
#include <boost/test/unit_test.hpp>

#include <cstring>
#include <set>
#include <string>

#include "core/model/catalogue.h"

using namespace nuanxin;

namespace {

bool isSnakeCase(std::string_view s) {
    if (s.empty() || s.front() == '_' || s.back() == '_') return false;
    for (char c : s) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

template <class E>
void checkNames() {
    std::set<std::string_view> seen;
    for (E v : allOf<E>()) {
        const std::string_view n = name(v);
        BOOST_TEST_INFO("name " << n);
        BOOST_TEST(isSnakeCase(n));
        BOOST_TEST(seen.insert(n).second);
        BOOST_TEST((parseEnum<E>(n) == v));
    }
    BOOST_TEST(!parseEnum<E>("no_such_name").has_value());
}

template <class E>
void checkLabels() {
    for (E v : allOf<E>()) {
        BOOST_TEST_INFO("label of " << name(v));
        BOOST_TEST((label(v) != Str::ErrInvalid));
        BOOST_TEST(std::strlen(tr(label(v), Lang::Zh)) > 0U);
        BOOST_TEST(std::strlen(tr(label(v), Lang::En)) > 0U);
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(catalogue)

BOOST_AUTO_TEST_CASE(stable_names) {
    checkNames<Category>();
    checkNames<Attribute>();
    checkNames<Kind>();
    checkNames<Unit>();
    checkNames<Urgency>();
    checkNames<NeedStatus>();
    checkNames<OfferStatus>();
    checkNames<AllocationStatus>();
    checkNames<DonorType>();
    checkNames<Sex>();
    // Written into files: these exact strings must never change.
    BOOST_TEST(name(Category::Dibao) == "dibao");
    BOOST_TEST(name(Category::Tekun) == "tekun");
    BOOST_TEST(name(Category::DibaoEdge) == "dibao_edge");
    BOOST_TEST(name(Category::Monitored) == "monitored");
    BOOST_TEST(name(Category::RigidExpense) == "rigid_expense");
    BOOST_TEST(name(Category::OtherLowIncome) == "other_low_income");
    BOOST_TEST(name(Category::Homeless) == "homeless");
    BOOST_TEST(name(Category::DisasterStranded) == "disaster_stranded");
}

BOOST_AUTO_TEST_CASE(every_value_has_a_label) {
    checkLabels<Category>();
    checkLabels<Attribute>();
    checkLabels<Kind>();
    checkLabels<Unit>();
    checkLabels<Urgency>();
    checkLabels<NeedStatus>();
    checkLabels<OfferStatus>();
    checkLabels<AllocationStatus>();
    checkLabels<DonorType>();
    checkLabels<Sex>();
    BOOST_TEST(std::string(tr(label(Category::Dibao), Lang::Zh)) == "低保对象");
    BOOST_TEST(std::string(tr(label(Category::Monitored), Lang::Zh)) == "防止返贫监测对象");
    BOOST_TEST(std::string(tr(label(Kind::Coal), Lang::Zh)) == "煤炭");
    BOOST_TEST(std::string(tr(label(Kind::Quilt), Lang::En)) == "Quilt");
}

BOOST_AUTO_TEST_CASE(kind_table) {
    struct Row {
        Kind kind;
        const char* name;
        Unit unit;
        bool service;
    };
    const Row expected[] = {
        {Kind::Coal, "coal", Unit::Kg, false},
        {Kind::Heater, "heater", Unit::Piece, false},
        {Kind::HeatingSubsidy, "heating_subsidy", Unit::Yuan, false},
        {Kind::Quilt, "quilt", Unit::Piece, false},
        {Kind::WinterClothes, "winter_clothes", Unit::Piece, false},
        {Kind::Food, "food", Unit::Kg, false},
        {Kind::DailyNecessities, "daily_necessities", Unit::Piece, false},
        {Kind::OneTimeSubsidy, "one_time_subsidy", Unit::Yuan, false},
        {Kind::TemporaryAssistance, "temporary_assistance", Unit::Yuan, false},
        {Kind::MedicalAid, "medical_aid", Unit::Yuan, false},
        {Kind::EducationAid, "education_aid", Unit::Yuan, false},
        {Kind::HomeVisit, "home_visit", Unit::Visit, true},
        {Kind::HomeCareBed, "home_care_bed", Unit::Piece, true},
        {Kind::HomeAdaptation, "home_adaptation", Unit::Visit, true},
        {Kind::ResidentialCare, "residential_care", Unit::Visit, true},
        {Kind::SafetyCheck, "safety_check", Unit::Visit, true},
        {Kind::SnowClearing, "snow_clearing", Unit::Visit, true},
        {Kind::WiringRepair, "wiring_repair", Unit::Visit, true},
    };
    BOOST_REQUIRE(std::size(expected) == static_cast<std::size_t>(Kind::Count_));
    for (const Row& r : expected) {
        const KindInfo& k = kindInfo(r.kind);
        BOOST_TEST_INFO("kind " << r.name);
        BOOST_TEST((k.kind == r.kind));
        BOOST_TEST(k.name == r.name);
        BOOST_TEST((k.unit == r.unit));
        BOOST_TEST(k.service == r.service);
        BOOST_TEST((k.label == label(r.kind)));
    }
}

BOOST_AUTO_TEST_CASE(out_of_range_values_are_safe) {
    const auto bogus = static_cast<Category>(200);
    BOOST_TEST(name(bogus) == "?");
    BOOST_TEST((label(bogus) == Str::ErrInvalid));
    BOOST_TEST(name(static_cast<Kind>(99)) == "?");
}

BOOST_AUTO_TEST_SUITE_END()
