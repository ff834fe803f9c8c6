#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "core/model/types.h"
#include "plugins/api/nuanxin_plugin.h"

namespace nuanxin {

/// @brief A household as a plugin sees it: no names, ID numbers, address or phone.
/// Owns the members' array the view points to, so it is neither copied nor moved.
class HouseholdView {
public:
    HouseholdView(const Household& household, const Date& asOf);
    HouseholdView(const HouseholdView&) = delete;
    HouseholdView& operator=(const HouseholdView&) = delete;

    [[nodiscard]] const nx_household_view* get() const { return &m_view; }
    /// @brief FNV-1a over every field a plugin can read (equal views give equal hashes).
    [[nodiscard]] std::uint64_t hash() const;

private:
    std::vector<nx_member_view> m_members;
    nx_household_view m_view{};
};

[[nodiscard]] nx_need_view makeNeedView(const Need& need);
[[nodiscard]] nx_offer_view makeOfferView(const Offer& offer, const Donor* donor);
/// @brief The same with only the donor's type; nullopt: NX_DONOR_UNKNOWN.
[[nodiscard]] nx_offer_view makeOfferView(const Offer& offer, std::optional<DonorType> donorType);
/// @brief FNV-1a over every field of a need view.
[[nodiscard]] std::uint64_t hashNeedView(const nx_need_view& need);
/// @brief One FNV-1a step over a 64-bit value, for combining hashes.
[[nodiscard]] std::uint64_t fnvMix(std::uint64_t hash, std::uint64_t value);
inline constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;

} // namespace nuanxin
