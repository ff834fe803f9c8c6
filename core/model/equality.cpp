#include "core/model/equality.h"

#include <tuple>

namespace nuanxin {

// std::tie keeps each comparison one line per record; a field added to a record must be added
// here too (the round-trip tests would not notice a field missing from both places).

bool operator==(const Member& a, const Member& b) {
    return std::tie(a.name, a.idNumber, a.birth, a.sex, a.attributes) ==
           std::tie(b.name, b.idNumber, b.birth, b.sex, b.attributes);
}

bool operator==(const Household& a, const Household& b) {
    return std::tie(a.id, a.divisionCode, a.address, a.phone, a.categories, a.consentToShare,
                    a.members, a.registered, a.registeredBy) ==
           std::tie(b.id, b.divisionCode, b.address, b.phone, b.categories, b.consentToShare,
                    b.members, b.registered, b.registeredBy);
}

bool operator==(const Need& a, const Need& b) {
    return std::tie(a.id, a.household, a.kind, a.quantity, a.unit, a.urgency, a.deadline, a.status,
                    a.note) == std::tie(b.id, b.household, b.kind, b.quantity, b.unit, b.urgency,
                                        b.deadline, b.status, b.note);
}

bool operator==(const Donor& a, const Donor& b) {
    return std::tie(a.id, a.name, a.type, a.divisionCode, a.phone) ==
           std::tie(b.id, b.name, b.type, b.divisionCode, b.phone);
}

bool operator==(const Offer& a, const Offer& b) {
    return std::tie(a.id, a.donor, a.kind, a.unit, a.capacity, a.unitValueFen, a.coverage,
                    a.targetGroups, a.windowStart, a.windowEnd, a.perHouseholdCap, a.status,
                    a.title) == std::tie(b.id, b.donor, b.kind, b.unit, b.capacity, b.unitValueFen,
                                         b.coverage, b.targetGroups, b.windowStart, b.windowEnd,
                                         b.perHouseholdCap, b.status, b.title);
}

bool operator==(const Reason& a, const Reason& b) {
    return a.code == b.code && a.detail == b.detail;
}

bool operator==(const ReasonList& a, const ReasonList& b) {
    return a.shares(b) || a.list() == b.list();
}

bool operator==(const Allocation& a, const Allocation& b) {
    return std::tie(a.id, a.need, a.offer, a.quantity, a.status, a.locked, a.reasons) ==
           std::tie(b.id, b.need, b.offer, b.quantity, b.status, b.locked, b.reasons);
}

bool operator==(const Volunteer& a, const Volunteer& b) {
    return std::tie(a.id, a.name, a.phone, a.divisionCode, a.kinds, a.active) ==
           std::tie(b.id, b.name, b.phone, b.divisionCode, b.kinds, b.active);
}

bool operator==(const Dataset& a, const Dataset& b) {
    return std::tie(a.title, a.asOf, a.households, a.needs, a.donors, a.offers, a.allocations,
                    a.volunteers) == std::tie(b.title, b.asOf, b.households, b.needs, b.donors,
                                              b.offers, b.allocations, b.volunteers);
}

} // namespace nuanxin
