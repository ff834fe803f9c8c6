#include "core/demo/generator.h"

#include <string>
#include <vector>

#include "core/demo/context.h"

namespace nuanxin {
namespace {

/// The three provinces of the seeds, weighted by resident population (2023, millions:
/// Sichuan 83.7, Hebei 74.1, Shanxi 34.7).
struct ProvinceInfo {
    const char* code;
    int weight;
    const char* landlineArea; ///< area code of the capital, for rescue stations' phones
};
constexpr ProvinceInfo kProvinces[] = {{"51", 84, "028"}, {"13", 74, "0311"}, {"14", 35, "0351"}};

} // namespace

Dataset generateDemo(const DemoOptions& options, const DivisionRegistry& divisions) {
    demo::Context c{demo::Rng(options.seed), options, options.asOf.daysSinceEpoch(), {}};
    Dataset data;
    data.title = "暖心演示数据（合成） seed " + std::to_string(options.seed);
    data.asOf = options.asOf;

    std::vector<std::vector<const Division*>> counties;
    std::vector<int> weights;
    for (const auto& p : kProvinces) {
        counties.push_back(divisions.counties(p.code, false));
        weights.push_back(counties.back().empty() ? 0 : p.weight);
    }
    if (weights[0] + weights[1] + weights[2] == 0) return data;

    for (std::size_t i = 0; i < options.households; ++i) {
        const std::size_t p = c.rng.weighted(weights);
        const Division* county = c.rng.pick(counties[p]);
        data.households.push_back(demo::makeHousehold(c, static_cast<HouseholdId>(i + 1),
                                                      county->code, kProvinces[p].landlineArea));
    }
    demo::addNeeds(c, data);
    demo::addDonorsAndOffers(c, data, divisions);
    demo::addVolunteers(c, data, divisions);
    return data;
}

} // namespace nuanxin
