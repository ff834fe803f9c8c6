#pragma once
// The offers and donors tables: which rows a filter keeps and in which order, built once per
// change of the filter, the sort or the workspace revision (never per frame).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/types.h"
#include "core/view/offer_usage.h"

namespace nuanxin {

/// @brief The sortable columns of the offers table.
enum class OfferColumn : std::uint8_t {
    Id, Donor, Kind, Capacity, Used, Remaining, WindowEnd, Status, Count_
};

/// @brief What the offers table shows.
struct OfferQuery {
    /// Offer id (digits only: exact), else part of the title or of the donor's name.
    std::string search;
    std::optional<Kind> kind;
    std::optional<OfferStatus> status;
    /// Only offers that still have room (remaining > 0).
    bool withRoom = false;
    OfferColumn sortBy = OfferColumn::Id;
    /// Reverses the column's order; equal keys stay by ascending id either way.
    bool descending = false;
};

/// @brief Positions in Dataset::offers of the offers `query` keeps, in its order. Donor names
/// sort by their UTF-8 bytes; kinds and statuses by enum order.
[[nodiscard]] std::vector<std::uint32_t> buildOfferRows(const Dataset& data,
                                                        const OfferTable& table,
                                                        const OfferQuery& query);

/// @brief Positions in Dataset::donors whose name contains `search` (or whose id it is, when
/// it is all digits), by name bytes then id. Empty search: every donor.
[[nodiscard]] std::vector<std::uint32_t> buildDonorRows(const Dataset& data,
                                                        std::string_view search);

} // namespace nuanxin
