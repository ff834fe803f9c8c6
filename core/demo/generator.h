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
    Date asOf{2026, 12, 1}; ///< campaign start; ages and windows are relative to it
};

/// @brief A deterministic data set: the same options give the same bytes on every platform
/// (own PRNG and range reduction; no std distributions, which differ between libstdc++ and libc++).
[[nodiscard]] Dataset generateDemo(const DemoOptions& options, const DivisionRegistry& divisions);

} // namespace nuanxin
