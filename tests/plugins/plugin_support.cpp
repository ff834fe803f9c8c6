#include "plugin_support.h"

#include <boost/test/unit_test.hpp>

#include "plugins/builtin_plugins.h"

namespace nuanxin::test {

std::string pluginDir() {
    return testArgument("plugin-dir");
}
std::string fixtureDir() {
    return testArgument("fixture-dir");
}
std::string exampleFile() {
    return testArgument("example");
}
bool fromFiles() {
    return testArgument("source") == "files";
}

std::unique_ptr<PluginHost> regionHost() {
    auto host = std::make_unique<PluginHost>();
    if (fromFiles()) {
        for (const char* name : {"national", "sichuan", "hebei", "shanxi"}) {
            const auto refused = host->loadFile(pluginDir() + "/nuanxin_" + name + ".so");
            BOOST_REQUIRE_MESSAGE(!refused, (refused ? refused->describe(Lang::En) : ""));
        }
    } else {
        const auto refusals = registerBuiltinPlugins(*host);
        BOOST_REQUIRE_MESSAGE(refusals.empty(),
                              (refusals.empty() ? "" : refusals.front().describe(Lang::En)));
    }
    return host;
}

Member member(int age, AttributeSet attributes) {
    Member m;
    m.birth = Date{kAsOf.year - age, 1, 1};
    m.attributes = attributes;
    return m;
}

Household household(const char* county, CategorySet categories, std::vector<Member> members) {
    Household h;
    h.id = 1;
    h.divisionCode = county;
    h.address = "某街道某社区";
    h.categories = categories;
    h.consentToShare = true;
    h.members = std::move(members);
    h.registered = Date{2026, 11, 1};
    return h;
}

Need need(Kind kind, std::int64_t quantity, Urgency urgency) {
    Need n;
    n.id = 1;
    n.household = 1;
    n.kind = kind;
    n.unit = kindInfo(kind).unit;
    n.quantity = quantity;
    n.urgency = urgency;
    n.deadline = Date{2026, 12, 31};
    return n;
}

Offer offer(Kind kind, std::int64_t unitValueFen) {
    Offer o;
    o.id = 1;
    o.kind = kind;
    o.unit = kindInfo(kind).unit;
    o.capacity = 1000000;
    o.unitValueFen = unitValueFen;
    o.windowStart = Date{2026, 12, 1};
    o.windowEnd = Date{2027, 2, 28};
    return o;
}

std::string pluginCode(const std::string& detail) {
    const auto hash = detail.find('#');
    if (hash == std::string::npos) return {};
    const auto end = detail.find(' ', hash);
    return detail.substr(0, end);
}

std::vector<std::string> pluginCodes(const std::vector<Reason>& reasons) {
    std::vector<std::string> out;
    for (const Reason& r : reasons) {
        if (r.code == Str::PluginRule) out.push_back(pluginCode(r.detail));
    }
    return out;
}

std::vector<std::string> summary(const std::vector<DerivedNeed>& needs) {
    std::vector<std::string> out;
    for (const DerivedNeed& d : needs) {
        out.push_back(d.plugin + "#" + std::to_string(d.code) + ":" +
                      std::string(name(d.need.kind)) + ":" + std::to_string(d.need.quantity));
    }
    return out;
}

} // namespace nuanxin::test
