#include "core/view/offer_usage.h"

#include "core/store/id_index.h"

namespace nuanxin {

bool usesCapacity(AllocationStatus status) {
    return status != AllocationStatus::Rejected && status != AllocationStatus::Cancelled;
}

bool isPromised(AllocationStatus status) {
    return status == AllocationStatus::Approved || status == AllocationStatus::Assigned ||
           status == AllocationStatus::Delivered || status == AllocationStatus::Confirmed;
}

OfferTable buildOfferTable(const Dataset& data) {
    OfferTable t;
    const std::size_t offers = data.offers.size();
    t.usage.assign(offers, OfferUsage{});
    t.allocStart.assign(offers + 1, 0);

    IdIndex offerPos;
    offerPos.reserve(offers);
    for (std::size_t i = 0; i < offers; ++i) offerPos.set(data.offers[i].id, i);

    // Counting sort by offer: one pass to count, one to place, so each offer's allocations stay
    // in data-set (id) order without sorting a million entries.
    std::vector<std::uint32_t> rowOf(data.allocations.size(), UINT32_MAX);
    for (std::size_t i = 0; i < data.allocations.size(); ++i) {
        const Allocation& a = data.allocations[i];
        const auto pos = offerPos.find(a.offer);
        if (!pos) continue;
        const auto row = static_cast<std::uint32_t>(*pos);
        rowOf[i] = row;
        ++t.allocStart[row + 1];
        if (!usesCapacity(a.status)) continue;
        OfferUsage& u = t.usage[row];
        u.used += a.quantity;
        ++u.allocations;
        if (a.status == AllocationStatus::Proposed) ++u.proposed;
        if (isPromised(a.status)) u.promised += a.quantity;
    }
    for (std::size_t r = 0; r < offers; ++r) t.allocStart[r + 1] += t.allocStart[r];
    t.allocOrder.resize(t.allocStart[offers]);
    std::vector<std::uint32_t> next(t.allocStart.begin(), t.allocStart.end() - 1);
    for (std::size_t i = 0; i < rowOf.size(); ++i) {
        if (rowOf[i] != UINT32_MAX) t.allocOrder[next[rowOf[i]]++] = static_cast<std::uint32_t>(i);
    }

    IdIndex donorPos;
    donorPos.reserve(data.donors.size());
    for (std::size_t i = 0; i < data.donors.size(); ++i) donorPos.set(data.donors[i].id, i);
    t.donorOffers.assign(data.donors.size(), 0);
    for (const Offer& o : data.offers) {
        if (const auto pos = donorPos.find(o.donor)) ++t.donorOffers[static_cast<std::size_t>(*pos)];
    }
    return t;
}

} // namespace nuanxin
