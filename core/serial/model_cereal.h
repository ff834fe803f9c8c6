#pragma once
// cereal serializers of every model type. Included only by .cpp files (core/serial/archive.cpp
// and tests), so cereal never leaks into the public headers.
//
// Conventions:
//  - JSON field names are snake_case; enums are written as their stable catalogue names
//    (name()/parseEnum), EnumSets as lists of names, reason codes as Str key names, dates as
//    "YYYY-MM-DD". The binary archive stores the same values in the same order, so one code path
//    serves both formats and a file never depends on enum numbering.
//  - Every record type has a CEREAL_CLASS_VERSION; a file from a newer nuanxin is refused.
//    Dates, enums and sets are leaf values (strings) whose textual form is fixed: they are
//    versioned through the record that holds them.
//  - Loading errors carry a dotted path ("dataset.households[3].members[0].sex"): io() and
//    Items prepend their part while the exception travels outwards.
#include <cstdint>
#include <exception>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>

#include "core/model/types.h"

namespace nuanxin::serial {

/// @brief A load failure with the path of the field it happened in.
struct LoadError : std::exception {
    std::string path;
    std::string value;
    Str reason = Str::SerialMalformed;
    std::string detail;

    LoadError(std::string path_, std::string value_, Str reason_, std::string detail_)
        : path(std::move(path_)), value(std::move(value_)), reason(reason_),
          detail(std::move(detail_)) {}
    [[nodiscard]] const char* what() const noexcept override { return "nuanxin load error"; }
};

/// @brief Upper bound of any element or byte count in the input being read (its size in bytes:
/// every element takes at least one byte). Guards against corrupt counts allocating gigabytes.
inline std::uint64_t& maxCount() {
    thread_local std::uint64_t limit = ~std::uint64_t{0};
    return limit;
}

inline void prependPath(std::string& path, const std::string& part) {
    if (path.empty())
        path = part;
    else if (path.front() == '[')
        path = part + path;
    else
        path = part + "." + path;
}

inline void checkCount(std::uint64_t n) {
    if (n > maxCount()) {
        throw LoadError("", std::to_string(n), Str::SerialMalformed, "count larger than the input");
    }
}

template <class T> struct IsVector : std::false_type {};
template <class U> struct IsVector<std::vector<U>> : std::true_type {};

/// Writes or reads one value, named in JSON (name != nullptr) or as an array element.
template <class Ar, class T> void raw(Ar& ar, const char* name, T& v) {
    if (name)
        ar(cereal::make_nvp(name, v));
    else
        ar(v);
}

template <class Ar, class T> void value(Ar& ar, const char* name, T& v);
template <class Ar, class E> void value(Ar& ar, const char* name, EnumSet<E>& set);

/// @brief A vector written as a cereal sequence; loading names the failing element "[i]".
template <class U> struct Items {
    std::vector<U>* items = nullptr;

    template <class Ar> void save(Ar& ar) const {
        auto n = static_cast<cereal::size_type>(items->size());
        ar(cereal::make_size_tag(n));
        for (auto& item : *items) value(ar, nullptr, item);
    }
    template <class Ar> void load(Ar& ar) {
        cereal::size_type n = 0;
        ar(cereal::make_size_tag(n));
        checkCount(n);
        items->assign(static_cast<std::size_t>(n), U{});
        for (std::size_t i = 0; i < items->size(); ++i) {
            try {
                value(ar, nullptr, (*items)[i]);
            } catch (LoadError& e) {
                prependPath(e.path, "[" + std::to_string(i) + "]");
                throw;
            }
        }
    }
};

template <class Ar> constexpr bool kLoading = Ar::is_loading::value;

template <class Ar> void stringValue(Ar& ar, const char* name, std::string& s) {
    if constexpr (std::is_same_v<Ar, cereal::PortableBinaryInputArchive>) {
        // cereal's own string loader resizes to whatever count it reads; check it first.
        cereal::size_type n = 0;
        ar(cereal::make_size_tag(n));
        checkCount(n);
        s.resize(static_cast<std::size_t>(n));
        ar(cereal::binary_data(s.data(), static_cast<std::size_t>(n)));
    } else {
        raw(ar, name, s);
    }
}

/// A bool in the binary archive is one byte; any byte but 0 or 1 is refused here, because
/// loading it into a bool directly would be undefined behaviour (cereal copies the raw byte).
template <class Ar> void boolValue(Ar& ar, const char* name, bool& b) {
    if constexpr (std::is_same_v<Ar, cereal::PortableBinaryInputArchive>) {
        std::uint8_t byte = 0;
        ar(byte);
        if (byte > 1) throw LoadError("", std::to_string(byte), Str::SerialMalformed, "0 or 1");
        b = byte == 1;
    } else {
        raw(ar, name, b);
    }
}

template <class Ar, class T> void value(Ar& ar, const char* name, T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
        stringValue(ar, name, v);
    } else if constexpr (std::is_same_v<T, bool>) {
        boolValue(ar, name, v);
    } else if constexpr (std::is_same_v<T, Date>) {
        std::string text = kLoading<Ar> ? std::string() : v.iso();
        stringValue(ar, name, text);
        if constexpr (kLoading<Ar>) {
            const auto parsed = Date::parse(text);
            if (!parsed) throw LoadError("", text, Str::SerialBadDate, "YYYY-MM-DD");
            v = *parsed;
        }
    } else if constexpr (std::is_same_v<T, Str>) {
        std::string text = kLoading<Ar> ? std::string() : std::string(keyName(v));
        stringValue(ar, name, text);
        if constexpr (kLoading<Ar>) {
            const auto parsed = keyFromName(text);
            if (!parsed) throw LoadError("", text, Str::SerialUnknownName, "reason code");
            v = *parsed;
        }
    } else if constexpr (std::is_enum_v<T>) {
        std::string text = kLoading<Ar> ? std::string() : std::string(nuanxin::name(v));
        stringValue(ar, name, text);
        if constexpr (kLoading<Ar>) {
            const auto parsed = parseEnum<T>(text);
            if (!parsed) throw LoadError("", text, Str::SerialUnknownName, "");
            v = *parsed;
        }
    } else if constexpr (IsVector<T>::value) {
        Items<typename T::value_type> items{&v};
        raw(ar, name, items);
    } else if constexpr (std::is_same_v<T, ReasonList>) {
        // Written like a vector of reasons; a loaded list is a list of its own.
        std::vector<Reason> list = kLoading<Ar> ? std::vector<Reason>() : v.list();
        Items<Reason> items{&list};
        raw(ar, name, items);
        if constexpr (kLoading<Ar>) v = ReasonList(std::move(list));
    } else {
        raw(ar, name, v);
    }
}

/// EnumSet<E> as a list of names, in enum order (so equal sets give equal bytes).
template <class Ar, class E> void value(Ar& ar, const char* name, EnumSet<E>& set) {
    std::vector<E> list;
    if constexpr (!kLoading<Ar>) {
        for (E e : allOf<E>()) {
            if (set.has(e)) list.push_back(e);
        }
    }
    Items<E> items{&list};
    raw(ar, name, items);
    if constexpr (kLoading<Ar>) {
        set = EnumSet<E>{};
        for (E e : list) set.set(e);
    }
}

/// @brief One named field; on load, failures get the field name prepended to their path.
template <class Ar, class T> void io(Ar& ar, const char* name, T& v) {
    if constexpr (kLoading<Ar>) {
        try {
            value(ar, name, v);
        } catch (LoadError& e) {
            prependPath(e.path, name);
            throw;
        } catch (const std::exception& e) {
            // cereal::Exception (missing field, wrong JSON type, short read) or bad_alloc.
            throw LoadError(name, "", Str::SerialMalformed, e.what());
        }
    } else {
        value(ar, name, v);
    }
}

/// @brief Refuses records written by a newer nuanxin (their meaning may have changed).
inline void checkVersion(std::uint32_t version, std::uint32_t current) {
    if (version > current) {
        throw LoadError("", std::to_string(version), Str::SerialNewerVersion,
                        "supported " + std::to_string(current));
    }
}

} // namespace nuanxin::serial

// Current versions. Raise one when its record's fields change, and keep reading the old form.
CEREAL_CLASS_VERSION(nuanxin::Member, 1)
CEREAL_CLASS_VERSION(nuanxin::Household, 2)
CEREAL_CLASS_VERSION(nuanxin::Need, 1)
CEREAL_CLASS_VERSION(nuanxin::Donor, 1)
CEREAL_CLASS_VERSION(nuanxin::Offer, 1)
CEREAL_CLASS_VERSION(nuanxin::Reason, 1)
CEREAL_CLASS_VERSION(nuanxin::Allocation, 1)
CEREAL_CLASS_VERSION(nuanxin::Volunteer, 1)
CEREAL_CLASS_VERSION(nuanxin::Dataset, 1)

namespace nuanxin {

template <class Ar> void serialize(Ar& ar, Member& m, const std::uint32_t version) {
    serial::checkVersion(version, 1);
    serial::io(ar, "name", m.name);
    serial::io(ar, "id_number", m.idNumber);
    serial::io(ar, "birth", m.birth);
    serial::io(ar, "sex", m.sex);
    serial::io(ar, "attributes", m.attributes);
}

/// Household versions:
///  1: `consent_to_share` was called `consent`; there was no `registered_by` (loads as "").
///  2: current.
template <class Ar> void serialize(Ar& ar, Household& h, const std::uint32_t version) {
    serial::checkVersion(version, 2);
    serial::io(ar, "id", h.id);
    serial::io(ar, "division_code", h.divisionCode);
    serial::io(ar, "address", h.address);
    serial::io(ar, "phone", h.phone);
    serial::io(ar, "categories", h.categories);
    serial::io(ar, version >= 2 ? "consent_to_share" : "consent", h.consentToShare);
    serial::io(ar, "members", h.members);
    serial::io(ar, "registered", h.registered);
    if (version >= 2)
        serial::io(ar, "registered_by", h.registeredBy);
    else
        h.registeredBy.clear();
}

template <class Ar> void serialize(Ar& ar, Need& n, const std::uint32_t version) {
    serial::checkVersion(version, 1);
    serial::io(ar, "id", n.id);
    serial::io(ar, "household", n.household);
    serial::io(ar, "kind", n.kind);
    serial::io(ar, "quantity", n.quantity);
    serial::io(ar, "unit", n.unit);
    serial::io(ar, "urgency", n.urgency);
    serial::io(ar, "deadline", n.deadline);
    serial::io(ar, "status", n.status);
    serial::io(ar, "note", n.note);
}

template <class Ar> void serialize(Ar& ar, Donor& d, const std::uint32_t version) {
    serial::checkVersion(version, 1);
    serial::io(ar, "id", d.id);
    serial::io(ar, "name", d.name);
    serial::io(ar, "type", d.type);
    serial::io(ar, "division_code", d.divisionCode);
    serial::io(ar, "phone", d.phone);
}

template <class Ar> void serialize(Ar& ar, Offer& o, const std::uint32_t version) {
    serial::checkVersion(version, 1);
    serial::io(ar, "id", o.id);
    serial::io(ar, "donor", o.donor);
    serial::io(ar, "kind", o.kind);
    serial::io(ar, "unit", o.unit);
    serial::io(ar, "capacity", o.capacity);
    serial::io(ar, "unit_value_fen", o.unitValueFen);
    serial::io(ar, "coverage", o.coverage);
    serial::io(ar, "target_groups", o.targetGroups);
    serial::io(ar, "window_start", o.windowStart);
    serial::io(ar, "window_end", o.windowEnd);
    serial::io(ar, "per_household_cap", o.perHouseholdCap);
    serial::io(ar, "status", o.status);
    serial::io(ar, "title", o.title);
}

template <class Ar> void serialize(Ar& ar, Reason& r, const std::uint32_t version) {
    serial::checkVersion(version, 1);
    serial::io(ar, "code", r.code);
    serial::io(ar, "detail", r.detail);
}

template <class Ar> void serialize(Ar& ar, Allocation& a, const std::uint32_t version) {
    serial::checkVersion(version, 1);
    serial::io(ar, "id", a.id);
    serial::io(ar, "need", a.need);
    serial::io(ar, "offer", a.offer);
    serial::io(ar, "quantity", a.quantity);
    serial::io(ar, "status", a.status);
    serial::io(ar, "locked", a.locked);
    serial::io(ar, "reasons", a.reasons);
}

template <class Ar> void serialize(Ar& ar, Volunteer& v, const std::uint32_t version) {
    serial::checkVersion(version, 1);
    serial::io(ar, "id", v.id);
    serial::io(ar, "name", v.name);
    serial::io(ar, "phone", v.phone);
    serial::io(ar, "division_code", v.divisionCode);
    serial::io(ar, "kinds", v.kinds);
    serial::io(ar, "active", v.active);
}

template <class Ar> void serialize(Ar& ar, Dataset& d, const std::uint32_t version) {
    serial::checkVersion(version, 1);
    serial::io(ar, "title", d.title);
    serial::io(ar, "as_of", d.asOf);
    serial::io(ar, "households", d.households);
    serial::io(ar, "needs", d.needs);
    serial::io(ar, "donors", d.donors);
    serial::io(ar, "offers", d.offers);
    serial::io(ar, "allocations", d.allocations);
    serial::io(ar, "volunteers", d.volunteers);
}

} // namespace nuanxin
