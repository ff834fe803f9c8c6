// The RFC 4180 reader: quoting, escapes, line breaks in fields, line ends, BOM, line numbers
// and the refusals, each at a stated line and field.
#include <boost/test/unit_test.hpp>

#include "core/util/csv.h"

using namespace nuanxin;

namespace {

std::vector<std::vector<std::string>> fieldsOf(const std::vector<CsvRow>& rows) {
    std::vector<std::vector<std::string>> out;
    for (const auto& r : rows) out.push_back(r.fields);
    return out;
}

using Table = std::vector<std::vector<std::string>>;

} // namespace

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(plain_records) {
    const auto rows = readCsv("code,name\n51,四川省\n13,河北省\n", "t.csv");
    BOOST_REQUIRE(rows.ok());
    BOOST_TEST((fieldsOf(rows.value()) ==
                Table{{"code", "name"}, {"51", "四川省"}, {"13", "河北省"}}));
    BOOST_TEST(rows.value()[2].line == 3U);
}

BOOST_AUTO_TEST_CASE(quotes_escapes_and_separators_inside) {
    const auto rows = readCsv("\"a,b\",\"say \"\"hi\"\"\",\"\"\n", "t.csv");
    BOOST_REQUIRE(rows.ok());
    BOOST_TEST((fieldsOf(rows.value()) == Table{{"a,b", "say \"hi\"", ""}}));
}

BOOST_AUTO_TEST_CASE(line_breaks_inside_quotes_and_line_numbers) {
    const auto rows = readCsv("id,note\r\n1,\"first\r\nsecond\"\r\n2,\"x\ny\nz\"\n3,last", "t.csv");
    BOOST_REQUIRE(rows.ok());
    const Table expected{{"id", "note"}, {"1", "first\r\nsecond"}, {"2", "x\ny\nz"}, {"3", "last"}};
    BOOST_TEST((fieldsOf(rows.value()) == expected));
    // Lines: header 1, record 1 on 2-3, record 2 on 4-6, record 3 on 7.
    BOOST_TEST(rows.value()[1].line == 2U);
    BOOST_TEST(rows.value()[2].line == 4U);
    BOOST_TEST(rows.value()[3].line == 7U);
}

BOOST_AUTO_TEST_CASE(bom_cr_line_ends_empty_fields_and_blank_lines) {
    const auto rows = readCsv("\xEF\xBB\xBF" "a,b\r\r\n,\rc,\n\n", "t.csv");
    BOOST_REQUIRE(rows.ok());
    BOOST_TEST((fieldsOf(rows.value()) == Table{{"a", "b"}, {"", ""}, {"c", ""}}));
    BOOST_TEST(rows.value()[1].line == 3U); // line 2 was empty (lone CR)
    BOOST_TEST(rows.value()[2].line == 4U);
}

BOOST_AUTO_TEST_CASE(empty_text_has_no_records) {
    const auto rows = readCsv("", "t.csv");
    BOOST_REQUIRE(rows.ok());
    BOOST_TEST(rows.value().empty());
}

BOOST_AUTO_TEST_CASE(other_separator) {
    const auto rows = readCsv("a;\"b;c\";d\n", "t.csv", ';');
    BOOST_REQUIRE(rows.ok());
    BOOST_TEST((fieldsOf(rows.value()) == Table{{"a", "b;c", "d"}}));
}

BOOST_AUTO_TEST_CASE(unterminated_quote_points_at_its_opening_line) {
    CsvReader reader("a,b\n1,\"open\nstill open\n");
    CsvRow row;
    BOOST_TEST(reader.next(row));
    BOOST_TEST(!reader.next(row));
    BOOST_REQUIRE(reader.error().has_value());
    BOOST_TEST(reader.error()->line == 2U);
    BOOST_TEST(reader.error()->field == 2U);
    BOOST_TEST((reader.error()->reason == Str::ErrCsvUnterminatedQuote));
    BOOST_TEST(!reader.next(row)); // stays failed
}

BOOST_AUTO_TEST_CASE(stray_quote_and_text_after_quote) {
    const auto stray = readCsv("a,b\nx,y\"z\n", "people.csv");
    BOOST_REQUIRE(!stray.ok());
    BOOST_TEST(stray.errors().size() == 1U);
    BOOST_TEST(stray.errors()[0].field == "people.csv:2:2");
    BOOST_TEST((stray.errors()[0].reason == Str::ErrCsvStrayQuote));

    const auto after = readCsv("a,b,c\n1,2,3\n4,\"5\"6,7\n", "people.csv");
    BOOST_REQUIRE(!after.ok());
    BOOST_TEST(after.errors()[0].field == "people.csv:3:2");
    BOOST_TEST((after.errors()[0].reason == Str::ErrCsvTextAfterQuote));
}

BOOST_AUTO_TEST_CASE(column_lookup) {
    CsvRow header{{"code", "name", "cityCode"}, 1};
    BOOST_TEST(csvColumn(header, "cityCode").value_or(99) == 2U);
    BOOST_TEST(!csvColumn(header, "provinceCode").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
