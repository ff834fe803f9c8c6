// State::apply: the changes of a checked command, each with its exact inverse (so that a
// transaction refused half-way leaves the state as it was).
#include <algorithm>
#include <stdexcept>

#include "core/store/state.h"
#include "core/store/state_editor.h"
#include "core/store/state_lifecycle.h"

namespace nuanxin {
namespace {

using Undo = std::function<void(State&)>;
using E = StateEditor;

/// Moves `source` into household `rec.keep` and fills in what the record must remember; `held`
/// are a held duplicate's needs, registered now with `keep`.
void doMerge(State& s, MergeRecord& rec, std::vector<Need> held) {
    Household& keep = E::household(s, rec.keep);
    rec.membersBefore = keep.members.size();
    rec.categoriesBefore = keep.categories;
    rec.membersMoved = 0;
    for (const Member& m : rec.source.members) {
        // The same ID number is the same person: keep the record already there.
        const bool known =
            !m.idNumber.empty() &&
            std::any_of(keep.members.begin(), keep.members.end(), [&](const Member& k) {
                return personKey(k.idNumber) == personKey(m.idNumber);
            });
        if (known) continue;
        keep.members.push_back(m);
        E::indexPerson(s, m, keep.id);
        ++rec.membersMoved;
    }
    keep.categories = CategorySet(keep.categories.bits() | rec.source.categories.bits());
    for (NeedId id : rec.needsMoved) E::setNeedHousehold(s, id, rec.keep);
    rec.needsAdded.clear();
    for (Need& n : held) {
        n.household = rec.keep;
        rec.needsAdded.push_back(n.id);
        E::addNeed(s, std::move(n));
    }
}

/// Takes back what doMerge did; the source goes back where it came from.
void undoMerge(State& s, const MergeRecord& rec) {
    for (NeedId id : rec.needsMoved) E::setNeedHousehold(s, id, rec.source.id);
    // Newest first: right after the merge they are the last needs, and pop in order.
    std::vector<Need> held;
    for (auto id = rec.needsAdded.rbegin(); id != rec.needsAdded.rend(); ++id) {
        held.insert(held.begin(), E::removeNeed(s, *id));
        held.front().household = 0;
    }
    Household& keep = E::household(s, rec.keep);
    const auto from = keep.members.begin() + static_cast<std::ptrdiff_t>(rec.membersBefore);
    const auto to = from + static_cast<std::ptrdiff_t>(rec.membersMoved);
    for (auto it = from; it != to; ++it) E::unindexPerson(s, *it);
    keep.members.erase(from, to);
    keep.categories = rec.categoriesBefore;
    auto& data = E::data(s);
    if (rec.pendingId != 0) {
        const auto at =
            std::lower_bound(data.pending.begin(), data.pending.end(), rec.pendingId,
                             [](const PendingDuplicate& p, std::uint64_t id) { return p.id < id; });
        const HouseholdId existing = rec.keep;
        data.pending.insert(at,
                            PendingDuplicate{rec.pendingId, rec.source, existing, std::move(held)});
    } else {
        E::insertHousehold(s, rec.source);
    }
}

// Like E::household, these throw for an unknown id (before anything changed), so that replaying
// a damaged record refuses it whole instead of reading past the end.
std::vector<PendingDuplicate>::iterator findPending(StoreData& data, std::uint64_t id) {
    const auto it = std::find_if(data.pending.begin(), data.pending.end(),
                                 [&](const PendingDuplicate& p) { return p.id == id; });
    if (it == data.pending.end()) throw std::out_of_range("pending duplicate");
    return it;
}

PendingDuplicate& pendingOf(StoreData& data, std::uint64_t id) {
    return *findPending(data, id);
}

MergeRecord& mergeRecord(State& s, std::uint64_t id) {
    auto& merges = E::data(s).merges;
    const auto it = std::find_if(merges.begin(), merges.end(),
                                 [&](const MergeRecord& m) { return m.id == id; });
    if (it == merges.end()) throw std::out_of_range("merge");
    return *it;
}

struct Applier {
    State& s;

    Undo operator()(const cmd::RegisterHousehold& c) {
        E::addHousehold(s, c.household);
        const HouseholdId id = c.household.id;
        return [id](State& st) { E::removeHousehold(st, id); };
    }
    Undo operator()(const cmd::AddMember& c) {
        Household& h = E::household(s, c.household);
        h.members.push_back(c.member);
        E::indexPerson(s, c.member, h.id);
        const HouseholdId id = h.id;
        return [id](State& st) {
            Household& hh = E::household(st, id);
            E::unindexPerson(st, hh.members.back());
            hh.members.pop_back();
        };
    }
    Undo operator()(const cmd::AddNeed& c) {
        E::addNeed(s, c.need);
        return [](State& st) { E::popNeed(st); };
    }
    Undo operator()(const cmd::CloseNeed& c) {
        const NeedStatus before = E::need(s, c.need).status;
        E::setNeedStatus(s, c.need, c.status);
        const NeedId id = c.need;
        return [id, before](State& st) { E::setNeedStatus(st, id, before); };
    }
    Undo operator()(const cmd::AddDonor& c) {
        E::addDonor(s, c.donor);
        return [](State& st) { E::popDonor(st); };
    }
    Undo operator()(const cmd::AddOffer& c) {
        E::addOffer(s, c.offer);
        return [](State& st) { E::popOffer(st); };
    }
    Undo operator()(const cmd::ProposeAllocation& c) {
        E::addAllocation(s, c.allocation);
        return [](State& st) { E::popAllocation(st); };
    }
    Undo operator()(const cmd::SetAllocationStatus& c) {
        Allocation& a = E::allocation(s, c.allocation);
        const AllocationStatus before = a.status;
        a.status = c.status;
        const AllocationId id = c.allocation;
        return [id, before](State& st) { E::allocation(st, id).status = before; };
    }
    Undo operator()(const cmd::HoldDuplicate& c) {
        auto& data = E::data(s);
        data.pending.push_back(PendingDuplicate{c.id, c.incoming, c.existing, {}});
        data.lastPending = std::max(data.lastPending, c.id);
        return [](State& st) { E::data(st).pending.pop_back(); };
    }
    Undo operator()(const cmd::HoldNeed& c) {
        auto& data = E::data(s);
        pendingOf(data, c.pending).needs.push_back(c.need);
        data.lastNeed = std::max(data.lastNeed, c.need.id);
        const std::uint64_t id = c.pending;
        return [id](State& st) { pendingOf(E::data(st), id).needs.pop_back(); };
    }
    Undo operator()(const cmd::MergeHouseholds& c) {
        auto& data = E::data(s);
        MergeRecord rec;
        rec.id = c.mergeId;
        rec.keep = c.keep;
        std::vector<Need> held;
        (void)E::household(s, c.keep); // throws before the source is taken out
        if (c.pending != 0) {
            const auto it = findPending(data, c.pending);
            rec.pendingId = c.pending;
            rec.source = it->incoming;
            held = std::move(it->needs);
            data.pending.erase(it);
        } else {
            for (const Need& n : s.dataset().needs) {
                if (n.household == c.drop) rec.needsMoved.push_back(n.id);
            }
            rec.source = E::removeHousehold(s, c.drop);
        }
        doMerge(s, rec, std::move(held));
        data.merges.push_back(std::move(rec));
        data.lastMerge = std::max(data.lastMerge, c.mergeId);
        return [](State& st) {
            const MergeRecord last = E::data(st).merges.back();
            E::data(st).merges.pop_back();
            undoMerge(st, last);
        };
    }
    Undo operator()(const cmd::Unmerge& c) {
        MergeRecord& rec = mergeRecord(s, c.mergeId);
        if (rec.undone) throw std::out_of_range("merge already undone");
        undoMerge(s, rec);
        rec.undone = true;
        const std::uint64_t id = c.mergeId;
        return [id](State& st) {
            MergeRecord& r = mergeRecord(st, id);
            auto& data = E::data(st);
            std::vector<Need> held;
            if (r.pendingId != 0) {
                const auto it =
                    std::find_if(data.pending.begin(), data.pending.end(),
                                 [&](const PendingDuplicate& p) { return p.id == r.pendingId; });
                held = std::move(it->needs);
                data.pending.erase(it);
            } else {
                E::removeHousehold(st, r.source.id);
            }
            doMerge(st, r, std::move(held));
            r.undone = false;
        };
    }
    Undo operator()(const cmd::ApprovePlugin& c) {
        return setIn(E::data(s).approvedPlugins, c.pluginId, c.sha256, true);
    }
    Undo operator()(const cmd::ChangeSetting& c) {
        return setIn(E::data(s).settings, c.key, c.value, false);
    }

    Undo operator()(const cmd::UpdateHousehold& c) {
        // E::household throws for an unknown id: a damaged record is refused whole on replay.
        const Household& old = E::household(s, c.household.id);
        Household before = E::replaceHousehold(s, E::updated(old, c.household));
        return [before = std::move(before)](State& st) { E::replaceHousehold(st, before); };
    }
    Undo operator()(const cmd::UpdateOffer& c) {
        const Offer& old = E::offer(s, c.offer.id);
        Offer before = E::replaceOffer(s, E::updated(old, c.offer));
        return [before = std::move(before)](State& st) { E::replaceOffer(st, before); };
    }
    Undo operator()(const cmd::SetAllocationLock& c) {
        Allocation& a = E::allocation(s, c.allocation);
        const bool before = a.locked;
        a.locked = c.locked;
        const AllocationId id = c.allocation;
        return [id, before](State& st) { E::allocation(st, id).locked = before; };
    }

    // The lifecycle commands: core/store/state_lifecycle_apply.cpp.
    Undo operator()(const cmd::RegisterVolunteer& c) { return lifecycle::apply(s, c); }
    Undo operator()(const cmd::UpdateVolunteer& c) { return lifecycle::apply(s, c); }
    Undo operator()(const cmd::SetUserRole& c) { return lifecycle::apply(s, c); }
    Undo operator()(const cmd::ApproveAllocation& c) { return lifecycle::apply(s, c); }
    Undo operator()(const cmd::AddTask& c) { return lifecycle::apply(s, c); }
    Undo operator()(const cmd::AssignWork& c) { return lifecycle::apply(s, c); }
    Undo operator()(const cmd::RecordDelivery& c) { return lifecycle::apply(s, c); }
    Undo operator()(const cmd::ConfirmWork& c) { return lifecycle::apply(s, c); }
    Undo operator()(const cmd::EndWork& c) { return lifecycle::apply(s, c); }

    static Undo setIn(std::map<std::string, std::string>& map, const std::string& key,
                      const std::string& value, bool plugins) {
        const auto it = map.find(key);
        const bool had = it != map.end();
        const std::string before = had ? it->second : std::string();
        map[key] = value;
        return [plugins, key, had, before](State& st) {
            auto& m = plugins ? E::data(st).approvedPlugins : E::data(st).settings;
            if (had)
                m[key] = before;
            else
                m.erase(key);
        };
    }
};

} // namespace

std::function<void(State&)> State::apply(const Command& c) {
    return std::visit(Applier{*this}, c);
}

} // namespace nuanxin
