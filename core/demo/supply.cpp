// Needs, donors, offers and volunteers of the demo data set.
#include <array>
#include <string>
#include <vector>

#include "core/demo/context.h"
#include "core/demo/names.h"

namespace nuanxin::demo {
namespace {

constexpr std::size_t kKindCount = static_cast<std::size_t>(Kind::Count_);
using KindWeights = std::array<int, kKindCount>;

int& at(KindWeights& w, Kind k) {
    return w[static_cast<std::size_t>(k)];
}

bool northern(const std::string& code) {
    return code.compare(0, 2, "51") != 0;
}

/// Capitals' area codes, for the landlines of organisations.
std::string landline(Rng& rng, const std::string& province) {
    const std::string area = province == "51" ? "028" : province == "13" ? "0311" : "0351";
    std::string out = area + "-";
    const int digits = area.size() == 3 ? 8 : 7;
    for (int i = 0; i < digits; ++i) out += static_cast<char>('0' + rng.range(i ? 0 : 2, 9));
    return out;
}

struct HouseholdFacts {
    bool elderly = false, livesAlone = false, child = false, inSchool = false, illness = false,
         cannotSelfCare = false, disabledElder = false, disasterHit = false;
};

HouseholdFacts factsOf(const Household& h, const Date& asOf) {
    HouseholdFacts f;
    for (const auto& m : h.members) {
        const int age = m.birth.yearsUntil(asOf);
        f.elderly |= age >= 60;
        f.child |= age < 18;
        f.livesAlone |= m.attributes.has(Attribute::LivesAlone);
        f.inSchool |= m.attributes.has(Attribute::InSchool);
        f.illness |= m.attributes.has(Attribute::SeriousIllness);
        f.cannotSelfCare |= m.attributes.has(Attribute::CannotSelfCare);
        f.disabledElder |= age >= 60 && m.attributes.has(Attribute::Disabled);
        f.disasterHit |= m.attributes.has(Attribute::DisasterHit);
    }
    return f;
}

/// How likely each kind is for this household: heating goods weigh more in the north,
/// warm goods in Sichuan, services follow the members (visits for elderly living alone).
KindWeights kindWeights(const Household& h, const HouseholdFacts& f) {
    KindWeights w{};
    if (h.categories.has(Category::Homeless)) {
        at(w, Kind::WinterClothes) = 30;
        at(w, Kind::Quilt) = 25;
        at(w, Kind::Food) = 25;
        at(w, Kind::TemporaryAssistance) = 20;
        return w;
    }
    const bool north = northern(h.divisionCode);
    at(w, Kind::Coal) = north ? 30 : 3;
    at(w, Kind::Heater) = north ? 10 : 18;
    at(w, Kind::HeatingSubsidy) = north ? 20 : 8;
    at(w, Kind::Quilt) = north ? 10 : 18;
    at(w, Kind::WinterClothes) = north ? 12 : 18;
    at(w, Kind::Food) = 10;
    at(w, Kind::DailyNecessities) = 6;
    if (h.categories.has(Category::Dibao) || h.categories.has(Category::Tekun)) {
        at(w, Kind::OneTimeSubsidy) = north ? 20 : 35;
    }
    if (h.categories.has(Category::RigidExpense) || h.categories.has(Category::DisasterStranded)) {
        at(w, Kind::TemporaryAssistance) = 30;
    }
    if (f.livesAlone)
        at(w, Kind::HomeVisit) = 40;
    else if (f.child && !f.inSchool)
        at(w, Kind::HomeVisit) = 5;
    if (f.elderly) {
        at(w, Kind::SafetyCheck) = 10;
        at(w, Kind::WiringRepair) = 5;
        if (north) at(w, Kind::SnowClearing) = 8;
    }
    if (f.illness) at(w, Kind::MedicalAid) = 20;
    if (f.inSchool) at(w, Kind::EducationAid) = 15;
    if (f.cannotSelfCare) at(w, Kind::HomeCareBed) = 12;
    if (f.disabledElder) at(w, Kind::HomeAdaptation) = 8;
    return w;
}

std::int64_t steps(Rng& rng, int lo, int hi, int step) {
    return static_cast<std::int64_t>(rng.range(lo / step, hi / step)) * step;
}

std::int64_t quantityFor(Rng& rng, Kind k, const Household& h) {
    const int people = static_cast<int>(h.members.size());
    switch (k) {
    case Kind::Coal:
        return northern(h.divisionCode) ? steps(rng, 500, 1500, 100) : steps(rng, 200, 600, 100);
    case Kind::Heater:
        return 1;
    case Kind::HeatingSubsidy:
        return steps(rng, 300, 1200, 100);
    case Kind::Quilt:
        return rng.range(1, people < 3 ? people : 3);
    case Kind::WinterClothes:
        return rng.range(1, people < 5 ? people : 5);
    case Kind::Food:
        return steps(rng, 10, 40, 5);
    case Kind::DailyNecessities:
        return rng.range(1, 3);
    case Kind::OneTimeSubsidy:
        return std::array<int, 3>{300, 500, 800}[static_cast<std::size_t>(rng.below(3))];
    case Kind::TemporaryAssistance:
        return steps(rng, 500, 3000, 500);
    case Kind::MedicalAid:
        return steps(rng, 1000, 5000, 500);
    case Kind::EducationAid:
        return steps(rng, 500, 2000, 500);
    case Kind::HomeVisit:
        return rng.range(4, 12);
    case Kind::SafetyCheck:
        return rng.range(1, 3);
    case Kind::SnowClearing:
        return rng.range(2, 6);
    default:
        return 1;
    }
}

bool heating(Kind k) {
    return k == Kind::Coal || k == Kind::Heater || k == Kind::HeatingSubsidy || k == Kind::Quilt ||
           k == Kind::WinterClothes;
}

/// Value of one unit in fen, for reports (rough market prices).
std::int64_t unitValueFen(Kind k) {
    switch (kindInfo(k).unit) {
    case Unit::Yuan:
        return 100;
    case Unit::Visit:
        return k == Kind::HomeAdaptation ? 200000 : 6000;
    default:
        break;
    }
    switch (k) {
    case Kind::Coal:
        return 120;
    case Kind::Heater:
        return 25000;
    case Kind::Quilt:
        return 12000;
    case Kind::WinterClothes:
        return 15000;
    case Kind::Food:
        return 800;
    case Kind::HomeCareBed:
        return 300000;
    default:
        return 5000;
    }
}

std::int64_t capFor(Rng& rng, Kind k) {
    switch (kindInfo(k).unit) {
    case Unit::Kg:
        return k == Kind::Coal ? 1000 : 30;
    case Unit::Yuan:
        return std::array<int, 3>{500, 800, 1000}[static_cast<std::size_t>(rng.below(3))];
    case Unit::Visit:
        return k == Kind::HomeVisit ? 8 : 2;
    default:
        return 2;
    }
}

} // namespace

void addNeeds(Context& c, Dataset& data) {
    NeedId next = 1;
    for (const auto& h : data.households) {
        const HouseholdFacts f = factsOf(h, c.options.asOf);
        KindWeights w = kindWeights(h, f);
        const int count = static_cast<int>(c.rng.weighted({40, 40, 20})) + 1;
        for (int i = 0; i < count; ++i) {
            int total = 0;
            for (int x : w) total += x;
            if (total == 0) break;
            const auto k = static_cast<Kind>(c.rng.weighted(std::vector<int>(w.begin(), w.end())));
            at(w, k) = 0; // one need per kind and household
            Need n;
            n.id = next++;
            n.household = h.id;
            n.kind = k;
            n.unit = kindInfo(k).unit;
            n.quantity = quantityFor(c.rng, k, h);
            const bool fragile =
                f.livesAlone || f.disasterHit || h.categories.has(Category::Homeless);
            const int roll = c.rng.range(0, 99);
            n.urgency = roll < (fragile ? 20 : 5)    ? Urgency::Critical
                        : roll < (fragile ? 60 : 25) ? Urgency::Urgent
                                                     : Urgency::Normal;
            // Heating before the deep cold; cash before the Spring Festival; the rest by February.
            const int days = heating(k)                       ? c.rng.range(10, 40)
                             : kindInfo(k).unit == Unit::Yuan ? c.rng.range(30, 75)
                                                              : c.rng.range(20, 89);
            n.deadline = Date::fromDays(c.asOfDays + days);
            data.needs.push_back(n);
        }
    }
}

void addDonorsAndOffers(Context& c, Dataset& data, const DivisionRegistry& divisions) {
    if (data.households.empty()) return;
    // Donors: charities, enterprises and a few individuals, based where households live.
    const std::size_t donorCount = data.households.size() / 20 < 6 ? 6
                                   : data.households.size() / 20 > 200
                                       ? 200
                                       : data.households.size() / 20;
    std::vector<std::vector<DonorId>> byType(static_cast<std::size_t>(DonorType::Count_));
    for (std::size_t i = 0; i < donorCount; ++i) {
        Donor d;
        d.id = static_cast<DonorId>(i + 1);
        const std::string& county = c.rng.pick(data.households).divisionCode;
        const std::size_t type = i < 3 ? i % 2 : c.rng.weighted({50, 40, 10});
        d.type = static_cast<DonorType>(type);
        if (d.type == DonorType::Individual) {
            const bool male = c.rng.percent(50);
            d.name = personName(c.rng, male);
            d.divisionCode = county;
            d.phone = mobile(c.rng);
        } else {
            const bool provincial = c.rng.percent(40);
            d.divisionCode = provincial ? county.substr(0, 2) : county.substr(0, 4);
            const Division* where = divisions.find(d.divisionCode);
            const std::string place = where && !provincial ? where->name : "";
            d.name =
                place + (d.type == DonorType::Charity ? charityName(c.rng) : enterpriseName(c.rng));
            d.phone = landline(c.rng, county.substr(0, 2));
        }
        byType[type].push_back(d.id);
        data.donors.push_back(d);
    }

    // Demand per kind; offers of a kind share about 60-80% of it, so priorities matter.
    std::array<std::int64_t, kKindCount> demand{};
    std::array<std::vector<const Need*>, kKindCount> needsOf{};
    for (const auto& n : data.needs) {
        demand[static_cast<std::size_t>(n.kind)] += n.quantity;
        needsOf[static_cast<std::size_t>(n.kind)].push_back(&n);
    }
    OfferId next = 1;
    const std::int64_t lastDay = c.asOfDays + 89;
    for (std::size_t ki = 0; ki < kKindCount; ++ki) {
        if (needsOf[ki].empty()) continue;
        const auto k = static_cast<Kind>(ki);
        const std::int64_t target = demand[ki] * c.rng.range(60, 80) / 100;
        std::int64_t count = 1 + static_cast<std::int64_t>(needsOf[ki].size() / 15);
        if (count > 12) count = 12;
        if (count > target) count = target;
        if (count < 1) continue;
        std::vector<int> shares;
        int shareSum = 0;
        for (std::int64_t j = 0; j < count; ++j) {
            shares.push_back(c.rng.range(1, 10));
            shareSum += shares.back();
        }
        std::int64_t given = 0;
        for (std::int64_t j = 0; j < count; ++j) {
            Offer o;
            o.id = next++;
            o.kind = k;
            o.unit = kindInfo(k).unit;
            o.capacity = j + 1 == count ? target - given
                                        : target * shares[static_cast<std::size_t>(j)] / shareSum;
            if (o.capacity < 1) o.capacity = 1;
            given += o.capacity;
            // Services come from charities, heating goods mostly from enterprises.
            const bool service = kindInfo(k).service;
            std::size_t type = service ? 0 : c.rng.weighted({50, 40, heating(k) ? 10 : 4});
            if (byType[type].empty()) type = 0;
            o.donor = c.rng.pick(byType[type]);
            const std::string& county =
                data.households[static_cast<std::size_t>(c.rng.pick(needsOf[ki])->household - 1)]
                    .divisionCode;
            const int level = static_cast<DonorType>(type) == DonorType::Individual
                                  ? 2
                                  : static_cast<int>(c.rng.weighted({30, 40, 30}));
            o.coverage.push_back(level == 0   ? county.substr(0, 2)
                                 : level == 1 ? county.substr(0, 4)
                                              : county);
            if (k == Kind::OneTimeSubsidy)
                o.targetGroups = {Category::Dibao, Category::Tekun};
            else if (c.rng.percent(30)) {
                const std::vector<CategorySet> groups = {
                    {Category::Dibao, Category::Tekun},
                    {Category::Tekun},
                    {Category::Dibao, Category::DibaoEdge, Category::Monitored},
                    {Category::Homeless, Category::DisasterStranded, Category::Tekun}};
                o.targetGroups = c.rng.pick(groups);
            }
            const std::int64_t start = c.asOfDays + c.rng.range(0, 20);
            const std::int64_t end = start + c.rng.range(30, 70);
            o.windowStart = Date::fromDays(start);
            o.windowEnd = Date::fromDays(end < lastDay ? end : lastDay);
            if (c.rng.percent(30)) o.perHouseholdCap = capFor(c.rng, k);
            o.unitValueFen = unitValueFen(k);
            o.title = std::string("冬季") + tr(kindInfo(k).label, Lang::Zh) + "帮扶";
            data.offers.push_back(o);
        }
    }
}

void addVolunteers(Context& c, Dataset& data, const DivisionRegistry& divisions) {
    VolunteerId next = 1;
    const std::vector<Kind> doable = {Kind::HomeVisit,    Kind::SafetyCheck, Kind::SnowClearing,
                                      Kind::WiringRepair, Kind::Coal,        Kind::Quilt,
                                      Kind::Food};
    for (const char* province : {"51", "13", "14"}) {
        const auto counties = divisions.counties(province, false);
        if (counties.empty()) continue;
        const int count = c.rng.range(3, 5);
        for (int i = 0; i < count; ++i) {
            Volunteer v;
            v.id = next++;
            const bool male = c.rng.percent(50);
            v.name = personName(c.rng, male);
            v.phone = mobile(c.rng);
            v.divisionCode = c.rng.pick(counties)->code.substr(0, 4);
            if (c.rng.percent(50)) {
                for (Kind k : doable) {
                    if (c.rng.percent(35)) v.kinds.push_back(k);
                }
            }
            v.active = c.rng.percent(90);
            data.volunteers.push_back(v);
        }
    }
}

} // namespace nuanxin::demo
