// Data set files: JSON and portable binary round trips, the version-1 fixture, broken input.
#include <cstdio>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "core/demo/generator.h"
#include "core/id/resident_id.h"
#include "core/model/equality.h"
#include "core/model/validate.h"
#include "core/serial/archive.h"

#include "test_paths.h"

namespace nuanxin {
// Boost.Test prints values it compares; a data set is too big to print, so print a mark.
inline std::ostream& operator<<(std::ostream& out, const Dataset& d) {
    return out << "Dataset(" << d.households.size() << " households)";
}
} // namespace nuanxin

namespace {

using namespace nuanxin;

/// Every type and every field set to something other than its default, so that a field the
/// serializer forgets (or swaps with another) shows up as a difference.
Dataset everyField() {
    Dataset d;
    d.title = "全字段 \"quoted\" \\ test";
    d.asOf = {2027, 1, 15};

    Member a;
    a.name = "欧阳某某";
    a.idNumber = "51010419500315021X";
    a.birth = {1950, 3, 15};
    a.sex = Sex::Male;
    a.attributes = {Attribute::Disabled, Attribute::DisasterHit, Attribute::LivesAlone};
    Member b;
    b.name = "乙";
    b.idNumber = "510104195208020224";
    b.birth = {1952, 8, 2};
    b.sex = Sex::Female;

    Household h;
    h.id = 42;
    h.divisionCode = "510104";
    h.address = "某镇某村1组2号";
    h.phone = "0351-1234567";
    h.categories = {Category::Tekun, Category::DisasterStranded};
    h.consentToShare = true;
    h.members = {a, b};
    h.registered = {2026, 11, 30};
    h.registeredBy = "某乡民政所";
    d.households.push_back(h);

    Need n;
    n.id = 9;
    n.household = 42;
    n.kind = Kind::WiringRepair;
    n.quantity = 3;
    n.unit = Unit::Visit;
    n.urgency = Urgency::Critical;
    n.deadline = {2027, 2, 28};
    n.status = NeedStatus::PartlyMet;
    n.note = "夜间";
    d.needs.push_back(n);

    Donor donor;
    donor.id = 5;
    donor.name = "某企业";
    donor.type = DonorType::Government;
    donor.divisionCode = "1301";
    donor.phone = "13912345678";
    d.donors.push_back(donor);

    Offer o;
    o.id = 11;
    o.donor = 5;
    o.kind = Kind::HomeCareBed;
    o.unit = Unit::Piece;
    o.capacity = 9000000000LL; // above 32 bits on purpose
    o.unitValueFen = 300000;
    o.coverage = {"13", "1401", "510104"};
    o.targetGroups = {Category::Homeless, Category::OtherLowIncome};
    o.windowStart = {2026, 12, 2};
    o.windowEnd = {2027, 1, 31};
    o.perHouseholdCap = 2;
    o.status = OfferStatus::Withdrawn;
    o.title = "床位";
    d.offers.push_back(o);

    Allocation al;
    al.id = 77;
    al.need = 9;
    al.offer = 11;
    al.quantity = -1; // serializers must not care about validity
    al.status = AllocationStatus::Confirmed;
    al.locked = true;
    al.reasons = {{Str::ErrPhone, "a"}, {Str::ErrDuplicateId, ""}};
    d.allocations.push_back(al);

    Volunteer v;
    v.id = 3;
    v.name = "志愿者";
    v.phone = "18800001111";
    v.divisionCode = "14";
    v.kinds = {Kind::SnowClearing, Kind::Coal};
    v.active = false;
    d.volunteers.push_back(v);
    d.volunteers.push_back(Volunteer{}); // all defaults, twice the same type
    return d;
}

std::string toText(const Dataset& d, Format format) {
    std::ostringstream out;
    std::string error;
    BOOST_REQUIRE_MESSAGE(writeDataset(d, out, format, &error), error);
    return out.str();
}

Result<Dataset> fromText(const std::string& text, Format format) {
    std::istringstream in(text);
    return readDataset(in, format);
}

std::string firstError(const Result<Dataset>& r) {
    return r.ok() || r.errors().empty() ? std::string("(none)")
                                        : r.errors().front().describe(Lang::En);
}

void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture text lacks " + from);
    text.replace(at, from.size(), to);
}

} // namespace

BOOST_AUTO_TEST_SUITE(serial)

BOOST_AUTO_TEST_CASE(json_and_binary_round_trip_every_field) {
    const Dataset original = everyField();
    for (Format f : {Format::Json, Format::Binary}) {
        const auto back = fromText(toText(original, f), f);
        BOOST_REQUIRE_MESSAGE(back.ok(), firstError(back));
        BOOST_TEST(back.value() == original);
        // The equality helper itself must see a difference in a deep field.
        Dataset changed = back.value();
        changed.households[0].members[1].attributes.set(Attribute::Orphan);
        BOOST_TEST(!(changed == original));
    }
}

BOOST_AUTO_TEST_CASE(empty_and_demo_data_sets_round_trip) {
    const Dataset empty;
    DemoOptions options;
    options.households = 150;
    options.seed = 99;
    const Dataset demo = generateDemo(options, DivisionRegistry::builtIn());
    for (const Dataset* d : {&empty, &demo}) {
        for (Format f : {Format::Json, Format::Binary}) {
            const auto back = fromText(toText(*d, f), f);
            BOOST_REQUIRE_MESSAGE(back.ok(), firstError(back));
            BOOST_TEST(back.value() == *d);
        }
    }
}

BOOST_AUTO_TEST_CASE(json_is_readable) {
    const std::string text = toText(everyField(), Format::Json);
    for (const char* expected :
         {"\"consent_to_share\": true", "\"registered_by\"", "\"division_code\": \"510104\"",
          "\"sex\": \"male\"", "\"tekun\"", "\"disaster_stranded\"", "\"wiring_repair\"",
          "\"as_of\": \"2027-01-15\"", "\"code\": \"ErrPhone\"", "\"per_household_cap\": 2",
          "\"capacity\": 9000000000", "\"cereal_class_version\": 2", "欧阳某某"}) {
        BOOST_TEST_CONTEXT(expected) {
            BOOST_TEST(text.find(expected) != std::string::npos);
        }
    }
    BOOST_TEST(text.find("consentToShare") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(version_1_fixture_loads_with_defaults) {
    const std::string path = test::dataDir() + "/dataset_v1.json";
    const auto loaded = loadDatasetFile(path);
    BOOST_REQUIRE_MESSAGE(loaded.ok(), firstError(loaded));
    const Dataset& d = loaded.value();
    BOOST_REQUIRE_EQUAL(d.households.size(), 2U);
    const Household& h = d.households[0];
    BOOST_TEST(h.consentToShare);       // was "consent" in version 1
    BOOST_TEST(h.registeredBy.empty()); // did not exist in version 1
    BOOST_TEST(!d.households[1].consentToShare);
    BOOST_TEST(d.households[1].id == 8U); // version read once, reused for the second element
    BOOST_TEST((h.categories == (CategorySet{Category::Dibao, Category::Monitored})));
    BOOST_REQUIRE_EQUAL(h.members.size(), 2U);
    BOOST_TEST(
        (h.members[0].attributes == (AttributeSet{Attribute::Disabled, Attribute::LivesAlone})));
    BOOST_TEST((h.members[0].sex == Sex::Male));
    BOOST_TEST((d.allocations.at(0).reasons.at(0).code == Str::ErrInvalid));
    BOOST_TEST((d.volunteers.at(0).kinds == (std::vector<Kind>{Kind::Coal, Kind::HomeVisit})));

    // The hand-computed check characters (X and 4) are right.
    const auto& divisions = DivisionRegistry::builtIn();
    for (const auto& m : h.members) {
        const auto id = parseResidentId(m.idNumber, divisions, d.asOf);
        BOOST_TEST_CONTEXT(m.name) {
            BOOST_TEST(id.ok());
            if (id.ok()) BOOST_TEST((id.value().birth == m.birth));
        }
    }
    // What an old file lacks is exactly what validation then asks for.
    const FieldErrors errors = validate(h, divisions, d.asOf);
    BOOST_REQUIRE_EQUAL(errors.size(), 1U);
    BOOST_TEST(errors[0].field == "registered_by");
    BOOST_TEST((errors[0].reason == Str::ErrRequired));
}

BOOST_AUTO_TEST_CASE(unknown_enum_name_is_a_clear_error) {
    std::string text = toText(everyField(), Format::Json);
    replaceOnce(text, "\"sex\": \"female\"", "\"sex\": \"martian\"");
    const auto r = fromText(text, Format::Json);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.errors()[0].reason == Str::SerialUnknownName));
    BOOST_TEST(r.errors()[0].value == "martian");
    BOOST_TEST(r.errors()[0].field == "dataset.households[0].members[1].sex");

    text = toText(everyField(), Format::Json);
    replaceOnce(text, "\"code\": \"ErrPhone\"", "\"code\": \"NoSuchKey\"");
    const auto r2 = fromText(text, Format::Json);
    BOOST_REQUIRE(!r2.ok());
    BOOST_TEST(r2.errors()[0].field == "dataset.allocations[0].reasons[0].code");
}

BOOST_AUTO_TEST_CASE(missing_field_wrong_type_and_bad_date) {
    std::string text = toText(everyField(), Format::Json);
    replaceOnce(text, "\"note\": \"夜间\"", "\"noot\": \"x\"");
    auto r = fromText(text, Format::Json);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.errors()[0].field == "dataset.needs[0].note");

    text = toText(everyField(), Format::Json);
    replaceOnce(text, "\"quantity\": 3", "\"quantity\": \"three\"");
    r = fromText(text, Format::Json);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.errors()[0].field == "dataset.needs[0].quantity");

    text = toText(everyField(), Format::Json);
    replaceOnce(text, "\"2027-02-28\"", "\"2027-02-30\"");
    r = fromText(text, Format::Json);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.errors()[0].reason == Str::SerialBadDate));
    BOOST_TEST(r.errors()[0].field == "dataset.needs[0].deadline");
}

BOOST_AUTO_TEST_CASE(newer_version_and_foreign_files_are_refused) {
    std::string text = toText(everyField(), Format::Json);
    replaceOnce(text, "\"cereal_class_version\": 2", "\"cereal_class_version\": 3");
    auto r = fromText(text, Format::Json);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.errors()[0].reason == Str::SerialNewerVersion));
    BOOST_TEST(r.errors()[0].field == "dataset.households[0]");

    for (const char* foreign : {"{\"format\": \"other\", \"dataset\": {}}", "[1, 2]", "{}", "42"}) {
        BOOST_TEST_CONTEXT(foreign) {
            BOOST_TEST(!fromText(foreign, Format::Json).ok());
        }
    }
    r = fromText("{\"format\": \"other\"}", Format::Json);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.errors()[0].reason == Str::SerialNotDataset));
}

BOOST_AUTO_TEST_CASE(truncated_and_corrupt_input_gives_errors) {
    const Dataset d = everyField();
    for (Format f : {Format::Json, Format::Binary}) {
        const std::string text = toText(d, f);
        // Every prefix of the binary form and many of the JSON one: an error each, no crash.
        const std::size_t step = f == Format::Binary ? 1 : 13;
        for (std::size_t len = 0; len < text.size(); len += step) {
            const auto r = fromText(text.substr(0, len), f);
            BOOST_TEST_CONTEXT("length " << len) {
                BOOST_TEST(!r.ok());
                if (!r.ok()) BOOST_TEST(!r.errors().empty());
            }
        }
    }
    // Corrupt counts must be refused without allocating what they claim.
    std::string binary = toText(d, Format::Binary);
    for (std::size_t at = 0; at + 8 <= binary.size(); at += 5) {
        std::string bad = binary;
        for (std::size_t i = 0; i < 8; ++i) bad[at + i] = static_cast<char>(0xFF);
        const auto r = fromText(bad, Format::Binary); // ok or an error; never a crash
        if (!r.ok()) BOOST_TEST(!r.errors().empty());
    }
}

BOOST_AUTO_TEST_CASE(files_are_written_atomically_and_errors_name_them) {
    const Dataset d = everyField();
    for (const char* name : {"/serial_file.json", "/serial_file.nxd"}) {
        const std::string path = test::workDir() + name;
        std::string error;
        BOOST_REQUIRE_MESSAGE(saveDatasetFile(d, path, &error), error);
        BOOST_TEST(!std::ifstream(path + ".tmp").good());
        const auto back = loadDatasetFile(path);
        BOOST_REQUIRE_MESSAGE(back.ok(), firstError(back));
        BOOST_TEST(back.value() == d);
    }
    BOOST_TEST((formatForPath("a.JSON") == Format::Json));
    BOOST_TEST((formatForPath("a.nxd") == Format::Binary));

    const std::string missing = test::workDir() + "/does_not_exist.nxd";
    const auto r = loadDatasetFile(missing);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.errors()[0].field.find(missing) == 0U);

    const std::string broken = test::workDir() + "/broken.json";
    std::ofstream(broken) << "{\"format\": \"nuanxin-dataset\", \"dataset\": {";
    const auto r2 = loadDatasetFile(broken);
    BOOST_REQUIRE(!r2.ok());
    BOOST_TEST(r2.errors()[0].field.find(broken) == 0U);
    BOOST_TEST((r2.errors()[0].reason == Str::SerialSyntax));

    std::string error;
    BOOST_TEST(!saveDatasetFile(d, test::workDir() + "/no/such/dir/x.json", &error));
    BOOST_TEST(error.find("x.json") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
