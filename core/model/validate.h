#pragma once
#include "core/geo/divisions.h"
#include "core/model/types.h"
#include "core/util/error.h"

namespace nuanxin {

/// @brief Checks one record on its own. Each returns every problem found (empty when valid);
/// fields are named as in files ("members[0].id_number"), personal values masked.
/// `today` bounds birth dates; the registry resolves division codes.
[[nodiscard]] FieldErrors validate(const Member& m, const DivisionRegistry& divisions,
                                   const Date& today);
[[nodiscard]] FieldErrors validate(const Household& h, const DivisionRegistry& divisions,
                                   const Date& today);
[[nodiscard]] FieldErrors validate(const Need& n);
[[nodiscard]] FieldErrors validate(const Donor& d, const DivisionRegistry& divisions);
[[nodiscard]] FieldErrors validate(const Offer& o, const DivisionRegistry& divisions);
[[nodiscard]] FieldErrors validate(const Allocation& a);
[[nodiscard]] FieldErrors validate(const Volunteer& v, const DivisionRegistry& divisions);

/// @brief Every record, plus what ties them together: unique ids, needs pointing at known
/// households, offers at known donors, allocations at known needs and offers, the same ID number
/// never in two households. Fields are prefixed "households[3].", "needs[10]." and so on.
[[nodiscard]] FieldErrors validate(const Dataset& data, const DivisionRegistry& divisions,
                                   const Date& today);

} // namespace nuanxin
