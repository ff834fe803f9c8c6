#include "core/view/household_rows.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/geo/divisions.h"
#include "core/store/id_index.h"
#include "core/view/household_search.h"
#include "core/view/offer_usage.h"

namespace nuanxin {
namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

/// Bytes [from, from + 8) of a text as a big-endian integer (missing bytes are 0).
std::uint64_t prefixKey(const std::string& text, std::size_t from) {
    std::uint64_t key = 0;
    for (std::size_t i = from; i < from + 8; ++i) {
        const auto byte = i < text.size() ? static_cast<unsigned char>(text[i]) : 0U;
        key = (key << 8) | byte;
    }
    return key;
}

std::uint32_t codeKey(const std::string& code) {
    std::uint32_t key = 0;
    for (char c : code) {
        if (c < '0' || c > '9') return 0;
        key = key * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return key;
}

/// Groups the positions of `count` records by their owner row (kNone: none), keeping their
/// order: a counting sort, two passes, no comparisons.
void group(const std::vector<std::uint32_t>& ownerOf, std::size_t owners,
           std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& order) {
    start.assign(owners + 1, 0);
    for (std::uint32_t o : ownerOf) {
        if (o != kNone) ++start[o + 1];
    }
    for (std::size_t r = 0; r < owners; ++r) start[r + 1] += start[r];
    order.resize(start[owners]);
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < ownerOf.size(); ++i) {
        if (ownerOf[i] != kNone) order[next[ownerOf[i]]++] = static_cast<std::uint32_t>(i);
    }
}

HouseholdStage stageOf(const HouseholdFacts& f, bool allServed) {
    if (f.needs == 0) return HouseholdStage::NoNeeds;
    if (allServed) return HouseholdStage::Served;
    if (f.openNeeds > 0) return f.allocations == 0 ? HouseholdStage::Waiting : HouseholdStage::Partly;
    // Nothing open and not all served: what is allocated still awaits approval.
    return HouseholdStage::Proposed;
}

bool keep(const Household& h, const HouseholdFacts& f, const HouseholdQuery& q,
          const std::string& area, const SearchTerm& term) {
    if (!area.empty() && h.divisionCode.compare(0, area.size(), area) != 0) return false;
    if (q.category && !h.categories.has(*q.category)) return false;
    if (q.kind && ((f.kinds >> static_cast<unsigned>(*q.kind)) & 1U) == 0) return false;
    switch (q.status) {
    case HouseholdStatusFilter::OpenNeeds:
        if (f.openNeeds == 0) return false;
        break;
    case HouseholdStatusFilter::Unallocated:
        if (f.stage != HouseholdStage::Waiting) return false;
        break;
    case HouseholdStatusFilter::Proposed:
        if (f.proposed == 0) return false;
        break;
    case HouseholdStatusFilter::Served:
        if (f.stage != HouseholdStage::Served) return false;
        break;
    case HouseholdStatusFilter::Any:
    case HouseholdStatusFilter::Count_: break;
    }
    if (term.any) return true;
    if (term.id && h.id == *term.id) return true;
    for (const Member& m : h.members) {
        if (!term.text.empty() && m.name.find(term.text) != std::string::npos) return true;
        if (term.matchesIdNumber(m.idNumber)) return true;
    }
    return false;
}

std::int64_t numberKey(const Household& h, const HouseholdFacts& f, HouseholdColumn column) {
    switch (column) {
    case HouseholdColumn::County: return f.countyKey;
    case HouseholdColumn::Head: return 0; // compared apart (text)
    case HouseholdColumn::Members: return static_cast<std::int64_t>(h.members.size());
    case HouseholdColumn::Categories: return h.categories.bits();
    case HouseholdColumn::OpenNeeds: return f.openNeeds;
    case HouseholdColumn::Stage: return static_cast<std::int64_t>(f.stage);
    case HouseholdColumn::Registered: return f.registeredDay;
    case HouseholdColumn::Id:
    case HouseholdColumn::Count_: break;
    }
    return static_cast<std::int64_t>(h.id);
}

const std::string& headName(const Household& h) {
    static const std::string kNoName;
    return h.members.empty() ? kNoName : h.members.front().name;
}

} // namespace

Str label(HouseholdStage stage) {
    switch (stage) {
    case HouseholdStage::Waiting: return Str::UiHhStageWaiting;
    case HouseholdStage::Partly: return Str::UiHhStagePartly;
    case HouseholdStage::Proposed: return Str::UiHhStageProposed;
    case HouseholdStage::Served: return Str::UiHhStageServed;
    case HouseholdStage::NoNeeds:
    case HouseholdStage::Count_: break;
    }
    return Str::UiHhStageNoNeeds;
}

Str label(HouseholdStatusFilter filter) {
    switch (filter) {
    case HouseholdStatusFilter::OpenNeeds: return Str::UiHhFilterOpenNeeds;
    case HouseholdStatusFilter::Unallocated: return Str::UiHhFilterUnallocated;
    case HouseholdStatusFilter::Proposed: return Str::UiHhFilterProposed;
    case HouseholdStatusFilter::Served: return Str::UiHhFilterServed;
    case HouseholdStatusFilter::Any:
    case HouseholdStatusFilter::Count_: break;
    }
    return Str::UiHhFilterAny;
}

bool NeedProgress::open(const Need& n) const {
    const bool statusOpen = n.status == NeedStatus::Open || n.status == NeedStatus::PartlyMet;
    return statusOpen && allocated < n.quantity;
}

bool NeedProgress::served(const Need& n) const {
    if (n.status == NeedStatus::Cancelled) return false;
    return n.status == NeedStatus::Met || n.status == NeedStatus::Closed || promised >= n.quantity;
}

void NeedProgress::add(const Allocation& a) {
    if (!usesCapacity(a.status)) return;
    allocated += a.quantity;
    if (isPromised(a.status)) promised += a.quantity;
    if (a.status == AllocationStatus::Proposed) ++proposed;
}

HouseholdTable buildHouseholdTable(const Dataset& data) {
    HouseholdTable t;
    const std::size_t households = data.households.size();
    t.facts.resize(households);

    IdIndex householdPos;
    householdPos.reserve(households);
    // The county choices: six-digit codes marked in a table of every possible code (a million
    // households name a few hundred counties: no strings copied or sorted per household),
    // anything else kept as text.
    std::vector<bool> seen(1000000, false);
    std::set<std::string> otherCodes;
    for (std::size_t i = 0; i < households; ++i) {
        const Household& h = data.households[i];
        householdPos.set(h.id, i);
        HouseholdFacts& f = t.facts[i];
        f.nameKey = prefixKey(headName(h), 0);
        f.nameKey2 = prefixKey(headName(h), 8);
        f.countyKey = codeKey(h.divisionCode);
        f.registeredDay = static_cast<std::int32_t>(h.registered.daysSinceEpoch());
        if (h.divisionCode.size() == 6 && f.countyKey != 0) {
            seen[f.countyKey] = true;
        } else {
            otherCodes.insert(h.divisionCode);
        }
    }
    char code[12];
    for (std::uint32_t c = 0; c < seen.size(); ++c) {
        if (!seen[c]) continue;
        std::snprintf(code, sizeof code, "%06u", static_cast<unsigned>(c));
        t.counties.emplace_back(code);
    }
    t.counties.insert(t.counties.end(), otherCodes.begin(), otherCodes.end());
    std::sort(t.counties.begin(), t.counties.end());

    IdIndex needPos;
    needPos.reserve(data.needs.size());
    std::vector<std::uint32_t> ownerOfNeed(data.needs.size(), kNone);
    for (std::size_t i = 0; i < data.needs.size(); ++i) {
        needPos.set(data.needs[i].id, i);
        if (const auto pos = householdPos.find(data.needs[i].household)) {
            ownerOfNeed[i] = static_cast<std::uint32_t>(*pos);
        }
    }
    group(ownerOfNeed, households, t.needStart, t.needOrder);

    t.needProgress.assign(data.needs.size(), NeedProgress{});
    std::vector<std::uint32_t> ownerOfAllocation(data.allocations.size(), kNone);
    for (std::size_t i = 0; i < data.allocations.size(); ++i) {
        const Allocation& a = data.allocations[i];
        if (const auto pos = needPos.find(a.need)) {
            ownerOfAllocation[i] = static_cast<std::uint32_t>(*pos);
            t.needProgress[static_cast<std::size_t>(*pos)].add(a);
        }
    }
    group(ownerOfAllocation, data.needs.size(), t.allocStart, t.allocOrder);

    for (std::size_t r = 0; r < households; ++r) {
        HouseholdFacts& f = t.facts[r];
        bool allServed = true;
        for (std::uint32_t k = t.needStart[r]; k < t.needStart[r + 1]; ++k) {
            const std::uint32_t n = t.needOrder[k];
            const Need& need = data.needs[n];
            if (need.status == NeedStatus::Cancelled) continue;
            const NeedProgress& p = t.needProgress[n];
            ++f.needs;
            f.kinds |= std::uint32_t{1} << static_cast<unsigned>(need.kind);
            if (p.open(need)) ++f.openNeeds;
            if (!p.served(need)) allServed = false;
            f.proposed += p.proposed;
            for (std::uint32_t j = t.allocStart[n]; j < t.allocStart[n + 1]; ++j) {
                if (usesCapacity(data.allocations[t.allocOrder[j]].status)) ++f.allocations;
            }
        }
        f.stage = stageOf(f, allServed);
    }
    return t;
}

std::vector<std::uint32_t> buildHouseholdRows(const Dataset& data, const HouseholdTable& table,
                                              const HouseholdQuery& query) {
    const std::string area =
        query.division.empty() ? std::string() : DivisionRegistry::normalize(query.division);
    const SearchTerm term = SearchTerm::parse(query.search);
    std::vector<std::uint32_t> rows;
    rows.reserve(data.households.size());
    for (std::size_t i = 0; i < data.households.size(); ++i) {
        if (keep(data.households[i], table.facts[i], query, area, term)) {
            rows.push_back(static_cast<std::uint32_t>(i));
        }
    }
    auto byId = [&](std::uint32_t a, std::uint32_t b) {
        return data.households[a].id < data.households[b].id;
    };
    if (query.sortBy == HouseholdColumn::Id) {
        // The usual case: the data set is already in id order, and ids are unique.
        if (!std::is_sorted(rows.begin(), rows.end(), byId)) {
            std::stable_sort(rows.begin(), rows.end(), byId);
        }
        if (query.descending) std::reverse(rows.begin(), rows.end());
        return rows;
    }

    // Keys once per build, next to the row in one contiguous array: the sort compares integers
    // in memory it walks in order, instead of jumping into a million households.
    struct Entry {
        std::uint64_t key;
        std::uint64_t key2; ///< the name's second 8 bytes (head column only)
        std::uint64_t id;
        std::uint32_t row;
        bool longName; ///< over 16 bytes: equal keys do not mean equal names
    };
    const bool head = query.sortBy == HouseholdColumn::Head;
    std::vector<Entry> entries;
    entries.reserve(rows.size());
    for (std::uint32_t r : rows) {
        const Household& h = data.households[r];
        // Signed keys move by 2^63 so that unsigned order is their order.
        const std::uint64_t key =
            head ? table.facts[r].nameKey
                 : static_cast<std::uint64_t>(numberKey(h, table.facts[r], query.sortBy)) ^
                       (std::uint64_t{1} << 63);
        entries.push_back(Entry{key, head ? table.facts[r].nameKey2 : 0, h.id, r,
                                head && headName(h).size() > 16});
    }
    const bool desc = query.descending;
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
        if (a.key != b.key) return desc ? a.key > b.key : a.key < b.key;
        if (a.key2 != b.key2) return desc ? a.key2 > b.key2 : a.key2 < b.key2;
        if (a.longName || b.longName) {
            // Equal first 16 bytes and a longer name: only then read the names themselves
            // (many people share a short name, and those ties need no string at all).
            const int c = headName(data.households[a.row]).compare(headName(data.households[b.row]));
            if (c != 0) return desc ? c > 0 : c < 0;
        }
        return a.id < b.id;
    });
    for (std::size_t i = 0; i < entries.size(); ++i) rows[i] = entries[i].row;
    return rows;
}

} // namespace nuanxin
