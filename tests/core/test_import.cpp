// CSV import into a store: encodings, headers, every bad row with line, column, masked value and
// reason; all-or-nothing leaves the store unchanged; broken files import nothing.
#include <fstream>
#include <iterator>

#include <boost/test/unit_test.hpp>

#include "core/io/import.h"
#include "core/model/equality.h"

#include "test_store_support.h"

using namespace nuanxin;
using namespace nuanxin::test;

namespace {

const DivisionRegistry& reg() {
    return DivisionRegistry::builtIn();
}

std::string fixture(const std::string& name) {
    std::ifstream in(dataDir() + "/import/" + name, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "missing fixture " + name);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::unique_ptr<Store> emptyStore(PosixFileSystem& fs, const std::string& name) {
    auto s = Store::open(fs, freshDir(name), reg());
    BOOST_REQUIRE(s.ok());
    return std::move(s.value());
}

ImportOptions opts(bool allOrNothing = false, std::string org = "示例慈善会") {
    ImportOptions o;
    o.who = "导入员";
    o.when = kNow;
    o.organisation = std::move(org);
    o.allOrNothing = allOrNothing;
    return o;
}

const Household* byName(const State& s, const std::string& name) {
    for (const auto& h : s.dataset().households) {
        for (const auto& m : h.members) {
            if (m.name == name) return &h;
        }
    }
    return nullptr;
}

void checkGoodHouseholds(const Store& store) {
    const Dataset& d = store.state().dataset();
    BOOST_TEST(d.households.size() == 3U);
    BOOST_TEST(d.needs.size() == 4U);
    const Household* h1 = byName(store.state(), "张建国");
    BOOST_REQUIRE(h1);
    BOOST_TEST(h1->members.size() == 2U);
    BOOST_TEST(h1->members[1].name == "李桂英");
    BOOST_TEST(h1->address == "四川省成都市锦江区春熙路1号,3单元");
    BOOST_TEST(h1->consentToShare);
    BOOST_TEST(h1->members[0].birth.iso() == "1950-03-15");
    BOOST_TEST((h1->members[0].sex == Sex::Male));
    const Household* zhao = byName(store.state(), "赵大爷");
    BOOST_REQUIRE(zhao);
    BOOST_TEST(zhao->address == "河北省石家庄市长安区\r\n中山路5号");
    BOOST_TEST(zhao->categories.has(Category::Tekun));
    BOOST_TEST(!zhao->consentToShare);
    BOOST_TEST(store.state().needsWith(Kind::Coal, NeedStatus::Open).size() == 1U);
    BOOST_TEST(
        store.state().need(store.state().needsWith(Kind::Coal, NeedStatus::Open)[0])->quantity ==
        300);
}

} // namespace

BOOST_AUTO_TEST_SUITE(import)

BOOST_AUTO_TEST_CASE(utf8_with_bom_chinese_headers) {
    PosixFileSystem fs;
    auto store = emptyStore(fs, "import-bom");
    const auto r = importCsv(*store, fixture("households_utf8_bom.csv"), ImportTarget::Households,
                             opts(), "h.csv");
    BOOST_TEST(!r.fatal.has_value());
    BOOST_TEST((r.encoding == Encoding::Utf8));
    BOOST_TEST(r.rows == 4U);
    BOOST_TEST(r.rowsAccepted == 4U);
    BOOST_TEST(r.recordsAdded == 3U);
    BOOST_TEST(r.rejects.empty());
    BOOST_TEST(r.committed);
    checkGoodHouseholds(*store);
    BOOST_TEST(store->state().dataset().households[0].registeredBy == "示例慈善会");
}

BOOST_AUTO_TEST_CASE(gb18030_detected_and_converted) {
    PosixFileSystem fs;
    auto store = emptyStore(fs, "import-gb");
    const std::string bytes = fixture("households_gb18030.csv");
    // Independent check that the fixture really is GB18030: 张 is D5 C5 there.
    BOOST_TEST(bytes.find("\xD5\xC5") != std::string::npos);
    const auto r = importCsv(*store, bytes, ImportTarget::Households, opts(), "gb.csv");
    BOOST_TEST(!r.fatal.has_value());
    BOOST_TEST((r.encoding == Encoding::Gb18030));
    BOOST_TEST(r.rejects.empty());
    checkGoodHouseholds(*store);
    // Forcing UTF-8 on it is refused with the line of the first bad byte (the header).
    auto other = emptyStore(fs, "import-gb-as-utf8");
    ImportOptions o = opts();
    o.encoding = Encoding::Utf8;
    const auto refused = importCsv(*other, bytes, ImportTarget::Households, o, "gb.csv");
    BOOST_REQUIRE(refused.fatal.has_value());
    BOOST_TEST(refused.fatal->field == "gb.csv:1");
    BOOST_TEST(other->state().sequence() == 0U);
}

BOOST_AUTO_TEST_CASE(english_headers_and_stable_names) {
    PosixFileSystem fs;
    auto store = emptyStore(fs, "import-en");
    const auto r = importCsv(*store, fixture("households_english.csv"), ImportTarget::Households,
                             opts(), "en.csv");
    BOOST_TEST(r.rejects.empty());
    BOOST_REQUIRE(store->state().dataset().households.size() == 1U);
    BOOST_TEST(store->state().dataset().households[0].address == "Chunxi Road 1, Unit 3");
    BOOST_TEST(store->state().dataset().households[0].categories.has(Category::Dibao));
    BOOST_TEST(store->state().dataset().needs.size() == 1U);
}

BOOST_AUTO_TEST_CASE(changed_header_mapping) {
    PosixFileSystem fs;
    auto store = emptyStore(fs, "import-map");
    const std::string csv =
        "户主姓名,证件号码,县区,家庭住址\n周一,510104197001010511,510104,锦江区某街1号\n";
    // Without a mapping the required columns are missing: nothing imported, named.
    auto r = importCsv(*store, csv, ImportTarget::Households, opts(), "m.csv");
    BOOST_REQUIRE(r.fatal.has_value());
    BOOST_TEST((r.fatal->reason == Str::IoMissingColumn));
    ImportOptions o = opts();
    o.headers = HeaderMap::defaults(ImportTarget::Households);
    o.headers->set("户主姓名", "name");
    o.headers->set("证件号码", "id_number");
    o.headers->set("县区", "division");
    r = importCsv(*store, csv, ImportTarget::Households, o, "m.csv");
    BOOST_TEST(!r.fatal.has_value());
    for (const auto& x : r.rejects) BOOST_TEST_MESSAGE(x.column << " " << keyName(x.reason));
    BOOST_TEST(r.rejects.empty());
    BOOST_TEST(store->state().dataset().households.size() == 1U);
}

BOOST_AUTO_TEST_CASE(bad_rows_reported_with_line_column_reason) {
    PosixFileSystem fs;
    auto store = emptyStore(fs, "import-bad");
    const auto r =
        importCsv(*store, fixture("bad_rows.csv"), ImportTarget::Households, opts(), "bad.csv");
    BOOST_TEST(!r.fatal.has_value());
    BOOST_TEST(r.rows == 6U);
    BOOST_TEST(r.rowsAccepted == 1U);
    BOOST_TEST(store->state().dataset().households.size() == 1U);
    struct Expect {
        std::size_t line;
        const char* column;
        Str reason;
    };
    const Expect expected[] = {
        {3, "身份证号", Str::ErrIdCheckChar},       {4, "所属区划", Str::ErrDivisionUnknown},
        {5, "身份证号", Str::ErrDuplicateIdNumber}, {6, "类别", Str::IoUnknownValue},
        {7, "数量", Str::ErrNotPositive},
    };
    for (const auto& x : r.rejects)
        BOOST_TEST_MESSAGE(x.line << " " << x.column << " " << keyName(x.reason));
    BOOST_REQUIRE(r.rejects.size() == std::size(expected));
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        BOOST_TEST(r.rejects[i].line == expected[i].line);
        BOOST_TEST(r.rejects[i].column == expected[i].column);
        BOOST_TEST((r.rejects[i].reason == expected[i].reason));
    }
    BOOST_TEST(r.rejects[2].detail == "line 2");
    BOOST_TEST(r.rejects[1].value == "519999");
    // Personal values are masked: no full ID number in the report or the rejects file.
    const std::string file = rejectsCsv(r, Lang::Zh);
    BOOST_TEST(file.substr(0, 3) == "\xEF\xBB\xBF");
    BOOST_TEST(file.find("51010419710101") == std::string::npos);
    BOOST_TEST(r.rejects[0].value.substr(0, 4) == "5101");
    BOOST_TEST(r.rejects[0].value.find('*') != std::string::npos);
    BOOST_TEST(file.find("\"3\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(all_or_nothing_leaves_store_unchanged) {
    PosixFileSystem fs;
    auto store = emptyStore(fs, "import-aon");
    BOOST_REQUIRE(
        store->submit(Submission{"李", kNow, {cmd::RegisterHousehold{household(1, 1)}}}).ok());
    const StoreData before = store->state().data();
    const auto size = store->journalSize();
    const auto r =
        importCsv(*store, fixture("bad_rows.csv"), ImportTarget::Households, opts(true), "bad.csv");
    BOOST_TEST(!r.committed);
    BOOST_TEST(r.rowsAccepted == 0U);
    BOOST_TEST(r.rejects.size() == 5U);
    BOOST_TEST(store->journalSize() == size);
    BOOST_TEST((store->state().dataset() == before.data));
    BOOST_TEST(store->state().sequence() == before.sequence);
    // A clean file in all-or-nothing mode: one journal record for the whole file.
    const auto ok = importCsv(*store, fixture("households_utf8_bom.csv"), ImportTarget::Households,
                              opts(true), "h.csv");
    BOOST_TEST(ok.committed);
    BOOST_TEST(store->state().sequence() == before.sequence + 1);
    BOOST_TEST(store->state().dataset().households.size() == 4U);
}

BOOST_AUTO_TEST_CASE(broken_quoting_imports_nothing) {
    PosixFileSystem fs;
    auto store = emptyStore(fs, "import-broken");
    const auto r =
        importCsv(*store, fixture("broken_quoting.csv"), ImportTarget::Households, opts(), "q.csv");
    BOOST_REQUIRE(r.fatal.has_value());
    BOOST_TEST(r.fatal->field == "q.csv:3:1");
    BOOST_TEST((r.fatal->reason == Str::ErrCsvUnterminatedQuote));
    BOOST_TEST(!r.committed);
    BOOST_TEST(store->state().sequence() == 0U);
    const auto stray = importCsv(*store, "姓名,身份证号,所属区划\n周\"一,1,510104\n",
                                 ImportTarget::Households, opts(), "s.csv");
    BOOST_REQUIRE(stray.fatal.has_value());
    BOOST_TEST(stray.fatal->field == "s.csv:2:1");
    BOOST_TEST(store->state().sequence() == 0U);
}

BOOST_AUTO_TEST_CASE(progress_and_cancel) {
    PosixFileSystem fs;
    auto store = emptyStore(fs, "import-cancel");
    std::string csv = "姓名,身份证号,所属区划\n";
    for (int i = 1; i <= 25000; ++i)
        csv += "某某," + idNumber("510104", "19800101", i % 1000) + ",510104\n";
    std::atomic<bool> stop{false};
    std::size_t calls = 0;
    ImportOptions o = opts();
    o.cancel = &stop;
    o.progress = [&](std::size_t done, std::size_t total) {
        ++calls;
        BOOST_TEST(done <= total);
        if (done >= 20000) stop = true;
    };
    const auto r = importCsv(*store, csv, ImportTarget::Households, o, "c.csv");
    BOOST_TEST(r.cancelled);
    BOOST_TEST(calls == 2U);
    BOOST_TEST(!r.committed);
    BOOST_TEST(store->state().sequence() == 0U);
}

BOOST_AUTO_TEST_CASE(donors_then_offers) {
    PosixFileSystem fs;
    auto store = emptyStore(fs, "import-supply");
    const auto d = importCsv(*store, fixture("donors.csv"), ImportTarget::Donors, opts(), "d.csv");
    BOOST_TEST(d.recordsAdded == 2U);
    BOOST_REQUIRE(d.rejects.size() == 1U);
    BOOST_TEST(d.rejects[0].line == 4U);
    BOOST_TEST((d.rejects[0].reason == Str::IoDuplicateName));
    const auto o = importCsv(*store, fixture("offers.csv"), ImportTarget::Offers, opts(), "o.csv");
    BOOST_TEST(o.recordsAdded == 2U);
    BOOST_REQUIRE(o.rejects.size() == 2U);
    BOOST_TEST(o.rejects[0].line == 4U);
    BOOST_TEST((o.rejects[0].reason == Str::ErrUnknownDonor));
    BOOST_TEST(o.rejects[1].line == 5U);
    BOOST_TEST((o.rejects[1].reason == Str::ErrWindowOrder));
    const Offer& coal = store->state().dataset().offers.at(0);
    BOOST_TEST(coal.capacity == 5000);
    BOOST_TEST(coal.unitValueFen == 120);
    BOOST_TEST(coal.perHouseholdCap == 500);
    BOOST_TEST((coal.coverage == std::vector<std::string>{"5101", "1301"}));
    BOOST_TEST(coal.targetGroups.has(Category::Tekun));
    BOOST_TEST(coal.donor == store->state().dataset().donors.at(1).id);
}

BOOST_AUTO_TEST_SUITE_END()
