#include "core/model/catalogue.h"

#include <cstddef>
#include <iterator>

namespace nuanxin {
namespace {

constexpr KindInfo kKinds[] = {
    {Kind::Coal, "coal", Str::KindCoal, Unit::Kg, false},
    {Kind::Heater, "heater", Str::KindHeater, Unit::Piece, false},
    {Kind::HeatingSubsidy, "heating_subsidy", Str::KindHeatingSubsidy, Unit::Yuan, false},
    {Kind::Quilt, "quilt", Str::KindQuilt, Unit::Piece, false},
    {Kind::WinterClothes, "winter_clothes", Str::KindWinterClothes, Unit::Piece, false},
    {Kind::Food, "food", Str::KindFood, Unit::Kg, false},
    {Kind::DailyNecessities, "daily_necessities", Str::KindDailyNecessities, Unit::Piece, false},
    {Kind::OneTimeSubsidy, "one_time_subsidy", Str::KindOneTimeSubsidy, Unit::Yuan, false},
    {Kind::TemporaryAssistance, "temporary_assistance", Str::KindTemporaryAssistance, Unit::Yuan,
     false},
    {Kind::MedicalAid, "medical_aid", Str::KindMedicalAid, Unit::Yuan, false},
    {Kind::EducationAid, "education_aid", Str::KindEducationAid, Unit::Yuan, false},
    {Kind::HomeVisit, "home_visit", Str::KindHomeVisit, Unit::Visit, true},
    // 家庭养老床位 is counted in beds but is a care service delivered at home, not a good.
    {Kind::HomeCareBed, "home_care_bed", Str::KindHomeCareBed, Unit::Piece, true},
    {Kind::HomeAdaptation, "home_adaptation", Str::KindHomeAdaptation, Unit::Visit, true},
    {Kind::ResidentialCare, "residential_care", Str::KindResidentialCare, Unit::Visit, true},
    {Kind::SafetyCheck, "safety_check", Str::KindSafetyCheck, Unit::Visit, true},
    {Kind::SnowClearing, "snow_clearing", Str::KindSnowClearing, Unit::Visit, true},
    {Kind::WiringRepair, "wiring_repair", Str::KindWiringRepair, Unit::Visit, true},
};
static_assert(std::size(kKinds) == static_cast<std::size_t>(Kind::Count_), "one entry per kind");

constexpr bool kindsInEnumOrder() {
    for (std::size_t i = 0; i < std::size(kKinds); ++i) {
        if (static_cast<std::size_t>(kKinds[i].kind) != i) return false;
    }
    return true;
}
static_assert(kindsInEnumOrder(), "kKinds is indexed by Kind");

// One table per enum: the stable name and the display key, indexed by the enum value.
struct Names {
    std::string_view name;
    Str label;
};

constexpr Names kCategories[] = {
    {"dibao", Str::CatDibao},
    {"tekun", Str::CatTekun},
    {"dibao_edge", Str::CatDibaoEdge},
    {"monitored", Str::CatMonitored},
    {"rigid_expense", Str::CatRigidExpense},
    {"other_low_income", Str::CatOtherLowIncome},
    {"homeless", Str::CatHomeless},
    {"disaster_stranded", Str::CatDisasterStranded},
};
constexpr Names kAttributes[] = {
    {"disabled", Str::AttrDisabled},
    {"serious_illness", Str::AttrSeriousIllness},
    {"in_school", Str::AttrInSchool},
    {"cannot_self_care", Str::AttrCannotSelfCare},
    {"lives_alone", Str::AttrLivesAlone},
    {"orphan", Str::AttrOrphan},
    {"left_behind", Str::AttrLeftBehind},
    {"unsupported", Str::AttrUnsupported},
    {"disaster_hit", Str::AttrDisasterHit},
};
constexpr Names kUnits[] = {
    {"kg", Str::UnitKg}, {"piece", Str::UnitPiece}, {"yuan", Str::UnitYuan},
    {"visit", Str::UnitVisit},
};
constexpr Names kUrgencies[] = {
    {"normal", Str::UrgencyNormal}, {"urgent", Str::UrgencyUrgent},
    {"critical", Str::UrgencyCritical},
};
constexpr Names kNeedStatuses[] = {
    {"open", Str::NeedOpen},     {"partly_met", Str::NeedPartlyMet},
    {"met", Str::NeedMet},       {"closed", Str::NeedClosed},
    {"cancelled", Str::NeedCancelled},
};
constexpr Names kOfferStatuses[] = {
    {"open", Str::OfferOpen}, {"exhausted", Str::OfferExhausted},
    {"withdrawn", Str::OfferWithdrawn},
};
constexpr Names kAllocationStatuses[] = {
    {"proposed", Str::AllocProposed},   {"approved", Str::AllocApproved},
    {"assigned", Str::AllocAssigned},   {"delivered", Str::AllocDelivered},
    {"confirmed", Str::AllocConfirmed}, {"rejected", Str::AllocRejected},
    {"cancelled", Str::AllocCancelled},
};
constexpr Names kDonorTypes[] = {
    {"charity", Str::DonorCharity}, {"enterprise", Str::DonorEnterprise},
    {"individual", Str::DonorIndividual}, {"government", Str::DonorGovernment},
};
constexpr Names kSexes[] = {{"female", Str::SexFemale}, {"male", Str::SexMale}};

template <class E, std::size_t N>
constexpr void checkSize(const Names (&)[N]) {
    static_assert(N == static_cast<std::size_t>(E::Count_), "one entry per enum value");
}

// Out-of-range values (a damaged file, a newer writer) must not read past a table: they get a
// name no parser accepts and the generic "invalid" text.
constexpr Names kUnknown{"?", Str::ErrInvalid};

template <class E, std::size_t N>
const Names& lookup(const Names (&table)[N], E v) {
    checkSize<E>(table);
    const auto i = static_cast<std::size_t>(v);
    return i < N ? table[i] : kUnknown;
}

} // namespace

const KindInfo& kindInfo(Kind kind) {
    const auto i = static_cast<std::size_t>(kind);
    return kKinds[i < std::size(kKinds) ? i : 0];
}

std::string_view name(Category v) { return lookup(kCategories, v).name; }
std::string_view name(Attribute v) { return lookup(kAttributes, v).name; }
std::string_view name(Kind v) {
    return static_cast<std::size_t>(v) < std::size(kKinds) ? kindInfo(v).name : kUnknown.name;
}
std::string_view name(Unit v) { return lookup(kUnits, v).name; }
std::string_view name(Urgency v) { return lookup(kUrgencies, v).name; }
std::string_view name(NeedStatus v) { return lookup(kNeedStatuses, v).name; }
std::string_view name(OfferStatus v) { return lookup(kOfferStatuses, v).name; }
std::string_view name(AllocationStatus v) { return lookup(kAllocationStatuses, v).name; }
std::string_view name(DonorType v) { return lookup(kDonorTypes, v).name; }
std::string_view name(Sex v) { return lookup(kSexes, v).name; }

Str label(Category v) { return lookup(kCategories, v).label; }
Str label(Attribute v) { return lookup(kAttributes, v).label; }
Str label(Kind v) {
    return static_cast<std::size_t>(v) < std::size(kKinds) ? kindInfo(v).label : kUnknown.label;
}
Str label(Unit v) { return lookup(kUnits, v).label; }
Str label(Urgency v) { return lookup(kUrgencies, v).label; }
Str label(NeedStatus v) { return lookup(kNeedStatuses, v).label; }
Str label(OfferStatus v) { return lookup(kOfferStatuses, v).label; }
Str label(AllocationStatus v) { return lookup(kAllocationStatuses, v).label; }
Str label(DonorType v) { return lookup(kDonorTypes, v).label; }
Str label(Sex v) { return lookup(kSexes, v).label; }

} // namespace nuanxin
