// The import screen's decisions (core/view/import_mapping.h) and the desktop file browser's
// listing (core/view/import_file_list.h). Expected values are worked out by hand from the
// importers' default header names (core/io/import_common.cpp) written out in each test.
#include <boost/test/unit_test.hpp>

#include "core/view/import_file_list.h"
#include "core/view/import_mapping.h"

namespace {

using namespace nuanxin;
using Strings = std::vector<std::string>;

// tests/data/import/households_own_headers.csv: an office's own names for name and ID number.
const Strings kOwnHouseholdHeaders = {"户主姓名", "证件号码", "所属区划", "类别", "需求", "数量", "住址"};
// tests/data/import/offers.csv
const Strings kOfferHeaders = {"名称", "捐赠方", "物资类别", "数量", "覆盖区划",
                               "对象类别", "开始日期", "结束日期", "每户上限", "单价"};
// tests/data/import/donors.csv
const Strings kDonorHeaders = {"名称", "类型", "所属区划", "电话"};

} // namespace

BOOST_AUTO_TEST_SUITE(view_import)

BOOST_AUTO_TEST_CASE(fit_counts_distinct_recognised_fields_and_missing_required_ones) {
    // Households: 所属区划 division, 类别 category, 需求 need, 数量 quantity, 住址 address = 5;
    // required name, id_number, division: name and id_number missing = 2.
    const TargetFit households = targetFit(kOwnHouseholdHeaders, ImportTarget::Households);
    BOOST_TEST(households.recognised == 5u);
    BOOST_TEST(households.missingRequired == 2u);
    // Offers: 类别 kind, 数量 capacity = 2; title, donor, coverage, window_start, window_end missing.
    const TargetFit offers = targetFit(kOwnHouseholdHeaders, ImportTarget::Offers);
    BOOST_TEST(offers.recognised == 2u);
    BOOST_TEST(offers.missingRequired == 5u);
    // Donors: 所属区划 division = 1; name missing = 1 (fewer than households: why it is not first).
    const TargetFit donors = targetFit(kOwnHouseholdHeaders, ImportTarget::Donors);
    BOOST_TEST(donors.recognised == 1u);
    BOOST_TEST(donors.missingRequired == 1u);
}

BOOST_AUTO_TEST_CASE(two_headers_of_one_field_count_once) {
    // For donors both 名称 and 捐赠方 mean "name".
    const TargetFit fit = targetFit({"名称", "捐赠方"}, ImportTarget::Donors);
    BOOST_TEST(fit.recognised == 1u);
    BOOST_TEST(fit.missingRequired == 1u); // division
}

BOOST_AUTO_TEST_CASE(guesses_the_target_of_each_fixture) {
    BOOST_TEST(static_cast<int>(guessImportTarget(kOwnHouseholdHeaders)) ==
               static_cast<int>(ImportTarget::Households));
    BOOST_TEST(static_cast<int>(guessImportTarget(kOfferHeaders)) == static_cast<int>(ImportTarget::Offers));
    BOOST_TEST(static_cast<int>(guessImportTarget(kDonorHeaders)) == static_cast<int>(ImportTarget::Donors));
    // English field names: households 9 fields, donors only name, division, phone.
    const Strings english = {"household", "name", "id_number", "division", "category",
                             "phone",     "address", "need",   "quantity"};
    BOOST_TEST(static_cast<int>(guessImportTarget(english)) == static_cast<int>(ImportTarget::Households));
}

BOOST_AUTO_TEST_CASE(fewer_missing_fields_then_the_earlier_target_break_ties) {
    // Nothing recognised anywhere; households miss 3, offers 7, donors 2 required fields:
    // donors wins on fewer missing.
    BOOST_TEST(static_cast<int>(guessImportTarget({"甲", "乙"})) == static_cast<int>(ImportTarget::Donors));
    // id_number (households) and type (donors): 1 recognised and 2 missing each; offers 0 / 7.
    // A full tie: households come first.
    BOOST_TEST(static_cast<int>(guessImportTarget({"id_number", "type"})) ==
               static_cast<int>(ImportTarget::Households));
    // "name" alone: households 1 recognised / 2 missing, donors 1 / 1 → donors.
    BOOST_TEST(static_cast<int>(guessImportTarget({"name"})) == static_cast<int>(ImportTarget::Donors));
    // "name","division": households 2 / 1 missing, donors 2 / 0 → donors; add id_number → households.
    BOOST_TEST(static_cast<int>(guessImportTarget({"name", "division", "id_number"})) ==
               static_cast<int>(ImportTarget::Households));
}

BOOST_AUTO_TEST_CASE(choices_lay_over_the_defaults) {
    std::vector<HeaderChoice> choices;
    chooseField(choices, ImportTarget::Households, "户主姓名", "name");
    chooseField(choices, ImportTarget::Households, "证件号码", "id_number");
    chooseField(choices, ImportTarget::Households, "住址", ""); // ignore the address column
    BOOST_TEST(choices.size() == 3u);
    const HeaderMap map = headerMapWith(ImportTarget::Households, choices);
    BOOST_TEST(map.field("户主姓名").value_or("?") == "name");
    BOOST_TEST(map.field("证件号码").value_or("?") == "id_number");
    BOOST_TEST(map.field("住址").value_or("?") == "");
    BOOST_TEST(map.field("所属区划").value_or("?") == "division"); // a default left alone
    BOOST_TEST(chosenField(ImportTarget::Households, choices, "住址") == "");
    BOOST_TEST(chosenField(ImportTarget::Households, choices, "无此列") == "");
}

BOOST_AUTO_TEST_CASE(a_choice_replaces_the_earlier_one_and_a_default_choice_is_dropped) {
    std::vector<HeaderChoice> choices;
    chooseField(choices, ImportTarget::Households, "户主姓名", "name");
    chooseField(choices, ImportTarget::Households, "户主姓名", "note");
    BOOST_REQUIRE(choices.size() == 1u);
    BOOST_TEST(choices.front().field == "note");
    // 姓名 already means name: choosing it changes nothing and records nothing.
    chooseField(choices, ImportTarget::Households, "姓名", "name");
    BOOST_TEST(choices.size() == 1u);
    // Back to the default of 户主姓名 (unknown: "") removes its choice.
    chooseField(choices, ImportTarget::Households, "户主姓名", "");
    BOOST_TEST(choices.empty());
}

BOOST_AUTO_TEST_CASE(fields_fed_by_two_columns_are_listed_once_in_column_order) {
    const Strings fields = {"phone", "", "name", "phone", "", "name", "name", "address"};
    BOOST_TEST(fieldsMappedTwice(fields) == (Strings{"phone", "name"}), boost::test_tools::per_element());
    BOOST_TEST(fieldsMappedTwice({"name", "id_number"}).empty());
    BOOST_TEST(fieldsMappedTwice({"", ""}).empty()); // ignored columns are not a field
}

BOOST_AUTO_TEST_CASE(every_field_of_every_target_has_words) {
    for (ImportTarget target : kImportTargets) {
        for (const std::string& field : HeaderMap::fields(target)) {
            BOOST_TEST((importFieldLabel(target, field) != Str::ErrInvalid), field);
        }
    }
    BOOST_TEST((importFieldLabel(ImportTarget::Households, "colour") == Str::ErrInvalid));
}

BOOST_AUTO_TEST_CASE(field_text_says_the_words_and_the_name) {
    BOOST_TEST(importFieldText(ImportTarget::Households, "id_number", Lang::En) == "ID number (id_number)");
    BOOST_TEST(importFieldText(ImportTarget::Households, "name", Lang::Zh) == "姓名 (name)");
    BOOST_TEST(importFieldText(ImportTarget::Donors, "name", Lang::Zh) == "名称 (name)");
    BOOST_TEST(importFieldText(ImportTarget::Households, "", Lang::En) == "(ignore this column)");
    BOOST_TEST(importFieldText(ImportTarget::Offers, "colour", Lang::En) == "colour");
}

BOOST_AUTO_TEST_CASE(slots_are_filled_in_order) {
    BOOST_TEST(fillSlots("新增 {} 条，退回 {} 行", {"3", "1"}) == "新增 3 条，退回 1 行");
    BOOST_TEST(fillSlots("{}: {} set to {}", {"a", "b"}) == "a: b set to ");
    BOOST_TEST(fillSlots("no slot", {"x"}) == "no slot");
    BOOST_TEST(fillSlots("{}{}", {"1", "2"}) == "12");
}

BOOST_AUTO_TEST_CASE(reject_reasons_read_like_the_downloaded_file) {
    RejectedRow row;
    row.reason = Str::IoMissingColumn;
    row.detail = "name";
    BOOST_TEST(rejectReasonText(row, Lang::En) == "a required column is missing (name)");
    row.reason = Str::IoDuplicateName;
    row.detail.clear();
    BOOST_TEST(rejectReasonText(row, Lang::Zh) == "名称重复");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(view_import_file_list)

BOOST_AUTO_TEST_CASE(accept_lists_give_their_extensions) {
    BOOST_TEST(acceptedExtensions(".csv,text/csv") == (Strings{".csv"}), boost::test_tools::per_element());
    BOOST_TEST(acceptedExtensions(" .SO , .wasm,*/*,.*,.so") == (Strings{".so", ".wasm"}),
               boost::test_tools::per_element());
    BOOST_TEST(acceptedExtensions("").empty());
    BOOST_TEST(acceptedExtensions("text/csv").empty());
}

BOOST_AUTO_TEST_CASE(files_are_accepted_by_extension_ignoring_case) {
    const Strings csv = {".csv"};
    BOOST_TEST(acceptsFile("Data.CSV", csv));
    BOOST_TEST(!acceptsFile("data.csv.bak", csv));
    BOOST_TEST(!acceptsFile(".csv", csv)); // a hidden file named like the extension
    BOOST_TEST(!acceptsFile("csv", csv));
    BOOST_TEST(acceptsFile("anything", {}));
}

BOOST_AUTO_TEST_CASE(folders_first_then_names_ignoring_case) {
    std::vector<FileEntry> entries = {
        {"b.csv", false, 10},  {"A.csv", false, 20},   {"notes.txt", false, 30}, {"zeta", true, 0},
        {".hidden", true, 0},  {"Alpha", true, 0},     {"a.csv", false, 40},     {".git.csv", false, 1},
        {"..", true, 0},
    };
    const auto listed = listedEntries(entries, {".csv"});
    Strings names;
    for (const FileEntry& e : listed) names.push_back(e.name);
    // Folders Alpha, zeta; then A.csv and a.csv (same ignoring case: bytes decide, 'A' < 'a');
    // notes.txt is not a CSV; hidden entries and ".." are left out.
    BOOST_TEST(names == (Strings{"Alpha", "zeta", "A.csv", "a.csv", "b.csv"}), boost::test_tools::per_element());
    BOOST_TEST(listed[2].size == 20u);

    const auto all = listedEntries(entries, {}, true);
    Strings allNames;
    for (const FileEntry& e : all) allNames.push_back(e.name);
    BOOST_TEST(allNames == (Strings{".hidden", "Alpha", "zeta", ".git.csv", "A.csv", "a.csv", "b.csv", "notes.txt"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sizes_are_written_in_1024_steps) {
    BOOST_TEST(formatFileSize(0) == "0 B");
    BOOST_TEST(formatFileSize(1023) == "1023 B");
    BOOST_TEST(formatFileSize(1024) == "1.0 KB");
    BOOST_TEST(formatFileSize(1536) == "1.5 KB");
    BOOST_TEST(formatFileSize(5u * 1024u * 1024u) == "5.0 MB");
    BOOST_TEST(formatFileSize(3ull * 1024u * 1024u * 1024u) == "3.0 GB");
}

BOOST_AUTO_TEST_CASE(a_name_without_extension_gets_one) {
    BOOST_TEST(nameWithExtension("rejects", ".csv") == "rejects.csv");
    BOOST_TEST(nameWithExtension("list.txt", ".csv") == "list.txt");
    BOOST_TEST(nameWithExtension("  名单 ", ".csv") == "名单.csv");
    BOOST_TEST(nameWithExtension("", ".csv") == "");
    BOOST_TEST(nameWithExtension("backup", "") == "backup");
}

BOOST_AUTO_TEST_SUITE_END()
