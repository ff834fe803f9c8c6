#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nuanxin {

/// @brief A civil (proleptic Gregorian) calendar date without time zone.
/// Plain value; comparisons and day arithmetic go through daysSinceEpoch() so they never depend
/// on the host's time functions (the browser and the desktop must agree to the day).
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    /// @brief True when the fields name a real day (29 February only in leap years).
    [[nodiscard]] bool valid() const;
    /// @brief Days since 1970-01-01 (negative before).
    [[nodiscard]] std::int64_t daysSinceEpoch() const;
    /// @brief The date `days` after 1970-01-01.
    [[nodiscard]] static Date fromDays(std::int64_t days);
    /// @brief "YYYY-MM-DD".
    [[nodiscard]] std::string iso() const;
    /// @brief Parses "YYYY-MM-DD" or "YYYYMMDD"; nullopt when malformed or not a real day.
    [[nodiscard]] static std::optional<Date> parse(std::string_view text);
    /// @brief Today in UTC, from the system clock (only front ends and the CLI call this).
    [[nodiscard]] static Date today();
    /// @brief Whole years from this date to `on` (age on a birthday counts the new year).
    [[nodiscard]] int yearsUntil(const Date& on) const;

    friend bool operator==(const Date& a, const Date& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) {
        return a.daysSinceEpoch() < b.daysSinceEpoch();
    }
    friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
};

[[nodiscard]] bool isLeapYear(int year);
[[nodiscard]] int daysInMonth(int year, int month);

} // namespace nuanxin
