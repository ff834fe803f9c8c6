// Plugin describe data and settings JSON (core/plugin): what a plugin file hands the host.
// The input is fields separated by NUL bytes (readable seeds, and each field a C string as a
// plugin gives it): control, id, name_zh, name_en, version, division codes (comma-separated),
// extends, a setting value typed by a person, an approvals file, the settings schema (the rest).
// Control characters: [0] struct_size ('0' or none: this header's size, '1': ABI 1.0's, '2': 8
// bytes, else one made from the byte), [1] ABI version ('0' or none: this one, else made from
// the byte), [2] a bit per field that the plugin leaves NULL instead (none: no NULL).
// Properties: the host refuses or accepts without crashing; the JSON the front ends read
// (plugin list, ids, refusals) always parses; a setting value the host took prints and parses
// back to itself; an approvals file reads back from its own text.
#include <cstdint>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "core/plugin/host.h"
#include "core/plugin/plugin_json.h"
#include "core/plugin/settings.h"
#include "fuzz_support.h"

using namespace nuanxin;

namespace {

// The description the fake plugin returns (a plugin's own static data, here rebuilt per input).
nx_plugin_info g_info;
std::uint32_t g_abi = NX_PLUGIN_ABI_VERSION;
std::uint32_t fakeAbi() { return g_abi; }
const nx_plugin_info* fakeDescribe() { return &g_info; }

void requireJson(const std::string& text, const char* what) {
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    fuzz::require(!doc.HasParseError(), what, text);
}

std::vector<std::string> split(std::string_view in, char sep, std::size_t maxParts) {
    std::vector<std::string> parts;
    while (parts.size() + 1 < maxParts) {
        const auto at = in.find(sep);
        if (at == std::string_view::npos) break;
        parts.emplace_back(in.substr(0, at));
        in.remove_prefix(at + 1);
    }
    parts.emplace_back(in);
    return parts;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> f = split(fuzz::bytesOf(data, size), '\0', 10);
    f.resize(10);
    const std::string& control = f[0];
    auto controlByte = [&control](std::size_t i) {
        return i < control.size() ? static_cast<unsigned char>(control[i]) : 0U;
    };
    const unsigned nulls = controlByte(2);
    auto text = [&](std::size_t field, unsigned bit) -> const char* {
        return (nulls & (1U << bit)) != 0 ? nullptr : f[field].c_str();
    };
    // The settings schema is the rest, NULs included (the parser gets its std::string_view).
    std::string schema = f[9];
    const std::vector<std::string> codes = split(f[5], ',', 64);
    std::vector<const char*> codePointers;
    for (const std::string& c : codes) codePointers.push_back(c.c_str());

    g_info = nx_plugin_info{};
    switch (controlByte(0)) {
    case 0:
    case '0':
        g_info.struct_size = sizeof(nx_plugin_info);
        break;
    case '1':
        g_info.struct_size = NX_PLUGIN_INFO_SIZE_1_0;
        break;
    case '2':
        g_info.struct_size = 8;
        break;
    default:
        g_info.struct_size = controlByte(0) * 0x01010101U;
    }
    g_abi = controlByte(1) == 0 || controlByte(1) == '0' ? NX_PLUGIN_ABI_VERSION : controlByte(1) * 0x00010001U;
    g_info.id = text(1, 0);
    g_info.name_zh = text(2, 1);
    g_info.name_en = text(3, 2);
    g_info.version = text(4, 3);
    g_info.divisions = (nulls & 16U) != 0 ? nullptr : codePointers.data();
    g_info.division_count = static_cast<std::uint32_t>(codePointers.size());
    g_info.extends = text(6, 5);
    g_info.settings_schema = (nulls & 64U) != 0 ? nullptr : schema.c_str();
    const std::string& value = f[7];
    const std::string& approvals = f[8];

    // The schema parser alone, on the whole text.
    const auto parsed = parseSettingsSchema(schema);

    PluginHost host;
    const auto refusal = host.addBuiltin(BuiltinPlugin{"fuzz", fakeAbi, fakeDescribe});
    requireJson(pluginsJson(host), "pluginsJson is not JSON");
    requireJson(activePluginIdsJson(host), "activePluginIdsJson is not JSON");
    requireJson(refusalsJson(host, Lang::Zh), "refusalsJson is not JSON");
    requireJson(refusalsJson(host, Lang::En), "refusalsJson is not JSON");
    if (!refusal) {
        fuzz::require(g_info.settings_schema == nullptr || schema.find('\0') != std::string::npos ||
                          parsed.ok(),
                      "plugin accepted with a schema the parser refuses");
        const Plugin* plugin = host.find(g_info.id);
        fuzz::require(plugin != nullptr, "accepted plugin not found by its id");
        (void)plugin->name(Lang::En);
        (void)plugin->divisions();
        (void)host.chain(plugin);
        for (const SettingDecl& decl : plugin->schema()) {
            if (host.setSetting(plugin->id(), decl.key, value)) continue; // refused with a reason
            const auto v = parseSettingValue(decl.type, value);
            fuzz::require(v.has_value(), "host took a value the parser refuses");
            const std::string shown = formatSettingValue(decl.type, *v);
            const auto back = parseSettingValue(decl.type, shown);
            fuzz::require(back && *back == *v, "setting value does not read back", shown);
        }
        for (const std::string& c : codes) (void)host.governing(c);
    }

    const PluginApprovals a = PluginApprovals::parse(approvals);
    const std::string written = a.text();
    fuzz::require(PluginApprovals::parse(written).text() == written,
                  "approvals text does not read back");
    return 0;
}
