#include "core/view/match_proposals.h"

#include <algorithm>
#include <charconv>

#include "core/view/offer_usage.h"

namespace nuanxin {
namespace {

bool passesFilter(const Allocation& a, ProposalFilter filter) {
    switch (filter) {
    case ProposalFilter::Proposed: return a.status == AllocationStatus::Proposed;
    case ProposalFilter::Approved: return a.status == AllocationStatus::Approved;
    case ProposalFilter::Locked: return a.locked;
    default: return true;
    }
}

std::optional<std::uint64_t> parseId(std::string_view text) {
    std::uint64_t value = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, value);
    if (text.empty() || r.ec != std::errc() || r.ptr != end) return std::nullopt;
    return value;
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

/// The facts of one row that the filter and the sort read, looked up once.
struct RowFacts {
    std::size_t position = 0;
    const Allocation* allocation = nullptr;
    const Need* need = nullptr;
    const Household* household = nullptr;
    const Offer* offer = nullptr;
    int tier = -1;
};

bool matchesText(const RowFacts& row, const State& state, const std::string& text,
                 std::optional<std::uint64_t> id) {
    if (text.empty()) return true;
    if (id) {
        return row.allocation->id == *id || row.allocation->offer == *id ||
               (row.need != nullptr && row.need->household == *id);
    }
    if (row.household != nullptr && contains(headName(*row.household), text)) return true;
    if (row.offer != nullptr) {
        if (contains(row.offer->title, text)) return true;
        const Donor* donor = state.donor(row.offer->donor);
        if (donor != nullptr && contains(donor->name, text)) return true;
    }
    return false;
}

} // namespace

int allocationTier(const Allocation& allocation) {
    for (const Reason& reason : allocation.reasons) {
        if (reason.code != Str::MatchWhyPriority) continue;
        const std::string_view detail = reason.detail;
        const auto at = detail.find("tier=");
        if (at == std::string_view::npos) return -1;
        int tier = -1;
        const char* begin = detail.data() + at + 5;
        std::from_chars(begin, detail.data() + detail.size(), tier);
        return tier;
    }
    return -1;
}

std::string headName(const Household& household) {
    return household.members.empty() ? std::string() : household.members.front().name;
}

std::vector<std::size_t> filterProposals(const State& state, const ProposalQuery& query) {
    const Dataset& data = state.dataset();
    const std::optional<std::uint64_t> id = parseId(query.text);
    std::vector<RowFacts> rows;
    for (std::size_t i = 0; i < data.allocations.size(); ++i) {
        const Allocation& a = data.allocations[i];
        if (!passesFilter(a, query.filter)) continue;
        RowFacts row;
        row.position = i;
        row.allocation = &a;
        row.need = state.need(a.need);
        row.offer = state.offer(a.offer);
        if (query.kind && (row.need == nullptr || row.need->kind != *query.kind)) continue;
        row.tier = allocationTier(a);
        if (query.tier >= 0 && row.tier != query.tier) continue;
        row.household = row.need != nullptr ? state.household(row.need->household) : nullptr;
        if (!matchesText(row, state, query.text, id)) continue;
        rows.push_back(row);
    }

    // Each key, then the allocation id, so equal keys keep a stable, meaningful order.
    const auto byId = [](const RowFacts& a, const RowFacts& b) {
        return a.allocation->id < b.allocation->id;
    };
    const auto key = [&query](const RowFacts& a, const RowFacts& b) -> int {
        switch (query.sort) {
        case ProposalSort::Tier:
            // Unknown tiers (hand-made) after every known one.
            if (a.tier != b.tier) {
                const unsigned ta = static_cast<unsigned>(a.tier), tb = static_cast<unsigned>(b.tier);
                return ta < tb ? -1 : 1;
            }
            return 0;
        case ProposalSort::Quantity:
            if (a.allocation->quantity != b.allocation->quantity) {
                return a.allocation->quantity < b.allocation->quantity ? -1 : 1;
            }
            return 0;
        case ProposalSort::Household: {
            const HouseholdId ha = a.need != nullptr ? a.need->household : 0;
            const HouseholdId hb = b.need != nullptr ? b.need->household : 0;
            return ha == hb ? 0 : (ha < hb ? -1 : 1);
        }
        case ProposalSort::Offer:
            if (a.allocation->offer != b.allocation->offer) {
                return a.allocation->offer < b.allocation->offer ? -1 : 1;
            }
            return 0;
        default: return 0;
        }
    };
    std::sort(rows.begin(), rows.end(), [&](const RowFacts& a, const RowFacts& b) {
        const int k = key(a, b);
        if (k != 0) return query.descending ? k > 0 : k < 0;
        return query.descending ? byId(b, a) : byId(a, b);
    });

    std::vector<std::size_t> out;
    out.reserve(rows.size());
    for (const RowFacts& row : rows) out.push_back(row.position);
    return out;
}

OfferUse offerUse(const State& state, OfferId offerId) {
    OfferUse use;
    const Offer* offer = state.offer(offerId);
    if (offer == nullptr) return use;
    use.capacity = offer->capacity;
    const Dataset& data = state.dataset();
    for (std::size_t i = 0; i < data.allocations.size(); ++i) {
        const Allocation& a = data.allocations[i];
        if (a.offer != offerId || !usesCapacity(a.status)) continue;
        use.used += a.quantity;
        use.allocations.push_back(i);
    }
    std::sort(use.allocations.begin(), use.allocations.end(), [&data](std::size_t a, std::size_t b) {
        return data.allocations[a].id < data.allocations[b].id;
    });
    use.remaining = std::max<std::int64_t>(0, use.capacity - use.used);
    return use;
}

std::vector<std::size_t> searchOffers(const State& state, std::string_view text, bool openOnly) {
    const Dataset& data = state.dataset();
    const std::optional<std::uint64_t> id = parseId(text);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < data.offers.size(); ++i) {
        const Offer& o = data.offers[i];
        if (openOnly && o.status != OfferStatus::Open) continue;
        bool hit = text.empty() || contains(o.title, text) || (id && o.id == *id);
        if (!hit) {
            const Donor* donor = state.donor(o.donor);
            hit = donor != nullptr && contains(donor->name, text);
        }
        if (hit) out.push_back(i);
    }
    std::sort(out.begin(), out.end(),
              [&data](std::size_t a, std::size_t b) { return data.offers[a].id < data.offers[b].id; });
    return out;
}

} // namespace nuanxin
