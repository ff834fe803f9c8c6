// Plugin files: each region's built file loads; one refusal per reason, each naming the file;
// approvals by SHA-256; a file replacing a built-in; a folder of plugins.
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "core/plugin/approvals.h"
#include "core/plugin/sha256.h"
#include "plugins/builtin_plugins.h"

#include "plugin_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

std::string fixture(const char* name) {
    return fixtureDir() + "/nuanxin_" + name + ".so";
}
std::string regionFile(const char* name) {
    return pluginDir() + "/nuanxin_" + name + ".so";
}
std::string key(Str s) {
    return keyName(s);
}

void copyFile(const std::string& from, const std::string& to, const std::string& extra = {}) {
    std::ifstream in(from, std::ios::binary);
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    out << in.rdbuf() << extra;
}

/// The refusal of loading `path` into a fresh host (which must refuse it).
PluginRefusal refusalOf(const std::string& path, const PluginApprovals* approvals = nullptr) {
    PluginHost host;
    const auto r = host.loadFile(path, approvals);
    BOOST_REQUIRE_MESSAGE(r.has_value(), path + " was accepted");
    BOOST_TEST(host.plugins().empty());
    BOOST_TEST(r->describe(Lang::En).find(path + ": plugin refused: ") == 0U,
               r->describe(Lang::En));
    return *r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(plugin_files)

BOOST_AUTO_TEST_CASE(each_region_file_loads) {
    for (const char* name : {"national", "sichuan", "hebei", "shanxi"}) {
        PluginHost host;
        const auto refused = host.loadFile(regionFile(name));
        BOOST_TEST_CONTEXT(name) {
            BOOST_REQUIRE_MESSAGE(!refused, (refused ? refused->describe(Lang::En) : ""));
            BOOST_REQUIRE_EQUAL(host.plugins().size(), 1U);
            BOOST_TEST(host.plugins()[0]->id() == name);
            BOOST_TEST(host.plugins()[0]->sha256() == sha256OfFile(regionFile(name)));
        }
    }
}

BOOST_AUTO_TEST_CASE(refused_not_a_module) {
    const std::string text = workDir() + "/text.so";
    std::ofstream(text, std::ios::binary | std::ios::trunc) << "not a module, whatever its name\n";
    BOOST_TEST(key(refusalOf(text).reason) == "PluginNotModule");
    // An ELF file that is not a shared object (ET_EXEC), and a wasm module natively (or an ELF
    // file under Node): the wrong kind of module for this build.
    const std::string exec = workDir() + "/exec.so";
    {
        std::string header = std::string("\x7f"
                                         "ELF\x02\x01\x01",
                                         7) +
                             std::string(9, '\0');
        header += std::string("\x02\x00\x3e\x00", 4) + std::string(44, '\0');
        std::ofstream(exec, std::ios::binary | std::ios::trunc) << header;
    }
    const auto r = refusalOf(exec);
    BOOST_TEST(key(r.reason) == "PluginNotModule");
}

BOOST_AUTO_TEST_CASE(refused_missing_symbol) {
    const auto r = refusalOf(fixture("fx_nodescribe"));
    BOOST_TEST(key(r.reason) == "PluginMissingSymbol");
    BOOST_TEST(r.detail == "nuanxin_plugin_describe");
    BOOST_TEST(r.describe(Lang::En).find("missing required symbol (nuanxin_plugin_describe)") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(refused_other_major_abi) {
    const auto r = refusalOf(fixture("fx_major"));
    BOOST_TEST(key(r.reason) == "PluginAbiMajor");
    BOOST_TEST(r.detail == "2.0 / 1.0");
}

BOOST_AUTO_TEST_CASE(refused_newer_minor_abi) {
    const auto r = refusalOf(fixture("fx_minor"));
    BOOST_TEST(key(r.reason) == "PluginAbiMinor");
    BOOST_TEST(r.detail == "1.1 / 1.0");
}

BOOST_AUTO_TEST_CASE(refused_struct_smaller_than_required) {
    const auto r = refusalOf(fixture("fx_small"));
    BOOST_TEST(key(r.reason) == "PluginStructSmall");
    BOOST_TEST(r.detail.find("16 < ") == 0U);
}

BOOST_AUTO_TEST_CASE(refused_duplicate_id) {
    PluginHost host;
    BOOST_REQUIRE(!host.loadFile(fixture("fx_valid")));
    const auto r = host.loadFile(fixture("fx_dupe")); // the same id, another file
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(key(r->reason) == "PluginDuplicateId");
    BOOST_TEST(r->describe(Lang::En).find(fixture("fx_dupe")) == 0U);
    BOOST_TEST(r->detail.find("fx_valid") == 0U);
    BOOST_TEST(host.plugins().size() == 1U); // the first one still works
}

BOOST_AUTO_TEST_CASE(refused_when_changed_since_approval) {
    const std::string copy = workDir() + "/nuanxin_approved.so";
    copyFile(fixture("fx_valid"), copy);
    PluginApprovals approvals;
    BOOST_REQUIRE(approvals.approve(copy));
    {
        PluginHost host;
        BOOST_TEST(!host.loadFile(copy, &approvals).has_value()); // as approved: loads
    }
    copyFile(fixture("fx_valid"), copy, "tampered"); // one more byte at the end
    const auto r = refusalOf(copy, &approvals);
    BOOST_TEST(key(r.reason) == "PluginHashChanged");
    BOOST_TEST(r.detail.find(sha256OfFile(copy)) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refused_when_never_approved) {
    PluginApprovals approvals;
    approvals.approve("other.so", std::string(64, '0'));
    BOOST_TEST(key(refusalOf(fixture("fx_valid"), &approvals).reason) == "PluginNotApproved");
}

BOOST_AUTO_TEST_CASE(check_decides_without_opening) {
    // The browser checks a deployed file before compiling it: the same refusals as loadFile()
    // for the file's kind and approval, recorded, and nothing opened either way.
    const std::string copy = workDir() + "/nuanxin_checked.so";
    copyFile(fixture("fx_valid"), copy);
    PluginApprovals approvals;
    PluginHost host;
    const auto unapproved = host.check(copy, &approvals);
    BOOST_REQUIRE(unapproved.has_value());
    BOOST_TEST(key(unapproved->reason) == "PluginNotApproved");
    BOOST_REQUIRE(approvals.approve(copy));
    BOOST_TEST(!host.check(copy, &approvals).has_value());
    const std::string text = workDir() + "/checked_text.so";
    std::ofstream(text, std::ios::binary | std::ios::trunc) << "text\n";
    BOOST_TEST(key(host.check(text, &approvals)->reason) == "PluginNotModule");
    BOOST_TEST(host.plugins().empty());
    BOOST_REQUIRE_EQUAL(host.refusals().size(), 2U);
    BOOST_TEST(host.refusals()[0].file == copy);
    BOOST_TEST(host.refusals()[1].file == text);
}

BOOST_AUTO_TEST_CASE(a_file_updates_its_built_in) {
    PluginHost host;
    BOOST_REQUIRE(registerBuiltinPlugins(host).empty());
    BOOST_REQUIRE(!host.loadFile(regionFile("sichuan")));
    BOOST_TEST(host.governing("510104")->origin() == regionFile("sichuan"));
    BOOST_TEST(host.plugins().size() == 5U);
    int shadowed = 0;
    for (const Plugin* p : host.plugins()) shadowed += p->shadowed() ? 1 : 0;
    BOOST_TEST(shadowed == 1);
    // A second file with the same id is a duplicate, not another update.
    const auto r = host.loadFile(regionFile("sichuan"));
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(key(r->reason) == "PluginDuplicateId");
}

BOOST_AUTO_TEST_CASE(unloading_a_file_brings_its_built_in_back) {
    // The browser's remove(): the uploaded file goes, the built-in it replaced governs again,
    // and the same id may then come back as a file.
    PluginHost host;
    BOOST_REQUIRE(registerBuiltinPlugins(host).empty());
    BOOST_REQUIRE(!host.loadFile(regionFile("sichuan")));
    BOOST_TEST(!host.unloadFile("built-in:sichuan")); // only files are taken out
    BOOST_TEST(!host.unloadFile(regionFile("hebei"))); // never loaded
    BOOST_TEST(host.unloadFile(regionFile("sichuan")));
    BOOST_TEST(host.plugins().size() == 4U);
    BOOST_REQUIRE(host.governing("510104") != nullptr);
    BOOST_TEST(host.governing("510104")->origin() == "built-in:sichuan");
    BOOST_TEST(!host.governing("510104")->shadowed());
    BOOST_TEST(!host.unloadFile(regionFile("sichuan"))); // already gone
    BOOST_TEST(!host.loadFile(regionFile("sichuan")).has_value());
    BOOST_TEST(host.governing("510104")->origin() == regionFile("sichuan"));
}

BOOST_AUTO_TEST_CASE(a_folder_of_plugins_keeps_going_past_refusals) {
    PluginHost host;
    const auto refusals = host.loadDirectory(fixtureDir());
    // By file name: fx_dupe (id fx_valid) loads first, then fx_major, fx_minor, fx_nodescribe,
    // fx_small are refused, and fx_valid is the duplicate.
    BOOST_REQUIRE_EQUAL(refusals.size(), 5U);
    BOOST_TEST(key(refusals[0].reason) == "PluginAbiMajor");
    BOOST_TEST(key(refusals[1].reason) == "PluginAbiMinor");
    BOOST_TEST(key(refusals[2].reason) == "PluginMissingSymbol");
    BOOST_TEST(key(refusals[3].reason) == "PluginStructSmall");
    BOOST_TEST(key(refusals[4].reason) == "PluginDuplicateId");
    BOOST_TEST(refusals[4].file == fixture("fx_valid"));
    BOOST_REQUIRE_EQUAL(host.plugins().size(), 1U);
    BOOST_TEST(host.plugins()[0]->origin() == fixture("fx_dupe"));
}

BOOST_AUTO_TEST_SUITE_END()
