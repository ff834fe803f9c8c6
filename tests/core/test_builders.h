#pragma once
// Small builders of model values for the suites' hand-made data sets: the fields every test
// sets the same way (the unit follows the kind), so each suite only adds what it is about.
#include <cstdint>

#include "core/model/catalogue.h"
#include "core/model/types.h"

namespace nuanxin::test {

inline Need makeNeed(NeedId id, HouseholdId household, Kind kind, std::int64_t quantity) {
    Need n;
    n.id = id;
    n.household = household;
    n.kind = kind;
    n.unit = kindInfo(kind).unit;
    n.quantity = quantity;
    return n;
}

inline Allocation makeAllocation(AllocationId id, NeedId need, OfferId offer,
                                 std::int64_t quantity, AllocationStatus status) {
    Allocation a;
    a.id = id;
    a.need = need;
    a.offer = offer;
    a.quantity = quantity;
    a.status = status;
    return a;
}

} // namespace nuanxin::test
