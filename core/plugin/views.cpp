#include "core/plugin/views.h"

#include <algorithm>
#include <cstring>

namespace nuanxin {

// The ABI's numbers are nuanxin's own (both are stored in files and append-only).
static_assert(NX_CAT_DISASTER_STRANDED == static_cast<int>(Category::DisasterStranded));
static_assert(static_cast<int>(Category::Count_) == NX_CAT_DISASTER_STRANDED + 1);
static_assert(NX_ATTR_DISASTER_HIT == static_cast<int>(Attribute::DisasterHit));
static_assert(static_cast<int>(Attribute::Count_) == NX_ATTR_DISASTER_HIT + 1);
static_assert(NX_KIND_TEMPORARY_ASSISTANCE == static_cast<int>(Kind::TemporaryAssistance));
static_assert(NX_KIND_HOME_VISIT == static_cast<int>(Kind::HomeVisit));
static_assert(static_cast<int>(Kind::Count_) == NX_KIND_WIRING_REPAIR + 1);
static_assert(NX_UNIT_VISIT == static_cast<int>(Unit::Visit));
static_assert(NX_URGENCY_CRITICAL == static_cast<int>(Urgency::Critical));
static_assert(NX_DONOR_GOVERNMENT == static_cast<int>(DonorType::Government));

std::uint64_t fnvMix(std::uint64_t hash, std::uint64_t value) {
    for (unsigned i = 0; i < 8; ++i) {
        hash ^= (value >> (8U * i)) & 0xFFU;
        hash *= 1099511628211ULL;
    }
    return hash;
}

HouseholdView::HouseholdView(const Household& household, const Date& asOf) {
    m_members.reserve(household.members.size());
    for (const Member& m : household.members) {
        nx_member_view v{};
        v.struct_size = sizeof(nx_member_view);
        v.attributes = m.attributes.bits();
        v.age_years = m.birth.yearsUntil(asOf);
        v.sex = static_cast<std::uint32_t>(m.sex);
        m_members.push_back(v);
    }
    std::memset(&m_view, 0, sizeof m_view);
    m_view.struct_size = sizeof(nx_household_view);
    m_view.categories = household.categories.bits();
    const std::size_t n = std::min(household.divisionCode.size(), sizeof m_view.division_code - 1);
    std::memcpy(m_view.division_code, household.divisionCode.data(), n);
    m_view.has_address = household.address.empty() ? 0U : 1U;
    m_view.consent = household.consentToShare ? 1U : 0U;
    m_view.members = m_members.data();
    m_view.member_count = static_cast<std::uint32_t>(m_members.size());
    m_view.member_stride = sizeof(nx_member_view);
}

std::uint64_t HouseholdView::hash() const {
    std::uint64_t h = kFnvOffset;
    h = fnvMix(h, m_view.categories);
    for (char c : m_view.division_code) h = fnvMix(h, static_cast<unsigned char>(c));
    h = fnvMix(h, m_view.has_address);
    h = fnvMix(h, m_view.consent);
    h = fnvMix(h, m_view.member_count);
    for (const nx_member_view& m : m_members) {
        h = fnvMix(h, m.attributes);
        h = fnvMix(h, static_cast<std::uint64_t>(static_cast<std::int64_t>(m.age_years)));
        h = fnvMix(h, m.sex);
    }
    return h;
}

nx_need_view makeNeedView(const Need& need) {
    nx_need_view v{};
    v.struct_size = sizeof(nx_need_view);
    v.kind = static_cast<std::uint32_t>(need.kind);
    v.unit = static_cast<std::uint32_t>(need.unit);
    v.urgency = static_cast<std::uint32_t>(need.urgency);
    v.quantity = need.quantity;
    v.deadline_days = need.deadline.daysSinceEpoch();
    return v;
}

std::uint64_t hashNeedView(const nx_need_view& need) {
    std::uint64_t h = kFnvOffset;
    h = fnvMix(h, need.kind);
    h = fnvMix(h, need.unit);
    h = fnvMix(h, need.urgency);
    h = fnvMix(h, static_cast<std::uint64_t>(need.quantity));
    return fnvMix(h, static_cast<std::uint64_t>(need.deadline_days));
}

nx_offer_view makeOfferView(const Offer& offer, const Donor* donor) {
    return makeOfferView(offer, donor != nullptr ? std::optional<DonorType>(donor->type)
                                                 : std::nullopt);
}

nx_offer_view makeOfferView(const Offer& offer, std::optional<DonorType> donorType) {
    nx_offer_view v{};
    v.struct_size = sizeof(nx_offer_view);
    v.kind = static_cast<std::uint32_t>(offer.kind);
    v.unit = static_cast<std::uint32_t>(offer.unit);
    v.donor_type = donorType ? static_cast<std::uint32_t>(*donorType)
                             : static_cast<std::uint32_t>(NX_DONOR_UNKNOWN);
    v.capacity = offer.capacity;
    v.unit_value_fen = offer.unitValueFen;
    v.window_start_days = offer.windowStart.daysSinceEpoch();
    v.window_end_days = offer.windowEnd.daysSinceEpoch();
    v.target_groups = offer.targetGroups.bits();
    return v;
}

} // namespace nuanxin
