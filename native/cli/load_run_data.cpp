// Synthetic input of the load run, written as the CSV files an office would import: households
// from the demo generator, donors and offers from the matching benchmark's generator.
#include <algorithm>
#include <unordered_set>

#include "core/demo/generator.h"
#include "core/io/csv_write.h"
#include "core/match/bench.h"
#include "native/cli/load_run.h"

namespace nuanxin::cli::load {
namespace {

/// Stable names of a set's members, as the importer reads them ("dibao;tekun").
template <class E> std::string names(EnumSet<E> set) {
    std::string out;
    for (E v : allOf<E>()) {
        if (!set.has(v)) continue;
        if (!out.empty()) out += ';';
        out += name(v);
    }
    return out;
}

/// Starts a CSV file the way Excel saves one (UTF-8 with a byte-order mark).
std::string withHeader(const std::vector<std::string>& headers) {
    return std::string(kUtf8Bom) + csvLine(headers);
}

} // namespace

CsvBatch householdsCsv(const State& state, const DivisionRegistry& divisions, std::uint64_t seed,
                       std::size_t count, Date asOf) {
    DemoOptions options;
    options.seed = seed;
    options.households = count;
    options.asOf = asOf;
    const Dataset demo = generateDemo(options, divisions);
    // The demo's needs come household by household; index them by household.
    std::vector<std::vector<const Need*>> needsOf(demo.households.size() + 1);
    for (const Need& n : demo.needs) {
        if (n.household < needsOf.size())
            needsOf[static_cast<std::size_t>(n.household)].push_back(&n);
    }
    CsvBatch batch;
    batch.csv = withHeader({"户编号", "姓名", "身份证号", "所属区划", "类别", "特殊情况", "需求",
                            "数量", "截止日期", "紧急程度", "电话", "住址", "同意共享"});
    for (const Household& h : demo.households) {
        const bool known = std::any_of(h.members.begin(), h.members.end(), [&](const Member& m) {
            return state.householdOfPerson(m.idNumber) != 0;
        });
        if (known) {
            ++batch.skipped;
            continue;
        }
        const auto& needs = needsOf[static_cast<std::size_t>(h.id)];
        const std::string key = std::to_string(seed % 1000000) + "-" + std::to_string(h.id);
        // One row per person; a row names at most one need, so a household keeps as many needs
        // as it has members.
        for (std::size_t i = 0; i < h.members.size(); ++i) {
            const Member& m = h.members[i];
            const Need* n = i < needs.size() ? needs[i] : nullptr;
            batch.csv += csvLine({key, m.name, m.idNumber, h.divisionCode, names(h.categories),
                                  names(m.attributes), n ? std::string(name(n->kind)) : "",
                                  n ? std::to_string(n->quantity) : "", n ? n->deadline.iso() : "",
                                  n ? std::string(name(n->urgency)) : "", h.phone, h.address,
                                  h.consentToShare ? "是" : "否"});
        }
        ++batch.records;
    }
    return batch;
}

Supply makeSupply(const Plan& plan, const DivisionRegistry& divisions) {
    // The benchmark sizes capacities to its own needs; a tenth of the campaign's needs (or
    // fewer) is enough to place the offers, and the capacities are scaled up to the whole.
    const std::uint64_t campaignNeeds = plan.households * 2;
    BenchOptions options;
    options.needs = static_cast<std::size_t>(std::min<std::uint64_t>(campaignNeeds, 100000));
    options.offers = static_cast<std::size_t>(plan.totalOffers());
    options.seed = plan.seed;
    Dataset bench = benchInstance(options, divisions);
    const std::int64_t scale =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(campaignNeeds / options.needs));
    Supply supply;
    supply.donors.reserve(bench.offers.size());
    supply.offers.reserve(bench.offers.size());
    for (std::size_t i = 0; i < bench.offers.size(); ++i) {
        Offer o = bench.offers[i];
        Donor d = bench.donors[static_cast<std::size_t>(o.donor - 1)];
        const Division* place = divisions.find(d.divisionCode);
        const std::string number = std::to_string(i + 1);
        d.name = (place ? place->name : std::string()) +
                 (d.type == DonorType::Individual ? "爱心人士" : "爱心单位") + number;
        o.capacity *= scale;
        o.title = std::string("冬季") + tr(kindInfo(o.kind).label, Lang::Zh) + "帮扶 " + number;
        supply.donors.push_back(std::move(d));
        supply.offers.push_back(std::move(o));
    }
    return supply;
}

CsvBatch donorsCsv(const State& state, const Supply& supply, std::size_t from, std::size_t to) {
    std::unordered_set<std::string> known;
    for (const Donor& d : state.dataset().donors) known.insert(d.name);
    CsvBatch batch;
    batch.csv = withHeader({"名称", "类型", "所属区划", "电话"});
    for (std::size_t i = from; i < to && i < supply.donors.size(); ++i) {
        const Donor& d = supply.donors[i];
        if (known.count(d.name) != 0) {
            ++batch.skipped;
            continue;
        }
        batch.csv += csvLine({d.name, std::string(name(d.type)), d.divisionCode, d.phone});
        ++batch.records;
    }
    return batch;
}

CsvBatch offersCsv(const State& state, const Supply& supply, std::size_t from, std::size_t to) {
    std::unordered_set<std::string> known;
    for (const Offer& o : state.dataset().offers) known.insert(o.title);
    CsvBatch batch;
    batch.csv = withHeader({"名称", "捐赠方", "物资类别", "数量", "覆盖区划", "受助对象",
                            "开始日期", "结束日期", "每户上限"});
    for (std::size_t i = from; i < to && i < supply.offers.size(); ++i) {
        const Offer& o = supply.offers[i];
        if (known.count(o.title) != 0) {
            ++batch.skipped;
            continue;
        }
        std::string coverage;
        for (const std::string& code : o.coverage) coverage += (coverage.empty() ? "" : ";") + code;
        batch.csv += csvLine({o.title, supply.donors[i].name, std::string(name(o.kind)),
                              std::to_string(o.capacity), coverage, names(o.targetGroups),
                              o.windowStart.iso(), o.windowEnd.iso(),
                              o.perHouseholdCap > 0 ? std::to_string(o.perHouseholdCap) : ""});
        ++batch.records;
    }
    return batch;
}

} // namespace nuanxin::cli::load
