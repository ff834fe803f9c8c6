#pragma once
// Word lists of the demo generator. All combinations are synthetic: common surnames and
// given-name characters put together at random, made-up place and organisation names.
#include <initializer_list>
#include <string>

#include "core/demo/random.h"

namespace nuanxin::demo {

/// @brief Joins parts in order. The elements of a braced list are evaluated left to right, unlike
/// the operands of `a() + b()`, whose order compilers choose differently (g++ vs clang): every
/// string built from several random draws goes through here.
[[nodiscard]] std::string concat(std::initializer_list<std::string> parts);
/// @brief A full synthetic name: surname then given name.
[[nodiscard]] std::string personName(Rng& rng, bool male);
/// @brief A common surname (single or, rarely, double character).
[[nodiscard]] std::string surname(Rng& rng);
/// @brief One or two given-name characters, chosen with a slight lean by sex.
[[nodiscard]] std::string givenName(Rng& rng, bool male);
/// @brief A made-up rural address ("青石镇柳树村3组12号") or urban one
/// ("和平街道建设路56号3单元201").
[[nodiscard]] std::string address(Rng& rng);
/// @brief A made-up township or street office, for `registered_by`.
[[nodiscard]] std::string township(Rng& rng);
/// @brief A made-up charity ("暖阳公益基金会") or enterprise ("恒泰煤业有限公司") name.
[[nodiscard]] std::string charityName(Rng& rng);
[[nodiscard]] std::string enterpriseName(Rng& rng);
/// @brief A synthetic mobile number: 1[3-9] followed by 9 digits.
[[nodiscard]] std::string mobile(Rng& rng);

} // namespace nuanxin::demo
