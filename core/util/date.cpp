#include "core/util/date.h"

#include <chrono>

namespace nuanxin {
namespace {

// Floor division for possibly negative numerators: the civil-date conversions below work in
// 400-year eras, and dates before 1970 must land in the era below, not be rounded towards zero.
constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return (a >= 0 ? a : a - (b - 1)) / b;
}

// Day 0 of the internal count is 0000-03-01: starting the year in March puts the leap day at
// the end of the year, so month lengths follow a fixed pattern and no leap test is needed.
constexpr std::int64_t kDaysPerEra = 146097;           // 400 Gregorian years
constexpr std::int64_t kMarchFirstYear0ToEpoch = 719468; // 0000-03-01 .. 1970-01-01

// Days from 1 March to the first day of month `m` (0 = March ... 11 = February).
constexpr std::int64_t daysBeforeShiftedMonth(std::int64_t m) { return (153 * m + 2) / 5; }

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int toInt(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

void appendPadded(std::string& out, int value, int width) {
    char buf[8];
    for (int i = width - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    out.append(buf, static_cast<std::size_t>(width));
}

} // namespace

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && isLeapYear(year)) return 29;
    return kDays[month - 1];
}

bool Date::valid() const {
    // Years 1..9999 only: iso() and parse() use exactly four digits, so every valid date
    // round-trips through its text form.
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= daysInMonth(year, month);
}

std::int64_t Date::daysSinceEpoch() const {
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = floorDiv(y, 400);
    const std::int64_t yearOfEra = y - era * 400;                        // 0..399
    const std::int64_t shiftedMonth = month > 2 ? month - 3 : month + 9; // 0..11
    const std::int64_t dayOfYear = daysBeforeShiftedMonth(shiftedMonth) + day - 1;
    const std::int64_t dayOfEra =
        yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * kDaysPerEra + dayOfEra - kMarchFirstYear0ToEpoch;
}

Date Date::fromDays(std::int64_t days) {
    const std::int64_t z = days + kMarchFirstYear0ToEpoch;
    const std::int64_t era = floorDiv(z, kDaysPerEra);
    const std::int64_t dayOfEra = z - era * kDaysPerEra; // 0..146096
    // Years of the era: remove the leap days (every 4th year, except every 100th, except the
    // 400th, which is the era's last day).
    const std::int64_t yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t shiftedMonth = (5 * dayOfYear + 2) / 153; // 0 = March
    Date d;
    d.day = static_cast<int>(dayOfYear - daysBeforeShiftedMonth(shiftedMonth) + 1);
    d.month = static_cast<int>(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    d.year = static_cast<int>(yearOfEra + era * 400 + (d.month <= 2 ? 1 : 0));
    return d;
}

std::string Date::iso() const {
    std::string out;
    out.reserve(10);
    appendPadded(out, year, 4);
    out += '-';
    appendPadded(out, month, 2);
    out += '-';
    appendPadded(out, day, 2);
    return out;
}

std::optional<Date> Date::parse(std::string_view text) {
    Date d;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        const auto y = text.substr(0, 4), m = text.substr(5, 2), dd = text.substr(8, 2);
        if (!allDigits(y) || !allDigits(m) || !allDigits(dd)) return std::nullopt;
        d = Date{toInt(y), toInt(m), toInt(dd)};
    } else if (text.size() == 8 && allDigits(text)) {
        d = Date{toInt(text.substr(0, 4)), toInt(text.substr(4, 2)), toInt(text.substr(6, 2))};
    } else {
        return std::nullopt;
    }
    if (!d.valid()) return std::nullopt;
    return d;
}

Date Date::today() {
    // system_clock counts from the Unix epoch (guaranteed since C++20 and true of every C++17
    // library we build with, including Emscripten's); UTC so the browser and desktop agree.
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now).count();
    return fromDays(floorDiv(static_cast<std::int64_t>(seconds), 86400));
}

int Date::yearsUntil(const Date& on) const {
    int years = on.year - year;
    // Not yet had this year's birthday: one year less. A 29 February birthday is reached on
    // 1 March in common years, as (2, 28) still sorts before (2, 29).
    if (on.month < month || (on.month == month && on.day < day)) --years;
    return years;
}

} // namespace nuanxin
