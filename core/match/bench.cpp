#include "core/match/bench.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#if defined(__wasm__)
// Linear memory never shrinks: its size is the peak.
#else
#include <sys/resource.h>
#endif

namespace nuanxin {
namespace {

/// splitmix64: tiny, and the same numbers on every platform.
class BenchRng {
public:
    explicit BenchRng(std::uint64_t seed) : m_state(seed * 0x2545F4914F6CDD1DULL + 1) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool chance(int permille) { return below(1000) < static_cast<std::size_t>(permille); }
    template <class T, std::size_t N> const T& pick(const T (&items)[N]) { return items[below(N)]; }

private:
    std::uint64_t m_state;
};

/// A kind in the campaign: its share of needs and the quantities households ask for.
struct KindPlan {
    Kind kind;
    int permille;          ///< share of needs
    std::int64_t sizes[4]; ///< typical quantities
    std::int64_t cap;      ///< per-household cap used by capped offers
};

constexpr KindPlan kPlans[] = {
    {Kind::Coal, 220, {100, 200, 300, 500}, 300},
    {Kind::Quilt, 150, {1, 1, 2, 3}, 2},
    {Kind::WinterClothes, 130, {1, 2, 3, 4}, 2},
    {Kind::Food, 120, {10, 20, 20, 30}, 20},
    {Kind::HeatingSubsidy, 100, {200, 400, 400, 600}, 400},
    {Kind::HomeVisit, 100, {1, 2, 2, 4}, 2},
    {Kind::Heater, 80, {1, 1, 1, 2}, 1},
    {Kind::OneTimeSubsidy, 70, {300, 500, 500, 800}, 500},
    {Kind::HomeCareBed, 30, {1, 1, 1, 1}, 1},
};

std::size_t pickPlan(BenchRng& rng) {
    std::size_t r = rng.below(1000);
    for (std::size_t i = 0; i < std::size(kPlans); ++i) {
        if (r < static_cast<std::size_t>(kPlans[i].permille)) return i;
        r -= static_cast<std::size_t>(kPlans[i].permille);
    }
    return 0;
}

CategorySet randomCategories(BenchRng& rng) {
    const std::size_t r = rng.below(1000);
    if (r < 350) return {Category::Dibao};
    if (r < 430) return {Category::Tekun};
    if (r < 580) return {Category::DibaoEdge};
    if (r < 680) return {Category::Monitored};
    if (r < 760) return {Category::RigidExpense};
    if (r < 960) return {Category::OtherLowIncome};
    if (r < 970) return {Category::Homeless};
    if (r < 1000 - 10) return {Category::DisasterStranded};
    return {Category::Dibao, Category::DisasterStranded};
}

Date addDays(const Date& d, std::int64_t days) {
    return Date::fromDays(d.daysSinceEpoch() + days);
}

double nowMs() {
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

double peakRssMb() {
#if defined(__wasm__)
    return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0 / (1024.0 * 1024.0);
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
#endif
}

Dataset benchInstance(const BenchOptions& options, const DivisionRegistry& divisions) {
    BenchRng rng(options.seed);
    Dataset d;
    d.title = "bench";
    d.asOf = Date{2026, 12, 1};
    std::vector<std::string> counties;
    for (const char* province : {"51", "13", "14"}) {
        for (const Division* c : divisions.counties(province)) counties.push_back(c->code);
    }
    if (counties.empty()) counties.push_back("510104");
    const std::int64_t asOf = d.asOf.daysSinceEpoch();

    // Households: about 2.5 needs each, in registration order (the tie rule's order).
    const std::size_t householdCount = std::max<std::size_t>(1, options.needs * 2 / 5);
    d.households.resize(householdCount);
    for (std::size_t i = 0; i < householdCount; ++i) {
        Household& h = d.households[i];
        h.id = i + 1;
        h.divisionCode = counties[rng.below(counties.size())];
        h.categories = randomCategories(rng);
        h.consentToShare = rng.chance(900);
        h.registered =
            Date::fromDays(asOf - 60 + static_cast<std::int64_t>(i * 60 / householdCount));
        const std::size_t members = 1 + rng.below(4);
        h.members.resize(members);
        for (Member& m : h.members) {
            m.birth = Date{1930 + static_cast<int>(rng.below(90)),
                           1 + static_cast<int>(rng.below(12)), 1};
            std::uint32_t bits = 0;
            if (rng.chance(60)) bits |= 1U << static_cast<unsigned>(Attribute::Disabled);
            if (rng.chance(40)) bits |= 1U << static_cast<unsigned>(Attribute::SeriousIllness);
            if (rng.chance(20)) bits |= 1U << static_cast<unsigned>(Attribute::CannotSelfCare);
            if (rng.chance(80)) bits |= 1U << static_cast<unsigned>(Attribute::LivesAlone);
            if (rng.chance(5)) bits |= 1U << static_cast<unsigned>(Attribute::Orphan);
            if (rng.chance(30)) bits |= 1U << static_cast<unsigned>(Attribute::LeftBehind);
            m.attributes = AttributeSet(bits);
        }
    }
    // Needs: deadlines at the campaign's milestones (a week, two, three, New Year, Spring
    // Festival).
    static constexpr std::int64_t kDeadlines[] = {7, 14, 21, 31, 31, 60};
    std::array<std::int64_t, static_cast<std::size_t>(Kind::Count_)> demand{};
    d.needs.resize(options.needs);
    std::size_t household = 0;
    std::uint32_t kindsOfHousehold = 0;
    for (std::size_t i = 0; i < options.needs; ++i) {
        // Needs come household by household, about 2.5 each, of different kinds; about 2% of
        // needs repeat a kind the household already asked for.
        // In 64 bits: i * householdCount passes 2^32 (the browser's size_t) at 1,000,000 needs.
        const auto owner =
            static_cast<std::size_t>(std::uint64_t{i} * householdCount / options.needs);
        if (owner != household) {
            household = owner;
            kindsOfHousehold = 0;
        }
        Need& n = d.needs[i];
        n.id = i + 1;
        n.household = household + 1;
        std::size_t planIndex = pickPlan(rng);
        for (int retry = 0;
             retry < 8 && (kindsOfHousehold >> planIndex & 1U) != 0 && !rng.chance(20); ++retry) {
            planIndex = pickPlan(rng);
        }
        kindsOfHousehold |= 1U << planIndex;
        const KindPlan& plan = kPlans[planIndex];
        n.kind = plan.kind;
        n.unit = kindInfo(plan.kind).unit;
        n.quantity = plan.sizes[rng.below(4)];
        n.urgency = rng.chance(30)    ? Urgency::Critical
                    : rng.chance(150) ? Urgency::Urgent
                                      : Urgency::Normal;
        n.deadline = Date::fromDays(asOf + rng.pick(kDeadlines));
        demand[static_cast<std::size_t>(n.kind)] += n.quantity;
    }
    // Donors and offers: coverage at county (72%), city (24%) or province (4%); supply about
    // 70% of demand per kind; some with target groups, short windows or per-household caps.
    const std::size_t offerCount = std::max<std::size_t>(1, options.offers);
    std::array<std::size_t, static_cast<std::size_t>(Kind::Count_)> offersOfKind{};
    std::vector<std::size_t> planOf(offerCount);
    for (std::size_t k = 0; k < offerCount; ++k) {
        planOf[k] = pickPlan(rng);
        ++offersOfKind[static_cast<std::size_t>(kPlans[planOf[k]].kind)];
    }
    d.offers.resize(offerCount);
    d.donors.resize(offerCount);
    static const CategorySet kTargets[] = {
        {Category::Dibao, Category::Tekun},
        {Category::Tekun, Category::Homeless, Category::DisasterStranded},
        {Category::DibaoEdge, Category::Monitored}};
    for (std::size_t k = 0; k < offerCount; ++k) {
        const KindPlan& plan = kPlans[planOf[k]];
        const auto kind = static_cast<std::size_t>(plan.kind);
        const std::string& county = counties[rng.below(counties.size())];
        const std::size_t r = rng.below(100);
        // Most offers are local (a county's charity federation, a township enterprise); a few
        // city-wide, very few province-wide (the provincial charity federation's big batches).
        const std::string area = county.substr(0, r < 72 ? 6 : r < 96 ? 4 : 2);
        Donor& donor = d.donors[k];
        donor.id = k + 1;
        donor.type = rng.chance(500)   ? DonorType::Charity
                     : rng.chance(600) ? DonorType::Enterprise
                     : rng.chance(500) ? DonorType::Government
                                       : DonorType::Individual;
        donor.divisionCode = rng.chance(100) ? std::string("11") : area;
        Offer& o = d.offers[k];
        o.id = k + 1;
        o.donor = donor.id;
        o.kind = plan.kind;
        o.unit = kindInfo(plan.kind).unit;
        const std::int64_t mean = std::max<std::int64_t>(
            1, demand[kind] * 7 / 10 / static_cast<std::int64_t>(offersOfKind[kind]));
        o.capacity = std::max<std::int64_t>(
            1, mean / 2 + static_cast<std::int64_t>(rng.below(static_cast<std::size_t>(mean) + 1)));
        o.coverage = {area};
        if (rng.chance(200)) o.targetGroups = rng.pick(kTargets);
        o.windowStart = d.asOf;
        o.windowEnd = addDays(d.asOf, rng.chance(200) ? 21 : 75);
        if (rng.chance(300)) o.perHouseholdCap = plan.cap;
        o.title = std::string(name(plan.kind));
    }
    return d;
}

Result<BenchReport> runBench(const BenchOptions& options, const DivisionRegistry& divisions,
                             const MatchPolicy& policy) {
    BenchReport report;
    report.options = options;
    const double g0 = nowMs();
    const Dataset data = benchInstance(options, divisions);
    report.generateMs = nowMs() - g0;
    report.instanceRssMb = peakRssMb();
    report.households = data.households.size();

    const auto runMode = [&](MatchMode mode, int repeats,
                             BenchMode& out) -> std::optional<FieldErrors> {
        std::vector<double> times;
        for (int i = 0; i < std::max(1, repeats); ++i) {
            MatchOptions mo;
            mo.mode = mode;
            mo.threads = options.threads;
            const double t0 = nowMs();
            Result<MatchResult> r = match(data, policy, mo);
            times.push_back(nowMs() - t0);
            if (!r) return r.errors();
            out.objective = r.value().objective;
            out.tiers = r.value().tiers;
            out.tierCount = r.value().tierCount;
            out.stats = r.value().stats;
            out.digest = allocationDigest(r.value().allocations);
        }
        std::sort(times.begin(), times.end());
        out.ran = true;
        out.ms = times[times.size() / 2];
        out.minMs = times.front();
        out.maxMs = times.back();
        return std::nullopt;
    };
    if (auto e = runMode(MatchMode::Engine, options.repeats, report.engine)) return *e;
    if (options.greedy) {
        if (auto e = runMode(MatchMode::Greedy, 1, report.greedy)) return *e;
    }
    if (options.reference && options.needs <= options.referenceLimit) {
        if (auto e = runMode(MatchMode::Reference, 1, report.reference)) return *e;
        report.objectiveEqualReference = report.engine.objective == report.reference.objective;
    }
    report.peakRssMb = peakRssMb();
    return report;
}

namespace {

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string coverageJson(const BenchMode& m) {
    std::string s = "[";
    for (int t = 0; t < m.tierCount; ++t) {
        const TierTotal& tt = m.tiers[static_cast<std::size_t>(t)];
        const double pct =
            tt.demand > 0 ? 100.0 * static_cast<double>(tt.served) / static_cast<double>(tt.demand)
                          : 100.0;
        if (t > 0) s += ",";
        s += "{\"tier\":" + std::to_string(t) + ",\"demand\":" + std::to_string(tt.demand) +
             ",\"served\":" + std::to_string(tt.served) + ",\"percent\":" + number(pct) + "}";
    }
    return s + "]";
}

std::string objectiveJson(const Objective& o, int tiers) {
    std::string s = "{\"served\":[";
    for (int t = 0; t < tiers; ++t) {
        if (t > 0) s += ",";
        s += std::to_string(o.served[static_cast<std::size_t>(t)]);
    }
    return s + "],\"score\":" + std::to_string(o.score) +
           ",\"distance\":" + std::to_string(o.distance) +
           ",\"deadline\":" + std::to_string(o.deadline) + "}";
}

} // namespace

std::string benchJson(const BenchReport& r) {
    const MatchStats& s = r.engine.stats;
    std::string j = "{";
    j += "\"needs\":" + std::to_string(r.options.needs) +
         ",\"offers\":" + std::to_string(r.options.offers);
    j += ",\"households\":" + std::to_string(r.households) +
         ",\"seed\":" + std::to_string(r.options.seed);
    j += ",\"groups\":" + std::to_string(s.groups) + ",\"classes\":" + std::to_string(s.classes);
    j += ",\"levels\":" + std::to_string(s.levels) + ",\"hubs\":" + std::to_string(s.hubs) +
         ",\"pools\":" + std::to_string(s.pools);
    j += ",\"nodes\":" + std::to_string(s.nodes) + ",\"arcs\":" + std::to_string(s.arcs);
    j += ",\"components\":" + std::to_string(s.components) +
         ",\"largest_component_arcs\":" + std::to_string(s.largestArcs) +
         ",\"threads\":" + std::to_string(s.threads);
    j += ",\"match_ms\":" + number(r.engine.ms) + ",\"match_min_ms\":" + number(r.engine.minMs);
    j += ",\"match_max_ms\":" + number(r.engine.maxMs) +
         ",\"repeats\":" + std::to_string(r.options.repeats);
    j += ",\"phases_ms\":{\"prepare\":" + number(s.prepareMs) +
         ",\"policy_and_grouping\":" + number(s.policyMs) + ",\"build\":" + number(s.buildMs) +
         ",\"solve\":" + number(s.solveMs) + ",\"handout\":" + number(s.handoutMs) +
         ",\"reasons\":" + number(s.reasonsMs) + "}";
    j += ",\"policy_calls\":" + std::to_string(s.policyCalls);
    j += ",\"generate_ms\":" + number(r.generateMs) + ",\"peak_rss_mb\":" + number(r.peakRssMb);
    j += ",\"instance_rss_mb\":" + number(r.instanceRssMb);
    j += ",\"reference_ms\":" + (r.reference.ran ? number(r.reference.ms) : std::string("null"));
    j += ",\"reference_arcs\":" +
         (r.reference.ran ? std::to_string(r.reference.stats.arcs) : std::string("null"));
    j += ",\"greedy_ms\":" + (r.greedy.ran ? number(r.greedy.ms) : std::string("null"));
    j += ",\"speedup_vs_reference\":" + (r.reference.ran && r.engine.ms > 0
                                             ? number(r.reference.ms / r.engine.ms)
                                             : std::string("null"));
    j += ",\"objective_equal_reference\":" + std::string(!r.objectiveEqualReference   ? "null"
                                                         : *r.objectiveEqualReference ? "true"
                                                                                      : "false");
    j += ",\"objective\":{\"engine\":" + objectiveJson(r.engine.objective, r.engine.tierCount);
    if (r.reference.ran)
        j += ",\"reference\":" + objectiveJson(r.reference.objective, r.reference.tierCount);
    if (r.greedy.ran) j += ",\"greedy\":" + objectiveJson(r.greedy.objective, r.greedy.tierCount);
    j += "},\"tier_coverage\":{\"engine\":" + coverageJson(r.engine);
    if (r.greedy.ran) j += ",\"greedy\":" + coverageJson(r.greedy);
    j += "},\"top_tier_units_more_than_greedy\":" +
         (r.greedy.ran ? std::to_string(r.engine.objective.served[0] - r.greedy.objective.served[0])
                       : std::string("null"));
    char digest[32];
    std::snprintf(digest, sizeof digest, "%016llx",
                  static_cast<unsigned long long>(r.engine.digest));
    j += ",\"engine_digest\":\"" + std::string(digest) + "\"}";
    return j;
}

std::string benchText(const BenchReport& r) {
    const MatchStats& s = r.engine.stats;
    std::string t;
    t += "instance: " + std::to_string(r.options.needs) + " needs, " +
         std::to_string(r.options.offers) + " offers, " + std::to_string(r.households) +
         " households (seed " + std::to_string(r.options.seed) + ")\n";
    t += "graph: " + std::to_string(s.groups) + " groups, " + std::to_string(s.classes) +
         " classes, " + std::to_string(s.levels) + " level arcs, " + std::to_string(s.hubs) +
         " hubs, " + std::to_string(s.pools) + " pools, " + std::to_string(s.nodes) + " nodes, " +
         std::to_string(s.arcs) + " arcs; " + std::to_string(s.components) +
         " components (largest " + std::to_string(s.largestArcs) + " arcs) on " +
         std::to_string(s.threads) + " threads\n";
    t += "engine: median " + number(r.engine.ms) + " ms of " + std::to_string(r.options.repeats) +
         " (min " + number(r.engine.minMs) + ", max " + number(r.engine.maxMs) + ")\n";
    t += "  phases ms: prepare " + number(s.prepareMs) + ", policy+grouping " + number(s.policyMs) +
         ", build " + number(s.buildMs) + ", solve " + number(s.solveMs) + ", hand-out " +
         number(s.handoutMs) + ", reasons " + number(s.reasonsMs) + "\n";
    if (r.reference.ran) {
        t += "reference: " + number(r.reference.ms) + " ms, " +
             std::to_string(r.reference.stats.arcs) + " arcs, speed-up " +
             number(r.reference.ms / std::max(r.engine.ms, 1e-9)) + "x, objective " +
             (r.objectiveEqualReference.value_or(false) ? "equal" : "DIFFERENT") + "\n";
    }
    if (r.greedy.ran) t += "greedy: " + number(r.greedy.ms) + " ms\n";
    t += "objective engine:    " + describe(r.engine.objective) + "\n";
    if (r.greedy.ran) t += "objective greedy:    " + describe(r.greedy.objective) + "\n";
    for (int k = 0; k < r.engine.tierCount; ++k) {
        const auto i = static_cast<std::size_t>(k);
        t += "tier " + std::to_string(k) + ": demand " + std::to_string(r.engine.tiers[i].demand) +
             ", engine " + std::to_string(r.engine.tiers[i].served) +
             (r.greedy.ran ? ", greedy " + std::to_string(r.greedy.tiers[i].served)
                           : std::string()) +
             "\n";
    }
    t += "peak memory: " + number(r.peakRssMb) + " MB, of which the instance " +
         number(r.instanceRssMb) + " MB (generation " + number(r.generateMs) + " ms)\n";
    return t;
}

} // namespace nuanxin
