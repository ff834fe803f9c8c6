#pragma once
// Field-by-field equality of the model records: round-trip tests, change detection in the UI.
#include "core/model/types.h"

namespace nuanxin {

/// @brief True when every field is equal (vectors element by element, in order).
[[nodiscard]] bool operator==(const Member& a, const Member& b);
[[nodiscard]] bool operator==(const Household& a, const Household& b);
[[nodiscard]] bool operator==(const Need& a, const Need& b);
[[nodiscard]] bool operator==(const Donor& a, const Donor& b);
[[nodiscard]] bool operator==(const Offer& a, const Offer& b);
[[nodiscard]] bool operator==(const Reason& a, const Reason& b);
[[nodiscard]] bool operator==(const ReasonList& a, const ReasonList& b);
[[nodiscard]] bool operator==(const Allocation& a, const Allocation& b);
[[nodiscard]] bool operator==(const Volunteer& a, const Volunteer& b);
[[nodiscard]] bool operator==(const Dataset& a, const Dataset& b);

[[nodiscard]] inline bool operator!=(const Member& a, const Member& b) {
    return !(a == b);
}
[[nodiscard]] inline bool operator!=(const Household& a, const Household& b) {
    return !(a == b);
}
[[nodiscard]] inline bool operator!=(const Need& a, const Need& b) {
    return !(a == b);
}
[[nodiscard]] inline bool operator!=(const Donor& a, const Donor& b) {
    return !(a == b);
}
[[nodiscard]] inline bool operator!=(const Offer& a, const Offer& b) {
    return !(a == b);
}
[[nodiscard]] inline bool operator!=(const Reason& a, const Reason& b) {
    return !(a == b);
}
[[nodiscard]] inline bool operator!=(const ReasonList& a, const ReasonList& b) {
    return !(a == b);
}
[[nodiscard]] inline bool operator!=(const Allocation& a, const Allocation& b) {
    return !(a == b);
}
[[nodiscard]] inline bool operator!=(const Volunteer& a, const Volunteer& b) {
    return !(a == b);
}
[[nodiscard]] inline bool operator!=(const Dataset& a, const Dataset& b) {
    return !(a == b);
}

} // namespace nuanxin
