#include "core/id/resident_id.h"

#include "core/util/personal.h"

namespace nuanxin {
namespace {

constexpr std::size_t kLength = 18;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (!isDigit(c)) return false;
    }
    return true;
}

int toInt(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

FieldError idError(std::string_view text, Str reason, std::string detail = {}) {
    FieldError e;
    e.field = "id_number";
    e.value = maskIdNumber(text);
    e.reason = reason;
    e.detail = std::move(detail);
    return e;
}

// The address code must name a place of the registry: a county, or a city or province in the
// padded form used for numbers issued at that level (510100, 510000). find() takes exactly
// those for a 6-digit code, as it reads "xx0000" and "xxxx00" as the padded forms.
// An ID number keeps the county code of the day it was issued, and county codes are abolished
// or renumbered over time (510122 双流县 became 510116 双流区 in 2015). The embedded list is the
// current one, so a county code missing from it is accepted when its city exists (flagged
// legacyDivision); a code outside every known city is refused.
enum class IssuingDivision { Known, Legacy, Unknown };

IssuingDivision issuingDivision(std::string_view code, const DivisionRegistry& divisions) {
    if (divisions.find(code) != nullptr) return IssuingDivision::Known;
    const Division* city = divisions.find(code.substr(0, 4));
    if (city != nullptr && city->level == DivisionLevel::City) return IssuingDivision::Legacy;
    return IssuingDivision::Unknown;
}

} // namespace

char residentIdCheckChar(std::string_view first17) {
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (std::size_t i = 0; i < 17 && i < first17.size(); ++i) {
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kCheck[sum % 11];
}

std::string ResidentId::masked() const { return maskIdNumber(number); }

std::string maskIdNumber(std::string_view text) {
    // First 4 (province and city) and last 4 for a full number; a shorter or garbled value keeps
    // a quarter at each end at most, so a typo never shows a number nearly whole.
    const std::size_t n = utf8Length(text);
    const std::size_t keep = n / 4 < 4 ? n / 4 : 4;
    return maskMiddle(text, keep, keep);
}

Result<ResidentId> parseResidentId(std::string_view text, const DivisionRegistry& divisions,
                                   const Date& today) {
    std::string number(text);
    if (number.size() == kLength && number.back() == 'x') number.back() = 'X';

    FieldErrors errors;
    if (number.size() != kLength) {
        errors.push_back(idError(number, Str::ErrIdLength,
                                 std::to_string(utf8Length(number))));
    }
    // Digits everywhere but the 18th position, which may also be X. Report the first bad one.
    for (std::size_t i = 0; i < number.size(); ++i) {
        const char c = number[i];
        if (isDigit(c) || (i == kLength - 1 && c == 'X')) continue;
        errors.push_back(idError(number, Str::ErrIdDigits, std::to_string(i + 1)));
        break;
    }
    // The parts below only mean something when the layout is right; with a wrong length every
    // field would be read from the wrong place and the extra messages would mislead.
    if (number.size() != kLength) return errors;

    const std::string_view digits = std::string_view(number).substr(0, 17);
    if (allDigits(digits)) {
        const char expected = residentIdCheckChar(digits);
        if (number[17] != expected) {
            errors.push_back(
                idError(number, Str::ErrIdCheckChar, std::string(1, expected)));
        }
    }

    ResidentId id;
    const std::string_view division = digits.substr(0, 6);
    if (allDigits(division)) {
        const IssuingDivision known = issuingDivision(division, divisions);
        if (known == IssuingDivision::Unknown) errors.push_back(idError(number, Str::ErrIdDivision));
        id.legacyDivision = known == IssuingDivision::Legacy;
    }
    const std::string_view birth = digits.substr(6, 8);
    if (allDigits(birth)) {
        const auto date = Date::parse(birth);
        if (!date || date->year < 1900) {
            errors.push_back(idError(number, Str::ErrIdBirthDate));
        } else if (today < *date) {
            errors.push_back(idError(number, Str::ErrIdFutureBirth));
        } else {
            id.birth = *date;
        }
    }
    if (!errors.empty()) return errors;

    id.number = number;
    id.divisionCode = std::string(division);
    id.sequence = toInt(digits.substr(14, 3));
    id.sex = id.sequence % 2 == 1 ? Sex::Male : Sex::Female;
    return id;
}

} // namespace nuanxin
