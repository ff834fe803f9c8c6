#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/util/error.h"

namespace nuanxin {

enum class DivisionLevel : std::uint8_t { Province, City, County };

/// @brief One administrative division (GB/T 2260 / NBS code).
struct Division {
    std::string code; ///< 2 (province), 4 (city) or 6 (county) digits
    std::string name; ///< UTF-8, e.g. "成都市"
    DivisionLevel level = DivisionLevel::Province;
    /// @brief County-level NBS-only zone (5th-6th digits 71..79): development zones, new areas.
    bool statisticalOnly = false;
};

/// @brief Registry of China's provinces, cities and counties: lookup by code, parent chain,
/// "is inside" for prefix codes. Built once from CSV text; read-only afterwards.
class DivisionRegistry {
public:
    /// @brief Parses the three CSV files of assets/divisions (code,name,parent codes...).
    /// Errors name the file, line and field.
    [[nodiscard]] static Result<DivisionRegistry> fromCsv(std::string_view provincesCsv,
                                                          std::string_view citiesCsv,
                                                          std::string_view areasCsv);
    /// @brief The registry embedded in the build (assets/divisions, NBS 2023).
    [[nodiscard]] static const DivisionRegistry& builtIn();

    /// @brief Accepts 2/4/6-digit codes and the padded 6-digit forms ("510000", "510100").
    [[nodiscard]] const Division* find(std::string_view code) const;
    /// @brief Province, city, county for a code (as far as they exist), outermost first.
    [[nodiscard]] std::vector<const Division*> chain(std::string_view code) const;
    /// @brief "Chengdu, Sichuan" style full name, outermost first, joined without spaces.
    [[nodiscard]] std::string fullName(std::string_view code) const;
    /// @brief True when the county/city `code` lies inside `area` (a 2/4/6-digit or padded code).
    [[nodiscard]] static bool isInside(std::string_view code, std::string_view area);
    /// @brief Shortest form of a code: "510000" → "51", "510100" → "5101", "510104" → "510104".
    [[nodiscard]] static std::string normalize(std::string_view code);

    /// @brief Direct children of a province (cities) or a city (counties), ordered by code.
    [[nodiscard]] std::vector<const Division*> children(std::string_view code) const;
    /// @brief Every county inside `area`, ordered by code; statistical-only zones optional.
    [[nodiscard]] std::vector<const Division*> counties(std::string_view area,
                                                        bool withStatisticalOnly = false) const;
    [[nodiscard]] std::size_t size() const { return m_all.size(); }

private:
    std::vector<Division> m_all; // ordered by code
    std::unordered_map<std::string, std::size_t> m_index;
};

} // namespace nuanxin
