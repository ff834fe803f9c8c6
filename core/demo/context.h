#pragma once
// Internal to the demo generator: the state its steps share.
#include <set>
#include <string>

#include "core/demo/generator.h"
#include "core/demo/random.h"

namespace nuanxin::demo {

/// @brief One generation run: the random stream and what must stay unique across households.
struct Context {
    Rng rng;
    DemoOptions options;
    std::int64_t asOfDays = 0;
    std::set<std::string> usedIds; ///< ID numbers already given (validate refuses duplicates)
};

/// @brief A household of `county` with members, categories and contact data.
[[nodiscard]] Household makeHousehold(Context& c, HouseholdId id, const std::string& county,
                                      const char* landlineArea);
/// @brief 1-3 needs per household, kinds chosen from its region and members.
void addNeeds(Context& c, Dataset& data);
/// @brief Donors and offers whose capacity is about 60-80% of the demand per kind.
void addDonorsAndOffers(Context& c, Dataset& data, const DivisionRegistry& divisions);
/// @brief A few volunteers per province.
void addVolunteers(Context& c, Dataset& data, const DivisionRegistry& divisions);

} // namespace nuanxin::demo
