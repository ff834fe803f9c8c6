#include "core/session/dataset_commands.h"

#include <algorithm>
#include <unordered_map>

namespace nuanxin {
namespace {

/// Old id -> new id of one kind of record; empty when the ids are kept.
class Renumbering {
public:
    template <class T> Renumbering(const std::vector<T>& records, std::uint64_t next) {
        std::vector<std::uint64_t> ids;
        ids.reserve(records.size());
        for (const T& r : records) ids.push_back(r.id);
        std::sort(ids.begin(), ids.end());
        const bool keep = ids.empty() || (ids.front() >= next && ids.front() > 0 &&
                                          std::adjacent_find(ids.begin(), ids.end()) == ids.end());
        if (keep) return;
        m_renumbered = true;
        m_map.reserve(records.size());
        m_first.reserve(records.size());
        for (const T& r : records) {
            m_first.push_back(next);
            m_map.emplace(r.id, next++); // a repeated id: references go to its first record
        }
    }
    /// The new id of the i-th record.
    [[nodiscard]] std::uint64_t own(std::size_t i, std::uint64_t id) const {
        return m_renumbered ? m_first[i] : id;
    }
    /// Where a reference now points (0: to nothing in the data set).
    [[nodiscard]] std::uint64_t ref(std::uint64_t id) const {
        if (!m_renumbered) return id;
        const auto it = m_map.find(id);
        return it == m_map.end() ? 0 : it->second;
    }

private:
    bool m_renumbered = false;
    std::unordered_map<std::uint64_t, std::uint64_t> m_map;
    std::vector<std::uint64_t> m_first;
};

/// The status changes from Proposed to `to`, along the transitions the store allows.
std::vector<AllocationStatus> pathTo(AllocationStatus to) {
    using S = AllocationStatus;
    switch (to) {
    case S::Approved:
        return {S::Approved};
    case S::Assigned:
        return {S::Approved, S::Assigned};
    case S::Delivered:
        return {S::Approved, S::Assigned, S::Delivered};
    case S::Confirmed:
        return {S::Approved, S::Assigned, S::Delivered, S::Confirmed};
    case S::Rejected:
        return {S::Rejected};
    case S::Cancelled:
        return {S::Cancelled};
    default:
        return {};
    }
}

} // namespace

std::vector<Command> datasetCommands(const Dataset& data, const IdCounters& next) {
    const Renumbering households(data.households, next.household);
    const Renumbering needs(data.needs, next.need);
    const Renumbering donors(data.donors, next.donor);
    const Renumbering offers(data.offers, next.offer);
    const Renumbering allocations(data.allocations, next.allocation);
    std::vector<Command> out;
    out.reserve(data.households.size() + data.needs.size() + data.donors.size() +
                data.offers.size() + data.volunteers.size() + 2 * data.allocations.size());
    for (std::size_t i = 0; i < data.households.size(); ++i) {
        Household h = data.households[i];
        h.id = households.own(i, h.id);
        out.push_back(cmd::RegisterHousehold{std::move(h)});
    }
    for (std::size_t i = 0; i < data.needs.size(); ++i) {
        Need n = data.needs[i];
        n.id = needs.own(i, n.id);
        n.household = households.ref(n.household);
        out.push_back(cmd::AddNeed{std::move(n)});
    }
    for (std::size_t i = 0; i < data.donors.size(); ++i) {
        Donor d = data.donors[i];
        d.id = donors.own(i, d.id);
        out.push_back(cmd::AddDonor{std::move(d)});
    }
    for (std::size_t i = 0; i < data.offers.size(); ++i) {
        Offer o = data.offers[i];
        o.id = offers.own(i, o.id);
        o.donor = donors.ref(o.donor);
        out.push_back(cmd::AddOffer{std::move(o)});
    }
    const Renumbering volunteers(data.volunteers, next.volunteer);
    for (std::size_t i = 0; i < data.volunteers.size(); ++i) {
        Volunteer v = data.volunteers[i];
        v.id = volunteers.own(i, v.id);
        out.push_back(cmd::RegisterVolunteer{std::move(v)});
    }
    std::vector<Command> later; // status changes after every proposal
    for (std::size_t i = 0; i < data.allocations.size(); ++i) {
        Allocation a = data.allocations[i];
        a.id = allocations.own(i, a.id);
        a.need = needs.ref(a.need);
        a.offer = offers.ref(a.offer);
        for (AllocationStatus s : pathTo(a.status)) later.push_back(cmd::SetAllocationStatus{a.id, s});
        a.status = AllocationStatus::Proposed;
        out.push_back(cmd::ProposeAllocation{std::move(a)});
    }
    out.insert(out.end(), std::make_move_iterator(later.begin()),
               std::make_move_iterator(later.end()));
    return out;
}

} // namespace nuanxin
