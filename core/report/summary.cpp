#include "core/report/summary.h"

#include <sstream>

namespace nuanxin {
namespace {

constexpr std::size_t kKinds = static_cast<std::size_t>(Kind::Count_);

std::string provinceOf(const std::string& divisionCode) {
    return divisionCode.size() >= 2 ? divisionCode.substr(0, 2) : std::string("??");
}

/// JSON string literal; codes and stable names are plain ASCII, but be safe for anything.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (u < 0x20) {
            const char* hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xF];
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

/// {"name":n,...} over every value of an enum, in enum order (zeros included: stable keys).
template <class E, class Array> std::string enumObject(const Array& counts) {
    std::string out = "{";
    for (E e : allOf<E>()) {
        if (out.size() > 1) out += ',';
        out += quoted(name(e)) + ":" + std::to_string(counts[static_cast<std::size_t>(e)]);
    }
    return out + "}";
}

std::string divisionName(const DivisionRegistry& divisions, const std::string& code) {
    const Division* d = divisions.find(code);
    return (d ? d->name : std::string("?")) + " (" + code + ")";
}

} // namespace

Summary summarize(const Dataset& data) {
    Summary s;
    s.households = data.households.size();
    s.needs = data.needs.size();
    s.offers = data.offers.size();
    s.donors = data.donors.size();
    s.allocations = data.allocations.size();
    s.volunteers = data.volunteers.size();
    for (const auto& h : data.households) {
        s.members += h.members.size();
        const std::string province = provinceOf(h.divisionCode);
        ++s.householdsByProvince[province];
        auto& perProvince = s.categoriesByProvince[province]; // value-initialised to zeros
        for (Category c : allOf<Category>()) {
            if (!h.categories.has(c)) continue;
            ++perProvince[static_cast<std::size_t>(c)];
            ++s.householdsByCategory[static_cast<std::size_t>(c)];
        }
    }
    for (const auto& n : data.needs) {
        const auto k = static_cast<std::size_t>(n.kind);
        if (k >= kKinds) continue; // a damaged record must not write out of bounds
        ++s.needsByKind[k];
        s.needQuantityByKind[k] += n.quantity;
    }
    for (const auto& o : data.offers) {
        const auto k = static_cast<std::size_t>(o.kind);
        if (k >= kKinds) continue;
        ++s.offersByKind[k];
        s.offerCapacityByKind[k] += o.capacity;
    }
    return s;
}

std::string summaryJson(const Summary& s) {
    std::string out = "{";
    auto number = [&](const char* key, std::size_t v) {
        out += quoted(key) + ":" + std::to_string(v) + ",";
    };
    number("households", s.households);
    number("members", s.members);
    number("needs", s.needs);
    number("offers", s.offers);
    number("donors", s.donors);
    number("allocations", s.allocations);
    number("volunteers", s.volunteers);

    out += "\"households_by_province\":{";
    bool first = true;
    for (const auto& [province, n] : s.householdsByProvince) {
        out += (first ? "" : ",") + quoted(province) + ":" + std::to_string(n);
        first = false;
    }
    out += "},\"households_by_category\":" + enumObject<Category>(s.householdsByCategory);
    out += ",\"categories_by_province\":{";
    first = true;
    for (const auto& [province, counts] : s.categoriesByProvince) {
        out += (first ? "" : ",") + quoted(province) + ":" + enumObject<Category>(counts);
        first = false;
    }
    out += "},\"needs_by_kind\":" + enumObject<Kind>(s.needsByKind);
    out += ",\"need_quantity_by_kind\":" + enumObject<Kind>(s.needQuantityByKind);
    out += ",\"offers_by_kind\":" + enumObject<Kind>(s.offersByKind);
    out += ",\"offer_capacity_by_kind\":" + enumObject<Kind>(s.offerCapacityByKind);
    return out + "}";
}

std::string summaryText(const Summary& s, const DivisionRegistry& divisions, Lang lang) {
    std::ostringstream out;
    const char* sep = lang == Lang::Zh ? "：" : ": ";
    out << tr(Str::SummaryTitle, lang) << '\n';
    const std::pair<Str, std::size_t> totals[] = {
        {Str::Households, s.households}, {Str::Members, s.members},
        {Str::Needs, s.needs},           {Str::Offers, s.offers},
        {Str::Donors, s.donors},         {Str::Allocations, s.allocations},
        {Str::Volunteers, s.volunteers}};
    for (const auto& [key, n] : totals) out << "  " << tr(key, lang) << sep << n << '\n';

    out << '\n' << tr(Str::SummaryByProvince, lang) << '\n';
    for (const auto& [province, n] : s.householdsByProvince) {
        out << "  " << divisionName(divisions, province) << sep << n << '\n';
        const auto& counts = s.categoriesByProvince.at(province);
        for (Category c : allOf<Category>()) {
            const auto i = static_cast<std::size_t>(c);
            if (counts[i] > 0) out << "    " << tr(label(c), lang) << sep << counts[i] << '\n';
        }
    }

    out << '\n' << tr(Str::SummaryByCategory, lang) << '\n';
    for (Category c : allOf<Category>()) {
        out << "  " << tr(label(c), lang) << sep
            << s.householdsByCategory[static_cast<std::size_t>(c)] << '\n';
    }

    out << '\n' << tr(Str::SummaryByKind, lang) << '\n';
    for (Kind k : allOf<Kind>()) {
        const auto i = static_cast<std::size_t>(k);
        if (s.needsByKind[i] == 0 && s.offersByKind[i] == 0) continue;
        const char* unit = tr(label(kindInfo(k).unit), lang);
        out << "  " << tr(label(k), lang) << sep << tr(Str::SummaryNeedCount, lang) << ' '
            << s.needsByKind[i] << ", " << tr(Str::Quantity, lang) << ' ' << s.needQuantityByKind[i]
            << ' ' << unit << "; " << tr(Str::SummaryOfferCount, lang) << ' ' << s.offersByKind[i]
            << ", " << tr(Str::Capacity, lang) << ' ' << s.offerCapacityByKind[i] << ' ' << unit
            << '\n';
    }
    return out.str();
}

} // namespace nuanxin
