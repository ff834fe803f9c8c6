#include "core/store/state.h"

#include <algorithm>

#include "core/store/state_editor.h"

namespace nuanxin {

std::string personKey(const std::string& idNumber) {
    std::string key = idNumber;
    for (char& c : key) {
        if (c == 'x') c = 'X';
    }
    return key;
}

std::optional<std::uint64_t> packedPersonKey(std::string_view id) {
    if (id.size() != 18) return std::nullopt;
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        if (id[i] < '0' || id[i] > '9') return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(id[i] - '0');
    }
    const char c = id[17];
    if (c == 'X' || c == 'x') return v * 11 + 10;
    if (c < '0' || c > '9') return std::nullopt;
    return v * 11 + static_cast<std::uint64_t>(c - '0');
}

Date dateOf(Timestamp when) {
    // Floor division: timestamps before 1970 still fall on the right day.
    std::int64_t days = when / 86400;
    if (when % 86400 < 0) --days;
    return Date::fromDays(days);
}

State::State(StoreData data) : m_data(std::move(data)) {
    rebuildIndexes();
}

namespace {
/// Keeps a county's id list sorted; ids mostly arrive in increasing order (one push_back).
void insertSorted(std::vector<HouseholdId>& ids, HouseholdId id) {
    if (ids.empty() || ids.back() < id) {
        ids.push_back(id);
        return;
    }
    const auto at = std::lower_bound(ids.begin(), ids.end(), id);
    if (at == ids.end() || *at != id) ids.insert(at, id);
}
} // namespace

void State::rebuildIndexes() {
    m_householdPos.clear();
    m_needPos.clear();
    m_donorPos.clear();
    m_offerPos.clear();
    m_allocationPos.clear();
    m_peopleIndexed = m_countiesIndexed = m_kindsIndexed = false;
    m_personIndex.clear();
    m_personIndexOther.clear();
    m_byCounty.clear();
    m_needsByKind.clear();
    m_offersByKind.clear();
    const Dataset& d = m_data.data;
    m_householdPos.reserve(d.households.size());
    for (std::size_t i = 0; i < d.households.size(); ++i) m_householdPos.set(d.households[i].id, i);
    m_needPos.reserve(d.needs.size());
    for (std::size_t i = 0; i < d.needs.size(); ++i) m_needPos.set(d.needs[i].id, i);
    m_donorPos.reserve(d.donors.size());
    for (std::size_t i = 0; i < d.donors.size(); ++i) m_donorPos.set(d.donors[i].id, i);
    m_offerPos.reserve(d.offers.size());
    for (std::size_t i = 0; i < d.offers.size(); ++i) m_offerPos.set(d.offers[i].id, i);
    m_allocationPos.reserve(d.allocations.size());
    for (std::size_t i = 0; i < d.allocations.size(); ++i) {
        m_allocationPos.set(d.allocations[i].id, i);
    }
}

void State::indexPeople() const {
    if (m_peopleIndexed) return;
    m_peopleIndexed = true; // first: indexPerson() below adds only to a built index
    const auto& households = m_data.data.households;
    m_personIndex.reserve(households.size() * 2);
    auto& self = const_cast<State&>(*this); // only the mutable index members change
    for (const Household& h : households) {
        for (const Member& m : h.members) StateEditor::indexPerson(self, m, h.id);
    }
}

void State::indexCounties() const {
    if (m_countiesIndexed) return;
    m_countiesIndexed = true;
    for (const Household& h : m_data.data.households)
        insertSorted(m_byCounty[h.divisionCode], h.id);
}

void State::indexKinds() const {
    if (m_kindsIndexed) return;
    m_kindsIndexed = true;
    for (const Need& n : m_data.data.needs) {
        auto& ids = m_needsByKind[{n.kind, n.status}];
        ids.insert(ids.end(), n.id); // ids mostly ascend: the hint makes this O(1)
    }
    for (const Offer& o : m_data.data.offers) {
        auto& ids = m_offersByKind[{o.kind, o.status}];
        ids.insert(ids.end(), o.id);
    }
}

IdCounters State::nextIds() const {
    const StoreData& s = m_data;
    IdCounters ids{s.lastHousehold + 1,  s.lastNeed + 1,    s.lastDonor + 1, s.lastOffer + 1,
                   s.lastAllocation + 1, s.lastPending + 1, s.lastMerge + 1};
    ids.volunteer = 1;
    for (const Volunteer& v : s.data.volunteers) ids.volunteer = std::max(ids.volunteer, v.id + 1);
    ids.task = s.tasks.empty() ? 1 : s.tasks.back().id + 1;
    return ids;
}

bool isApproved(AllocationStatus status, const Progress* progress) {
    using S = AllocationStatus;
    if (progress && progress->advance) return progress->approved;
    return status == S::Approved || status == S::Assigned || status == S::Delivered ||
           status == S::Confirmed;
}

namespace {
template <class T>
const T* lookup(const std::vector<T>& items, const IdIndex& pos, std::uint64_t id) {
    const auto at = pos.find(id);
    return at ? &items[static_cast<std::size_t>(*at)] : nullptr;
}
} // namespace

const Household* State::household(HouseholdId id) const {
    return lookup(m_data.data.households, m_householdPos, id);
}
const Need* State::need(NeedId id) const {
    return lookup(m_data.data.needs, m_needPos, id);
}
const Donor* State::donor(DonorId id) const {
    return lookup(m_data.data.donors, m_donorPos, id);
}
const Offer* State::offer(OfferId id) const {
    return lookup(m_data.data.offers, m_offerPos, id);
}
const Allocation* State::allocation(AllocationId id) const {
    return lookup(m_data.data.allocations, m_allocationPos, id);
}

const PendingDuplicate* State::pending(std::uint64_t id) const {
    for (const auto& p : m_data.pending) {
        if (p.id == id) return &p;
    }
    return nullptr;
}

const MergeRecord* State::merge(std::uint64_t id) const {
    for (const auto& m : m_data.merges) {
        if (m.id == id) return &m;
    }
    return nullptr;
}

const Volunteer* State::volunteer(VolunteerId id) const {
    for (const Volunteer& v : m_data.data.volunteers) {
        if (v.id == id) return &v;
    }
    return nullptr;
}

const Task* State::task(TaskId id) const {
    const auto& tasks = m_data.tasks;
    const auto it = std::lower_bound(tasks.begin(), tasks.end(), id,
                                     [](const Task& t, TaskId x) { return t.id < x; });
    return it != tasks.end() && it->id == id ? &*it : nullptr;
}

const Progress* State::progress(AllocationId id) const {
    const auto it = m_data.progress.find(id);
    return it == m_data.progress.end() ? nullptr : &it->second;
}

UserRole State::role(const std::string& user) const {
    const auto it = m_data.users.find(user);
    return it == m_data.users.end() ? UserRole{} : it->second;
}

HouseholdId State::householdOfPerson(const std::string& idNumber) const {
    indexPeople();
    if (const auto key = packedPersonKey(idNumber)) {
        return m_personIndex.find(*key).value_or(0);
    }
    const auto it = m_personIndexOther.find(personKey(idNumber));
    return it == m_personIndexOther.end() ? 0 : it->second;
}

std::vector<HouseholdId> State::householdsIn(const std::string& area) const {
    indexCounties();
    const std::string prefix = DivisionRegistry::normalize(area);
    std::vector<HouseholdId> out;
    // County codes sharing the prefix are adjacent in the ordered map.
    for (auto it = m_byCounty.lower_bound(prefix);
         it != m_byCounty.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
        out.insert(out.end(), it->second.begin(), it->second.end());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<NeedId> State::needsWith(Kind kind, NeedStatus status) const {
    indexKinds();
    const auto it = m_needsByKind.find({kind, status});
    if (it == m_needsByKind.end()) return {};
    return {it->second.begin(), it->second.end()};
}

std::vector<OfferId> State::offersWith(Kind kind, OfferStatus status) const {
    indexKinds();
    const auto it = m_offersByKind.find({kind, status});
    if (it == m_offersByKind.end()) return {};
    return {it->second.begin(), it->second.end()};
}

// ---- StateEditor: every edit keeps the indexes in step ----

void StateEditor::indexPerson(State& s, const Member& m, HouseholdId id) {
    if (!s.m_peopleIndexed || m.idNumber.empty()) return;
    if (const auto key = packedPersonKey(m.idNumber))
        s.m_personIndex.set(*key, id);
    else
        s.m_personIndexOther[personKey(m.idNumber)] = id;
}

void StateEditor::unindexPerson(State& s, const Member& m) {
    if (!s.m_peopleIndexed || m.idNumber.empty()) return;
    if (const auto key = packedPersonKey(m.idNumber))
        s.m_personIndex.erase(*key);
    else
        s.m_personIndexOther.erase(personKey(m.idNumber));
}

void StateEditor::addHousehold(State& s, Household h) {
    auto& list = s.m_data.data.households;
    s.m_householdPos.set(h.id, list.size());
    if (s.m_countiesIndexed) insertSorted(s.m_byCounty[h.divisionCode], h.id);
    for (const Member& m : h.members) indexPerson(s, m, h.id);
    s.m_data.lastHousehold = std::max(s.m_data.lastHousehold, h.id);
    list.push_back(std::move(h));
}

void StateEditor::insertHousehold(State& s, Household h) {
    auto& list = s.m_data.data.households;
    const auto at = std::lower_bound(list.begin(), list.end(), h.id,
                                     [](const Household& x, HouseholdId id) { return x.id < id; });
    const auto pos = static_cast<std::size_t>(at - list.begin());
    if (s.m_countiesIndexed) insertSorted(s.m_byCounty[h.divisionCode], h.id);
    for (const Member& m : h.members) indexPerson(s, m, h.id);
    s.m_data.lastHousehold = std::max(s.m_data.lastHousehold, h.id);
    list.insert(at, std::move(h));
    for (std::size_t i = pos; i < list.size(); ++i) s.m_householdPos.set(list[i].id, i);
}

Household StateEditor::removeHousehold(State& s, HouseholdId id) {
    auto& list = s.m_data.data.households;
    const auto pos = static_cast<std::size_t>(s.m_householdPos.at(id));
    Household h = std::move(list[pos]);
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(pos));
    s.m_householdPos.erase(id);
    // Rare (merges only): shifting the positions after it keeps the order of the data set.
    for (std::size_t i = pos; i < list.size(); ++i) s.m_householdPos.set(list[i].id, i);
    auto county = s.m_byCounty.find(h.divisionCode);
    if (county != s.m_byCounty.end()) {
        auto& ids = county->second;
        ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
        if (ids.empty()) s.m_byCounty.erase(county);
    }
    for (const Member& m : h.members) unindexPerson(s, m);
    return h;
}

void StateEditor::addNeed(State& s, Need n) {
    s.m_needPos.set(n.id, s.m_data.data.needs.size());
    if (s.m_kindsIndexed) s.m_needsByKind[{n.kind, n.status}].insert(n.id);
    s.m_data.lastNeed = std::max(s.m_data.lastNeed, n.id);
    s.m_data.data.needs.push_back(std::move(n));
}

void StateEditor::popNeed(State& s) {
    const Need& n = s.m_data.data.needs.back();
    if (s.m_kindsIndexed) s.m_needsByKind[{n.kind, n.status}].erase(n.id);
    s.m_needPos.erase(n.id);
    s.m_data.data.needs.pop_back();
}

Need StateEditor::removeNeed(State& s, NeedId id) {
    auto& list = s.m_data.data.needs;
    const auto pos = static_cast<std::size_t>(*s.m_needPos.find(id));
    Need n = std::move(list[pos]);
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(pos));
    if (s.m_kindsIndexed) s.m_needsByKind[{n.kind, n.status}].erase(id);
    s.m_needPos.erase(id);
    for (std::size_t i = pos; i < list.size(); ++i) s.m_needPos.set(list[i].id, i);
    return n;
}

void StateEditor::setNeedStatus(State& s, NeedId id, NeedStatus status) {
    Need& n = need(s, id);
    if (s.m_kindsIndexed) s.m_needsByKind[{n.kind, n.status}].erase(id);
    n.status = status;
    if (s.m_kindsIndexed) s.m_needsByKind[{n.kind, n.status}].insert(id);
}

void StateEditor::setNeedHousehold(State& s, NeedId id, HouseholdId household) {
    need(s, id).household = household;
}

void StateEditor::addDonor(State& s, Donor d) {
    s.m_donorPos.set(d.id, s.m_data.data.donors.size());
    s.m_data.lastDonor = std::max(s.m_data.lastDonor, d.id);
    s.m_data.data.donors.push_back(std::move(d));
}

void StateEditor::popDonor(State& s) {
    s.m_donorPos.erase(s.m_data.data.donors.back().id);
    s.m_data.data.donors.pop_back();
}

void StateEditor::addOffer(State& s, Offer o) {
    s.m_offerPos.set(o.id, s.m_data.data.offers.size());
    if (s.m_kindsIndexed) s.m_offersByKind[{o.kind, o.status}].insert(o.id);
    s.m_data.lastOffer = std::max(s.m_data.lastOffer, o.id);
    s.m_data.data.offers.push_back(std::move(o));
}

void StateEditor::popOffer(State& s) {
    const Offer& o = s.m_data.data.offers.back();
    if (s.m_kindsIndexed) s.m_offersByKind[{o.kind, o.status}].erase(o.id);
    s.m_offerPos.erase(o.id);
    s.m_data.data.offers.pop_back();
}

void StateEditor::addAllocation(State& s, Allocation a) {
    s.m_allocationPos.set(a.id, s.m_data.data.allocations.size());
    s.m_data.lastAllocation = std::max(s.m_data.lastAllocation, a.id);
    s.m_data.data.allocations.push_back(std::move(a));
}

void StateEditor::popAllocation(State& s) {
    s.m_allocationPos.erase(s.m_data.data.allocations.back().id);
    s.m_data.data.allocations.pop_back();
}

Household StateEditor::updated(const Household& old, const Household& in) {
    Household h = old;
    h.address = in.address;
    h.phone = in.phone;
    h.categories = in.categories;
    h.consentToShare = in.consentToShare;
    h.members = in.members;
    return h;
}

Offer StateEditor::updated(const Offer& old, const Offer& in) {
    Offer o = old;
    o.capacity = in.capacity;
    o.coverage = in.coverage;
    o.targetGroups = in.targetGroups;
    o.windowStart = in.windowStart;
    o.windowEnd = in.windowEnd;
    o.perHouseholdCap = in.perHouseholdCap;
    o.status = in.status;
    o.title = in.title;
    return o;
}

Household StateEditor::replaceHousehold(State& s, Household h) {
    Household& slot = household(s, h.id);
    // Every old number out before any new one goes in: two members may swap numbers.
    for (const Member& m : slot.members) unindexPerson(s, m);
    for (const Member& m : h.members) indexPerson(s, m, h.id);
    if (s.m_countiesIndexed && slot.divisionCode != h.divisionCode) {
        auto& ids = s.m_byCounty[slot.divisionCode];
        ids.erase(std::remove(ids.begin(), ids.end(), h.id), ids.end());
        if (ids.empty()) s.m_byCounty.erase(slot.divisionCode);
        insertSorted(s.m_byCounty[h.divisionCode], h.id);
    }
    std::swap(slot, h);
    return h;
}

Offer StateEditor::replaceOffer(State& s, Offer o) {
    Offer& slot = offer(s, o.id);
    if (s.m_kindsIndexed) {
        s.m_offersByKind[{slot.kind, slot.status}].erase(o.id);
        s.m_offersByKind[{o.kind, o.status}].insert(o.id);
    }
    std::swap(slot, o);
    return o;
}

} // namespace nuanxin
