#pragma once
// The proposals table of the matching screen and the "by hand" panel: which allocations a filter
// shows and in what order, what an offer has left, and the offers a search finds. Index vectors
// are built once per change of the data or the filter, never per frame (100,000+ rows).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/state.h"

namespace nuanxin {

/// @brief Which allocations the proposals table lists.
enum class ProposalFilter : std::uint8_t {
    Proposed = 0, ///< status Proposed (waiting for review)
    Approved,     ///< status Approved
    Locked,       ///< the locked flag, whatever the status
    All,
    Count_
};

/// @brief Sort keys of the proposals table.
enum class ProposalSort : std::uint8_t { Id = 0, Tier, Quantity, Household, Offer, Count_ };

struct ProposalQuery {
    ProposalFilter filter = ProposalFilter::Proposed;
    std::optional<Kind> kind; ///< only allocations of this kind
    int tier = -1;            ///< only this tier (-1: any)
    /// Case-sensitive substring of the head's name, the offer's title or the donor's name, or an
    /// exact allocation / household / offer id.
    std::string text;
    ProposalSort sort = ProposalSort::Id;
    bool descending = false;
};

/// @brief The tier an allocation's reasons give ("tier=N" of its priority reason); -1 when they
/// name none (a hand-made allocation).
[[nodiscard]] int allocationTier(const Allocation& allocation);

/// @brief Positions in state.dataset().allocations of the rows `query` shows, in its order
/// (ties by allocation id).
[[nodiscard]] std::vector<std::size_t> filterProposals(const State& state, const ProposalQuery& query);

/// @brief The name of the household's head (its first member); empty when it has none.
[[nodiscard]] std::string headName(const Household& household);

/// @brief How much of one offer is taken (core/view/offer_usage.h's usesCapacity) and by which
/// allocations.
struct OfferUse {
    std::int64_t capacity = 0;
    std::int64_t used = 0;      ///< units of the allocations in force
    std::int64_t remaining = 0; ///< capacity − used, never below 0
    std::vector<std::size_t> allocations; ///< positions of its allocations in force, by id
};

[[nodiscard]] OfferUse offerUse(const State& state, OfferId offer);

/// @brief Positions in dataset().offers of the offers whose title or donor name contains `text`
/// (or whose id it is), by id; with `openOnly`, only open offers. Empty text: all of them.
[[nodiscard]] std::vector<std::size_t> searchOffers(const State& state, std::string_view text,
                                                    bool openOnly);

} // namespace nuanxin
