#pragma once
// Internal to core/store: the index-keeping edits that applying and undoing commands are made of.
#include "core/store/state.h"

namespace nuanxin {

struct StateEditor {
    static StoreData& data(State& s) { return s.m_data; }
    static Household& household(State& s, HouseholdId id) {
        return s.m_data.data.households[static_cast<std::size_t>(s.m_householdPos.at(id))];
    }
    static Need& need(State& s, NeedId id) {
        return s.m_data.data.needs[static_cast<std::size_t>(s.m_needPos.at(id))];
    }
    static Offer& offer(State& s, OfferId id) {
        return s.m_data.data.offers[static_cast<std::size_t>(s.m_offerPos.at(id))];
    }
    static Allocation& allocation(State& s, AllocationId id) {
        return s.m_data.data.allocations[static_cast<std::size_t>(s.m_allocationPos.at(id))];
    }

    static void addHousehold(State& s, Household h);
    /// Puts a household back before the first one with a higher id (its place when ids ascend).
    static void insertHousehold(State& s, Household h);
    /// Removes it from the data set and every index; returns it.
    static Household removeHousehold(State& s, HouseholdId id);
    static void indexPerson(State& s, const Member& m, HouseholdId id);
    static void unindexPerson(State& s, const Member& m);
    static void addNeed(State& s, Need n);
    static void popNeed(State& s);
    /// Removes a need from anywhere in the data set (rare: an unmerge); returns it.
    static Need removeNeed(State& s, NeedId id);
    static void setNeedStatus(State& s, NeedId id, NeedStatus status);
    static void setNeedHousehold(State& s, NeedId id, HouseholdId household);
    static void addDonor(State& s, Donor d);
    static void popDonor(State& s);
    static void addOffer(State& s, Offer o);
    static void popOffer(State& s);
    static void addAllocation(State& s, Allocation a);
    static void popAllocation(State& s);

    /// A registered household with the fields UpdateHousehold may change taken from `in`.
    [[nodiscard]] static Household updated(const Household& old, const Household& in);
    /// An offer with the fields UpdateOffer may change taken from `in`.
    [[nodiscard]] static Offer updated(const Offer& old, const Offer& in);
    /// Puts `h` in place of the household with its id (people and county re-indexed); returns
    /// the household it replaced.
    static Household replaceHousehold(State& s, Household h);
    /// Puts `o` in place of the offer with its id (kind and status re-indexed); returns the old.
    static Offer replaceOffer(State& s, Offer o);
};

} // namespace nuanxin
