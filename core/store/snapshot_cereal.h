#pragma once
// The compact snapshot payload (snapshot formats 2-4), a cereal portable binary archive. Included
// only by core/store/journal.cpp.
//
// Format 1 wrote StoreData through the model serializers: every enum as its name and every date
// as "YYYY-MM-DD", about 300 bytes and a dozen string parses per household, which made opening
// a million-household store take seconds. Here:
//  - the payload starts with name tables: for each enum family its stable names in the writer's
//    order, and the reason codes (Str key names) the allocations use. Values are then one byte
//    (their index in the table), enum sets a u32 bit mask over the table. The reader maps each
//    name to its own enum value, so the file still never depends on enum numbering, and an
//    unknown name refuses the snapshot (the journal is replayed instead);
//  - dates are day numbers (i32, days since 1970-01-01);
//  - counts and string lengths are u32 (cereal's size tags are 8 bytes each).
// A snapshot is a cache of the journal: the format changes with kSnapshotVersion alone.
// Format 4 appends the allocations' lifecycle detail, the tasks and the user roles after the
// id counters (and keeps the volunteers, now registered by commands); a format-3 snapshot is
// refused as older and the journal replayed, which is the whole migration.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/store/snapshot_codec.h"

namespace nuanxin::snapshot {

// ---- records: put() writes, get() reads the same fields in the same order ----

inline void put(Writer& w, const Member& m) {
    w.str(m.name);
    w.str(m.idNumber);
    w.date(m.birth);
    w.value(m.sex);
    w.set(m.attributes);
}
inline void get(Reader& r, Member& m) {
    r.str(m.name);
    r.str(m.idNumber);
    m.birth = r.date();
    m.sex = r.value<Sex>("sex");
    m.attributes = r.set<Attribute>("attributes");
}

/// A list: its count, then each item; a failure names the item ("members[2].sex").
template <class T> void putList(Writer& w, const std::vector<T>& items) {
    w.count(items.size());
    for (const T& item : items) put(w, item);
}
template <class T> void getList(Reader& r, const char* field, std::vector<T>& items) {
    items.resize(r.count());
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            get(r, items[i]);
        } catch (LoadError& e) {
            serial::prependPath(e.path, std::string(field) + "[" + std::to_string(i) + "]");
            throw;
        }
    }
}

inline void put(Writer& w, const Household& h) {
    w.u64(h.id);
    w.str(h.divisionCode);
    w.str(h.address);
    w.str(h.phone);
    w.set(h.categories);
    w.flag(h.consentToShare);
    putList(w, h.members);
    w.date(h.registered);
    w.str(h.registeredBy);
}
inline void get(Reader& r, Household& h) {
    h.id = r.u64();
    r.str(h.divisionCode);
    r.str(h.address);
    r.str(h.phone);
    h.categories = r.set<Category>("categories");
    h.consentToShare = r.flag("consent_to_share");
    getList(r, "members", h.members);
    h.registered = r.date();
    r.str(h.registeredBy);
}

inline void put(Writer& w, const Need& n) {
    w.u64(n.id);
    w.u64(n.household);
    w.value(n.kind);
    w.i64(n.quantity);
    w.value(n.unit);
    w.value(n.urgency);
    w.date(n.deadline);
    w.value(n.status);
    w.str(n.note);
}
inline void get(Reader& r, Need& n) {
    n.id = r.u64();
    n.household = r.u64();
    n.kind = r.value<Kind>("kind");
    n.quantity = r.i64();
    n.unit = r.value<Unit>("unit");
    n.urgency = r.value<Urgency>("urgency");
    n.deadline = r.date();
    n.status = r.value<NeedStatus>("status");
    r.str(n.note);
}

inline void put(Writer& w, const Donor& d) {
    w.u64(d.id);
    w.str(d.name);
    w.value(d.type);
    w.str(d.divisionCode);
    w.str(d.phone);
}
inline void get(Reader& r, Donor& d) {
    d.id = r.u64();
    r.str(d.name);
    d.type = r.value<DonorType>("type");
    r.str(d.divisionCode);
    r.str(d.phone);
}

inline void put(Writer& w, const std::string& s) {
    w.str(s);
}
inline void get(Reader& r, std::string& s) {
    r.str(s);
}

inline void put(Writer& w, const Offer& o) {
    w.u64(o.id);
    w.u64(o.donor);
    w.value(o.kind);
    w.value(o.unit);
    w.i64(o.capacity);
    w.i64(o.unitValueFen);
    putList(w, o.coverage);
    w.set(o.targetGroups);
    w.date(o.windowStart);
    w.date(o.windowEnd);
    w.i64(o.perHouseholdCap);
    w.value(o.status);
    w.str(o.title);
}
inline void get(Reader& r, Offer& o) {
    o.id = r.u64();
    o.donor = r.u64();
    o.kind = r.value<Kind>("kind");
    o.unit = r.value<Unit>("unit");
    o.capacity = r.i64();
    o.unitValueFen = r.i64();
    getList(r, "coverage", o.coverage);
    o.targetGroups = r.set<Category>("target_groups");
    o.windowStart = r.date();
    o.windowEnd = r.date();
    o.perHouseholdCap = r.i64();
    o.status = r.value<OfferStatus>("status");
    r.str(o.title);
}

inline void put(Writer& w, const Reason& x) {
    w.reason(x.code);
    w.str(x.detail);
}
inline void get(Reader& r, Reason& x) {
    x.code = r.reason();
    r.str(x.detail);
}

inline void put(Writer& w, const Allocation& a) {
    w.u64(a.id);
    w.u64(a.need);
    w.u64(a.offer);
    w.i64(a.quantity);
    w.value(a.status);
    w.flag(a.locked);
    putList(w, a.reasons.list());
}
inline void get(Reader& r, Allocation& a) {
    a.id = r.u64();
    a.need = r.u64();
    a.offer = r.u64();
    a.quantity = r.i64();
    a.status = r.value<AllocationStatus>("status");
    a.locked = r.flag("locked");
    std::vector<Reason> reasons;
    getList(r, "reasons", reasons);
    a.reasons = ReasonList(std::move(reasons));
}

inline void put(Writer& w, Kind k) {
    w.value(k);
}
inline void get(Reader& r, Kind& k) {
    k = r.value<Kind>("kind");
}

inline void put(Writer& w, const Volunteer& v) {
    w.u64(v.id);
    w.str(v.name);
    w.str(v.phone);
    w.str(v.divisionCode);
    putList(w, v.kinds);
    w.flag(v.active);
}
inline void get(Reader& r, Volunteer& v) {
    v.id = r.u64();
    r.str(v.name);
    r.str(v.phone);
    r.str(v.divisionCode);
    getList(r, "kinds", v.kinds);
    v.active = r.flag("active");
}

inline void put(Writer& w, const PendingDuplicate& p) {
    w.u64(p.id);
    put(w, p.incoming);
    w.u64(p.existing);
    w.count(p.needs.size());
    for (const Need& n : p.needs) put(w, n);
}
inline void get(Reader& r, PendingDuplicate& p) {
    p.id = r.u64();
    get(r, p.incoming);
    p.existing = r.u64();
    p.needs.resize(r.count());
    for (Need& n : p.needs) get(r, n);
}

inline void put(Writer& w, const MergeRecord& m) {
    w.u64(m.id);
    w.u64(m.keep);
    put(w, m.source);
    w.u64(m.pendingId);
    w.u64(m.membersBefore);
    w.u64(m.membersMoved);
    w.set(m.categoriesBefore);
    w.count(m.needsMoved.size());
    for (NeedId id : m.needsMoved) w.u64(id);
    w.count(m.needsAdded.size());
    for (NeedId id : m.needsAdded) w.u64(id);
    w.flag(m.undone);
}
inline void get(Reader& r, MergeRecord& m) {
    m.id = r.u64();
    m.keep = r.u64();
    get(r, m.source);
    m.pendingId = r.u64();
    m.membersBefore = r.u64();
    m.membersMoved = r.u64();
    m.categoriesBefore = r.set<Category>("categories_before");
    m.needsMoved.resize(r.count());
    for (NeedId& id : m.needsMoved) id = r.u64();
    m.needsAdded.resize(r.count());
    for (NeedId& id : m.needsAdded) id = r.u64();
    m.undone = r.flag("undone");
}

// ---- lifecycle records (format 4) ----

inline void put(Writer& w, const Approval& a) {
    w.str(a.user);
    w.i64(a.tierHeld);
    w.i64(a.when);
}
inline void get(Reader& r, Approval& a) {
    r.str(a.user);
    a.tierHeld = static_cast<int>(r.i64());
    a.when = r.i64();
}

inline void put(Writer& w, const Progress& p) {
    w.i64(p.requiredTier);
    w.i64(p.approversNeeded);
    putList(w, p.approvals);
    w.flag(p.approved);
    w.flag(p.advance);
    w.u64(p.volunteer);
    w.i64(p.assigned);
    w.flag(p.delivered);
    w.i64(p.delivery.when);
    w.u64(p.delivery.volunteer);
    w.str(p.delivery.note);
    w.str(p.delivery.photo);
    w.i64(p.confirmed);
    w.str(p.confirmedBy);
    w.str(p.reason);
}
inline void get(Reader& r, Progress& p) {
    p.requiredTier = static_cast<int>(r.i64());
    p.approversNeeded = static_cast<int>(r.i64());
    getList(r, "approvals", p.approvals);
    p.approved = r.flag("approved");
    p.advance = r.flag("advance");
    p.volunteer = r.u64();
    p.assigned = r.i64();
    p.delivered = r.flag("delivered");
    p.delivery.when = r.i64();
    p.delivery.volunteer = r.u64();
    r.str(p.delivery.note);
    r.str(p.delivery.photo);
    p.confirmed = r.i64();
    r.str(p.confirmedBy);
    r.str(p.reason);
}

inline void put(Writer& w, const Task& t) {
    w.u64(t.id);
    w.u64(t.household);
    w.str(t.divisionCode);
    w.value(t.kind);
    w.value(t.unit);
    w.i64(t.quantity);
    w.date(t.deadline);
    w.str(t.plugin);
    w.i64(t.code);
    w.str(t.text);
    w.value(t.status);
    put(w, t.progress);
}
inline void get(Reader& r, Task& t) {
    t.id = r.u64();
    t.household = r.u64();
    r.str(t.divisionCode);
    t.kind = r.value<Kind>("kind");
    t.unit = r.value<Unit>("unit");
    t.quantity = r.i64();
    t.deadline = r.date();
    r.str(t.plugin);
    t.code = static_cast<std::int32_t>(r.i64());
    r.str(t.text);
    t.status = r.value<AllocationStatus>("status");
    get(r, t.progress);
}

inline void putProgress(Writer& w, const std::map<AllocationId, Progress>& map) {
    w.count(map.size());
    for (const auto& [id, p] : map) {
        w.u64(id);
        put(w, p);
    }
}
inline void getProgress(Reader& r, std::map<AllocationId, Progress>& map) {
    map.clear();
    const std::size_t n = r.count();
    for (std::size_t i = 0; i < n; ++i) {
        const AllocationId id = r.u64();
        get(r, map[id]);
    }
}

inline void putUsers(Writer& w, const std::map<std::string, UserRole>& users) {
    w.count(users.size());
    for (const auto& [user, role] : users) {
        w.str(user);
        w.i64(role.approverTier);
        w.u64(role.volunteer);
    }
}
inline void getUsers(Reader& r, std::map<std::string, UserRole>& users) {
    users.clear();
    const std::size_t n = r.count();
    for (std::size_t i = 0; i < n; ++i) {
        std::string user = r.str();
        UserRole& role = users[user];
        role.approverTier = static_cast<int>(r.i64());
        role.volunteer = r.u64();
    }
}

inline void putMap(Writer& w, const std::map<std::string, std::string>& map) {
    w.count(map.size());
    for (const auto& [key, value] : map) {
        w.str(key);
        w.str(value);
    }
}
inline void getMap(Reader& r, std::map<std::string, std::string>& map) {
    map.clear();
    const std::size_t n = r.count();
    for (std::size_t i = 0; i < n; ++i) {
        std::string key = r.str();
        map[key] = r.str();
    }
}

/// @brief StoreData in the compact form; what journal.cpp hands to cereal.
struct Compact {
    StoreData* data = nullptr;

    template <class Ar> void save(Ar& ar) const {
        Writer w(ar);
        const StoreData& s = *data;
        w.names<Category>();
        w.names<Attribute>();
        w.names<Kind>();
        w.names<Unit>();
        w.names<Urgency>();
        w.names<NeedStatus>();
        w.names<OfferStatus>();
        w.names<AllocationStatus>();
        w.names<DonorType>();
        w.names<Sex>();
        w.reasonNames(s.data.allocations);
        w.str(s.data.title);
        w.date(s.data.asOf);
        putList(w, s.data.households);
        putList(w, s.data.needs);
        putList(w, s.data.donors);
        putList(w, s.data.offers);
        putList(w, s.data.allocations);
        putList(w, s.data.volunteers);
        putList(w, s.pending);
        putList(w, s.merges);
        putMap(w, s.settings);
        putMap(w, s.approvedPlugins);
        for (std::uint64_t v : {s.sequence, s.lastHousehold, s.lastNeed, s.lastDonor, s.lastOffer,
                                s.lastAllocation, s.lastPending, s.lastMerge}) {
            w.u64(v);
        }
        putProgress(w, s.progress);
        putList(w, s.tasks);
        putUsers(w, s.users);
    }

    template <class Ar> void load(Ar& ar) {
        Reader r(ar);
        StoreData& s = *data;
        r.names<Category>();
        r.names<Attribute>();
        r.names<Kind>();
        r.names<Unit>();
        r.names<Urgency>();
        r.names<NeedStatus>();
        r.names<OfferStatus>();
        r.names<AllocationStatus>();
        r.names<DonorType>();
        r.names<Sex>();
        r.reasonNames();
        r.str(s.data.title);
        s.data.asOf = r.date();
        getList(r, "households", s.data.households);
        getList(r, "needs", s.data.needs);
        getList(r, "donors", s.data.donors);
        getList(r, "offers", s.data.offers);
        getList(r, "allocations", s.data.allocations);
        getList(r, "volunteers", s.data.volunteers);
        getList(r, "pending", s.pending);
        getList(r, "merges", s.merges);
        getMap(r, s.settings);
        getMap(r, s.approvedPlugins);
        for (std::uint64_t* v : {&s.sequence, &s.lastHousehold, &s.lastNeed, &s.lastDonor,
                                 &s.lastOffer, &s.lastAllocation, &s.lastPending, &s.lastMerge}) {
            *v = r.u64();
        }
        getProgress(r, s.progress);
        getList(r, "tasks", s.tasks);
        getUsers(r, s.users);
    }
};

} // namespace nuanxin::snapshot
