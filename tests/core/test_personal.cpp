// Phone validation and the masks used wherever personal data is shown. Only made-up values.
#include <boost/test/unit_test.hpp>

#include "core/util/personal.h"

using namespace nuanxin;

BOOST_AUTO_TEST_SUITE(personal)

BOOST_AUTO_TEST_CASE(valid_phones) {
    for (const char* p : {"13812345678", "19912345678", "15000000001", "010-62345678",
                          "01062345678", "021-5234567", "0755-2345678", "075523456789",
                          "0351-7654321"}) {
        BOOST_TEST_INFO("phone " << p);
        BOOST_TEST(isValidPhone(p));
    }
}

BOOST_AUTO_TEST_CASE(invalid_phones) {
    for (const char* p : {"", "abc", "12812345678", "1381234567", "138123456789",
                          "138 1234 5678", "+8613812345678", "138-1234-5678", "010-0234567",
                          "010-1234567", "00-12345678", "0755-123456", "0755-234567890",
                          "07-2345678", "07555-2345678", "0755--2345678", "23456789"}) {
        BOOST_TEST_INFO("phone \"" << p << "\"");
        BOOST_TEST(!isValidPhone(p));
    }
}

BOOST_AUTO_TEST_CASE(mask_phone) {
    BOOST_TEST(maskPhone("13812345678") == "138****5678");
    BOOST_TEST(maskPhone("010-62345678") == "010-******78");
    BOOST_TEST(maskPhone("01062345678") == "010******78");
    BOOST_TEST(maskPhone("0755-2345678") == "0755-*****78");
    BOOST_TEST(maskPhone("075523456789") == "0755******89");
    // Not a phone number: everything but the last two characters hidden.
    BOOST_TEST(maskPhone("1381234567") == "********67");
    BOOST_TEST(maskPhone("") == "");
}

BOOST_AUTO_TEST_CASE(mask_address) {
    BOOST_TEST(maskAddress("四川省成都市锦江区幸福路1号") == "四川省成都市***");
    BOOST_TEST(maskAddress("四川省成都市锦江区幸福路1号", 3) == "四川省***");
    // Short: at most half is kept (5 characters → 2).
    BOOST_TEST(maskAddress("幸福路1号") == "幸福***");
    BOOST_TEST(maskAddress("1") == "***");
    BOOST_TEST(maskAddress("") == "");
}

BOOST_AUTO_TEST_CASE(mask_name) {
    BOOST_TEST(maskName("张三") == "张*");
    BOOST_TEST(maskName("王小明") == "王**");
    BOOST_TEST(maskName("欧阳娜娜") == "欧阳**");
    BOOST_TEST(maskName("欧阳") == "欧*"); // two characters: the second is the given name
    BOOST_TEST(maskName("李") == "*");
    BOOST_TEST(maskName("") == "");
    BOOST_TEST(maskName("Li Lei") == "L*****");
}

BOOST_AUTO_TEST_CASE(utf8_length) {
    BOOST_TEST(utf8Length("") == 0U);
    BOOST_TEST(utf8Length("abc") == 3U);
    BOOST_TEST(utf8Length("暖心") == 2U);             // 3 bytes each
    BOOST_TEST(utf8Length("\xF0\x9F\x98\x80") == 1U); // U+1F600, 4 bytes
    BOOST_TEST(utf8Length("\xC3\xA9t\xC3\xA9") == 3U); // "été"
    BOOST_TEST(utf8Length("\xFF\xFE") == 2U);         // never valid in UTF-8
    BOOST_TEST(utf8Length("\xE6\x9A") == 2U);         // 暖 cut short: two stray bytes
    BOOST_TEST(utf8Length("a\xE6\x9A\x96" "b") == 3U);
    BOOST_TEST(utf8Length("\xC0\x80") == 2U);         // overlong NUL is not a character
    BOOST_TEST(utf8Length("\xED\xA0\x80") == 3U);     // a UTF-16 surrogate is not either
}

BOOST_AUTO_TEST_CASE(mask_middle) {
    BOOST_TEST(maskMiddle("abcdefgh", 2, 2) == "ab****gh");
    BOOST_TEST(maskMiddle("abcdefgh", 0, 3) == "*****fgh");
    BOOST_TEST(maskMiddle("暖心暖心", 1, 1) == "暖**心");
    // Not longer than front + back: each end shrinks to a quarter (3 → 0, 8 → 2).
    BOOST_TEST(maskMiddle("abc", 2, 2) == "***");
    BOOST_TEST(maskMiddle("abcdefgh", 4, 4) == "ab****gh");
    BOOST_TEST(maskMiddle("", 1, 1) == "");
}

BOOST_AUTO_TEST_SUITE_END()
