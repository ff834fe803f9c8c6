#pragma once
// The compact snapshot codec: name tables that map enum values by name, and the Writer and
// Reader of u8/u32/u64/i64 values, strings, dates and enum sets (core/store/snapshot_cereal.h
// puts the records together with them). Included only through snapshot_cereal.h.
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


} // namespace nuanxin::snapshot
