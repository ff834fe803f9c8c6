#pragma once
// Fixtures of the lifecycle and report suites: a region plugin written here against the C ABI
// whose rules the tests can work out by hand, and a workspace with a clock the test moves.
//
// The plugin "tiers" governs Sichuan (510000):
//   approval by amount (quantity × unit value): up to 100 yuan tier 1, up to 500 yuan tier 2,
//   up to 2000 yuan tier 3, above that tier 4; 先行救助 up to its setting advance_max_yuan
//   (default 300 yuan);
//   derived: a home visit for a 特困 household, and a one-time subsidy of 200 yuan for the same
//   household (cash: a need, never a task);
//   institution tasks: snow clearing in every county.
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include "core/plugin/host.h"
#include "core/session/workspace.h"
#include "core/session/workspace_tasks.h"

#include "plugin_info_support.h"
#include "test_workspace_support.h"

namespace nuanxin::test {

namespace lifecycle_plugin {

inline std::int32_t approval(const nx_context* ctx, const nx_household_view*, const nx_need_view*,
                             const nx_offer_view*, std::int64_t fen, nx_approval* out) {
    const std::int64_t yuan = fen / 100;
    out->tier = yuan <= 100 ? 1 : yuan <= 500 ? 2 : yuan <= 2000 ? 3 : 4;
    out->deliver_before_approval = yuan <= nx_setting(ctx, 0, 300) ? 1U : 0U;
    nx_set_reason(&out->reason, ctx, 40 + out->tier, "按金额分级审批", "approval by amount");
    return NX_SET;
}

inline std::int32_t derived(const nx_context* ctx, const nx_household_view* h,
                            nx_derived_list* out) {
    if (!nx_has(h->categories, NX_CAT_TEKUN)) return NX_KEEP;
    nx_derive(out, ctx, NX_KIND_HOME_VISIT, NX_UNIT_VISIT, 1, 51, "探访特困人员", "visit");
    nx_derive(out, ctx, NX_KIND_ONE_TIME_SUBSIDY, NX_UNIT_YUAN, 200, 52, "一次性补贴", "subsidy");
    return NX_SET;
}

inline std::int32_t institution(const nx_context* ctx, const char*, nx_derived_list* out) {
    nx_derive(out, ctx, NX_KIND_SNOW_CLEARING, NX_UNIT_VISIT, 1, 61, "清理积雪", "snow");
    return NX_SET;
}

inline const char* const kDivisions[] = {"510000"};

inline const nx_plugin_info* describe() {
    static const nx_plugin_info info = [] {
        nx_plugin_info i = pluginInfo("tiers", kDivisions);
        i.name_zh = "分级审批测试";
        i.name_en = "tiers test";
        i.settings_schema =
            R"({"settings":[{"key":"advance_max_yuan","type":"yuan","default":300}]})";
        i.derived_needs = derived;
        i.institution_tasks = institution;
        i.approval = approval;
        return i;
    }();
    return &info;
}

inline std::uint32_t abi() {
    return NX_PLUGIN_ABI_VERSION;
}

} // namespace lifecycle_plugin

/// A workspace over a fresh store with the "tiers" plugin and a clock the test sets.
struct LifecycleFixture {
    PosixFileSystem fs;
    PluginHost host;
    std::string dir;
    std::shared_ptr<Timestamp> clock = std::make_shared<Timestamp>(kNow);
    std::unique_ptr<Workspace> ws;

    explicit LifecycleFixture(const std::string& name) : dir(freshDir("lifecycle-" + name)) {
        const auto refused = host.addBuiltin(
            BuiltinPlugin{"tiers", lifecycle_plugin::abi, lifecycle_plugin::describe});
        BOOST_REQUIRE_MESSAGE(!refused, (refused ? refused->describe(Lang::En) : ""));
        open();
    }
    void open() {
        WorkspaceConfig c = workspaceConfig();
        c.clock = [t = clock] { return *t; };
        ws = std::make_unique<Workspace>(openTestStore(fs, dir), host, c);
    }
    void reopen() {
        ws.reset();
        open();
    }
    [[nodiscard]] WorkspaceTasks tasks() { return WorkspaceTasks(*ws); }
    /// Acts as `user` from now on.
    void as(const std::string& user) { ws->setUser(user); }
};

/// The first error's reason of a result (Str::Count_ when it succeeded).
template <class T> Str refusal(const Result<T>& r) {
    return r.ok() ? Str::Count_ : r.errors().front().reason;
}

/// A coal offer over Chengdu worth `fenPerKg` a kilogram.
inline Offer pricedCoal(DonorId donor, std::int64_t capacity, std::int64_t fenPerKg) {
    Offer o = coalOffer(donor, capacity);
    o.unitValueFen = fenPerKg;
    return o;
}

inline Volunteer helper(const std::string& name, const std::string& phone,
                        const std::string& division = "5101") {
    Volunteer v;
    v.name = name;
    v.phone = phone;
    v.divisionCode = division;
    return v;
}

} // namespace nuanxin::test
