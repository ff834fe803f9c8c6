// Civil dates: day counts, leap years, both text forms, ages. Expected values are worked out by
// hand in the comments, not by calling the code under test.
#include <boost/test/unit_test.hpp>

#include <ctime>

#include "core/util/date.h"

using nuanxin::Date;

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(days_since_epoch_of_known_dates) {
    BOOST_TEST((Date{1970, 1, 1}.daysSinceEpoch() == 0));
    BOOST_TEST((Date{1969, 12, 31}.daysSinceEpoch() == -1));
    BOOST_TEST((Date{1970, 3, 1}.daysSinceEpoch() == 59)); // 31 + 28
    // 1970..1999: 30 years with 7 leap years (1972 ... 1996) = 10957 days; then 31 + 29 days of
    // January and February 2000 (a leap year: divisible by 400).
    BOOST_TEST((Date{2000, 1, 1}.daysSinceEpoch() == 10957));
    BOOST_TEST((Date{2000, 3, 1}.daysSinceEpoch() == 11017));
    // 1900..1969: 70 years, 17 leap years (1904 ... 1968; 1900 is not one) = 25567 days.
    BOOST_TEST((Date{1900, 1, 1}.daysSinceEpoch() == -25567));
    // 1970..2023: 54 years, 13 leap years (1972 ... 2020) = 19723 days.
    BOOST_TEST((Date{2024, 1, 1}.daysSinceEpoch() == 19723));
}

BOOST_AUTO_TEST_CASE(weekdays_agree_with_the_calendar) {
    // 1970-01-01 was a Thursday, 2024-01-01 a Monday, 1949-10-01 a Saturday.
    const auto weekday = [](const Date& d) { // 0 = Sunday
        const auto n = d.daysSinceEpoch() + 4;
        return ((n % 7) + 7) % 7;
    };
    BOOST_TEST(weekday(Date{1970, 1, 1}) == 4);
    BOOST_TEST(weekday(Date{2024, 1, 1}) == 1);
    BOOST_TEST(weekday(Date{1949, 10, 1}) == 6);
}

BOOST_AUTO_TEST_CASE(leap_years) {
    BOOST_TEST(nuanxin::isLeapYear(2024));
    BOOST_TEST(nuanxin::isLeapYear(2000));
    BOOST_TEST(!nuanxin::isLeapYear(1900));
    BOOST_TEST(!nuanxin::isLeapYear(2023));
    BOOST_TEST(nuanxin::daysInMonth(2024, 2) == 29);
    BOOST_TEST(nuanxin::daysInMonth(2100, 2) == 28);
    BOOST_TEST(nuanxin::daysInMonth(2023, 4) == 30);
    BOOST_TEST(nuanxin::daysInMonth(2023, 13) == 0);
    BOOST_TEST((Date{2024, 2, 29}.valid()));
    BOOST_TEST((Date{2000, 2, 29}.valid()));
    BOOST_TEST(!(Date{2023, 2, 29}.valid()));
    BOOST_TEST(!(Date{1900, 2, 29}.valid()));
    BOOST_TEST(!(Date{2023, 4, 31}.valid()));
    BOOST_TEST(!(Date{2023, 0, 1}.valid()));
    BOOST_TEST(!(Date{2023, 1, 0}.valid()));
}

BOOST_AUTO_TEST_CASE(from_days_walks_the_calendar_day_by_day) {
    // Independent successor rule: next day, or first of the next month, or of the next year.
    Date expected{1600, 1, 1};
    const std::int64_t first = expected.daysSinceEpoch();
    for (std::int64_t n = first; n < first + 365 * 600; ++n) {
        const Date d = Date::fromDays(n);
        BOOST_REQUIRE_MESSAGE(d == expected, "day " << n << " gave " << d.iso() << ", expected "
                                                    << expected.iso());
        BOOST_REQUIRE(d.daysSinceEpoch() == n);
        if (expected.day < nuanxin::daysInMonth(expected.year, expected.month)) {
            ++expected.day;
        } else if (expected.month < 12) {
            expected = Date{expected.year, expected.month + 1, 1};
        } else {
            expected = Date{expected.year + 1, 1, 1};
        }
    }
}

BOOST_AUTO_TEST_CASE(parse_both_forms) {
    const auto a = Date::parse("2024-02-29");
    BOOST_REQUIRE(a.has_value());
    BOOST_TEST((*a == Date{2024, 2, 29}));
    const auto b = Date::parse("19491231");
    BOOST_REQUIRE(b.has_value());
    BOOST_TEST((*b == Date{1949, 12, 31}));
}

BOOST_AUTO_TEST_CASE(parse_refuses_malformed_or_impossible) {
    for (const char* text : {"2023-02-29", "20230229", "2024-2-29", "2024/02/29", "", "2024-13-01",
                             "2024-00-10", " 2024-01-01", "2024-01-01 ", "2024-01-1x", "+0240101",
                             "0000-01-01", "202401011"}) {
        BOOST_TEST_INFO("text: \"" << text << "\"");
        BOOST_TEST(!Date::parse(text).has_value());
    }
}

BOOST_AUTO_TEST_CASE(iso_pads_every_field) {
    BOOST_TEST((Date{2024, 3, 7}.iso() == "2024-03-07"));
    BOOST_TEST((Date{5, 1, 9}.iso() == "0005-01-09"));
    BOOST_TEST(Date::parse(Date{1999, 12, 31}.iso())->iso() == "1999-12-31");
}

BOOST_AUTO_TEST_CASE(ordering_uses_the_calendar) {
    BOOST_TEST((Date{2023, 12, 31} < Date{2024, 1, 1}));
    BOOST_TEST((Date{2024, 1, 2} <= Date{2024, 1, 2}));
    BOOST_TEST(!(Date{2024, 2, 1} < Date{2024, 1, 31}));
    BOOST_TEST((Date{2024, 1, 2} != Date{2024, 2, 1}));
}

BOOST_AUTO_TEST_CASE(years_until_counts_birthdays) {
    const Date born{1949, 12, 31};
    BOOST_TEST(born.yearsUntil(Date{2024, 12, 30}) == 74);
    BOOST_TEST(born.yearsUntil(Date{2024, 12, 31}) == 75);
    BOOST_TEST(born.yearsUntil(Date{1949, 12, 31}) == 0);
    // A 29 February birthday is reached on 1 March in common years.
    const Date leap{2000, 2, 29};
    BOOST_TEST(leap.yearsUntil(Date{2018, 2, 28}) == 17);
    BOOST_TEST(leap.yearsUntil(Date{2018, 3, 1}) == 18);
    BOOST_TEST(leap.yearsUntil(Date{2020, 2, 29}) == 20);
}

BOOST_AUTO_TEST_CASE(today_matches_the_c_clock) {
    const std::time_t before = std::time(nullptr);
    const Date today = Date::today();
    const std::time_t after = std::time(nullptr);
    BOOST_TEST(today.valid());
    BOOST_TEST(today.year >= 2024);
    const std::int64_t n = today.daysSinceEpoch();
    BOOST_TEST((n == before / 86400 || n == after / 86400));
}

BOOST_AUTO_TEST_SUITE_END()
