// Plugin settings kept in the store (core/session/plugin_settings.h): set through a workspace,
// journaled, put back into a fresh plugin host after reopening, reset to the defaults for a
// store without them, and a refused value neither set nor journaled.
#include <string>

#include <boost/test/unit_test.hpp>

#include "core/plugin/settings.h"
#include "core/session/plugin_settings.h"

#include "plugin_info_support.h"
#include "test_workspace_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

const char* const kSichuan[] = {"510000"};

// A plugin with two settings, as a region would declare them (static: the ABI says a
// description lives as long as the plugin).
const nx_plugin_info g_info = [] {
    nx_plugin_info i = test::pluginInfo("sc", kSichuan);
    i.name_zh = "四川";
    i.name_en = "Sichuan";
    i.settings_schema = R"({"settings":[{"key":"amount","type":"yuan","default":500},)"
                        R"({"key":"visits","type":"bool","default":true}]})";
    return i;
}();
std::uint32_t abiOk() {
    return NX_PLUGIN_ABI_VERSION;
}
const nx_plugin_info* describe() {
    return &g_info;
}

void addPlugin(PluginHost& host) {
    BOOST_REQUIRE(!host.addBuiltin(BuiltinPlugin{"sc", abiOk, describe}));
}

/// The value in force, as the settings form shows it.
std::string valueOf(const PluginHost& host, const std::string& key) {
    const Plugin* p = host.find("sc");
    BOOST_REQUIRE(p != nullptr);
    for (std::size_t i = 0; i < p->schema().size(); ++i) {
        if (p->schema()[i].key == key) return formatSettingValue(p->schema()[i].type, p->settings()[i]);
    }
    BOOST_FAIL("no setting " + key);
    return {};
}

} // namespace

BOOST_AUTO_TEST_SUITE(plugin_settings)

BOOST_AUTO_TEST_CASE(a_setting_is_journaled_and_comes_back_after_reopening) {
    WorkspaceFixture f("plugin-settings");
    addPlugin(f.host);
    BOOST_TEST(valueOf(f.host, "amount") == "500"); // the schema's default
    const std::uint64_t before = f.ws->state().sequence();

    BOOST_TEST(!setPluginSetting(*f.ws, f.host, "sc", "amount", "800"));
    BOOST_TEST(valueOf(f.host, "amount") == "800");
    BOOST_TEST(f.ws->state().sequence() == before + 1); // one journaled transaction
    BOOST_TEST(f.ws->state().data().settings.at(pluginSettingKey("sc", "amount")) == "800");

    // A value the plugin refuses: nothing set, nothing journaled.
    const auto refused = setPluginSetting(*f.ws, f.host, "sc", "amount", "a lot");
    BOOST_TEST(refused.has_value());
    BOOST_TEST(valueOf(f.host, "amount") == "800");
    BOOST_TEST(f.ws->state().sequence() == before + 1);
    // An unknown plugin.
    BOOST_TEST(setPluginSetting(*f.ws, f.host, "hebei", "amount", "1").has_value());

    // The store reopened by a fresh host (a restart): defaults until the stored values are
    // applied. The host's generation says when its plugins changed (what the app watches).
    PluginHost restarted;
    const std::uint64_t generation = restarted.generation();
    addPlugin(restarted);
    BOOST_TEST(restarted.generation() == generation + 1);
    BOOST_TEST(restarted.addBuiltin(BuiltinPlugin{"sc", abiOk, describe}).has_value()); // a duplicate
    BOOST_TEST(restarted.generation() == generation + 1);
    f.ws.reset();
    f.ws = std::make_unique<Workspace>(openTestStore(f.fs, f.dir), restarted, workspaceConfig(kNow));
    BOOST_TEST(valueOf(restarted, "amount") == "500");
    BOOST_TEST(applyStoredPluginSettings(*f.ws, restarted) == 1U);
    BOOST_TEST(valueOf(restarted, "amount") == "800");
    BOOST_TEST(valueOf(restarted, "visits") == "true");
    f.ws.reset(); // it refers to `restarted`, which goes first
}

BOOST_AUTO_TEST_CASE(another_store_starts_from_the_defaults) {
    WorkspaceFixture first("plugin-settings-a");
    addPlugin(first.host);
    BOOST_TEST(!setPluginSetting(*first.ws, first.host, "sc", "visits", "false"));
    BOOST_TEST(valueOf(first.host, "visits") == "false");

    // The same host (one app) opens a store that never changed a setting.
    WorkspaceFixture second("plugin-settings-b");
    BOOST_TEST(applyStoredPluginSettings(*second.ws, first.host) == 0U);
    BOOST_TEST(valueOf(first.host, "visits") == "true");
    // A stored value of a plugin not loaded waits in the store and is counted once it is.
    PluginHost empty;
    BOOST_TEST(applyStoredPluginSettings(*first.ws, empty) == 0U);
    BOOST_TEST(applyStoredPluginSettings(*first.ws, first.host) == 1U);
    BOOST_TEST(valueOf(first.host, "visits") == "false");
}

BOOST_AUTO_TEST_SUITE_END()
