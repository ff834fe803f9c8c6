// The plugins screen's data (core/view/plugin_admin.h): hashes, governed division names, the
// plugin table's row, the settings form rows and the division query. The division names are
// those of assets/divisions (51 四川省, 5101 成都市, 510104 锦江区).
#include <boost/test/unit_test.hpp>

#include <cstdint>

#include "core/util/date.h"
#include "core/view/plugin_admin.h"

#include "plugin_info_support.h"

namespace {

using namespace nuanxin;

const DivisionRegistry& registry() { return DivisionRegistry::builtIn(); }

SettingDecl decl(const char* key, SettingType type, std::int64_t def, const char* zh, const char* en) {
    SettingDecl d;
    d.key = key;
    d.type = type;
    d.defaultValue = def;
    d.labelZh = zh;
    d.labelEn = en;
    return d;
}

constexpr std::int64_t kUnset = INT64_MIN;

} // namespace

BOOST_AUTO_TEST_SUITE(view_plugins)

BOOST_AUTO_TEST_CASE(short_hash_keeps_the_first_digits) {
    const std::string hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    BOOST_TEST(shortHash(hash) == "0123456789ab\xE2\x80\xA6");
    BOOST_TEST(shortHash(hash, 4) == "0123\xE2\x80\xA6");
    BOOST_TEST(shortHash("") == "");
    BOOST_TEST(shortHash("abc") == "abc");
}

BOOST_AUTO_TEST_CASE(governed_codes_read_as_names) {
    BOOST_TEST(governedDivisionName("100000", registry(), Lang::Zh) == "全国");
    BOOST_TEST(governedDivisionName("100000", registry(), Lang::En) == "the whole country");
    BOOST_TEST(governedDivisionName("510000", registry(), Lang::Zh) == "四川省 (510000)");
    BOOST_TEST(governedDivisionName("5101", registry(), Lang::En) == "成都市 (5101)");
    BOOST_TEST(governedDivisionName("990000", registry(), Lang::Zh) == "990000");
}

BOOST_AUTO_TEST_CASE(a_built_in_plugin_row) {
    static const char* const divisions[] = {"510000", "100000"};
    nx_plugin_info info = test::pluginInfo("sichuan", divisions, 2, "national");
    info.name_zh = "四川省温暖过冬";
    info.name_en = "Sichuan winter warmth";
    info.version = "2026.1";
    const Plugin plugin(&info, (1u << 16) | 2u, "built-in:sichuan", "", {}, nullptr);
    const PluginRow row = pluginRow(plugin, registry(), Lang::En);
    BOOST_TEST(row.id == "sichuan");
    BOOST_TEST(row.name == "Sichuan winter warmth");
    BOOST_TEST(row.version == "2026.1");
    BOOST_TEST(row.abi == "1.2");
    BOOST_TEST(row.extends == "national");
    BOOST_TEST(row.governs == (std::vector<std::string>{"四川省 (510000)", "the whole country"}),
               boost::test_tools::per_element());
    BOOST_TEST(row.builtIn);
    BOOST_TEST(row.origin == "built-in");
    BOOST_TEST(row.hash == "");
    BOOST_TEST(!row.shadowed);
    BOOST_TEST(pluginRow(plugin, registry(), Lang::Zh).origin == "内置");
}

BOOST_AUTO_TEST_CASE(labels_fall_back_to_the_other_language_then_the_key) {
    BOOST_TEST(settingLabel(decl("a", SettingType::Int, 0, "甲", "A"), Lang::En) == "A");
    BOOST_TEST(settingLabel(decl("a", SettingType::Int, 0, "甲", ""), Lang::En) == "甲");
    BOOST_TEST(settingLabel(decl("a", SettingType::Int, 0, "", "A"), Lang::Zh) == "A");
    BOOST_TEST(settingLabel(decl("a", SettingType::Int, 0, "", ""), Lang::Zh) == "a");
}

BOOST_AUTO_TEST_CASE(form_rows_show_values_as_written_and_what_changed) {
    const std::int64_t jan5 = Date{2026, 1, 5}.daysSinceEpoch();
    const std::vector<SettingDecl> schema = {
        decl("subsidy", SettingType::Bool, 0, "一次性补贴", "One-time subsidy"),
        decl("amount", SettingType::Yuan, 500, "金额", "Amount"),
        decl("cold_start", SettingType::Date, kUnset, "寒潮开始", "Cold spell start"),
        decl("min_temp", SettingType::Int, -10, "最低气温", "Lowest temperature"),
    };
    const auto rows = settingRows(schema, {1, 500, jan5, -10}, Lang::Zh);
    BOOST_REQUIRE(rows.size() == 4u);
    BOOST_TEST(rows[0].label == "一次性补贴");
    BOOST_TEST(rows[0].text == "true");
    BOOST_TEST(rows[0].defaultText == "false");
    BOOST_TEST(rows[0].on);
    BOOST_TEST(rows[0].changed);
    BOOST_TEST(rows[1].text == "500");
    BOOST_TEST(!rows[1].changed);
    BOOST_TEST(!rows[1].on); // only a Bool is "on"
    BOOST_TEST(rows[2].text == "2026-01-05");
    BOOST_TEST(rows[2].defaultText == "null");
    BOOST_TEST(rows[2].changed);
    BOOST_TEST(rows[3].text == "-10");
    BOOST_TEST(!rows[3].changed);
    BOOST_TEST((rows[3].type == SettingType::Int));

    // Fewer values than entries: the rest read as their defaults.
    const auto partial = settingRows(schema, {0}, Lang::En);
    BOOST_REQUIRE(partial.size() == 4u);
    BOOST_TEST(partial[1].text == "500");
    BOOST_TEST(partial[2].text == "null");
    BOOST_TEST(!partial[3].changed);
}

BOOST_AUTO_TEST_CASE(each_type_has_its_own_hint) {
    BOOST_TEST((settingHint(SettingType::Bool) != settingHint(SettingType::Int)));
    BOOST_TEST((settingHint(SettingType::Int) != settingHint(SettingType::Yuan)));
    BOOST_TEST((settingHint(SettingType::Yuan) != settingHint(SettingType::Date)));
    BOOST_TEST((settingHint(SettingType::Date) == Str::UiPlugHintDate));
}

BOOST_AUTO_TEST_CASE(division_queries_take_known_codes_in_short_form) {
    BOOST_TEST(divisionQuery(" 510104 ", registry()).value_or("?") == "510104");
    BOOST_TEST(divisionQuery("510000", registry()).value_or("?") == "51");
    BOOST_TEST(divisionQuery("510100", registry()).value_or("?") == "5101");
    BOOST_TEST(divisionQuery("5101", registry()).value_or("?") == "5101");
    BOOST_TEST(!divisionQuery("999999", registry()).has_value());
    BOOST_TEST(!divisionQuery("51a", registry()).has_value());
    BOOST_TEST(!divisionQuery("", registry()).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
