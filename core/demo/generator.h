#pragma once
#include <cstdint>

#include "core/geo/divisions.h"
#include "core/model/types.h"

namespace nuanxin {

/// @brief What to generate. Everything is synthetic: made-up names, ID numbers with valid check
/// characters, real county codes of Sichuan, Hebei and Shanxi.
struct DemoOptions {
    std::uint64_t seed = 1;
    std::size_t households = 500;
    /// Campaign start; ages and windows are relative to it, registrations lie before it. It is in
    /// the past on purpose: a store refuses a registration dated after its own clock, so the demo
    /// must be loadable on the day the winter campaigns open (mid-November).
    Date asOf{2026, 11, 16};
};

/// @brief A deterministic data set: the same options give the same bytes on every platform
/// (own PRNG and range reduction; no std distributions, which differ between libstdc++ and libc++).
[[nodiscard]] Dataset generateDemo(const DemoOptions& options, const DivisionRegistry& divisions);

} // namespace nuanxin
