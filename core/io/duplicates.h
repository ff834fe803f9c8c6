#pragma once
// Duplicate households. The same ID number is the same person (the store refuses it twice);
// beyond that, households that only look alike are flagged for a person to review, never merged.
#include <string>
#include <unordered_map>
#include <vector>

#include "core/store/state.h"

namespace nuanxin {

/// @brief Two households that may be one: same member name, birth date and county, or the same
/// phone number. `a` < `b` when both are registered; `b` is 0 for a household not yet registered.
struct LikelyDuplicate {
    HouseholdId a = 0;
    HouseholdId b = 0;
    Str reason = Str::IoLikelySamePerson;
};

/// @brief Finds households resembling a given one among those added so far.
class LikelyIndex {
public:
    /// @brief Indexes every household of the state.
    explicit LikelyIndex(const State& state);
    LikelyIndex() = default;
    void add(const Household& h);
    /// @brief Registered households resembling `h` (other than `h.id` itself), each reason once,
    /// by id then reason.
    [[nodiscard]] std::vector<LikelyDuplicate> matches(const Household& h) const;

private:
    std::unordered_map<std::string, std::vector<HouseholdId>> m_person; // name|birth|county
    std::unordered_map<std::string, std::vector<HouseholdId>> m_phone;
};

/// @brief Every likely pair in the state, ordered by (a, b, reason).
[[nodiscard]] std::vector<LikelyDuplicate> findLikelyDuplicates(const State& state);

/// @brief Households of the state sharing a member ID number with `h` (other organisations'
/// registrations of the same people), by id.
[[nodiscard]] std::vector<HouseholdId> householdsSharingPeople(const State& state,
                                                               const Household& h);

} // namespace nuanxin
