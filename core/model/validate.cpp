#include "core/model/validate.h"

#include <iterator>
#include <unordered_map>

#include "core/id/resident_id.h"
#include "core/util/personal.h"

namespace nuanxin {
namespace {

constexpr std::size_t kMaxName = 64;     // names of people, organisations, offers
constexpr std::size_t kMaxAddress = 200; // a full address with village group and house number
constexpr std::size_t kMaxNote = 500;

void add(FieldErrors& errors, std::string field, std::string value, Str reason,
         std::string detail = {}) {
    errors.push_back(FieldError{std::move(field), std::move(value), reason, std::move(detail)});
}

std::string indexed(std::string_view field, std::size_t i) {
    return std::string(field) + '[' + std::to_string(i) + ']';
}

void checkId(FieldErrors& errors, std::string_view field, std::uint64_t id) {
    if (id == 0) add(errors, std::string(field), "0", Str::ErrIdNotPositive);
}

/// How a text may be shown in an error message.
enum class Shown { Plain, Name, Address };

std::string show(std::string_view text, Shown shown) {
    switch (shown) {
    case Shown::Name: return maskName(text);
    case Shown::Address: return maskAddress(text);
    case Shown::Plain: break;
    }
    return std::string(text);
}

void checkText(FieldErrors& errors, std::string_view field, std::string_view text,
               std::size_t maxLength, bool required, Shown shown) {
    if (text.empty()) {
        if (required) add(errors, std::string(field), {}, Str::ErrRequired);
        return;
    }
    const std::size_t length = utf8Length(text);
    if (length > maxLength) {
        // The value itself is left out: it is long, and masked it would say nothing.
        add(errors, std::string(field), shown == Shown::Plain ? std::string() : show(text, shown),
            Str::ErrTooLong, "max " + std::to_string(maxLength) + ", got " + std::to_string(length));
    }
}

template <class E>
bool checkEnum(FieldErrors& errors, std::string_view field, E v) {
    const auto raw = static_cast<unsigned>(v);
    if (raw < static_cast<unsigned>(E::Count_)) return true;
    add(errors, std::string(field), std::to_string(raw), Str::ErrValueOutOfRange);
    return false;
}

template <class E>
void checkSet(FieldErrors& errors, std::string_view field, EnumSet<E> set) {
    const auto unknown = set.bits() >> static_cast<unsigned>(E::Count_);
    if (unknown != 0) {
        add(errors, std::string(field), std::to_string(set.bits()), Str::ErrValueOutOfRange);
    }
}

bool checkDate(FieldErrors& errors, std::string_view field, const Date& d) {
    if (d.valid()) return true;
    add(errors, std::string(field), d.iso(), Str::ErrDateInvalid);
    return false;
}

void checkPastDate(FieldErrors& errors, std::string_view field, const Date& d, const Date& today,
                   bool personal) {
    if (!checkDate(errors, field, d)) return;
    // A birth date is personal: the year says enough to find the typo.
    if (today < d) {
        add(errors, std::string(field), personal ? d.iso().substr(0, 4) + "-**-**" : d.iso(),
            Str::ErrDateFuture);
    }
}

void checkPhone(FieldErrors& errors, std::string_view field, std::string_view phone,
                bool required) {
    if (phone.empty()) {
        if (required) add(errors, std::string(field), {}, Str::ErrRequired);
        return;
    }
    if (!isValidPhone(phone)) add(errors, std::string(field), maskPhone(phone), Str::ErrPhone);
}

void checkDivision(FieldErrors& errors, std::string_view field, std::string_view code,
                   const DivisionRegistry& divisions, bool countyLevel) {
    if (code.empty()) {
        add(errors, std::string(field), {}, Str::ErrRequired);
        return;
    }
    const Division* d = divisions.find(code);
    if (d == nullptr) {
        add(errors, std::string(field), std::string(code), Str::ErrDivisionUnknown);
        return;
    }
    // A city without counties (东莞, 中山, 儋州) is its own county level.
    const bool county = d->level == DivisionLevel::County ||
                        (d->level == DivisionLevel::City && divisions.children(d->code).empty());
    if (countyLevel && !county) {
        add(errors, std::string(field), std::string(code), Str::ErrDivisionNotCounty);
    }
}

void checkKindAndUnit(FieldErrors& errors, Kind kind, Unit unit) {
    const bool kindOk = checkEnum(errors, "kind", kind);
    const bool unitOk = checkEnum(errors, "unit", unit);
    if (kindOk && unitOk && kindInfo(kind).unit != unit) {
        add(errors, "unit", std::string(name(unit)), Str::ErrUnitMismatch,
            std::string(name(kindInfo(kind).unit)));
    }
}

void checkPositive(FieldErrors& errors, std::string_view field, std::int64_t v) {
    if (v <= 0) add(errors, std::string(field), std::to_string(v), Str::ErrNotPositive);
}

void checkNotNegative(FieldErrors& errors, std::string_view field, std::int64_t v) {
    if (v < 0) add(errors, std::string(field), std::to_string(v), Str::ErrNegative);
}

void append(FieldErrors& into, FieldErrors from, const std::string& prefix) {
    prefixFields(from, prefix);
    into.insert(into.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
}

// ID numbers compare with the check character upper-case, as parseResidentId stores them.
std::string idKey(std::string_view idNumber) {
    std::string key(idNumber);
    for (char& c : key) {
        if (c == 'x') c = 'X';
    }
    return key;
}

// People found by street patrols or stranded by a disaster often carry no papers and have no
// address here (Shanxi: no household-registration restriction); everyone else must have both.
bool mayLackPapers(const Household& h) {
    return h.categories.has(Category::Homeless) || h.categories.has(Category::DisasterStranded);
}

/// First index of each id in `records`; later repeats are reported as duplicates.
template <class T>
std::unordered_map<std::uint64_t, std::size_t> indexIds(const std::vector<T>& records,
                                                        std::string_view collection,
                                                        FieldErrors& errors) {
    std::unordered_map<std::uint64_t, std::size_t> index;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const std::uint64_t id = records[i].id;
        if (id == 0) continue; // reported by the record's own check
        const auto [it, inserted] = index.emplace(id, i);
        if (!inserted) {
            add(errors, indexed(collection, i) + ".id", std::to_string(id), Str::ErrDuplicateId,
                "also " + indexed(collection, it->second));
        }
    }
    return index;
}

} // namespace

FieldErrors validate(const Member& m, const DivisionRegistry& divisions, const Date& today) {
    FieldErrors errors;
    checkText(errors, "name", m.name, kMaxName, true, Shown::Name);
    const bool sexOk = checkEnum(errors, "sex", m.sex);
    checkSet(errors, "attributes", m.attributes);
    checkPastDate(errors, "birth", m.birth, today, true);
    if (m.idNumber.empty()) return errors; // whether it may be empty depends on the household

    auto id = parseResidentId(m.idNumber, divisions, today);
    if (!id) {
        append(errors, id.errors(), {});
        return errors;
    }
    if (m.birth.valid() && m.birth != id.value().birth) {
        add(errors, "birth", m.birth.iso().substr(0, 4) + "-**-**", Str::ErrBirthMismatch);
    }
    if (sexOk && m.sex != id.value().sex) {
        add(errors, "sex", std::string(name(m.sex)), Str::ErrSexMismatch);
    }
    return errors;
}

FieldErrors validate(const Household& h, const DivisionRegistry& divisions, const Date& today) {
    FieldErrors errors;
    checkId(errors, "id", h.id);
    checkDivision(errors, "division_code", h.divisionCode, divisions, true);
    checkText(errors, "address", h.address, kMaxAddress, !mayLackPapers(h), Shown::Address);
    checkPhone(errors, "phone", h.phone, false);
    checkSet(errors, "categories", h.categories);
    checkPastDate(errors, "registered", h.registered, today, false);
    checkText(errors, "registered_by", h.registeredBy, kMaxName, true, Shown::Plain);

    if (h.members.empty()) add(errors, "members", {}, Str::ErrRequired);
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < h.members.size(); ++i) {
        const Member& m = h.members[i];
        const std::string prefix = indexed("members", i) + '.';
        append(errors, validate(m, divisions, today), prefix);
        if (m.idNumber.empty()) {
            if (!mayLackPapers(h)) add(errors, prefix + "id_number", {}, Str::ErrRequired);
            continue;
        }
        const auto [it, inserted] = seen.emplace(idKey(m.idNumber), i);
        if (!inserted) {
            add(errors, prefix + "id_number", maskIdNumber(m.idNumber), Str::ErrDuplicateIdNumber,
                "also " + indexed("members", it->second));
        }
    }
    return errors;
}

FieldErrors validate(const Need& n) {
    FieldErrors errors;
    checkId(errors, "id", n.id);
    checkId(errors, "household", n.household);
    checkKindAndUnit(errors, n.kind, n.unit);
    checkPositive(errors, "quantity", n.quantity);
    checkEnum(errors, "urgency", n.urgency);
    checkDate(errors, "deadline", n.deadline);
    checkEnum(errors, "status", n.status);
    checkText(errors, "note", n.note, kMaxNote, false, Shown::Plain);
    return errors;
}

FieldErrors validate(const Donor& d, const DivisionRegistry& divisions) {
    FieldErrors errors;
    checkId(errors, "id", d.id);
    const bool typeOk = checkEnum(errors, "type", d.type);
    // A person giving is personal data; an organisation's name is public.
    const bool person = !typeOk || d.type == DonorType::Individual;
    checkText(errors, "name", d.name, kMaxName, true, person ? Shown::Name : Shown::Plain);
    checkDivision(errors, "division_code", d.divisionCode, divisions, false);
    checkPhone(errors, "phone", d.phone, false);
    return errors;
}

FieldErrors validate(const Offer& o, const DivisionRegistry& divisions) {
    FieldErrors errors;
    checkId(errors, "id", o.id);
    checkId(errors, "donor", o.donor);
    checkKindAndUnit(errors, o.kind, o.unit);
    checkPositive(errors, "capacity", o.capacity);
    checkNotNegative(errors, "unit_value_fen", o.unitValueFen);
    // An offer without coverage could never reach anyone: almost surely a missing column.
    if (o.coverage.empty()) add(errors, "coverage", {}, Str::ErrRequired);
    for (std::size_t i = 0; i < o.coverage.size(); ++i) {
        checkDivision(errors, indexed("coverage", i), o.coverage[i], divisions, false);
    }
    checkSet(errors, "target_groups", o.targetGroups);
    const bool startOk = checkDate(errors, "window_start", o.windowStart);
    const bool endOk = checkDate(errors, "window_end", o.windowEnd);
    if (startOk && endOk && o.windowEnd < o.windowStart) {
        add(errors, "window_end", o.windowEnd.iso(), Str::ErrWindowOrder,
            "start " + o.windowStart.iso());
    }
    checkNotNegative(errors, "per_household_cap", o.perHouseholdCap);
    checkEnum(errors, "status", o.status);
    checkText(errors, "title", o.title, kMaxName, true, Shown::Plain);
    return errors;
}

FieldErrors validate(const Allocation& a) {
    FieldErrors errors;
    checkId(errors, "id", a.id);
    checkId(errors, "need", a.need);
    checkId(errors, "offer", a.offer);
    checkPositive(errors, "quantity", a.quantity);
    checkEnum(errors, "status", a.status);
    for (std::size_t i = 0; i < a.reasons.size(); ++i) {
        checkEnum(errors, indexed("reasons", i) + ".code", a.reasons[i].code);
    }
    return errors;
}

FieldErrors validate(const Volunteer& v, const DivisionRegistry& divisions) {
    FieldErrors errors;
    checkId(errors, "id", v.id);
    checkText(errors, "name", v.name, kMaxName, true, Shown::Name);
    checkPhone(errors, "phone", v.phone, true); // households must be able to reach them
    checkDivision(errors, "division_code", v.divisionCode, divisions, false);
    for (std::size_t i = 0; i < v.kinds.size(); ++i) {
        checkEnum(errors, indexed("kinds", i), v.kinds[i]);
    }
    return errors;
}

FieldErrors validate(const Dataset& data, const DivisionRegistry& divisions, const Date& today) {
    FieldErrors errors;
    checkDate(errors, "as_of", data.asOf);

    for (std::size_t i = 0; i < data.households.size(); ++i) {
        append(errors, validate(data.households[i], divisions, today),
               indexed("households", i) + '.');
    }
    for (std::size_t i = 0; i < data.needs.size(); ++i) {
        append(errors, validate(data.needs[i]), indexed("needs", i) + '.');
    }
    for (std::size_t i = 0; i < data.donors.size(); ++i) {
        append(errors, validate(data.donors[i], divisions), indexed("donors", i) + '.');
    }
    for (std::size_t i = 0; i < data.offers.size(); ++i) {
        append(errors, validate(data.offers[i], divisions), indexed("offers", i) + '.');
    }
    for (std::size_t i = 0; i < data.allocations.size(); ++i) {
        append(errors, validate(data.allocations[i]), indexed("allocations", i) + '.');
    }
    for (std::size_t i = 0; i < data.volunteers.size(); ++i) {
        append(errors, validate(data.volunteers[i], divisions), indexed("volunteers", i) + '.');
    }

    const auto households = indexIds(data.households, "households", errors);
    const auto needs = indexIds(data.needs, "needs", errors);
    const auto donors = indexIds(data.donors, "donors", errors);
    const auto offers = indexIds(data.offers, "offers", errors);
    indexIds(data.allocations, "allocations", errors);
    indexIds(data.volunteers, "volunteers", errors);

    for (std::size_t i = 0; i < data.needs.size(); ++i) {
        const HouseholdId h = data.needs[i].household;
        if (h != 0 && households.count(h) == 0) {
            add(errors, indexed("needs", i) + ".household", std::to_string(h),
                Str::ErrUnknownHousehold);
        }
    }
    for (std::size_t i = 0; i < data.offers.size(); ++i) {
        const DonorId d = data.offers[i].donor;
        if (d != 0 && donors.count(d) == 0) {
            add(errors, indexed("offers", i) + ".donor", std::to_string(d), Str::ErrUnknownDonor);
        }
    }
    for (std::size_t i = 0; i < data.allocations.size(); ++i) {
        const Allocation& a = data.allocations[i];
        const std::string prefix = indexed("allocations", i) + '.';
        const auto need = needs.find(a.need);
        const auto offer = offers.find(a.offer);
        if (a.need != 0 && need == needs.end()) {
            add(errors, prefix + "need", std::to_string(a.need), Str::ErrUnknownNeed);
        }
        if (a.offer != 0 && offer == offers.end()) {
            add(errors, prefix + "offer", std::to_string(a.offer), Str::ErrUnknownOffer);
        }
        if (need != needs.end() && offer != offers.end()) {
            const Kind needKind = data.needs[need->second].kind;
            const Kind offerKind = data.offers[offer->second].kind;
            if (needKind != offerKind) {
                add(errors, prefix + "offer", std::to_string(a.offer), Str::ErrKindMismatch,
                    "need " + std::string(name(needKind)) + ", offer " +
                        std::string(name(offerKind)));
            }
        }
    }

    // The same person in two households would be served twice ("nobody served twice").
    // Repeats inside one household are reported by that household's own check.
    std::unordered_map<std::string, std::size_t> owner;
    for (std::size_t i = 0; i < data.households.size(); ++i) {
        for (std::size_t j = 0; j < data.households[i].members.size(); ++j) {
            const std::string& number = data.households[i].members[j].idNumber;
            if (number.empty()) continue;
            const auto [it, inserted] = owner.emplace(idKey(number), i);
            if (!inserted && it->second != i) {
                add(errors,
                    indexed("households", i) + '.' + indexed("members", j) + ".id_number",
                    maskIdNumber(number), Str::ErrDuplicateIdNumber,
                    "also " + indexed("households", it->second));
            }
        }
    }
    return errors;
}

} // namespace nuanxin
