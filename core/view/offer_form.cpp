#include "core/view/offer_form.h"

#include "core/model/validate.h"
#include "core/view/household_search.h"

namespace nuanxin {
namespace {

/// Separators people type between codes: ASCII, the full-width comma and the enumeration comma.
bool separatorAt(const std::string& text, std::size_t i, std::size_t& width) {
    const char c = text[i];
    if (c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n') {
        width = 1;
        return true;
    }
    static const char* const kWide[] = {"\xEF\xBC\x8C" /* ， */, "\xE3\x80\x81" /* 、 */,
                                        "\xEF\xBC\x9B" /* ； */};
    for (const char* w : kWide) {
        if (text.compare(i, 3, w) == 0) {
            width = 3;
            return true;
        }
    }
    return false;
}

} // namespace

OfferDraft newOfferDraft(const Date& today, int days) {
    OfferDraft d;
    d.windowStart = today.iso();
    d.windowEnd = Date::fromDays(today.daysSinceEpoch() + days).iso();
    return d;
}

OfferDraft editOfferDraft(const Offer& o) {
    OfferDraft d;
    d.id = o.id;
    d.donor = o.donor;
    d.kind = o.kind;
    d.capacity = std::to_string(o.capacity);
    if (o.unitValueFen != 0) {
        d.unitValueYuan = std::to_string(o.unitValueFen / 100);
        if (const std::int64_t cents = o.unitValueFen % 100; cents != 0) {
            d.unitValueYuan += (cents < 10 ? ".0" : ".") + std::to_string(cents);
        }
    }
    for (const std::string& code : o.coverage) {
        if (!d.coverage.empty()) d.coverage += ", ";
        d.coverage += code;
    }
    d.targetGroups = o.targetGroups;
    d.windowStart = o.windowStart.iso();
    d.windowEnd = o.windowEnd.iso();
    d.perHouseholdCap = o.perHouseholdCap != 0 ? std::to_string(o.perHouseholdCap) : std::string();
    d.status = o.status;
    d.title = o.title;
    return d;
}

std::vector<std::string> splitCodes(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t width = 0;
        if (separatorAt(text, i, width)) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
            i += width;
        } else {
            current += text[i++];
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

bool readYuan(const std::string& text, const std::string& field, std::int64_t& fen,
              FieldErrors& errors) {
    const std::string_view t = trimAscii(text);
    if (t.empty()) {
        fen = 0;
        return true;
    }
    const std::size_t dot = t.find('.');
    const std::string_view whole = t.substr(0, dot);
    const std::string_view cents = dot == std::string_view::npos ? std::string_view() : t.substr(dot + 1);
    const auto yuan = whole.empty() ? std::optional<std::uint64_t>(0) : digitsValue(whole);
    const auto part = cents.empty() ? std::optional<std::uint64_t>(0) : digitsValue(cents);
    const bool ok = yuan && part && whole.size() <= 15 && cents.size() <= 2 &&
                    !(whole.empty() && cents.empty());
    if (!ok) {
        errors.push_back(FieldError{field, std::string(t), Str::UiFormNotAmount, {}});
        return false;
    }
    fen = static_cast<std::int64_t>(*yuan) * 100 +
          static_cast<std::int64_t>(*part) * (cents.size() == 1 ? 10 : 1);
    return true;
}

FormResult<Offer> readOfferDraft(const OfferDraft& draft, const Offer* original,
                                 const DivisionRegistry& divisions) {
    FormResult<Offer> r;
    Offer& o = r.value;
    if (original != nullptr) {
        o = *original;
    } else {
        o.id = 1;
        o.donor = draft.donor;
        o.kind = draft.kind;
        o.unit = kindInfo(draft.kind).unit;
        (void)readYuan(draft.unitValueYuan, "unit_value_fen", o.unitValueFen, r.errors);
    }
    if (o.donor == 0) r.errors.push_back(FieldError{"donor", {}, Str::ErrRequired, {}});
    (void)readInteger(draft.capacity, "capacity", true, o.capacity, r.errors);
    o.coverage = splitCodes(draft.coverage);
    o.targetGroups = draft.targetGroups;
    (void)readDate(draft.windowStart, "window_start", true, o.windowStart, r.errors);
    (void)readDate(draft.windowEnd, "window_end", true, o.windowEnd, r.errors);
    o.perHouseholdCap = 0;
    (void)readInteger(draft.perHouseholdCap, "per_household_cap", false, o.perHouseholdCap,
                      r.errors);
    o.status = draft.status;
    o.title = std::string(trimAscii(draft.title));
    FieldErrors validated = validate(o, divisions);
    // "donor" was reported above without the placeholder's "must be positive" twin.
    mergeErrors(r.errors, validated);
    return r;
}

FormResult<Donor> readDonorDraft(const DonorDraft& draft, const DivisionRegistry& divisions) {
    FormResult<Donor> r;
    Donor& d = r.value;
    d.id = 1;
    d.name = std::string(trimAscii(draft.name));
    d.type = draft.type;
    d.divisionCode = std::string(trimAscii(draft.divisionCode));
    d.phone = withoutSpaces(draft.phone);
    r.errors = validate(d, divisions);
    return r;
}

} // namespace nuanxin
