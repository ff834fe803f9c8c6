#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>

#include "core/geo/divisions.h"
#include "core/model/types.h"

namespace nuanxin {

/// @brief Counts of a data set, as shown on the first screen, by `nuanxin info` and by the
/// browser test hook. Maps are ordered so every rendering of it is deterministic.
struct Summary {
    std::size_t households = 0;
    std::size_t members = 0;
    std::size_t needs = 0;
    std::size_t offers = 0;
    std::size_t donors = 0;
    std::size_t allocations = 0;
    std::size_t volunteers = 0;
    /// households per 2-digit province code
    std::map<std::string, std::size_t> householdsByProvince;
    /// households per (province code, category): a household counts once in each of its categories
    std::map<std::string, std::array<std::size_t, static_cast<std::size_t>(Category::Count_)>>
        categoriesByProvince;
    /// per category, all provinces
    std::array<std::size_t, static_cast<std::size_t>(Category::Count_)> householdsByCategory{};
    /// needs and their total quantity per kind
    std::array<std::size_t, static_cast<std::size_t>(Kind::Count_)> needsByKind{};
    std::array<std::int64_t, static_cast<std::size_t>(Kind::Count_)> needQuantityByKind{};
    /// offers and their total capacity per kind
    std::array<std::size_t, static_cast<std::size_t>(Kind::Count_)> offersByKind{};
    std::array<std::int64_t, static_cast<std::size_t>(Kind::Count_)> offerCapacityByKind{};
};

[[nodiscard]] Summary summarize(const Dataset& data);

/// @brief The summary as JSON with stable names (province codes, category and kind names).
[[nodiscard]] std::string summaryJson(const Summary& s);
/// @brief A plain-text table in the given language, for the CLI.
[[nodiscard]] std::string summaryText(const Summary& s, const DivisionRegistry& divisions, Lang lang);

} // namespace nuanxin
