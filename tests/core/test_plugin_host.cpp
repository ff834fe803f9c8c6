// The plugin host with plugins written in this file against the C ABI: settings schemas, every
// refusal that needs no file, the lookup of the governing plugin, the extends chain and the
// adapter to MatchPolicy. (Plugin files, dlopen and the region rules: tests/plugins.)
#include <fstream>
#include <string>

#include <boost/test/unit_test.hpp>

#include "core/match/policy.h"
#include "core/plugin/approvals.h"
#include "core/plugin/host.h"
#include "core/plugin/plugin_policy.h"

#include "plugin_info_support.h"
#include "test_paths.h"

using namespace nuanxin;
using nuanxin::test::pluginInfo;

namespace {

// ---- fake plugins: C-compatible callbacks over the ABI's views ----

std::int32_t denyCoal(const nx_context* ctx, const nx_household_view* /*h*/,
                      const nx_need_view* need, const nx_offer_view* /*o*/, nx_eligibility* out) {
    if (need->kind != NX_KIND_COAL) return NX_KEEP;
    out->eligible = 0;
    nx_set_reason(&out->reason, ctx, 7, "不发煤", "no coal");
    return NX_SET;
}

std::int32_t tierZero(const nx_context* ctx, const nx_household_view* /*h*/,
                      const nx_need_view* /*n*/, nx_priority* out) {
    out->tier = 0;
    out->score = 99;
    nx_add_reason(out, ctx, 11, "最优先", "first of all");
    return NX_SET;
}

std::int32_t failing(const nx_context* /*c*/, const nx_household_view* /*h*/,
                     const nx_need_view* /*n*/, nx_priority* out) {
    out->tier = 7; // must be ignored: the plugin said it failed
    return NX_ERROR;
}

std::int32_t deriveFromSetting(const nx_context* ctx, const nx_household_view* /*h*/,
                               nx_derived_list* out) {
    nx_derive(out, ctx, NX_KIND_ONE_TIME_SUBSIDY, NX_UNIT_YUAN, nx_setting(ctx, 0, -1), 21, "补贴",
              "subsidy");
    return NX_SET;
}

std::int32_t deriveVisit(const nx_context* ctx, const nx_household_view* /*h*/,
                         nx_derived_list* out) {
    nx_derive(out, ctx, NX_KIND_HOME_VISIT, NX_UNIT_VISIT, 1, 31, "探访", "visit");
    return NX_SET;
}

const char* const kNational[] = {NX_DIVISION_NATIONAL};
const char* const kSichuan[] = {"510000"};
const char* const kChengdu[] = {"5101"};


// Static storage: the ABI says descriptions live as long as the plugin.
nx_plugin_info g_national = [] {
    auto i = pluginInfo("base", kNational);
    i.derived_needs = deriveVisit;
    return i;
}();
nx_plugin_info g_sichuan = [] {
    auto i = pluginInfo("sc", kSichuan, 1, "base");
    i.eligibility = denyCoal;
    i.priority = tierZero;
    i.derived_needs = deriveFromSetting;
    i.settings_schema = R"({"settings":[{"key":"amount","type":"yuan","default":500}]})";
    return i;
}();
nx_plugin_info g_chengdu = pluginInfo("cd", kChengdu, 1, "sc");
nx_plugin_info g_failing = [] {
    auto i = pluginInfo("failing", kSichuan);
    i.priority = failing;
    return i;
}();
nx_plugin_info g_small = [] {
    auto i = pluginInfo("small", kSichuan);
    i.struct_size = NX_PLUGIN_INFO_SIZE_1_0 - 8;
    return i;
}();
nx_plugin_info g_badId = pluginInfo("Bad Id", kSichuan);
nx_plugin_info g_badSchema = [] {
    auto i = pluginInfo("badschema", kSichuan);
    i.settings_schema = R"({"settings":[{"key":"x","type":"bool","default":)"; // cut off
    return i;
}();

std::uint32_t abiOk() {
    return NX_PLUGIN_ABI_VERSION;
}
std::uint32_t abiMajor2() {
    return (2U << 16) | NX_PLUGIN_ABI_MINOR;
}
std::uint32_t abiNewerMinor() {
    return (NX_PLUGIN_ABI_MAJOR << 16) | (NX_PLUGIN_ABI_MINOR + 1);
}

BuiltinPlugin builtin(const char* name, const nx_plugin_info* (*describe)(),
                      nx_plugin_abi_fn abi = abiOk) {
    return {name, abi, describe};
}
const nx_plugin_info* describeNational() {
    return &g_national;
}
const nx_plugin_info* describeSichuan() {
    return &g_sichuan;
}
const nx_plugin_info* describeChengdu() {
    return &g_chengdu;
}
const nx_plugin_info* describeFailing() {
    return &g_failing;
}
const nx_plugin_info* describeSmall() {
    return &g_small;
}
const nx_plugin_info* describeBadId() {
    return &g_badId;
}
const nx_plugin_info* describeBadSchema() {
    return &g_badSchema;
}

Household household(const char* county, CategorySet categories = {}) {
    Household h;
    h.id = 1;
    h.divisionCode = county;
    h.categories = categories;
    h.consentToShare = true;
    Member m;
    m.birth = Date{1980, 1, 1};
    h.members.push_back(m);
    return h;
}

Need need(Kind kind) {
    Need n;
    n.id = 1;
    n.household = 1;
    n.kind = kind;
    n.unit = kindInfo(kind).unit;
    n.quantity = 10;
    n.deadline = Date{2026, 12, 20};
    return n;
}

Offer offer(Kind kind) {
    Offer o;
    o.id = 1;
    o.kind = kind;
    o.unit = kindInfo(kind).unit;
    o.capacity = 100;
    return o;
}

const Date kAsOf{2026, 12, 1};

std::string key(Str s) {
    return keyName(s);
}

} // namespace

BOOST_AUTO_TEST_SUITE(plugin_host)

BOOST_AUTO_TEST_CASE(settings_schema_defaults_and_types) {
    const auto schema = parseSettingsSchema(
        R"({"settings":[{"key":"on","type":"bool","default":true},)"
        R"({"key":"t","type":"int","default":null},{"key":"y","type":"yuan","default":500},)"
        R"({"key":"d","type":"date","default":"2026-12-20","label_zh":"日期","label_en":"date"}]})");
    BOOST_REQUIRE(schema.ok());
    const auto& s = schema.value();
    BOOST_REQUIRE_EQUAL(s.size(), 4U);
    BOOST_TEST(s[0].defaultValue == 1);
    BOOST_TEST(s[1].defaultValue == NX_UNSET);
    BOOST_TEST(s[2].defaultValue == 500);
    BOOST_TEST(s[3].defaultValue == (Date{2026, 12, 20}.daysSinceEpoch()));
    BOOST_TEST(s[3].labelZh == "日期");
    BOOST_TEST(parseSettingsSchema("").ok());
}

BOOST_AUTO_TEST_CASE(settings_schema_errors_never_abort) {
    for (
        const char* bad :
        {"{", "[1,2]", R"({"settings":3})", R"({"settings":[{"type":"int","default":1}]})",
         R"({"settings":[{"key":"a","type":"float","default":1}]})",
         R"({"settings":[{"key":"a","type":"yuan","default":-5}]})",
         R"({"settings":[{"key":"a","type":"bool","default":null}]})",
         R"({"settings":[{"key":"a","type":"int"}]})",
         R"({"settings":[{"key":"a","type":"int","default":1},{"key":"a","type":"int","default":2}]})"}) {
        const auto r = parseSettingsSchema(bad);
        BOOST_TEST_CONTEXT(bad) {
            BOOST_TEST(!r.ok());
            if (!r.ok()) BOOST_TEST(key(r.errors().front().reason) == "PluginBadSchema");
        }
    }
}

BOOST_AUTO_TEST_CASE(setting_values_from_text) {
    BOOST_TEST(parseSettingValue(SettingType::Bool, "true").value() == 1);
    BOOST_TEST(parseSettingValue(SettingType::Bool, "off").value() == 0);
    BOOST_TEST(!parseSettingValue(SettingType::Bool, "yes please"));
    BOOST_TEST(parseSettingValue(SettingType::Int, "-12").value() == -12);
    BOOST_TEST(parseSettingValue(SettingType::Int, "").value() == NX_UNSET);
    BOOST_TEST(!parseSettingValue(SettingType::Int, "12x"));
    BOOST_TEST(!parseSettingValue(SettingType::Yuan, "-1"));
    BOOST_TEST(parseSettingValue(SettingType::Date, "1970-01-02").value() == 1);
    BOOST_TEST(!parseSettingValue(SettingType::Date, "2026-02-30"));
    BOOST_TEST(formatSettingValue(SettingType::Date, 1) == "1970-01-02");
    BOOST_TEST(formatSettingValue(SettingType::Int, NX_UNSET) == "null");
}

BOOST_AUTO_TEST_CASE(refusal_other_major_abi) {
    PluginHost host;
    const auto r = host.addBuiltin(builtin("m2", describeNational, abiMajor2));
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(key(r->reason) == "PluginAbiMajor");
    BOOST_TEST(r->describe(Lang::En) ==
               "built-in:m2: plugin refused: plugin ABI has a different major version (2.0 / 1.0)");
    BOOST_TEST(host.plugins().empty());
}

BOOST_AUTO_TEST_CASE(refusal_newer_minor_abi) {
    PluginHost host;
    const auto r = host.addBuiltin(builtin("m1", describeNational, abiNewerMinor));
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(key(r->reason) == "PluginAbiMinor");
    BOOST_TEST(r->describe(Lang::Zh).find("插件接口次版本比本程序新") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refusal_struct_too_small) {
    PluginHost host;
    const auto r = host.addBuiltin(builtin("small", describeSmall));
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(key(r->reason) == "PluginStructSmall");
    BOOST_TEST(r->detail == std::to_string(NX_PLUGIN_INFO_SIZE_1_0 - 8) + " < " +
                                std::to_string(NX_PLUGIN_INFO_SIZE_1_0));
}

BOOST_AUTO_TEST_CASE(refusal_duplicate_id_keeps_the_first) {
    PluginHost host;
    BOOST_TEST(!host.addBuiltin(builtin("one", describeNational)).has_value());
    const auto r = host.addBuiltin(builtin("two", describeNational));
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(key(r->reason) == "PluginDuplicateId");
    BOOST_TEST(r->describe(Lang::En).find("built-in:two") == 0U);
    BOOST_TEST(host.plugins().size() == 1U);
    BOOST_TEST(host.find("base")->origin() == "built-in:one");
}

BOOST_AUTO_TEST_CASE(refusal_missing_entry_point) {
    PluginHost host;
    const auto r = host.addBuiltin({"nodesc", abiOk, nullptr});
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(key(r->reason) == "PluginMissingSymbol");
    BOOST_TEST(r->detail == "nuanxin_plugin_describe");
}

BOOST_AUTO_TEST_CASE(refusal_bad_description_and_schema) {
    PluginHost host;
    auto r = host.addBuiltin(builtin("badid", describeBadId));
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(key(r->reason) == "PluginBadInfo");
    r = host.addBuiltin(builtin("badschema", describeBadSchema));
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(key(r->reason) == "PluginBadSchema");
    // Refusals are collected and the host still works.
    BOOST_TEST(host.refusals().size() == 2U);
    BOOST_TEST(!host.addBuiltin(builtin("base", describeNational)).has_value());
}

BOOST_AUTO_TEST_CASE(refusal_files_that_are_not_modules) {
    PluginHost host;
    const std::string text = test::workDir() + "/not_a_plugin.so";
    {
        std::ofstream out(text, std::ios::binary | std::ios::trunc);
        out << "just text, not a module\n";
    }
    auto r = host.loadFile(text);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(key(r->reason) == "PluginNotModule");
    BOOST_TEST(r->describe(Lang::En).find(text) == 0U);
    r = host.loadFile(test::workDir() + "/no_such_plugin.so");
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(key(r->reason) == "PluginCannotRead");
}

BOOST_AUTO_TEST_CASE(most_specific_division_governs) {
    PluginHost host;
    BOOST_REQUIRE(!host.addBuiltin(builtin("base", describeNational)).has_value());
    BOOST_REQUIRE(!host.addBuiltin(builtin("sc", describeSichuan)).has_value());
    BOOST_REQUIRE(!host.addBuiltin(builtin("cd", describeChengdu)).has_value());
    BOOST_TEST(host.governing("510104")->id() == "cd");   // Chengdu's county: the city plugin
    BOOST_TEST(host.governing("510302")->id() == "sc");   // Zigong: the province
    BOOST_TEST(host.governing("130102")->id() == "base"); // Hebei: no plugin, the base
    const auto chain = host.chainFor("510104");
    BOOST_REQUIRE_EQUAL(chain.size(), 3U);
    BOOST_TEST(chain[0]->id() == "base");
    BOOST_TEST(chain[1]->id() == "sc");
    BOOST_TEST(chain[2]->id() == "cd");
}

BOOST_AUTO_TEST_CASE(nothing_governs_without_a_base) {
    PluginHost host;
    BOOST_REQUIRE(!host.addBuiltin(builtin("sc", describeSichuan)).has_value());
    BOOST_TEST(host.governing("130102") == nullptr);
    // A province whose base is missing still answers: its chain is just itself.
    BOOST_TEST(host.chainFor("510104").size() == 1U);
}

BOOST_AUTO_TEST_CASE(adapter_refines_the_root_answer) {
    PluginHost host;
    BOOST_REQUIRE(!host.addBuiltin(builtin("base", describeNational)).has_value());
    BOOST_REQUIRE(!host.addBuiltin(builtin("sc", describeSichuan)).has_value());
    const NationalDefaultPolicy root;
    const PluginPolicy policy(host, root, Lang::En);

    const Household inSichuan = household("510104");
    auto e = policy.eligible(inSichuan, need(Kind::Coal), offer(Kind::Coal), kAsOf);
    BOOST_TEST(!e.eligible);
    BOOST_TEST(key(e.reason) == "PluginRule");
    BOOST_TEST(e.detail == "sc#7 no coal");
    e = policy.eligible(inSichuan, need(Kind::Food), offer(Kind::Food), kAsOf);
    BOOST_TEST(e.eligible); // no opinion: the root's answer

    const auto p = policy.priority(inSichuan, need(Kind::Food), kAsOf);
    BOOST_TEST(p.tier == 0);
    BOOST_TEST(p.score == 99);
    BOOST_REQUIRE(!p.reasons.empty());
    BOOST_TEST(p.reasons.back().detail == "sc#11 first of all");

    // Outside Sichuan only the base governs, which has no rules: the root's answers, unchanged.
    const Household inHebei = household("130102");
    const auto rootPriority = root.priority(inHebei, need(Kind::Coal), kAsOf);
    const auto viaPlugins = policy.priority(inHebei, need(Kind::Coal), kAsOf);
    BOOST_TEST(viaPlugins.tier == rootPriority.tier);
    BOOST_TEST(viaPlugins.score == rootPriority.score);
    BOOST_TEST(policy.eligible(inHebei, need(Kind::Coal), offer(Kind::Coal), kAsOf).eligible);
}

BOOST_AUTO_TEST_CASE(adapter_keys_follow_what_plugins_see) {
    PluginHost host;
    BOOST_REQUIRE(!host.addBuiltin(builtin("base", describeNational)).has_value());
    BOOST_REQUIRE(!host.addBuiltin(builtin("sc", describeSichuan)).has_value());
    const NationalDefaultPolicy root;
    const PluginPolicy policy(host, root);
    Household a = household("510104", {Category::Dibao});
    Household b = a;
    b.id = 2;
    b.address = "成都市武侯区"; // has_address differs: plugins see it
    Household c = a;
    c.id = 3;
    const auto keyA = policy.eligibilityKey(a, need(Kind::Coal), kAsOf);
    BOOST_REQUIRE(keyA.has_value());
    BOOST_TEST(*keyA == policy.eligibilityKey(c, need(Kind::Coal), kAsOf).value());
    BOOST_TEST(*keyA != policy.eligibilityKey(b, need(Kind::Coal), kAsOf).value());
    c.categories = CategorySet{Category::Tekun};
    BOOST_TEST(policy.priorityKey(a, need(Kind::Coal), kAsOf).value() !=
               policy.priorityKey(c, need(Kind::Coal), kAsOf).value());
}

BOOST_AUTO_TEST_CASE(failing_callback_is_ignored_and_counted) {
    PluginHost host;
    BOOST_REQUIRE(!host.addBuiltin(builtin("failing", describeFailing)).has_value());
    const NationalDefaultPolicy root;
    const PluginPolicy policy(host, root);
    const Household h = household("510104");
    BOOST_TEST(policy.priority(h, need(Kind::Coal), kAsOf).tier ==
               root.priority(h, need(Kind::Coal), kAsOf).tier);
    BOOST_TEST(policy.errorCount() == 1U);
}

BOOST_AUTO_TEST_CASE(settings_reach_the_plugin_and_derived_needs_follow_the_chain) {
    PluginHost host;
    BOOST_REQUIRE(!host.addBuiltin(builtin("base", describeNational)).has_value());
    BOOST_REQUIRE(!host.addBuiltin(builtin("sc", describeSichuan)).has_value());
    auto derived = host.derivedNeeds(household("510104"), kAsOf, Lang::Zh);
    BOOST_REQUIRE_EQUAL(derived.size(), 2U);
    BOOST_TEST(derived[0].plugin == "base"); // the base's first
    BOOST_TEST(name(derived[0].need.kind) == "home_visit");
    BOOST_TEST(derived[1].plugin == "sc");
    BOOST_TEST(derived[1].need.quantity == 500); // the schema's default
    BOOST_TEST(derived[1].text == "补贴");
    BOOST_TEST(derived[1].need.deadline.iso() == "2026-12-01");

    BOOST_TEST(!host.setSetting("sc", "amount", "800").has_value());
    derived = host.derivedNeeds(household("510104"), kAsOf, Lang::En);
    BOOST_TEST(derived.at(1).need.quantity == 800);
    BOOST_TEST(derived.at(1).text == "subsidy");

    auto err = host.setSetting("sc", "amount", "-3");
    BOOST_REQUIRE(err.has_value());
    BOOST_TEST(key(err->reason) == "PluginBadSettingValue");
    err = host.setSetting("sc", "colour", "1");
    BOOST_REQUIRE(err.has_value());
    BOOST_TEST(key(err->reason) == "PluginUnknownSetting");
    err = host.setSetting("nobody", "amount", "1");
    BOOST_REQUIRE(err.has_value());
    BOOST_TEST(key(err->reason) == "PluginUnknown");
}

BOOST_AUTO_TEST_CASE(approvals_round_trip_in_sha256sum_format) {
    PluginApprovals a;
    a.approve("dir/b.so", std::string(64, 'b'));
    a.approve("a.so", std::string(64, 'a'));
    const std::string text = a.text();
    BOOST_TEST(text == std::string(64, 'a') + "  a.so\n" + std::string(64, 'b') + "  b.so\n");
    const auto back = PluginApprovals::parse(text + "garbage line\n");
    BOOST_TEST(back.approved("/x/y/b.so").value() == std::string(64, 'b'));
    BOOST_TEST(!back.approved("c.so").has_value());
    // A name with a control character (here a second CR) or no name after the folder is
    // skipped: it could not be written back as the line it came from.
    const std::string h(64, 'c');
    const auto odd = PluginApprovals::parse(h + "  c.so\r\r\n" + h + "  dir/\n" + h + "  d.so\r\n");
    BOOST_TEST(odd.text() == h + "  d.so\n");
}

BOOST_AUTO_TEST_SUITE_END()
