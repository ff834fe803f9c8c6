// Households and members of the demo data set.
#include <string>
#include <vector>

#include "core/demo/context.h"
#include "core/demo/names.h"
#include "core/id/resident_id.h"

namespace nuanxin::demo {
namespace {

/// Category mix: 低保 most common, then 低保边缘, 特困, 防返贫监测, 刚性支出, 其他低收入,
/// a few 流浪乞讨 and 因灾滞留 (weights in percent).
const std::vector<Category> kCategoryOrder = {Category::Dibao,        Category::DibaoEdge,
                                              Category::Tekun,        Category::Monitored,
                                              Category::RigidExpense, Category::OtherLowIncome,
                                              Category::Homeless,     Category::DisasterStranded};
const std::vector<int> kCategoryWeights = {38, 17, 14, 11, 8, 8, 2, 2};

/// Household shapes; attributes follow from them and from the members' ages.
enum class Shape {
    ElderAlone,
    ElderCouple,
    Family,
    LeftBehind,
    OrphanWithGrandparent,
    SingleAdult
};

Date birthForAge(Context& c, int age) {
    // A day within the year before the age-th birthday: the member is `age` on asOf.
    const std::int64_t days = c.asOfDays - static_cast<std::int64_t>(age) * 36525 / 100 -
                              static_cast<std::int64_t>(c.rng.below(360)) - 3;
    return Date::fromDays(days);
}

std::string idNumber(Context& c, const std::string& county, const Date& birth, bool male) {
    for (;;) {
        // Sequence 001..998, odd for men and even for women (GB 11643).
        const int seq = 2 * static_cast<int>(c.rng.below(499)) + (male ? 1 : 2);
        std::string id = county;
        const std::string ymd = birth.iso();
        id += ymd.substr(0, 4) + ymd.substr(5, 2) + ymd.substr(8, 2);
        id += static_cast<char>('0' + seq / 100);
        id += static_cast<char>('0' + seq / 10 % 10);
        id += static_cast<char>('0' + seq % 10);
        id += residentIdCheckChar(id);
        if (c.usedIds.insert(id).second) return id;
    }
}

Member makeMember(Context& c, const std::string& county, const std::string& familyName, int age,
                  bool male) {
    Member m;
    m.name =
        familyName.empty() ? personName(c.rng, male) : concat({familyName, givenName(c.rng, male)});
    m.birth = birthForAge(c, age);
    m.sex = male ? Sex::Male : Sex::Female;
    m.idNumber = idNumber(c, county, m.birth, male);
    // Attributes correlated with age.
    if (age >= 6 && age <= 22 && c.rng.percent(age <= 17 ? 95 : 60))
        m.attributes.set(Attribute::InSchool);
    if (age >= 60 && c.rng.percent(age >= 80 ? 30 : 15))
        m.attributes.set(Attribute::Disabled);
    else if (age >= 18 && age < 60 && c.rng.percent(6))
        m.attributes.set(Attribute::Disabled);
    if (age >= 45 && c.rng.percent(age >= 70 ? 18 : 10))
        m.attributes.set(Attribute::SeriousIllness);
    if (age >= 75 && c.rng.percent(25)) m.attributes.set(Attribute::CannotSelfCare);
    return m;
}

Shape pickShape(Context& c, Category cat) {
    switch (cat) {
    case Category::Tekun:
        return c.rng.percent(8) ? Shape::OrphanWithGrandparent
                                : (c.rng.percent(75) ? Shape::ElderAlone : Shape::SingleAdult);
    case Category::Homeless:
    case Category::DisasterStranded:
        return Shape::SingleAdult;
    default:
        break;
    }
    const std::vector<int> weights = {18, 20, 35, 12, 1, 14};
    return static_cast<Shape>(c.rng.weighted(weights));
}

} // namespace

Household makeHousehold(Context& c, HouseholdId id, const std::string& county, const char* area) {
    Household h;
    h.id = id;
    h.divisionCode = county;
    const Category cat = kCategoryOrder[c.rng.weighted(kCategoryWeights)];
    h.categories.set(cat);
    // A share of 低保 families is also monitored against relapse into poverty.
    if (cat == Category::Dibao && c.rng.percent(8)) h.categories.set(Category::Monitored);
    h.consentToShare = c.rng.percent(92);
    h.address = demo::address(c.rng);
    h.registered = Date::fromDays(c.asOfDays - c.rng.range(1, 75));
    h.registeredBy = concat({township(c.rng), c.rng.percent(50) ? "社会事务办" : "民政所"});

    const std::string family = demo::surname(c.rng);
    const bool maleHead = c.rng.percent(55);
    const Shape shape = pickShape(c, cat);
    switch (shape) {
    case Shape::ElderAlone: {
        Member m = makeMember(c, county, family, c.rng.range(65, 92), maleHead);
        m.attributes.set(Attribute::LivesAlone);
        h.members.push_back(m);
        break;
    }
    case Shape::ElderCouple: {
        const int age = c.rng.range(62, 86);
        h.members.push_back(makeMember(c, county, family, age, true));
        h.members.push_back(makeMember(c, county, "", age - c.rng.range(0, 5), false));
        break;
    }
    case Shape::Family: {
        const int parent = c.rng.range(28, 50);
        h.members.push_back(makeMember(c, county, family, parent, true));
        if (c.rng.percent(85)) {
            h.members.push_back(makeMember(c, county, "", parent - c.rng.range(0, 4), false));
        }
        const int children = c.rng.range(1, 3);
        for (int i = 0; i < children; ++i) {
            const int maxAge = parent - 20 < 20 ? parent - 20 : 20;
            const int age = c.rng.range(1, maxAge > 1 ? maxAge : 1);
            const bool male = c.rng.percent(50);
            h.members.push_back(makeMember(c, county, family, age, male));
        }
        break;
    }
    case Shape::LeftBehind:
    case Shape::OrphanWithGrandparent: {
        const bool orphan = shape == Shape::OrphanWithGrandparent;
        h.members.push_back(makeMember(c, county, family, c.rng.range(60, 78), maleHead));
        const int children = orphan ? 1 : c.rng.range(1, 2);
        for (int i = 0; i < children; ++i) {
            const int age = c.rng.range(4, 15);
            const bool male = c.rng.percent(50);
            Member child = makeMember(c, county, family, age, male);
            child.attributes.set(orphan ? Attribute::Orphan : Attribute::LeftBehind);
            if (!orphan && c.rng.percent(5)) child.attributes.set(Attribute::Unsupported);
            h.members.push_back(child);
        }
        break;
    }
    case Shape::SingleAdult: {
        Member m = makeMember(c, county, family, c.rng.range(24, 70), maleHead);
        if (cat == Category::DisasterStranded)
            m.attributes.set(Attribute::DisasterHit);
        else if (cat != Category::Homeless && !m.attributes.has(Attribute::SeriousIllness) &&
                 c.rng.percent(40)) {
            m.attributes.set(Attribute::SeriousIllness);
        }
        h.members.push_back(m);
        break;
    }
    }
    // People found by street patrols have no phone of their own: the rescue station's line.
    if (cat == Category::Homeless) {
        std::string phone = std::string(area) + "-";
        for (int i = 0; i < (area[3] ? 7 : 8); ++i)
            phone += static_cast<char>('0' + c.rng.range(i ? 0 : 2, 9));
        h.phone = phone;
    } else {
        h.phone = demo::mobile(c.rng);
    }
    return h;
}

} // namespace nuanxin::demo
