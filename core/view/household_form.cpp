#include "core/view/household_form.h"

#include <algorithm>

#include "core/id/resident_id.h"
#include "core/model/validate.h"
#include "core/util/personal.h"
#include "core/view/household_search.h"

namespace nuanxin {
namespace {

std::string indexedField(std::size_t i, const char* field) {
    return "members[" + std::to_string(i) + "]." + field;
}

} // namespace

bool readInteger(const std::string& text, const std::string& field, bool required,
                 std::int64_t& out, FieldErrors& errors) {
    std::string_view t = trimAscii(text);
    if (t.empty()) {
        if (required) errors.push_back(FieldError{field, {}, Str::ErrRequired, {}});
        return !required;
    }
    const bool negative = t.front() == '-';
    if (negative || t.front() == '+') t.remove_prefix(1);
    // 18 digits always fit: no quantity in this domain comes near.
    const auto v = t.size() <= 18 ? digitsValue(t) : std::nullopt;
    if (!v) {
        errors.push_back(FieldError{field, std::string(trimAscii(text)), Str::UiFormNotInteger, {}});
        return false;
    }
    out = negative ? -static_cast<std::int64_t>(*v) : static_cast<std::int64_t>(*v);
    return true;
}

bool readDate(const std::string& text, const std::string& field, bool required, Date& out,
              FieldErrors& errors) {
    const std::string_view t = trimAscii(text);
    if (t.empty()) {
        if (required) errors.push_back(FieldError{field, {}, Str::ErrRequired, {}});
        return !required;
    }
    const auto d = Date::parse(t);
    if (!d) {
        errors.push_back(FieldError{field, std::string(t), Str::UiFormDateFormat, {}});
        return false;
    }
    out = *d;
    return true;
}

void mergeErrors(FieldErrors& into, const FieldErrors& validated) {
    const std::size_t typed = into.size();
    for (const FieldError& e : validated) {
        const bool taken = std::any_of(into.begin(), into.begin() + static_cast<long>(typed),
                                       [&](const FieldError& f) { return f.field == e.field; });
        if (!taken) into.push_back(e);
    }
}

FieldErrors withoutCommandPrefix(FieldErrors errors) {
    static constexpr std::string_view kPrefix = "commands[";
    for (FieldError& e : errors) {
        if (e.field.compare(0, kPrefix.size(), kPrefix) != 0) continue;
        const std::size_t close = e.field.find("].", kPrefix.size());
        if (close != std::string::npos) e.field.erase(0, close + 2);
    }
    return errors;
}

HouseholdDraft newHouseholdDraft() {
    HouseholdDraft d;
    d.members.emplace_back();
    return d;
}

HouseholdDraft editHouseholdDraft(const Household& h) {
    HouseholdDraft d;
    d.id = h.id;
    d.divisionCode = h.divisionCode;
    d.keptAddressMasked = maskAddress(h.address);
    d.keptPhoneMasked = maskPhone(h.phone);
    d.categories = h.categories;
    d.consent = h.consentToShare;
    for (const Member& m : h.members) {
        MemberDraft md;
        md.name = m.name;
        md.keptIdMasked = m.idNumber.empty() ? std::string() : maskIdNumber(m.idNumber);
        md.birth = m.idNumber.empty() ? m.birth.iso() : std::string();
        md.sex = m.sex;
        md.attributes = m.attributes;
        d.members.push_back(std::move(md));
    }
    return d;
}

FormResult<Household> readHouseholdDraft(const HouseholdDraft& draft, const Household* original,
                                         const DivisionRegistry& divisions, const Date& today,
                                         const std::string& organisation) {
    FormResult<Household> r;
    Household& h = r.value;
    if (original != nullptr) h = *original;
    h.id = original != nullptr ? original->id : 1;
    h.divisionCode = original != nullptr ? original->divisionCode
                                         : std::string(trimAscii(draft.divisionCode));
    const std::string address(trimAscii(draft.address));
    const std::string phone = withoutSpaces(draft.phone);
    if (original == nullptr || !address.empty()) h.address = address;
    if (original == nullptr || !phone.empty()) h.phone = phone;
    h.categories = draft.categories;
    h.consentToShare = draft.consent;
    if (original == nullptr) {
        h.registered = today;
        h.registeredBy = organisation;
    }
    h.members.clear();
    for (std::size_t i = 0; i < draft.members.size(); ++i) {
        const MemberDraft& md = draft.members[i];
        Member m;
        m.name = std::string(trimAscii(md.name));
        m.attributes = md.attributes;
        m.sex = md.sex;
        m.idNumber = std::string(trimAscii(md.idNumber));
        const bool kept = m.idNumber.empty() && original != nullptr &&
                          i < original->members.size() && !original->members[i].idNumber.empty();
        if (kept) m.idNumber = original->members[i].idNumber;
        if (!m.idNumber.empty()) {
            // Birth and sex follow a valid number; an invalid one is reported by validate().
            if (auto id = parseResidentId(m.idNumber, divisions, today)) {
                m.idNumber = id.value().number;
                m.birth = id.value().birth;
                m.sex = id.value().sex;
            }
        } else {
            (void)readDate(md.birth, indexedField(i, "birth"), false, m.birth, r.errors);
        }
        h.members.push_back(std::move(m));
    }
    mergeErrors(r.errors, validate(h, divisions, today));
    return r;
}

NeedDraft newNeedDraft(HouseholdId household, const Date& today, int deadlineDays) {
    NeedDraft d;
    d.household = household;
    d.deadline = Date::fromDays(today.daysSinceEpoch() + deadlineDays).iso();
    return d;
}

FormResult<Need> readNeedDraft(const NeedDraft& draft) {
    FormResult<Need> r;
    Need& n = r.value;
    n.id = 1;
    n.household = draft.household;
    n.kind = draft.kind;
    n.unit = kindInfo(draft.kind).unit;
    n.urgency = draft.urgency;
    n.status = NeedStatus::Open;
    n.note = std::string(trimAscii(draft.note));
    (void)readInteger(draft.quantity, "quantity", true, n.quantity, r.errors);
    (void)readDate(draft.deadline, "deadline", true, n.deadline, r.errors);
    mergeErrors(r.errors, validate(n));
    return r;
}

} // namespace nuanxin
