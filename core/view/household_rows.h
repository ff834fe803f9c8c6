#pragma once
// The households table: per-household facts computed once per workspace revision, and the rows
// a filter keeps in the order of a sort, built once per change (never per frame), so that a
// million households scroll as smoothly as a hundred.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n/tr.h"
#include "core/model/types.h"

namespace nuanxin {

/// @brief Where a household stands, for the status column and filter, in this order (the
/// column sorts by it): waiting first, because that is who the staff look for.
enum class HouseholdStage : std::uint8_t {
    Waiting,   ///< open needs and no allocation that uses an offer's capacity
    Partly,    ///< open needs, some of them allocated
    Proposed,  ///< everything allocated, some proposals still awaiting approval
    Served,    ///< every need met, closed, or covered by approved and later allocations
    NoNeeds,   ///< no needs registered (or all cancelled)
    Count_
};
[[nodiscard]] Str label(HouseholdStage stage);

/// @brief How far one need is, from its status and its allocations.
struct NeedProgress {
    std::int64_t allocated = 0; ///< units of its allocations that use capacity
    std::int64_t promised = 0;  ///< units of its approved and later allocations
    std::uint32_t proposed = 0; ///< allocations awaiting approval
    /// Still waiting for units: status open or partly met and allocated < quantity.
    [[nodiscard]] bool open(const Need& n) const;
    /// Nothing more to do: status met or closed, or promised >= quantity. Cancelled: false.
    [[nodiscard]] bool served(const Need& n) const;
    void add(const Allocation& a);
};

/// @brief What the households table shows, filters and sorts on, per household.
struct HouseholdFacts {
    /// The head's name's first 16 bytes, big-endian (five Chinese characters): two integers
    /// that sort as the bytes do, so a sort compares names only when both keys are equal.
    std::uint64_t nameKey = 0;
    std::uint64_t nameKey2 = 0;
    std::uint32_t countyKey = 0; ///< the division code as a number
    std::int32_t registeredDay = 0;
    std::uint32_t kinds = 0;     ///< one bit per Kind of its needs that are not cancelled
    std::uint32_t needs = 0;     ///< not cancelled
    std::uint32_t openNeeds = 0; ///< NeedProgress::open
    std::uint32_t allocations = 0; ///< that use capacity
    std::uint32_t proposed = 0;  ///< awaiting approval
    HouseholdStage stage = HouseholdStage::NoNeeds;
};

/// @brief Per-revision facts of every household, in data-set order (row = position in
/// Dataset::households), with its needs and their allocations grouped for the detail view.
struct HouseholdTable {
    std::vector<HouseholdFacts> facts;
    /// Household row r owns the needs needOrder[needStart[r] .. needStart[r + 1]) (positions in
    /// Dataset::needs, by id).
    std::vector<std::uint32_t> needStart, needOrder;
    /// Need position n owns the allocations allocOrder[allocStart[n] .. allocStart[n + 1])
    /// (positions in Dataset::allocations, by id).
    std::vector<std::uint32_t> allocStart, allocOrder;
    /// Progress of every need (by position in Dataset::needs).
    std::vector<NeedProgress> needProgress;
    /// The county codes households live in, sorted, each once (the division filter's choices).
    std::vector<std::string> counties;
};

/// @brief Computes the facts. Needs of unknown households and allocations of unknown needs are
/// left out (validation reports them).
[[nodiscard]] HouseholdTable buildHouseholdTable(const Dataset& data);

/// @brief The sortable columns of the households table, in its order.
enum class HouseholdColumn : std::uint8_t {
    Id, County, Head, Members, Categories, OpenNeeds, Stage, Registered, Count_
};

/// @brief The status filter's choices.
enum class HouseholdStatusFilter : std::uint8_t {
    Any,
    OpenNeeds,   ///< at least one open need
    Unallocated, ///< open needs and no allocation at all (stage Waiting)
    Proposed,    ///< at least one allocation awaiting approval
    Served,      ///< stage Served
    Count_
};
[[nodiscard]] Str label(HouseholdStatusFilter filter);

/// @brief What the households table shows.
struct HouseholdQuery {
    std::string division; ///< 2, 4 or 6-digit code (padded forms too); empty: anywhere
    std::optional<Category> category;
    std::optional<Kind> kind; ///< has a need of this kind that is not cancelled
    HouseholdStatusFilter status = HouseholdStatusFilter::Any;
    /// A member's name (part of it), the household id, or the last four characters of a
    /// member's ID number (see SearchTerm).
    std::string search;
    HouseholdColumn sortBy = HouseholdColumn::Id;
    /// Reverses the column's order; equal keys stay by ascending id either way.
    bool descending = false;
};

/// @brief Positions in Dataset::households of the households `query` keeps, in its order.
/// County sorts by code (province, then city, then county), names by their UTF-8 bytes,
/// categories by their bit set, status by HouseholdStage order.
[[nodiscard]] std::vector<std::uint32_t> buildHouseholdRows(const Dataset& data,
                                                            const HouseholdTable& table,
                                                            const HouseholdQuery& query);

} // namespace nuanxin
