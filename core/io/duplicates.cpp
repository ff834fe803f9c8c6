#include "core/io/duplicates.h"

#include <algorithm>
#include <tuple>

namespace nuanxin {
namespace {

std::string personKeyOf(const Member& m, const std::string& county) {
    return m.name + '|' + m.birth.iso() + '|' + county;
}

void addUnique(std::vector<HouseholdId>& ids, HouseholdId id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

} // namespace

LikelyIndex::LikelyIndex(const State& state) {
    for (const Household& h : state.dataset().households) add(h);
}

void LikelyIndex::add(const Household& h) {
    for (const Member& m : h.members) {
        if (!m.name.empty()) addUnique(m_person[personKeyOf(m, h.divisionCode)], h.id);
    }
    if (!h.phone.empty()) addUnique(m_phone[h.phone], h.id);
}

std::vector<LikelyDuplicate> LikelyIndex::matches(const Household& h) const {
    std::vector<LikelyDuplicate> out;
    auto collect = [&](const std::vector<HouseholdId>& ids, Str reason) {
        for (HouseholdId other : ids) {
            if (other == h.id) continue;
            LikelyDuplicate d{other, h.id, reason};
            if (h.id != 0 && h.id < other) std::swap(d.a, d.b);
            out.push_back(d);
        }
    };
    for (const Member& m : h.members) {
        const auto it = m_person.find(personKeyOf(m, h.divisionCode));
        if (it != m_person.end()) collect(it->second, Str::IoLikelySamePerson);
    }
    if (!h.phone.empty()) {
        const auto it = m_phone.find(h.phone);
        if (it != m_phone.end()) collect(it->second, Str::IoLikelySamePhone);
    }
    const auto key = [](const LikelyDuplicate& d) {
        return std::make_tuple(d.a, d.b, static_cast<unsigned>(d.reason));
    };
    std::sort(out.begin(), out.end(),
              [&](const auto& x, const auto& y) { return key(x) < key(y); });
    out.erase(std::unique(out.begin(), out.end(),
                          [&](const auto& x, const auto& y) { return key(x) == key(y); }),
              out.end());
    return out;
}

std::vector<LikelyDuplicate> findLikelyDuplicates(const State& state) {
    LikelyIndex index;
    std::vector<LikelyDuplicate> out;
    for (const Household& h : state.dataset().households) {
        auto found = index.matches(h);
        out.insert(out.end(), found.begin(), found.end());
        index.add(h);
    }
    const auto key = [](const LikelyDuplicate& d) {
        return std::make_tuple(d.a, d.b, static_cast<unsigned>(d.reason));
    };
    std::sort(out.begin(), out.end(),
              [&](const auto& x, const auto& y) { return key(x) < key(y); });
    return out;
}

std::vector<HouseholdId> householdsSharingPeople(const State& state, const Household& h) {
    std::vector<HouseholdId> out;
    for (const Member& m : h.members) {
        if (m.idNumber.empty()) continue;
        const HouseholdId other = state.householdOfPerson(m.idNumber);
        if (other != 0 && other != h.id) addUnique(out, other);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace nuanxin
