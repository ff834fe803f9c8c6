#include "core/view/offer_rows.h"

#include <algorithm>

#include "core/store/id_index.h"
#include "core/view/household_search.h"

namespace nuanxin {
namespace {

/// A row's sort key: a number, or a text for the donor column (compared by bytes).
struct OfferKey {
    std::int64_t number = 0;
    const std::string* text = nullptr;
};

std::int64_t numberKey(const Offer& o, const OfferUsage& u, OfferColumn column) {
    switch (column) {
    case OfferColumn::Kind: return static_cast<std::int64_t>(o.kind);
    case OfferColumn::Capacity: return o.capacity;
    case OfferColumn::Used: return u.used;
    case OfferColumn::Remaining: return remaining(o, u);
    case OfferColumn::WindowEnd: return o.windowEnd.daysSinceEpoch();
    case OfferColumn::Status: return static_cast<std::int64_t>(o.status);
    case OfferColumn::Id:
    case OfferColumn::Donor:
    case OfferColumn::Count_: break;
    }
    return static_cast<std::int64_t>(o.id);
}

} // namespace

std::vector<std::uint32_t> buildOfferRows(const Dataset& data, const OfferTable& table,
                                          const OfferQuery& query) {
    IdIndex donorPos;
    donorPos.reserve(data.donors.size());
    for (std::size_t i = 0; i < data.donors.size(); ++i) donorPos.set(data.donors[i].id, i);
    static const std::string kNoName;
    auto donorName = [&](const Offer& o) -> const std::string& {
        const auto pos = donorPos.find(o.donor);
        return pos ? data.donors[static_cast<std::size_t>(*pos)].name : kNoName;
    };

    const SearchTerm term = SearchTerm::parse(query.search);
    std::vector<std::uint32_t> rows;
    rows.reserve(data.offers.size());
    for (std::size_t i = 0; i < data.offers.size(); ++i) {
        const Offer& o = data.offers[i];
        const OfferUsage& u = table.usage[i];
        if (query.kind && o.kind != *query.kind) continue;
        if (query.status && o.status != *query.status) continue;
        if (query.withRoom && remaining(o, u) <= 0) continue;
        if (!term.any) {
            const bool hit = term.id ? o.id == *term.id
                                     : o.title.find(term.text) != std::string::npos ||
                                           donorName(o).find(term.text) != std::string::npos;
            if (!hit) continue;
        }
        rows.push_back(static_cast<std::uint32_t>(i));
    }

    // Keys once per build, so the comparisons below touch no offer, donor or map.
    std::vector<OfferKey> keys(data.offers.size());
    for (std::uint32_t r : rows) {
        const Offer& o = data.offers[r];
        keys[r] = query.sortBy == OfferColumn::Donor
                      ? OfferKey{0, &donorName(o)}
                      : OfferKey{numberKey(o, table.usage[r], query.sortBy), nullptr};
    }
    const bool desc = query.descending;
    std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
        const OfferKey& ka = keys[a];
        const OfferKey& kb = keys[b];
        int c = 0;
        if (ka.text != nullptr) {
            c = ka.text->compare(*kb.text);
        } else if (ka.number != kb.number) {
            c = ka.number < kb.number ? -1 : 1;
        }
        if (c != 0) return desc ? c > 0 : c < 0;
        return data.offers[a].id < data.offers[b].id;
    });
    return rows;
}

std::vector<std::uint32_t> buildDonorRows(const Dataset& data, std::string_view search) {
    const SearchTerm term = SearchTerm::parse(search);
    std::vector<std::uint32_t> rows;
    for (std::size_t i = 0; i < data.donors.size(); ++i) {
        const Donor& d = data.donors[i];
        if (!term.any) {
            const bool hit = term.id ? d.id == *term.id : d.name.find(term.text) != std::string::npos;
            if (!hit) continue;
        }
        rows.push_back(static_cast<std::uint32_t>(i));
    }
    std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
        const int c = data.donors[a].name.compare(data.donors[b].name);
        return c != 0 ? c < 0 : data.donors[a].id < data.donors[b].id;
    });
    return rows;
}

} // namespace nuanxin
