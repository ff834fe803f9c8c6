#pragma once
// The compact snapshot payload (snapshot format 2), a cereal portable binary archive. Included
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
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/serial/model_cereal.h"
#include "core/store/state.h"

namespace nuanxin::snapshot {

using serial::LoadError;

/// Where to find one enum family's table, by type.
template <class E> struct Family;
#define NX_SNAPSHOT_FAMILY(E, field_name)                                                          \
    template <> struct Family<E> { static constexpr const char* name = #field_name; };
NX_SNAPSHOT_FAMILY(Category, category)
NX_SNAPSHOT_FAMILY(Attribute, attribute)
NX_SNAPSHOT_FAMILY(Kind, kind)
NX_SNAPSHOT_FAMILY(Unit, unit)
NX_SNAPSHOT_FAMILY(Urgency, urgency)
NX_SNAPSHOT_FAMILY(NeedStatus, need_status)
NX_SNAPSHOT_FAMILY(OfferStatus, offer_status)
NX_SNAPSHOT_FAMILY(AllocationStatus, allocation_status)
NX_SNAPSHOT_FAMILY(DonorType, donor_type)
NX_SNAPSHOT_FAMILY(Sex, sex)
#undef NX_SNAPSHOT_FAMILY

/// The file's index → this program's value, for one enum family.
template <class E> struct Table {
    std::vector<E> values;
    bool identity = true; ///< file order equals enum order: sets need no remapping
};

class Writer {
public:
    explicit Writer(cereal::PortableBinaryOutputArchive& ar) : m_ar(ar) {}

    void u8(std::uint8_t v) { m_ar(v); }
    void u32(std::uint32_t v) { m_ar(v); }
    void u64(std::uint64_t v) { m_ar(v); }
    void i64(std::int64_t v) { m_ar(v); }
    void flag(bool v) { u8(v ? 1 : 0); }
    void count(std::size_t n) {
        if (n > std::numeric_limits<std::uint32_t>::max())
            throw std::length_error("snapshot count");
        u32(static_cast<std::uint32_t>(n));
    }
    void str(const std::string& s) {
        count(s.size());
        m_ar(cereal::binary_data(s.data(), s.size()));
    }
    void date(const Date& d) { m_ar(static_cast<std::int32_t>(d.daysSinceEpoch())); }
    /// Tables are written in enum order, so a value's index is its enum value.
    template <class E> void names() {
        str(Family<E>::name);
        count(static_cast<std::size_t>(E::Count_));
        for (E e : allOf<E>()) str(std::string(name(e)));
    }
    template <class E> void value(E e) { u8(static_cast<std::uint8_t>(e)); }
    template <class E> void set(EnumSet<E> s) { u32(s.bits()); }
    /// Reason codes: the distinct ones in use, then each code as its index.
    void reasonNames(const std::vector<Allocation>& allocations) {
        for (const Allocation& a : allocations) {
            for (const Reason& r : a.reasons) m_reasons.emplace(r.code, 0);
        }
        count(m_reasons.size());
        std::uint32_t i = 0;
        for (auto& [code, index] : m_reasons) {
            index = i++;
            str(keyName(code));
        }
    }
    void reason(Str code) { u32(m_reasons.at(code)); }

private:
    cereal::PortableBinaryOutputArchive& m_ar;
    std::map<Str, std::uint32_t> m_reasons;
};

class Reader {
public:
    explicit Reader(cereal::PortableBinaryInputArchive& ar) : m_ar(ar) {}

    std::uint8_t u8() { return get<std::uint8_t>(); }
    std::uint32_t u32() { return get<std::uint32_t>(); }
    std::uint64_t u64() { return get<std::uint64_t>(); }
    std::int64_t i64() { return get<std::int64_t>(); }
    bool flag(const char* field) {
        const std::uint8_t v = u8();
        if (v > 1) throw LoadError(field, std::to_string(v), Str::SerialMalformed, "flag");
        return v == 1;
    }
    /// A count or length, never more than the bytes of the input (a damaged count would
    /// otherwise allocate gigabytes).
    std::size_t count() {
        const std::uint32_t n = u32();
        serial::checkCount(n);
        return n;
    }
    void str(std::string& s) {
        s.resize(count());
        m_ar(cereal::binary_data(s.data(), s.size()));
    }
    std::string str() {
        std::string s;
        str(s);
        return s;
    }
    /// Many records share a day (registration, deadlines): a small cache saves the calendar
    /// arithmetic for those.
    Date date() {
        const std::int32_t days = get<std::int32_t>();
        auto& [cachedDays, cached] = m_dates[static_cast<std::uint32_t>(days) % m_dates.size()];
        if (cachedDays != days) {
            cached = Date::fromDays(days);
            cachedDays = days;
        }
        return cached;
    }

    template <class E> void names() {
        const std::string family = str();
        if (family != Family<E>::name) {
            throw LoadError(std::string("names"), family, Str::SerialMalformed,
                            std::string("expected ") + Family<E>::name);
        }
        const std::size_t n = count();
        if (n > 32)
            throw LoadError(std::string("names.") + family, std::to_string(n), Str::SerialMalformed,
                            "more than 32 values");
        Table<E>& t = table<E>();
        t.values.clear();
        for (std::size_t i = 0; i < n; ++i) {
            const std::string text = str();
            const auto parsed = parseEnum<E>(text);
            if (!parsed) {
                throw LoadError("names." + family + "[" + std::to_string(i) + "]", text,
                                Str::SerialUnknownName, "");
            }
            t.values.push_back(*parsed);
            t.identity = t.identity && static_cast<std::size_t>(*parsed) == i;
        }
    }
    template <class E> E value(const char* field) {
        const std::uint8_t i = u8();
        const Table<E>& t = table<E>();
        if (i >= t.values.size())
            throw LoadError(field, std::to_string(i), Str::SerialMalformed, "");
        return t.values[i];
    }
    template <class E> EnumSet<E> set(const char* field) {
        const std::uint32_t bits = u32();
        const Table<E>& t = table<E>();
        if (t.values.size() < 32 && (bits >> t.values.size()) != 0) {
            throw LoadError(field, std::to_string(bits), Str::SerialMalformed, "");
        }
        if (t.identity) return EnumSet<E>(bits);
        EnumSet<E> out;
        for (std::size_t i = 0; i < t.values.size(); ++i) {
            if ((bits >> i) & 1U) out.set(t.values[i]);
        }
        return out;
    }
    void reasonNames() {
        const std::size_t n = count();
        m_reasons.clear();
        for (std::size_t i = 0; i < n; ++i) {
            const std::string text = str();
            const auto code = keyFromName(text);
            if (!code) {
                throw LoadError("names.reasons[" + std::to_string(i) + "]", text,
                                Str::SerialUnknownName, "reason code");
            }
            m_reasons.push_back(*code);
        }
    }
    Str reason() {
        const std::uint32_t i = u32();
        if (i >= m_reasons.size())
            throw LoadError("code", std::to_string(i), Str::SerialMalformed, "");
        return m_reasons[i];
    }

private:
    template <class T> T get() {
        T v{};
        m_ar(v);
        return v;
    }
    template <class E> Table<E>& table() { return std::get<Table<E>>(m_tables); }

    cereal::PortableBinaryInputArchive& m_ar;
    std::tuple<Table<Category>, Table<Attribute>, Table<Kind>, Table<Unit>, Table<Urgency>,
               Table<NeedStatus>, Table<OfferStatus>, Table<AllocationStatus>, Table<DonorType>,
               Table<Sex>>
        m_tables;
    std::vector<Str> m_reasons;
    /// Starts as day 0 = 1970-01-01 in every entry, which is a true pair.
    std::array<std::pair<std::int32_t, Date>, 64> m_dates{};
};

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
    putList(w, a.reasons);
}
inline void get(Reader& r, Allocation& a) {
    a.id = r.u64();
    a.need = r.u64();
    a.offer = r.u64();
    a.quantity = r.i64();
    a.status = r.value<AllocationStatus>("status");
    a.locked = r.flag("locked");
    getList(r, "reasons", a.reasons);
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
    }
};

} // namespace nuanxin::snapshot
