#pragma once
// Fixtures of the workspace suites: a workspace over a fresh store folder with a fixed clock,
// and hand-made households, needs, donors and offers of Chengdu whose priorities the tests
// work out from the national default's stated rules (core/match/policy.h), not from a run.
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include "core/plugin/host.h"
#include "core/session/workspace.h"

#include "test_store_support.h"

namespace nuanxin::test {

/// The time of a workspace suite: 2024-11-15 12:00 UTC (test_store_support.h's kNow).
inline WorkspaceConfig workspaceConfig(Timestamp now = kNow) {
    WorkspaceConfig c;
    c.user = "张老师";
    c.clock = [now] { return now; };
    c.organisation = "示例慈善会";
    return c;
}

inline std::unique_ptr<Store> openTestStore(FileSystem& fs, const std::string& dir) {
    auto s = Store::open(fs, dir, DivisionRegistry::builtIn());
    BOOST_REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.errors().front().describe(Lang::En)));
    return std::move(s.value());
}

/// A workspace over a fresh store folder, with no plugins (the national default decides).
struct WorkspaceFixture {
    PosixFileSystem fs;
    PluginHost host;
    std::string dir;
    std::unique_ptr<Workspace> ws;

    explicit WorkspaceFixture(const std::string& name, Timestamp now = kNow)
        : dir(freshDir("workspace-" + name)) {
        ws = std::make_unique<Workspace>(openTestStore(fs, dir), host, workspaceConfig(now));
    }
    /// Closes the store and opens it again from its files.
    void reopen(Timestamp now = kNow) {
        ws.reset();
        ws = std::make_unique<Workspace>(openTestStore(fs, dir), host, workspaceConfig(now));
    }
};

/// A one-person household of `county` (member born 1960-01-01, 64 on the suites' day: elderly),
/// distinct per `n` (1..999), registered on `registered`.
inline Household person(int n, const std::string& county, CategorySet categories,
                        Date registered = Date{2024, 10, 8}) {
    Household h = household(0, n);
    h.divisionCode = county;
    h.categories = categories;
    h.registered = registered;
    h.members[0].idNumber = idNumber(county, "19600101", 2 * n);
    return h;
}

inline Need coal(HouseholdId household, std::int64_t quantity, Date deadline = Date{2024, 12, 20},
                 Urgency urgency = Urgency::Normal) {
    Need n;
    n.household = household;
    n.kind = Kind::Coal;
    n.unit = Unit::Kg;
    n.quantity = quantity;
    n.deadline = deadline;
    n.urgency = urgency;
    return n;
}

inline Donor charity(const std::string& division = "510104") {
    Donor d;
    d.name = "成都市慈善总会";
    d.type = DonorType::Charity;
    d.divisionCode = division;
    return d;
}

/// Coal over the whole of Chengdu (5101), November to March.
inline Offer coalOffer(DonorId donor, std::int64_t capacity, std::int64_t cap = 0) {
    Offer o;
    o.donor = donor;
    o.kind = Kind::Coal;
    o.unit = Unit::Kg;
    o.capacity = capacity;
    o.coverage = {"5101"};
    o.windowStart = Date{2024, 11, 1};
    o.windowEnd = Date{2025, 3, 31};
    o.perHouseholdCap = cap;
    o.title = "冬季送煤";
    return o;
}

template <class T> T required(const Result<T>& r) {
    BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.errors().front().describe(Lang::En)));
    return r.value();
}

inline bool hasError(const FieldErrors& errors, const std::string& field, Str reason) {
    for (const FieldError& e : errors) {
        if (e.field == field && e.reason == reason) return true;
    }
    return false;
}

/// The allocations of a state with this status.
inline std::vector<Allocation> withStatus(const Dataset& d, AllocationStatus status) {
    std::vector<Allocation> out;
    for (const Allocation& a : d.allocations) {
        if (a.status == status) out.push_back(a);
    }
    return out;
}

/// Runs the workspace's matching to its end in steps of `budgetMs`; returns how many calls.
inline int runMatching(Workspace& ws, double budgetMs = 0.0) {
    BOOST_REQUIRE(ws.startMatching());
    int calls = 1;
    while (ws.stepMatching(budgetMs)) ++calls;
    return calls;
}

} // namespace nuanxin::test
